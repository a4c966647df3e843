// npx tsx bench/reload-blocking.ts [CORPUS_DIR]: how long loading the corpus, and reloading it after one edit,
// after 100 files are renamed at once and after a 20,000-heading file is added (and reading that file alone
// through the parse worker), holds the event loop (what a reply waits for), against parsing and indexing on the
// main thread as the bot did before the parse workers. Prints numbers; asserts nothing. CORPUS_DIR defaults to
// ../shared/corpus and is skipped, saying so, when absent. Works on a copy in a temporary folder.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseDocument } from '../src/document/parse.js';
import { listDocuments } from '../src/library/folder.js';
import { createLibrary, sentenceFinderBuilt, uniqueIds } from '../src/library/library.js';
import { sharedParsePool } from '../src/library/parse-pool.js';
import { LiveLibrary } from '../src/library/reload.js';
import { timerGaps } from '../tests/support/timer-gaps.js';

const corpusDir = process.argv[2] ?? new URL('../../shared/corpus', import.meta.url).pathname;

/** Runs `work` with a 1 ms timer ticking: the whole time, the longest wait between ticks, and the p99 delay. */
async function blocking(name: string, work: () => unknown): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const { totalMs: total, gapMs: longest } = await timerGaps(work, 1);
  delay.disable();
  const p99 = delay.percentile(99) / 1e6;
  console.log(
    `${name.padEnd(46)} ${(total / 1000).toFixed(2)} s in all; longest stall ${longest.toFixed(0)} ms; p99 delay ${p99.toFixed(0)} ms`,
  );
}

/** A Markdown file of `count` headings, each over one statement with a figure. */
function manyHeadings(count: number): string {
  const sections = Array.from(
    { length: count },
    (_, i) => `## Program ${i}\n\nThe program funded ${i + 1} projects.\n`,
  );
  return `# Many Headings\n\n${sections.join('\n')}`;
}

if (!existsSync(corpusDir)) {
  console.log(`reload blocking skipped: ${corpusDir} is not here`);
} else {
  const dir = join(mkdtempSync(join(tmpdir(), 'reload-blocking-')), 'corpus');
  cpSync(corpusDir, dir, { recursive: true });
  const listing = await listDocuments(dir);
  await blocking('main thread (before): parse + index', () => {
    const documents = listing.files.map((f) => parseDocument(readFileSync(f.path, 'utf8'), { file: f.file }));
    createLibrary(uniqueIds(documents));
  });
  const live = new LiveLibrary(dir);
  await blocking('workers + slices: first load', () => live.refresh());
  appendFileSync(listing.files[0]!.path, '\nOne more line: 12 new parks.\n');
  await blocking('workers + slices: reload after one edit', () => live.refresh());
  for (const { path } of listing.files.slice(0, 100))
    renameSync(path, join(dirname(path), `renamed-${basename(path)}`));
  await blocking('workers + slices: reload, 100 files renamed', () => live.refresh());
  writeFileSync(join(dir, 'many-headings.md'), manyHeadings(20_000));
  await blocking('workers + slices: reload, 20,000-heading file added', () => live.refresh());
  // That file alone, once /check's matcher is built behind the reload: what receiving its parsed Document from
  // the worker holds (the parse runs beside).
  const awake = setInterval(() => {}, 1000); // the matcher's slices do not keep the process alive by themselves
  await sentenceFinderBuilt(live.current());
  clearInterval(awake);
  const many = join(dir, 'many-headings.md');
  await blocking('parse worker: the 20,000-heading file read again', () => sharedParsePool().read(many, 'many.md'));
  console.log(`${live.current().documents.length} documents served; load average ${loadavg()[0]!.toFixed(1)}`);
  await sharedParsePool().close();
  rmSync(dir, { recursive: true, force: true });
}
