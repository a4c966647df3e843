// npm run console [-- [--json] [--autocomplete] [--seeds DIR] ["/command option:value"]]
import { pathToFileURL } from 'node:url';
import { commands } from '../commands/index.js';
import { NothingToServeError, openLibrary } from './library/serve.js';
import { responseAsText } from './transport/as-text.js';
import { newSession, runInteractive, runLine, runLines } from './transport/console.js';
import { CommandLineError } from './transport/parse-command.js';

const USAGE = 'usage: npm run console -- [--json] [--autocomplete] [--seeds DIR] ["/stat query:homicides"]';

export async function consoleMain(
  argv: string[],
  seedsDir = process.env.SEEDS_DIR?.trim() || 'seeds',
): Promise<number> {
  let json = false;
  let autocomplete = false;
  let seeds = seedsDir;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--autocomplete') autocomplete = true;
    else if (arg === '--seeds') {
      const dir = argv[++i];
      if (!dir) return fail(`--seeds needs a folder; ${USAGE}`);
      seeds = dir;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) return fail(`unknown option ${arg}; ${USAGE}`);
    else rest.push(arg);
  }

  let session;
  try {
    session = newSession(
      (
        await openLibrary(seeds, { error: (m) => process.stderr.write(`${m}\n`), warn: () => {}, info: () => {} })
      ).live.current(),
      commands,
    );
  } catch (error) {
    if (error instanceof NothingToServeError) return fail(error.message, 1);
    throw error;
  }

  if (rest.length > 0) {
    try {
      const response = runLine(session, rest.join(' '), autocomplete ? 'autocomplete' : 'command');
      process.stdout.write(
        json || autocomplete
          ? `${JSON.stringify(response)}\n`
          : `${responseAsText(response, Boolean(process.stdout.isTTY))}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof CommandLineError) return fail(error.message);
      throw error;
    }
  }
  if (!process.stdin.isTTY) return runLines(session, process.stdin, process.stdout);
  await runInteractive(session, process.stdin, process.stdout, Boolean(process.stdout.isTTY));
  return 0;
}

function fail(message: string, code = 2): number {
  process.stderr.write(`console: ${message}\n`);
  return code;
}

// Run directly (not imported by a test): the file URL form also holds for paths that need encoding.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await consoleMain(process.argv.slice(2));
}
