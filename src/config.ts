// Settings from the environment (and .env, via dotenv), validated at start: a bad one gets one clear line.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** json: one JSON object a line, for log collectors (the default); pretty: readable lines for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
/** gateway: one connection to Discord's gateway (the default); http: Discord POSTs interactions to HTTP_PORT. */
export const INTERACTION_MODES = ['gateway', 'http'] as const;
export type InteractionMode = (typeof INTERACTION_MODES)[number];
/** How long buttons work when BUTTON_TIMEOUT_SECONDS is unset; transports disable them after it. */
export const DEFAULT_BUTTON_TIMEOUT_MS = 5 * 60_000;

export interface Config {
  /** Bot token; null when unset (the console needs none). */
  token: string | null;
  clientId: string | null;
  guildId: string | null;
  seedsDir: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** REST base as discord.js's `rest.api` ("http://127.0.0.1:PORT/api"); null for Discord itself. */
  apiUrl: string | null;
  /** How long the buttons of a reply (search pages) work before they are disabled. */
  buttonTimeoutMs: number;
  /** Port of the status server (/healthz, /readyz, /metrics); null: no server (the default). */
  httpPort: number | null;
  /** Address the status server listens on; null: every interface. */
  httpHost: string | null;
  /** Connections the status server (and POST /interactions) keeps open at most; one more is closed at once. */
  httpMaxConnections: number;
  /** How interactions arrive: the gateway, or POST /interactions on HTTP_PORT. */
  interactions: InteractionMode;
  /** The application's Ed25519 public key (64 hex characters); required with INTERACTIONS=http. */
  publicKey: string | null;
  /** Redis for the state replicas share (redis:// or rediss://); null: each process keeps its own in memory. */
  redisUrl: string | null;
  /** Commands and button presses one user may make a minute; 0: no limit. */
  rateLimitPerMinute: number;
  /** Gateway shards to open; null: as many as Discord recommends. */
  shards: number | null;
  /** Where the SQLite database and the fetched documents are kept. */
  dataDir: string;
  /** PostgreSQL (postgres:// or postgresql://), for several replicas; null: SQLite under dataDir. */
  databaseUrl: string | null;
  /** RSS, Atom or listing-page addresses to follow; empty: nothing is polled. */
  feeds: string[];
  /** How often each feed is polled, and how soon every replica serves what one fetched. */
  feedPollMs: number;
  /** How long a replica holds a feed between renewals: a replica killed mid-poll lets it go after this. */
  feedLeaseMs: number;
  /** Where the saved library is kept (CACHE_DIR); null: none is kept (CACHE_DIR=off). */
  cacheDir: string | null;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting} ${message} (see .env.example and the README's "Settings")`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;
/** A run no setting's value holds but every secret does: a bot token's parts, a client secret, a public key. */
const SECRET_LIKE = /[\w-]{24,}/;

/** A wrong value as an error message may quote it: never one that could be a secret pasted into the wrong place. */
function shown(value: string, max = 40): string {
  if (SECRET_LIKE.test(value)) return `a value that may be a secret (${value.length} characters, not shown)`;
  return `"${value.slice(0, max)}"`;
}

type Read = (name: string) => string | null;

/** Reads and checks every setting; throws ConfigError naming the first bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const value: Read = (name) => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };
  return {
    token: readToken(value),
    clientId: readSnowflake(value, 'DISCORD_CLIENT_ID', 'the application id'),
    guildId: readSnowflake(value, 'DISCORD_GUILD_ID', 'a server id'),
    seedsDir: value('SEEDS_DIR') ?? 'seeds',
    logLevel: readChoice(value, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: readChoice(value, 'LOG_FORMAT', LOG_FORMATS, 'json'),
    apiUrl: readApiUrl(value),
    buttonTimeoutMs: readButtonTimeout(value),
    httpPort: readPort(value),
    httpHost: readHost(value),
    httpMaxConnections: readMaxConnections(value),
    ...readInteractions(value),
    redisUrl: readRedisUrl(value),
    rateLimitPerMinute: readRateLimit(value),
    shards: readShards(value),
    dataDir: value('DATA_DIR') ?? 'data',
    databaseUrl: readDatabaseUrl(value),
    feeds: readFeeds(value),
    feedPollMs: readSeconds(value, 'FEED_POLL_SECONDS', '600'),
    // Longer than one request of a poll may take (20 s), short enough that a dead replica's feeds resume soon.
    feedLeaseMs: readSeconds(value, 'FEED_LEASE_SECONDS', '300'),
    cacheDir: cacheDirFrom(env),
  };
}

function readDatabaseUrl(value: Read): string | null {
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl === null) return null;
  const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : null;
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || !url.hostname) {
    // It may carry a password: never echo it.
    throw new ConfigError(
      'DATABASE_URL',
      'must be a postgres:// URL such as postgres://bot:password@127.0.0.1/factsheet',
    );
  }
  return databaseUrl;
}

/** Comma- or space-separated http(s) addresses. */
function readFeeds(value: Read): string[] {
  const feeds = (value('FEEDS') ?? '').split(/[\s,]+/).filter(Boolean);
  for (const feed of feeds) {
    const url = URL.canParse(feed) ? new URL(feed) : null;
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new ConfigError('FEEDS', `must be http(s) addresses separated by commas or spaces; got ${shown(feed, 80)}`);
    }
  }
  return [...new Set(feeds)];
}

/** A whole number of seconds from 1 to a day, in ms. */
function readSeconds(value: Read, setting: string, fallback: string): number {
  const text = value(setting) ?? fallback;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds < 1 || seconds > 86_400) {
    throw new ConfigError(setting, `must be a whole number of seconds from 1 to 86400; got ${shown(text)}`);
  }
  return seconds * 1000;
}

/**
 * CACHE_DIR; else DATA_DIR/cache; else the user's cache folder (XDG_CACHE_HOME, or ~/.cache). "off": none, every
 * start parses and indexes. Read by the console too, which takes no other setting from here.
 */
export function cacheDirFrom(env: NodeJS.ProcessEnv): string | null {
  const set = (name: string) => env[name]?.trim() || null;
  const cacheDir = set('CACHE_DIR');
  if (cacheDir?.toLowerCase() === 'off') return null;
  if (cacheDir) return cacheDir;
  const dataDir = set('DATA_DIR');
  if (dataDir) return join(dataDir, 'cache');
  return join(set('XDG_CACHE_HOME') ?? join(homedir(), '.cache'), 'factsheet-bot');
}

/** Unset or "auto": Discord's recommendation, which grows with the servers the bot is in. */
function readShards(value: Read): number | null {
  const text = value('SHARDS') ?? 'auto';
  if (text.toLowerCase() === 'auto') return null;
  const shards = Number(text);
  // The cap catches a typo before it opens thousands of connections from one process.
  if (!/^\d+$/.test(text) || shards < 1 || shards > 1000) {
    throw new ConfigError(
      'SHARDS',
      `must be auto (Discord's recommendation) or a number of shards from 1 to 1000; got ${shown(text)}`,
    );
  }
  return shards;
}

function readRedisUrl(value: Read): string | null {
  const redisUrl = value('REDIS_URL');
  if (redisUrl === null) return null;
  const url = URL.canParse(redisUrl) ? new URL(redisUrl) : null;
  if (!url || !/^rediss?:$/.test(url.protocol) || !url.hostname) {
    // A Redis URL may carry a password: never echo it.
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379');
  }
  return redisUrl;
}

/** Generous by default: a person reading documents runs a few commands a minute, a flood runs hundreds. */
function readRateLimit(value: Read): number {
  const text = value('RATE_LIMIT_PER_MINUTE') ?? '20';
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit > 10_000) {
    throw new ConfigError(
      'RATE_LIMIT_PER_MINUTE',
      `must be a whole number of commands a user may run a minute, 0 (no limit) to 10000; got ${shown(text)}`,
    );
  }
  return limit;
}

/** INTERACTIONS and what the HTTP endpoint needs with it: the public key to check signatures, and a port. */
function readInteractions(value: Read): Pick<Config, 'interactions' | 'publicKey'> {
  const interactions = readChoice(value, 'INTERACTIONS', INTERACTION_MODES, 'gateway');
  const publicKey = value('DISCORD_PUBLIC_KEY');
  if (publicKey !== null && !/^[0-9a-f]{64}$/i.test(publicKey)) {
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY',
      `must be the application's public key, 64 hex characters (Developer Portal, General Information); got ${shown(publicKey)}`,
    );
  }
  if (interactions === 'http' && publicKey === null)
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY',
      'is required with INTERACTIONS=http, to check that requests are Discord’s',
    );
  if (interactions === 'http' && value('HTTP_PORT') === null)
    throw new ConfigError('HTTP_PORT', 'is required with INTERACTIONS=http: POST /interactions is served on it');
  return { interactions, publicKey: publicKey?.toLowerCase() ?? null };
}

function readToken(value: Read): string | null {
  const token = value('DISCORD_TOKEN');
  if (token !== null && !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    throw new ConfigError(
      'DISCORD_TOKEN',
      'does not look like a bot token (three parts joined by dots): copy it again from the Developer Portal, Bot page',
    );
  }
  return token;
}

function readSnowflake(value: Read, setting: string, what: string): string | null {
  const id = value(setting);
  if (id !== null && !SNOWFLAKE.test(id)) {
    throw new ConfigError(setting, `must be ${what}, 17 to 20 digits; got ${shown(id)}`);
  }
  return id;
}

/** One of a fixed list, ignoring case. */
function readChoice<T extends string>(value: Read, setting: string, choices: readonly T[], fallback: T): T {
  const chosen = (value(setting) ?? fallback).toLowerCase();
  if (!(choices as readonly string[]).includes(chosen)) {
    throw new ConfigError(setting, `must be one of ${choices.join(', ')}; got ${shown(chosen)}`);
  }
  return chosen as T;
}

function readApiUrl(value: Read): string | null {
  const apiUrl = value('DISCORD_API_URL');
  if (apiUrl === null) return null;
  const url = URL.canParse(apiUrl) ? new URL(apiUrl) : null;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new ConfigError(
      'DISCORD_API_URL',
      `must be an http(s) URL such as http://127.0.0.1:8080/api; got ${shown(apiUrl, 80)}`,
    );
  }
  return apiUrl.replace(/\/+$/, '');
}

function readButtonTimeout(value: Read): number {
  const timeoutText = value('BUTTON_TIMEOUT_SECONDS') ?? String(DEFAULT_BUTTON_TIMEOUT_MS / 1000);
  const timeout = Number(timeoutText);
  // Discord lets a bot edit its reply for 15 minutes: buttons must be disabled before that.
  if (!Number.isFinite(timeout) || timeout < 1 || timeout > 840) {
    throw new ConfigError(
      'BUTTON_TIMEOUT_SECONDS',
      `must be a number of seconds from 1 to 840 (14 minutes); got ${shown(timeoutText)}`,
    );
  }
  return Math.round(timeout * 1000);
}

function readPort(value: Read): number | null {
  const text = value('HTTP_PORT');
  if (text === null) return null;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new ConfigError('HTTP_PORT', `must be a port number from 1 to 65535, or empty for none; got ${shown(text)}`);
  }
  return port;
}

/**
 * Discord holds one connection per interaction in flight, for a second or two: a thousand is far above what a
 * replica serves, and bounds what clients that never finish a request can hold.
 */
function readMaxConnections(value: Read): number {
  const text = value('HTTP_MAX_CONNECTIONS') ?? '1000';
  const max = Number(text);
  if (!/^\d+$/.test(text) || max < 1 || max > 100_000) {
    throw new ConfigError(
      'HTTP_MAX_CONNECTIONS',
      `must be a whole number of connections the HTTP server keeps open, 1 to 100000; got ${shown(text)}`,
    );
  }
  return max;
}

function readHost(value: Read): string | null {
  const host = value('HTTP_HOST');
  // An address or a host name: no scheme, no port, no path (those belong in HTTP_PORT or nowhere).
  if (host !== null && !/^[\w.:-]+$/.test(host)) {
    throw new ConfigError(
      'HTTP_HOST',
      `must be an address to listen on, such as 127.0.0.1 or 0.0.0.0; got ${shown(host)}`,
    );
  }
  return host;
}

/**
 * The values the log must never show: the bot token and the passwords in REDIS_URL and DATABASE_URL. (Anything shaped like a bot
 * token, in whichever setting it was pasted, is masked by the logger itself.)
 */
export function secretsOf(config: Config): string[] {
  const passwordOf = (url: string | null) => (url ? decodeURIComponent(new URL(url).password) : '');
  return [config.token ?? '', passwordOf(config.redisUrl), passwordOf(config.databaseUrl)].filter(Boolean);
}
