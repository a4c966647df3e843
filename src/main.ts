// npm start: serve the documents on Discord; with no token, say what is missing and open the local console.
// Run it with node directly under a supervisor (not through npm), so the supervisor's signals reach this process.
import 'dotenv/config';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { consoleMain } from './console.js';
import type { LiveLibrary } from './library/reload.js';
import { NothingToServeError, openLibrary } from './library/serve.js';
import { createLogger } from './log.js';
import { createGateway, type Gateway } from './transport/gateway.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`factsheet-bot: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (!config.token) {
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    process.stderr.write(
      `factsheet-bot: DISCORD_TOKEN is not set, so the bot cannot connect to Discord (README, "Discord setup")${interactive ? '; starting the local console instead.' : '.'}\n`,
    );
    if (!interactive) return 1;
    return consoleMain([], config.seedsDir);
  }
  return serve(config, config.token);
}

/** Loads the documents, connects and serves until a signal (exit 0) or until Discord is lost for good (exit 1). */
async function serve(config: Config, token: string): Promise<number> {
  const log = createLogger(config.logLevel, process.stdout, [token]);
  exitOnCrash(log);
  // Listening from the start: a supervisor may stop the bot while it loads or while Discord is unreachable.
  const signalled = untilSignal();
  const live = await loadDocuments(config.seedsDir, log);
  if (!live) return 1;
  const gateway = createGateway({
    token,
    apiUrl: config.apiUrl,
    buttonTimeoutMs: config.buttonTimeoutMs,
    log,
    getLibrary: () => live.current(),
    commands,
  });
  const code = await Promise.race([
    signalled.then((signal) => (log.info({ signal }, 'shutting down'), 0)),
    gateway.lost.then(({ code, reason }) => (log.fatal({ code }, `Discord ended the session for good: ${reason}`), 1)),
    connectedOrFailed(gateway, log),
  ]);
  live.close();
  await closeWithin(gateway, CLOSE_TIMEOUT_MS, log);
  return code;
}

/** A supervisor waits only so long before it kills a process that was asked to stop. */
const CLOSE_TIMEOUT_MS = 2000;

/** Closes the connection, waiting at most `ms` for Discord to acknowledge (a dead peer never does). */
async function closeWithin(gateway: Gateway, ms: number, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  const closed = gateway.close().catch((error: unknown) => log.warn({ err: error }, 'could not close the connection'));
  await Promise.race([closed, timeout]);
  clearTimeout(timer);
}

/** Never settles once connected (the bot then serves until stopped); 1 when the first connection fails. */
function connectedOrFailed(gateway: Gateway, log: Logger): Promise<number> {
  return gateway.connect().then(
    () => new Promise<number>(() => {}),
    (error: unknown) => {
      log.fatal({ err: error }, 'could not connect to Discord');
      return 1;
    },
  );
}

/** Resolves with the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/**
 * A bug that escapes every handler leaves the bot in a state nobody planned for: log it as fatal and exit 1,
 * so a supervisor restarts the bot, rather than run on half-broken or die with only a stack trace on stderr.
 */
function exitOnCrash(log: Logger): void {
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
}

/** The documents folder, loaded and watched; null (logged) when nothing in it can be served. */
async function loadDocuments(seedsDir: string, log: Logger): Promise<LiveLibrary | null> {
  let live;
  try {
    live = await openLibrary(seedsDir, {
      error: (m) => log.error(m),
      warn: (m) => log.warn(m),
      info: (fields, m) => log.info(fields, m),
    });
  } catch (error) {
    if (error instanceof NothingToServeError) {
      log.fatal(error.message);
      return null;
    }
    throw error;
  }
  const library = live.current();
  log.info(
    {
      documents: library.documents.map((d) => d.file),
      sections: library.sections.length,
      figures: library.figures.length,
    },
    'documents loaded',
  );
  // Edits to the documents folder are picked up while the bot runs.
  live.watch();
  return live;
}

process.exitCode = await main();
// Timers or a request still in flight may remain after the connection is closed; the exit code is decided.
setTimeout(() => process.exit(), 100).unref();
