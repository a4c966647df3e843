// The HTTP interactions endpoint (INTERACTIONS=http): Discord POSTs each interaction to /interactions, mounted on
// the bot's HTTP server (./http-server.ts) beside the status routes, and takes the reply in the HTTP response, so
// any number of replicas can serve behind a load balancer. Each request is size-capped and its Ed25519 signature
// checked on the raw bytes before anything parses it; PING, Discord's check of the endpoint, is answered here and
// nowhere else. Everything between is the transport-neutral handler (./handler.ts); its `send` writes the pending
// HTTP response. A reply that would miss Discord's 3 s is deferred by the handler's queue (./backlog.ts) through
// that same `send`, and follows through the interaction's webhook, which needs no bot token. A signed copy of an
// interaction already received is refused (./replay.ts). A reply with files (a /trend chart) is deferred and sent
// through the webhook as multipart: Discord does not take files in the HTTP response itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { REST } from '@discordjs/rest';
import {
  InteractionResponseType,
  InteractionType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { withoutFiles } from '../command.js';
import { deferralOf, deferralResponse, isDeferral, isPrivate, webhookReplies, type Finish } from './deferral.js';
import type { Send } from './handler.js';
import { replyText, type HttpServer } from './http-server.js';
import { replayGuard } from './replay.js';
import { publicKeyFromHex, signatureProblem } from './signature.js';
import { readiness, transportHandler, type Transport, type TransportOptions } from './transport.js';

/** Interactions are a few kilobytes; a bigger body is not Discord's. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Where Discord is told to POST interactions (the Developer Portal's Interactions Endpoint URL). */
export const INTERACTIONS_PATH = '/interactions';

export interface EndpointOptions extends TransportOptions {
  /** The HTTP server the endpoint is mounted on (HTTP_PORT). */
  server: HttpServer;
  /** DISCORD_PUBLIC_KEY: 64 hex characters. */
  publicKey: string;
  maxBodyBytes?: number;
  now?: () => number;
}

/** One request waiting for its interaction's first response. */
interface Pending {
  res: ServerResponse;
  answered: boolean;
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
 * POST /interactions, mounted on `options.server` at once: answered 503 until `start`, and again after `close`.
 * The endpoint has no session to lose, so its `lost` is null.
 */
export function createHttpEndpoint(options: EndpointOptions): Transport {
  const answer = interactionAnswerer(options);
  const state = { started: false, closed: false };
  const notReady = () => (state.closed ? ['endpoint closed'] : state.started ? [] : ['endpoint not started']);
  options.server.mount(INTERACTIONS_PATH, async (req, res) => {
    if (req.method !== 'POST') return replyText(res, 405, 'use POST\n', { allow: 'POST' });
    const missing = notReady();
    if (missing.length) return replyText(res, 503, `not ready: ${missing.join('; ')}\n`);
    await answer(req, res);
  });
  const { ready, resolve } = readiness();
  return {
    start: () => {
      state.started = true;
      options.log.info({ port: options.server.port }, 'serving interactions on POST /interactions');
      resolve();
      return Promise.resolve();
    },
    ready,
    notReady,
    lost: null,
    close: () => {
      state.closed = true;
      return Promise.resolve();
    },
  };
}

/** Reads, checks and answers one request: PING here, everything else through the handler. */
function interactionAnswerer(options: EndpointOptions) {
  const key = publicKeyFromHex(options.publicKey);
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {});
  rest.on('rateLimited', (info) =>
    options.log.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'),
  );
  const waiting = new Map<object, Pending>();
  const webhook = webhookReplies(rest, options.log);
  const send: Send = async (interaction, response) => {
    const pending = waiting.get(interaction);
    if (!pending || pending.answered) throw new Error('the HTTP response was sent already');
    pending.answered = true;
    if (withoutFiles(response).files.length === 0) return writeJson(pending.res, 200, response);
    await answeredWithFiles(pending.res, interaction, response, webhook.finish);
  };
  const answer = answerer(transportHandler(options, send, webhook), waiting);
  const firstSeen = replayGuard(options.store, options.log);
  return async (req: IncomingMessage, res: ServerResponse) => {
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
 * Answers with a deferral (private when the reply is), then sends the reply and its files through the webhook as
 * multipart (payload_json and files[n]). Discord reads the HTTP response as JSON only (a multipart response is
 * refused), and file bytes written into JSON would be neither a file nor a reply Discord accepts.
 */
async function answeredWithFiles(
  res: ServerResponse,
  interaction: APIInteraction,
  response: APIInteractionResponse,
  finish: Finish,
): Promise<void> {
  const deferral = isDeferral(response) ? null : deferralOf(interaction);
  if (!deferral) {
    writeJson(res, 500, { error: 'this reply has files and cannot be deferred' });
    throw new Error(`a reply with files to an interaction of type ${interaction.type} cannot be deferred`);
  }
  writeJson(res, 200, deferralResponse(deferral, isPrivate(response)));
  await finish(interaction, response, deferral);
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

/** Runs the handler for one request; a request nothing answered gets a 400. */
function answerer(handle: (raw: unknown) => Promise<void>, waiting: Map<object, Pending>) {
  return async (raw: unknown, res: ServerResponse) => {
    const pending: Pending = { res, answered: false };
    if (typeof raw === 'object' && raw !== null) waiting.set(raw, pending);
    try {
      await handle(raw);
    } finally {
      if (typeof raw === 'object' && raw !== null) waiting.delete(raw);
    }
    if (!pending.answered) writeJson(res, 400, { error: 'this interaction cannot be answered' });
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
