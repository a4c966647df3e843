// npm start: serve the documents on Discord; with no token, say what is missing and open the local console.
// With HTTP_PORT set, a status server answers /healthz, /readyz and /metrics from the start.
import 'dotenv/config';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { LiveLibrary } from './library/reload.js';
import { NothingToServeError, openLibrary, servedDocuments, servedSummary } from './library/serve.js';
import { createLogger, logDestination } from './log.js';
import type { BotMetrics } from './observe/metrics.js';
import type { StatusServer } from './observe/http-status.js';
import { gatewayConnected, startGateway } from './transport/gateway.js';

/** What the status server reads; filled in as the bot starts. */
interface Running {
  live: LiveLibrary | null;
  client: Client | null;
}

interface Observing {
  metrics: BotMetrics;
  server: StatusServer;
}

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return 1;
  if (!config.token) return withoutToken(config);
  const log = createLogger(config.logLevel, await logDestination(config.logFormat), [config.token]);
  const running: Running = { live: null, client: null };
  const observing = config.httpPort === null ? null : await observe(config, running, log);
  if (observing === false) return 1;
  const live = (running.live = await loadDocuments(config.seedsDir, log, observing?.metrics));
  const client = (running.client = live && (await connect(config, config.token, live, log, observing?.metrics)));
  if (!live || !client) {
    live?.close();
    await observing?.server.close();
    return 1;
  }
  return untilSignal(client, live, log, observing?.server);
}

/** The settings, or null after one line naming the bad one. */
function readConfig(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`factsheet-bot: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}

async function withoutToken(config: Config): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  process.stderr.write(
    `factsheet-bot: DISCORD_TOKEN is not set, so the bot cannot connect to Discord (README, "Discord setup")${interactive ? '; starting the local console instead.' : '.'}\n`,
  );
  if (!interactive) return 1;
  // Loaded only here: a bot with a token never needs the console's readline and text rendering.
  const { consoleMain } = await import('./console.js');
  return consoleMain([], config.seedsDir);
}

/**
 * Starts the status server before the documents load, so /healthz answers and /readyz says "not ready" during
 * a long load. prom-client and the server are loaded only here: without HTTP_PORT they cost nothing.
 */
async function observe(config: Config, running: Running, log: Logger): Promise<Observing | false> {
  const [{ createMetrics }, { startStatusServer }] = await Promise.all([
    import('./observe/metrics.js'),
    import('./observe/http-status.js'),
  ]);
  const metrics = createMetrics(() => running.live?.current() ?? null);
  const notReady = () => [
    ...(running.live ? [] : ['documents not loaded']),
    ...(running.client && gatewayConnected(running.client) ? [] : ['gateway not connected']),
  ];
  try {
    const server = await startStatusServer(config.httpPort!, config.httpHost, { notReady, scrape: metrics.scrape });
    log.info({ port: server.port, host: config.httpHost ?? 'all interfaces' }, 'status server listening');
    return { metrics, server };
  } catch (error) {
    log.fatal({ err: error, port: config.httpPort }, 'could not start the status server (HTTP_PORT)');
    return false;
  }
}

/** The documents folder, loaded and watched; null (logged) when nothing in it can be served. */
async function loadDocuments(seedsDir: string, log: Logger, metrics?: BotMetrics): Promise<LiveLibrary | null> {
  let opened;
  try {
    opened = await openLibrary(seedsDir, {
      error: (m) => log.error(m),
      warn: (m) => log.warn(m),
      info: (fields, m) => log.info(fields, m),
      debug: (m) => log.debug(m),
    });
  } catch (error) {
    if (error instanceof NothingToServeError) {
      log.fatal(error.message);
      return null;
    }
    throw error;
  }
  const library = opened.live.current();
  // One line, whatever the size of the corpus; LOG_LEVEL=debug lists each document and warning.
  log.info(servedSummary(library, opened.report), 'documents loaded');
  if (log.isLevelEnabled('debug')) for (const entry of servedDocuments(library)) log.debug(entry, 'document served');
  if (metrics) opened.live.onReload((report) => metrics.onReload(report));
  // Edits to the documents folder are picked up while the bot runs.
  opened.live.watch();
  return opened.live;
}

/** The gateway connection; null (logged) when Discord refuses it. */
function connect(
  config: Config,
  token: string,
  live: LiveLibrary,
  log: Logger,
  metrics?: BotMetrics,
): Promise<Client | null> {
  return startGateway({
    token,
    apiUrl: config.apiUrl,
    buttonTimeoutMs: config.buttonTimeoutMs,
    log,
    getLibrary: () => live.current(),
    commands,
    onInteraction: metrics?.onInteraction,
    onReconnect: metrics?.onReconnect,
    onRateLimited: metrics?.onRateLimited,
  }).catch((error: Error) => {
    log.fatal({ err: error }, 'could not connect to Discord');
    return null;
  });
}

/** Serves until SIGINT or SIGTERM, then closes the watcher, the connection and the status server. */
function untilSignal(client: Client, live: LiveLibrary, log: Logger, server?: StatusServer): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      live.close();
      client.removeAllListeners(Events.ShardReconnecting).removeAllListeners(Events.ShardDisconnect);
      void Promise.all([client.destroy(), server?.close()]).finally(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

process.exitCode = await main();
// discord.js may leave timers behind after destroy(); the exit code is decided, so leave now.
setTimeout(() => process.exit(), 100).unref();
