// Ways the bot can lose Discord for good, with the real bot process against the stand-in: a close code Discord
// will not accept a reconnect after (4004, 4010-4014), an uncaught exception, an unhandled rejection. Each must
// end the process non-zero with a fatal log line that names why, so a supervisor restarts it or alerts someone,
// instead of leaving a process that runs but answers nobody.
import { describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { EVENT_DEADLINE_MS } from '../support/deadline.js';

const FATAL = 60;
const CLOSES: Array<[code: number, reason: RegExp]> = [
  [4004, /token/i],
  [4010, /shard/i],
  [4011, /sharding/i],
  [4012, /API version/i],
  [4013, /intents/i],
  [4014, /intents/i],
];

/** A running bot connected to its own stand-in; stopped whatever the test does. */
async function withBot(
  run: (standIn: DiscordStandIn, bot: BotProcess) => Promise<void>,
  env: Record<string, string> = {},
  preload?: string,
): Promise<void> {
  const standIn = await startStandIn({ token: TEST_TOKEN });
  const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, ...env }, { preload });
  try {
    await run(standIn, bot);
  } finally {
    await bot.stop('SIGKILL');
    await standIn.stop();
  }
}

function exitWithin(bot: BotProcess, ms: number): Promise<number | null> {
  return Promise.race([
    bot.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still running ${ms} ms later:\n${bot.output().slice(-2000)}`)), ms),
    ),
  ]);
}

describe('fatal gateway closes', () => {
  it.concurrent.each(CLOSES)(
    'close %i after the bot is running: a fatal line naming why, exit 1',
    async (code, reason) => {
      await withBot(async (standIn, bot) => {
        await standIn.waitForReady();
        await bot.waitForLog((l) => l.msg === 'connected to Discord');
        standIn.close(code);
        expect(await exitWithin(bot, EVENT_DEADLINE_MS)).toBe(1);
        const fatal = await bot.waitForLog((l) => l.level === FATAL);
        expect(fatal.code).toBe(code);
        expect(String(fatal.msg)).toMatch(reason);
        expect(bot.output()).not.toContain(TEST_TOKEN);
      });
    },
    40_000,
  );

  it('close 4014 at start-up: a fatal line naming why, exit 1, as before', async () => {
    await withBot(async (standIn, bot) => {
      standIn.refuseIdentifyWith = 4014;
      expect(await exitWithin(bot, EVENT_DEADLINE_MS)).toBe(1);
      const fatal = await bot.waitForLog((l) => l.level === FATAL);
      expect(String(fatal.msg)).toMatch(/intents/i);
      expect(standIn.identifies.length).toBeGreaterThan(0);
    });
  }, 40_000);
});

describe('crash guards', () => {
  it.concurrent.each([
    ['uncaught', 'uncaught exception', 'exception injected by the test'],
    ['unhandled', 'unhandled promise rejection', 'rejection injected by the test'],
  ])(
    'an %s error is logged as fatal and ends the process with exit 1',
    async (kind, message, error) => {
      await withBot(
        async (standIn, bot) => {
          await standIn.waitForReady();
          await bot.waitForLog((l) => l.msg === 'connected to Discord');
          bot.child.kill('SIGUSR2');
          expect(await exitWithin(bot, EVENT_DEADLINE_MS)).toBe(1);
          const fatal = await bot.waitForLog((l) => l.level === FATAL);
          expect(fatal.msg).toBe(message);
          expect(JSON.stringify(fatal.err)).toContain(error);
        },
        { CRASH_KIND: kind },
        './tests/support/preload-crash-on-signal.ts',
      );
    },
    40_000,
  );
});
