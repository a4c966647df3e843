// npm run bench:redis: the two Redis clients for Node.js doing what the bot asks of its store (src/store/), against a
// real redis-server on loopback: ioredis, which the bot uses, and node-redis (`redis`). Each round, alternating:
// a user's rate-limit count (SET NX PX + INCR in one MULTI) and a channel's last quote (GET, then SET PX), one at a
// time for latency, then 50 at a time for throughput; and, in a fresh process each, the cost of loading and
// connecting the client. Prints medians; asserts nothing. Skipped, saying so, without redis-server.
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { findRedisServer, startRedis } from '../tests/support/redis-server.js';

const TTL_MS = 60_000;
const SEQUENTIAL = 3_000;
const CONCURRENT = 20_000;
const ROUNDS = 5;

/** What the bot's store sends per interaction, in the words of each client. */
interface Client {
  name: string;
  count(key: string): Promise<number>;
  lastQuote(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

async function ioredis(url: string): Promise<Client> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await redis.connect();
  return {
    name: 'ioredis',
    count: async (key) => {
      const results = await redis.multi().set(key, '0', 'PX', TTL_MS, 'NX').incr(key).exec();
      return Number(results?.[1]?.[1]);
    },
    lastQuote: async (key, value) => {
      await redis.get(key);
      await redis.set(key, value, 'PX', TTL_MS);
    },
    close: async () => void (await redis.quit()),
  };
}

async function nodeRedis(url: string): Promise<Client> {
  const redis = createClient({ url, disableOfflineQueue: true });
  redis.on('error', () => {});
  await redis.connect();
  return {
    name: 'node-redis',
    count: async (key) => {
      const results = await redis.multi().set(key, '0', { PX: TTL_MS, NX: true }).incr(key).exec();
      return Number(results[1]);
    },
    lastQuote: async (key, value) => {
      await redis.get(key);
      await redis.set(key, value, { PX: TTL_MS });
    },
    close: async () => void (await redis.close()),
  };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** One interaction's store work: its user's count and its channel's last quote. */
async function interaction(client: Client, n: number): Promise<void> {
  const count = await client.count(`bench:user:${n % 500}`);
  if (!(count >= 1)) throw new Error(`${client.name} counted ${count}`);
  await client.lastQuote(`bench:channel:${n % 50}`, `quote ${n}`);
}

async function round(client: Client) {
  const times: number[] = [];
  for (let n = 0; n < SEQUENTIAL; n++) {
    const started = performance.now();
    await interaction(client, n);
    times.push(performance.now() - started);
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < CONCURRENT) await interaction(client, next++);
    }),
  );
  const perSecond = CONCURRENT / ((performance.now() - started) / 1000);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p99: times[Math.floor(times.length * 0.99)]!, perSecond };
}

/** Loading the client and connecting, in a fresh process: ms and RSS added, median of five. */
function loadCost(url: string, which: 'ioredis' | 'redis') {
  const script =
    which === 'ioredis'
      ? `const s=performance.now(),r0=process.memoryUsage().rss;const {Redis}=await import('ioredis');const c=new Redis(${JSON.stringify(url)});await c.ping();console.log(performance.now()-s,(process.memoryUsage().rss-r0)/1048576);c.disconnect();`
      : `const s=performance.now(),r0=process.memoryUsage().rss;const {createClient}=await import('redis');const c=createClient({url:${JSON.stringify(url)}});await c.connect();await c.ping();console.log(performance.now()-s,(process.memoryUsage().rss-r0)/1048576);await c.close();`;
  const runs = Array.from({ length: 5 }, () => {
    const ran = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const [ms, mb] = ran.stdout.trim().split(' ').map(Number);
    return { ms: ms!, mb: mb! };
  });
  return { ms: median(runs.map((r) => r.ms)), mb: median(runs.map((r) => r.mb)) };
}

const binary = findRedisServer();
if (!binary) {
  console.log('Redis clients skipped: redis-server is not installed');
} else {
  const server = await startRedis(binary);
  try {
    const clients = [await ioredis(server.url), await nodeRedis(server.url)];
    const results = new Map(clients.map((c) => [c.name, [] as Array<Awaited<ReturnType<typeof round>>>]));
    await Promise.all(clients.map((c) => round(c))); // warm up both
    for (let r = 0; r < ROUNDS; r++) for (const client of clients) results.get(client.name)!.push(await round(client));
    for (const client of clients) await client.close();
    const load = { ioredis: loadCost(server.url, 'ioredis'), 'node-redis': loadCost(server.url, 'redis') };
    console.log(
      `\nRedis clients, what the store sends per interaction (MULTI SET NX PX + INCR, then GET and SET PX), medians of ${ROUNDS} rounds:\n`,
    );
    console.log('| client | one at a time: median | p99 | 50 at a time: interactions/s | load + connect | RSS added |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, rounds] of results) {
      const pick = (f: (r: (typeof rounds)[number]) => number) => median(rounds.map(f));
      const cost = load[name as keyof typeof load];
      console.log(
        `| ${name} | ${pick((r) => r.median).toFixed(3)} ms | ${pick((r) => r.p99).toFixed(3)} ms | ${pick((r) => r.perSecond).toFixed(0)} | ${cost.ms.toFixed(0)} ms | ${cost.mb.toFixed(1)} MB |`,
      );
    }
  } finally {
    await server.stop();
  }
}
