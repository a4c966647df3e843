// The words figure recognition knows: hedges, spelled numbers, scales, units, months, and the small words
// that end a noun phrase. Data only; the patterns are built from it in pattern.ts.
import { lookupTable } from '../lookup.js';

/** "no more than $35" is a cap: a negated comparison reads as the bound it sets, written as itself in the text. */
export const NEGATED_COMPARISONS: Record<string, string> = lookupTable({
  'no more than': 'at most',
  'not more than': 'at most',
  'no greater than': 'at most',
  'no less than': 'at least',
  'not less than': 'at least',
  'no fewer than': 'at least',
  'not fewer than': 'at least',
});

/** Hedges a figure may carry ("more than 120,000"), longest first so "more than" wins over "more". */
export const QUALIFIERS = [
  'more than',
  'fewer than',
  'less than',
  'greater than',
  'nearly',
  'almost',
  'about',
  'approximately',
  'around',
  'roughly',
  'over',
  'under',
  'at least',
  'at most',
  'up to',
  'as many as',
  'as much as',
  'as few as',
  'an estimated',
  'upwards of',
  'close to',
  'just over',
  'just under',
  'well over',
  'in excess of',
  'some',
  'almost exactly',
  'below',
  'above',
  'exceeding',
  'between',
  ...Object.keys(NEGATED_COMPARISONS),
].sort((a, b) => b.length - a.length);

export const SMALL_NUMBERS: Record<string, number> = lookupTable({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  a: 1,
  an: 1,
});

export const FRACTIONS: Record<string, number> = lookupTable({
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  tenth: 10,
  tenths: 10,
});

export const SCALES: Record<string, number> = lookupTable({
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  b: 1e9,
});

/** "double the capital", "tripling renewable energy": how many times over. */
export const MULTIPLIERS: Record<string, number> = lookupTable({
  double: 2,
  doubled: 2,
  doubling: 2,
  triple: 3,
  tripled: 3,
  tripling: 3,
  quadruple: 4,
  quadrupled: 4,
  quadrupling: 4,
});

/** "a dozen", "nearly a century": a spelled quantity after "a". */
export const ARTICLE_AMOUNTS: Record<string, { value: number; unit: string | null }> = lookupTable({
  dozen: { value: 12, unit: null },
  century: { value: 100, unit: 'years' },
  decade: { value: 10, unit: 'years' },
});

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
/** Month names and their abbreviations, with or without a full stop: a pattern piece. */
export const MONTHS = [MONTH_NAMES, ...MONTH_ABBREVIATIONS.map((m) => String.raw`${m}\.?`)].join('|');

/** Words after a number that make it a measure, by what they are called in a figure's unit. */
export const UNITS: Record<string, string> = lookupTable({
  mile: 'miles',
  miles: 'miles',
  acre: 'acres',
  acres: 'acres',
  ton: 'tons',
  tons: 'tons',
  barrel: 'barrels',
  barrels: 'barrels',
  gallon: 'gallons',
  gallons: 'gallons',
  month: 'months',
  months: 'months',
  year: 'years',
  years: 'years',
  week: 'weeks',
  weeks: 'weeks',
  day: 'days',
  days: 'days',
  hour: 'hours',
  hours: 'hours',
  minute: 'minutes',
  minutes: 'minutes',
  decade: 'decades',
  decades: 'decades',
  foot: 'feet',
  feet: 'feet',
  pound: 'pounds',
  pounds: 'pounds',
  kilometer: 'kilometers',
  kilometers: 'kilometers',
  meter: 'meters',
  meters: 'meters',
  megawatt: 'megawatts',
  megawatts: 'megawatts',
  gigawatt: 'gigawatts',
  gigawatts: 'gigawatts',
  mw: 'megawatts',
  gw: 'gigawatts',
  kw: 'kilowatts',
  // Frequencies: "the 7.125-7.4 GHz band" is a range of spectrum, never a model number.
  hz: 'hertz',
  khz: 'kHz',
  mhz: 'MHz',
  ghz: 'GHz',
  megahertz: 'megahertz',
  gigahertz: 'gigahertz',
  kilowatts: 'kilowatts',
  inch: 'inches',
  inches: 'inches',
  liters: 'liters',
  dollar: '$',
  dollars: '$',
  times: '×',
  points: 'points',
  degrees: 'degrees',
});

/** Words that end a noun phrase or cannot stand for what a figure counts. */
export const FUNCTION_WORDS = new Set(
  (
    'the a an and or but nor to from by with that which who whom were was is are be been being have has had ' +
    'will would should could can may might must shall since in for at on as than per each across into over ' +
    'under during through this these those their its our his her they them we it he she you i last next while ' +
    'when where because if so such including within without between among about after before until up down ' +
    'out off more most less also not no all both do does did today yesterday nearly almost approximately ' +
    'roughly around some of just only even ever every now then there here what how why against toward towards ' +
    'via like unlike whether yet already still again once despite additionally however furthermore moreover ' +
    'meanwhile together overall currently plus'
  ).split(' '),
);
