// node --expose-gc --import tsx bench/check-finder.ts [CORPUS_DIR] [--served]: what the every-sentence matcher of
// /check (a claim without figures) costs on the corpus: the time and heap to build it, and the longest wait of a
// 1 ms timer while the library is built in slices and while the first such /check runs; and what /check of a claim
// with figures costs (the gold set's claims, tune and gold-test, never the frozen test split). With --served, only the
// heap and RSS of a process that loads the corpus as the bot does (parse workers, slices), before and after its
// matcher is built. Prints numbers; asserts nothing. CORPUS_DIR defaults to ../shared/corpus and is skipped,
// saying so, when absent.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseDocument } from '../src/document/parse.js';
import type { Document } from '../src/document/types.js';
import { loadGold } from '../eval/gold/load.js';
import { percentile } from '../eval/search.js';
import { checkClaim } from '../src/library/claims.js';
import { listDocuments } from '../src/library/folder.js';
import { buildLibrary, createLibrary, sentenceFinderBuilt, uniqueIds } from '../src/library/library.js';
import { sharedParsePool } from '../src/library/parse-pool.js';
import { LiveLibrary } from '../src/library/reload.js';
import { timerGaps } from '../tests/support/timer-gaps.js';

const args = process.argv.slice(2).filter((arg) => arg !== '--served');
const corpusDir = args[0] ?? new URL('../../shared/corpus', import.meta.url).pathname;
const CLAIM = 'The President signed an executive order protecting American workers';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
function memory(): { heap: number; rss: number } {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed / 1e6, rss: rss / 1e6 };
}

/** `work` with a 1 ms timer ticking: the whole time and the longest wait between ticks, in ms. */
async function blocking<T>(work: () => T | Promise<T>): Promise<{ value: T; total: number; longest: number }> {
  const { value, totalMs, gapMs } = await timerGaps(work, 1);
  return { value, total: totalMs, longest: gapMs };
}

const line = (name: string, text: string) => console.log(`${name.padEnd(52)} ${text}`);
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function measure(documents: () => Document[]): Promise<void> {
  const base = memory();
  const library = createLibrary(documents());
  const loaded = memory();
  line('library built at once', `heap ${loaded.heap.toFixed(0)} MB, RSS ${loaded.rss.toFixed(0)} MB`);
  const started = performance.now();
  library.claims.everySentence();
  const built = performance.now() - started;
  const after = memory();
  line(
    'every-sentence matcher built at once',
    `${ms(built)}; heap +${(after.heap - loaded.heap).toFixed(0)} MB, RSS ${after.rss.toFixed(0)} MB`,
  );
  const fresh = createLibrary(documents());
  const first = await blocking(() => checkClaim(fresh.claims, CLAIM));
  line('first /check without figures, library built at once', `longest stall ${ms(first.longest)}`);
  const sliced = await blocking(() => buildLibrary(documents()));
  line('library built in slices', `${ms(sliced.total)}; longest stall ${ms(sliced.longest)}`);
  const ready = await blocking(() => sentenceFinderBuilt(sliced.value));
  line('  then the matcher, in slices, until ready', `${ms(ready.total)}; longest stall ${ms(ready.longest)}`);
  const next = await blocking(() => checkClaim(sliced.value.claims, CLAIM));
  line('first /check without figures, sliced build', `longest stall ${ms(next.longest)}`);
  figureClaims(library);
  const held = memory();
  line('both libraries and matchers held', `heap ${(held.heap - base.heap).toFixed(0)} MB over the documents`);
  void [library, fresh];
}

/** /check of the gold claims with figures over the whole corpus, three rounds after a warm one: p50 and p99. */
function figureClaims(library: ReturnType<typeof createLibrary>): void {
  const claims = (['tune', 'gold-test'] as const).flatMap((split) => loadGold(split).claims.map((c) => c.claim));
  for (const claim of claims) checkClaim(library.claims, claim);
  const times: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const claim of claims) {
      const started = performance.now();
      checkClaim(library.claims, claim);
      times.push(performance.now() - started);
    }
  line(
    `/check of ${claims.length} gold claims, corpus-wide`,
    `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
  );
}

/** The bot's own way: a LiveLibrary over the folder; the memory of the process once served, then once the matcher is built. */
async function served(): Promise<void> {
  const live = new LiveLibrary(corpusDir);
  await live.refresh();
  await sharedParsePool().close();
  const loaded = memory();
  // The matcher's slices do not keep a process alive by themselves: this does, meanwhile.
  const alive = setInterval(() => undefined, 1000);
  await sentenceFinderBuilt(live.current());
  clearInterval(alive);
  const built = memory();
  const show = (m: { heap: number; rss: number }) => `heap ${m.heap.toFixed(0)} MB, RSS ${m.rss.toFixed(0)} MB`;
  line('served (the bot), the matcher not built yet', show(loaded));
  line('served (the bot), the matcher built', show(built));
}

if (!existsSync(corpusDir)) {
  console.log(`check finder skipped: ${corpusDir} is not here`);
} else if (process.argv.includes('--served')) {
  await served();
} else {
  const listing = await listDocuments(corpusDir);
  const texts = listing.files.map((f) => ({ file: f.file, text: readFileSync(f.path, 'utf8') }));
  const parsed = texts.map(({ file, text }) => parseDocument(text, { file }));
  await measure(() => uniqueIds(parsed.map((d) => ({ ...d }))));
  console.log(`${parsed.length} documents; load average ${loadavg()[0]!.toFixed(1)}`);
}
