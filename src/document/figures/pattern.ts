// The one pattern that finds candidate figures in a sentence, built from named pieces. Every piece is a
// bounded alternation or a single quantifier over one character class, so matching stays linear.
import { MONTHS, QUALIFIERS } from './vocabulary.js';

/** "120,000", "1.4", "40+" (as in "$40+ trillion"). */
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\+?`;
const SPELLED_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SPELLED_ONES = 'one|two|three|four|five|six|seven|eight|nine';
const SPELLED_TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
/** "seven", "twenty-five". */
const WORD_NUM = String.raw`(?:(?:${SPELLED_TENS})(?:-(?:${SPELLED_ONES}))?|${SPELLED_ONES}|${SPELLED_TEENS})`;
/** "one-third", "two-thirds". */
const FRACTION = String.raw`(?:one|two|three|four|nine)-(?:half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|tenth|tenths)`;
/** Amounts with no number: "thousands", "hundreds of millions". */
const VAGUE = String.raw`(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions|trillions)`;
const MULTIPLIER = 'double|doubled|doubling|triple|tripled|tripling|quadruple|quadrupled|quadrupling';
const QUALIFIER = QUALIFIERS.map((q) => q.replace(/ /g, String.raw`\s+`)).join('|');
const SCALE = String.raw`(?:\s+(?:thousand|million|billion|trillion)\b|[KMB]\b)`;
const PERCENT = String.raw`(?:\s*%|\s+percent(?:age\s+points?)?\b|-percent\b)`;
/** The smaller side of "1 in 4", "four out of five": never a year, never an amount with a scale. */
const RATIO_BASE = String.raw`(?:[2-9]|[1-9]\d{1,2}|${WORD_NUM})\b(?!\s*(?:%|percent|thousand|million|billion|,\d))`;
/** "between 38 and 79": "and" joins a range only after "between". */
const BETWEEN_AND = String.raw`\s+and\s+(?<=\bbetween\s+\$?${NUM}\s*%?\s+and\s+)`;
const RANGE = String.raw`(?<range>(?:\s*[-–]\s*|\s+to\s+|${BETWEEN_AND})\$?(?<max>${NUM}))`;

const START = String.raw`(?:(?<![\w$.,:/#@~\\-])|(?<=[A-Za-z])(?=\$))`;
const HEDGE = String.raw`(?:(?<qualifier>${QUALIFIER})\s+)?`;

const ALTERNATIVES = [
  String.raw`(?<twice>twice)\b`,
  String.raw`(?<multiplier>${MULTIPLIER})\b`,
  // "twofold", "tenfold", "3-fold", "two-fold": how many times over.
  String.raw`(?<fold>\d{1,3}|${WORD_NUM})-?fold\b`,
  String.raw`(?<fraction>${FRACTION})\b`,
  String.raw`(?<half>half)(?:\s+(?:of\s+)?an?\s+(?<halfScale>million|billion|trillion))?\b`,
  String.raw`(?<vague>${VAGUE})\b`,
  String.raw`(?<ratioA>\d{1,3}|${WORD_NUM})\s+(?:in|out\s+of)\s+(?<ratioB>${RATIO_BASE})`,
  String.raw`(?<article>an?)(?:\s+(?<articleWord>dozen|century|decade|year|month|week|day|hour|dollar|inch|mile)\b|(?=\s+(?:thousand|million|billion|trillion)\b))`,
  String.raw`(?<currency>\$\s?)?(?:(?<num>${NUM})|(?<word>${WORD_NUM})(?:\s+(?<dozen>dozen)\b)?\b)(?<pct1>\s*%(?=\s*(?:-|–|to\s)))?`,
];

/** Unit words and hyphenated words that may follow a number: "12-month", "three-part". */
const AFTER = String.raw`${RANGE}?(?<scale>${SCALE})?(?<percent>${PERCENT})?(?<cents>\s+cents\b)?(?<hyphenUnit>-[a-z]+\b)?`;

export const FIGURE = new RegExp(`${START}${HEDGE}(?:${ALTERNATIVES.join('|')})${AFTER}`, 'gi');

export const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\s*$`);
export const MONTH_AFTER = new RegExp(String.raw`^\s+(?:${MONTHS})\b`);

/** A cheap test first: most sentences state no amount at all. */
export const MAY_HOLD_FIGURE = new RegExp(
  String.raw`\d|fold\b|\b(?:twice|half|dozen|century|decade|${MULTIPLIER}|${SPELLED_ONES}|${SPELLED_TEENS}|${SPELLED_TENS}|dozens|hundreds|thousands|millions|billions|trillions|tens|million|billion|trillion|thousand)\b`,
  'i',
);
