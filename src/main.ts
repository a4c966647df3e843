// npm start: serve the documents on Discord; with no token, say what is missing and open the local console.
import 'dotenv/config';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { consoleMain } from './console.js';
import type { LiveLibrary } from './library/reload.js';
import { NothingToServeError, openLibrary } from './library/serve.js';
import { createLogger } from './log.js';
import { createGateway } from './transport/gateway.js';

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

/** Loads the documents, connects and serves until SIGINT or SIGTERM; resolves to the exit code. */
async function serve(config: Config, token: string): Promise<number> {
  const log = createLogger(config.logLevel, process.stdout, [token]);
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
  const connected = await gateway.connect().then(
    () => true,
    (error: unknown) => (log.fatal({ err: error }, 'could not connect to Discord'), false),
  );
  const code = connected ? await untilSignal().then((signal) => (log.info({ signal }, 'shutting down'), 0)) : 1;
  live.close();
  await gateway.close();
  return code;
}

/** Resolves with the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
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
