// What every transport shares: run one interaction through the router, answer a failure with a private
// apology and log it, log the delivery, and disable a reply's buttons when they expire. It does not load
// discord.js: a transport hands in how to send a response and how to edit the original message. What arrives
// is checked first (./validate.ts): a malformed payload costs a notice or a warning, never the process.
import {
  ComponentType,
  InteractionResponseType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { DEFAULT_BUTTON_TIMEOUT_MS, sharedContext, type Command, type SharedContext } from '../command.js';
import type { Library } from '../library/library.js';
import { errorResponse, respond, unreadableResponse } from '../respond.js';
import { interactionProblem, isAnswerable, unanswerableProblem } from './validate.js';

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

/** The command or button an interaction is for, for the log. */
function commandName(interaction: APIInteraction): string | undefined {
  const data = 'data' in interaction ? (interaction.data as { name?: unknown; custom_id?: unknown }) : undefined;
  const name = data?.name ?? data?.custom_id;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Handles one raw interaction, as the gateway delivered it (so of any shape): answers it, or on a command error
 * answers with an ephemeral apology and logs the error. One that cannot be read gets a private notice, and one
 * that cannot even be answered (no id, token or type) is dropped; both are logged at warn, without the token.
 * Never throws: a failed callback (Discord down, 500) is logged and the bot lives on.
 */
export function createInteractionHandler(getLibrary: () => Library, send: Send, log: Logger, options: HandlerOptions) {
  const context = options.context ?? sharedContext();
  const disableLater = buttonExpiry(log, options.editOriginal, context.buttonTimeoutMs ?? DEFAULT_BUTTON_TIMEOUT_MS);
  const deliver = async (interaction: APIInteraction, response: APIInteractionResponse, started: number) => {
    const command = commandName(interaction);
    try {
      await send(interaction, response);
      const ms = Math.round((performance.now() - started) * 100) / 100;
      log.debug({ interaction: interaction.id, command, ms }, 'answered');
      disableLater(interaction, response);
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command }, 'could not deliver the response');
    }
  };
  return async (raw: unknown): Promise<void> => {
    const started = performance.now();
    if (!isAnswerable(raw)) {
      const id = (raw as { id?: unknown } | null)?.id;
      log.warn(
        { interaction: typeof id === 'string' ? id : undefined, problem: unanswerableProblem(raw) },
        'dropped a malformed interaction',
      );
      return;
    }
    const problem = interactionProblem(raw);
    if (problem) {
      log.warn({ interaction: raw.id, type: raw.type, problem }, 'answered a malformed interaction with a notice');
      return deliver(raw as APIInteraction, unreadableResponse(raw), started);
    }
    const interaction = raw as APIInteraction;
    let response: APIInteractionResponse | null;
    try {
      response = respond(getLibrary(), interaction, context, options.commands);
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command: commandName(interaction) }, 'command failed');
      response = errorResponse(interaction);
    }
    if (response) await deliver(interaction, response, started);
  };
}

/** Disables the buttons of a reply once they expire, by editing the original message; failures are logged. */
function buttonExpiry(log: Logger, editOriginal: EditOriginal | undefined, timeout: number) {
  const timers = new Map<string, NodeJS.Timeout>();
  return (interaction: APIInteraction, response: APIInteractionResponse) => {
    if (
      !editOriginal ||
      (response.type !== InteractionResponseType.ChannelMessageWithSource &&
        response.type !== InteractionResponseType.UpdateMessage)
    )
      return;
    const disabled = disabledComponents(response.data?.components);
    if (!disabled) return;
    clearTimeout(timers.get(interaction.token));
    const timer = setTimeout(() => {
      timers.delete(interaction.token);
      editOriginal(interaction, { components: disabled, allowed_mentions: { parse: [] } }).catch((error: unknown) =>
        log.warn({ err: error, interaction: interaction.id }, 'could not disable buttons'),
      );
    }, timeout);
    timer.unref();
    timers.set(interaction.token, timer);
  };
}
