// The Discord gateway transport: raw INTERACTION_CREATE in through @discordjs/ws, the command's response JSON
// out through @discordjs/rest. Everything between is the transport-neutral handler (./handler.ts). discord.js's
// Client is not used: it builds its own objects from every event, and malformed interactions made those throw
// and end the process, while the bot only ever read the raw payload.
import { DefaultRestOptions, REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { webhookReplies } from './deferral.js';
import { CALLBACK_ROUTE, firstResponses } from './first-response.js';
import { readiness, transportHandler, type Transport, type TransportLost, type TransportOptions } from './transport.js';

export interface GatewayOptions extends TransportOptions {
  token: string;
  /** How many shards (connections) to open; null: as many as Discord recommends (GET /gateway/bot). */
  shards?: number | null;
  /** The connection dropped and is being re-opened. */
  onReconnect?: () => void;
  /** Discord answered a REST request with 429; `route` has ids and tokens replaced (":id", ":token"). */
  onRateLimited?: (route: string) => void;
}

/** The gateway has a session Discord can end for good, so its `lost` always settles on a fatal close. */
export interface Gateway extends Transport {
  readonly lost: Promise<TransportLost>;
}

/** A REST path without what varies per request: "/interactions/:id/:token/callback". */
export function routeOf(url: string): string {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  return path
    .replace(/^.*?\/v\d+(?=\/)/, '')
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? ':id' : part.length >= 30 ? ':token' : part))
    .join('/');
}

/** REST that reports each 429 (it retries them by itself and emits no event for those on interaction routes). */
function restClient({ token, apiUrl, log, onRateLimited }: GatewayOptions): REST {
  const makeRequest: typeof DefaultRestOptions.makeRequest = async (url, init) => {
    const response = await DefaultRestOptions.makeRequest(url, init);
    if (response.status === 429) {
      const route = routeOf(url);
      log.warn({ route, retryAfter: response.headers.get('retry-after') }, 'rate limited by Discord (429)');
      onRateLimited?.(route);
    }
    return response;
  };
  // A 429 on an interaction callback comes back to ./first-response.ts, which knows the interaction's deadline.
  const rejectOnRateLimit = (limit: { route: string }) => limit.route === CALLBACK_ROUTE;
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), makeRequest, rejectOnRateLimit }).setToken(token);
  rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'));
  return rest;
}

/** Close codes after which @discordjs/ws does not reconnect, each with what it means for the operator. */
export const FATAL_CLOSE_REASONS: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, 'the token was refused (was it reset in the Developer Portal?)'],
  [GatewayCloseCodes.InvalidShard, 'invalid shard'],
  [GatewayCloseCodes.ShardingRequired, 'sharding is required: the bot is in too many servers for one connection'],
  [GatewayCloseCodes.InvalidAPIVersion, 'invalid API version'],
  [GatewayCloseCodes.InvalidIntents, 'invalid intents'],
  [GatewayCloseCodes.DisallowedIntents, 'disallowed intents: enable them in the Developer Portal or ask for fewer'],
]);

export function createGateway(options: GatewayOptions): Gateway {
  const { token, log } = options;
  const rest = restClient(options);
  // Every shard on this thread: the handler runs here anyway; worker threads add memory and a hop (docs/benchmarks.md).
  const manager = new WebSocketManager({
    token,
    rest,
    intents: GatewayIntentBits.Guilds,
    shardCount: options.shards ?? null,
  });
  const handle = interactionHandler(rest, options);
  manager.on(WebSocketShardEvents.Dispatch, ({ data }) => {
    // The payload goes to the handler as it came: the handler checks its shape before reading it.
    if (data.t === GatewayDispatchEvents.InteractionCreate)
      handle(data.d as unknown).catch((error: unknown) => log.error({ err: error }, 'interaction handler failed'));
  });
  let closing = false;
  const shards = shardsReady(manager);
  const lost = lostForGood(manager, options, () => closing);
  logSessionEvents(manager, log);
  const { ready, resolve, reject } = readiness();
  return {
    start: async () => {
      // Opened once Discord has taken the token and said how many shards; ready once every shard's session is.
      let ids: number[];
      try {
        ids = await shards.expect();
      } catch (error) {
        reject(error);
        throw error;
      }
      manager.connect().then(() => (log.info({ shards: ids.length }, 'every shard connected'), resolve()), reject);
    },
    ready,
    notReady: () => (shards.all() ? [] : ['gateway not connected']),
    lost,
    close: async () => {
      closing = true;
      await manager.destroy();
    },
  };
}

/** Settles on a close Discord takes no reconnect after; any other close is logged and reconnected. */
function lostForGood(manager: WebSocketManager, options: GatewayOptions, closing: () => boolean) {
  return new Promise<TransportLost>((resolve) => {
    manager.on(WebSocketShardEvents.Closed, ({ code, shardId }) => {
      const reason = FATAL_CLOSE_REASONS.get(code);
      if (reason) resolve({ code, reason });
      else if (!closing()) {
        options.log.warn({ shard: shardId, code }, 'disconnected; reconnecting');
        options.onReconnect?.();
      }
    });
  });
}

/** Which shards have a session open: all of them (`all`) once the ids the manager will open are known. */
function shardsReady(manager: WebSocketManager) {
  const open = new Set<number>();
  let expected: number[] | null = null;
  manager.on(WebSocketShardEvents.Ready, ({ shardId }) => open.add(shardId));
  manager.on(WebSocketShardEvents.Resumed, ({ shardId }) => open.add(shardId));
  manager.on(WebSocketShardEvents.Closed, ({ shardId }) => open.delete(shardId));
  return {
    // SHARDS, or Discord's recommendation (GET /gateway/bot, which the manager caches for its own connect()).
    expect: async () => (expected = await manager.getShardIds()),
    all: () => expected !== null && expected.every((id) => open.has(id)),
  };
}

/**
 * The handler, with replies sent through REST (interaction routes need no bot token); a reply that would miss
 * Discord's 3 s, behind other interactions or behind 429s, is deferred and finished through the webhook.
 */
function interactionHandler(rest: REST, options: GatewayOptions) {
  const webhook = webhookReplies(rest, options.log);
  const send = firstResponses({ rest, log: options.log, finish: webhook.finish });
  return transportHandler(options, send, webhook);
}

function logSessionEvents(manager: WebSocketManager, log: Logger): void {
  manager.on(WebSocketShardEvents.Ready, ({ data, shardId }) => {
    const user = (data as { user?: { username?: unknown; id?: unknown } } | null)?.user;
    log.info({ shard: shardId, user: user?.username, id: user?.id }, 'connected to Discord');
  });
  manager.on(WebSocketShardEvents.Resumed, ({ shardId }) => log.info({ shard: shardId }, 'resumed'));
  // Without a listener, an 'error' event would be thrown.
  manager.on(WebSocketShardEvents.Error, ({ error, shardId }) =>
    log.error({ err: error, shard: shardId }, 'gateway error'),
  );
  manager.on(WebSocketShardEvents.Debug, ({ message, shardId }) => log.trace({ shard: shardId }, message));
}
