// What every transport shares: run one interaction through the router, answer a failure with a private
// apology and log it, log the delivery, and disable a reply's buttons when they expire. It does not load
// discord.js nor a metrics library: a transport hands in how to send a response and how to edit the original
// message, and the entry point hands in `onInteraction` to count them. What arrives is checked first
// (./validate.ts): a malformed payload costs a notice or a warning, never the process. Around each command the
// shared store (../store/) counts the user against the rate limit and holds the values commands share.
// Interactions run one at a time, in order (./backlog.ts); with `finish`, one whose reply would come too late
// is deferred first and finished through its webhook.
import {
  InteractionResponseType,
  InteractionType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { withChartsDrawn } from '../chart/draw.js';
import { sharedContext, type Command, type SharedContext } from '../command.js';
import { commandOfCustomId } from '../custom-id.js';
import type { GuildStore } from '../guild.js';
import { prepareGuild, withServerDefaults } from '../guild-state.js';
import type { Library } from '../library/library.js';
import { errorResponse, rateLimitedResponse, unreadableResponse } from '../render/notices.js';
import { respond, whereOf } from '../respond.js';
import { MemoryStore } from '../store/memory.js';
import type { Store } from '../store/store.js';
import { createBacklog } from './backlog.js';
import { buttonExpiry } from './button-expiry.js';
import { deferralResponse, repliesPrivately, type Deferral, type EditOriginal, type Finish } from './deferral.js';
import { loadSharedValues, overRateLimit } from './shared-state.js';
import { interactionProblem, isAnswerable, unanswerableProblem } from './validate.js';

export type Send = (interaction: APIInteraction, response: APIInteractionResponse) => Promise<void>;
export type { EditOriginal, Finish } from './deferral.js';

/** How one interaction ended: answered; a command threw (an apology was sent); the reply could not be sent. */
export type InteractionOutcome = 'answered' | 'failed' | 'undelivered';
export type InteractionKind = 'command' | 'autocomplete' | 'button' | 'other';

export interface InteractionEvent {
  /** A command of the registry, or "unknown": never what a payload made up, so metric labels stay few. */
  command: string;
  kind: InteractionKind;
  outcome: InteractionOutcome;
  /** From receipt to the end of the delivery (accepted or failed). */
  ms: number;
}

export interface HandlerOptions {
  /** The command registry (commands/index.ts), handed in by the entry point. */
  commands: ReadonlyMap<string, Command>;
  context?: SharedContext;
  /** When set, buttons in a reply are disabled after `buttonTimeoutMs`. */
  editOriginal?: EditOriginal;
  /** Finishes a deferred interaction through its webhook; when set, a reply that would be late is deferred. */
  finish?: Finish;
  /** Told about every interaction answered or failed (not those ignored), for metrics. */
  onInteraction?: (event: InteractionEvent) => void;
  /** Shared values and rate-limit counts; a store of this process alone when absent. */
  store?: Store;
  /** Commands and button presses a user may make a minute; unset or 0: no limit. */
  rateLimitPerMinute?: number | null;
  /** Servers' settings and subscriptions (the database); absent: no server settings, no /follow. */
  guilds?: GuildStore;
}

function kindOf(interaction: APIInteraction): InteractionKind {
  if (interaction.type === InteractionType.ApplicationCommand) return 'command';
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) return 'autocomplete';
  if (interaction.type === InteractionType.MessageComponent) return 'button';
  return 'other';
}

const dataOf = (interaction: APIInteraction) =>
  'data' in interaction ? (interaction.data as { name?: unknown; custom_id?: unknown }) : undefined;

/** The registered command an interaction belongs to (a button's, as the codec reads its custom id), or "unknown". */
function commandOf(interaction: APIInteraction, commands: ReadonlyMap<string, Command>): string {
  const { name, custom_id: customId } = dataOf(interaction) ?? {};
  const command =
    typeof name === 'string' ? name : typeof customId === 'string' ? commandOfCustomId(customId) : undefined;
  return command !== undefined && commands.has(command) ? command : 'unknown';
}

/** The command or button an interaction is for, for the log. */
function commandName(interaction: APIInteraction): string | undefined {
  const data = dataOf(interaction);
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
  const run = commandRunner(getLibrary, log, context, options);
  const deliver = deliverer(send, log, context, options);
  const { finish } = options;
  const queue = createBacklog({
    log,
    now: context.now,
    defer: finish
      ? async (interaction, deferral) => {
          // Private by the asker's option, the command's default, or the server's setting, as the reply will be.
          const command = options.commands.get(commandName(interaction) ?? '');
          const asRun = await withServerDefaults(options.guilds, interaction, command, log);
          await send(interaction, deferralResponse(deferral, repliesPrivately(asRun, options.commands)));
        }
      : undefined,
  });
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
    await queue(interaction, {
      run: () => run(interaction),
      deliver: async ({ response, failed }, deferred) => {
        if (response) await deliver(interaction, response, started, failed, deferred);
      },
    });
  };
}

/**
 * Sends a response (through the webhook when the interaction was deferred), logs it, schedules the expiry of its
 * buttons and reports the outcome. Never throws: a failed delivery is logged.
 */
function deliverer(send: Send, log: Logger, context: SharedContext, options: HandlerOptions) {
  const disableLater = buttonExpiry(log, options.editOriginal, context).schedule;
  return async (
    interaction: APIInteraction,
    response: APIInteractionResponse,
    started: number,
    failed = false,
    deferred: Deferral | null = null,
  ) => {
    const command = commandName(interaction);
    let outcome: InteractionOutcome = failed ? 'failed' : 'answered';
    try {
      if (deferred && options.finish) await options.finish(interaction, response, deferred);
      else await send(interaction, response);
      const ms = Math.round((performance.now() - started) * 100) / 100;
      log.debug({ interaction: interaction.id, command, ms, deferred: deferred ?? undefined }, 'answered');
      // A new message after a deferred button press is a follow-up: `@original` is still the pressed message.
      if (!(deferred === 'update' && response.type === InteractionResponseType.ChannelMessageWithSource))
        disableLater(interaction, response);
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command }, 'could not deliver the response');
      if (outcome === 'answered') outcome = 'undelivered';
    }
    const event = { command: commandOf(interaction, options.commands), kind: kindOf(interaction), outcome };
    options.onInteraction?.({ ...event, ms: performance.now() - started });
  };
}

/**
 * Runs one interaction: a user over the rate limit is told so; otherwise the shared values the command names
 * are read before it runs and written after (before the reply goes, so the next interaction on any replica
 * sees them). A command that throws gets the apology.
 */
function commandRunner(getLibrary: () => Library, log: Logger, context: SharedContext, options: HandlerOptions) {
  const store = options.store ?? new MemoryStore();
  const limit = options.rateLimitPerMinute ?? 0;
  return async (interaction: APIInteraction): Promise<{ response: APIInteractionResponse | null; failed: boolean }> => {
    const where = whereOf(interaction);
    const kind = kindOf(interaction);
    const counted = kind === 'command' || kind === 'button';
    if (counted && limit > 0 && (await overRateLimit(store, where.userId, limit, context.now(), log))) {
      log.info({ interaction: interaction.id, user: where.userId }, 'over the rate limit');
      return { response: rateLimitedResponse(limit), failed: false };
    }
    const command = kind === 'command' ? options.commands.get(commandName(interaction) ?? '') : undefined;
    const keys = command?.kind === 'slash' ? (command.sharedKeys?.(where) ?? []) : [];
    const [shared, server] = await Promise.all([
      loadSharedValues(store, keys, log),
      prepareGuild(options.guilds, interaction, command, log),
    ]);
    try {
      const routed = { ...context, shared: shared.values, guild: server.guild };
      // A chart is drawn here, off the command's synchronous path: its renderer loads on the first one.
      const response = await withChartsDrawn(respond(getLibrary(), server.interaction, routed, options.commands));
      await shared.save();
      return { response: await server.finish(response), failed: false };
    } catch (error) {
      log.error({ err: error, interaction: interaction.id, command: commandName(interaction) }, 'command failed');
      return { response: errorResponse(interaction), failed: true };
    }
  };
}
