// In-process benchmark: load + index time, memory, and the median and p99 of every command and autocomplete,
// on the seed, the real corpus (when its folder is given or found) and generated corpora of 1, 10 and 50 MB.
// Numbers are reported, never asserted.
import { existsSync } from 'node:fs';
import { commands } from '../commands/index.js';
import { sharedContext, type CommandOptions, type SlashCommand } from '../src/command.js';
import { parseDocument } from '../src/document/parse.js';
import { createLibrary, uniqueIds, type Library } from '../src/library/library.js';
import { loadLibrary } from '../src/library/reload.js';
import { generateCorpus, random } from './generate.js';

export interface Dataset {
  name: string;
  bytes: number;
  load: () => Promise<Library>;
}

export interface Measured {
  name: string;
  bytes: number;
  documents: number;
  statements: number;
  loadSeconds: number;
  heapMb: number;
  rssMb: number;
  ops: Map<string, { median: number; p99: number }>;
}

export const QUERIES = [
  'homicides',
  'border',
  'jobs',
  'energy',
  'wall',
  'workers',
  'prices',
  'billion',
  'families',
  'security',
  'homocides',
  'percent drop',
  'critical minerals',
  'americans',
  'data centers',
  'steel',
];
const PREFIXES = ['sav', 'b', 'se', 'ener', 'job', 'hom', 'tr', 'wa'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function time(iterations: number, run: (i: number) => void): { median: number; p99: number } {
  for (let i = 0; i < Math.min(20, iterations); i++) run(i); // warm up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

export async function measure(dataset: Dataset, iterations = 300): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const library = await dataset.load();
  const loadSeconds = (performance.now() - started) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const context = { ...sharedContext({ random: random(3) }), channelId: 'bench', userId: 'bench' };
  const rand = random(11);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const sectionTitles = library.parts().sections.map((r) => r.section.title.split(' ').slice(0, 2).join(' '));
  const documentIds = library.documents.map((d) => d.id);
  const slash = (name: string) => commands.get(name) as SlashCommand;
  const run = (name: string, options: CommandOptions) => slash(name).run(library, options, context);
  const complete = (name: string, option: string, value: string, options: CommandOptions = {}) =>
    slash(name).autocomplete(library, { name: option, value }, options);
  const ops = new Map<string, { median: number; p99: number }>();
  ops.set(
    '/section name',
    time(iterations, () => run('section', { name: pick(sectionTitles) })),
  );
  ops.set(
    '/section (contents)',
    time(iterations, () => run('section', {})),
  );
  ops.set(
    '/stat query',
    time(iterations, () => run('stat', { query: pick(QUERIES) })),
  );
  ops.set(
    '/stat (all)',
    time(iterations, () => run('stat', {})),
  );
  ops.set(
    '/quote',
    time(iterations, () => run('quote', {})),
  );
  ops.set(
    '/quote section',
    time(iterations, () => run('quote', { section: pick(sectionTitles) })),
  );
  ops.set(
    '/search query',
    time(iterations, () => run('search', { query: pick(QUERIES) })),
  );
  ops.set(
    '/stat in one document',
    time(iterations, () => run('stat', { query: pick(QUERIES), document: pick(documentIds) })),
  );
  ops.set(
    'autocomplete section name',
    time(iterations, () => complete('section', 'name', pick(PREFIXES))),
  );
  ops.set(
    'autocomplete stat query',
    time(iterations, () => complete('stat', 'query', pick(PREFIXES))),
  );
  ops.set(
    'autocomplete quote section',
    time(iterations, () => complete('quote', 'section', pick(PREFIXES))),
  );
  ops.set(
    'autocomplete document',
    time(iterations, () => complete('stat', 'document', pick(PREFIXES))),
  );
  return {
    name: dataset.name,
    bytes: dataset.bytes,
    documents: library.documents.length,
    statements: library.parts().statements.length,
    loadSeconds,
    heapMb: memory.heapUsed / 1048576,
    rssMb: memory.rss / 1048576,
    ops,
  };
}

export function generatedDataset(megabytes: number): Dataset {
  // Generated before the clock starts: the measure is parsing and indexing, not making text.
  const files = generateCorpus(megabytes * 1_000_000);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  return {
    name: `generated ${megabytes} MB`,
    bytes,
    load: () =>
      Promise.resolve().then(() => createLibrary(uniqueIds(files.map((f) => parseDocument(f.text, { file: f.file }))))),
  };
}

export function folderDataset(name: string, dir: string, bytes: number): Dataset | null {
  if (!existsSync(dir)) return null;
  return { name, bytes, load: async () => (await loadLibrary(dir)).library };
}
