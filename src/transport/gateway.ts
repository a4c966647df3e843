// The discord.js gateway transport: raw INTERACTION_CREATE in, the command's response JSON out through
// discord.js's REST client. Everything between is src/respond.ts.
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Routes, type ClientOptions } from 'discord.js';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { RecentExcerpts } from '../command.js';
import type { Library } from '../library/library.js';
import { errorResponse, respond, type Context } from '../respond.js';

export type Send = (interaction: APIInteraction, response: APIInteractionResponse) => Promise<void>;

/**
 * Handles one raw interaction: answers it, or on a command error answers with an ephemeral apology and logs
 * the error. Never throws: a failed callback (Discord down, 500) is logged and the bot lives on.
 */
export function createInteractionHandler(getLibrary: () => Library, send: Send, log: Logger, context: Context = { random: Math.random, recent: new RecentExcerpts() }) {
  return async (interaction: APIInteraction): Promise<void> => {
    const started = performance.now();
    const name = 'data' in interaction && interaction.data && 'name' in interaction.data ? interaction.data.name : undefined;
    let response: APIInteractionResponse | null;
    try {
      response = respond(getLibrary(), interaction, context);
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command: name }, 'command failed');
      response = errorResponse(interaction);
    }
    if (!response) return;
    try {
      await send(interaction, response);
      log.debug({ interaction: interaction.id, command: name, ms: Math.round((performance.now() - started) * 100) / 100 }, 'answered');
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command: name }, 'could not deliver the response');
    }
  };
}

export interface GatewayOptions {
  token: string;
  apiUrl: string | null;
  log: Logger;
  getLibrary: () => Library;
  /** Extra discord.js options (tests pass a no-wait identify throttle). */
  clientOptions?: Partial<ClientOptions>;
}

export async function startGateway({ token, apiUrl, log, getLibrary, clientOptions }: GatewayOptions): Promise<Client> {
  const client = new Client({
    ...clientOptions,
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(apiUrl ? { api: apiUrl } : {}), ...clientOptions?.rest },
  });
  const send: Send = async (interaction, response) => {
    await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
  };
  const handle = createInteractionHandler(getLibrary, send, log);
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => void handle(interaction));
  client.once(Events.ClientReady, (ready) => log.info({ user: ready.user.tag, id: ready.user.id }, 'connected to Discord'));
  client.on(Events.ShardReconnecting, (id) => log.warn({ shard: id }, 'reconnecting'));
  client.on(Events.ShardResume, (id, replayed) => log.info({ shard: id, replayed }, 'resumed'));
  client.on(Events.ShardDisconnect, (event, id) => log.warn({ shard: id, code: event.code }, 'disconnected'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'));
  await client.login(token);
  return client;
}
