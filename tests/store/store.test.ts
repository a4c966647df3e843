// The store contract, run against the in-memory store and against a real redis-server (skipped, saying so,
// where none is installed): values and counters that expire, and a Redis that goes away failing fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, STORE_BYTES, SWEEP_EVERY_WRITES } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import type { Store } from '../../src/store/store.js';
import {
  emptyRedis,
  fillRedis,
  findRedisServer,
  REDIS_MISSING,
  startRedis,
  type RedisServer,
} from '../support/redis-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let unique = 0;
const key = (name: string) => `test:${process.pid}:${++unique}:${name}`;

function storeContract(open: () => Store) {
  it('reads null for a key never set, and a value once set', async () => {
    const store = open();
    const k = key('value');
    expect(await store.get(k)).toBeNull();
    await store.set(k, 'border/p1', 60_000);
    expect(await store.get(k)).toBe('border/p1');
    await store.set(k, 'border/p2', 60_000);
    expect(await store.get(k)).toBe('border/p2');
  });

  it('forgets a value after its time to live', async () => {
    const store = open();
    const k = key('short');
    await store.set(k, 'x', 40);
    await sleep(120);
    expect(await store.get(k)).toBeNull();
  });

  it('counts, and a counter expires from its first count (counting does not renew it)', async () => {
    const store = open();
    const k = key('count');
    expect(await store.incr(k, 150)).toBe(1);
    await sleep(60);
    expect(await store.incr(k, 150)).toBe(2);
    expect(await store.incr(k, 150)).toBe(3);
    await sleep(150);
    expect(await store.incr(k, 150)).toBe(1);
  });

  it('counts every concurrent increment once', async () => {
    const store = open();
    const k = key('concurrent');
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.incr(k, 60_000)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('claims a key once among concurrent claims, and again after it expires', async () => {
    const store = open();
    const k = key('claim');
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(k, 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const brief = key('brief claim');
    expect(await store.claim(brief, 300)).toBe(true);
    expect(await store.claim(brief, 300)).toBe(false);
    await sleep(400);
    expect(await store.claim(brief, 300)).toBe(true);
  });
}

describe('memory store', () => {
  storeContract(() => new MemoryStore());

  it('stays within its capacity, dropping expired entries first, then the oldest', async () => {
    let now = 0;
    const store = new MemoryStore(3, () => now);
    await store.set('old', '1', 10);
    await store.set('a', '1', 1000);
    await store.set('b', '1', 1000);
    now = 20;
    await store.set('c', '1', 1000);
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1', '1', '1']);
    await store.set('d', '1', 1000);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('d')).toBe('1');
  });

  // Issue 22, memory: one rate-limit count a user, each left until the store filled: 100,000 users held 20 MB.
  it(`stays within ${STORE_BYTES / 2 ** 20} MB over 100,000 distinct users' counts and channels' long values`, async () => {
    const store = new MemoryStore();
    let largest = 0;
    for (let n = 0; n < 100_000; n++) {
      const user = String(700_000_000_000_000_000n + BigInt(n));
      await store.incr(`rate:${user}:29000000`, 60_000);
      await store.set(`quote:last:${user}`, `document-${n}/${'p'.repeat(200)}`, 24 * 60 * 60_000);
      largest = Math.max(largest, store.held.bytes);
    }
    expect(largest).toBeGreaterThan(STORE_BYTES / 2);
    expect(largest).toBeLessThanOrEqual(STORE_BYTES);
  });

  it(`sweeps what has expired every ${SWEEP_EVERY_WRITES.toLocaleString('en-US')} writes, though nothing reads it`, async () => {
    let now = 0;
    const store = new MemoryStore(1_000_000, () => now);
    for (let n = 0; n < SWEEP_EVERY_WRITES - 1; n++) await store.incr(`rate:user-${n}:0`, 60_000);
    expect(store.held.entries).toBe(SWEEP_EVERY_WRITES - 1);
    now = 61_000;
    await store.set('quote:last:channel', 'border/p1', 24 * 60 * 60_000);
    expect(store.held.entries).toBe(1);
    expect(await store.get('quote:last:channel')).toBe('border/p1');
  });

  it('gives back what has expired once its users have gone (the sweep its timer runs)', async () => {
    let now = 0;
    const store = new MemoryStore(1_000_000, () => now);
    for (let n = 0; n < 1_000; n++) await store.incr(`rate:user-${n}:0`, 60_000);
    await store.set('quote:last:channel', 'border/p1', 24 * 60 * 60_000);
    now = 61_000;
    store.sweep();
    expect(store.held).toEqual({ entries: 1, bytes: expect.any(Number) as number });
    expect(store.held.bytes).toBeLessThan(1_000);
    await store.close();
  });
});

const redisBinary = findRedisServer();

describe.skipIf(!redisBinary)(`redis store${redisBinary ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let server: RedisServer;
  const stores: RedisStore[] = [];
  let current: RedisStore;

  beforeAll(async () => {
    server = await startRedis(redisBinary!);
    current = await RedisStore.connect(server.url);
    stores.push(current);
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server?.stop();
  });

  storeContract(() => current);

  it('shares values between two clients, as two replicas would', async () => {
    const other = await RedisStore.connect(server.url);
    stores.push(other);
    const k = key('shared');
    await current.set(k, 'from replica 1', 60_000);
    expect(await other.get(k)).toBe('from replica 1');
    expect(await other.incr(k + ':n', 60_000)).toBe(1);
    expect(await current.incr(k + ':n', 60_000)).toBe(2);
  });

  it('refuses to start against a port where no Redis listens', async () => {
    await expect(RedisStore.connect('redis://127.0.0.1:1')).rejects.toThrow();
  });

  it('fails fast, not after Discord’s 3 seconds, when Redis goes away', async () => {
    const doomed = await startRedis(redisBinary!);
    const store = await RedisStore.connect(doomed.url);
    await doomed.stop();
    await sleep(50);
    const started = performance.now();
    await expect(store.get('anything')).rejects.toThrow();
    await expect(store.incr('anything', 1000)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1500);
    await store.close();
  });

  it('health: one change when Redis goes away, however many commands fail, and one when it is back', async () => {
    const doomed = await startRedis(redisBinary!);
    const store = await RedisStore.connect(doomed.url);
    const changes: Array<string | null> = [];
    store.health.onChange((trouble) => changes.push(trouble));
    await store.set(key('before'), 'x', 60_000);
    await doomed.stop();
    const failures = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.incr(key(`n${i}`), 1000)));
    expect(failures.every((f) => f.status === 'rejected')).toBe(true);
    expect(changes).toEqual(['unreachable']);
    const back = await startRedis(redisBinary!, { port: doomed.port });
    while (store.health.trouble()) await new Promise((resolve) => setTimeout(resolve, 50));
    await store.set(key('after'), 'x', 60_000);
    expect(changes).toEqual(['unreachable', null]);
    await store.close();
    await back.stop();
    expect(changes).toEqual(['unreachable', null]);
  }, 30_000);

  it('health: "full" when Redis refuses writes for memory (reads still work), healthy once a write goes through', async () => {
    const small = await startRedis(redisBinary!, { args: ['--maxmemory', '2mb', '--maxmemory-policy', 'noeviction'] });
    const store = await RedisStore.connect(small.url);
    const changes: Array<string | null> = [];
    store.health.onChange((trouble) => changes.push(trouble));
    const room = key('room');
    await store.set(room, 'x', 60_000);
    await fillRedis(small.url);
    await expect(store.incr(key('count'), 60_000)).rejects.toThrow(/EXECABORT/);
    await expect(store.set(key('value'), 'x', 60_000)).rejects.toThrow(/^OOM /);
    expect(await store.get(room)).toBe('x');
    expect(changes).toEqual(['full']);
    await emptyRedis(small.url);
    expect(await store.incr(key('count'), 60_000)).toBe(1);
    expect(changes).toEqual(['full', null]);
    await store.close();
    await small.stop();
  }, 30_000);
});
