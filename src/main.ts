// npm start: serve the documents on Discord; with no token, say what is missing and open the local console.
// Run it with node directly under a supervisor (not through npm), so the supervisor's signals reach this process.
// INTERACTIONS picks how interactions arrive from TRANSPORTS: the gateway, or POST /interactions on HTTP_PORT.
// With HTTP_PORT set, the HTTP server answers /healthz, /readyz and /metrics from the start, in either mode.
import 'dotenv/config';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { sharedContext } from './command.js';
import { ConfigError, loadConfig, secretsOf, type Config, type InteractionMode } from './config.js';
import { sentenceFinderBuilt } from './library/library.js';
import type { LiveLibrary } from './library/reload.js';
import { cachedIn, NothingToServeError, openLibrary, servedDocuments, servedSummary } from './library/serve.js';
import { createLogger, logDestination } from './log.js';
import type { BotMetrics } from './observe/metrics.js';
import type { HttpServer } from './transport/http-server.js';
import type { Transport, TransportOptions } from './transport/transport.js';
import { MemoryStore } from './store/memory.js';
import { restPoster } from './announce/post-message.js';
import { FETCHED_NAME } from './follow/fetched-folder.js';
import { openBotData, type BotData } from './follow/open.js';
import { startFollowing, type Following } from './follow/service.js';
import { TROUBLE_TEXT } from './store/health.js';
import type { Store } from './store/store.js';

/** What /readyz reads; filled in as the bot starts. */
interface Running {
  live: LiveLibrary | null;
  transport: Transport | null;
  /** The shared store, once open: /readyz names its trouble. */
  store: Store | null;
}

/** Where announcements are posted when DISCORD_API_URL is unset. */
const DISCORD_API = 'https://discord.com/api';

/** What a transport is built from. */
interface Serving {
  config: Config;
  token: string | null;
  log: Logger;
  metrics: BotMetrics | undefined;
  store: Store;
  /** The HTTP server (HTTP_PORT), status routes mounted; null without HTTP_PORT. */
  server: HttpServer | null;
  /** The library served: read only once interactions are taken, after the documents have loaded. */
  library: TransportOptions['getLibrary'];
  data: BotData;
}

/** Each way interactions arrive, by INTERACTIONS; loaded only when chosen, so an HTTP replica never loads @discordjs/ws. */
const TRANSPORTS: Record<InteractionMode, (serving: Serving) => Promise<Transport>> = {
  gateway: async (serving) =>
    (await import('./transport/gateway.js')).createGateway({
      ...transportOptions(serving),
      token: serving.token!,
      shards: serving.config.shards,
      onReconnect: serving.metrics?.onReconnect,
      onRateLimited: serving.metrics?.onRateLimited,
    }),
  // Config requires HTTP_PORT and DISCORD_PUBLIC_KEY with INTERACTIONS=http.
  http: async (serving) =>
    (await import('./transport/http.js')).createHttpEndpoint({
      ...transportOptions(serving),
      server: serving.server!,
      publicKey: serving.config.publicKey!,
    }),
};

function transportOptions({ config, log, metrics, store, library, data }: Serving): TransportOptions {
  return {
    log,
    apiUrl: config.apiUrl,
    getLibrary: library,
    commands,
    context: sharedContext({ buttonTimeoutMs: config.buttonTimeoutMs }),
    onInteraction: metrics?.onInteraction,
    store,
    rateLimitPerMinute: config.rateLimitPerMinute,
    guilds: data.guilds,
  };
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

/** Loads the documents, starts the transport and serves until a signal (exit 0) or until it is lost for good (exit 1). */
async function serve(config: Config, token: string | null): Promise<number> {
  const log = createLogger(config.logLevel, await logDestination(config.logFormat), secretsOf(config));
  exitOnCrash(log);
  // Listening from the start: a supervisor may stop the bot while it loads or while Discord is unreachable.
  const signalled = untilSignal();
  const running: Running = { live: null, transport: null, store: null };
  const observing = config.httpPort === null ? null : await observe(config, running, log);
  if (observing === false) return 1;
  const { metrics, server } = observing ?? { metrics: undefined, server: null };
  const store = (running.store = await openStore(config, log));
  const data = store && (await openBotData(config.databaseUrl, config.dataDir, log));
  const library = () => running.live!.current();
  // Built while the documents are parsed in a worker thread, so the two overlap; it takes nothing until started.
  const serving = data && store && { config, token, log, metrics, store, server, library, data };
  const opening = serving && TRANSPORTS[config.interactions](serving);
  void opening?.then((transport) => (running.transport = transport));
  const live = (running.live = data && (await loadDocuments(config, log, metrics, data.folder.dir)));
  const transport = await opening;
  if (!live || !transport || !store || !data) {
    live?.close();
    await Promise.all([transport?.close(), server?.close(), store?.close(), data?.close()]);
    return 1;
  }
  reportStoreHealth(store, log, metrics);
  // Ready means ready: /check's every-sentence matcher, built in slices after the documents load (at once from a
  // saved library), is built before the transport starts, so /readyz and the gateway's first answer wait for it.
  await sentenceFinderBuilt(live.current());
  const following = follow(config, token, { log, metrics, live, data });
  const code = await Promise.race([
    signalled.then((signal) => (log.info({ signal }, 'shutting down'), 0)),
    lostForGood(transport, log),
    startedOrFailed(transport, log),
  ]);
  live.close();
  await Promise.all([closeWithin(transport, CLOSE_TIMEOUT_MS, log), server?.close(), following.close()]);
  await Promise.all([store.close(), data.close()]);
  return code;
}

/** Polls FEEDS, serves what any replica fetched, and announces it through REST with the bot token. */
function follow(
  config: Config,
  token: string | null,
  running: { log: Logger; metrics: BotMetrics | undefined; live: LiveLibrary; data: BotData },
): Following {
  const { log, metrics, live, data } = running;
  if (!token) log.warn('DISCORD_TOKEN is not set: new fact sheets are served but not announced');
  return startFollowing({
    database: data.database,
    live,
    folder: data.folder,
    feeds: config.feeds,
    pollMs: config.feedPollMs,
    leaseMs: config.feedLeaseMs,
    owner: data.owner,
    log,
    metrics,
    post: token ? restPoster(config.apiUrl ?? DISCORD_API, token) : null,
  });
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
 * Starts the HTTP server with the status routes before the documents load, so /healthz answers and /readyz says
 * "not ready" during a long load. prom-client and the server are loaded only here: without HTTP_PORT they cost nothing.
 */
async function observe(config: Config, running: Running, log: Logger) {
  const [{ createMetrics }, { statusRoutes }, { listenHttp }] = await Promise.all([
    import('./observe/metrics.js'),
    import('./observe/http-status.js'),
    import('./transport/http-server.js'),
  ]);
  const metrics = createMetrics(() => running.live?.current() ?? null);
  const notReady = () => [
    ...(running.live ? [] : ['documents not loaded']),
    ...(running.transport?.notReady() ?? ['not taking interactions yet']),
  ];
  const degraded = () => {
    const trouble = running.store?.health?.trouble();
    return trouble ? [`${TROUBLE_TEXT[trouble]}, the rate limit is off`] : [];
  };
  const routes = statusRoutes({ notReady, degraded, scrape: metrics.scrape });
  const limits = { maxConnections: config.httpMaxConnections, log };
  try {
    const server = await listenHttp(config.httpPort!, config.httpHost, routes, limits);
    log.info({ port: server.port, host: config.httpHost ?? 'all interfaces' }, 'status server listening');
    return { metrics, server };
  } catch (error) {
    log.fatal({ err: error, port: config.httpPort }, 'could not start the status server (HTTP_PORT, HTTP_HOST)');
    return false;
  }
}

/** A supervisor waits only so long before it kills a process that was asked to stop. */
const CLOSE_TIMEOUT_MS = 2000;

/** Closes the transport, waiting at most `ms` for Discord to acknowledge (a dead peer never does). */
async function closeWithin(transport: Transport, ms: number, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  const closed = transport
    .close()
    .catch((error: unknown) => log.warn({ err: error }, 'could not close the connection'));
  await Promise.race([closed, timeout]);
  clearTimeout(timer);
}

/** 1 once the transport is lost for good; never for one that nothing but closing ends. */
function lostForGood(transport: Transport, log: Logger): Promise<number> {
  if (!transport.lost) return new Promise<number>(() => {});
  return transport.lost.then(({ code, reason }) => {
    log.fatal({ code }, `Discord ended the session for good: ${reason}`);
    return 1;
  });
}

/** Never settles once the transport takes interactions (the bot then serves until stopped); 1 when it cannot start. */
function startedOrFailed(transport: Transport, log: Logger): Promise<number> {
  return transport
    .start()
    .then(() => transport.ready)
    .then(
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
async function loadDocuments(
  config: Config,
  log: Logger,
  metrics: BotMetrics | undefined,
  fetchedDir: string,
): Promise<LiveLibrary | null> {
  let opened;
  const reloadLog = {
    error: (m: string) => log.error(m),
    warn: (m: string) => log.warn(m),
    info: (fields: object, m: string) => log.info(fields, m),
    debug: (m: string) => log.debug(m),
  };
  try {
    // The fetched documents are served beside SEEDS_DIR's files; parsed ones are kept in CACHE_DIR.
    opened = await openLibrary(config.seedsDir, reloadLog, 'SEEDS_DIR', {
      alsoRead: [{ name: FETCHED_NAME, dir: fetchedDir }],
      ...cachedIn(config.cacheDir),
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

process.exitCode = await main();
// Timers or a request still in flight may remain after the connection is closed; the exit code is decided.
setTimeout(() => process.exit(), 100).unref();
