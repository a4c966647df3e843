// What one /stat and one /search cost on the corpus, in process: the corpus opened as a replica opens it (the saved
// library in CACHE_DIR, made on the first run and read back after), then each command run over the gold tune
// split's questions as users type them, each question once a round (distinct queries), the reply made into JSON as
// the handler does. Prints the median over rounds of the µs a request (CPU of the whole round over its requests)
// and the median and p99 of single requests. Numbers are reported, never asserted.
// node --import tsx bench/command-cost.ts [CORPUS_DIR]   (CACHE_DIR, ROUNDS, COMMANDS=stat,search; BOT=dist runs the
// compiled bot in dist/, as deployed, instead of the source through tsx, whose added function names cost a little;
// QUESTIONS=a,b,c asks those instead of the tune split's, e.g. the HTTP bench's broad words; COMMANDS=statements
// times /search's ranking alone, the library's statementHits, without the reply)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGold } from '../eval/gold/load.js';

type Modules = typeof import('../commands/index.js') &
  typeof import('../src/command.js') &
  typeof import('../src/library/library.js') &
  typeof import('../src/library/saved-library.js') &
  typeof import('../src/library/serve.js');
const root = new URL(process.env.BOT === 'dist' ? '../dist/' : '../', import.meta.url);
const paths = ['commands/index.js', 'src/command.js', 'src/library/library.js', 'src/library/saved-library.js'];
const loaded: object[] = await Promise.all(
  [...paths, 'src/library/serve.js'].map((p) => import(new URL(p, root).href) as Promise<object>),
);
const { commands, sharedContext, sentenceFinderBuilt, librarySaved, cachedIn, openLibrary } = Object.assign(
  {},
  ...loaded,
) as Modules;
type SlashCommand = import('../src/command.js').SlashCommand;

const corpusDir = process.argv[2] ?? new URL('../../shared/corpus', import.meta.url).pathname;
const cacheDir = process.env.CACHE_DIR ?? join(tmpdir(), 'factsheet-command-cost');
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const names = (process.env.COMMANDS ?? 'stat,search').split(',');

if (!existsSync(corpusDir)) {
  console.log(`(skipped: ${corpusDir} is not here)`);
  process.exit(0);
}
mkdirSync(cacheDir, { recursive: true });
const quiet = { info: () => {}, warn: (m: string) => console.error(m), error: (m: string) => console.error(m) };
const started = performance.now();
const { live } = await openLibrary(corpusDir, quiet, 'CORPUS', cachedIn(cacheDir));
const library = live.current();
await sentenceFinderBuilt(library);
await librarySaved(library);
console.log(`opened in ${((performance.now() - started) / 1000).toFixed(1)} s: ${library.documents.length} documents`);

const questions = process.env.QUESTIONS
  ? process.env.QUESTIONS.split(',')
  : [...new Set(loadGold('tune').questions.map((q) => q.q))];
const context = { ...sharedContext(), channelId: 'bench', userId: 'bench' };
const slash = (name: string) => commands.get(name) as SlashCommand;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

/** A command's reply as JSON, or for `statements` /search's ranked statements with their total. */
function replier(name: string): (query: string) => string {
  if (name === 'statements')
    return (query) => {
      const { refs, total } = library.search.statementHits(query);
      return JSON.stringify({ total, refs: refs.map((ref) => [ref.document.id, ref.point.text]) });
    };
  const command = slash(name);
  return (query) => JSON.stringify(command.run(library, { query }, context));
}

for (const name of names) {
  const reply = replier(name);
  const ask = name === 'statements' ? (query: string) => library.search.statementHits(query).total : reply;
  // Warm: the first lookups build their tables. DUMP=FILE keeps every reply, to compare two builds' answers.
  const replies = questions.map(reply);
  if (process.env.DUMP) writeFileSync(`${process.env.DUMP}.${name}.json`, replies.join('\n'));
  const perRequest: number[] = [];
  const single: number[] = [];
  const byQuestion = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage();
    for (const q of questions) {
      const t = performance.now();
      ask(q);
      single.push((performance.now() - t) * 1000);
      byQuestion.set(q, (byQuestion.get(q) ?? 0) + (performance.now() - t) * 1000);
    }
    const used = process.cpuUsage(cpu);
    perRequest.push((used.user + used.system) / questions.length);
  }
  console.log(
    `/${name}: ${questions.length} distinct questions x ${ROUNDS} rounds: ${median(perRequest).toFixed(0)} µs CPU a request ` +
      `(rounds ${perRequest.map((x) => x.toFixed(0)).join(', ')}); one request median ${median(single).toFixed(0)} µs, ` +
      `p99 ${p99(single).toFixed(0)} µs`,
  );
  const slowest = [...byQuestion].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SLOWEST ?? 0));
  for (const [q, us] of slowest) console.log(`  ${(us / ROUNDS).toFixed(0).padStart(7)} µs  ${q}`);
}
live.close();
