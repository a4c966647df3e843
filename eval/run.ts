// npm run eval: the parser, /stat and /search measured on the gold set (tests/fixtures/gold), with MiniSearch,
// FlexSearch and Lunr beside our /search, and our /search's latency over the whole corpus when
// ../shared/corpus is present. `--json FILE` also writes the numbers; `--misses` lists every disagreement.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scoreClaims } from './claims.js';
import { findStatHits } from './stat-hits.js';
import { loadGold } from './gold/load.js';
import { scoreParser } from './parser.js';
import { flexSearch, lunrEngine, miniSearch, ours, percentile, scoreSearch } from './search.js';
import { scoreStat } from './stat.js';
import { parseDocument } from '../src/document/parse.js';
import { createLibrary, uniqueIds } from '../src/library/library.js';

const CORPUS = '../shared/corpus';
const pct = (x: number) => x.toFixed(3);

function corpusLatency(queries: string[]): { documents: number; medianMs: number; p99Ms: number } | null {
  if (!existsSync(CORPUS)) return null;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^\d{4}-.*\.md$/.test(entry.name)) files.push(path);
    }
  };
  walk(CORPUS);
  const library = createLibrary(
    uniqueIds(files.sort().map((f) => parseDocument(readFileSync(f, 'utf8'), { file: relative(CORPUS, f) }))),
  );
  for (const q of queries) library.searchStatements(q); // warm: the first query builds lookup tables
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const started = performance.now();
      library.searchStatements(q);
      times.push(performance.now() - started);
    }
  }
  return { documents: files.length, medianMs: percentile(times, 50), p99Ms: percentile(times, 99) };
}

/** Every measure on the gold set; the corpus-wide latency only when asked (tests leave speed to the bench). */
export function runEval(options: { corpus?: boolean } = {}) {
  const set = loadGold();
  const parser = scoreParser(set);
  const stat = scoreStat(set, findStatHits);
  const search = [ours, miniSearch, flexSearch, lunrEngine].map((engine) => scoreSearch(set, engine));
  const corpus = options.corpus === false ? null : corpusLatency(set.questions.map((q) => q.q));
  const claims = scoreClaims(set);
  return { set, parser, stat, search, corpus, claims };
}

if (process.argv[1]?.endsWith('run.ts')) {
  const { set, parser, stat, search, corpus, claims } = runEval();
  const out: string[] = [];
  out.push(
    `Gold set: ${set.entries.length} documents, ${parser.headings.gold} headings, ${parser.figures.gold} figures, ` +
      `${set.questions.length} questions (${stat.answerable} asking for a figure, ${stat.unanswerable} with no answer)`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| heading precision / recall / F1 | ${pct(parser.headings.precision)} / ${pct(parser.headings.recall)} / ${pct(parser.headings.f1)} | F1 >= 0.97 |`,
    `| figure precision / recall | ${pct(parser.figures.precision)} / ${pct(parser.figures.recall)} | >= 0.97 / >= 0.95 |`,
    `| figure span exactly as annotated | ${pct(parser.figures.exactSpan)} | |`,
    `| what it counts, accuracy | ${pct(parser.counts.accuracy)} | >= 0.85 |`,
    `| time frame, accuracy | ${pct(parser.timeframe.accuracy)} | >= 0.9 |`,
    `| /stat top-1 / MRR@5 (figure questions) | ${pct(stat.top1)} / ${pct(stat.mrr5)} | >= 0.85 / >= 0.9 |`,
    `| /stat "not found" on unanswerable | ${pct(stat.notFound)} | >= 0.9 |`,
    '',
    '| /search engine | MRR@10 | Recall@5 | median ms | p99 ms |',
    '|---|---|---|---|---|',
    ...search.map(
      (s) => `| ${s.name} | ${pct(s.mrr10)} | ${pct(s.recall5)} | ${s.medianMs.toFixed(2)} | ${s.p99Ms.toFixed(2)} |`,
    ),
    '',
    `/check on ${claims.all.claims} claims (${claims.all.verdicts} verdicts; ${claims.heldOut.verdicts} held out, written after tuning):`,
    '| /check verdict | precision / recall | held out | target |',
    '|---|---|---|---|',
    ...claims.all.byVerdict.map(
      (v, i) =>
        `| ${v.verdict} (${v.expected}) | ${pct(v.precision)} / ${pct(v.recall)} | ${pct(claims.heldOut.byVerdict[i]!.precision)} / ${pct(claims.heldOut.byVerdict[i]!.recall)} | ${['P >= 0.95, R >= 0.85', 'P >= 0.9', 'P >= 0.9'][i]} |`,
    ),
    '',
    corpus
      ? `/search over the whole corpus (${corpus.documents} documents): median ${corpus.medianMs.toFixed(2)} ms, p99 ${corpus.p99Ms.toFixed(2)} ms (target p99 <= 5 ms)`
      : `/search over the whole corpus: skipped, ${CORPUS} is absent`,
  );
  console.log(out.join('\n'));
  if (process.argv.includes('--misses'))
    console.log(['', ...parser.misses, ...stat.failures, ...claims.failures].join('\n'));
  const jsonAt = process.argv.indexOf('--json');
  if (jsonAt >= 0)
    writeFileSync(
      process.argv[jsonAt + 1]!,
      JSON.stringify(
        {
          parser: { ...parser, misses: undefined },
          stat: { ...stat, failures: undefined },
          search,
          corpus,
          claims: { ...claims, failures: undefined },
        },
        null,
        2,
      ),
    );
}
