// Disabling a reply's buttons when they stop working, by editing its message through the webhook: a courtesy
// only, since every press is checked against the message's age (buttonExpired in ../command.ts). One timer a
// message; each keeps the webhook's id and token and the message's buttons, never the interaction, and all of
// them together stay within PENDING_EXPIRY_BYTES.
import {
  ComponentType,
  InteractionResponseType,
  InteractionType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { BudgetedMap, ENTRY_BYTES, jsonBytes, stringBytes } from '../budgeted-map.js';
import { buttonTimeout, isLastingButton, snowflakeTime, type SharedContext } from '../command.js';
import type { EditOriginal } from './deferral.js';

/** Estimated bytes of a pending expiry besides its key, token and buttons: the timer and its closure. */
const TIMER_BYTES = 256;
/**
 * The most the pending expiries may hold (about 800 /search replies). A busy bot sends thousands of replies with
 * buttons in the five minutes they work; past this the oldest edits are given up, and their buttons, still shown
 * enabled, answer a press with "no longer works", as after a restart.
 */
export const PENDING_EXPIRY_BYTES = 2 * 2 ** 20;

type Row = {
  type: ComponentType;
  components?: Array<{ type: ComponentType; disabled?: boolean; custom_id?: string }>;
};

/** The same rows with every button disabled; null when there is no enabled button. */
function disabledComponents(components: unknown): Row[] | null {
  const rows = (Array.isArray(components) ? components : []) as Row[];
  // Cite buttons need no state and keep working: only the others expire.
  const expiring = (c: { type: ComponentType; disabled?: boolean; custom_id?: string }) =>
    c.type === ComponentType.Button && !c.disabled && !isLastingButton(c.custom_id);
  if (!rows.some((row) => row.components?.some(expiring))) return null;
  return rows.map((row) => ({
    ...row,
    components: row.components?.map((c) => (expiring(c) ? { ...c, disabled: true } : c)),
  }));
}

interface Pending {
  timer: NodeJS.Timeout;
  bytes: number;
}

export interface ButtonExpiry {
  /** Disables the buttons of the message this response shows once they expire (nothing without buttons). */
  schedule(this: void, interaction: APIInteraction, response: APIInteractionResponse): void;
  /** How many edits are pending, and their estimated bytes: for observing the bound (tests). */
  held(): { messages: number; bytes: number };
}

/**
 * The expiry of replies' buttons, edited through `editOriginal` (none without it); a page turned replaces the
 * first page's timer, so the edit shows the buttons the message has now. Failures are logged.
 */
export function buttonExpiry(
  log: Logger,
  editOriginal: EditOriginal | undefined,
  context: SharedContext,
): ButtonExpiry {
  const timeout = buttonTimeout(context);
  const pending = new BudgetedMap<string, Pending>({
    maxBytes: PENDING_EXPIRY_BYTES,
    sizeOf: (key, { bytes }) => ENTRY_BYTES + stringBytes(key) + bytes,
    onEvict: (_key, { timer }) => clearTimeout(timer),
  });
  const schedule = (interaction: APIInteraction, response: APIInteractionResponse) => {
    if (
      !editOriginal ||
      (response.type !== InteractionResponseType.ChannelMessageWithSource &&
        response.type !== InteractionResponseType.UpdateMessage)
    )
      return;
    const components = response.data?.components;
    if (!disabledComponents(components)) return;
    const { key, created } = messageOf(interaction, response);
    const { id, application_id, token } = interaction;
    const disable = () => {
      pending.delete(key);
      const body = { components: disabledComponents(components) ?? [], allowed_mentions: { parse: [] as [] } };
      editOriginal({ id, application_id, token }, body).catch((error: unknown) =>
        log.warn({ err: error, interaction: id }, 'could not disable buttons'),
      );
    };
    clearTimeout(pending.get(key)?.timer);
    const timer = setTimeout(disable, Math.max(0, (created ?? context.now()) + timeout - context.now()));
    timer.unref();
    pending.set(key, { timer, bytes: TIMER_BYTES + stringBytes(token) + jsonBytes(components) });
  };
  return { schedule, held: () => ({ messages: pending.size, bytes: pending.bytes }) };
}

/**
 * The message a response shows: a new one, named by the interaction; or, for a page turned, the message the
 * button sits on, named by the interaction that made it, and dated by its id.
 */
function messageOf(interaction: APIInteraction, response: APIInteractionResponse) {
  const message =
    interaction.type === InteractionType.MessageComponent && response.type === InteractionResponseType.UpdateMessage
      ? (interaction.message as { id?: unknown; interaction_metadata?: { id?: unknown } } | undefined)
      : undefined;
  const made = message?.interaction_metadata?.id ?? message?.id;
  return { key: typeof made === 'string' ? made : interaction.id, created: snowflakeTime(message?.id) };
}
