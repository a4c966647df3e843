// Runs the real bot (`npm start`'s entry: @discordjs/ws and @discordjs/rest) as a child process against the
// stand-in. By default it runs the source through tsx, so a test never runs a stale dist/; `built` runs the
// compiled bot (the Dockerfile's CMD) in a tree built beforehand (tests/e2e/production-install.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './documents.js';
import { EVENT_DEADLINE_MS } from './deadline.js';
import { freePort } from './free-port.js';

export const TEST_TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GstAnd.stand-in-token-never-logged-0123456789';

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  /** Every JSON log line so far. */
  logLines: () => Array<Record<string, unknown>>;
  /** Resolves when a log line (JSON, from pino) satisfies the predicate. */
  waitForLog(test: (line: Record<string, unknown>) => boolean, timeout?: number): Promise<Record<string, unknown>>;
  /** Sends a signal and resolves with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  exited: Promise<number | null>;
}

export interface StartOptions {
  /** A module loaded before the bot (node --import), to inject faults; source runs only. */
  preload?: string;
  /** A built tree and the node command to run there (["node", "dist/src/main.js"]) instead of the source. */
  built?: { root: string; command: string[] };
}

export function startBot(env: Record<string, string>, options: StartOptions = {}): BotProcess {
  if (options.built && options.built.command[0] !== 'node') throw new Error('a built bot runs with node');
  const args = options.built
    ? options.built.command.slice(1)
    : ['--import', 'tsx', ...(options.preload ? ['--import', options.preload] : []), 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: options.built?.root ?? ROOT,
    env: {
      ...process.env,
      DOTENV_CONFIG_PATH: '/nonexistent',
      LOG_LEVEL: 'debug',
      SEEDS_DIR: 'seeds',
      DISCORD_TOKEN: TEST_TOKEN,
      // Tests send many interactions as one reader; those about the rate limit set it.
      RATE_LIMIT_PER_MINUTE: '0',
      // Each bot its own SQLite database and fetched documents, unless the test shares one.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-data-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const lines: Array<Record<string, unknown>> = [];
  const watchers: Array<{
    test: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }> = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(part);
      } catch {
        continue;
      }
      lines.push(line);
      for (const w of [...watchers])
        if (w.test(line)) {
          watchers.splice(watchers.indexOf(w), 1);
          w.resolve(line);
        }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    logLines: () => lines,
    exited,
    waitForLog(test, timeout = EVENT_DEADLINE_MS) {
      const seen = lines.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no such log line within ${timeout} ms; output so far:\n${text.slice(-3000)}`)),
          timeout,
        );
        watchers.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
    async stop(signal = 'SIGTERM') {
      const started = performance.now();
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: performance.now() - started };
    },
  };
}

/** A bot serving the HTTP interactions endpoint on a free local port, signed with `publicKeyHex`: a replica. */
export async function startHttpReplica(
  apiUrl: string,
  publicKeyHex: string,
  env: Record<string, string>,
): Promise<{ bot: BotProcess; url: string }> {
  const port = await freePort();
  const bot = startBot({
    INTERACTIONS: 'http',
    DISCORD_PUBLIC_KEY: publicKeyHex,
    DISCORD_API_URL: apiUrl,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    ...env,
  });
  return { bot, url: `http://127.0.0.1:${port}/interactions` };
}
