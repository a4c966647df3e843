// Routes one interaction, as Discord sends it, to a command, and returns the response body Discord expects.
// Every transport (gateway, console, tests) goes through here.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageApplicationCommandInteractionData,
} from 'discord-api-types/v10';
import type {
  Command,
  CommandContext,
  CommandOptions,
  SharedContext,
  SlashCommand,
  TargetMessage,
  Where,
} from './command.js';
import { BudgetedMap, ENTRY_BYTES, jsonBytes, stringBytes } from './budgeted-map.js';
import type { Library } from './library/library.js';
import { COLORS, notice, reply } from './render/reply.js';
import { escapeUserText, groupThousands, plural, truncate } from './render/text.js';

export const REPLY_CACHE_SIZE = 500;
/** A reply may hold 6,000 characters of embeds: 500 of those would be 6 MB, so the bytes are bounded too. */
export const REPLY_CACHE_BYTES = 2 * 2 ** 20;
/** Discord's cap on a string option that sets no max_length of its own. */
const STRING_OPTION_LIMIT = 6000;
const replyCache = new WeakMap<Library, BudgetedMap<string, APIInteractionResponse>>();

/** How many replies are kept for a library now, and their estimated bytes: only for observing the bound (tests). */
export const reusedReplies = (library: Library): number => replyCache.get(library)?.size ?? 0;
export const reusedReplyBytes = (library: Library): number => replyCache.get(library)?.bytes ?? 0;

/** Flattens top-level options (and any subcommand's) into { name: value }; the focused one is returned apart. */
function readOptions(options: APIApplicationCommandInteractionDataOption[] | undefined): {
  values: CommandOptions;
  focused: { name: string; value: string } | null;
} {
  const values: CommandOptions = {};
  let focused: { name: string; value: string } | null = null;
  const visit = (list: APIApplicationCommandInteractionDataOption[] | undefined) => {
    for (const option of Array.isArray(list) ? list : []) {
      if (
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup
      ) {
        visit(option.options);
        continue;
      }
      const value = 'value' in option ? option.value : undefined;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        values[option.name] = value;
      if ('focused' in option && option.focused) focused = { name: option.name, value: String(value ?? '') };
    }
  };
  visit(options);
  return { values, focused };
}

function message(data: ReturnType<typeof reply>): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data };
}

function unknownCommandResponse(name: string, commands: ReadonlyMap<string, Command>): APIInteractionResponse {
  const names = [...commands.values()]
    .map((c) => (c.kind === 'slash' ? `/${c.definition.name}` : `“${c.definition.name}” (a message’s Apps menu)`))
    .join(', ');
  return message(
    notice(
      'Unknown command',
      `This bot has no command “${escapeUserText(truncate(name, 100))}”. Its commands: ${names}.`,
    ),
  );
}

/** Whether `text` has more than `max` characters, counted as code points (an emoji is one, as Discord counts it). */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    // A surrogate pair is one character.
    if (text.codePointAt(i)! > 0xffff) i++;
    if (++count > max) return true;
  }
  return false;
}

/**
 * The first string option longer than the command's definition allows (Discord's own cap where it sets none).
 * Discord enforces these limits itself, but the console and any transport that does not would otherwise hand
 * a search 10,000 words.
 */
function overlongOption(
  command: SlashCommand | undefined,
  values: CommandOptions,
): { name: string; max: number } | null {
  const declared = new Map(
    (command?.definition.options ?? []).map((o) => [o.name, 'max_length' in o ? o.max_length : undefined]),
  );
  for (const [name, value] of Object.entries(values)) {
    const max = declared.get(name) ?? STRING_OPTION_LIMIT;
    if (typeof value === 'string' && longerThan(value, max)) return { name, max };
  }
  return null;
}

function overlongResponse({ name, max }: { name: string; max: number }): APIInteractionResponse {
  return message(
    notice(
      'Too long',
      `The option “${escapeUserText(truncate(name, 32))}” takes at most ${groupThousands(max)} characters. Please shorten it and try again.`,
    ),
  );
}

function expiredButtonResponse(): APIInteractionResponse {
  return message(notice('This button no longer works', 'Run the command again.'));
}

/** What a user sees when a command fails: an ephemeral apology, never the error itself. */
export function errorResponse(interaction: Pick<APIInteraction, 'type'>): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  }
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: reply(
      [
        {
          title: 'Something went wrong',
          description: 'The bot could not answer this time. The error has been logged; please try again.',
          color: COLORS.error,
        },
      ],
      { ephemeral: true },
    ),
  };
}

/**
 * What a user sees when Discord sent an interaction this bot cannot read: a private note asking to try again,
 * no choices for an autocomplete.
 */
export function unreadableResponse(interaction: Pick<APIInteraction, 'type'>): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  }
  return message(
    notice('This request could not be read', 'Discord sent something the bot does not understand. Please try again.'),
  );
}

/** The channel and user of an interaction ("direct" and "unknown" when it names none). */
export function whereOf(interaction: APIInteraction): Where {
  return {
    channelId: interaction.channel?.id ?? interaction.channel_id ?? interaction.guild_id ?? 'direct',
    userId: interaction.member?.user?.id ?? interaction.user?.id ?? 'unknown',
  };
}

/** What a user over RATE_LIMIT_PER_MINUTE sees, privately. */
export function rateLimitedResponse(limit: number): APIInteractionResponse {
  return message(
    notice(
      'Slow down',
      `You have run more than ${plural(limit, 'command')} in the last minute. Please wait a moment and try again.`,
    ),
  );
}

/** The response to one interaction, or null for kinds this bot does not handle (buttons, modals, ...). Throws what a command throws. */
export function respond(
  library: Library,
  interaction: APIInteraction,
  context: SharedContext,
  commands: ReadonlyMap<string, Command>,
): APIInteractionResponse | null {
  const { channelId, userId } = whereOf(interaction);
  if (interaction.type === InteractionType.MessageComponent) {
    // Button custom ids start with the command that made them: "search:<key>:<page>".
    const customId = typeof interaction.data?.custom_id === 'string' ? interaction.data.custom_id : '';
    const command = commands.get(customId.split(':')[0] ?? '');
    if (!command?.component) return expiredButtonResponse();
    const raw: unknown = interaction.message;
    const message = isRecord(raw) ? (raw as PressedMessage) : undefined;
    const messageOwnerId = message?.interaction_metadata?.user?.id;
    return command.component(library, customId, { ...context, channelId, userId, messageOwnerId, message });
  }
  if (
    interaction.type !== InteractionType.ApplicationCommand &&
    interaction.type !== InteractionType.ApplicationCommandAutocomplete
  )
    return null;
  const data = interaction.data;
  if (data.type === ApplicationCommandType.Message && interaction.type === InteractionType.ApplicationCommand)
    return runMessageCommand(library, data, commands, { ...context, channelId, userId });
  if (data.type !== ApplicationCommandType.ChatInput) return null;
  const found = commands.get(data.name);
  const command = found?.kind === 'slash' ? found : undefined;
  const { values, focused } = readOptions(data.options);
  const overlong = overlongOption(command, values);
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: command && focused && !overlong ? command.autocomplete(library, focused, values) : { choices: [] },
    };
  }
  if (!command) return unknownCommandResponse(data.name, commands);
  if (overlong) return overlongResponse(overlong);
  if (library.documents.length === 0) return noDocumentsResponse();
  const run = () => message(command.run(library, values, { ...context, channelId, userId }));
  return command.pure ? reusedReply(library, `${data.name}\u0000${JSON.stringify(values)}`, run) : run();
}

function noDocumentsResponse(): APIInteractionResponse {
  return message(
    notice(
      'No documents',
      'No document is being served right now. The bot’s operator can add fact sheets to its documents folder.',
    ),
  );
}

/**
 * A message command (a message's Apps menu) runs on the message Discord resolved for it: the one named by
 * `target_id` in `resolved.messages`. A payload without it reaches the command as no message.
 */
function runMessageCommand(
  library: Library,
  data: APIMessageApplicationCommandInteractionData,
  commands: ReadonlyMap<string, Command>,
  context: CommandContext,
): APIInteractionResponse {
  const command = commands.get(data.name);
  if (command?.kind !== 'message') return unknownCommandResponse(data.name, commands);
  if (library.documents.length === 0) return noDocumentsResponse();
  const messages: unknown = data.resolved?.messages;
  const target = isRecord(messages) && Object.hasOwn(messages, data.target_id) ? messages[data.target_id] : undefined;
  return message(command.run(library, isRecord(target) ? target : undefined, context));
}

/** The message a button sits on; Discord names who ran the command that made it in its metadata. */
type PressedMessage = TargetMessage & { interaction_metadata?: { user?: { id?: string } } };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A library never changes once built, so a pure command's reply to the same options is the same: keep it. */
function reusedReply(library: Library, key: string, run: () => APIInteractionResponse): APIInteractionResponse {
  let cache = replyCache.get(library);
  if (!cache) {
    cache = new BudgetedMap({
      maxBytes: REPLY_CACHE_BYTES,
      maxEntries: REPLY_CACHE_SIZE,
      sizeOf: (question, answer) => ENTRY_BYTES + stringBytes(question) + jsonBytes(answer),
    });
    replyCache.set(library, cache);
  }
  let cached = cache.get(key);
  if (!cached) {
    cached = run();
    cache.set(key, cached);
  }
  return cached;
}
