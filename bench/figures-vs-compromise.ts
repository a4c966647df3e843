// Measures our figure finder against compromise (the best-scoring library in shared/LIBRARIES.md) on the
// tricky sentences and the seed: precision, recall, qualifiers kept, and speed. Run: npm run bench:figures
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { findFigures } from '../src/document/figures.js';
import { parseDocument } from '../src/document/parse.js';
import { FIGURES, NOT_FIGURES } from '../tests/fixtures/figure-sentences.js';

interface Case {
  sentence: string;
  expected: Array<{ text: string; qualifier: string | null }>;
}

const seedText = readFileSync(new URL('../seeds/border-security-and-immigration.txt', import.meta.url), 'utf8');
const seed = parseDocument(seedText, { file: 'border-security-and-immigration.txt' });
const seedCases: Case[] = seed.sections.flatMap((s) =>
  (s.lead ? [s.lead, ...s.points] : s.points).flatMap((p) =>
    p.sentences.map((span) => {
      const sentence = seedText.slice(span[0], span[1]);
      return {
        sentence,
        expected: seed.figures
          .filter((f) => f.sentenceSpan[0] === span[0])
          .map((f) => ({ text: f.text, qualifier: f.qualifier })),
      };
    }),
  ),
);
const trickyCases: Case[] = [
  ...FIGURES.map(([sentence, expected]) => ({
    sentence,
    expected: expected.map((e) => ({ text: e.text, qualifier: e.qualifier ?? null })),
  })),
  ...NOT_FIGURES.map((sentence) => ({ sentence, expected: [] })),
];

type Finder = (sentence: string) => Array<{ text: string; qualifier: string | null }>;

const ours: Finder = (sentence) =>
  findFigures(sentence, 0, sentence.length).map((f) => ({
    text: sentence.slice(f.span[0], f.span[1]),
    qualifier: f.qualifier,
  }));

// compromise, with the filters LIBRARIES.md recommends: drop dates and ordinals, grow left over qualifiers.
const QUALIFIER = /(more than|fewer than|less than|nearly|almost|about|approximately|over|under|at least|up to)\s+$/i;
const viaCompromise: Finder = (sentence) => {
  const doc = nlp(sentence);
  const found: Array<{ text: string; qualifier: string | null }> = [];
  doc.numbers().forEach((m) => {
    if (m.has('#Date') || (m.has('#Ordinal') && !m.has('#Fraction'))) return;
    const text = m
      .text('text')
      .replace(/[.,;:]$/, '')
      .trim();
    const at = sentence.indexOf(text);
    const qualifier = at >= 0 ? (QUALIFIER.exec(sentence.slice(0, at))?.[1]?.toLowerCase() ?? null) : null;
    found.push({ text, qualifier });
  });
  return found;
};

function overlaps(a: string, b: string): boolean {
  const core = (s: string) =>
    s
      .toLowerCase()
      .replace(/^(more than|nearly|about|over|up to|at least|approximately)\s+/, '')
      .replace(/[$%]/g, '')
      .trim();
  const x = core(a);
  const y = core(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function score(finder: Finder, cases: Case[]) {
  let found = 0;
  let truePositives = 0;
  let expected = 0;
  let recalled = 0;
  let qualifiers = 0;
  let qualifiersKept = 0;
  for (const { sentence, expected: want } of cases) {
    const got = finder(sentence);
    found += got.length;
    truePositives += got.filter((g) => want.some((w) => overlaps(g.text, w.text))).length;
    expected += want.length;
    for (const w of want) {
      const match = got.find((g) => overlaps(g.text, w.text));
      if (match) recalled++;
      if (w.qualifier) {
        qualifiers++;
        if (match?.qualifier === w.qualifier) qualifiersKept++;
      }
    }
  }
  return {
    precision: found ? truePositives / found : 1,
    recall: expected ? recalled / expected : 1,
    qualifiers: `${qualifiersKept}/${qualifiers}`,
  };
}

function msPer1000(finder: Finder, sentences: string[]): number {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (const s of sentences) finder(s);
    runs.push(((performance.now() - start) / sentences.length) * 1000);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

const sentences = [...seedCases, ...trickyCases].map((c) => c.sentence);
const rows = [
  [
    'finder',
    'seed P / R',
    'seed qualifiers',
    'tricky P / R',
    'tricky qualifiers',
    'ms per 1,000 sentences (median of 5)',
  ],
];
for (const [name, finder] of [
  ['ours', ours],
  ['compromise', viaCompromise],
] as const) {
  const s = score(finder, seedCases);
  const t = score(finder, trickyCases);
  rows.push([
    name,
    `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)}`,
    s.qualifiers,
    `${t.precision.toFixed(2)} / ${t.recall.toFixed(2)}`,
    t.qualifiers,
    msPer1000(finder, sentences).toFixed(1),
  ]);
}
console.log(rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
