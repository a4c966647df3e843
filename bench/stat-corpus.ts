// npm run bench:stat [-- OTHER_TREE...]: /stat's lookup (and /search's) on the real corpus, this tree against other checkouts of
// the project (a `git worktree add` of an older commit, say), in one process and alternating, so a busy
// machine slows each alike. The corpus is parsed once, by this tree's parser, and each tree builds its own
// library from the same documents; the gold set's questions (tune and gold-test, never the frozen test split)
// are asked round after round, each tree in turn, and so are single common words (held by thousands of
// sentences: what a cut on ranking would leave out) and the gold questions to /search. Prints the median and
// p99 of each tree and each kind of lookup, and the heap its library added. Numbers are reported, never asserted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGold } from '../eval/gold/load.js';
import { parseDocument } from '../src/document/parse.js';
import type { Document } from '../src/document/types.js';
import { uniqueIds } from '../src/library/library.js';

interface Lookup {
  figureSentences(query: string): unknown[];
  statements(query: string): unknown[];
}
/** A tree's library: with a search facet, or (a tree from before the facets) the lookup on the library itself. */
type Built =
  { search: Lookup } | { findFigureSentences(query: string): unknown[]; searchStatements(query: string): unknown[] };
interface Tree {
  name: string;
  lookup: Lookup;
  heapMb: number;
  times: Map<string, number[]>;
}

/** Words in thousands of the corpus's figure sentences. */
const COMMON_WORDS = ['million', 'billion', 'jobs', 'american', 'year', 'state', 'program', 'funding', 'health', 'new'];

const corpusDir = process.env.CORPUS_DIR ?? new URL('../../shared/corpus', import.meta.url).pathname;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...corpusFiles(path));
    else if (/^\d{4}-.*\.md$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/** A tree's library over the documents, and the heap it added (the documents themselves are shared). */
async function buildTree(root: string, documents: Document[]): Promise<Tree> {
  const module = (await import(pathToFileURL(join(root, 'src/library/library.ts')).href)) as {
    createLibrary: (documents: Document[]) => Built;
  };
  gc();
  const before = process.memoryUsage().heapUsed;
  const library = module.createLibrary(documents);
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const lookup: Lookup =
    'search' in library
      ? library.search
      : { figureSentences: (q) => library.findFigureSentences(q), statements: (q) => library.searchStatements(q) };
  return { name: relative(process.cwd(), root) || '.', lookup, heapMb, times: new Map() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

if (!existsSync(corpusDir)) {
  console.log(`(skipped: ${corpusDir} is not here)`);
  process.exit(0);
}
const documents = uniqueIds(
  corpusFiles(corpusDir).map((f) => parseDocument(readFileSync(f, 'utf8'), { file: relative(corpusDir, f) })),
);
const queries = (['tune', 'gold-test'] as const).flatMap((split) => loadGold(split).questions.map((q) => q.q));
const roots = [resolve('.'), ...process.argv.slice(2).map((r) => resolve(r))];
const trees: Tree[] = [];
for (const root of roots) trees.push(await buildTree(root, documents));
const lookups: Array<[kind: string, questions: string[], ask: (lookup: Lookup, query: string) => unknown]> = [
  ['/stat, gold questions', queries, (lookup, q) => lookup.figureSentences(q)],
  ['/stat, common words', COMMON_WORDS, (lookup, q) => lookup.figureSentences(q)],
  ['/search, gold questions', queries, (lookup, q) => lookup.statements(q)],
];
for (const tree of trees) for (const [, questions, ask] of lookups) for (const q of questions) ask(tree.lookup, q); // warm
for (let round = 0; round < ROUNDS; round++) {
  for (const [kind, questions, ask] of lookups) {
    for (const q of questions) {
      for (const tree of round % 2 === 0 ? trees : [...trees].reverse()) {
        const started = performance.now();
        ask(tree.lookup, q);
        const times = tree.times.get(kind) ?? [];
        times.push(performance.now() - started);
        tree.times.set(kind, times);
      }
    }
  }
}
console.log(
  `${documents.length} corpus documents, ${queries.length} questions and ${COMMON_WORDS.length} common words x ${ROUNDS} rounds, alternating\n`,
);
console.log('| tree | lookup | median ms | p99 ms | library heap |');
console.log('|---|---|---|---|---|');
for (const { name, times, heapMb } of trees) {
  for (const [kind, kindTimes] of times) {
    const sorted = [...kindTimes].sort((a, b) => a - b);
    console.log(
      `| ${name} | ${kind} | ${percentile(sorted, 0.5).toFixed(2)} | ${percentile(sorted, 0.99).toFixed(2)} | ${heapMb.toFixed(0)} MB |`,
    );
  }
}
