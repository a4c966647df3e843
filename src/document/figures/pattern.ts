// The one pattern that finds candidate figures in a sentence, built from named pieces. Every piece is a
// bounded alternation or a single quantifier over one character class, so matching stays linear.
import { MONTHS, QUALIFIERS } from './vocabulary.js';

/** The pattern's named groups: written and read only by these names, so a misspelt one does not compile. */
export const FIGURE_GROUPS = [
  'qualifier',
  'twice',
  'multiplier',
  'fold',
  'fraction',
  'quarter',
  'quarterScale',
  'half',
  'halfScale',
  'vague',
  'ratioA',
  'ratioB',
  'article',
  'articleWord',
  'currency',
  'num',
  'word',
  'dozen',
  'andHalf',
  'pct1',
  'range',
  'max',
  'maxWord',
  'scale',
  'percent',
  'cents',
  'hyphenUnit',
] as const;

export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** What each named group of a match captured; a group that took no part is absent. */
export type Groups = Readonly<Partial<Record<FigureGroup, string>>>;

/** A match's named groups, by their typed names. */
export function figureGroups(match: RegExpExecArray): Groups {
  return match.groups ?? {};
}

const named = (group: FigureGroup, body: string) => `(?<${group}>${body})`;
const either = (...pieces: string[]) => `(?:${pieces.join('|')})`;

/** "120,000", "1.4", "40+" (as in "$40+ trillion"). */
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\+?`;
const SPELLED_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SPELLED_ONES = 'one|two|three|four|five|six|seven|eight|nine';
const SPELLED_TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
/** "seven", "twenty-five". */
const WORD_NUM = String.raw`(?:(?:${SPELLED_TENS})(?:-(?:${SPELLED_ONES}))?|${SPELLED_ONES}|${SPELLED_TEENS})`;
const FRACTION_PARTS = 'half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|tenth|tenths';
const SPACED_PARTS = 'third|thirds|quarter|quarters|fifth|fifths|tenth|tenths';
/** "one-third", "two-thirds"; spaced only before "of" ("a third of", "two thirds of"; not "a third round"). */
const HYPHENED_FRACTION = String.raw`(?:one|two|three|four|nine)-(?:${FRACTION_PARTS})`;
const SPACED_FRACTION = String.raw`(?:an?|one|two|three|four|nine)\s+(?:${SPACED_PARTS})(?=\s+of\b)`;
const FRACTION = `${HYPHENED_FRACTION}|${SPACED_FRACTION}`;
const LARGE_PLURALS = 'thousands|millions|billions';
/** Amounts with no number: "thousands", "hundreds of millions". */
const VAGUE = String.raw`(?:(?:tens|hundreds)\s+of\s+(?:${LARGE_PLURALS})|dozens|hundreds|${LARGE_PLURALS}|trillions)`;
const MULTIPLIER = 'double|doubled|doubling|triple|tripled|tripling|quadruple|quadrupled|quadrupling';
const QUALIFIER = QUALIFIERS.map((q) => q.replace(/ /g, String.raw`\s+`)).join('|');
const SCALE_WORDS = 'thousand|million|billion|trillion';
/** " million", "M", "million" written on to the digits ("$22.5million") or hyphened to them ("$600-billion"). */
const SCALE = String.raw`(?:(?:\s*|-)(?:${SCALE_WORDS})\b|[KMB]\b)`;
const PERCENT = String.raw`(?:\s*%|\s+percent(?:age\s+points?)?\b|-percent\b)`;
/** The smaller side of "1 in 4", "four out of five": never a year, never an amount with a scale. */
const RATIO_BASE = String.raw`(?:[2-9]|[1-9]\d{1,2}|${WORD_NUM})\b(?!\s*(?:%|percent|thousand|million|billion|,\d))`;
/** "between 38 and 79", "between the ages of 6 and 17": "and" joins a range only after "between". */
const BETWEEN_AND = String.raw`\s+and\s+(?<=\bbetween\s+(?:the\s+ages\s+of\s+)?\$?${NUM}\s*%?\s+and\s+)`;
/** "two to three" (million, times): a spelled range joins with "to" only, as "twenty-five" holds a hyphen. */
const SPELLED_MAX = String.raw`\s+to\s+${named('maxWord', WORD_NUM)}\b`;
const RANGE = named(
  'range',
  either(String.raw`(?:\s*[-–]\s*|\s+to\s+|${BETWEEN_AND})\$?${named('max', NUM)}`, SPELLED_MAX),
);

const START = String.raw`(?:(?<![\w$.,:/#@~\\-])|(?<=[A-Za-z])(?=\$))`;
const HEDGE = String.raw`(?:${named('qualifier', QUALIFIER)}\s+)?`;

/** "a dozen", "a decade", "a dollar", and "a" before a scale ("a million"). */
const ARTICLE_WORDS = 'dozen|century|decade|year|month|week|day|hour|dollar|inch|mile';
const ARTICLE_BEFORE_SCALE = String.raw`(?=\s+(?:${SCALE_WORDS})\b)`;
const ARTICLE_WORD = String.raw`\s+${named('articleWord', ARTICLE_WORDS)}\b`;
const ARTICLE = `${named('article', 'an?')}${either(ARTICLE_WORD, ARTICLE_BEFORE_SCALE)}`;
/** A number in digits or words, with its currency, "dozen", and a "%" that opens a range ("5%-10%"). */
const SPELLED_AMOUNT = String.raw`${named('word', `${WORD_NUM}|zero`)}(?:\s+${named('dozen', 'dozen')}\b)?\b`;
const PERCENT_BEFORE_RANGE = String.raw`\s*%(?=\s*(?:-|–|to\s))`;
const CURRENCY = named('currency', String.raw`\$\s?`);
/** "four and a half months", "2 and a half years". */
const AND_A_HALF = named('andHalf', String.raw`\s+and\s+a\s+half\b`);
const AMOUNT = `${CURRENCY}?${either(named('num', NUM), SPELLED_AMOUNT)}${AND_A_HALF}?${named('pct1', PERCENT_BEFORE_RANGE)}?`;

/** After "half" or "quarter": " a billion", " of a million", "-a-billion", "-billion". */
const scaleOfPart = (name: FigureGroup) =>
  String.raw`(?:\s+of)?(?:[\s-]+an?)?[\s-]+${named(name, 'million|billion|trillion')}`;
const HALF_OF_SCALE = scaleOfPart('halfScale');

const ALTERNATIVES = [
  String.raw`${named('twice', 'twice')}\b`,
  String.raw`${named('multiplier', MULTIPLIER)}\b`,
  // "twofold", "tenfold", "3-fold", "two-fold": how many times over.
  String.raw`${named('fold', String.raw`\d{1,3}|${WORD_NUM}`)}-?fold\b`,
  // "a quarter-million", "a quarter of a billion": a quarter of a scale is one amount, not a share of one.
  String.raw`(?:an?\s+)?${named('quarter', 'quarter')}${scaleOfPart('quarterScale')}\b`,
  String.raw`${named('fraction', FRACTION)}\b`,
  // "half a billion", "half of a million", "half-a-billion", "a half-billion".
  String.raw`${named('half', 'half')}(?:${HALF_OF_SCALE})?\b`,
  String.raw`${named('vague', VAGUE)}\b`,
  String.raw`${named('ratioA', String.raw`\d{1,3}|${WORD_NUM}`)}\s+(?:in|out\s+of)\s+${named('ratioB', RATIO_BASE)}`,
  ARTICLE,
  AMOUNT,
];

/** Unit words and hyphenated words that may follow a number: "12-month", "three-part". */
const AFTER = [
  `${RANGE}?`,
  `${named('scale', SCALE)}?`,
  `${named('percent', PERCENT)}?`,
  // "40 cents", and "an 18 cent tax", "a 24.4-cent tax": a measure in cents before what it measures.
  `${named('cents', String.raw`(?:\s+|-)cents?\b`)}?`,
  `${named('hyphenUnit', String.raw`-[a-z]+\b`)}?`,
].join('');

export const FIGURE = new RegExp(`${START}${HEDGE}${either(...ALTERNATIVES)}${AFTER}`, 'gi');

export const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\s*$`);
export const MONTH_AFTER = new RegExp(String.raw`^\s+(?:${MONTHS})\b`);

const SPELLED = `zero|${SPELLED_ONES}|${SPELLED_TEENS}|${SPELLED_TENS}`;
const AMOUNT_WORDS = `dozens|hundreds|${LARGE_PLURALS}|trillions|tens|million|billion|trillion|thousand`;
/** A cheap test first: most sentences state no amount at all. */
export const MAY_HOLD_FIGURE = new RegExp(
  String.raw`\d|fold\b|\b(?:twice|half|dozen|century|decade|${SPACED_PARTS}|${MULTIPLIER}|${SPELLED}|${AMOUNT_WORDS})\b`,
  'i',
);
