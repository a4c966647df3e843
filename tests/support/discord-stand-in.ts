// A local stand-in for Discord on 127.0.0.1: the REST routes the bot uses under /api/v10 and the gateway over
// WebSocket (JSON encoding), with every request body checked against Discord's own OpenAPI schema
// (discord-api-spec) and the limits the schema leaves out, and with faults a test can inject.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IncomingWebhookRequestPartialSchema, IncomingWebhookUpdateRequestPartialSchema } from 'discord-api-spec/zod';
import { WebSocket, WebSocketServer } from 'ws';
import { commandDefinitionProblems, messageProblems, responseProblems } from './discord-contract.js';
import { EVENT_DEADLINE_MS } from './deadline.js';
import { readMultipart, unsentAttachments, type SentFile } from './multipart.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
  problems: string[];
  at: number;
  /** Files a multipart body carried (files[n]), checked against its payload_json's attachments. */
  files: SentFile[];
}

export interface Callback {
  interactionId: string;
  body: { type: number; data?: Record<string, unknown> };
  /** Milliseconds from the dispatch to the callback. */
  latency: number;
  files: SentFile[];
}

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

/** One shard's session: its socket, and the dispatches kept for a RESUME. */
interface Session {
  socket: WebSocket | null;
  /** '' when there is none to resume. */
  id: string;
  seq: number;
  dispatches: Dispatch[];
  ready: boolean;
}

/** The fields of IDENTIFY (op 2) and RESUME (op 6) the stand-in reads. */
interface GatewayFrameData {
  token: string;
  intents: number;
  shard?: unknown;
  session_id: string;
  seq: number;
}

interface PendingInteraction {
  id: string;
  token: string;
  dispatchedAt: number;
  acknowledged: boolean;
  waiters: Array<(callback: Callback) => void>;
  /** The INTERACTION_CREATE payload, for the message its reply makes. */
  payload: Record<string, unknown>;
  /** The message its reply made or changed, once answered. */
  messageId?: string;
}

interface Fault {
  route: RegExp;
  status: number;
  times: number;
  retryAfter?: number;
}

export interface StandInOptions {
  token: string;
  applicationId?: string;
  /** Heartbeat interval sent in HELLO, in ms. Short, so a missed heartbeat ack is noticed quickly. */
  heartbeatInterval?: number;
  /** Discord's 3-second window for the first response. */
  callbackDeadlineMs?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** The fewest shards an IDENTIFY may name before it is closed with 4011, "sharding required" (default 1). */
  requiredShards?: number;
  /** `session_start_limit.max_concurrency`: shards that may identify together, every 5 seconds (default 1). */
  maxConcurrency?: number;
}

/** Where an interaction comes from: a server, a DM with the bot, or a group DM (through a user install). */
export type Where = 'guild' | 'dm' | 'private';

export const BOT_USER_ID = '900000000000000001';
/** The bot's own user, as messages it posts and READY name it. */
const BOT_USER = {
  id: BOT_USER_ID,
  username: 'factsheet-bot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};
export const READER_ID = '930000000000000000';
const GUILD_ID = '910000000000000000';

/** The shard Discord sends a server's events to: (guild_id >> 22) % shard count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A server id whose events go to `shard` of `shardCount`. */
export function guildOnShard(shard: number, shardCount: number): string {
  const base = BigInt(GUILD_ID) >> 22n;
  return String((base - (base % BigInt(shardCount)) + BigInt(shard)) << 22n);
}
const CHANNEL_ID = '920000000000000000';

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Schema or limit violations: any entry here fails the test that caused it. */
  readonly violations: string[] = [];
  /** Every IDENTIFY, with the `shard: [id, count]` it named (null when it named none). */
  readonly identifies: Array<{ token: string; intents: number; shard: [number, number] | null }> = [];
  /** Every RESUME, with the shard whose session it named (null when it named none the stand-in knows). */
  readonly resumes: Array<{ session_id: string; seq: number; shard: number | null }> = [];
  readonly callbacks: Callback[] = [];
  /** Messages posted to channels (POST /channels/{id}/messages), in order; a repeated enforced nonce adds none. */
  readonly channelMessages: Array<{ channelId: string; body: Record<string, unknown> }> = [];
  /** Channels the bot cannot post in, with Discord's error code: 50001, 50013 (403) or 10003 (404). */
  readonly refusedChannels = new Map<string, number>();
  /** The global commands, as last registered (PUT). */
  registered: unknown[] = [];
  /** The commands registered in each server, by server id. */
  readonly guildCommands = new Map<string, unknown[]>();
  heartbeatsAcked = true;
  /** When set, every IDENTIFY is answered by closing the socket with this code (4004, 4010-4014: fatal). */
  refuseIdentifyWith: number | null = null;
  /** When true, GET /gateway/bot is never answered: the bot stays in the middle of connecting. */
  holdGatewayInfo = false;
  /** While true, IDENTIFY waits unanswered (the bot stays connecting) until releaseIdentify(). */
  holdIdentify = false;
  /** While set, that shard's IDENTIFY and RESUME wait unanswered (it stays down, the others not) until releaseIdentify(). */
  holdShard: number | null = null;
  private readonly heldIdentifies: Array<() => void> = [];

  private server!: Server;
  private wss!: WebSocketServer;
  /** By shard id. */
  private readonly sessions = new Map<number, Session>();
  /** The count the bot's IDENTIFYs named: interactions are routed by it. */
  private shardCount = 1;
  private readonly interactions = new Map<string, PendingInteraction>();
  /** Messages the bot's replies made, by id, kept up to date by page turns and webhook edits. */
  private readonly messages = new Map<string, Record<string, unknown>>();
  /** The message each button custom id was last seen on. */
  private readonly buttonMessages = new Map<string, string>();
  private readonly faults: Fault[] = [];
  private readonly connectionWaiters: Array<() => void> = [];
  private nextId = 1000n;
  readonly applicationId: string;

  constructor(private readonly options: StandInOptions) {
    this.applicationId = options.applicationId ?? '900000000000000000';
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What the bot takes as DISCORD_API_URL (discord.js's `rest.api`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Whether a bot is connected and identified (or resumed) right now, on every shard. */
  get connected(): boolean {
    if (this.sessions.size === 0) return false;
    for (let shard = 0; shard < this.shardCount; shard++) if (!this.shardConnected(shard)) return false;
    return true;
  }

  /** Whether one shard's session is open and receiving dispatches. */
  shardConnected(shard: number): boolean {
    const session = this.sessions.get(shard);
    return Boolean(session?.ready && session.socket?.readyState === WebSocket.OPEN);
  }

  private session(shard: number): Session {
    let session = this.sessions.get(shard);
    if (!session) {
      session = { socket: null, id: '', seq: 0, dispatches: [], ready: false };
      this.sessions.set(shard, session);
    }
    return session;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.handleSocket(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    // A held request (holdGatewayInfo) would keep the server open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- faults ----

  /** Answers the next `times` requests whose "METHOD /path" matches with `status` (429 carries Retry-After). */
  failNext(route: RegExp, status: number, options: { times?: number; retryAfter?: number } = {}): void {
    this.faults.push({ route, status, times: options.times ?? 1, retryAfter: options.retryAfter });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Drops a shard's TCP connection without a close frame. */
  terminate(shard = 0): void {
    const session = this.session(shard);
    session.ready = false;
    session.socket?.terminate();
  }

  /** Closes a shard's WebSocket with a code: 1000 (the session ends), 4000 (resumable), 4004 (fatal), ... */
  close(code: number, shard = 0): void {
    const session = this.session(shard);
    session.ready = false;
    session.socket?.close(code, 'stand-in closed the connection');
  }

  /** Answers the IDENTIFYs (and RESUMEs) held by holdIdentify or holdShard, and holds no more. */
  releaseIdentify(): void {
    this.holdIdentify = false;
    this.holdShard = null;
    for (const answer of this.heldIdentifies.splice(0)) answer();
  }

  /** op 7: asks a shard to reconnect and resume. */
  requestReconnect(shard = 0): void {
    this.session(shard).ready = false;
    this.send({ op: 7, d: null }, shard);
  }

  /** op 9: a shard's session is invalid; `resumable` false forces a new IDENTIFY. */
  invalidateSession(resumable: boolean, shard = 0): void {
    const session = this.session(shard);
    session.ready = false;
    if (!resumable) session.id = '';
    this.send({ op: 9, d: resumable }, shard);
  }

  // ---- interactions ----

  /** Sends INTERACTION_CREATE for a chat-input command (type 2) or an autocomplete (type 4). */
  dispatchInteraction(
    name: string,
    options: Array<{ name: string; type: number; value: unknown; focused?: boolean }>,
    type: 2 | 4 = 2,
    userId = READER_ID,
    where: Where = 'guild',
    guildId = GUILD_ID,
  ): string {
    const data = {
      id: '940000000000000000',
      name,
      type: 1,
      options,
      ...(where === 'guild' ? { guild_id: guildId } : {}),
    };
    return this.dispatchPayload(type, data, userId, undefined, where, guildId);
  }

  /**
   * Sends INTERACTION_CREATE for a message command (data type 3) used on a message with this content and
   * these embeds, resolved as Discord resolves it; `resolved: false` leaves the message out.
   */
  dispatchMessageCommand(
    name: string,
    message: { content?: string; embeds?: unknown[] },
    options: { userId?: string; resolved?: boolean } = {},
  ): string {
    const id = this.snowflake();
    const target = { ...this.botMessage(), id, author: this.reader(options.userId ?? READER_ID), ...message };
    const data = {
      id: '940000000000000001',
      name,
      type: 3,
      target_id: id,
      guild_id: GUILD_ID,
      ...(options.resolved === false ? {} : { resolved: { messages: { [id]: target } } }),
    };
    return this.dispatchPayload(2, data, options.userId ?? READER_ID);
  }

  private reader(userId: string): Record<string, unknown> {
    return {
      id: userId,
      username: `reader-${userId.slice(-3)}`,
      discriminator: '0',
      global_name: 'Reader',
      avatar: null,
    };
  }

  /**
   * Sends INTERACTION_CREATE for a button press (type 3) on a message the bot posted: the reply that showed this
   * custom id (its id, embeds, components and interaction_metadata as Discord keeps them), else a bare message.
   */
  dispatchButton(customId: string, userId = READER_ID): string {
    const message = this.messages.get(this.buttonMessages.get(customId) ?? '') ?? this.botMessage();
    return this.dispatchRaw(this.buttonPayload(customId, message, userId));
  }

  /** A button press on `message`, not yet sent. */
  buttonPayload(customId: string, message: unknown, userId = READER_ID): Record<string, unknown> {
    return this.interactionPayload(3, { custom_id: customId, component_type: 2 }, userId, message);
  }

  /**
   * The message Discord makes for a reply to an interaction: a fresh id (dated now), the reply's content, embeds,
   * components and flags, and interaction_metadata naming the interaction and who ran it.
   */
  messageFrom(payload: Record<string, unknown>, data: Record<string, unknown> = {}): Record<string, unknown> {
    const user = (payload.member as { user?: unknown } | undefined)?.user ?? payload.user;
    const pressedOn = (payload.message as { id?: unknown } | undefined)?.id;
    return {
      ...this.botMessage(),
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      flags: data.flags ?? 0,
      interaction_metadata: {
        id: payload.id,
        type: payload.type,
        user,
        authorizing_integration_owners: payload.authorizing_integration_owners ?? {},
        ...(pressedOn ? { interacted_message_id: pressedOn } : {}),
      },
    };
  }

  /** Keeps the message a callback made (4, 5) or changed (7), as later presses on it carry it. */
  private recordMessage(interaction: PendingInteraction, body: Callback['body']): void {
    const pressedOn = (interaction.payload.message as { id?: unknown } | undefined)?.id;
    if (body.type === 7 && typeof pressedOn === 'string' && this.messages.has(pressedOn)) {
      interaction.messageId = pressedOn;
      this.changeMessage(pressedOn, body.data ?? {});
    } else if (body.type === 4 || body.type === 5) {
      const message = this.messageFrom(interaction.payload, body.data);
      interaction.messageId = message.id as string;
      this.messages.set(interaction.messageId, message);
      this.changeMessage(interaction.messageId, {});
    }
  }

  /** Applies an update or an edit to a kept message, and notes where its buttons are. */
  private changeMessage(id: string, change: Record<string, unknown>): void {
    const message = this.messages.get(id);
    if (!message) return;
    for (const field of ['content', 'embeds', 'components'] as const)
      if (change[field] !== undefined) message[field] = change[field];
    const rows = (Array.isArray(message.components) ? message.components : []) as Array<{
      components?: Array<{ custom_id?: string }>;
    }>;
    for (const button of rows.flatMap((r) => r.components ?? []))
      if (button.custom_id) this.buttonMessages.set(button.custom_id, id);
  }

  private dispatchPayload(
    type: number,
    data: unknown,
    userId: string,
    message?: unknown,
    where: Where = 'guild',
    guildId = GUILD_ID,
  ): string {
    return this.dispatchRaw(this.interactionPayload(type, data, userId, message, where, guildId));
  }

  /** A schema-valid INTERACTION_CREATE payload with a fresh id and token, not yet sent (tests may spoil it). */
  interactionPayload(
    type: number,
    data: unknown,
    userId = READER_ID,
    message?: unknown,
    where: Where = 'guild',
    guildId = GUILD_ID,
  ): Record<string, unknown> {
    const user = {
      id: userId,
      username: `reader-${userId.slice(-3)}`,
      discriminator: '0',
      global_name: 'Reader',
      avatar: null,
    };
    return {
      id: this.snowflake(),
      application_id: this.applicationId,
      type,
      token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
      version: 1,
      channel_id: CHANNEL_ID,
      app_permissions: '0',
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 8_388_608,
      data,
      ...(where === 'guild' ? this.inGuild(user, guildId) : this.outsideGuilds(user, where)),
      ...(message ? { message } : {}),
    };
  }

  /** What an interaction in a server carries: the server, the member, a server install. */
  private inGuild(user: Record<string, unknown>, guildId: string) {
    return {
      guild_id: guildId,
      guild_locale: 'en-US',
      channel: { id: CHANNEL_ID, type: 0, name: 'general', guild_id: guildId },
      context: 0,
      authorizing_integration_owners: { '0': guildId },
      member: {
        user,
        roles: [],
        permissions: '0',
        joined_at: '2025-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        nick: null,
        avatar: null,
      },
    };
  }

  /** The message a button press carries: one the bot posted. */
  botMessage(): Record<string, unknown> {
    return {
      id: this.snowflake(),
      channel_id: CHANNEL_ID,
      type: 0,
      content: '',
      author: BOT_USER,
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    };
  }

  /**
   * Sends INTERACTION_CREATE with whatever `d` the test gives, valid or not. When it carries a string id and
   * token, a callback to them is accepted and recorded as for any interaction; returns that id ('' otherwise).
   * It goes to the shard of its `guild_id`, as on Discord; without one (a DM), to shard 0.
   */
  dispatchRaw(d: unknown): string {
    const fields = (typeof d === 'object' && d !== null ? d : {}) as {
      id?: unknown;
      token?: unknown;
      guild_id?: unknown;
    };
    const id = typeof fields.id === 'string' ? fields.id : '';
    if (id && typeof fields.token === 'string')
      this.interactions.set(id, {
        id,
        token: fields.token,
        dispatchedAt: performance.now(),
        acknowledged: false,
        waiters: [],
        payload: fields,
      });
    const guildId = typeof fields.guild_id === 'string' && /^\d+$/.test(fields.guild_id) ? fields.guild_id : null;
    this.dispatch(guildId ? shardOf(guildId, this.shardCount) : 0, 'INTERACTION_CREATE', d);
    return id;
  }

  /**
   * A DM with the bot (context 1, channel type 1) or a group DM (context 2, channel type 3) reached through a
   * user install: a `user` instead of a member, no server, the user as the authorizing owner.
   */
  private outsideGuilds(user: Record<string, unknown>, where: 'dm' | 'private') {
    return {
      channel: where === 'dm' ? { id: CHANNEL_ID, type: 1 } : { id: CHANNEL_ID, type: 3, name: 'friends' },
      context: where === 'dm' ? 1 : 2,
      authorizing_integration_owners: { '1': user.id },
      user,
    };
  }

  /** Webhook edits of an interaction's original message (PATCH messages/@original), by interaction token. */
  edits(token?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method === 'PATCH' &&
        r.path.endsWith('/messages/@original') &&
        r.status === 200 &&
        (!token || r.path.includes(token)),
    );
  }

  tokenOf(interactionId: string): string {
    return this.interactions.get(interactionId)!.token;
  }

  /** Resolves with the bot's callback for an interaction, or rejects after `timeout` ms. */
  waitForCallback(interactionId: string, timeout = EVENT_DEADLINE_MS): Promise<Callback> {
    const done = this.callbacks.find((c) => c.interactionId === interactionId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no callback for interaction ${interactionId} within ${timeout} ms`)),
        timeout,
      );
      this.interactions.get(interactionId)!.waiters.push((callback) => {
        clearTimeout(timer);
        resolve(callback);
      });
    });
  }

  /** Resolves when the bot has identified or resumed and is receiving dispatches. */
  waitForReady(timeout = EVENT_DEADLINE_MS): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not connect within ${timeout} ms`)), timeout);
      this.connectionWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  // ---- gateway ----

  private handleSocket(ws: WebSocket): void {
    // A new socket belongs to no shard until it identifies or resumes.
    ws.on('message', (raw: Buffer) => this.handleFrame(ws, raw.toString()));
    ws.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval ?? 1000 }, s: null, t: null }),
    );
  }

  private handleFrame(ws: WebSocket, raw: string): void {
    let frame: { op: number; d: GatewayFrameData | null };
    try {
      frame = JSON.parse(raw);
    } catch {
      this.violations.push(`gateway: a frame that is not JSON: ${raw.slice(0, 80)}`);
      return ws.close(4002, 'Decode error');
    }
    if ((frame.op === 2 && this.holdIdentify) || this.isHeld(frame)) {
      this.heldIdentifies.push(() => this.handleFrame(ws, raw));
      return;
    }
    switch (frame.op) {
      case 1:
        if (this.heartbeatsAcked) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        return;
      case 2:
        return this.identify(ws, frame.d);
      case 6:
        return this.resume(ws, frame.d);
      default:
        return;
    }
  }

  /** Whether a frame is the held shard's IDENTIFY or RESUME. */
  private isHeld({ op, d }: { op: number; d: GatewayFrameData | null }): boolean {
    if (this.holdShard === null) return false;
    if (op === 2) return Array.isArray(d?.shard) && d.shard[0] === this.holdShard;
    const held = this.sessions.get(this.holdShard);
    return op === 6 && held !== undefined && held.id !== '' && held.id === d?.session_id;
  }

  /** IDENTIFY: checks the token and the shard, then opens a new session for that shard with READY. */
  private identify(ws: WebSocket, d: GatewayFrameData | null): void {
    const named = Array.isArray(d?.shard) ? (d.shard as [number, number]) : null;
    this.identifies.push({ token: d?.token ?? '', intents: d?.intents ?? 0, shard: named });
    if (d?.token !== this.options.token) return ws.close(4004, 'Authentication failed');
    if (this.refuseIdentifyWith !== null) return ws.close(this.refuseIdentifyWith, 'refused by the stand-in');
    const [shard, count] = named ?? [0, 1];
    const problem = this.shardProblem(shard, count);
    if (problem) return ws.close(problem.code, problem.reason);
    this.shardCount = count;
    const session = this.session(shard);
    if (session.socket !== ws) session.socket?.terminate();
    Object.assign(session, { socket: ws, id: randomBytes(16).toString('hex'), seq: 0, dispatches: [], ready: true });
    this.dispatch(shard, 'READY', {
      v: 10,
      user: { ...BOT_USER, flags: 0 },
      guilds: [],
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [shard, count],
      application: { id: this.applicationId, flags: 0 },
    });
    this.notifyConnected();
  }

  /**
   * What Discord closes an IDENTIFY's socket with for its `shard: [id, count]`: 4010 for an id outside the count
   * (or, here, a count other than the one the shards already connected named), 4011 for too few shards.
   */
  private shardProblem(shard: number, count: number): { code: number; reason: string } | null {
    if (!Number.isInteger(shard) || !Number.isInteger(count) || count < 1 || shard < 0 || shard >= count)
      return { code: 4010, reason: 'Invalid shard' };
    if (count < (this.options.requiredShards ?? 1)) return { code: 4011, reason: 'Sharding required' };
    const others = [...this.sessions].filter(([id]) => id !== shard && this.shardConnected(id));
    if (count !== this.shardCount && others.length > 0) return { code: 4010, reason: 'Invalid shard' };
    return null;
  }

  /** RESUME: the session it names takes this socket, gets what it missed, then RESUMED. */
  private resume(ws: WebSocket, d: GatewayFrameData | null): void {
    const found = [...this.sessions].find(([, s]) => s.id !== '' && s.id === d?.session_id);
    this.resumes.push({ session_id: d?.session_id ?? '', seq: d?.seq ?? 0, shard: found?.[0] ?? null });
    if (d?.token !== this.options.token) return ws.close(4004, 'Authentication failed');
    if (!found) return ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
    const [shard, session] = found;
    if (session.socket !== ws) session.socket?.terminate();
    session.socket = ws;
    session.ready = true;
    for (const missed of session.dispatches.filter((e) => e.s > (d?.seq ?? 0)))
      ws.send(JSON.stringify({ op: 0, ...missed }));
    this.dispatch(shard, 'RESUMED', null);
    this.notifyConnected();
  }

  private notifyConnected(): void {
    if (this.connected) for (const waiter of this.connectionWaiters.splice(0)) waiter();
  }

  private dispatch(shard: number, t: string, d: unknown): void {
    const session = this.session(shard);
    const event = { s: ++session.seq, t, d };
    session.dispatches.push(event);
    // While the shard is away, dispatches wait for its RESUME.
    if (this.shardConnected(shard)) session.socket!.send(JSON.stringify({ op: 0, ...event }));
  }

  private send(frame: { op: number; d: unknown }, shard: number): void {
    const socket = this.sessions.get(shard)?.socket;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ ...frame, s: null, t: null }));
  }

  private snowflake(): string {
    this.nextId++;
    return String((BigInt(Date.now() - 1420070400000) << 22n) + this.nextId);
  }

  // ---- REST ----

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    // Files come as Discord takes them: multipart, the JSON in payload_json; otherwise the body is JSON.
    const form = await readMultipart(req.headers['content-type'], raw);
    const body = form ? form.body : jsonBody(raw.toString('utf8'));
    const files = form?.files ?? [];
    const record: RecordedRequest = { method, path, body, status: 0, problems: [], at: performance.now(), files };
    this.requests.push(record);
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      // A 204 carries no body and no content-type, as Discord's does not.
      if (status === 204 || payload === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    const invalid = (problems: string[]) => {
      record.problems = problems;
      this.violations.push(...problems.map((p) => `${method} ${path}: ${p}`));
      reply(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
    };

    if (form?.tooLarge) return reply(413, { message: 'Request entity too large', code: 40005 });
    const formProblems = form ? form.problems : unsentAttachments(body);
    if (formProblems.length) return invalid(formProblems);

    const fault = this.faults.find((f) => f.times > 0 && f.route.test(`${method} ${path}`));
    if (fault) {
      fault.times--;
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 0.2;
        return reply(
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-scope': 'user' },
        );
      }
      return reply(fault.status, { message: 'stand-in fault', code: 0 });
    }

    if (!path.startsWith('/api/v10/')) return reply(404, { message: '404: Not Found', code: 0 });
    const route = path.slice('/api/v10'.length);
    const auth = req.headers.authorization;

    if (method === 'GET' && (route === '/gateway/bot' || route === '/gateway')) {
      if (this.holdGatewayInfo) return;
      if (route === '/gateway/bot' && auth !== `Bot ${this.options.token}`)
        return reply(401, { message: '401: Unauthorized', code: 0 });
      return reply(200, {
        url: this.gatewayUrl,
        shards: this.options.shards ?? 1,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 0,
          max_concurrency: this.options.maxConcurrency ?? 1,
        },
      });
    }

    let match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route);
    if ((method === 'PUT' || method === 'GET') && match) {
      if (auth !== `Bot ${this.options.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
      const [, applicationId, guildId] = match;
      const asRegistered = (commands: unknown[]) =>
        (commands as Array<Record<string, unknown>>).map((c) => ({
          ...c,
          id: this.snowflake(),
          application_id: applicationId,
          version: this.snowflake(),
          type: c.type ?? 1,
          ...(guildId ? { guild_id: guildId } : {}),
        }));
      if (method === 'GET')
        return reply(200, asRegistered(guildId ? (this.guildCommands.get(guildId) ?? []) : this.registered));
      if (!Array.isArray(body)) return invalid(['body must be an array of commands']);
      const problems = body.flatMap((command, i) => commandDefinitionProblems(command).map((p) => `${i}.${p}`));
      const names = body.map((c: { name?: string }) => c.name);
      if (new Set(names).size !== names.length) problems.push('duplicate command names');
      if (body.length > 100) problems.push('at most 100 commands');
      if (problems.length) return invalid(problems);
      if (guildId) this.guildCommands.set(guildId, body);
      else this.registered = body;
      return reply(200, asRegistered(body));
    }

    match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route);
    if (method === 'POST' && match) {
      const interaction = this.interactions.get(match[1]!);
      if (!interaction || interaction.token !== match[2])
        return reply(404, { message: 'Unknown interaction', code: 10062 });
      const latency = performance.now() - interaction.dispatchedAt;
      if (interaction.acknowledged) {
        this.violations.push(`interaction ${interaction.id} acknowledged twice`);
        return reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      }
      const deadline = this.options.callbackDeadlineMs ?? 3000;
      if (latency > deadline) {
        this.violations.push(
          `interaction ${interaction.id} answered after ${Math.round(latency)} ms (Discord allows ${deadline})`,
        );
        return reply(404, { message: 'Unknown interaction', code: 10062 });
      }
      const problems = responseProblems(body);
      if (problems.length) return invalid(problems);
      interaction.acknowledged = true;
      this.recordMessage(interaction, body as Callback['body']);
      const callback: Callback = { interactionId: interaction.id, body: body as Callback['body'], latency, files };
      this.callbacks.push(callback);
      for (const waiter of interaction.waiters.splice(0)) waiter(callback);
      return reply(204);
    }

    match = /^\/channels\/(\d+)\/messages$/.exec(route);
    if (method === 'POST' && match) return this.channelMessage(match[1]!, body, auth, reply, invalid);

    match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/@original)?$/.exec(route);
    if (match && (method === 'PATCH' || method === 'POST')) {
      const schema =
        method === 'PATCH' ? IncomingWebhookUpdateRequestPartialSchema : IncomingWebhookRequestPartialSchema;
      const result = schema.safeParse(body);
      const problems = result.success
        ? []
        : (result as { error: { issues: Array<{ path: PropertyKey[]; message: string }> } }).error.issues.map(
            (i) => `${i.path.join('.')}: ${i.message}`,
          );
      const limits = messageProblems(body as never).filter(
        (p) => !(method === 'PATCH' && p.startsWith('message has no')),
      );
      if (problems.length || limits.length) return invalid([...problems, ...limits]);
      const edited = [...this.interactions.values()].find((i) => i.token === match[2])?.messageId;
      if (method === 'PATCH' && edited) this.changeMessage(edited, body as Record<string, unknown>);
      return reply(200, { id: this.snowflake(), type: 0, channel_id: '920000000000000000', ...(body as object) });
    }

    return reply(404, { message: '404: Not Found', code: 0 });
  }

  /** POST /channels/{id}/messages with the bot token: refused for `refusedChannels`, once per enforced nonce. */
  private channelMessage(
    channelId: string,
    body: unknown,
    auth: string | undefined,
    reply: (status: number, payload?: unknown) => void,
    invalid: (problems: string[]) => void,
  ): void {
    if (auth !== `Bot ${this.options.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
    const refusal = this.refusedChannels.get(channelId);
    if (refusal) return reply(REFUSALS[refusal]!.status, { message: REFUSALS[refusal]!.message, code: refusal });
    const message = body as Record<string, unknown>;
    const problems = messageProblems(message);
    if (problems.length) return invalid(problems);
    const nonce = message.enforce_nonce === true ? message.nonce : undefined;
    const earlier = this.channelMessages.find((m) => m.channelId === channelId && nonce && m.body.nonce === nonce);
    if (!earlier) this.channelMessages.push({ channelId, body: message });
    reply(200, { id: this.snowflake(), type: 0, channel_id: channelId, ...message });
  }
}

/** Discord's messages for the codes a channel post can be refused with. */
const REFUSALS: Record<number, { status: number; message: string }> = {
  50001: { status: 403, message: 'Missing Access' },
  50013: { status: 403, message: 'Missing Permissions' },
  10003: { status: 404, message: 'Unknown Channel' },
};

function jsonBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startStandIn(options: StandInOptions): Promise<DiscordStandIn> {
  const standIn = new DiscordStandIn(options);
  await standIn.start();
  return standIn;
}
