// The shared store's health in the running bot, against a real redis-server: Redis stopped, then back on its
// port, and Redis full (maxmemory with noeviction). Each change is one log line however many interactions meet
// it (Redis at 1 MB is full before anything is written: 2 MB leaves it room to start healthy); /metrics has factsheet_store_degraded at 1 while it lasts, and /readyz stays 200 but names it.
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';
import {
  emptyRedis,
  fillRedis,
  findRedisServer,
  REDIS_MISSING,
  startRedis,
  type RedisServer,
} from '../support/redis-server.js';

const redisBinary = findRedisServer();
const UNREACHABLE = 'shared store (Redis) unreachable: quotes may repeat and the rate limit is off until it recovers';
const FULL =
  'shared store (Redis) full (maxmemory reached): quotes may repeat and the rate limit is off until it recovers';
const RECOVERED = 'shared store (Redis) recovered: quotes are shared and the rate limit is on again';

let standIn: DiscordStandIn | undefined;
let bot: BotProcess | undefined;
let redis: RedisServer | undefined;
let port: number;

async function get(path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

const degradedGauge = async () => /^factsheet_store_degraded (\d)$/m.exec((await get('/metrics')).body)?.[1];

/** The bot on the stand-in, with Redis, a rate limit (so every command writes a count) and the status server. */
async function startWithRedis(url: string): Promise<BotProcess> {
  standIn = await startStandIn({ token: TEST_TOKEN });
  port = await freePort();
  const started = startBot({
    DISCORD_API_URL: standIn.apiUrl,
    REDIS_URL: url,
    RATE_LIMIT_PER_MINUTE: '1000',
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
  });
  await standIn.waitForReady(30_000);
  return started;
}

/** /quote `times` times, each answered before the next (it reads and writes the shared last quote). */
async function quotes(times: number): Promise<void> {
  for (let i = 0; i < times; i++) await standIn!.waitForCallback(standIn!.dispatchInteraction('quote', []));
}

const lines = (msg: string) => bot!.logLines().filter((l) => l.msg === msg);

afterEach(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
  await redis?.stop();
});

describe.skipIf(!redisBinary)(`shared store health${redisBinary ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  it('Redis stopped: one warning over many interactions, gauge 1, /readyz 200 naming it; back: one line, gauge 0', async () => {
    redis = await startRedis(redisBinary!);
    bot = await startWithRedis(redis.url);
    await quotes(2);
    expect(await degradedGauge()).toBe('0');
    expect(await get('/readyz')).toEqual({ status: 200, body: 'ready\n' });

    await redis.stop();
    await quotes(12);
    await bot.waitForLog((l) => l.msg === UNREACHABLE);
    expect(lines(UNREACHABLE)).toHaveLength(1);
    expect(lines(UNREACHABLE)[0]!.level).toBe(40);
    expect(bot.logLines().filter((l) => l.level === 40)).toHaveLength(1);
    expect(await degradedGauge()).toBe('1');
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: 'ready, degraded: shared store (Redis) unreachable, the rate limit is off\n',
    });

    redis = await startRedis(redisBinary!, { port: redis.port });
    await bot.waitForLog((l) => l.msg === RECOVERED, 20_000);
    await quotes(3);
    expect(lines(RECOVERED)).toHaveLength(1);
    expect(lines(UNREACHABLE)).toHaveLength(1);
    expect(await degradedGauge()).toBe('0');
    expect(await get('/readyz')).toEqual({ status: 200, body: 'ready\n' });
  }, 90_000);

  it('Redis full (maxmemory, noeviction): one warning saying "full", gauge 1; room again: one line, gauge 0', async () => {
    redis = await startRedis(redisBinary!, { args: ['--maxmemory', '2mb', '--maxmemory-policy', 'noeviction'] });
    bot = await startWithRedis(redis.url);
    await quotes(1);
    expect(await degradedGauge()).toBe('0');

    await fillRedis(redis.url);
    await quotes(8);
    await bot.waitForLog((l) => l.msg === FULL);
    expect(lines(FULL)).toHaveLength(1);
    expect(JSON.stringify(lines(FULL)[0])).toContain('OOM');
    expect(bot.logLines().filter((l) => l.level === 40)).toHaveLength(1);
    expect(await degradedGauge()).toBe('1');
    expect((await get('/readyz')).body).toBe(
      'ready, degraded: shared store (Redis) full (maxmemory reached), the rate limit is off\n',
    );

    await emptyRedis(redis.url);
    await quotes(2);
    await bot.waitForLog((l) => l.msg === RECOVERED);
    expect(lines(RECOVERED)).toHaveLength(1);
    expect(await degradedGauge()).toBe('0');
  }, 90_000);
});
