// Interaction tokens let anyone post as the bot in that channel for 15 minutes. When a reply cannot be
// delivered, the REST error the bot logs carries the request's URL, which holds the token. With the real bot
// process and the stand-in refusing the callback or the edit, no token may reach the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';

const STRING = 3;
let standIn: DiscordStandIn;
let bot: BotProcess;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info', BUTTON_TIMEOUT_SECONDS: '1' });
  await standIn.waitForReady();
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('interaction tokens in the log', () => {
  it.each([
    [404, 'refused (a DiscordAPIError)'],
    [500, 'failing throughout (an HTTPError after retries)'],
  ])(
    'a callback %i, %s, is logged without the token',
    async (status) => {
      standIn.failNext(/callback$/, status, { times: 100 });
      const id = standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: 'homicides' }]);
      const failure = await bot.waitForLog(
        (l) => l.msg === 'could not deliver the response' && l.interaction === id,
        20_000,
      );
      standIn.clearFaults();
      expect(JSON.stringify(failure)).toContain('/callback');
      expect(bot.output()).not.toContain(standIn.tokenOf(id));
    },
    30_000,
  );

  it('a refused edit of the original message (disabling buttons) is logged without the token', async () => {
    const id = standIn.dispatchInteraction('search', [{ name: 'query', type: STRING, value: 'border' }]);
    await standIn.waitForCallback(id);
    standIn.failNext(/^PATCH \/api\/v10\/webhooks\//, 404, { times: 100 });
    const failure = await bot.waitForLog((l) => l.msg === 'could not disable buttons' && l.interaction === id);
    standIn.clearFaults();
    expect(JSON.stringify(failure)).toContain('/webhooks/');
    expect(bot.output()).not.toContain(standIn.tokenOf(id));
  }, 20_000);

  it('never writes the bot token either', () => {
    expect(bot.output()).not.toContain(TEST_TOKEN);
  });
});

describe('a bot token pasted into HTTP_HOST', () => {
  // Another bot's token, or this one's before a reset: the logger is told neither, only its shape gives it away.
  const PASTED = 'MTE0NTE0MTkxOTgxMDg5MzQ0.Gx7Qb2.p4st3d-1nto-the-wr0ng-s3tting_abcdefghij';

  it('is never printed: the fatal line names the settings, not the value', async () => {
    const pasted = startBot({ HTTP_PORT: String(await freePort()), HTTP_HOST: PASTED, LOG_LEVEL: 'info' });
    const fatal = await pasted.waitForLog((l) => l.level === 60, 20_000);
    expect(await pasted.exited).toBe(1);
    expect(fatal.msg).toBe('could not start the status server (HTTP_PORT, HTTP_HOST)');
    expect(JSON.stringify(fatal)).toContain('[redacted]');
    expect(pasted.output()).not.toContain(PASTED);
    expect(pasted.output()).not.toContain('p4st3d-1nto');
  }, 30_000);
});
