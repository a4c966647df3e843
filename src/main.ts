// npm start: serve the documents on Discord; with no token, say what is missing and open the local console.
// Run it with node directly under a supervisor (not through npm), so the supervisor's signals reach this process.
// With HTTP_PORT set, a status server answers /healthz, /readyz and /metrics from the start; with
// INTERACTIONS=http, the same server takes Discord's interactions on POST /interactions instead of the gateway.
import 'dotenv/config';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { sharedContext } from './command.js';
import { ConfigError, loadConfig, secretsOf, type Config } from './config.js';
import { sentenceFinderBuilt } from './library/library.js';
import type { LiveLibrary } from './library/reload.js';
import { NothingToServeError, openLibrary, servedDocuments, servedSummary } from './library/serve.js';
import { createLogger, logDestination } from './log.js';
import type { BotMetrics } from './observe/metrics.js';
import type { StatusServer } from './observe/http-status.js';
import type { Gateway } from './transport/gateway.js';
import type { RequestHandler } from './transport/http.js';
import { MemoryStore } from './store/memory.js';
import { TROUBLE_TEXT } from './store/health.js';
import type { Store } from './store/store.js';

/** How interactions reach the bot: the gateway connection, or the HTTP endpoint (which is always "connected"). */
type Transport = Gateway;

/** What the status server reads; filled in as the bot starts. */
interface Running {
  live: LiveLibrary | null;
  transport: Transport | null;
  /** POST /interactions, once the documents are loaded (INTERACTIONS=http). */
  interactions: RequestHandler | null;
  /** The shared store, once open: /readyz names its trouble. */
  store: Store | null;
}

interface Observing {
  metrics: BotMetrics;
  server: StatusServer;
}

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return 1;
  // The HTTP endpoint answers through interaction webhooks, which need no bot token.
  if (config.interactions === 'http') return serve(config, config.token);
  if (!config.token) return withoutToken(config);
  return serve(config, config.token);
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
    `factsheet-bot: DISCORD_TOKEN is not set, so the bot cannot connect to Discord (README, "Discord setup")${interactive ? '; starting the local console instead.' : '. npm run console answers the commands here, without Discord.'}\n`,
  );
  if (!interactive) return 1;
  // Loaded only here: a bot with a token never needs the console's readline and text rendering.
  const { consoleMain } = await import('./console.js');
  return consoleMain([], config.seedsDir);
}

/** Loads the documents, connects and serves until a signal (exit 0) or until Discord is lost for good (exit 1). */
async function serve(config: Config, token: string | null): Promise<number> {
  const log = createLogger(config.logLevel, await logDestination(config.logFormat), secretsOf(config));
  exitOnCrash(log);
  // Listening from the start: a supervisor may stop the bot while it loads or while Discord is unreachable.
  const signalled = untilSignal();
  const running: Running = { live: null, transport: null, interactions: null, store: null };
  const observing = config.httpPort === null ? null : await observe(config, running, log);
  if (observing === false) return 1;
  // Loaded while the documents are parsed in a worker thread, so the two overlap; connect() awaits it again.
  if (config.interactions === 'gateway') import('./transport/gateway.js').catch(() => {});
  const live = (running.live = await loadDocuments(config, log, observing?.metrics));
  const store = (running.store = live && (await openStore(config, log)));
  if (!live || !store) {
    live?.close();
    await observing?.server.close();
    return 1;
  }
  reportStoreHealth(store, log, observing?.metrics);
  // Ready means ready: /check's every-sentence matcher, built in slices after the documents load (at once from a
  // saved library), is built before the transport starts, so /readyz and the gateway's first answer wait for it.
  await sentenceFinderBuilt(live.current());
  const serving: Serving = { config, token, log, metrics: observing?.metrics, running, store };
  const gateway = (running.transport = await connect(serving, live));
  const code = await Promise.race([
    signalled.then((signal) => (log.info({ signal }, 'shutting down'), 0)),
    gateway.lost.then(({ code, reason }) => (log.fatal({ code }, `Discord ended the session for good: ${reason}`), 1)),
    connectedOrFailed(gateway, log),
  ]);
  live.close();
  await Promise.all([closeWithin(gateway, CLOSE_TIMEOUT_MS, log), observing?.server.close()]);
  await store.close();
  return code;
}

/** What a transport is built from once the documents are loaded. */
interface Serving {
  config: Config;
  token: string | null;
  log: Logger;
  metrics: BotMetrics | undefined;
  running: Running;
  store: Store;
}

/** Redis when REDIS_URL is set (loaded only then), else this process's memory; null (logged) when unreachable. */
async function openStore(config: Config, log: Logger): Promise<Store | null> {
  if (!config.redisUrl) return new MemoryStore();
  const { RedisStore } = await import('./store/redis.js');
  try {
    const store = await RedisStore.connect(config.redisUrl);
    log.info('connected to Redis (REDIS_URL): state is shared with every replica');
    return store;
  } catch (error) {
    // The URL may carry a password: name the setting, not its value.
    log.fatal({ err: { message: (error as Error).message } }, 'could not connect to Redis (REDIS_URL)');
    return null;
  }
}

/**
 * One warning when the shared store becomes unreachable or full, one line when it recovers, and the gauge with
 * them: state, not a warning per interaction. The rate limit fails open meanwhile, so the warning says so.
 */
function reportStoreHealth(store: Store, log: Logger, metrics: BotMetrics | undefined): void {
  store.health?.onChange((trouble, reason) => {
    metrics?.onStoreHealth(trouble);
    if (!trouble) return log.info('shared store (Redis) recovered: quotes are shared and the rate limit is on again');
    log.warn({ reason }, `${TROUBLE_TEXT[trouble]}: quotes may repeat and the rate limit is off until it recovers`);
  });
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
  const http = config.interactions === 'http';
  const notReady = () => [
    ...(running.live ? [] : ['documents not loaded']),
    ...(running.transport?.connected() ? [] : [http ? 'endpoint not started' : 'gateway not connected']),
  ];
  const interactions = http ? () => running.interactions : undefined;
  const degraded = () => {
    const trouble = running.store?.health?.trouble();
    return trouble ? [`${TROUBLE_TEXT[trouble]}, the rate limit is off`] : [];
  };
  try {
    const server = await startStatusServer(
      config.httpPort!,
      config.httpHost,
      { notReady, degraded, scrape: metrics.scrape, interactions },
      { maxConnections: config.httpMaxConnections, log },
    );
    log.info({ port: server.port, host: config.httpHost ?? 'all interfaces' }, 'status server listening');
    return { metrics, server };
  } catch (error) {
    log.fatal({ err: error, port: config.httpPort }, 'could not start the status server (HTTP_PORT, HTTP_HOST)');
    return false;
  }
}

/**
 * The gateway connection, or the HTTP endpoint, reporting to the metrics when there are any. Each is loaded only
 * when chosen: an HTTP replica never loads @discordjs/ws.
 */
async function connect(serving: Serving, live: LiveLibrary): Promise<Transport> {
  const { config, token, log, metrics, store } = serving;
  if (config.interactions === 'http') return listen(serving, live);
  const { createGateway } = await import('./transport/gateway.js');
  return createGateway({
    token: token!,
    apiUrl: config.apiUrl,
    buttonTimeoutMs: config.buttonTimeoutMs,
    log,
    getLibrary: () => live.current(),
    commands,
    onInteraction: metrics?.onInteraction,
    onReconnect: metrics?.onReconnect,
    onRateLimited: metrics?.onRateLimited,
    store,
    rateLimitPerMinute: config.rateLimitPerMinute,
    shards: config.shards,
  });
}

/** POST /interactions on the status server's port: answered once the documents are loaded. */
async function listen({ config, log, metrics, running, store }: Serving, live: LiveLibrary): Promise<Transport> {
  const [{ createInteractionEndpoint }, { createInteractionHandler }] = await Promise.all([
    import('./transport/http.js'),
    import('./transport/handler.js'),
  ]);
  running.interactions = createInteractionEndpoint(
    { publicKey: config.publicKey!, log, apiUrl: config.apiUrl, commands, store },
    (send, editOriginal, finish) =>
      createInteractionHandler(() => live.current(), send, log, {
        commands,
        context: sharedContext({ buttonTimeoutMs: config.buttonTimeoutMs }),
        editOriginal,
        finish,
        onInteraction: metrics?.onInteraction,
        store,
        rateLimitPerMinute: config.rateLimitPerMinute,
      }),
  );
  return {
    connect: () => {
      log.info({ port: config.httpPort }, 'serving interactions on POST /interactions');
      return Promise.resolve();
    },
    // Nothing ends an HTTP endpoint's session: it serves until stopped.
    lost: new Promise(() => {}),
    connected: () => true,
    close: async () => {},
  };
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
async function loadDocuments(config: Config, log: Logger, metrics?: BotMetrics): Promise<LiveLibrary | null> {
  let opened;
  const lines = {
    error: (m: string) => log.error(m),
    warn: (m: string) => log.warn(m),
    info: (fields: object, m: string) => log.info(fields, m),
    debug: (m: string) => log.debug(m),
  };
  try {
    opened = await openLibrary(config.seedsDir, lines, 'SEEDS_DIR', config.cacheDir);
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

process.exitCode = await main();
// Timers or a request still in flight may remain after the connection is closed; the exit code is decided.
setTimeout(() => process.exit(), 100).unref();
