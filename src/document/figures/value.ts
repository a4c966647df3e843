// A matched figure's value in base units and its unit: "$1.4 billion" is 1.4e9 "$", "75%" is 75 "%",
// "1 in 4" is 0.25 "ratio", "double" is 2 "×", "thousands" has no value.
import type { Groups } from './pattern.js';
import { ARTICLE_AMOUNTS, FRACTIONS, MULTIPLIERS, SCALES, SMALL_NUMBERS, UNITS } from './vocabulary.js';

export interface Value {
  value: number | null;
  valueMax: number | null;
  unit: string | null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function spelled(word: string): number | undefined {
  // "zero" is read only as an amount of its own; as a count word before a label it is part of a name ("zero emission").
  if (/^zero$/i.test(word)) return 0;
  const [tens, ones] = word.toLowerCase().split('-');
  const value = SMALL_NUMBERS[tens!];
  return value === undefined ? undefined : value + (ones ? (SMALL_NUMBERS[ones] ?? 0) : 0);
}

const numeral = (text: string) => Number(text.replace(/[,+]/g, ''));
const amount = (text: string) => (/^\d/.test(text) ? numeral(text) : spelled(text));

/** Figures with no digits: "twice", "double", "one-third", "half", "thousands", "1 in 4", "a dozen". */
function wordValue(groups: Groups): Value | null | undefined {
  if (groups.twice) return { value: 2, valueMax: null, unit: '×' };
  if (groups.multiplier) return { value: MULTIPLIERS[groups.multiplier.toLowerCase()]!, valueMax: null, unit: '×' };
  if (groups.fold) {
    const times = amount(groups.fold);
    return times === undefined ? null : { value: times, valueMax: null, unit: '×' };
  }
  if (groups.vague) return { value: null, valueMax: null, unit: null };
  if (groups.fraction) {
    const [numerator, denominator] = groups.fraction.toLowerCase().split(/[-\s]+/) as [string, string];
    return { value: round(SMALL_NUMBERS[numerator]! / FRACTIONS[denominator]!), valueMax: null, unit: 'fraction' };
  }
  if (groups.quarter) return { value: SCALES[groups.quarterScale!.toLowerCase()]! / 4, valueMax: null, unit: null };
  if (groups.half) {
    const scale = groups.halfScale ? SCALES[groups.halfScale.toLowerCase()]! : null;
    return scale ? { value: scale / 2, valueMax: null, unit: null } : { value: 0.5, valueMax: null, unit: 'fraction' };
  }
  if (groups.ratioA) {
    const a = amount(groups.ratioA);
    const b = amount(groups.ratioB!);
    return a !== undefined && b !== undefined && a < b ? { value: round(a / b), valueMax: null, unit: 'ratio' } : null;
  }
  if (groups.articleWord) {
    const word = groups.articleWord.toLowerCase();
    const known = ARTICLE_AMOUNTS[word];
    if (known) return { value: known.value, valueMax: null, unit: known.unit };
    return { value: 1, valueMax: null, unit: word === 'dollar' ? '$' : (UNITS[word] ?? null) };
  }
  return undefined;
}

function unitOf(groups: Groups): string | null {
  if (groups.currency || groups.cents) return '$';
  if (groups.percent || groups.pct1) return groups.percent && /point/.test(groups.percent) ? 'percentage points' : '%';
  return null;
}

export function parseValue(groups: Groups): Value | null {
  const special = wordValue(groups);
  if (special !== undefined) return special;
  const scale = groups.scale ? (SCALES[groups.scale.replace(/^[\s-]+/, '').toLowerCase()] ?? 1) : 1;
  let value = groups.num ? numeral(groups.num) : groups.word ? spelled(groups.word) : groups.article ? 1 : undefined;
  if (value === undefined || !Number.isFinite(value)) return null;
  if (groups.dozen) value *= 12;
  if (groups.andHalf) value += 0.5;
  if (groups.cents) value /= 100;
  const top = groups.max ? numeral(groups.max) : groups.maxWord ? spelled(groups.maxWord) : undefined;
  const max = top === undefined ? null : top * scale;
  return { value: round(value * scale), valueMax: max === null ? null : round(max), unit: unitOf(groups) };
}
