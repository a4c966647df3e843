// Documents are parsed in worker threads with a time budget per file (issue #14, part 3): a document that parses
// forever is refused by name while the main thread keeps answering, its worker is replaced, and the others are
// served. What arrives from a worker is the same Document as one parsed in the thread.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { OBJECTS_PER_PART } from '../../src/library/document-parts.js';
import { ParsePool, sharedParsePool } from '../../src/library/parse-pool.js';
import { LiveLibrary } from '../../src/library/reload.js';
import { ROOT, SEED_PATH } from '../support/documents.js';
import { documentsFolder, recordedLog } from '../support/folder.js';
import { timerGaps } from '../support/timer-gaps.js';

const STUCK_WORKER = new URL('../support/stuck-parse-worker.ts', import.meta.url);
const BUDGET_MS = 2_000;
const pools: ParsePool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

function stuckPool(): ParsePool {
  const pool = new ParsePool({ budgetMs: BUDGET_MS, entry: STUCK_WORKER });
  pools.push(pool);
  return pool;
}

describe('the parse workers', () => {
  it('hand back the same Document as a parse in the thread (plain data survives the structured clone)', async () => {
    const markdown = join(ROOT, 'tests/fixtures/corpus/border-security-and-immigration.txt');
    for (const [path, file] of [
      [SEED_PATH, 'border.txt'],
      [markdown, 'border.md'],
    ] as const) {
      const inWorker = await sharedParsePool().read(path, file);
      expect(inWorker).toEqual(parseDocument(readFileSync(path, 'utf8'), { file }));
    }
  });

  it('send a 20,000-heading document in parts, with a turn of the main thread between every two', async () => {
    const dir = documentsFolder();
    const sections = Array.from({ length: 20_000 }, (_, i) => `## Program ${i}\n\nIt funded ${i + 1} projects.\n`);
    const path = join(dir, 'many.md');
    writeFileSync(path, `# Many Headings\n\n${sections.join('\n')}`);
    const pool = new ParsePool({ size: 1 });
    pools.push(pool);
    await pool.read(SEED_PATH, 'border.txt');
    // Each message the main thread receives, with how many turns its event loop had taken by then.
    let turns = 0;
    let turning = setImmediate(function turn() {
      turns++;
      turning = setImmediate(turn);
    });
    const arrivals: number[] = [];
    const emit = Reflect.get<Worker, 'emit'>(Worker.prototype, 'emit');
    const received = vi.spyOn(Worker.prototype, 'emit').mockImplementation(function (this: Worker, event, ...args) {
      if (event === 'message') arrivals.push(turns);
      return emit.call(this, event, ...args);
    });
    const document = await pool.read(path, 'many.md').finally(() => (clearImmediate(turning), received.mockRestore()));
    expect(document).toEqual(parseDocument(readFileSync(path, 'utf8'), { file: 'many.md' }));
    // Three objects a section and more for each statement and figure: one message used to carry them all.
    expect(arrivals.length).toBeGreaterThanOrEqual((3 * 20_000) / OBJECTS_PER_PART);
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]).toBeGreaterThan(arrivals[i - 1]!);
  });

  it('refuse a file parsed past the budget, by name, while the main thread runs on; the rest are served', async () => {
    const dir = documentsFolder();
    writeFileSync(join(dir, 'stuck.txt'), 'STUCK: This parse never ends.\n');
    // The shape that stalled replies for 12.6 s: now parsed in time, and refused only for what it holds.
    writeFileSync(join(dir, 'spaces.md'), `# a${' '.repeat(200_000)}b\n`);
    const recorded = recordedLog();
    const live = new LiveLibrary(dir, recorded.log, { reader: stuckPool() });
    const { value: report, gapMs } = await timerGaps(() => live.reloadAndLog());
    expect(report.errors.map((e) => e.message)).toEqual([
      'spaces.md:1: no statements found',
      `stuck.txt: took longer than ${BUDGET_MS / 1000} s to read; refused`,
    ]);
    expect(recorded.at('error')).toContain(
      `error reload: stuck.txt: took longer than ${BUDGET_MS / 1000} s to read; refused; it is not served`,
    );
    expect(live.current().documents.map((d) => d.file)).toEqual(['border.txt', 'parks.txt']);
    // Parsed on the main thread, the stuck file would have held every timer for the whole budget.
    expect(gapMs).toBeLessThan(BUDGET_MS / 2);
  });

  it('replace the worker they ended: files read after a refusal are parsed and served', async () => {
    const dir = documentsFolder();
    const live = new LiveLibrary(dir, recordedLog().log, { reader: stuckPool() });
    await live.refresh();
    writeFileSync(join(dir, 'stuck-parks.txt'), 'PARKS: The city opened 40 parks.\n');
    writeFileSync(join(dir, 'schools.txt'), 'SCHOOLS: Teachers got 5 new labs.\n');
    const report = await live.refresh();
    expect(report.errors.map((e) => e.file)).toEqual(['stuck-parks.txt']);
    writeFileSync(join(dir, 'roads.txt'), 'ROADS: Crews paved 30 miles.\n');
    expect((await live.refresh()).added).toEqual(['roads.txt']);
    expect(live.current().documents.map((d) => d.file)).toEqual([
      'border.txt',
      'parks.txt',
      'roads.txt',
      'schools.txt',
    ]);
  });

  it('refuse a file whose parse ends the worker, and read the rest with a new one', async () => {
    const dir = documentsFolder();
    writeFileSync(join(dir, 'crash.txt'), 'CRASH: This parse ends its thread.\n');
    const live = new LiveLibrary(dir, recordedLog().log, { reader: stuckPool() });
    const report = await live.refresh();
    expect(report.errors.map((e) => e.message)).toEqual([
      'crash.txt: could not be read (the parse worker failed: exited with code 3)',
    ]);
    expect(live.current().documents.map((d) => d.file)).toEqual(['border.txt', 'parks.txt']);
  });

  it('re-parse only the files that changed', async () => {
    const dir = documentsFolder();
    const read: string[] = [];
    const reader = { read: (path: string, file: string) => (read.push(file), sharedParsePool().read(path, file)) };
    const live = new LiveLibrary(dir, recordedLog().log, { reader });
    await live.refresh();
    expect(read.sort()).toEqual(['border.txt', 'parks.txt']);
    read.length = 0;
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 15 parks.\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'parks.txt'), later, later);
    expect((await live.refresh()).changed).toEqual(['parks.txt']);
    expect(read).toEqual(['parks.txt']);
  });

  it('fail every read with a clear error when the worker cannot start, rather than wait forever', async () => {
    const pool = new ParsePool({ entry: new URL('../support/no-such-worker.ts', import.meta.url) });
    pools.push(pool);
    await expect(pool.read(SEED_PATH, 'border.txt')).rejects.toThrow(/the parse worker could not start/);
  });
  it('keep one copy of a document’s text: each statement’s text is a view onto it, not a copy', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'vitest.config.ts starts the workers with --expose-gc').toBeDefined();
    const dir = documentsFolder();
    const words = (i: number) => Array.from({ length: 300 }, (_, n) => `word${(i * 7 + n) % 997}`).join(' ');
    const points = Array.from({ length: 100 }, (_, i) => `- Item ${i} says ${words(i)} in all.\n`);
    const files = Array.from({ length: 40 }, (_, i) => `long-${i}.md`);
    for (const file of files) writeFileSync(join(dir, file), `# ${file}\n\n## Program\n\n${points.join('\n')}`);
    const pool = new ParsePool({ size: 1 });
    pools.push(pool);
    await pool.read(SEED_PATH, 'border.txt');
    const heapAfterGc = () => (gc!(), gc!(), process.memoryUsage().heapUsed);
    const before = heapAfterGc();
    const documents = await Promise.all(files.map((file) => pool.read(join(dir, file), file)));
    const retained = heapAfterGc() - before;
    const textBytes = documents.reduce((n, document) => n + document.text.length, 0);
    const [point] = documents[0]!.sections[0]!.points;
    expect(point!.text).toBe(documents[0]!.text.slice(...point!.span));
    // The text once (one byte a character) and the structure: a copy of every statement would double it.
    expect(retained).toBeGreaterThan(textBytes);
    expect(retained).toBeLessThan(1.5 * textBytes);
  });
});
