// The discord.js gateway transport: raw INTERACTION_CREATE in, the command's response JSON out through
// discord.js's REST client. Everything between is the transport-neutral handler (./handler.ts). What the
// status server and metrics need (connected or not, reconnects, rate limits) is reported through callbacks.
import {
  Client,
  DefaultRestOptions,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Routes,
  Status,
  type ClientOptions,
} from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { sharedContext, type Command } from '../command.js';
import type { Library } from '../library/library.js';
import { createInteractionHandler, type EditOriginal, type HandlerOptions, type Send } from './handler.js';

export interface GatewayOptions {
  token: string;
  buttonTimeoutMs: number;
  apiUrl: string | null;
  log: Logger;
  getLibrary: () => Library;
  commands: ReadonlyMap<string, Command>;
  /** Extra discord.js options (tests pass a no-wait identify throttle). */
  clientOptions?: Partial<ClientOptions>;
  onInteraction?: HandlerOptions['onInteraction'];
  /** The connection was lost and discord.js is reopening it. */
  onReconnect?: () => void;
  /** Discord answered a REST request with 429; `route` has ids and tokens replaced (":id", ":token"). */
  onRateLimited?: (route: string) => void;
}

/** Whether every shard is connected and receiving events (false while reconnecting). */
export function gatewayConnected(client: Client): boolean {
  return client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
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

function createClient({ apiUrl, clientOptions, log, onRateLimited }: GatewayOptions): Client {
  // discord.js retries a 429 by itself and emits no event for it: the request function is where it shows.
  const makeRequest: typeof DefaultRestOptions.makeRequest = async (url, init) => {
    const response = await DefaultRestOptions.makeRequest(url, init);
    if (response.status === 429) {
      const route = routeOf(url);
      log.warn({ route, retryAfter: response.headers.get('retry-after') }, 'rate limited by Discord (429)');
      onRateLimited?.(route);
    }
    return response;
  };
  return new Client({
    ...clientOptions,
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(apiUrl ? { api: apiUrl } : {}), makeRequest, ...clientOptions?.rest },
  });
}

function handleInteractions(client: Client, options: GatewayOptions): void {
  const send: Send = async (interaction, response) => {
    await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: response,
      auth: false,
    });
  };
  const editOriginal: EditOriginal = async (interaction, body) => {
    await client.rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), {
      body,
      auth: false,
    });
  };
  const handle = createInteractionHandler(options.getLibrary, send, options.log, {
    commands: options.commands,
    context: sharedContext({ buttonTimeoutMs: options.buttonTimeoutMs }),
    editOriginal,
    onInteraction: options.onInteraction,
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => void handle(interaction));
}

function logConnection(client: Client, { log, onReconnect }: GatewayOptions): void {
  client.once(Events.ClientReady, (ready) =>
    log.info({ user: ready.user.tag, id: ready.user.id }, 'connected to Discord'),
  );
  client.on(Events.ShardReconnecting, (id) => {
    log.warn({ shard: id }, 'reconnecting');
    onReconnect?.();
  });
  client.on(Events.ShardResume, (id, replayed) => log.info({ shard: id, replayed }, 'resumed'));
  client.on(Events.ShardDisconnect, (event, id) => log.warn({ shard: id, code: event.code }, 'disconnected'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'));
}

export async function startGateway(options: GatewayOptions): Promise<Client> {
  const client = createClient(options);
  handleInteractions(client, options);
  logConnection(client, options);
  await client.login(options.token);
  return client;
}
