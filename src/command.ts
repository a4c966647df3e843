// What a command is: a definition Discord registers, and pure functions from the library and the options
// to Discord's reply JSON. No discord.js object crosses into a command; the little state commands need
// (the last quote in a channel, open searches) is handed to them in the context.
import type { SlashCommandBuilder } from '@discordjs/builders';
import type {
  APICommandAutocompleteInteractionResponseCallbackData,
  APIInteractionResponse,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Document } from './document/types.js';
import type { Library } from './library/library.js';
import { documentNotFound } from './render/document.js';
import type { Reply } from './render/reply.js';

export type OptionValue = string | number | boolean;
export type CommandOptions = Record<string, OptionValue | undefined>;

/** A small map that forgets its oldest entries past a capacity. */
export class Recent<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity = 10_000) {}
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The last excerpt posted in each channel, so /quote does not repeat itself. */
export class RecentExcerpts extends Recent<string> {}

export interface SearchSession {
  query: string;
  documentId: string | null;
  userId: string;
  createdAt: number;
}

export interface CommandContext {
  channelId: string;
  userId: string;
  random: () => number;
  now: () => number;
  recent: RecentExcerpts;
  searches: Recent<SearchSession>;
  /** How long buttons work; commands default to their own when unset. */
  buttonTimeoutMs?: number;
}

export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** The reply depends on the library and the options alone (no randomness, no state): it may be reused. */
  pure?: boolean;
  run(library: Library, options: CommandOptions, context: CommandContext): Reply;
  autocomplete(
    library: Library,
    focused: { name: string; value: string },
    options: CommandOptions,
  ): APICommandAutocompleteInteractionResponseCallbackData;
  /** Button presses on this command's messages (custom ids start with "<command name>:"). */
  component?(library: Library, customId: string, context: CommandContext): APIInteractionResponse;
}

/** What a transport keeps for the commands between interactions; channel and user come with each one. */
export type SharedContext = Omit<CommandContext, 'channelId' | 'userId'>;

export function sharedContext(overrides: Partial<SharedContext> = {}): SharedContext {
  return {
    random: Math.random,
    now: Date.now,
    recent: new RecentExcerpts(),
    searches: new Recent<SearchSession>(1000),
    ...overrides,
  };
}

export function stringOption(options: CommandOptions, name: string): string {
  const value = options[name];
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function isPrivate(options: CommandOptions): boolean {
  return options.private === true;
}

/** The `document` option every command takes first; autocomplete on titles. */
export function addDocumentOption(builder: SlashCommandBuilder): SlashCommandBuilder {
  builder.addStringOption((o) =>
    o
      .setName('document')
      .setDescription('Only this document (when several are served)')
      .setAutocomplete(true)
      .setMaxLength(200),
  );
  return builder;
}

/**
 * The document chosen with the `document` option: null when none was given (search them all), or a
 * not-found reply listing the documents.
 */
export function chosenDocument(
  library: Library,
  options: CommandOptions,
): { document: Document | null; notFound: Reply | null } {
  const wanted = stringOption(options, 'document');
  if (!wanted) return { document: null, notFound: null };
  const document = library.documentById(wanted) ?? library.findDocuments(wanted)[0] ?? null;
  return document ? { document, notFound: null } : { document: null, notFound: documentNotFound(library, wanted) };
}

/** Document titles for autocomplete. */
export function documentChoices(library: Library, typed: string): Array<{ name: string; value: string }> {
  const documents = typed.trim() ? library.findDocuments(typed) : library.documents;
  return documents.map((d) => ({ name: d.title, value: d.id }));
}
