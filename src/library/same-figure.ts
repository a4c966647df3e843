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

/** Units one kind converts between, each in a base unit (meters, days, gallons, pounds). */
const IN_BASE: Record<string, number> = {
  miles: 1609.344,
  kilometers: 1000,
  feet: 0.3048,
  meters: 1,
  inches: 0.0254,
  years: 365.25,
  decades: 3652.5,
  months: 30.4375,
  weeks: 7,
  days: 1,
  hours: 1 / 24,
  minutes: 1 / 1440,
  gallons: 1,
  liters: 0.264172,
  barrels: 42,
  tons: 2000,
  pounds: 1,
  gigawatts: 1e6,
  megawatts: 1e3,
  kilowatts: 1,
};

/** What kind of amount a unit measures; a plain count (no unit) is its own kind. */
export const kindOf = (unit: string | null) => (unit === null ? 'count' : (KINDS[unit] ?? unit));

/** A share as a fraction: 75% and three-quarters and 3 in 4 are one value. */
const normalised = (value: number, unit: string | null) => (unit === '%' ? value / 100 : value);
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * Equal in any written form, with qualifiers that do not point opposite ways ("nearly" against "more than"),
 * and per the same period when both are rates: "$35 a week" is not "$35 per month".
 */
export function sameFigure(claimed: ClaimFigure, stated: Figure): boolean {
  if (!compatibleQualifiers(claimed.qualifier, stated.qualifier)) return false;
  if (!samePeriod(claimed, stated) || otherYears(claimed, stated)) return false;
  if (claimed.value === null || stated.value === null)
    return claimed.value === stated.value && vagueWords(claimed) === vagueWords(stated);
  const claimedValue = claimed.value;
  const values = [stated.value, stated.valueMax].filter((v): v is number => v !== null);
  if (claimed.unit !== stated.unit && converts(claimed.unit, stated.unit))
    return values.some((v) => withinRounding(claimedValue, claimed.text, inUnit(v, stated.unit, claimed.unit)));
  const sameUnit =
    claimed.unit === stated.unit || (kindOf(claimed.unit) === 'share' && kindOf(stated.unit) === 'share');
  if (!sameUnit) return false;
  const value = normalised(claimedValue, claimed.unit);
  if (values.some((v) => sameValue(value, normalised(v, stated.unit)))) return true;
  // "about $295 billion" for $295.4 billion: a hedged amount is the figure it rounds, and so is one written with a
  // chat scale letter ("$3.4k" for $3,429).
  return (
    claimed.unit === stated.unit &&
    (ROUNDING.has(claimed.qualifier ?? '') || SCALE_LETTER.test(claimed.text)) &&
    values.some((v) => withinRounding(claimedValue, claimed.text, v))
  );
}

/** A number with a scale letter or short scale word glued on, as chat rounds amounts: "$3.4k", "1.5M", "$2bn". */
const SCALE_LETTER = /\d(?:k|m|b|bn|mn|mln|tn|trn)$/iu;

/** The years a time frame names ("in 2024", "FY 2023-2024"). */
const yearsOf = (timeframe: string | null) => new Set((timeframe ?? '').match(/\b(?:19|20)\d\d\b/g) ?? []);

/** A figure given for other years than the claim's is no statement of it: "$8,000 in 2020" is not "$8,000 in 2021". */
function otherYears(claimed: ClaimFigure, stated: Figure): boolean {
  const [claimedYears, statedYears] = [yearsOf(claimed.timeframe), yearsOf(stated.timeframe)];
  return claimedYears.size > 0 && statedYears.size > 0 && ![...claimedYears].some((year) => statedYears.has(year));
}

/** Hedges that say the amount is rounded, either way. */
const ROUNDING = new Set(['about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'approx.', '~']);

/** Whether one unit converts to the other: 100 km against 62 miles, a decade against 10 years. */
const converts = (a: string | null, b: string | null): a is string =>
  a !== null && b !== null && a in IN_BASE && b in IN_BASE && kindOf(a) === kindOf(b);

/** An amount in another unit of its kind. */
const inUnit = (value: number, from: string | null, to: string | null) => (value * IN_BASE[from!]!) / IN_BASE[to!]!;

/**
 * A converted amount equals a written one within the rounding the writer used (35,400 km for 22,000 miles),
 * and never further than 2% off.
 */
function withinRounding(written: number, text: string, converted: number): boolean {
  const digits = text.replace(/[^\d.]/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const trailingZeros = decimals === 0 ? (/(0*)$/.exec(digits)?.[1]?.length ?? 0) : 0;
  // "1.4 million": the rounding is of the number written, times its scale word.
  const scale = Number(digits) > 0 ? Math.abs(written) / Number(digits) : 1;
  const place = (decimals > 0 ? 10 ** -decimals : 10 ** trailingZeros) * scale;
  return Math.abs(written - converted) <= Math.min(place / 2, Math.abs(written) * 0.02) + 1e-9;
}

/** How a figure converted reads, for the reply: "100 km is about 62 miles". Null when nothing converts. */
export function conversionNote(claimed: ClaimFigure, stated: Figure): string | null {
  if (claimed.value === null || claimed.unit === stated.unit || !converts(claimed.unit, stated.unit)) return null;
  const converted = inUnit(claimed.value, claimed.unit, stated.unit);
  const shown = (value: number) => value.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  return `${shown(claimed.value)} ${claimed.unit} is about ${shown(converted)} ${stated.unit}`;
}

/**
 * The period a document's rate is given per: in its time frame, or written in what it counts ("a $35 monthly
 * cap", "66 pounds of fentanyl weekly"). Null when the figure is no rate.
 */
export function statedPeriodOf(figure: Figure): string | null {
  const label = /\b(annual|yearly|monthly|weekly|daily|hourly)\b/i.exec(figure.counts ?? '');
  return periodOf(figure) ?? (label ? periodOf({ timeframe: label[1]!.replace(/^annual$/i, 'annually') }) : null);
}

/** The period a rate is given per: "$35 a week", "$500,000 annually". Null when the figure is no rate. */
export function periodOf(figure: { timeframe: string | null }): string | null {
  const match =
    /\b(?:per|a|an|each|every)\s+(year|month|week|day|hour)\b|\b(annual|year|month|week|dai|hour)(?:ly)\b/i.exec(
      figure.timeframe ?? '',
    );
  if (!match) return null;
  const period = (match[1] ?? match[2]!).toLowerCase();
  return period === 'annual' ? 'year' : period === 'dai' ? 'day' : period;
}

/**
 * Two rates per another period are not the same figure. A rate claimed against a figure given for no period is
 * the same only when the figure's time frame is one such period ("120,000 a year" and "last year, 120,000");
 * "120,000 a week" against "last year, 120,000", or against a figure with no time frame, is not.
 */
function samePeriod(claimed: ClaimFigure, stated: Figure): boolean {
  const [a, b] = [periodOf(claimed), statedPeriodOf(stated)];
  if (a === null) return true;
  return b === null ? spansOne(stated.timeframe, a) : a === b;
}

/** Whether a time frame is one span of the period: "last year", "in 2023", "fiscal year 2024" for a year. */
function spansOne(timeframe: string | null, period: string): boolean {
  const words = (timeframe ?? '').toLowerCase();
  if (/\b(?:since|over|decades?|years|months|weeks|days)\b/.test(words)) return false;
  return period === 'year' ? /\b(?:year|fy|(?:19|20)\d\d)\b/.test(words) : new RegExp(`\\b${period}\\b`).test(words);
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
