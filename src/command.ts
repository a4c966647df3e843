// What a command is: a definition Discord registers, and pure functions from the library and the options to
// Discord's reply JSON. No discord.js object crosses into a command. Each command declares its options once;
// the definition Discord registers and the type of the arguments `run` receives are both derived from that
// declaration, so a misspelled option name does not compile. No process keeps anything for a command: a button
// carries what it needs in its custom id and its message, and what every copy of the bot must see lives in the
// shared values (`context.shared`): the handler reads the keys a command names before it runs and writes what
// it set after, so the command itself stays synchronous and free of I/O.
import { ContextMenuCommandBuilder, SlashCommandBuilder } from '@discordjs/builders';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { BudgetedMap, ENTRY_BYTES, stringBytes } from './budgeted-map.js';
import { DEFAULT_BUTTON_TIMEOUT_MS } from './config.js';
import { decodeCustomId } from './custom-id.js';
import type { GuildContext } from './guild.js';
import type { Library } from './library/library.js';

/** A file sent beside a reply (a chart): the reply's `attachments` name it by its place in `files`. */
export interface ReplyFile {
  name: string;
  /** Empty while `chart` is set: the bytes are drawn just before the reply is sent (src/chart/draw.ts). */
  data: Buffer | Uint8Array;
  description: string;
  contentType: string;
  /**
   * A chart still to draw, as a Vega-Lite spec: a command stays synchronous and the chart renderer (about 18 MB
   * of RSS) is loaded by the first chart a replica draws, not at start.
   */
  chart?: Record<string, unknown>;
}

/** Discord's reply JSON, and the files that go with it (never part of the JSON: transports send them apart). */
export type Reply = APIInteractionResponseCallbackData & { files?: ReplyFile[] };

/** A response as JSON can show it: each file described by name, size and content type instead of its bytes. */
export function filesDescribed<T>(response: T): T {
  const { body, files } = withoutFiles(response);
  if (files.length === 0) return response;
  const described = files.map((f) => ({ name: f.name, size: f.data.byteLength, contentType: f.contentType }));
  const data = (body as { data: object }).data;
  return { ...body, data: { ...data, files: described } };
}

/** A response's JSON without its files, and the files: what a transport sends as `payload_json` and `files[n]`. */
export function withoutFiles<T>(response: T): { body: T; files: ReplyFile[] } {
  const data = (response as { data?: Reply } | null)?.data;
  if (!data?.files?.length) return { body: response, files: [] };
  const { files, ...json } = data;
  return { body: { ...response, data: json }, files };
}
export type OptionValue = string | number | boolean;
/** Options as an interaction carries them: whatever Discord (or a tampered payload) sent, by name. */
export type CommandOptions = Record<string, OptionValue | undefined>;

/**
 * Buttons that carry everything they need and keep working after the others expire: a Cite button
 * ("<command>:cite:…") names its quote itself. Transports leave them enabled.
 */
export function isLastingButton(customId: string | undefined): boolean {
  return customId !== undefined && decodeCustomId(customId)?.kind === 'cite';
}

/** How long a context's buttons work: the operator's BUTTON_TIMEOUT_SECONDS, or the default. */
export function buttonTimeout(context: Pick<CommandContext, 'buttonTimeoutMs'>): number {
  return context.buttonTimeoutMs ?? DEFAULT_BUTTON_TIMEOUT_MS;
}

/** The first millisecond of 2015, where Discord's ids count from. */
export const DISCORD_EPOCH = 1420070400000;

/** When Discord made the thing a snowflake id names (ms since 1970), or null when it is not a snowflake. */
export function snowflakeTime(id: unknown): number | null {
  if (typeof id !== 'string' || !/^\d{1,20}$/.test(id)) return null;
  const ms = BigInt(id) >> 22n;
  return ms > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(ms) + DISCORD_EPOCH;
}

/**
 * Whether a button's message is older than the buttons' timeout, by the time in its id: every replica, and a
 * bot restarted since, reads the same age from the message itself. The console has no Discord message to date,
 * so its buttons do not expire; a press from Discord whose message has no readable id counts as expired (fail
 * closed: a forged press must not keep buttons alive for ever).
 */
export function buttonExpired(context: Pick<CommandContext, 'message' | 'now' | 'buttonTimeoutMs' | 'local'>): boolean {
  if (context.local) return false;
  const created = snowflakeTime(context.message?.id);
  return created === null || context.now() - created > buttonTimeout(context);
}

/**
 * Whether whoever pressed may use the message's buttons: the person who ran the command, as Discord names them
 * on the message (interaction_metadata). A press whose message does not name its owner is refused (fail closed);
 * the console is one person at a terminal.
 */
export function pressedByOwner(context: Pick<CommandContext, 'messageOwnerId' | 'userId' | 'local'>): boolean {
  return context.local === true || (context.messageOwnerId !== undefined && context.messageOwnerId === context.userId);
}

/** One option as a command declares it. */
export interface OptionSpec {
  /** A channel option's value is the channel's id. */
  type:
    ApplicationCommandOptionType.String | ApplicationCommandOptionType.Boolean | ApplicationCommandOptionType.Channel;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  maxLength?: number;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends ApplicationCommandOptionType.Boolean ? boolean : string;
/** The arguments `run` receives: every declared option, typed, absent when not given (strings trimmed). */
export type ArgumentsOf<O extends OptionSpecs> = { readonly [K in keyof O]?: ValueOf<O[K]> };

/** Keeps the declared options with the declared type; strings trimmed, an empty string dropped. */
export function readArguments<O extends OptionSpecs>(specs: O, raw: CommandOptions): ArgumentsOf<O> {
  const args: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = Object.hasOwn(raw, name) ? raw[name] : undefined;
    if (spec.type === ApplicationCommandOptionType.Boolean) {
      if (typeof value === 'boolean') args[name] = value;
    } else if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value).trim();
      if (text) args[name] = text;
    }
  }
  return args as ArgumentsOf<O>;
}

/** Values every copy of the bot sees (the store), as a command reads and writes them: synchronously. */
export interface SharedValues {
  /** Only keys the command named in `sharedKeys` are read from the store; others read as undefined there. */
  get(key: string): string | undefined;
  set(key: string, value: string, ttlMs: number): void;
}

/** Shared values of this process alone: what the console and direct calls use; the oldest go past 10,000 or 1 MB. */
export class LocalValues implements SharedValues {
  private readonly entries = new BudgetedMap<string, { value: string; expires: number }>({
    maxEntries: 10_000,
    maxBytes: 2 ** 20,
    sizeOf: (key, entry) => ENTRY_BYTES + stringBytes(key) + stringBytes(entry.value),
  });
  constructor(private readonly now: () => number = Date.now) {}
  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expires > this.now() ? entry.value : undefined;
  }
  set(key: string, value: string, ttlMs: number): void {
    this.entries.set(key, { value, expires: this.now() + ttlMs });
  }
}

/** Where an interaction happens, as commands see it. */
export interface Where {
  channelId: string;
  userId: string;
}

export interface CommandContext {
  channelId: string;
  userId: string;
  random: () => number;
  now: () => number;
  shared: SharedValues;
  /** For a button press: who ran the command that made the message, as Discord says (absent in the console). */
  messageOwnerId?: string;
  /** For a button press: the message it sits on, as the interaction carries it (its id dates it); commands check. */
  message?: TargetMessage;
  /** How long buttons work; DEFAULT_BUTTON_TIMEOUT_MS when unset. */
  buttonTimeoutMs?: number;
  /** The console: one person at a terminal, no Discord message to date or to name an owner. */
  local?: boolean;
  /** In a server, with a database: its settings and subscriptions, and how to ask for a change (../guild.ts). */
  guild?: GuildContext;
}

/** What a transport keeps for the commands between interactions; channel and user come with each one. */
export type SharedContext = Omit<CommandContext, 'channelId' | 'userId'>;

export function sharedContext(overrides: Partial<SharedContext> = {}): SharedContext {
  return { random: Math.random, now: Date.now, shared: new LocalValues(), ...overrides };
}

export interface Focused {
  name: string;
  value: string;
}

/** A slash command as the router sees it: options arrive untyped and are read against the declaration. */
export interface SlashCommand {
  kind: 'slash';
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** One way to run it, as /help shows it: "/stat query:homicides". */
  example?: string;
  /** The reply depends on the library and the options alone (no randomness, no state): it may be reused. */
  pure?: boolean;
  /** Replies privately unless its `private` option says otherwise: a deferred reply is deferred privately. */
  privateByDefault?: boolean;
  /** The shared values `run` reads, so the handler can fetch them from the store first. */
  sharedKeys?(where: Where): string[];
  /** `run` reads the server's subscriptions (`context.guild.subscriptions`): the handler reads them first. */
  readsSubscriptions?: boolean;
  run(library: Library, options: CommandOptions, context: CommandContext): Reply;
  autocomplete(
    library: Library,
    focused: Focused,
    options: CommandOptions,
  ): APICommandAutocompleteInteractionResponseCallbackData;
  /** Button presses on this command's messages (custom ids start with "<command name>:"). */
  component?(library: Library, customId: string, context: CommandContext): APIInteractionResponse;
}

/**
 * The message a message command was used on, as the interaction's resolved data carries it. Only what a
 * command may read, and any of it may be missing or malformed in a tampered payload: commands check.
 */
export type TargetMessage = Partial<Pick<APIMessage, 'id' | 'content' | 'embeds' | 'author' | 'components'>>;

/** A message command (a message's menu, Apps): it reads the message it was used on; it has no options. */
export interface MessageCommand {
  kind: 'message';
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  /** `message` is undefined when the interaction did not carry the message it names. */
  run(library: Library, message: TargetMessage | undefined, context: CommandContext): Reply;
  /** Replies privately unless its `private` option says otherwise: a deferred reply is deferred privately. */
  privateByDefault?: boolean;
  /** Button presses on this command's messages (custom ids start with "<command name>:"). */
  component?(library: Library, customId: string, context: CommandContext): APIInteractionResponse;
}

/** Every command the router and the transports handle. */
export type Command = SlashCommand | MessageCommand;

export type CommandDefinition = Command['definition'];

/** A slash command's definition: the only kind that takes options, typed in a console or completed. */
export const isSlashDefinition = (
  definition: CommandDefinition,
): definition is RESTPostAPIChatInputApplicationCommandsJSONBody =>
  definition.type === undefined || definition.type === ApplicationCommandType.ChatInput;

/** What a command file writes: its options declared once, and functions typed by them. */
export interface CommandSpec<O extends OptionSpecs> {
  name: string;
  description: string;
  /** One way to run it, as /help shows it. */
  example?: string;
  options: O;
  pure?: boolean;
  privateByDefault?: boolean;
  /** For members with Manage Server only, in servers only: Discord hides it from the others (checked again in `run`). */
  forManagers?: boolean;
  readsSubscriptions?: boolean;
  sharedKeys?(where: Where): string[];
  run(library: Library, args: ArgumentsOf<O>, context: CommandContext): Reply;
  autocomplete?(
    library: Library,
    focused: Focused & { name: keyof O & string },
    args: ArgumentsOf<O>,
  ): APICommandAutocompleteInteractionResponseCallbackData;
  component?(library: Library, customId: string, context: CommandContext): APIInteractionResponse;
}

/**
 * Every command can be installed to a server or to a user's account, and used in a server, in a DM with the
 * bot, and in group DMs and other people's DMs (where a user install takes it). Nothing a command answers
 * depends on a server: it quotes public documents.
 */
export const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];
export const CONTEXTS = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
];

/** Channels announcements can be posted in: text and announcement channels. */
const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** A server's settings are its managers' to change: such commands exist only where a server installed the bot. */
function builderOf(spec: CommandSpec<OptionSpecs>): SlashCommandBuilder {
  const builder = new SlashCommandBuilder().setName(spec.name).setDescription(spec.description);
  if (!spec.forManagers) return builder.setIntegrationTypes(INTEGRATION_TYPES).setContexts(CONTEXTS);
  return builder
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
}

/** The definition Discord registers, built with @discordjs/builders (which checks names and lengths). */
function definitionOf<O extends OptionSpecs>(spec: CommandSpec<O>): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = builderOf(spec);
  // Discord wants required options first; the declared order holds otherwise.
  const entries = Object.entries(spec.options).sort(([, a], [, b]) => Number(!!b.required) - Number(!!a.required));
  for (const [name, option] of entries) {
    if (option.type === ApplicationCommandOptionType.Boolean) {
      builder.addBooleanOption((o) =>
        o.setName(name).setDescription(option.description).setRequired(!!option.required),
      );
    } else if (option.type === ApplicationCommandOptionType.Channel) {
      builder.addChannelOption((o) =>
        o
          .setName(name)
          .setDescription(option.description)
          .setRequired(!!option.required)
          .addChannelTypes(...POSTABLE_CHANNELS),
      );
    } else {
      builder.addStringOption((o) => {
        o.setName(name).setDescription(option.description).setRequired(!!option.required);
        if (option.autocomplete) o.setAutocomplete(true);
        if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
        return o;
      });
    }
  }
  return builder.toJSON();
}

export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): SlashCommand {
  const isDeclared = (name: string): name is keyof O & string => Object.hasOwn(spec.options, name);
  return {
    kind: 'slash',
    definition: definitionOf(spec),
    example: spec.example,
    pure: spec.pure,
    privateByDefault: spec.privateByDefault,
    readsSubscriptions: spec.readsSubscriptions,
    sharedKeys: spec.sharedKeys && ((where) => spec.sharedKeys!(where)),
    run: (library, options, context) => spec.run(library, readArguments(spec.options, options), context),
    autocomplete: (library, focused, options) =>
      spec.autocomplete && isDeclared(focused.name)
        ? spec.autocomplete(library, { ...focused, name: focused.name }, readArguments(spec.options, options))
        : { choices: [] },
    component: spec.component && ((library, customId, context) => spec.component!(library, customId, context)),
  };
}

/** What a message command file writes: its name as the menu shows it, and what it does with the message. */
export interface MessageCommandSpec {
  /** Shown in the message's Apps menu: 1-32 characters, spaces and capitals allowed. */
  name: string;
  run: MessageCommand['run'];
  privateByDefault?: boolean;
  component?: MessageCommand['component'];
}

/** A message command, its definition built with @discordjs/builders (which checks the name). */
export function defineMessageCommand(spec: MessageCommandSpec): MessageCommand {
  const definition = new ContextMenuCommandBuilder()
    .setName(spec.name)
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(INTEGRATION_TYPES)
    .setContexts(CONTEXTS)
    .toJSON();
  return {
    kind: 'message',
    definition,
    run: spec.run,
    privateByDefault: spec.privateByDefault,
    component: spec.component,
  };
}
