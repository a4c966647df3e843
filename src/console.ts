// npm run console [-- [--json] [--autocomplete] [--seeds=DIR] [--out=DIR] ["/command option:value" ...]]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { withChartsDrawn } from './chart/draw.js';
import { filesDescribed, withoutFiles } from './command.js';
import type { LiveLibrary } from './library/reload.js';
import { cacheDirFrom } from './config.js';
import { cachedIn, NothingToServeError, openLibrary } from './library/serve.js';
import { responseAsText } from './transport/as-text.js';
import { newSession, runInteractive, runLine, runLines, type ConsoleSession } from './transport/console.js';
import { CommandLineError } from './transport/parse-command.js';

/** A terminal is in no server: the commands for a server's managers (/follow, /settings, ...) are left out. */
const consoleCommands = new Map([...commands].filter(([, c]) => c.definition.default_member_permissions == null));

const USAGE =
  'usage: npm run console -- [--json] [--autocomplete] [--seeds=DIR] [--out=DIR] ["/stat query:homicides" "/section name:2" ...]';

const FLAGS = {
  json: { type: 'boolean' },
  autocomplete: { type: 'boolean' },
  seeds: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Arguments {
  json: boolean;
  autocomplete: boolean;
  /** The folder given with --seeds, if any. */
  seeds?: string;
  /** The folder given with --out: where a reply's files (a chart) are written. */
  out?: string;
  help: boolean;
  /** One-shot command lines, in order. */
  lines: string[];
}

/** What parseArgs found wrong, in the words of the flag that was typed. */
function flagProblem(error: NodeJS.ErrnoException): string {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1] ?? 'given';
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `unknown option ${flag}`;
  if (flag === '--seeds' || flag === '--out') return `${flag} needs a folder, as ${flag}=DIR`;
  return `${flag} takes no value`;
}

/** The flags and command lines; throws CommandLineError naming the flag that is wrong. */
export function readArguments(argv: string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CommandLineError(`${flagProblem(error as NodeJS.ErrnoException)}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.seeds !== undefined && !values.seeds.trim())
    throw new CommandLineError(`--seeds needs a folder; ${USAGE}`);
  if (values.out !== undefined && !values.out.trim()) throw new CommandLineError(`--out needs a folder; ${USAGE}`);
  return {
    json: !!values.json,
    autocomplete: !!values.autocomplete,
    seeds: values.seeds,
    out: values.out,
    help: !!values.help,
    lines: commandLines(positionals),
  };
}

/**
 * Each argument that starts with "/" starts a command; the words after it (as a shell splits
 * `/stat query:sexual assaults`) belong to it. So `"/stat query:x" "/section name:2"` runs two.
 */
function commandLines(positionals: string[]): string[] {
  const lines: string[] = [];
  for (const word of positionals) {
    if (word.startsWith('/') || lines.length === 0) lines.push(word);
    else lines[lines.length - 1] += ` ${word}`;
  }
  return lines;
}

/** Runs the one-shot command lines one after another; a line that cannot be run is reported and skipped. */
async function runOneShots(session: ConsoleSession, args: Arguments): Promise<number> {
  let code = 0;
  const several = args.lines.length > 1;
  for (const line of args.lines) {
    try {
      const response = await withChartsDrawn(runLine(session, line, args.autocomplete ? 'autocomplete' : 'command'));
      if (args.json || args.autocomplete) process.stdout.write(`${JSON.stringify(filesDescribed(response))}\n`);
      else {
        // Several answers in a row: each under the line that asked for it.
        const header = several ? `factsheet> ${line}\n` : '';
        const text = responseAsText(response, Boolean(process.stdout.isTTY));
        process.stdout.write(`${header}${text}\n${filesLines(response, args.out)}${several ? '\n' : ''}`);
      }
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      code = fail(error.message);
    }
  }
  return code;
}

/** A reply's files: written under `out` (each path printed), or named with how to write them. */
function filesLines(response: unknown, out: string | undefined): string {
  const { files } = withoutFiles(response);
  if (files.length === 0) return '';
  if (out === undefined)
    return files.map((f) => `(attached: ${f.name}, ${f.data.byteLength} bytes; --out=DIR writes it)\n`).join('');
  mkdirSync(out, { recursive: true });
  return files
    .map((f) => {
      const path = join(out, f.name);
      writeFileSync(path, f.data);
      return `wrote ${path}\n`;
    })
    .join('');
}

/** ": changed parks.txt; added roads.md" from a reload's fields, for the person editing them. */
function changedFiles(fields: object): string {
  const lists = fields as Partial<Record<'added' | 'changed' | 'removed', string[]>>;
  const parts = (['changed', 'added', 'removed'] as const)
    .filter((kind) => lists[kind]?.length)
    .map((kind) => `${kind} ${lists[kind]!.join(', ')}`);
  return parts.length ? `: ${parts.join('; ')}` : '';
}

/** The documents folder, loaded; null (said on stderr) when nothing in it can be served. */
async function openDocuments(seeds: string, setting: string): Promise<LiveLibrary | null> {
  let started = false;
  const log = {
    error: (message: string) => process.stderr.write(`${message}\n`),
    // Warnings at start would bury the prompt under a large folder's; after it, they are about an edit.
    warn: (message: string) => started && process.stderr.write(`${message}\n`),
    info: (fields: object, message: string) => process.stderr.write(`${message}${changedFiles(fields)}\n`),
  };
  try {
    const { live } = await openLibrary(seeds, log, setting, cachedIn(cacheDirFrom(process.env)));
    started = true;
    return live;
  } catch (error) {
    if (error instanceof NothingToServeError) return (fail(error.message, 1), null);
    throw error;
  }
}

/**
 * Flags npm kept for itself: `npm run console "/stat query:homicides" --json` (without `--`) hands the console no
 * --json, only npm_config_json=true. Read back, so that the flag is not silently lost.
 */
function flagsNpmKept(env: NodeJS.ProcessEnv): string[] {
  return (['json', 'autocomplete'] as const)
    .filter((flag) => env[`npm_config_${flag}`] === 'true')
    .map((f) => `--${f}`);
}

export async function consoleMain(
  argv: string[],
  seedsDir = process.env.SEEDS_DIR?.trim() || 'seeds',
): Promise<number> {
  let args: Arguments;
  try {
    args = readArguments([...flagsNpmKept(process.env), ...argv]);
  } catch (error) {
    if (error instanceof CommandLineError) return fail(error.message);
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const live = await openDocuments(args.seeds ?? seedsDir, args.seeds === undefined ? 'SEEDS_DIR' : '--seeds');
  if (!live) return 1;
  const session = newSession(() => live.current(), consoleCommands);
  if (args.lines.length > 0) return runOneShots(session, args);
  // Edits to the documents are served from the next command on, as the bot serves them.
  live.watch();
  try {
    if (!process.stdin.isTTY) return await runLines(session, process.stdin, process.stdout);
    await runInteractive(session, process.stdin, process.stdout, Boolean(process.stdout.isTTY));
    return 0;
  } finally {
    live.close();
  }
}

function fail(message: string, code = 2): number {
  process.stderr.write(`console: ${message}\n`);
  return code;
}

// Run directly (not imported by a test): the file URL form also holds for paths that need encoding.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await consoleMain(process.argv.slice(2));
}
