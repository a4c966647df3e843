// Routes one interaction, as Discord sends it, to a command, and returns the response body Discord expects.
// Every transport (gateway, HTTP, console, tests) goes through here. Three ways in: a slash command, a message
// command (a message's Apps menu), and a button press or an autocomplete, each a small function below.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteractionData,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageApplicationCommandInteractionData,
  type APIMessageComponentInteraction,
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
import { commandOfCustomId } from './custom-id.js';
import type { Library } from './library/library.js';
import {
  expiredButtonResponse,
  noDocumentsResponse,
  overlongResponse,
  unknownCommandResponse,
} from './render/notices.js';
import type { Reply } from './render/reply.js';

export const REPLY_CACHE_SIZE = 500;
/** A reply may hold 6,000 characters of embeds: 500 of those would be 6 MB, so the bytes are bounded too. */
export const REPLY_CACHE_BYTES = 2 * 2 ** 20;
/** Discord's cap on a string option that sets no max_length of its own. */
const STRING_OPTION_LIMIT = 6000;
const replyCache = new WeakMap<Library, BudgetedMap<string, APIInteractionResponse>>();

/** How many replies are kept for a library now, and their estimated bytes: only for observing the bound (tests). */
export const reusedReplies = (library: Library): number => replyCache.get(library)?.size ?? 0;
export const reusedReplyBytes = (library: Library): number => replyCache.get(library)?.bytes ?? 0;

type Commands = ReadonlyMap<string, Command>;

/** The response to one interaction, or null for kinds this bot does not handle (modals, ...). Throws what a command throws. */
export function respond(
  library: Library,
  interaction: APIInteraction,
  context: SharedContext,
  commands: Commands,
): APIInteractionResponse | null {
  const here = { ...context, ...whereOf(interaction) };
  switch (interaction.type) {
    case InteractionType.MessageComponent:
      return pressButton(library, interaction, here, commands);
    case InteractionType.ApplicationCommandAutocomplete:
      return complete(library, interaction.data, commands);
    case InteractionType.ApplicationCommand:
      return runCommand(library, interaction, here, commands);
    default:
      return null;
  }
}

/** A slash command or a message command; null for kinds no command is (a user's Apps menu). */
function runCommand(
  library: Library,
  interaction: APIApplicationCommandInteraction,
  context: CommandContext,
  commands: Commands,
): APIInteractionResponse | null {
  const { data } = interaction;
  if (data.type === ApplicationCommandType.Message) return runMessageCommand(library, data, context, commands);
  if (data.type === ApplicationCommandType.ChatInput) return runSlashCommand(library, data, context, commands);
  return null;
}

function runSlashCommand(
  library: Library,
  data: APIChatInputApplicationCommandInteractionData,
  context: CommandContext,
  commands: Commands,
): APIInteractionResponse {
  const command = slashCommand(commands, data.name);
  if (!command) return unknownCommandResponse(data.name, commandNames(commands));
  const { values } = readOptions(data.options);
  const overlong = overlongOption(command, values);
  if (overlong) return overlongResponse(overlong);
  if (library.documents.length === 0) return noDocumentsResponse();
  const run = () => message(command.run(library, values, context));
  return command.pure ? reusedReply(library, `${data.name}\u0000${JSON.stringify(values)}`, run) : run();
}

/**
 * A message command (a message's Apps menu) runs on the message Discord resolved for it: the one named by
 * `target_id` in `resolved.messages`. A payload without it reaches the command as no message.
 */
function runMessageCommand(
  library: Library,
  data: APIMessageApplicationCommandInteractionData,
  context: CommandContext,
  commands: Commands,
): APIInteractionResponse {
  const command = commands.get(data.name);
  if (command?.kind !== 'message') return unknownCommandResponse(data.name, commandNames(commands));
  if (library.documents.length === 0) return noDocumentsResponse();
  const messages: unknown = data.resolved?.messages;
  const target = isRecord(messages) && Object.hasOwn(messages, data.target_id) ? messages[data.target_id] : undefined;
  return message(command.run(library, isRecord(target) ? target : undefined, context));
}

/** A button press goes to the command its custom id names, with the message it sits on. */
function pressButton(
  library: Library,
  interaction: APIMessageComponentInteraction,
  context: CommandContext,
  commands: Commands,
): APIInteractionResponse {
  const customId = typeof interaction.data?.custom_id === 'string' ? interaction.data.custom_id : '';
  const command = commands.get(commandOfCustomId(customId));
  if (!command?.component) return expiredButtonResponse();
  const raw: unknown = interaction.message;
  const message = isRecord(raw) ? (raw as PressedMessage) : undefined;
  const messageOwnerId = message?.interaction_metadata?.user?.id;
  return command.component(library, customId, { ...context, messageOwnerId, message });
}

/** Choices for the option being typed; none for an unknown command, an option not typed, or one too long. */
function complete(
  library: Library,
  data: APIApplicationCommandAutocompleteInteraction['data'],
  commands: Commands,
): APIInteractionResponse | null {
  if (data.type !== ApplicationCommandType.ChatInput) return null;
  const command = slashCommand(commands, data.name);
  const { values, focused } = readOptions(data.options);
  const answerable = command && focused && !overlongOption(command, values);
  return {
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: answerable ? command.autocomplete(library, focused, values) : { choices: [] },
  };
}

/** The channel and user of an interaction ("direct" and "unknown" when it names none). */
export function whereOf(interaction: APIInteraction): Where {
  return {
    channelId: interaction.channel?.id ?? interaction.channel_id ?? interaction.guild_id ?? 'direct',
    userId: interaction.member?.user?.id ?? interaction.user?.id ?? 'unknown',
  };
}

function slashCommand(commands: Commands, name: string): SlashCommand | undefined {
  const found = commands.get(name);
  return found?.kind === 'slash' ? found : undefined;
}

/** "/stat", or a message command by its menu name: what an unknown command's notice lists. */
const commandNames = (commands: Commands): string[] =>
  [...commands.values()].map((c) =>
    c.kind === 'slash' ? `/${c.definition.name}` : `“${c.definition.name}” (a message’s Apps menu)`,
  );

const message = (data: Reply): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data,
});

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
function overlongOption(command: SlashCommand, values: CommandOptions): { name: string; max: number } | null {
  const declared = new Map(
    (command.definition.options ?? []).map((o) => [o.name, 'max_length' in o ? o.max_length : undefined]),
  );
  for (const [name, value] of Object.entries(values)) {
    const max = declared.get(name) ?? STRING_OPTION_LIMIT;
    if (typeof value === 'string' && longerThan(value, max)) return { name, max };
  }
  return null;
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
