// A burst of slow interactions against the real bot, through the gateway (the stand-in refuses any first response
// later than Discord's 3 s) and through the HTTP endpoint (each response timed here): each one is acknowledged in
// time, and the late ones are deferred and finished with their reply through the webhook. The slowness is injected
// into the bot's own search index by a preload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';
import { postSigned, signingKey } from '../support/signed.js';

const STRING = 3;
/**
 * Every lookup for these holds the bot's event loop (tests/support/preload-slow-search.ts); each differs, since
 * /stat's replies are reused for the same query.
 */
const slowQuery = (n: number) => `homicides take-your-time q${n}`;
const BURST = 30;
const PRELOAD = { preload: './tests/support/preload-slow-search.ts' };

let standIn: DiscordStandIn;
let bot: BotProcess;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info', SLOW_SEARCH_MS: '150' }, PRELOAD);
  await standIn.waitForReady();
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

const ask = (n: number) => standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: slowQuery(n) }]);
/** The reply names the query it answers. */
const answers = (data: unknown, n: number) => expect(JSON.stringify(data)).toContain(`“${slowQuery(n)}”`);

async function editOf(token: string) {
  const deadline = Date.now() + 20_000;
  while (standIn.edits(token).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return standIn.edits(token)[0];
}

describe('a burst of slow interactions through the gateway', () => {
  it(`acknowledges all ${BURST} within 3 s, deferring the late ones, and finishes each with its reply`, async () => {
    // Alone, a slow one is answered directly.
    const lone = await standIn.waitForCallback(ask(-1));
    expect(lone.body.type).toBe(4);
    answers(lone.body.data, -1);

    const ids = Array.from({ length: BURST }, (_, n) => ask(n));
    const settled = await Promise.allSettled(ids.map((id) => standIn.waitForCallback(id, 15_000)));
    // The stand-in refuses a first response later than 3 s and says so here ("answered after 3092 ms").
    expect(standIn.violations).toEqual([]);
    const callbacks = settled.map((s) => (s.status === 'fulfilled' ? s.value : expect.fail(String(s.reason))));
    const deferred = callbacks.filter((c) => c.body.type === 5);
    expect(deferred.length).toBeGreaterThan(0);
    for (const [n, callback] of callbacks.entries()) {
      expect(callback.latency).toBeLessThan(3000);
      if (callback.body.type === 5) answers((await editOf(standIn.tokenOf(callback.interactionId)))?.body, n);
      else answers(callback.body.data, n);
    }
    const slowest = Math.max(...callbacks.map((c) => c.latency));
    console.log(
      `burst of ${BURST} /stat at ${lone.latency.toFixed(0)} ms each alone: ${deferred.length} deferred, ` +
        `slowest first response ${slowest.toFixed(0)} ms`,
    );
    expect(standIn.violations).toEqual([]);
  }, 90_000);
});

describe('a burst of slow interactions through the HTTP endpoint', () => {
  const key = signingKey();
  let httpBot: BotProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/interactions`;
    httpBot = startBot(
      {
        INTERACTIONS: 'http',
        DISCORD_PUBLIC_KEY: key.publicKeyHex,
        DISCORD_API_URL: standIn.apiUrl,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SLOW_SEARCH_MS: '150',
      },
      PRELOAD,
    );
    await httpBot.waitForLog((l) => l.msg === 'serving interactions on POST /interactions');
  }, 40_000);

  afterAll(async () => {
    await httpBot?.stop('SIGKILL');
  });

  it(`answers all ${BURST} requests within 3 s, deferring the late ones, and finishes each with its reply`, async () => {
    const payloads = Array.from({ length: BURST }, (_, i) =>
      standIn.interactionPayload(2, {
        id: '940000000000000000',
        name: 'stat',
        type: 1,
        options: [{ name: 'query', type: STRING, value: slowQuery(100 + i) }],
      }),
    );
    const sent = performance.now();
    const responses = await Promise.all(
      payloads.map(async (payload) => ({ ...(await postSigned(url, key, payload)), ms: performance.now() - sent })),
    );
    const deferred = responses.filter((r) => (r.body as { type?: number }).type === 5);
    expect(deferred.length).toBeGreaterThan(0);
    for (const [i, response] of responses.entries()) {
      expect(response.status).toBe(200);
      expect(response.ms).toBeLessThan(3000);
      const body = response.body as { type: number; data?: unknown };
      if (body.type === 5) answers((await editOf(payloads[i]!.token as string))?.body, 100 + i);
      else answers(body.data, 100 + i);
    }
    console.log(
      `HTTP burst of ${BURST}: ${deferred.length} deferred, slowest response ` +
        `${Math.max(...responses.map((r) => r.ms)).toFixed(0)} ms`,
    );
    expect(standIn.violations).toEqual([]);
  }, 90_000);
});
