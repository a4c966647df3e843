// The HTTP interactions endpoint: Discord POSTs each interaction to /interactions and takes the reply in the
// HTTP response, so any number of replicas can serve behind a load balancer. Each request is size-capped and
// its Ed25519 signature checked on the raw bytes before anything parses it. Everything between is the
// transport-neutral handler (./handler.ts); its `send` resolves the pending HTTP response. When the handler has
// not answered within DEFER_AFTER_MS (it may be waiting on the shared store), the request is answered with a
// deferral (type 5, or 6 for a button) and the reply follows through the interaction's webhook, which needs
// no bot token. That timer cannot fire while commands hold the event loop; the handler's queue defers those
// (./backlog.ts), through the same `send`. A signed copy of an interaction already received is refused
// (./replay.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Command } from '../command.js';
import type { Store } from '../store/store.js';
import {
  deferralOf,
  deferralResponse,
  isDeferral,
  repliesPrivately,
  webhookReplies,
  type Deferral,
} from './deferral.js';
import type { EditOriginal, Finish, Send } from './handler.js';
import { replayGuard } from './replay.js';
import { publicKeyFromHex, signatureProblem } from './signature.js';

/** Discord waits 3 s for the first response; past this, defer and finish through the webhook. */
export const DEFER_AFTER_MS = 2500;
/** Interactions are a few kilobytes; a bigger body is not Discord's. */
export const MAX_BODY_BYTES = 64 * 1024;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
/** Builds the interaction handler around this transport's send and edit (the entry point hands in the rest). */
export type MakeHandler = (send: Send, editOriginal: EditOriginal, finish: Finish) => (raw: unknown) => Promise<void>;

export interface EndpointOptions {
  /** DISCORD_PUBLIC_KEY: 64 hex characters. */
  publicKey: string;
  log: Logger;
  /** REST base for the webhook (DISCORD_API_URL); null: Discord itself. */
  apiUrl: string | null;
  deferAfterMs?: number;
  maxBodyBytes?: number;
  now?: () => number;
  /** The registry, for whether a command replies privately by default (a deferral fixes that). */
  commands?: ReadonlyMap<string, Command>;
  /** Where interaction ids are claimed against replays (./replay.ts): Redis shared by replicas; absent: memory. */
  store?: Store;
}

/** One request waiting for its interaction's reply. */
interface Pending {
  res: ServerResponse;
  answered: boolean;
  deferred: Deferral | null;
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** The body, or null once it passes `max` bytes (the rest is drained unread, so memory stays bounded). */
function readCapped(req: IncomingMessage, max: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    // A client that hangs up mid-body never sends 'end' (after 'end', this comes too late to matter).
    req.once('close', () => reject(new Error('the request was aborted')));
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request handler for POST /interactions. The handler `makeHandler` builds may defer too, through `send`
 * (when its queue would make a reply late, which this timer cannot see while commands hold the event loop).
 */
export function createInteractionEndpoint(options: EndpointOptions, makeHandler: MakeHandler): RequestHandler {
  const key = publicKeyFromHex(options.publicKey);
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {});
  rest.on('rateLimited', (info) =>
    options.log.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'),
  );
  const waiting = new Map<object, Pending>();
  const webhook = webhookReplies(rest, options.log);
  const send: Send = async (interaction, response) => {
    const pending = waiting.get(interaction);
    if (pending && !pending.deferred) {
      pending.answered = true;
      return writeJson(pending.res, 200, response);
    }
    // The handler deferring one the timer has deferred already: nothing is left to do.
    if (pending?.deferred && isDeferral(response)) return;
    await webhook.finish(interaction, response, pending?.deferred ?? 'message');
  };
  const handle = makeHandler(send, webhook.editOriginal, webhook.finish);
  const answer = answerer(handle, waiting, options);
  const firstSeen = replayGuard(options.store, options.log);
  return async (req, res) => {
    const raw = await verifiedBody(req, res, key, options);
    if (raw === undefined) return;
    // A PING changes nothing, so a copy of one is answered too.
    if (typeof raw === 'object' && raw !== null && 'type' in raw && raw.type === InteractionType.Ping)
      return writeJson(res, 200, { type: InteractionResponseType.Pong });
    if (await refusedAsReplay(raw, firstSeen, res, options.log)) return;
    await answer(raw, res);
  };
}

/**
 * Refuses a signed copy of an interaction already received within the signature's window: 409 Conflict (the
 * signature holds, so 401 would wrongly say the request is not Discord's), logged by its id alone.
 */
async function refusedAsReplay(
  raw: unknown,
  firstSeen: (id: string) => Promise<boolean>,
  res: ServerResponse,
  log: Logger,
): Promise<boolean> {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || (await firstSeen(id))) return false;
  log.warn({ status: 409, interaction: id }, 'refused a replayed interaction');
  writeJson(res, 409, { error: 'this interaction was received already' });
  return true;
}

/** Runs the handler for one request, deferring when it is slow; a request nothing answered gets a 400. */
function answerer(handle: (raw: unknown) => Promise<void>, waiting: Map<object, Pending>, options: EndpointOptions) {
  return async (raw: unknown, res: ServerResponse) => {
    const pending: Pending = { res, answered: false, deferred: null };
    const interaction = raw as APIInteraction;
    const deferral = typeof raw === 'object' && raw !== null ? deferralOf(interaction) : null;
    if (typeof raw === 'object' && raw !== null) waiting.set(raw, pending);
    const timer = deferral
      ? setTimeout(() => {
          if (pending.answered) return;
          pending.deferred = deferral;
          writeJson(res, 200, deferralResponse(deferral, repliesPrivately(interaction, options.commands)));
          options.log.info({ interaction: interaction.id }, 'deferred a slow interaction');
        }, options.deferAfterMs ?? DEFER_AFTER_MS)
      : undefined;
    try {
      await handle(raw);
    } finally {
      clearTimeout(timer);
      if (typeof raw === 'object' && raw !== null) waiting.delete(raw);
    }
    if (!pending.answered && !pending.deferred) writeJson(res, 400, { error: 'this interaction cannot be answered' });
  };
}

/**
 * The parsed body of a signed request of acceptable size, or undefined once a refusal is sent (413, 401, 400),
 * logged with why and how big, never with what it held.
 */
async function verifiedBody(
  req: IncomingMessage,
  res: ServerResponse,
  key: KeyObject,
  options: EndpointOptions,
): Promise<unknown> {
  const refuse = (status: number, problem: string, bytes?: number) => {
    options.log.warn({ status, problem, bytes }, 'refused an interaction request');
    writeJson(res, status, { error: problem }, status === 413 ? { connection: 'close' } : {});
    return undefined;
  };
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const body = await readCapped(req, max);
  if (!body) return refuse(413, `body over ${max} bytes`);
  const problem = signatureProblem(
    key,
    { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), body },
    options.now?.() ?? Date.now(),
  );
  if (problem) return refuse(401, problem, body.length);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return refuse(400, 'body is not JSON', body.length);
  }
}
