// Stopping the bot the way a supervisor or a person at a terminal does: SIGTERM or SIGINT to the bot's own
// process, once it serves and while it is still connecting. Each must close cleanly with exit 0 and say so,
// not die by the signal (which a supervisor reports as a crash) or keep running.
import { describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN } from '../support/bot-process.js';
import { startStandIn } from '../support/discord-stand-in.js';

describe('signals to the bot process', () => {
  it.concurrent.each(['SIGTERM', 'SIGINT'] as const)(
    '%s once it serves: "shutting down", exit 0',
    async (signal) => {
      const standIn = await startStandIn({ token: TEST_TOKEN });
      const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info' });
      try {
        await standIn.waitForReady();
        await bot.waitForLog((l) => l.msg === 'connected to Discord');
        const { code, ms } = await bot.stop(signal);
        expect(code).toBe(0);
        expect(ms).toBeLessThan(5000);
        expect(await bot.waitForLog((l) => l.msg === 'shutting down')).toMatchObject({ signal });
      } finally {
        await bot.stop('SIGKILL');
        await standIn.stop();
      }
    },
    40_000,
  );

  it.concurrent.each(['SIGTERM', 'SIGINT'] as const)(
    '%s while Discord is not answering yet: "shutting down", exit 0',
    async (signal) => {
      const standIn = await startStandIn({ token: TEST_TOKEN });
      standIn.holdGatewayInfo = true;
      const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info' });
      try {
        await bot.waitForLog((l) => l.msg === 'documents loaded');
        // The gateway request is on its way and will not be answered.
        const started = Date.now();
        while (!standIn.requests.some((r) => r.path.endsWith('/gateway/bot')) && Date.now() - started < 10_000)
          await new Promise((r) => setTimeout(r, 20));
        const { code, ms } = await bot.stop(signal);
        expect(code).toBe(0);
        expect(ms).toBeLessThan(5000);
        expect(await bot.waitForLog((l) => l.msg === 'shutting down')).toMatchObject({ signal });
      } finally {
        await bot.stop('SIGKILL');
        await standIn.stop();
      }
    },
    40_000,
  );
});
