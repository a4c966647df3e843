// /trend's series: the figures /stat finds for a query, grouped by what they measure so that a series never
// mixes units, counted things or periods ("per month" with "per year"), and placed against their documents'
// dates. A document states a series once on its day: several figures of one series in one document are one
// point carrying every quote (a range from the lowest to the highest when they differ).
import type { Document } from '../document/types.js';
import { documentDate } from './dates.js';
import type { FigureHit, FigureRef, Library, Scope } from './library.js';
import { terms } from './search.js';

export type Period = 'day' | 'week' | 'month' | 'year';
/** How a figure's qualifier bounds it: "more than" (at least), "nearly" (at most), "about", or exact. */
export type Bound = 'atLeast' | 'atMost' | 'about' | 'exact';

export interface TrendPoint {
  document: Document;
  /** The document's date, YYYY-MM-DD. */
  date: string;
  value: number;
  /** The top of a range ("25% to 50%", or several figures of one document); null for one value. */
  valueMax: number | null;
  bound: Bound;
  /** The figures this point stands for, each with its sentence: what the reply quotes. */
  figures: FigureRef[];
}

export interface TrendSeries {
  /** Unit, counted thing and period: two figures with the same key measure the same thing. */
  key: string;
  /** What the documents call it: the words most of its figures count ("construction jobs"). */
  name: string;
  unit: string | null;
  per: Period | null;
  /** Oldest first. */
  points: TrendPoint[];
}

export interface Trend {
  /** Best first: the series with the most dated points, then the one found first. */
  series: TrendSeries[];
  /** Figures from documents without a date: listed, never drawn. */
  undated: FigureRef[];
  /** Figures with no value to draw ("thousands"). */
  vague: FigureRef[];
  /** Figures found in all, and how many past MAX_TREND_FIGURES were left out. */
  found: number;
  leftOut: number;
}

/** Figures grouped at most: a query matching thousands is cut to the best ranked, and says so. */
export const MAX_TREND_FIGURES = 400;
/** Queries longer than this are not looked up: nobody names a series in more. */
export const MAX_TREND_QUERY = 200;
/** Figures whose sentence holds this much less of the query than the best one's are not the series asked for. */
const FIT_SLACK = 0.2;

const AT_LEAST = /^(more than|greater than|over|at least|upwards of|just over|well over|in excess of|above|exceeding)$/;
const AT_MOST = /^(fewer than|less than|nearly|almost|under|at most|up to|as many as|as much as|just under|below)$/;
const ABOUT = /^(about|approximately|around|roughly|an estimated|close to|some|as few as)$/;

export function boundOf(qualifier: string | null): Bound {
  const q = qualifier?.toLowerCase().replace(/\s+/g, ' ').trim() ?? '';
  if (AT_LEAST.test(q)) return 'atLeast';
  if (AT_MOST.test(q)) return 'atMost';
  return ABOUT.test(q) ? 'about' : 'exact';
}

const PERIOD_WORDS: ReadonlyArray<[RegExp, Period]> = [
  [/\b(?:per|a|an|each|every) day\b|\bdaily\b/i, 'day'],
  [/\b(?:per|a|each|every) week\b|\bweekly\b/i, 'week'],
  [/\b(?:per|a|each|every) month\b|\bmonthly\b/i, 'month'],
  [/\b(?:per|a|an|each|every) (?:year|annum)\b|\bannually\b|\byearly\b|\bannual\b/i, 'year'],
];

/** "per month", "each year", "annually" in what the figure counts, its time frame or the words right after it. */
export function periodOf(ref: FigureRef): Period | null {
  const { figure, document } = ref;
  const after = document.text.slice(figure.span[1], Math.min(figure.sentenceSpan[1], figure.span[1] + 40));
  const around = [figure.counts ?? '', figure.timeframe ?? '', after].join(' \n ');
  return PERIOD_WORDS.find(([pattern]) => pattern.test(around))?.[1] ?? null;
}

/** Words that say how what follows is measured, not what is counted ("pounds of fentanyl" counts fentanyl). */
const MEASURE_OF = /^(?:[\p{L}-]+\s+){0,3}?of\s+/u;
const PREPOSITION =
  /\s(?:in|for|at|since|by|from|to|on|across|through|over|under|with|into|during|per|each|this|last)\s.*$/i;

/** What a figure counts, as one stem: the last word before a preposition ("jobs in Syracuse" → "job"). */
export function countedOf(ref: FigureRef): string {
  const counts = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
  const unitWords = ref.figure.unit && /^[a-z]/i.test(ref.figure.unit) ? terms(ref.figure.unit) : [];
  let words = counts.replace(PREPOSITION, '');
  // "pounds of fentanyl": the unit is pounds, the thing fentanyl.
  if (unitWords.length > 0 && terms(words)[0] === unitWords[0]) words = words.replace(MEASURE_OF, '');
  const stems = terms(words).filter((t) => !/^\d/.test(t) && !unitWords.includes(t));
  return stems.at(-1) ?? '';
}

export function seriesKeyOf(ref: FigureRef): string {
  return [ref.figure.unit ?? 'count', countedOf(ref), periodOf(ref) ?? ''].join('|');
}

/**
 * The same figure where /stat folded a repeated sentence into one hit ("also in"): each document that states it
 * is a point of its own on its own day.
 */
function repeatsOf(library: Library, hit: FigureHit, within: ((d: Document) => boolean) | undefined): FigureRef[] {
  const same = (a: FigureRef, b: FigureRef) =>
    a.figure.value === b.figure.value && a.figure.unit === b.figure.unit && a.figure.counts === b.figure.counts;
  return hit.alsoIn
    .filter((document) => !within || within(document))
    .flatMap((document) => {
      const refs = library.parts(document.id).figures;
      return hit.bold.flatMap((bold) => refs.find((ref) => same(ref, bold)) ?? []);
    });
}

/** How much of the query a figure's sentence and what it counts hold: the share of the query's words. */
function fitOf(ref: FigureRef, asked: string[]): number {
  if (asked.length === 0) return 0;
  const { figure, document } = ref;
  const held = new Set(terms(`${figure.counts ?? ''} ${document.text.slice(...figure.sentenceSpan)}`));
  return asked.filter((t) => held.has(t)).length / asked.length;
}

/**
 * The figures a query finds, best ranked first, at most MAX_TREND_FIGURES: /stat's confident answers, with their
 * repeats in other documents, keeping those whose own sentence holds the most of the query's words.
 */
function figuresFound(library: Library, query: string, scope: Scope | undefined) {
  const within = typeof scope === 'object' ? scope.within : undefined;
  const hits = library.search.figureSentences(query, scope).filter((hit) => hit.confident);
  const all = hits.flatMap((hit) => [...hit.bold, ...repeatsOf(library, hit, within)]);
  const asked = [...new Set(terms(query, { remember: false }))];
  const fits = all.map((ref) => fitOf(ref, asked));
  const best = Math.max(0, ...fits);
  const figures = all.filter((_, i) => fits[i]! >= best - FIT_SLACK);
  return { figures: figures.slice(0, MAX_TREND_FIGURES), found: figures.length };
}

/** The series a query's figures form, best first, with the figures that cannot be drawn set aside. */
export function findTrend(library: Library, query: string, scope?: Scope): Trend {
  const trimmed = query.trim();
  const empty: Trend = { series: [], undated: [], vague: [], found: 0, leftOut: 0 };
  if (!trimmed || trimmed.length > MAX_TREND_QUERY) return empty;
  const { figures, found } = figuresFound(library, trimmed, scope);
  const groups = new Map<string, FigureRef[]>();
  const trend: Trend = { ...empty, found, leftOut: found - figures.length };
  for (const ref of figures) {
    if (ref.figure.value === null) trend.vague.push(ref);
    else if (documentDate(ref.document) === null) trend.undated.push(ref);
    else {
      const key = seriesKeyOf(ref);
      groups.set(key, [...(groups.get(key) ?? []), ref]);
    }
  }
  // Map order is the rank of each series' first figure: kept as the tie-break of equal sizes.
  trend.series = [...groups].map(([key, refs]) => seriesOf(key, refs));
  trend.series.sort((a, b) => b.points.length - a.points.length);
  return trend;
}

function seriesOf(key: string, refs: FigureRef[]): TrendSeries {
  const byDocument = new Map<Document, FigureRef[]>();
  for (const ref of refs) byDocument.set(ref.document, [...(byDocument.get(ref.document) ?? []), ref]);
  const points = [...byDocument].map(([document, figures]) => pointOf(document, figures));
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = refs[0]!;
  return { key, name: nameOf(refs), unit: first.figure.unit, per: periodOf(first), points };
}

/** One document's figures of a series: one value, or the range they span. */
function pointOf(document: Document, figures: FigureRef[]): TrendPoint {
  const lows = figures.map((f) => f.figure.value!);
  const highs = figures.map((f) => f.figure.valueMax ?? f.figure.value!);
  const value = Math.min(...lows);
  const top = Math.max(...highs);
  const bounds = new Set(figures.map((f) => boundOf(f.figure.qualifier)));
  const bound = bounds.size === 1 ? [...bounds][0]! : 'exact';
  return { document, date: documentDate(document)!, value, valueMax: top === value ? null : top, bound, figures };
}

/** The words most of the figures count, as the documents write them; the shortest of equally common ones. */
function nameOf(refs: FigureRef[]): string {
  const seen = new Map<string, number>();
  for (const ref of refs) {
    const words = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
    if (words) seen.set(words, (seen.get(words) ?? 0) + 1);
  }
  const ranked = [...seen].sort(([a, m], [b, n]) => n - m || a.length - b.length);
  return ranked[0]?.[0] ?? (refs[0]!.figure.unit === '%' ? 'percent' : 'figures');
}
