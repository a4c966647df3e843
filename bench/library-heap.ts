// node --expose-gc --import tsx bench/library-heap.ts [CORPUS_DIR]: what holds a library's heap, structure by
// structure. The corpus is parsed, then each structure the library builds is built in the bot's order (the
// same steps as src/library/library.ts) and the heap measured after a full collection each time, so each row is
// what that structure adds and keeps. Prints numbers; asserts nothing. CORPUS_DIR defaults to ../shared/corpus.
// With --saved: the whole library built, against the same read back from its saved flat form (saved-library.ts).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Document } from '../src/document/types.js';
import { decodeFlat, encodeFlat } from '../src/library/flat-file.js';
import { buildLibrary, flatLibrary, sentenceFinderBuilt, uniqueIds, type FlatLibrary } from '../src/library/library.js';
import { figureSentenceSteps, sentenceFinderSteps, sentencePostings } from '../src/library/figure-search.js';
import { figureSentenceIndexSteps, indexSteps } from '../src/library/indexes.js';
import { readDocument } from '../src/library/read.js';
import { collectPartSteps } from '../src/library/refs.js';
import { finish } from '../src/library/steps.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MiB = 2 ** 20;

async function heapMb(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await nextTurn();
    gc!();
  }
  return process.memoryUsage().heapUsed / MiB;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(md|txt|markdown)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Each structure in the library's order, with what it added to the heap; all are held until the end. */
async function measured(dir: string) {
  const held: unknown[] = [];
  const rows: Array<[string, number]> = [];
  let last = await heapMb();
  const step = async <T>(name: string, build: () => T | Promise<T>): Promise<T> => {
    const built = await build();
    held.push(built);
    const now = await heapMb();
    rows.push([name, now - last]);
    last = now;
    return built;
  };
  const paths = files(dir);
  const parsed = await step('parsed documents', async () =>
    uniqueIds(await Promise.all(paths.map((path) => readDocument(path, relative(dir, path))))),
  );
  const documents: readonly Document[] = parsed;
  const parts = await step('parts (sections, figures, statements)', () => finish(collectPartSteps(documents)));
  const indexes = await step('text indexes (documents, sections, statements) + stem memo', () =>
    finish(indexSteps(documents, parts)),
  );
  const sentences = await step('figure sentences', () => finish(figureSentenceSteps(parts.figures)));
  await step("figure sentences' postings", () => finish(sentencePostings(sentences)));
  await step("/stat's context ranking", () => finish(figureSentenceIndexSteps(sentences)));
  await step("/check's every-sentence matcher", () =>
    finish(sentenceFinderSteps(parts.statements, indexes.statements)),
  );
  return { rows, total: last, held, documents: documents.length };
}

/** The library built, then (that one dropped) read back from its saved bytes: what each holds beyond the documents. */
async function savedMeasured(dir: string) {
  const paths = files(dir);
  const documents = uniqueIds(await Promise.all(paths.map((path) => readDocument(path, relative(dir, path)))));
  const parsed = await heapMb();
  // Built in a scope of its own, so that it can be collected before the one read back is measured.
  const build = async () => {
    const built = await buildLibrary(documents);
    await sentenceFinderBuilt(built);
    return { mb: (await heapMb()) - parsed, bytes: encodeFlat(flatLibrary(built)) };
  };
  const { mb: builtMb, bytes } = await build();
  const [before, buffersBefore] = [await heapMb(), process.memoryUsage().arrayBuffers];
  const loaded = await buildLibrary(documents, decodeFlat(bytes) as FlatLibrary);
  await sentenceFinderBuilt(loaded);
  const loadedMb = (await heapMb()) - before;
  // The tables read back are views onto one buffer outside the heap: counted apart (the saved bytes are held too).
  const buffersMb = (process.memoryUsage().arrayBuffers - buffersBefore) / MiB;
  const rows: Array<[string, number]> = [
    ['library built (every structure), heap', builtMb],
    ['library read back from its saved form, heap', loadedMb],
    ['library read back: its tables (array buffers, outside the heap)', buffersMb],
  ];
  return { rows, total: parsed + builtMb, documents: documents.length, saved: bytes.length / MiB, loaded };
}

const dir =
  process.argv.filter((arg) => !arg.startsWith('--'))[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');
if (process.argv.includes('--saved')) {
  // The matcher's slices do not keep the process alive (library.ts): this does, until the numbers are out.
  setInterval(() => undefined, 1_000);
  const { rows, documents, saved } = await savedMeasured(dir);
  console.log(`\nA library of ${documents} documents beyond the documents (saved form: ${saved.toFixed(1)} MB):\n`);
  for (const [name, mb] of rows) console.log(`| ${name} | ${mb.toFixed(1)} MB |`);
  process.exit(0);
}
const base = await heapMb();
const { rows, total, documents } = await measured(dir);
console.log(`\nHeap of a library, ${documents} documents from ${dir} (after a full collection each row):\n`);
console.log('| structure | heap added | share |');
console.log('|---|---|---|');
for (const [name, mb] of rows)
  console.log(`| ${name} | ${mb.toFixed(1)} MB | ${((100 * mb) / (total - base)).toFixed(0)}% |`);
console.log(`| all | ${(total - base).toFixed(1)} MB | 100% |`);
