// What every transport shares: run one interaction through the router, answer a failure with a private
// apology and log it, log the delivery, and disable a reply's buttons when they expire. It does not load
// discord.js: a transport hands in how to send a response and how to edit the original message.
import {
  ComponentType,
  InteractionResponseType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { DEFAULT_BUTTON_TIMEOUT_MS, sharedContext, type Command, type SharedContext } from '../command.js';
import type { Library } from '../library/library.js';
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
  /** The command registry (commands/index.ts), handed in by the entry point. */
  commands: ReadonlyMap<string, Command>;
  context?: SharedContext;
  /** When set, buttons in a reply are disabled after `buttonTimeoutMs`. */
  editOriginal?: EditOriginal;
}

/**
 * Handles one raw interaction: answers it, or on a command error answers with an ephemeral apology and logs
 * the error. Never throws: a failed callback (Discord down, 500) is logged and the bot lives on.
 */
export function createInteractionHandler(getLibrary: () => Library, send: Send, log: Logger, options: HandlerOptions) {
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
      response = respond(getLibrary(), interaction, context, options.commands);
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
