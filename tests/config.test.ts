import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('loadConfig', () => {
  it('has defaults for everything optional', () => {
    expect(loadConfig({})).toEqual({
      token: null,
      clientId: null,
      guildId: null,
      seedsDir: 'seeds',
      logLevel: 'info',
      logFormat: 'json',
      apiUrl: null,
      buttonTimeoutMs: 300_000,
      httpPort: null,
      httpHost: null,
      httpMaxConnections: 1000,
      interactions: 'gateway',
      publicKey: null,
      redisUrl: null,
      rateLimitPerMinute: 20,
      shards: null,
      dataDir: 'data',
      databaseUrl: null,
      feeds: [],
      feedPollMs: 600_000,
      feedLeaseMs: 300_000,
      cacheDir: join(homedir(), '.cache', 'factsheet-bot'),
    });
  });

  it('keeps the saved library in CACHE_DIR, else under DATA_DIR or the user cache folder; off keeps none', () => {
    expect(loadConfig({ CACHE_DIR: '/var/cache/bot', DATA_DIR: '/data' }).cacheDir).toBe('/var/cache/bot');
    expect(loadConfig({ DATA_DIR: '/data' }).cacheDir).toBe('/data/cache');
    expect(loadConfig({ XDG_CACHE_HOME: '/xdg' }).cacheDir).toBe('/xdg/factsheet-bot');
    expect(loadConfig({ CACHE_DIR: 'OFF', DATA_DIR: '/data' }).cacheDir).toBeNull();
  });

  it('reads every setting', () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        SEEDS_DIR: 'docs',
        LOG_LEVEL: 'DEBUG',
        DISCORD_API_URL: 'http://127.0.0.1:9/api/',
        BUTTON_TIMEOUT_SECONDS: '2.5',
        LOG_FORMAT: 'Pretty',
        HTTP_PORT: '9464',
        HTTP_HOST: '127.0.0.1',
        HTTP_MAX_CONNECTIONS: '50',
        INTERACTIONS: 'HTTP',
        DISCORD_PUBLIC_KEY: 'AB'.repeat(32),
        REDIS_URL: 'redis://127.0.0.1:6380/2',
        RATE_LIMIT_PER_MINUTE: '0',
        SHARDS: '4',
        DATA_DIR: '/var/lib/factsheet',
        DATABASE_URL: 'postgres://bot:pw@db.internal/factsheet',
        FEEDS: 'https://www.whitehouse.gov/fact-sheets/, https://example.org/rss.xml  https://example.org/rss.xml',
        FEED_POLL_SECONDS: '120',
        FEED_LEASE_SECONDS: '90',
        CACHE_DIR: '/var/cache/factsheet-bot',
      }),
    ).toEqual({
      token: TOKEN,
      clientId: '123456789012345678',
      guildId: '223456789012345678',
      seedsDir: 'docs',
      logLevel: 'debug',
      logFormat: 'pretty',
      apiUrl: 'http://127.0.0.1:9/api',
      buttonTimeoutMs: 2500,
      httpPort: 9464,
      httpHost: '127.0.0.1',
      httpMaxConnections: 50,
      interactions: 'http',
      publicKey: 'ab'.repeat(32),
      redisUrl: 'redis://127.0.0.1:6380/2',
      rateLimitPerMinute: 0,
      shards: 4,
      dataDir: '/var/lib/factsheet',
      databaseUrl: 'postgres://bot:pw@db.internal/factsheet',
      feeds: ['https://www.whitehouse.gov/fact-sheets/', 'https://example.org/rss.xml'],
      feedPollMs: 120_000,
      feedLeaseMs: 90_000,
      cacheDir: '/var/cache/factsheet-bot',
    });
  });

  it.each([
    ['DISCORD_TOKEN', 'not a token'],
    ['DISCORD_CLIENT_ID', 'abc'],
    ['DISCORD_GUILD_ID', '12'],
    ['LOG_LEVEL', 'loud'],
    ['DISCORD_API_URL', 'ftp://x'],
    ['DISCORD_API_URL', 'not a url'],
    ['BUTTON_TIMEOUT_SECONDS', '0'],
    ['BUTTON_TIMEOUT_SECONDS', '9000'],
    ['LOG_FORMAT', 'yaml'],
    ['HTTP_PORT', '0'],
    ['HTTP_PORT', '65536'],
    ['HTTP_PORT', '80.5'],
    ['HTTP_PORT', 'http'],
    ['HTTP_HOST', 'http://0.0.0.0/'],
    ['HTTP_MAX_CONNECTIONS', '0'],
    ['HTTP_MAX_CONNECTIONS', '-5'],
    ['HTTP_MAX_CONNECTIONS', '2.5'],
    ['HTTP_MAX_CONNECTIONS', 'many'],
    ['HTTP_MAX_CONNECTIONS', '100001'],
    ['INTERACTIONS', 'webhook'],
    ['DISCORD_PUBLIC_KEY', 'abc123'],
    ['DISCORD_PUBLIC_KEY', 'g'.repeat(64)],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['REDIS_URL', 'localhost:6379'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_MINUTE', '2.5'],
    ['RATE_LIMIT_PER_MINUTE', '20000'],
    ['SHARDS', '0'],
    ['SHARDS', '-2'],
    ['SHARDS', '1.5'],
    ['SHARDS', 'two'],
    ['SHARDS', '1001'],
    ['DATABASE_URL', 'mysql://db/factsheet'],
    ['DATABASE_URL', 'not a url'],
    ['FEEDS', 'https://example.org/rss.xml ftp://example.org/feed'],
    ['FEEDS', 'whitehouse.gov'],
    ['FEED_POLL_SECONDS', '0'],
    ['FEED_POLL_SECONDS', '1.5'],
    ['FEED_POLL_SECONDS', '86401'],
    ['FEED_LEASE_SECONDS', '0'],
    ['FEED_LEASE_SECONDS', 'five'],
  ])('names %s when it is bad (%s), in one line', (setting, value) => {
    let error: unknown;
    try {
      loadConfig({ [setting]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as Error).message.startsWith(setting)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('asks for the public key and a port with INTERACTIONS=http', () => {
    expect(() => loadConfig({ INTERACTIONS: 'http', HTTP_PORT: '8080' })).toThrow(/^DISCORD_PUBLIC_KEY is required/);
    expect(() => loadConfig({ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: 'a'.repeat(64) })).toThrow(
      /^HTTP_PORT is required/,
    );
  });

  it('never echoes a bad REDIS_URL, which may carry a password', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2@redis:6379' })).toThrow(/^REDIS_URL (?!.*hunter2)/);
  });

  it('opens as many shards as Discord recommends when SHARDS is unset, empty or auto; else that many', () => {
    expect(loadConfig({}).shards).toBeNull();
    expect(loadConfig({ SHARDS: ' ' }).shards).toBeNull();
    expect(loadConfig({ SHARDS: 'Auto' }).shards).toBeNull();
    expect(loadConfig({ SHARDS: '1' }).shards).toBe(1);
    expect(loadConfig({ SHARDS: ' 16 ' }).shards).toBe(16);
    expect(() => loadConfig({ SHARDS: 'many' })).toThrow(/^SHARDS must be auto .* from 1 to 1000; got "many"/);
  });

  it('caps the HTTP server at 1,000 connections unless HTTP_MAX_CONNECTIONS says otherwise', () => {
    expect(loadConfig({ HTTP_MAX_CONNECTIONS: ' ' }).httpMaxConnections).toBe(1000);
    expect(loadConfig({ HTTP_MAX_CONNECTIONS: '1' }).httpMaxConnections).toBe(1);
    expect(loadConfig({ HTTP_MAX_CONNECTIONS: '100000' }).httpMaxConnections).toBe(100_000);
    expect(() => loadConfig({ HTTP_MAX_CONNECTIONS: '0' })).toThrow(
      /^HTTP_MAX_CONNECTIONS must be a whole number of connections .* 1 to 100000; got "0"/,
    );
  });

  it('leaves the status server off when HTTP_PORT is empty or blank', () => {
    expect(loadConfig({ HTTP_PORT: '' }).httpPort).toBeNull();
    expect(loadConfig({ HTTP_PORT: '  ' }).httpPort).toBeNull();
    expect(loadConfig({ HTTP_PORT: ' 8080 ' }).httpPort).toBe(8080);
  });
});

describe('a secret pasted into the wrong setting', () => {
  // A bot token is valid until it is reset: an error message (read aloud, pasted into a chat for help,
  // kept in a supervisor's log) must not carry one, nor any other long secret such as the client secret.
  const CLIENT_SECRET = 'q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6';
  const PUBLIC_KEY = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
  const SECRETS = [TOKEN, `Bot ${TOKEN}`, CLIENT_SECRET, PUBLIC_KEY];
  const SETTINGS = ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'LOG_LEVEL', 'DISCORD_API_URL', 'BUTTON_TIMEOUT_SECONDS'];

  it.each(SETTINGS)('%s names the setting and never echoes the secret or a piece of it', (setting) => {
    for (const secret of SECRETS) {
      let message = '';
      try {
        loadConfig({ [setting]: secret });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message.startsWith(setting)).toBe(true);
      for (const piece of secret.split(/[ .]/).filter((p) => p.length >= 6)) expect(message).not.toContain(piece);
      expect(message).toMatch(/not shown/);
    }
  });

  it('still echoes a short wrong value, which helps and gives nothing away', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/got "loud"/);
    expect(() => loadConfig({ DISCORD_API_URL: 'ftp://127.0.0.1/api' })).toThrow(/got "ftp:\/\/127\.0\.0\.1\/api"/);
  });
});

describe('secretsOf', () => {
  it('names the bot token and the password in REDIS_URL for the logger to mask, and nothing else', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, REDIS_URL: 'rediss://bot:s3cr%40t-pa55@redis.internal:6380' });
    expect(secretsOf(config)).toEqual([TOKEN, 's3cr@t-pa55']);
    expect(secretsOf(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toEqual([]);
  });

  it('names the password in DATABASE_URL too, and DATABASE_URL never echoes a bad value', () => {
    expect(secretsOf(loadConfig({ DATABASE_URL: 'postgres://bot:pg%21pass@db/factsheet' }))).toEqual(['pg!pass']);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://:hunter2@db' })).toThrow(/^DATABASE_URL (?!.*hunter2)/);
  });
});
