// Issue 22, memory: the heap went from 16 MB to 160 MB over 100,000 distinct interactions. Here 20,000, each
// from a new user, channel and server with words of its own, go through the real handler as the HTTP endpoint
// runs it (the memory store, the rate limit, button expiry through a webhook); then, a minute later on the
// handler's clock, garbage is collected and the heap compared with its settled size. Counts of work, not time.
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { sharedContext } from '../../src/command.js';
import { createLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/store/memory.js';
import { createInteractionHandler } from '../../src/transport/handler.js';
import { distinctInteraction } from '../support/distinct-interactions.js';
import { seedLibrary } from '../support/library.js';

const gc = (globalThis as { gc?: () => void }).gc;
const WARM_UP = 2_000;
const DISTINCT = 20_000;
/** What may stay: the bounded caches and pending button edits (about 3 MB measured), with room to spare. */
const MAX_GROWTH_MB = 8;

async function heapAfterGcMb(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await nextTurn();
    gc!();
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe('memory over many distinct interactions', () => {
  // vitest.config.ts starts the workers with --expose-gc; run any other way, the test says why it is skipped.
  it.skipIf(!gc)(
    `grows the heap by less than ${MAX_GROWTH_MB} MB over ${DISTINCT} distinct interactions`,
    { timeout: 120_000 },
    async () => {
      let now = Date.now();
      const clock = () => now;
      const library = seedLibrary();
      const store = new MemoryStore(undefined, clock);
      const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
      let answered = 0;
      const handle = createInteractionHandler(
        () => library,
        async () => void answered++,
        createLogger('info', quiet),
        {
          commands,
          context: sharedContext({ now: clock }),
          editOriginal: async () => {},
          finish: async () => {},
          store,
          rateLimitPerMinute: 20,
        },
      );
      let sent = 0;
      const send = async (count: number) => {
        for (const end = sent + count; sent < end; sent++) await handle(distinctInteraction(sent, now).payload);
      };
      await send(WARM_UP);
      const settled = await heapAfterGcMb();
      await send(DISTINCT);
      expect(answered).toBe(WARM_UP + DISTINCT);
      // A minute passes with nothing sent: the rate-limit counts expire, and the store's timer sweeps them.
      now += 61_000;
      store.sweep();
      const grown = (await heapAfterGcMb()) - settled;
      console.log(
        `heap ${settled.toFixed(1)} MB settled, +${grown.toFixed(1)} MB after ${DISTINCT} distinct interactions`,
      );
      expect(grown).toBeLessThan(MAX_GROWTH_MB);
      await store.close();
    },
  );
});
