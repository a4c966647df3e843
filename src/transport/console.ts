// The local console: the same commands, without Discord. One-shot, line-by-line (JSON), or interactive.
import { createInterface, type Interface } from 'node:readline';
import { withChartsDrawn } from '../chart/draw.js';
import { filesDescribed, isSlashDefinition, sharedContext, type Command, type SharedContext } from '../command.js';
import { plainTextOf } from '../document/formats/index.js';
import type { Library } from '../library/library.js';
import { respond } from '../respond.js';
import { responseAsText } from './as-text.js';
import { groupThousands } from '../render/text.js';
import { CommandLineError, parseCommandLine, toButtonInteraction, toInteraction } from './parse-command.js';

export interface ConsoleSession {
  /** The library serving now: a watched folder swaps in a new one when a document is edited. */
  library: () => Library;
  /** The command registry (commands/index.ts), handed in by the entry point. */
  commands: ReadonlyMap<string, Command>;
  context: SharedContext;
  /** The enabled buttons of the last reply, by label ("cite 2") and first word ("next"): typing one presses it. */
  buttons: Map<string, string>;
  /** The last reply with buttons, handed with a press as Discord hands the message (a long query is read there). */
  message?: object;
}

export function newSession(library: Library | (() => Library), commands: ReadonlyMap<string, Command>): ConsoleSession {
  const current = typeof library === 'function' ? library : () => library;
  return { library: current, commands, context: sharedContext({ local: true }), buttons: new Map() };
}

/** The slash commands' definitions: a message command needs a message to act on, which a console line is not. */
function definitionsOf(session: ConsoleSession) {
  return [...session.commands.values()].map((c) => c.definition).filter(isSlashDefinition);
}

/** "next", "prev", "post", "cite 2", "3": a line that presses a button of the last reply, as its label reads. */
export function buttonWord(line: string): string | null {
  const word = line
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^prev$/, 'previous');
  return /^(?:next|previous|post|cite(?: \d+)?|\d+)$/.test(word) ? word : null;
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
  const response = respond(session.library(), toInteraction(parsed, kind), session.context, session.commands);
  if (kind === 'command') showed(session, response);
  return response;
}

function componentsOf(response: ReturnType<typeof respond>): unknown {
  return response && 'data' in response && response.data && 'components' in response.data
    ? response.data.components
    : undefined;
}

/**
 * Presses a button of the last reply by its label ("next", "cite 2"). A reply with buttons of its own (a page,
 * a posted search) takes over; a private note (a citation) leaves the last reply's buttons to press again.
 * Throws CommandLineError when the last reply has no such button.
 */
export function pressButton(session: ConsoleSession, word: string) {
  const customId = session.buttons.get(word);
  if (!customId) throw new CommandLineError(`The last reply has no "${word}" button to press.`);
  const pressed = toButtonInteraction(customId, 'console', session.message);
  const response = respond(session.library(), pressed, session.context, session.commands);
  if (componentsOf(response) !== undefined) showed(session, response);
  return response;
}

/** The reply now shown: its buttons to press and the message they sit on. */
function showed(session: ConsoleSession, response: ReturnType<typeof respond>): void {
  session.buttons = buttonsOf(componentsOf(response));
  session.message = response && 'data' in response ? response.data : undefined;
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
      const word = buttonWord(line);
      const response = word
        ? pressButton(session, word)
        : runLine(
            session,
            autocomplete ? line.slice(autocomplete[0].length) : line,
            autocomplete ? 'autocomplete' : 'command',
          );
      output.write(`${JSON.stringify(filesDescribed(await withChartsDrawn(response)))}\n`);
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      failed = true;
      output.write(`${JSON.stringify({ error: error.message })}\n`);
    }
  }
  return failed ? 2 : 0;
}

/**
 * Completes command names, option names, and option values (through the command's own autocomplete). Each
 * completion is the whole line with runs of spaces written once (a space typed after a completed "/stat ", say),
 * and readline replaces the typed line with it.
 */
export function complete(session: ConsoleSession, typed: string): [string[], string] {
  const [hits] = completeLine(session, typed.trimStart().replace(/\s+/g, ' '));
  return [hits, typed];
}

function completeLine(session: ConsoleSession, line: string): [string[], string] {
  const definitions = definitionsOf(session);
  const command = /^\/?([\w-]*)$/.exec(line);
  if (command) {
    // A space after the name only where options follow it: "/help" takes none.
    const names = definitions.map((d) => `/${d.name}${d.options?.length ? ' ' : ''}`);
    return [names.filter((n) => n.startsWith(`/${command[1]}`)), line];
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
      const texts = choices.map((c) => completionText(session.library(), value[1]!, String(c.value)));
      return [[...new Set(texts)].map((text) => `${prefix}${text}`), line];
    } catch {
      return [[], line];
    }
  }
  const hits = optionNames.filter((o) => o.startsWith(partial));
  return [hits.map((h) => line.slice(0, line.length - partial.length) + h), line];
}

/**
 * What to type for an autocomplete choice: its text, not the id Discord would send back ("burglaries" for a
 * figure, a section's title, a document's title), so the line reads as a person would write it.
 */
function completionText(library: Library, option: string, value: string): string {
  const document = library.lookup.document(value);
  if (option === 'document' && document) return document.title;
  const figure = library.lookup.figure(value);
  if (figure) return plainTextOf(figure.document, figure.figure.counts ?? figure.figure.text);
  return library.lookup.section(value)?.section.title ?? document?.title ?? value;
}

/** The enabled buttons of a reply by label ("cite 2") and by its first word ("post" for "Post to channel"). */
function buttonsOf(components: unknown): Map<string, string> {
  const rows = (Array.isArray(components) ? components : []) as Array<{
    components?: Array<{ label?: string; custom_id?: string; disabled?: boolean }>;
  }>;
  const buttons = new Map<string, string>();
  for (const button of rows.flatMap((r) => r.components ?? [])) {
    if (!button.label || !button.custom_id || button.disabled) continue;
    const label = button.label.toLowerCase();
    buttons.set(label, button.custom_id);
    if (!buttons.has(label.split(' ')[0]!)) buttons.set(label.split(' ')[0]!, button.custom_id);
  }
  return buttons;
}

/** The documents served, named when few, counted when many. */
function servedLine(library: Library): string {
  const { documents } = library;
  if (documents.length <= 3) return documents.map((d) => d.title).join(', ');
  return `${groupThousands(documents.length)} documents`;
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
  say(`factsheet-bot console: ${servedLine(session.library())}`);
  say(
    `Commands: ${definitions.map((d) => `/${d.name}`).join(', ')}. Tab completes; "help" lists options; Ctrl+D or "exit" leaves.`,
  );
  rl.prompt();
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      const text = line.trim();
      if (text === 'exit' || text === 'quit') return rl.close();
      if (text === 'help' || text === '?') {
        for (const d of definitions)
          say(`/${d.name} ${(d.options ?? []).map((o) => `${o.name}:`).join(' ')}  — ${d.description}`);
        say('next, previous, post, cite — press the buttons of the last reply');
      } else if (text) {
        const word = buttonWord(text);
        try {
          say(responseAsText(word ? pressButton(session, word) : runLine(session, text), color));
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
