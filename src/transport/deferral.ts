// Deferring an interaction and finishing it later, shared by the transports: what an interaction is deferred as
// (type 5 for a command, private when its reply would be; type 6 for a button), how old it is, and the webhook
// routes that carry the late reply. Discord allows 3 s for the first response and 15 minutes for the rest.
import type { REST } from '@discordjs/rest';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { snowflakeTime, withoutFiles, type Command } from '../command.js';

/** A deferred command shows "thinking…" as a new message; a deferred button leaves its message as it is. */
export type Deferral = 'message' | 'update';

/** What a webhook route needs of an interaction: a pending edit keeps only this, not the whole payload. */
export type WebhookOf = Pick<APIInteraction, 'id' | 'application_id' | 'token'>;

/** Edits the message an interaction answered (the webhook route `messages/@original`). */
export type EditOriginal = (
  interaction: WebhookOf,
  body: { components: unknown[]; allowed_mentions: { parse: [] } },
) => Promise<void>;

/** Delivers the reply of an interaction acknowledged with a deferral, through its webhook. */
export type Finish = (
  interaction: APIInteraction,
  response: APIInteractionResponse,
  deferred: Deferral,
) => Promise<void>;

/** What an interaction can be deferred as: a message for a command, an update for a button; null when it cannot. */
export function deferralOf(interaction: APIInteraction): Deferral | null {
  if (interaction.type === InteractionType.ApplicationCommand) return 'message';
  if (interaction.type === InteractionType.MessageComponent) return 'update';
  return null;
}

/**
 * Whether a command's reply will be private: the `private` option when given, else the command's default
 * (/check, /help). A deferral fixes this for the reply that follows, so it has to be known before the command runs.
 */
export function repliesPrivately(interaction: APIInteraction, commands?: ReadonlyMap<string, Command>): boolean {
  const data = interaction.data as { name?: unknown; options?: Array<{ name?: unknown; value?: unknown }> };
  const option = Array.isArray(data?.options) ? data.options.find((o) => o?.name === 'private') : undefined;
  if (typeof option?.value === 'boolean') return option.value;
  return typeof data?.name === 'string' && commands?.get(data.name)?.privateByDefault === true;
}

/** Whether a reply is private (ephemeral): a deferral sent once the reply exists takes it from there. */
export function isPrivate(response: APIInteractionResponse): boolean {
  const flags = (withoutFiles(response).body as { data?: { flags?: number } }).data?.flags ?? 0;
  return (flags & MessageFlags.Ephemeral) !== 0;
}

/** Whether a response is itself a deferral (the handler's, or a transport's), not a reply. */
export function isDeferral(response: APIInteractionResponse): boolean {
  return (
    response.type === InteractionResponseType.DeferredChannelMessageWithSource ||
    response.type === InteractionResponseType.DeferredMessageUpdate
  );
}

export function deferralResponse(deferral: Deferral, privately: boolean): APIInteractionResponse {
  if (deferral === 'update') return { type: InteractionResponseType.DeferredMessageUpdate };
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(privately ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
}

/** Interaction tokens last 15 minutes; an id dated outside that is not a real Discord timestamp. */
const TOKEN_LIFETIME_MS = 15 * 60_000;

/**
 * When Discord created the interaction, from its snowflake id (ms since 1970 = (id >> 22) + Discord's epoch),
 * which is when its 3 s started. `receivedAt` stands in for an id that is not a snowflake of the last 15 minutes
 * (the console's and tests' made-up ids), and for one dated after receipt (a clock running behind Discord's).
 */
export function createdAt(id: string, receivedAt: number): number {
  const created = snowflakeTime(id);
  return created !== null && created <= receivedAt && created > receivedAt - TOKEN_LIFETIME_MS ? created : receivedAt;
}

/**
 * Webhook requests between two sweeps of the REST client's idle queues. @discordjs/rest keeps a queue for each
 * webhook id and token (each interaction's own), about 2.7 KB, and sweeps idle ones only every hour: a bot editing
 * 25 messages a second would hold 90,000 of them.
 */
export const WEBHOOK_SWEEP_EVERY = 100;

/**
 * Runs a webhook request, then, once WEBHOOK_SWEEP_EVERY have run since the last sweep, drops the REST client's
 * idle queues. While the client's global limit (50 a second) is spent every queue counts as busy, so the sweep
 * waits for a request after it resets.
 */
function sweptAfter(rest: REST): <T>(request: () => Promise<T>) => Promise<T> {
  let requests = 0;
  const globallyLimited = () => rest.globalRemaining <= 0 && Date.now() < rest.globalReset;
  return async (request) => {
    try {
      return await request();
    } finally {
      if (++requests >= WEBHOOK_SWEEP_EVERY && !globallyLimited()) {
        rest.handlers.sweep((queue) => queue.inactive);
        requests = 0;
      }
    }
  };
}

/** Replies that go through the interaction's webhook (no bot token needed): a deferred answer, a button-expiry edit. */
export function webhookReplies(rest: REST, log: Logger): { editOriginal: EditOriginal; finish: Finish } {
  const swept = sweptAfter(rest);
  const original = (interaction: WebhookOf) =>
    Routes.webhookMessage(interaction.application_id, interaction.token, '@original');
  const editOriginal: EditOriginal = async (interaction, body) => {
    await swept(() => rest.patch(original(interaction), { body, auth: false }));
  };
  const finish: Finish = async (interaction, response, deferred) => {
    const isMessage = response.type === InteractionResponseType.ChannelMessageWithSource;
    const isUpdate = response.type === InteractionResponseType.UpdateMessage;
    if (!isMessage && !isUpdate) {
      log.warn({ interaction: interaction.id, type: response.type }, 'too late to answer; Discord has moved on');
      return;
    }
    // A new message after a deferred button update is a follow-up; otherwise the deferral's message is edited
    // (an edit cannot change whether a message is private: the deferral fixed that).
    const { body: json, files } = withoutFiles(response);
    const { flags, ...edit } = json.data ?? {};
    if (deferred === 'update' && isMessage) {
      const body = { ...edit, flags };
      await swept(() =>
        rest.post(Routes.webhook(interaction.application_id, interaction.token), { body, files, auth: false }),
      );
      return;
    }
    await swept(() => rest.patch(original(interaction), { body: edit, files, auth: false }));
  };
  return { editOriginal, finish };
}
