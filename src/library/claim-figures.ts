// Reading a claim as /check does: its figures (found by the recognizer that reads the documents), each with
// the words about it: the words around it (what the claim speaks of), its own words (what it is about, when
// the sentence has several figures), and what the words right after it say it counts.
import { findFigures } from '../document/figures.js';
import { FRACTIONS, SMALL_NUMBERS, UNITS } from '../document/figures/vocabulary.js';
import { splitSentences } from '../document/sentences.js';
import type { FoundFigure, Span } from '../document/types.js';
import { changeDirection, withoutFraming } from './claim-words.js';
import { kindOf, periodOf } from './same-figure.js';
import { terms } from './search.js';

/** How many words either side of a figure say what it is about (a long message speaks of many things). */
const CONTEXT_WORDS = 14;
/** How many words next to a figure say what it is about when it shares its sentence with others. */
const OWN_WORDS = 8;

export interface ClaimFigure extends FoundFigure {
  /** As the claim writes it. */
  text: string;
  /** The words of the claim around the figure: what the claim is about. */
  words: string;
  /** The words that say what this figure is about (all of them when the sentence has one figure). */
  own: string;
  /** What it counts, when the words right after it say so ("210,000 new jobs"); its unit word left out. */
  counted: string;
  /** What it counts with what that is of or on ("tariff on U.S. steel"): what "a different figure" must be about. */
  thing: string;
  /** The words that name whose figure it is: its clause up to it when the sentence has several figures. */
  whose: string;
  /** What a change counting nothing after it says changed ("price of eggs" in "The price of eggs rose 40%"). */
  changed: string;
  /** The other end of the change or comparison the figure is one end of: "3.8%" of "a 5% tax instead of 3.8%". */
  otherEnd: ClaimFigure | null;
}

/** The claim's figures, line by line and sentence by sentence, each with the words about it. */
export function claimFigures(written: string): ClaimFigure[] {
  // Read without its chat framing ("Did you know", "lol", emoji) and tildes; shown as written.
  const claim = withoutFraming(written).replace(TILDE, ' ');
  const out: ClaimFigure[] = [];
  for (const line of lineSpans(claim)) {
    for (const [start, end] of splitSentences(claim, line[0], line[1])) {
      const figures = withClaimReadings(claim, findFigures(claim, start, end), start, end);
      const words = blankFigures(claim, figures, start, end);
      // The words before the first figure (the subject) speak of every figure of the sentence.
      const lead = lastWords(claim.slice(start, figures[0]?.span[0] ?? end), CONTEXT_WORDS);
      const [first, laterEnds] = [out.length, [] as boolean[]];
      figures.forEach((found, i) => {
        const figure = withTilde(written, found);
        // "86 of the 100 grants": 86 is about what the whole it is a part of is about.
        const ownOf = (at: number) => ownWords(claim, figures, at, [start, end]);
        // "from $1,449 down to $217", "5% instead of 3.8%": the second end of a change or comparison is about what
        // the first is.
        const laterEnd = secondEnd(claim, figures, i) || comparedWith(claim, figures, i);
        laterEnds.push(laterEnd);
        const joined = [partOf(claim, figures, i) ? ownOf(i + 1) : '', laterEnd ? ownOf(i - 1) : ''];
        // Whose figure it is and what changed are said before the first end ("fee drops to 0.55% from 0.85%").
        const before = clauseBefore(claim, figures, laterEnd ? i - 1 : i, start);
        const own = figures.length === 1 ? words : [ownOf(i), ...joined].join(' ');
        const counted = countedAfter(claim, figure) || purposeAfter(claim, figure);
        out.push({
          ...figure,
          text: written.slice(...figure.span),
          words:
            figures.length === 1 ? around(words, figure.span[0] - start, figure.span[1] - start) : `${lead} ${own}`,
          own,
          counted,
          thing: thingAfter(claim, figure),
          whose: figures.length === 1 ? words : before,
          changed: counted ? '' : changedThing(before),
          otherEnd: null,
        });
      });
      pairEnds(out.slice(first), laterEnds);
    }
  }
  return out;
}

/** Each later end of a change or comparison and the figure before it, made each other's other end. */
function pairEnds(figures: ClaimFigure[], laterEnds: boolean[]): void {
  laterEnds.forEach((later, i) => {
    if (!later) return;
    const [first, second] = [figures[i - 1]!, figures[i]!];
    [first.otherEnd, second.otherEnd] = [
      { ...second, otherEnd: null },
      { ...first, otherEnd: null },
    ];
  });
}

/** What stands between a part and the whole it is counted of: "86 of the 100 grants", "3 of these 5". */
const PART_OF = /^\s+of\s+(?:the|these|those|its|their)?\s*$/iu;

/**
 * Whether figure i names a part of the figure after it ("86 of the 100 grants"): it counts nothing itself, and
 * only "of the" stands between them. The words after the whole say what the part is about, in claims and
 * statements alike.
 */
export function partOf(text: string, figures: readonly Pick<FoundFigure, 'span' | 'counts'>[], i: number): boolean {
  const [figure, next] = [figures[i]!, figures[i + 1]];
  return next !== undefined && figure.counts === null && PART_OF.test(text.slice(figure.span[1], next.span[0]));
}

/** What stands between the two ends of a change: "from $1,449 to $217", "from 10% down to 5%". */
const TO_END = /^\s+(?:(?:down|up)\s+)?to\s+$/iu;

/** Whether figure i is the second end of a change written "from X to Y", which a statement reads as one figure. */
export function secondEnd(text: string, figures: readonly Pick<FoundFigure, 'span'>[], i: number): boolean {
  const first = figures[i - 1];
  return (
    first !== undefined &&
    TO_END.test(text.slice(first.span[1], figures[i]!.span[0])) &&
    /\bfrom\s+$/iu.test(text.slice(0, first.span[0]))
  );
}

/** What stands before the figure a claim compares the one before with: "to 0.55% from 0.85%", "30%, instead of half". */
const COMPARED_WITH = /(?:\binstead\s+of|\brather\s+than|\bfrom)\s+$/iu;

/**
 * Whether figure i is what the figure before it is compared with, the old value or the one not chosen ("a 5% tax
 * instead of 3.8%", "drops to 0.55% from 0.85%"): a figure of the same kind in the same clause.
 */
function comparedWith(text: string, figures: readonly FoundFigure[], i: number): boolean {
  const [before, figure] = [figures[i - 1], figures[i]!];
  if (before === undefined || kindOf(before.unit) !== kindOf(figure.unit)) return false;
  const between = text.slice(before.span[1], figure.span[0]);
  return COMPARED_WITH.test(between) && !/[;.]/u.test(between);
}

/** "~" for "about" before an amount ("~$1.5B", "~30%"), which the recognizer of documents reads as no figure. */
const TILDE = /~(?=\s?\$?\d)/gu;

/** A figure written after a tilde, read with it as its qualifier: "~" rounds as "about" does. */
function withTilde(written: string, figure: FoundFigure): FoundFigure {
  const at = written.lastIndexOf('~', figure.span[0]);
  if (at < 0 || figure.qualifier !== null || written.slice(at + 1, figure.span[0]).trim() !== '') return figure;
  return { ...figure, span: [at, figure.span[1]], qualifier: '~' };
}

/** Unit abbreviations people write in chat that fact sheets spell out. */
const SHORT_UNITS: Record<string, string> = {
  km: 'kilometers',
  kms: 'kilometers',
  kilometre: 'kilometers',
  kilometres: 'kilometers',
  mi: 'miles',
  metres: 'meters',
  metre: 'meters',
  ft: 'feet',
  lbs: 'pounds',
  lb: 'pounds',
  yrs: 'years',
  yr: 'years',
  mos: 'months',
  hrs: 'hours',
  pct: '%',
};
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "fourfold", "3-fold", "3x", "2.5×": a multiple the recognizer of documents does not read. */
const MULTIPLE = /\b(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?:-?fold\b|\s?[x×](?![\p{L}\d]))/giu;

/** The unit a word names, spelled out or abbreviated. */
const unitNamed = (word: string) => UNITS[word.toLowerCase()] ?? SHORT_UNITS[word.toLowerCase()];

/** A number and an abbreviated unit the recognizer left out ("100 km long"). */
const ABBREVIATED = new RegExp(
  String.raw`\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(${Object.keys(SHORT_UNITS).join('|')})\b`,
  'gi',
);

/**
 * The recognizer's figures with what claims write and documents do not: a unit abbreviated ("100 km") and a
 * multiple ("fourfold", "3x"), read as "×" like "triple".
 */
function withClaimReadings(claim: string, figures: FoundFigure[], start: number, end: number): FoundFigure[] {
  const read = figures.map((found) => {
    const figure = withScaleWord(found, claim.slice(found.span[1], end));
    const after = claim.slice(figure.span[1], end);
    const word = /^\s*([A-Za-z]+)\b/.exec(after);
    const unit = figure.unit === null && word ? SHORT_UNITS[word[1]!.toLowerCase()] : undefined;
    const period = figure.timeframe === null ? ratePeriod(after) : null;
    // "per annum" is the rate's period, not what is counted.
    const periodWords = period && figure.counts && RATE_PERIOD.exec(after)![0].includes(figure.counts);
    const counts = periodWords ? null : figure.counts;
    return { ...figure, counts, unit: unit ?? figure.unit, timeframe: period ?? figure.timeframe };
  });
  const add = (match: RegExpMatchArray, value: number, unit: string | null) => {
    const span: Span = [start + match.index!, start + match.index! + match[0].length];
    if (read.some((f) => f.span[0] < span[1] && span[0] < f.span[1])) return;
    read.push({ span, value, valueMax: null, unit, qualifier: null, counts: null, timeframe: null });
  };
  const text = claim.slice(start, end);
  for (const match of text.matchAll(MULTIPLE)) {
    const number = match[1]!.toLowerCase();
    add(match, /\d/.test(number) ? Number(number) : NUMBER_WORDS.indexOf(number) + 2, '×');
  }
  for (const match of text.matchAll(ABBREVIATED))
    add(match, Number(match[1]!.replace(/,/g, '')), SHORT_UNITS[match[2]!.toLowerCase()]!);
  for (const match of text.matchAll(GLUED_SCALE)) {
    const [, dollar, number, scale] = match;
    add(match, Number(number) * SHORT_SCALES[scale!.toLowerCase()]!, dollar ? '$' : null);
  }
  const sorted = withWordFractions(read, text, start).sort((a, b) => a.span[0] - b.span[0]);
  return sorted.map((figure, i) => withOwnPeriod(claim, figure, sorted[i + 1], end));
}

/**
 * A rate's period belongs to the figure it follows: in "with a $500,000 mortgage will save $1,500 a month" the
 * month is $1,500's, not the mortgage's. A figure whose period is written after the next figure has none.
 */
function withOwnPeriod(claim: string, figure: FoundFigure, next: FoundFigure | undefined, end: number): FoundFigure {
  if (!next || !figure.timeframe || periodOf(figure) === null) return figure;
  const at = claim.slice(figure.span[1], end).indexOf(figure.timeframe);
  return at >= 0 && figure.span[1] + at >= next.span[1] ? { ...figure, timeframe: null } : figure;
}

/** A short scale written onto its number, as chat does: "$1.2bn", "3mn". */
const GLUED_SCALE = /(?<![\w.])(\$)?(\d+(?:\.\d+)?)(bn|mn|mln|tn|trn)\b/gi;
/**
 * A fraction in words without the hyphen documents write ("two thirds", "a third", "three quarters"), or "half";
 * not quarters of a year ("the first three quarters of 2021"), nor a change ("fell by half"), which is no share of
 * a whole that a statement gives.
 */
const WORD_FRACTION = new RegExp(
  [
    String.raw`\b(?:(${Object.keys(SMALL_NUMBERS).join('|')})[\s-]+(${Object.keys(FRACTIONS).join('|')})`,
    String.raw`|(?<!\bby\s+)(half))\b(?!\s+of\s+(?:19|20)\d\d)`,
  ].join(''),
  'gi',
);
/** Rounded as the recognizer of documents rounds its fractions, so that "two thirds" equals "two-thirds". */
const fraction = (numerator: number, denominator: number) => Math.round((numerator / denominator) * 1e6) / 1e6;

/**
 * Fractions written in words: each replaces the figures it covers ("two" of "two thirds", read as a count of
 * thirds), unless the recognizer read it whole ("half a million", "two-thirds").
 */
function withWordFractions(read: FoundFigure[], text: string, start: number): FoundFigure[] {
  let out = read;
  for (const match of text.matchAll(WORD_FRACTION)) {
    const span: Span = [start + match.index, start + match.index + match[0].length];
    const covered = out.filter((f) => f.span[0] < span[1] && span[0] < f.span[1]);
    if (covered.some((f) => f.unit === 'fraction' || f.span[1] > span[1] || f.span[0] < span[0])) continue;
    const numerator = match[3] ? 1 : SMALL_NUMBERS[match[1]!.toLowerCase()]!;
    const denominator = match[3] ? 2 : FRACTIONS[match[2]!.toLowerCase()]!;
    const value = fraction(numerator, denominator);
    out = [...out.filter((f) => !covered.includes(f)), { ...NO_FIGURE, span, value, unit: 'fraction' }];
  }
  return out;
}

const NO_FIGURE = { valueMax: null, qualifier: null, counts: null, timeframe: null } as const;

/** Scale words as news and chat write them short ("$1.2 bn", "3 mln"): the documents spell them out. */
const SHORT_SCALES: Record<string, number> = { bn: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12 };

/** A figure with the short scale word after it taken in: "$1.2 bn" is $1.2 billion, not $1.2. */
function withScaleWord(figure: FoundFigure, after: string): FoundFigure {
  const match = /^\s?([a-z]+)\b/i.exec(after);
  const scale = match && figure.value !== null ? SHORT_SCALES[match[1]!.toLowerCase()] : undefined;
  if (!scale) return figure;
  const valueMax = figure.valueMax === null ? null : figure.valueMax * scale;
  const span: Span = [figure.span[0], figure.span[1] + match![0].length];
  return { ...figure, value: figure.value! * scale, valueMax, span };
}

/** Periods as chat writes them short, and the period each stands for. */
const SHORT_PERIODS: Record<string, string> = { wk: 'week', mo: 'month', yr: 'year', hr: 'hour', annum: 'year' };
/** A rate's period written right after its amount: "/week", "/mo", "weekly", "per annum". */
const RATE_PERIOD = /^\s*(?:\/\s*([a-z]+)|(week|month|year|dai|hour)ly\b|per\s+(annum)\b)/i;
const PERIODS = new Set(['year', 'month', 'week', 'day', 'hour']);

/**
 * The period of a rate the recognizer of documents leaves unread ("$35/week", "$35 weekly", "$500,000 per
 * annum"), written as it reads periods ("per week"), so that the rate is compared with its period.
 */
function ratePeriod(after: string): string | null {
  const match = RATE_PERIOD.exec(after);
  if (!match) return null;
  const written = (match[1] ?? match[2] ?? match[3]!).toLowerCase().replace(/s$/, '');
  const period = written === 'dai' ? 'day' : (SHORT_PERIODS[written] ?? written);
  return PERIODS.has(period) ? `per ${period}` : null;
}

/** Chat messages break lines without ending sentences: each line is read on its own. */
function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/**
 * What one of several figures is about: what it counts, and the words between it and its neighbours, those
 * before it from the last clause break on ("… coal plants and Fannie Mae bought $300 billion": "Fannie Mae
 * bought").
 */
/** The words of figure i's clause before it: since the figure before, from the last "and", "but" or comma. */
function clauseBefore(claim: string, figures: FoundFigure[], i: number, start: number): string {
  return claim
    .slice(figures[i - 1]?.span[1] ?? start, figures[i]!.span[0])
    .split(/[,;:]|\s(?:and|or|but|while|whereas)\s/i)
    .at(-1)!;
}

/**
 * What a clause up to a figure says changed: the words between its last verb of change and the figure ("cut
 * Amtrak funding by"), or when none stand there, the words before that verb ("Veteran suicides fell"). Empty
 * when the clause has no verb of change.
 */
function changedThing(before: string): string {
  const words = before.split(/\s+/).filter(Boolean);
  // "up" alone names no change ("makes up 30 percent"), as in changeDirection.
  const changes = words.map((word) => changeDirection(terms(word, { remember: false })) !== 0);
  const verb = changes.lastIndexOf(true);
  if (verb < 0) return '';
  const after = words.slice(verb + 1).join(' ');
  return terms(after, { remember: false }).length > 0 ? after : words.slice(0, verb).join(' ');
}

function ownWords(claim: string, figures: FoundFigure[], i: number, [start, end]: Span): string {
  const figure = figures[i]!;
  const before = clauseBefore(claim, figures, i, start);
  const after = claim.slice(figure.span[1], figures[i + 1]?.span[0] ?? end);
  return `${figure.counts ?? ''} ${lastWords(before)} ${firstWords(after)}`;
}

/**
 * What the figure counts when the recognizer read it after the figure, without unit words: "new companies"
 * in "210,000 new companies", "water" in "75,000 gallons of water", "steel" in "100 metric tons of steel". A
 * label from before the figure names the clause's subject, not what is counted, and is left out; so are names
 * (whose figure it is is checked apart: "$1 trillion more in America") and "worth" ("$200 billion worth of
 * projects").
 */
function countedAfter(claim: string, figure: FoundFigure): string {
  const after = claim.slice(figure.span[1], figure.span[1] + 200);
  if (!figure.counts || !after.includes(figure.counts)) return '';
  // "jobs annually": the period is compared apart, with the rate (same-figure.ts), not as what is counted.
  const period = new Set(terms(figure.timeframe ?? '', { remember: false }));
  // "a 5% Medicare tax instead of 3.8%": what is counted ends where the comparison begins.
  const words = figure.counts.split(/\s+/);
  const compared = words.findIndex((word) => /^(?:instead|rather)$/iu.test(word));
  if (compared >= 0) words.length = compared;
  // The words up to the unit word qualify the unit ("metric tons", "square miles").
  const unitAt = words.map((word) => unitNamed(word) !== undefined).lastIndexOf(true);
  return words
    .slice(unitAt + 1)
    .filter((word) => !/^(?:\p{Lu}|worth$)/u.test(word))
    .filter((word) => !terms(word, { remember: false }).some((stem) => period.has(stem)))
    .join(' ');
}

/** What money is for, right after it: "$7 million on new weather satellites", "$2 billion for rural broadband". */
const PURPOSE =
  /^\s*(?:on|for|into|toward|towards)\s+((?:the\s+|a\s+|an\s+)?[\p{Ll}\p{N}'’-]+(?:\s+[\p{Ll}\p{N}'’-]+){0,2})/u;

/**
 * For an amount of money that names nothing it counts, what the claim says it is spent on: a statement giving the
 * same sum for another purpose ("$7 million … to improve weather forecasts") does not state it. Names are left
 * to whose figure it is; the words stop at the first one.
 */
function purposeAfter(claim: string, figure: FoundFigure): string {
  if (figure.unit !== '$' || figure.counts) return '';
  return PURPOSE.exec(claim.slice(figure.span[1], figure.span[1] + 120))?.[1] ?? '';
}

/** The words of the phrase after what is counted that says what it is of or on ("on U.S. steel"). */
const COMPLEMENT = /^[\s,]*(?:on|of|for|against)\s+((?:the\s+)?[\p{L}\p{N}.'’-]+(?:\s+[\p{L}\p{N}.'’-]+){0,2})/iu;

/**
 * What the figure counts and what that is of or on: "tariff" and "steel" in "a 25% tariff on U.S. steel", names
 * aside (whose it is is checked apart). A 10% tariff on dairy is no different figure for it.
 */
function thingAfter(claim: string, figure: FoundFigure): string {
  const counted = countedAfter(claim, figure);
  if (!counted) return '';
  const after = claim.slice(figure.span[1]);
  const rest = after.slice(after.indexOf(figure.counts!) + figure.counts!.length);
  const complement = COMPLEMENT.exec(rest)?.[1] ?? '';
  const named = complement.split(/\s+/).filter((word) => !/^\p{Lu}/u.test(word));
  return [counted, ...named].join(' ');
}

/**
 * The sentence with every figure blanked (same length), and the unit word after it ("22,000 miles"): only
 * the words of what is counted are left to match, the amount and its unit are compared apart.
 */
function blankFigures(claim: string, figures: FoundFigure[], start: number, end: number): string {
  let text = claim.slice(start, end);
  const blank = (from: number, to: number) => (text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to));
  for (const { span, unit } of figures) {
    blank(span[0] - start, span[1] - start);
    const unitWord = unit ? unitWordAfter(text, span[1] - start, unit) : null;
    if (unitWord) blank(...unitWord);
  }
  return text;
}

/** Where the word naming `unit` stands, first or second after `at` ("8 consecutive weeks"), if it does. */
function unitWordAfter(text: string, at: number, unit: string): [number, number] | null {
  const pattern = /[A-Za-z]+/g;
  pattern.lastIndex = at;
  for (let n = 0, word = pattern.exec(text); word && n < 2; n++, word = pattern.exec(text))
    if (unitNamed(word[0]) === unit) return [word.index, word.index + word[0].length];
  return null;
}

/** Up to CONTEXT_WORDS words either side of [from, to). */
function around(text: string, from: number, to: number): string {
  return [
    ...lastWords(text.slice(0, from), CONTEXT_WORDS).split(' '),
    ...firstWords(text.slice(to), CONTEXT_WORDS).split(' '),
  ]
    .filter(Boolean)
    .join(' ');
}

export const firstWords = (text: string, count = OWN_WORDS) =>
  text.split(/\s+/).filter(Boolean).slice(0, count).join(' ');
export const lastWords = (text: string, count = OWN_WORDS) => text.split(/\s+/).filter(Boolean).slice(-count).join(' ');
/**
 * The words up to the first comma, semicolon, dash or contrasting conjunction: "$1,500, and an average of $750"
 * keeps "average" to $750; "8% while the U.S. average tariff was 3.3%" keeps "U.S. average tariff" to 3.3%.
 */
export const clause = (text: string) =>
  withAsides(text).split(/[,;:—–]|\s-\s|\s(?:while|whereas|but|compared\s+(?:to|with))\s/i)[0]!;

/** An aside between two dashes, its commas aside too. */
const ASIDE = /\s(?:[—–]|-)\s([^—–]*?)\s(?:[—–]|-)\s/gu;
/**
 * The text with each aside between a pair of dashes read as part of its clause: "$2.1 billion for better
 * transportation – roads, bridges, and roadway safety – as well as …" is $2.1 billion for roads and bridges. A
 * lone dash still ends the clause.
 */
const withAsides = (text: string) => text.replace(ASIDE, (_, aside: string) => ` ${aside.replace(/[,;:]/g, ' ')} `);
