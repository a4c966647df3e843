import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

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
    });
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

  it('leaves the status server off when HTTP_PORT is empty or blank', () => {
    expect(loadConfig({ HTTP_PORT: '' }).httpPort).toBeNull();
    expect(loadConfig({ HTTP_PORT: '  ' }).httpPort).toBeNull();
    expect(loadConfig({ HTTP_PORT: ' 8080 ' }).httpPort).toBe(8080);
  });
});
