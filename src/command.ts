// What a command is: a definition Discord registers, and pure functions from the library and the options
// to Discord's reply JSON. No discord.js object crosses into a command.
import type { APICommandAutocompleteInteractionResponseCallbackData, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Library } from './library/library.js';
import type { Reply } from './render/reply.js';

export type OptionValue = string | number | boolean;
export type CommandOptions = Record<string, OptionValue | undefined>;

/** Remembers the last excerpt posted in each channel, so /quote does not repeat itself. */
export class RecentExcerpts {
  private readonly last = new Map<string, string>();
  constructor(private readonly capacity = 10_000) {}
  get(channel: string): string | undefined {
    return this.last.get(channel);
  }
  set(channel: string, excerpt: string): void {
    this.last.delete(channel);
    this.last.set(channel, excerpt);
    if (this.last.size > this.capacity) this.last.delete(this.last.keys().next().value!);
  }
}

export interface CommandContext {
  channelId: string;
  random: () => number;
  recent: RecentExcerpts;
}

export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(library: Library, options: CommandOptions, context: CommandContext): Reply;
  autocomplete(library: Library, focused: { name: string; value: string }, options: CommandOptions): APICommandAutocompleteInteractionResponseCallbackData;
}

export function stringOption(options: CommandOptions, name: string): string {
  const value = options[name];
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function isPrivate(options: CommandOptions): boolean {
  return options.private === true;
}
