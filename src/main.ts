// npm start: serve the documents on Discord; with no token, say what is missing and open the local console.
import 'dotenv/config';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig } from './config.js';
import { consoleMain } from './console.js';
import type { LiveLibrary } from './library/reload.js';
import { NothingToServeError, openLibrary } from './library/serve.js';
import { createLogger } from './log.js';
import { startGateway } from './transport/gateway.js';

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

  const log = createLogger(config.logLevel, process.stdout, [config.token]);
  const live = await loadDocuments(config.seedsDir, log);
  if (!live) return 1;
  const client = await startGateway({
    token: config.token,
    apiUrl: config.apiUrl,
    buttonTimeoutMs: config.buttonTimeoutMs,
    log,
    getLibrary: () => live.current(),
    commands,
  }).catch((error: Error) => {
    log.fatal({ err: error }, 'could not connect to Discord');
    return null;
  });
  if (!client) return 1;
  return untilSignal(client, live, log);
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

/** Serves until SIGINT or SIGTERM, then closes the watcher and the connection; resolves to the exit code. */
function untilSignal(client: Client, live: LiveLibrary, log: Logger): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      live.close();
      client.removeAllListeners(Events.ShardReconnecting).removeAllListeners(Events.ShardDisconnect);
      void client.destroy().finally(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

process.exitCode = await main();
// discord.js may leave timers behind after destroy(); the exit code is decided, so leave now.
setTimeout(() => process.exit(), 100).unref();
