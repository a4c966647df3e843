// npm run eval: the parser, /stat, /search and /check measured on three splits side by side: the frozen test
// split of unseen documents (tests/fixtures/gold-test, the headline), the gold set's test half and its tune half
// (tests/fixtures/gold, split by document in split.json), where every threshold is chosen. /stat and /search
// are measured beside MiniSearch and FlexSearch (and Lunr for /search) over the same sentences, in the same run.
// `--split tune` measures one split alone (what tuning looks at); `--json FILE` also writes the numbers;
// `--misses` lists every disagreement of the tune split (never of a split that is not tuned on).
import { writeFileSync } from 'node:fs';
import { scoreClaims, type ClaimScores } from './claims.js';
import { statEngines } from './stat-hits.js';
import { loadGold, SPLITS, type SplitName } from './gold/load.js';
import { scoreParser } from './parser.js';
import { percentile, scoreSearch, searchEngines } from './search.js';
import { scoreStat } from './stat.js';
import { corpusLibrary, evalTrend, trendLines } from './trend.js';

const CORPUS = '../shared/corpus';
const pct = (x: number) => x.toFixed(3);

function corpusLatency(queries: string[]): { documents: number; medianMs: number; p99Ms: number } | null {
  // Built once for this and /trend's questions (eval/trend.ts).
  const library = corpusLibrary();
  if (!library) return null;
  const files = library.documents;
  for (const q of queries) library.search.statements(q); // warm: the first query builds lookup tables
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const started = performance.now();
      library.search.statements(q);
      times.push(performance.now() - started);
    }
  }
  return { documents: files.length, medianMs: percentile(times, 50), p99Ms: percentile(times, 99) };
}

/** Every measure on one split. */
export function evalSplit(split: SplitName | 'gold') {
  const set = loadGold(split);
  const parser = scoreParser(set);
  const stat = statEngines.map((engine) => ({ name: engine.name, ...scoreStat(set, engine.build(set.library)) }));
  const search = searchEngines.map((engine) => scoreSearch(set, engine));
  const claims = scoreClaims(set);
  const chat = scoreClaims(
    set,
    set.claims.filter((c) => c.chat),
  ).all;
  return { set, parser, stat, search, claims, chat };
}
export type SplitEval = ReturnType<typeof evalSplit>;

/** Every split; the corpus-wide latency only when asked (tests leave speed to the bench). */
export function runEval(options: { corpus?: boolean; only?: SplitName } = {}) {
  const splits = (options.only ? [options.only] : SPLITS).map(evalSplit);
  const queries = splits.flatMap((s) => s.set.questions.map((q) => q.q));
  const corpus = options.corpus === false ? null : corpusLatency(queries);
  return { splits, corpus };
}

const row = (label: string, splits: SplitEval[], value: (s: SplitEval) => string) =>
  `| ${label} | ${splits.map(value).join(' | ')} |`;

function verdictCell(scores: ClaimScores, verdict: string): string {
  const v = scores.byVerdict.find((b) => b.verdict === verdict)!;
  return `${pct(v.precision)} / ${pct(v.recall)} (${v.expected})`;
}

function table(splits: SplitEval[]): string[] {
  const head = splits.map((s) => `${s.set.split} (${s.set.entries.length} docs)`);
  const stat = (s: SplitEval, i: number) => s.stat[i]!;
  return [
    `| measure | ${head.join(' | ')} |`,
    `|---|${head.map(() => '---|').join('')}`,
    row('questions (figure / no answer)', splits, (s) => `${stat(s, 0).answerable} / ${stat(s, 0).unanswerable}`),
    row(
      'heading P / R / F1',
      splits,
      (s) => `${pct(s.parser.headings.precision)} / ${pct(s.parser.headings.recall)} / ${pct(s.parser.headings.f1)}`,
    ),
    row('figure P / R', splits, (s) => `${pct(s.parser.figures.precision)} / ${pct(s.parser.figures.recall)}`),
    row('what a figure counts', splits, (s) => pct(s.parser.counts.accuracy)),
    row('time frame', splits, (s) => pct(s.parser.timeframe.accuracy)),
    ...statEngines.map((engine, i) =>
      row(
        `${engine.name}: top-1 / top-5 / refused`,
        splits,
        (s) => `${pct(stat(s, i).top1)} / ${pct(stat(s, i).top5)} / ${pct(stat(s, i).refused)}`,
      ),
    ),
    row('/stat on answerable: "Closest figures"', splits, (s) => pct(stat(s, 0).doubted)),
    row(
      '/stat on unanswerable: "No figure found" / "Closest figures" / "Figures for"',
      splits,
      (s) =>
        `${pct(stat(s, 0).notFound)} / ${pct(stat(s, 0).closestUnanswerable)} / ${pct(stat(s, 0).confidentUnanswerable)}`,
    ),
    ...searchEngines.map((engine, i) =>
      row(
        `${engine.name}: MRR@10 / Recall@5`,
        splits,
        (s) => `${pct(s.search[i]!.mrr10)} / ${pct(s.search[i]!.recall5)}`,
      ),
    ),
    ...['stated', 'different', 'not-found'].map((verdict) =>
      row(`/check "${verdict}" P / R`, splits, (s) => verdictCell(s.claims.all, verdict)),
    ),
    ...['stated', 'different', 'not-found'].map((verdict) =>
      row(`/check chat claims "${verdict}" P / R`, splits, (s) => verdictCell(s.chat, verdict)),
    ),
  ];
}

if (process.argv[1]?.endsWith('run.ts')) {
  const splitAt = process.argv.indexOf('--split');
  const only = splitAt >= 0 ? (process.argv[splitAt + 1] as SplitName) : undefined;
  const { splits, corpus } = runEval({ only, corpus: !only });
  const out = [
    'Test: unseen corpus documents, frozen before any tuning (the headline). gold-test / tune: the gold set split',
    'by document; thresholds are chosen on tune only.',
    '',
    ...table(splits),
    '',
    corpus
      ? `/search over the whole corpus (${corpus.documents} documents): median ${corpus.medianMs.toFixed(2)} ms, p99 ${corpus.p99Ms.toFixed(2)} ms`
      : `/search over the whole corpus: skipped, ${only ? 'a single split was asked for' : `${CORPUS} is absent`}`,
  ];
  // /trend's own questions (tests/fixtures/trend-gold) over the corpus: with the full run only.
  if (!only) out.push('', ...trendLines(evalTrend()));
  console.log(out.join('\n'));
  const tune = splits.find((s) => s.set.split === 'tune');
  if (process.argv.includes('--misses'))
    console.log(
      tune
        ? ['', ...tune.parser.misses, ...tune.stat[0]!.failures, ...tune.claims.failures].join('\n')
        : '\n--misses lists the tune split only: the held-out splits are never read item by item.',
    );
  const jsonAt = process.argv.indexOf('--json');
  if (jsonAt >= 0) {
    const numbers = splits.map((s) => ({
      split: s.set.split,
      parser: { ...s.parser, misses: undefined },
      stat: s.stat.map((x) => ({ ...x, failures: undefined })),
      search: s.search,
      claims: { ...s.claims, failures: undefined },
      chat: s.chat,
    }));
    writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ splits: numbers, corpus }, null, 2));
  }
}
