// When a claim's figure and a document's are the same figure: equal in any written form ("75 percent" and
// "75%", "$1.4 billion" and "$1,400 million", "half" and "50%"), with qualifiers that do not point opposite
// ways; and when they are of one kind at all, so that one is "a different figure" for the other.
import { lookupTable } from '../document/lookup.js';
import type { Figure } from '../document/types.js';
import type { ClaimFigure } from './claim-figures.js';

/** Units of one kind compare: 8 weeks against 8 months, $65 million against $65 billion, 75% against a half. */
const KINDS: Record<string, string> = lookupTable({
  '%': 'share',
  fraction: 'share',
  ratio: 'share',
  'percentage points': 'points',
  points: 'points',
  miles: 'length',
  kilometers: 'length',
  feet: 'length',
  meters: 'length',
  inches: 'length',
  years: 'time',
  months: 'time',
  weeks: 'time',
  days: 'time',
  hours: 'time',
  minutes: 'time',
  decades: 'time',
  megawatts: 'power',
  gigawatts: 'power',
  kilowatts: 'power',
  gallons: 'volume',
  liters: 'volume',
  barrels: 'volume',
  tons: 'weight',
  pounds: 'weight',
});

/** What kind of amount a unit measures; a plain count (no unit) is its own kind. */
export const kindOf = (unit: string | null) => (unit === null ? 'count' : (KINDS[unit] ?? unit));

/** A share as a fraction: 75% and three-quarters and 3 in 4 are one value. */
const normalised = (value: number, unit: string | null) => (unit === '%' ? value / 100 : value);
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** Equal in any written form, with qualifiers that do not point opposite ways ("nearly" against "more than"). */
export function sameFigure(claimed: ClaimFigure, stated: Figure): boolean {
  if (!compatibleQualifiers(claimed.qualifier, stated.qualifier)) return false;
  if (claimed.value === null || stated.value === null)
    return claimed.value === stated.value && vagueWords(claimed) === vagueWords(stated);
  const sameUnit =
    claimed.unit === stated.unit || (kindOf(claimed.unit) === 'share' && kindOf(stated.unit) === 'share');
  if (!sameUnit) return false;
  const value = normalised(claimed.value, claimed.unit);
  return [stated.value, stated.valueMax].some((v) => v !== null && sameValue(value, normalised(v, stated.unit)));
}

/** "thousands", "hundreds of millions": a vague amount equals only the same words. */
const vagueWords = (figure: { text: string; qualifier: string | null }) =>
  figure.text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .slice(figure.qualifier?.length ?? 0)
    .trim();

/** Hedges that put the amount at or above the number, and those that put it below. */
const ABOVE = new Set([
  'more than',
  'greater than',
  'over',
  'at least',
  'upwards of',
  'just over',
  'well over',
  'in excess of',
  'above',
  'exceeding',
]);
const BELOW = new Set([
  'fewer than',
  'less than',
  'nearly',
  'almost',
  'under',
  'at most',
  'up to',
  'as many as',
  'as much as',
  'as few as',
  'just under',
  'below',
  'close to',
]);

const direction = (qualifier: string | null) =>
  qualifier === null ? 0 : ABOVE.has(qualifier) ? 1 : BELOW.has(qualifier) ? -1 : 0;

/** A bare figure or a neutral hedge ("about") matches any qualifier; "more than" and "nearly" do not match. */
const compatibleQualifiers = (a: string | null, b: string | null) => direction(a) * direction(b) >= 0;
