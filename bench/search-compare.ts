// Chooses the search index by measurement: our TextIndex (a small inverted index with stemming, synonyms and
// typo correction) against MiniSearch and FlexSearch, tuned alike (same tokenizer, stopwords, Porter stemmer). Quality on the seed's queries;
// build time and query latency on every figure of the real corpus when ../shared/corpus is present.
// Run: npm run bench:search [-- CORPUS_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import { parseDocument } from '../src/document/parse.js';
import { plainTextOf } from '../src/document/formats/index.js';
import type { Document } from '../src/document/types.js';
import MiniSearch from 'minisearch';
import { normalizeTerm, terms, TextIndex, tokenize } from '../src/library/search.js';

const QUERIES: Array<[string, string]> = [
  ['homicides', 'nearly 2,000'],
  ['homocides', 'nearly 2,000'],
  ['murders', 'nearly 2,000'],
  ['arrests', 'more than 120,000'],
  ['arrested', 'more than 120,000'],
  ['criminal aliens', 'more than 120,000'],
  ['wall', 'more than 100'],
  ['miles', 'more than 100'],
  ['troops', 'thousands'],
  ['apprehensions', '75%'],
  ['consecutive months', '8'],
  ['burglary', 'more than 10,000'],
  ['sexual assaults', 'more than 5,000'],
  ['homic', 'nearly 2,000'],
  ['burgl', 'more than 10,000'],
];

interface Row {
  counts: string;
  figure: string;
  sentence: string;
  section: string;
}

function rowsOf(documents: Document[]): Row[] {
  return documents.flatMap((d) =>
    d.figures.map((f) => {
      return {
        counts: f.counts ?? '',
        figure: plainTextOf(d, f.text),
        sentence: plainTextOf(d, d.text.slice(f.sentenceSpan[0], f.sentenceSpan[1])),
        section: d.sections.find((s) => s.id === f.sectionId)!.title,
      };
    }),
  );
}

type Engine = { name: string; build(rows: Row[]): (q: string) => number[] };

// MiniSearch as it was tuned before (prefix on the last word, fuzzy 0.25 from five letters, same stemming).
const miniSearch: Engine = {
  name: 'MiniSearch 7.2 (prefix, fuzzy 0.25 from 5 letters, stemmed)',
  build(rows) {
    const index = new MiniSearch<Row & { id: number }>({
      fields: ['counts', 'figure', 'sentence', 'section'],
      tokenize,
      processTerm: (term) => normalizeTerm(term),
      searchOptions: {
        boost: { counts: 4, figure: 3, sentence: 1, section: 0.5 },
        fuzzy: (term) => (term.length >= 5 ? 0.25 : false),
        prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
        processTerm: (term) => {
          const base = normalizeTerm(term);
          return base === 'murder' ? [base, 'homicid'] : base;
        },
      },
    });
    index.addAll(rows.map((r, i) => ({ id: i, ...r })));
    return (q) =>
      index
        .search(q)
        .slice(0, 25)
        .map((r) => Number(r.id));
  },
};

// What the bot uses: our TextIndex (inverted index, stems, synonyms, typo correction from the vocabulary).
const ours: Engine = {
  name: 'our TextIndex (the bot’s)',
  build(rows) {
    const index = new TextIndex([
      { name: 'counts', weight: 4, prefix: true },
      { name: 'figure', weight: 3, prefix: true },
      { name: 'sentence', weight: 1 },
      { name: 'section', weight: 0.5 },
    ]);
    rows.forEach((r, i) => index.add(i, { ...r }));
    index.prepare();
    return (q) => index.search(q, 25).map((h) => h.id);
  },
};

// FlexSearch, tuned alike: the same normalised terms, prefix matching through its forward tokenizer.
const flexSearch: Engine = {
  name: 'FlexSearch 0.8 (forward tokenizer, stemmed)',
  build(rows) {
    const fields = ['counts', 'sentence'] as const;
    const indexes = fields.map(
      () => new FlexSearch.Index({ tokenize: 'forward', encode: (t: string) => t.split(' ').filter(Boolean) }),
    );
    rows.forEach((r, i) => fields.forEach((f, k) => indexes[k]!.add(i, terms(r[f]).join(' '))));
    return (q) => {
      const query = terms(q).join(' ');
      return [
        ...new Set(indexes.flatMap((index) => index.search(query, { limit: 25, suggest: true }) as number[])),
      ].slice(0, 25);
    };
  },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!;
}

const seedText = readFileSync(new URL('../seeds/border-security-and-immigration.txt', import.meta.url), 'utf8');
const seedRows = rowsOf([parseDocument(seedText, { file: 'seed.txt' })]);
const corpusDir = process.argv[2] ?? new URL('../../shared/corpus', import.meta.url).pathname;
const corpusFiles: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.md') && e.name !== 'README.md') corpusFiles.push(p);
  }
};
if (existsSync(corpusDir)) walk(corpusDir);
const corpusRows = rowsOf(corpusFiles.map((f) => parseDocument(readFileSync(f, 'utf8'), { file: f })));
const queryWords = [
  'jobs',
  'billion',
  'percent',
  'homes',
  'students',
  'workers',
  'vaccin',
  'broadband',
  'acres',
  'veterans',
  'loans',
  'miles',
  'emissions',
  'tariff',
  'investments in',
  'clean energy',
];

console.log(
  `| engine | seed: right first (of ${QUERIES.length}) | corpus figures | build | query median | query p99 |`,
);
console.log('|---|---|---|---|---|---|');
for (const engine of [ours, miniSearch, flexSearch]) {
  const search = engine.build(seedRows);
  const right = QUERIES.filter(([q, want]) => seedRows[search(q)[0] ?? -1]?.figure === want).length;
  let build = '-',
    med = '-',
    tail = '-';
  if (corpusRows.length) {
    const t0 = performance.now();
    const big = engine.build(corpusRows);
    build = `${((performance.now() - t0) / 1000).toFixed(2)} s`;
    const times: number[] = [];
    for (let r = 0; r < 20; r++)
      for (const q of queryWords) {
        const s = performance.now();
        big(q);
        times.push(performance.now() - s);
      }
    med = `${median(times).toFixed(3)} ms`;
    tail = `${p99(times).toFixed(3)} ms`;
  }
  console.log(`| ${engine.name} | ${right} | ${corpusRows.length || 'corpus absent'} | ${build} | ${med} | ${tail} |`);
}
