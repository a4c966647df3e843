// The handler with a shared store: the per-user rate limit, /quote's last excerpt shared by two handlers (as
// two replicas would share Redis), and a failing store that costs the shared state, never the answer.
import { Writable } from 'node:stream';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedContext } from '../../src/command.js';
import { createLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import type { Store } from '../../src/store/store.js';
import { createInteractionHandler } from '../../src/transport/handler.js';
import { parseCommandLine, toInteraction } from '../../src/transport/parse-command.js';
import { commands, definitions } from '../../commands/index.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { seedLibrary } from '../support/library.js';
import { findRedisServer, REDIS_MISSING, startRedis, type RedisServer } from '../support/redis-server.js';

const library = seedLibrary();

function replica(store: Store | undefined, rateLimitPerMinute = 0) {
  const sent: APIInteractionResponse[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const handle = createInteractionHandler(
    () => library,
    async (_i, response) => void sent.push(response),
    createLogger('debug', stream, []),
    // Every replica's random pick is the same excerpt: only the shared last excerpt keeps them from repeating.
    { commands, context: sharedContext({ random: () => 0 }), store, rateLimitPerMinute },
  );
  return { handle, sent, lines };
}

function command(line: string, userId = 'user-1', kind: 'command' | 'autocomplete' = 'command'): APIInteraction {
  const interaction = toInteraction(parseCommandLine(line, definitions), kind, 'channel-7');
  return { ...interaction, user: { ...(interaction.user ?? {}), id: userId } } as APIInteraction;
}

const text = (r: APIInteractionResponse | undefined) => JSON.stringify(r);
const excerptOf = (r: APIInteractionResponse | undefined) =>
  (r as { data: { embeds: Array<{ description: string }> } }).data.embeds[0]!.description;

describe('rate limit per user', () => {
  it('answers a user over the limit privately, counts each user apart, and leaves autocomplete alone', async () => {
    const { handle, sent } = replica(new MemoryStore(), 3);
    for (let i = 0; i < 3; i++) await handle(command('/stat query:homicides'));
    await handle(command('/section name:sav', 'user-1', 'autocomplete'));
    expect(text(sent.at(-1))).not.toContain('Slow down');
    await handle(command('/stat query:homicides'));
    expectValidResponse(sent.at(-1));
    expect(sent.at(-1)).toMatchObject({ type: 4, data: { flags: 64, embeds: [{ title: 'Slow down' }] } });
    await handle(command('/stat query:homicides', 'user-2'));
    expect(text(sent.at(-1))).toContain('homicides');
  });

  it('is off at 0', async () => {
    const { handle, sent } = replica(new MemoryStore(), 0);
    for (let i = 0; i < 30; i++) await handle(command('/stat query:homicides'));
    expect(sent.filter((r) => text(r).includes('Slow down'))).toEqual([]);
  });
});

function sharedQuoteContract(open: () => Store) {
  it('never repeats /quote in a row in a channel, whichever replica answers', async () => {
    const store = open();
    const replicas = [replica(store), replica(store)];
    const excerpts: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { handle, sent } = replicas[i % 2]!;
      await handle(command('/quote section:saving-american-lives'));
      excerpts.push(excerptOf(sent.at(-1)));
    }
    for (let i = 1; i < excerpts.length; i++) expect(excerpts[i]).not.toBe(excerpts[i - 1]);
  });

  it('counts the rate limit across replicas', async () => {
    const store = open();
    const [a, b] = [replica(store, 2), replica(store, 2)];
    await a.handle(command('/stat query:homicides', 'user-9'));
    await b.handle(command('/stat query:homicides', 'user-9'));
    await a.handle(command('/stat query:homicides', 'user-9'));
    expect(text(a.sent.at(-1))).toContain('Slow down');
  });
}

describe('shared state in memory (one process, two handlers)', () => {
  const store = new MemoryStore();
  sharedQuoteContract(() => store);
});

const redisBinary = findRedisServer();
describe.skipIf(!redisBinary)(`shared state in Redis${redisBinary ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let server: RedisServer;
  let store: RedisStore;
  beforeAll(async () => {
    server = await startRedis(redisBinary!);
    store = await RedisStore.connect(server.url);
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });
  sharedQuoteContract(() => store);
});

describe('a failing store', () => {
  const broken: Store = {
    get: () => Promise.reject(new Error('ECONNREFUSED')),
    set: () => Promise.reject(new Error('ECONNREFUSED')),
    incr: () => Promise.reject(new Error('ECONNREFUSED')),
    claim: () => Promise.reject(new Error('ECONNREFUSED')),
    close: () => Promise.resolve(),
  };

  it('still answers, with what was lost at debug level: no warning per interaction (the store’s health warns)', async () => {
    const { handle, sent, lines } = replica(broken, 5);
    await handle(command('/quote'));
    await handle(command('/quote'));
    expectValidResponse(sent[0]);
    expect(text(sent[0])).not.toContain('Something went wrong');
    expect(lines.filter((l) => Number(l.level) >= 40)).toEqual([]);
    expect(lines.filter((l) => l.level === 20 && String(l.msg).startsWith('shared store')).map((l) => l.msg)).toEqual(
      Array(2)
        .fill([
          'shared store unavailable; not counting toward the rate limit',
          'shared store unavailable; answering without the shared values',
          'shared store unavailable; a shared value was not saved',
        ])
        .flat(),
    );
  });
});
