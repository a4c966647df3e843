// The discord.js gateway transport: raw INTERACTION_CREATE in, the command's response JSON out through
// discord.js's REST client. Everything between is the transport-neutral handler (./handler.ts).
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Routes, type ClientOptions } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { sharedContext, type Command } from '../command.js';
import type { Library } from '../library/library.js';
import { createInteractionHandler, type EditOriginal, type Send } from './handler.js';

export interface GatewayOptions {
  token: string;
  buttonTimeoutMs: number;
  apiUrl: string | null;
  log: Logger;
  getLibrary: () => Library;
  commands: ReadonlyMap<string, Command>;
  /** Extra discord.js options (tests pass a no-wait identify throttle). */
  clientOptions?: Partial<ClientOptions>;
}

export async function startGateway({
  token,
  apiUrl,
  log,
  getLibrary,
  commands,
  clientOptions,
  buttonTimeoutMs,
}: GatewayOptions): Promise<Client> {
  const client = new Client({
    ...clientOptions,
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(apiUrl ? { api: apiUrl } : {}), ...clientOptions?.rest },
  });
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
  const handle = createInteractionHandler(getLibrary, send, log, {
    commands,
    context: sharedContext({ buttonTimeoutMs }),
    editOriginal,
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => void handle(interaction));
  client.once(Events.ClientReady, (ready) =>
    log.info({ user: ready.user.tag, id: ready.user.id }, 'connected to Discord'),
  );
  client.on(Events.ShardReconnecting, (id) => log.warn({ shard: id }, 'reconnecting'));
  client.on(Events.ShardResume, (id, replayed) => log.info({ shard: id, replayed }, 'resumed'));
  client.on(Events.ShardDisconnect, (event, id) => log.warn({ shard: id, code: event.code }, 'disconnected'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'));
  await client.login(token);
  return client;
}
