// The discord.js gateway transport: raw INTERACTION_CREATE in, the command's response JSON out through
// discord.js's REST client. Everything between is src/respond.ts.
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Routes, type ClientOptions } from 'discord.js';
import {
  ComponentType,
  InteractionResponseType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { sharedContext, type SharedContext } from '../command.js';
import type { Library } from '../library/library.js';
import { DEFAULT_BUTTON_TIMEOUT_MS } from '../../commands/search.js';
import { errorResponse, respond } from '../respond.js';

export type Send = (interaction: APIInteraction, response: APIInteractionResponse) => Promise<void>;
/** Edits the message an interaction answered (the webhook route `messages/@original`). */
export type EditOriginal = (
  interaction: APIInteraction,
  body: { components: unknown[]; allowed_mentions: { parse: [] } },
) => Promise<void>;

type Row = { type: ComponentType; components?: Array<{ type: ComponentType; disabled?: boolean }> };

/** The same rows with every button disabled; null when there is no enabled button. */
export function disabledComponents(components: unknown): Row[] | null {
  const rows = (Array.isArray(components) ? components : []) as Row[];
  const hasEnabled = rows.some((row) => row.components?.some((c) => c.type === ComponentType.Button && !c.disabled));
  if (!hasEnabled) return null;
  return rows.map((row) => ({
    ...row,
    components: row.components?.map((c) => (c.type === ComponentType.Button ? { ...c, disabled: true } : c)),
  }));
}

export interface HandlerOptions {
  context?: SharedContext;
  /** When set, buttons in a reply are disabled after `buttonTimeoutMs`. */
  editOriginal?: EditOriginal;
}

/**
 * Handles one raw interaction: answers it, or on a command error answers with an ephemeral apology and logs
 * the error. Never throws: a failed callback (Discord down, 500) is logged and the bot lives on.
 */
export function createInteractionHandler(
  getLibrary: () => Library,
  send: Send,
  log: Logger,
  options: HandlerOptions = {},
) {
  const context = options.context ?? sharedContext();
  const timeout = context.buttonTimeoutMs ?? DEFAULT_BUTTON_TIMEOUT_MS;
  const timers = new Map<string, NodeJS.Timeout>();
  const disableLater = (interaction: APIInteraction, response: APIInteractionResponse) => {
    if (
      !options.editOriginal ||
      (response.type !== InteractionResponseType.ChannelMessageWithSource &&
        response.type !== InteractionResponseType.UpdateMessage)
    )
      return;
    const disabled = disabledComponents(response.data?.components);
    if (!disabled) return;
    clearTimeout(timers.get(interaction.token));
    const timer = setTimeout(() => {
      timers.delete(interaction.token);
      options.editOriginal!(interaction, { components: disabled, allowed_mentions: { parse: [] } }).catch(
        (error: unknown) => log.warn({ err: error, interaction: interaction.id }, 'could not disable buttons'),
      );
    }, timeout);
    timer.unref();
    timers.set(interaction.token, timer);
  };
  return async (interaction: APIInteraction): Promise<void> => {
    const started = performance.now();
    const name =
      'data' in interaction && interaction.data && 'name' in interaction.data
        ? interaction.data.name
        : 'data' in interaction && interaction.data && 'custom_id' in interaction.data
          ? interaction.data.custom_id
          : undefined;
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
      log.debug(
        { interaction: interaction.id, command: name, ms: Math.round((performance.now() - started) * 100) / 100 },
        'answered',
      );
      disableLater(interaction, response);
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command: name }, 'could not deliver the response');
    }
  };
}

export interface GatewayOptions {
  token: string;
  buttonTimeoutMs: number;
  apiUrl: string | null;
  log: Logger;
  getLibrary: () => Library;
  /** Extra discord.js options (tests pass a no-wait identify throttle). */
  clientOptions?: Partial<ClientOptions>;
}

export async function startGateway({
  token,
  apiUrl,
  log,
  getLibrary,
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
