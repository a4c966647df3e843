// The local console: the same commands, without Discord. One-shot, line-by-line (JSON), or interactive.
import { createInterface, type Interface } from 'node:readline';
import { InteractionResponseType } from 'discord-api-types/v10';
import { isSlashDefinition, sharedContext, type Command, type SharedContext } from '../command.js';
import type { Library } from '../library/library.js';
import { respond } from '../respond.js';
import { responseAsText } from './as-text.js';
import { CommandLineError, parseCommandLine, toButtonInteraction, toInteraction } from './parse-command.js';

export interface ConsoleSession {
  library: Library;
  /** The command registry (commands/index.ts), handed in by the entry point. */
  commands: ReadonlyMap<string, Command>;
  context: SharedContext;
}

export function newSession(library: Library, commands: ReadonlyMap<string, Command>): ConsoleSession {
  return { library, commands, context: sharedContext() };
}

/** The slash commands' definitions: a message command needs a message to act on, which a console line is not. */
function definitionsOf(session: ConsoleSession) {
  return [...session.commands.values()].map((c) => c.definition).filter(isSlashDefinition);
}

/** Runs one command line; returns the exact response body the bot would send. Throws CommandLineError. */
export function runLine(session: ConsoleSession, line: string, kind: 'command' | 'autocomplete' = 'command') {
  const definitions = definitionsOf(session);
  const parsed = parseCommandLine(line, definitions);
  if (kind === 'autocomplete' && parsed.options.length === 0) {
    // "/section" alone: complete the first option, as Discord does when the user starts typing it.
    const first = definitions
      .find((d) => d.name === parsed.name)
      ?.options?.find((o) => 'autocomplete' in o && o.autocomplete && o.name !== 'document');
    if (first) parsed.options.push({ name: first.name, value: '', type: first.type });
  }
  return respond(session.library, toInteraction(parsed, kind), session.context, session.commands);
}

/** stdin not a terminal: one command a line in, one JSON response a line out. Returns the exit code. */
export async function runLines(
  session: ConsoleSession,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failed = false;
  for await (const line of lines) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    try {
      const autocomplete = /^--autocomplete\s+/.exec(line);
      output.write(
        `${JSON.stringify(runLine(session, autocomplete ? line.slice(autocomplete[0].length) : line, autocomplete ? 'autocomplete' : 'command'))}\n`,
      );
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      failed = true;
      output.write(`${JSON.stringify({ error: error.message })}\n`);
    }
  }
  return failed ? 2 : 0;
}

/** Completes command names, option names, and option values (through the command's own autocomplete). */
export function complete(session: ConsoleSession, line: string): [string[], string] {
  const definitions = definitionsOf(session);
  const command = /^\/?([\w-]*)$/.exec(line);
  if (command) {
    const hits = definitions.map((d) => `/${d.name} `).filter((n) => n.startsWith(`/${command[1]}`));
    return [hits, line];
  }
  const name = /^\/?([\w-]+)\s/.exec(line)?.[1];
  const definition = definitions.find((d) => d.name === name);
  if (!definition) return [[], line];
  const partial = /(\S*)$/.exec(line)![1]!;
  const used = new Set([...line.matchAll(/([\w-]+):/g)].map((m) => m[1]));
  const optionNames = (definition.options ?? []).map((o) => `${o.name}:`).filter((o) => !used.has(o.slice(0, -1)));
  const startsOption =
    !partial.includes(':') &&
    (partial === '' ? /\s$/.test(line) && used.size === 0 : optionNames.some((o) => o.startsWith(partial)));
  const value = /([\w-]+):([^:]*)$/.exec(line);
  if (!startsOption && value && definition.options?.some((o) => o.name === value[1])) {
    try {
      const response = runLine(session, line, 'autocomplete');
      const choices =
        response && 'data' in response && response.data && 'choices' in response.data
          ? (response.data.choices ?? [])
          : [];
      const prefix = line.slice(0, line.length - value[2]!.length);
      return [choices.map((c) => `${prefix}${c.value}`), line];
    } catch {
      return [[], line];
    }
  }
  const hits = optionNames.filter((o) => o.startsWith(partial));
  return [hits.map((h) => line.slice(0, line.length - partial.length) + h), line];
}

/** The enabled buttons of a reply by the first word of their label ("next"), to custom id. */
function buttonsOf(components: unknown): Map<string, string> {
  const rows = (Array.isArray(components) ? components : []) as Array<{
    components?: Array<{ label?: string; custom_id?: string; disabled?: boolean }>;
  }>;
  return new Map(
    rows
      .flatMap((r) => r.components ?? [])
      .filter((b) => b.label && b.custom_id && !b.disabled)
      .map((b) => [b.label!.toLowerCase().split(' ')[0]!, b.custom_id!]),
  );
}

/** Interactive prompt with history and tab completion. Resolves when the user leaves. */
export function runInteractive(
  session: ConsoleSession,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  color: boolean,
): Promise<void> {
  const rl: Interface = createInterface({
    input,
    output,
    prompt: 'factsheet> ',
    historySize: 500,
    completer: (line: string) => complete(session, line),
  });
  const definitions = definitionsOf(session);
  const say = (text: string) => output.write(`${text}\n`);
  say(`factsheet-bot console: ${session.library.documents.map((d) => d.title).join(', ')}`);
  say(
    `Commands: ${definitions.map((d) => `/${d.name}`).join(', ')}. Tab completes; "help" lists options; Ctrl+D or "exit" leaves.`,
  );
  rl.prompt();
  // The buttons of the last reply, by label: typing "next", "previous" or "post" presses one.
  let buttons = new Map<string, string>();
  const show = (response: ReturnType<typeof runLine>) => {
    say(responseAsText(response, color));
    if (response && 'data' in response && response.data && 'components' in response.data)
      buttons = buttonsOf(response.data.components);
    else if (response?.type !== InteractionResponseType.UpdateMessage) buttons = new Map();
  };
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      const text = line.trim();
      const word = text.toLowerCase().replace(/^prev$/, 'previous');
      if (text === 'exit' || text === 'quit') return rl.close();
      if (text === 'help' || text === '?') {
        for (const d of definitions)
          say(`/${d.name} ${(d.options ?? []).map((o) => `${o.name}:`).join(' ')}  — ${d.description}`);
        say('next, previous, post — press the buttons of the last reply');
      } else if (['next', 'previous', 'post'].includes(word)) {
        const customId = buttons.get(word);
        if (customId) show(respond(session.library, toButtonInteraction(customId), session.context, session.commands));
        else say(`The last reply has no "${word}" button to press.`);
      } else if (text) {
        try {
          show(runLine(session, text));
        } catch (error) {
          if (!(error instanceof CommandLineError)) throw error;
          say(error.message);
        }
      }
      say('');
      rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
