// Settings from the environment (and .env, via dotenv), validated at start: a bad one gets one clear line.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Bot token; null when unset (the console needs none). */
  token: string | null;
  clientId: string | null;
  guildId: string | null;
  seedsDir: string;
  logLevel: LogLevel;
  /** REST base as discord.js's `rest.api` ("http://127.0.0.1:PORT/api"); null for Discord itself. */
  apiUrl: string | null;
  /** How long the buttons of a reply (search pages) work before they are disabled. */
  buttonTimeoutMs: number;
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

/** Reads and checks every setting; throws ConfigError naming the first bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const value = (name: string): string | null => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };

  const token = value('DISCORD_TOKEN');
  if (token !== null && !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    throw new ConfigError(
      'DISCORD_TOKEN',
      'does not look like a bot token (three parts joined by dots): copy it again from the Developer Portal, Bot page',
    );
  }
  const clientId = value('DISCORD_CLIENT_ID');
  if (clientId !== null && !SNOWFLAKE.test(clientId)) {
    throw new ConfigError('DISCORD_CLIENT_ID', `must be the application id, 17 to 20 digits; got ${shown(clientId)}`);
  }
  const guildId = value('DISCORD_GUILD_ID');
  if (guildId !== null && !SNOWFLAKE.test(guildId)) {
    throw new ConfigError('DISCORD_GUILD_ID', `must be a server id, 17 to 20 digits; got ${shown(guildId)}`);
  }
  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}; got ${shown(logLevel)}`);
  }
  const apiUrl = value('DISCORD_API_URL');
  if (apiUrl !== null) {
    const url = URL.canParse(apiUrl) ? new URL(apiUrl) : null;
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new ConfigError(
        'DISCORD_API_URL',
        `must be an http(s) URL such as http://127.0.0.1:8080/api; got ${shown(apiUrl, 80)}`,
      );
    }
  }
  const timeoutText = value('BUTTON_TIMEOUT_SECONDS') ?? '300';
  const timeout = Number(timeoutText);
  // Discord lets a bot edit its reply for 15 minutes: buttons must be disabled before that.
  if (!Number.isFinite(timeout) || timeout < 1 || timeout > 840) {
    throw new ConfigError(
      'BUTTON_TIMEOUT_SECONDS',
      `must be a number of seconds from 1 to 840 (14 minutes); got ${shown(timeoutText)}`,
    );
  }
  return {
    token,
    clientId,
    guildId,
    seedsDir: value('SEEDS_DIR') ?? 'seeds',
    logLevel: logLevel as LogLevel,
    apiUrl: apiUrl?.replace(/\/+$/, '') ?? null,
    buttonTimeoutMs: Math.round(timeout * 1000),
  };
}
