// The status server of the running bot (HTTP_PORT), end to end: /readyz waits for the gateway, and a scrape
// after real interactions, a 429 and a dropped connection shows each counted.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';

let standIn: DiscordStandIn;
let bot: BotProcess;
let port: number;

async function get(path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

function ask(name: string, query: string) {
  return standIn.waitForCallback(
    standIn.dispatchInteraction(name, [{ name: 'query', type: ApplicationCommandOptionType.String, value: query }]),
  );
}

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  // The bot's IDENTIFY goes unanswered until the test has seen /readyz say "not ready".
  standIn.holdIdentify = true;
  port = await freePort();
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' });
  await bot.waitForLog((l) => l.msg === 'documents loaded', 30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('status server of the running bot', () => {
  it('/healthz answers at once; /readyz is 503 until the gateway is connected, then 200', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect(await get('/readyz')).toEqual({ status: 503, body: 'not ready: gateway not connected\n' });
    standIn.releaseIdentify();
    await standIn.waitForReady(20_000);
    await bot.waitForLog((l) => l.msg === 'connected to Discord');
    expect(await get('/readyz')).toEqual({ status: 200, body: 'ready\n' });
  });

  it('/metrics counts interactions by command and outcome, rate limits and reconnects', async () => {
    await ask('stat', 'homicides');
    await ask('stat', 'wall');
    standIn.failNext(/callback$/, 429, { retryAfter: 0.2 });
    await ask('search', 'border');
    standIn.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await standIn.waitForReady(20_000);
    await ask('stat', 'troops');
    const { status, body } = await get('/metrics');
    expect(status).toBe(200);
    expect(body).toMatch(/^factsheet_interactions_total\{command="stat",kind="command",outcome="answered"\} 3$/m);
    expect(body).toMatch(/^factsheet_interactions_total\{command="search",kind="command",outcome="answered"\} 1$/m);
    expect(body).toMatch(/^factsheet_reply_seconds_count\{command="stat",kind="command"\} 3$/m);
    expect(body).toMatch(/^factsheet_rest_rate_limits_total\{route="\/interactions\/:id\/:token\/callback"\} 1$/m);
    expect(body).toMatch(/^factsheet_gateway_reconnects_total [1-9]/m);
    expect(body).toMatch(/^factsheet_documents_served 1$/m);
    expect(body).toMatch(/^factsheet_figures_served 9$/m);
    expect(body).not.toContain(TEST_TOKEN);
    expect(standIn.violations).toEqual([]);
  });

  it('closes the status server on SIGTERM and exits 0', async () => {
    expect((await bot.stop('SIGTERM')).code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
