// What stays in the heap after many distinct interactions: sends N interactions, each from a new user, channel
// and server with words of its own (tests/support/distinct-interactions.ts), through the real handler in this
// process, as the HTTP endpoint runs it (a webhook for deferrals and button expiry, the memory store, the rate
// limit), then collects garbage and prints heapUsed against the settled value, and what each bounded cache holds.
// `node --expose-gc --import tsx bench/distinct-heap.ts [N] [--idle] [--snapshot]`: --idle waits 75 s and measures
// again; --snapshot writes a heap snapshot (in the current folder) at the end.
import { Writable } from 'node:stream';
import { writeHeapSnapshot } from 'node:v8';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { commands } from '../commands/index.js';
import { sharedContext } from '../src/command.js';
import { createLogger } from '../src/log.js';
import { rememberedStemBytes } from '../src/library/search.js';
import { cachedPairBytes } from '../src/render/similar.js';
import { reusedReplyBytes } from '../src/respond.js';
import { MemoryStore } from '../src/store/memory.js';
import { createInteractionHandler } from '../src/transport/handler.js';
import { seedLibrary } from '../tests/support/library.js';
import { distinctInteraction } from '../tests/support/distinct-interactions.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const args = process.argv.slice(2);
const total = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const WARM_UP = 2_000;

async function settledHeapMb(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await nextTurn();
    gc!();
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const library = seedLibrary();
const store = new MemoryStore();
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
const handle = createInteractionHandler(
  () => library,
  async () => {},
  createLogger('info', quiet),
  {
    commands,
    context: sharedContext(),
    editOriginal: async () => {},
    finish: async () => {},
    store,
    rateLimitPerMinute: 20,
  },
);

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
/** What the bounded caches hold, as each estimates it. */
const held = () =>
  [
    `stems ${mb(rememberedStemBytes())}`,
    `replies ${mb(reusedReplyBytes(library))}`,
    `letter pairs ${mb(cachedPairBytes())}`,
    `store ${store.held.entries} entries ${mb(store.held.bytes)}`,
  ].join(', ');

let sent = 0;
async function send(count: number): Promise<void> {
  for (const end = sent + count; sent < end; sent++) await handle(distinctInteraction(sent).payload);
}

await send(WARM_UP);
const settled = await settledHeapMb();
console.log(`settled after ${WARM_UP} interactions: ${settled.toFixed(1)} MB heap`);
for (const step of [10_000, 25_000, 50_000, total].filter((s) => s <= total)) {
  await send(step - sent);
  const heap = await settledHeapMb();
  console.log(`after ${sent}: ${heap.toFixed(1)} MB heap (+${(heap - settled).toFixed(1)} MB); ${held()}`);
}
if (args.includes('--idle')) {
  // A minute and a little more without interactions: what expires (rate-limit counts) is swept meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 75_000));
  const heap = await settledHeapMb();
  console.log(`after an idle minute: ${heap.toFixed(1)} MB heap (+${(heap - settled).toFixed(1)} MB); ${held()}`);
}
if (args.includes('--snapshot')) console.log(`snapshot: ${writeHeapSnapshot()}`);
process.exit(0);
