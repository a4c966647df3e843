// /trend measured on hand-annotated questions over the corpus (tests/fixtures/trend-gold: tune.json to tune on,
// test.json the headline): point precision (the bot's points that are annotated points) and recall (annotated
// points the bot gives). A bot point is a document with its quoted sentences; it matches an annotated point of
// the same file when one of its sentences holds the annotated figure as written or overlaps the annotated quote.
//   npx tsx eval/trend.ts [--split tune|test] [--misses]  (--misses: the tune split's only)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shownSeries } from '../commands/trend.js';
import { plainTextOf } from '../src/document/formats/index.js';
import { parseDocument } from '../src/document/parse.js';
import { createLibrary, uniqueIds, type Library } from '../src/library/library.js';
import { findTrend } from '../src/library/trend-series.js';

export const CORPUS = '../shared/corpus';
const GOLD = 'tests/fixtures/trend-gold';
export const TREND_SPLITS = ['test', 'tune'] as const;
export type TrendSplit = (typeof TREND_SPLITS)[number];

interface GoldPoint {
  file: string;
  date: string;
  quote: string;
  figure: string;
  value: number;
}

interface GoldQuestion {
  id: string;
  query: string;
  series: string;
  unit: string;
  per: string | null;
  points: GoldPoint[];
}

/** What the bot plots for a query: each point's file and the sentences it quotes. */
interface BotPoint {
  file: string;
  date: string;
  sentences: string[];
}

let corpus: Library | null = null;

/** The corpus as one library, built once a process (the eval's latency line reads it too). */
export function corpusLibrary(): Library | null {
  if (corpus || !existsSync(CORPUS)) return corpus;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^\d{4}-.*\.md$/.test(entry.name)) files.push(path);
    }
  };
  walk(CORPUS);
  const documents = files.sort().map((f) => parseDocument(readFileSync(f, 'utf8'), { file: relative(CORPUS, f) }));
  return (corpus = createLibrary(uniqueIds(documents)));
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The points /trend draws for the query (or quotes, when it draws none). */
export function botPoints(library: Library, query: string): BotPoint[] {
  const trend = findTrend(library, query);
  return shownSeries(trend).flatMap((s) =>
    s.points.map((p) => ({
      file: p.document.file,
      date: p.date,
      sentences: [
        ...new Set(
          p.figures.map((f) => squash(plainTextOf(f.document, f.document.text.slice(...f.figure.sentenceSpan)))),
        ),
      ],
    })),
  );
}

/** Whether a quoted sentence and an annotated quote share a run of words (the quote is one wrapped line). */
function overlaps(sentence: string, quote: string): boolean {
  const words = squash(plainTextOf({ format: 'markdown' }, quote)).split(' ');
  const run = Math.min(words.length, 6);
  for (let i = 0; i + run <= words.length; i++) if (sentence.includes(words.slice(i, i + run).join(' '))) return true;
  return false;
}

function matches(bot: BotPoint, gold: GoldPoint): boolean {
  if (bot.file !== gold.file) return false;
  const figure = squash(gold.figure);
  return bot.sentences.some((s) => s.includes(figure) || overlaps(s, gold.quote));
}

export function loadTrendGold(split: TrendSplit): GoldQuestion[] | null {
  const path = `${GOLD}/${split}.json`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GoldQuestion[]) : null;
}

export interface TrendScores {
  split: TrendSplit;
  questions: number;
  precision: number;
  recall: number;
  botPoints: number;
  goldPoints: number;
  misses: string[];
}

/** Precision and recall over all points of a split's questions (micro-averaged), with what each missed. */
export function scoreTrend(library: Library, split: TrendSplit, questions: GoldQuestion[]): TrendScores {
  let right = 0;
  let given = 0;
  let found = 0;
  let wanted = 0;
  const misses: string[] = [];
  for (const question of questions) {
    const bot = botPoints(library, question.query);
    const extra = bot.filter((b) => !question.points.some((g) => matches(b, g)));
    const missed = question.points.filter((g) => !bot.some((b) => matches(b, g)));
    given += bot.length;
    right += bot.length - extra.length;
    wanted += question.points.length;
    found += question.points.length - missed.length;
    misses.push(
      `${question.id} "${question.query}": ${bot.length} given, ${extra.length} not annotated, ${missed.length} of ${question.points.length} missed`,
      ...extra.map((b) => `  + ${b.date} ${b.file}: ${b.sentences[0]!.slice(0, 140)}`),
      ...missed.map((g) => `  - ${g.date} ${g.file}: ${g.figure} | ${g.quote.slice(0, 100)}`),
    );
  }
  const precision = given === 0 ? 0 : right / given;
  const recall = wanted === 0 ? 0 : found / wanted;
  return { split, questions: questions.length, precision, recall, botPoints: given, goldPoints: wanted, misses };
}

/** Every split present, the test split first (the headline); null without the corpus. */
export function evalTrend(only?: TrendSplit): TrendScores[] | null {
  const library = corpusLibrary();
  if (!library) return null;
  return (only ? [only] : TREND_SPLITS).flatMap((split) => {
    const questions = loadTrendGold(split);
    return questions ? [scoreTrend(library, split, questions)] : [];
  });
}

export function trendLines(scores: TrendScores[] | null): string[] {
  if (!scores) return [`/trend: skipped, ${CORPUS} is absent`];
  if (scores.length === 0) return [`/trend: skipped, no questions in ${GOLD}`];
  return [
    '| /trend (trend-gold) | questions | points given / annotated | point precision | point recall |',
    '|---|---|---|---|---|',
    ...scores.map(
      (s) =>
        `| ${s.split} | ${s.questions} | ${s.botPoints} / ${s.goldPoints} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`,
    ),
  ];
}

if (process.argv[1]?.endsWith('eval/trend.ts')) {
  const at = process.argv.indexOf('--split');
  const scores = evalTrend(at >= 0 ? (process.argv[at + 1] as TrendSplit) : undefined);
  console.log(trendLines(scores).join('\n'));
  // Only the tune split's misses: the test split is never read question by question.
  const tune = scores?.find((s) => s.split === 'tune');
  if (process.argv.includes('--misses'))
    console.log(tune ? ['', ...tune.misses].join('\n') : '\n--misses lists the tune split only.');
}
