// The parser against the gold annotations: headings, figures, what each figure counts and its time frame.
import { stripMarkup } from './gold/plain.js';
import { fold, type GoldEntry, type GoldSet } from './gold/load.js';
import type { GoldFigure } from './gold/types.js';
import type { Figure } from '../src/document/types.js';

export interface ParserScores {
  headings: { precision: number; recall: number; f1: number; found: number; gold: number };
  figures: { precision: number; recall: number; found: number; gold: number; exactSpan: number };
  counts: { accuracy: number; pairs: number };
  timeframe: { accuracy: number; pairs: number };
  misses: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** A heading as compared: no trailing colon or period, folded. */
const headingKey = (text: string) => fold(stripMarkup(text).replace(/<[^>]+>/g, '')).replace(/[:.\s]+$/, '');

function headingCounts(set: GoldSet, entry: GoldEntry) {
  const found = entry.document.sections
    .filter((s) => s.headingSpan)
    .map((s) => ({ block: set.blockOf(entry.document, s.headingSpan!), key: headingKey(s.heading!) }));
  const gold = entry.gold.headings.map((h) => ({ block: h.block, key: headingKey(h.text) }));
  const same = (f: { block: number | null; key: string }, g: { block: number | null; key: string }) =>
    f.block === g.block && f.key === g.key;
  const missed = gold.filter((g) => !found.some((f) => same(f, g)));
  const extra = found.filter((f) => !gold.some((g) => same(f, g)));
  const where = (h: { block: number | null; key: string }) => `${entry.gold.file}#${h.block} "${h.key}"`;
  return {
    found: found.length,
    gold: gold.length,
    matched: gold.length - missed.length,
    misses: [...missed.map((h) => `heading missed ${where(h)}`), ...extra.map((h) => `heading extra ${where(h)}`)],
  };
}

/** Equal values; the gold writes shares to four places ("one-third": 0.3333), so they compare at that. */
const sameValue = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(5e-5, 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Content words of a label, stemmed crudely (plural s dropped), for comparing what a figure counts. */
const contentWords = (text: string) =>
  new Set(
    fold(text)
      .split(/[^a-z0-9%$]+/)
      .filter((w) => w.length > 2 && !['the', 'and', 'for', 'with', 'from', 'that', 'this'].includes(w))
      .map((w) => w.replace(/(?:es|s)$/, '')),
  );

/**
 * A label is right when both are empty; or when every content word of the bot's label is in the gold label
 * (a shorter phrase from the same words: "schools" for "schools and child care centers"); or when it shares at
 * least half of the gold label's content words and adds no more than the gold's length again (a whole clause
 * is not a noun phrase).
 */
export function sameCounts(found: string | null, gold: string | null): boolean {
  if (!found || !gold) return !found && !gold;
  const g = contentWords(gold);
  const f = contentWords(found);
  const shared = [...g].filter((w) => f.has(w)).length;
  if (f.size > 0 && [...f].every((w) => g.has(w))) return true;
  return g.size > 0 && shared * 2 >= g.size && f.size <= 2 * g.size + 1;
}

/** Time frames compare as folded text, "the" aside. */
export function sameTimeframe(found: string | null, gold: string | null): boolean {
  if (!found || !gold) return !found && !gold;
  const key = (t: string) =>
    fold(stripMarkup(t))
      .replace(/\bthe\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return key(found) === key(gold);
}

interface Located {
  figure: Figure;
  block: number | null;
  text: string;
}

function matchFigures(set: GoldSet, entry: GoldEntry) {
  const md = entry.document.format === 'markdown';
  const found: Located[] = entry.document.figures.map((figure) => ({
    figure,
    block: set.blockOf(entry.document, figure.span),
    text: fold(md ? stripMarkup(figure.text) : figure.text),
  }));
  const used = new Set<Located>();
  const pairs: Array<{ gold: GoldFigure; found: Located }> = [];
  const missed: GoldFigure[] = [];
  for (const gold of entry.gold.figures) {
    const goldText = fold(gold.text);
    // Same block, overlapping text (one contains the other), equal value: the same figure.
    const match = found.find(
      (f) =>
        !used.has(f) &&
        f.block === gold.block &&
        (f.text.includes(goldText) || goldText.includes(f.text)) &&
        sameValue(f.figure.value, gold.value),
    );
    if (match) {
      used.add(match);
      pairs.push({ gold, found: match });
    } else missed.push(gold);
  }
  const extra = found.filter((f) => !used.has(f));
  return { pairs, missed, extra, found: found.length };
}

export function scoreParser(set: GoldSet): ParserScores {
  let hFound = 0;
  let hGold = 0;
  let hMatched = 0;
  let fFound = 0;
  let fGold = 0;
  let fMatched = 0;
  let exact = 0;
  let countsRight = 0;
  let timeRight = 0;
  const misses: string[] = [];
  for (const entry of set.entries.filter((e) => !e.gold.questionsOnly)) {
    const h = headingCounts(set, entry);
    hFound += h.found;
    hGold += h.gold;
    hMatched += h.matched;
    misses.push(...h.misses);
    const { pairs, missed, extra, found } = matchFigures(set, entry);
    fFound += found;
    fGold += entry.gold.figures.length;
    fMatched += pairs.length;
    for (const { gold, found: f } of pairs) {
      if (f.text === fold(gold.text)) exact++;
      if (sameCounts(f.figure.counts, gold.counts)) countsRight++;
      else
        misses.push(`counts ${entry.gold.file}#${gold.block} "${gold.text}": "${f.figure.counts}" ≠ "${gold.counts}"`);
      if (sameTimeframe(f.figure.timeframe, gold.timeframe)) timeRight++;
      else
        misses.push(
          `timeframe ${entry.gold.file}#${gold.block} "${gold.text}": "${f.figure.timeframe}" ≠ "${gold.timeframe}"`,
        );
    }
    for (const gold of missed) misses.push(`missed ${entry.gold.file}#${gold.block} "${gold.text}"`);
    for (const f of extra) misses.push(`extra ${entry.gold.file}#${f.block} "${f.text}"`);
  }
  const precision = ratio(hMatched, hFound);
  const recall = ratio(hMatched, hGold);
  return {
    headings: {
      precision,
      recall,
      f1: (2 * precision * recall) / (precision + recall || 1),
      found: hFound,
      gold: hGold,
    },
    figures: {
      precision: ratio(fMatched, fFound),
      recall: ratio(fMatched, fGold),
      found: fFound,
      gold: fGold,
      exactSpan: ratio(exact, fMatched),
    },
    counts: { accuracy: ratio(countsRight, fMatched), pairs: fMatched },
    timeframe: { accuracy: ratio(timeRight, fMatched), pairs: fMatched },
    misses,
  };
}
