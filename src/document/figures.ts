// Finds the figures a sentence states ("more than 120,000", "75%", "$1.4 billion", "1 in 4", "thousands")
// with what they count and their time frame. Hand-written over a small grammar rather than compromise: it is
// measured against hand-annotated fact sheets (npm run eval) and runs far faster (npm run bench:figures).
// The pieces live in ./figures/: the pattern, the values, what is not a figure, labels and time frames.
import { isNotAFigure, isPartOfAList } from './figures/filters.js';
import {
  afterList,
  agedNoun,
  agedPlural,
  beforeAgreeingVerb,
  changedThing,
  complementOf,
  countedPhrase,
  fundedName,
  fundedThing,
  hedgedNoun,
  isDeadline,
  lastedSubject,
  measuredSubject,
  movedSubject,
  LABEL_WINDOW,
  namedBefore,
  perThing,
  flowOf,
  subjectOf,
} from './figures/labels.js';
import { FIGURE, figureGroups, MAY_HOLD_FIGURE, type Groups } from './figures/pattern.js';
import { timeframeFor, timeframesOf, type Timeframes } from './figures/timeframe.js';
import { parseValue, type Value } from './figures/value.js';
import { NEGATED_COMPARISONS, UNITS } from './figures/vocabulary.js';
import type { FoundFigure } from './types.js';

export type { FoundFigure };

/** How much text either side of a number the rules read. */
const WINDOW = 80;

/**
 * Link targets, HTML tags and bare URLs keep their length but lose their digits ("2023/11/06", "width: 50%");
 * emphasis marks become spaces, so "[**1** in 4 Americans](…)" reads as the ratio it is. Offsets never move.
 */
const tildes = (text: string) => text.replace(/[^\s]/g, '~');
const EMPHASIS_TAG = /^<\/?(?:u|b|i|em|strong)>$/i;
const blank = (text: string) => ' '.repeat(text.length);

function maskLinks(raw: string): string {
  const masked = /\]\(|<|:\/\/|="/.test(raw)
    ? raw
        .replace(/\]\([^)\s]*\)|https?:\/\/\S+/g, tildes)
        // An attribute of a tag wrapped over several lines ("width=\"1427\" height=\"1087\" />"): a size, no figure.
        .replace(/\b[a-z][\w-]*="[^"\n]*"/g, tildes)
        // An emphasis tag is markup like "**" ("<u>Tripled</u>" reads as "Tripled"), unless opened right after a
        // word, which it ends as a suffix does. Other tags (a table's cells, "<sup>st") keep figures out as before.
        .replace(/<[^>\n]*>/g, (m, at: number) =>
          EMPHASIS_TAG.test(m) && !/\w/.test(raw.charAt(at - 1)) ? blank(m) : tildes(m),
        )
    : raw;
  return masked.includes('**') || masked.includes('__') ? masked.replace(/\*\*|__/g, '  ') : masked;
}

function unitAfter(after: string): string | null {
  const words = /^\s*(?:([A-Za-z-]+)\s+)?([A-Za-z]+)\b/.exec(after.slice(0, WINDOW));
  if (!words) return null;
  const [, first, second] = words;
  if (first && UNITS[first.toLowerCase()]) return UNITS[first.toLowerCase()]!;
  if (second && UNITS[second.toLowerCase()]) return UNITS[second.toLowerCase()]!;
  return null;
}

/** Where to look again after a rejected range: its second number may be a figure ("2019 to $19 million"). */
function restartAfterRejectedRange(match: RegExpExecArray, groups: Groups): number | null {
  if (!groups.range) return null;
  const rangeAt = match.index + match[0].indexOf(groups.range);
  return rangeAt + groups.range.search(/[$\d]/);
}

function figureAt(
  sentence: string,
  match: RegExpExecArray,
  start: number,
  frames: () => Timeframes,
): FoundFigure | null {
  const groups = figureGroups(match);
  const matchStart = match.index;
  // The qualifier ends where its own text does (the space after it belongs to neither).
  const numberStart = groups.qualifier ? matchStart + groups.qualifier.length : matchStart;
  let matchEnd = matchStart + match[0].length;
  const window = {
    before: sentence.slice(Math.max(0, numberStart - WINDOW), numberStart),
    next: sentence.slice(matchEnd, matchEnd + WINDOW),
  };
  if (isNotAFigure(groups, window)) return null;
  const parsed = parseValue(groups);
  if (!parsed) return null;
  // A hyphenated word ("12-month", "three-part") belongs to what follows, not to the figure's text.
  if (groups.hyphenUnit) matchEnd -= groups.hyphenUnit.length;
  // After "three-part", what is counted starts after the hyphenated word: "plan".
  const hyphenEnd = groups.hyphenUnit ? matchEnd + groups.hyphenUnit.length : matchEnd;
  const labelFrom = hyphenEnd + (LINK_TARGET.exec(sentence.slice(hyphenEnd))?.[0].length ?? 0);
  const after = sentence.slice(labelFrom, labelFrom + LABEL_WINDOW);
  const hyphenUnit = groups.hyphenUnit ? UNITS[groups.hyphenUnit.slice(1).toLowerCase()] : undefined;
  const ofFollows =
    Boolean(groups.vague || groups.half || groups.ratioA) || parsed.unit === '%' || parsed.unit === 'fraction';
  const { value, valueMax, unit } = decadesInYears(parsed, parsed.unit ?? hyphenUnit ?? unitAfter(after));
  // "$1.2 billion over five years": "over" spreads the amount across the time; it hedges nothing.
  const around = { before: sentence.slice(Math.max(0, matchStart - 40), matchStart), after: window.next };
  const hedge = spansTime(groups.qualifier, around, unit) ? undefined : groups.qualifier;
  const figureStart = hedge ? matchStart : numberStart + sentence.slice(numberStart, matchEnd).search(/\S|$/);
  return {
    span: [start + figureStart, start + matchEnd],
    value,
    valueMax,
    unit,
    qualifier: hedge ? boundRead(hedge) : null,
    counts: labelOf(sentence, figureStart, after, {
      ofFollows,
      vague: groups.vague ?? null,
      money: unit === '$',
      duration: DURATIONS.has(unit ?? ''),
      hedged: Boolean(hedge),
      aged: unit === null && /^(?:under|over)$/i.test(hedge?.trim() ?? ''),
      range: parsed.valueMax !== null,
      unit,
      titleCase: isTitleCased(sentence.slice(figureStart, matchEnd), sentence.slice(0, figureStart)),
    }),
    timeframe: timeframeFor(frames(), figureStart, matchEnd),
  };
}

/** A hedge as the bound it sets: "no more than" caps the amount, as "at most" does. */
function boundRead(hedge: string): string {
  const written = hedge.replace(/\s+/g, ' ').toLowerCase();
  return NEGATED_COMPARISONS[written] ?? written;
}

/** "seven decades" is 70 years: a decade counts in the years it holds, as "a decade" does. */
function decadesInYears(parsed: Value, unit: string | null): Value {
  if (unit !== 'decades') return { ...parsed, unit };
  const years = (n: number | null) => (n === null ? null : n * 10);
  return { value: years(parsed.value), valueMax: years(parsed.valueMax), unit: 'years' };
}

/**
 * "over three years" after an amount ("$40 million over three years"), or opening a clause ("Under four years of
 * Biden, …"), is the stretch of time the amount is spread over; so is "over five years" closing the clause of what
 * is done in them ("repair bridges over five years, including …", "a strategy over two years to reduce …").
 * "for over 20 years", "in under four years" and "over 20 years of service" hedge the duration.
 */
function spansTime(qualifier: string | undefined, { before, after }: WordsAround, unit: string | null): boolean {
  if (!qualifier || !/^(?:over|under)$/i.test(qualifier) || !DURATIONS.has(unit ?? '')) return false;
  if (AMOUNT_OR_CLAUSE_START.test(before)) return true;
  return /^over$/i.test(qualifier) && DURATION_CLOSES_CLAUSE.test(after) && !HEDGED_DURATION.test(before);
}
/** The words before a figure's qualifier and after its number. */
interface WordsAround {
  before: string;
  after: string;
}
/** The unit, then the clause's end: a stop, a comma, a dash, "to" and a verb, or "and". */
const DURATION_CLOSES_CLAUSE = /^\s*(?!ago\b)[A-Za-z]+\s*(?:[.,;:)—–]|to\s+[a-z]+\b|and\s|$)/;
/**
 * Words after which "over" says "more than" of a time: "for over", "in over", "has been over", and verbs whose
 * object the time is ("dedicated over 81,000 hours", "taking over six years").
 */
const HEDGED_DURATION = new RegExp(
  String.raw`\b(?:for|in|of|than|after|within|by|is|are|was|were|be|last|lasts|took|take|takes|spend|spent|` +
    String.raw`nearly|almost|just|\w+ed|\w+ing|\w+en)[\s*_]*$`,
  'i',
);
const AMOUNT_OR_CLAUSE_START = /(?:^|[,;:(—–]|\d|%|\b(?:thousand|million|billion|trillion|percent))[\s*_]*$/i;

/**
 * What the figure counts: who is of an age, the phrase after it, else what money pays for, else what names it just before, else
 * the clause's subject.
 */
function labelOf(sentence: string, matchStart: number, rest: string, read: LabelReading): string | null {
  const label = readLabel(sentence, matchStart, rest, read);
  // "$3 Billion to Prepare for Future Pandemics": in a Title Case line, a capitalized verb read as a name.
  if (!read.titleCase || (label && !/^[A-Z][a-z]+$/.test(label))) return label;
  const lowered = readLabel(
    sentence,
    matchStart,
    rest.replace(CAPITALIZED, (word) => word.toLowerCase()),
    read,
  );
  // One word read so ("Access", "Building") is a verb's object cut short more often than a thing.
  return lowered?.includes(' ') ? asWritten(lowered, rest) : label;
}

/** A label read in lower case, as the line writes it: "Homeowners Assistance Fund". */
function asWritten(label: string, text: string): string {
  const written = text.replace(/\s+/g, ' ');
  const at = written.toLowerCase().indexOf(label.toLowerCase());
  return at < 0 ? label : written.slice(at, at + label.length);
}

function readLabel(sentence: string, matchStart: number, rest: string, read: LabelReading): string | null {
  const before = wholeWordsBefore(sentence, matchStart).replace(LINK_OPENS, blank);
  const after = beforeAgreeingVerb(before, rest);
  const counted = read.money ? withoutAside(after) : after;
  const givenTime = read.duration && TIME_GIVEN.test(before);
  const funded = read.money || givenTime ? fundedThing(counted) : null;
  const listed = afterList(counted);
  const thing = read.unit && AMOUNTS_OF_A_THING.has(read.unit);
  if (read.duration && isDeadline(before, counted)) return null;
  // "including 125 from FEMA": a part of a count names its thing by the count before it (figure-placement.ts).
  if (read.unit === null && isPartOfAList(before, counted)) return null;
  return (
    agedNoun(before) ??
    movedSubject(before, read.unit === '%') ??
    (read.money ? perThing(counted) : null) ??
    (read.ofFollows ? complementOf(before, counted) : null) ??
    countedPhrase(counted, read.ofFollows, read.money) ??
    // "billions in waste, fraud, and abuse": an amount of billions is money, and what it is in is what it counts.
    (BILLIONS.test(read.vague ?? '') && /^\s*in\s/i.test(counted) ? countedPhrase(counted, false, true) : null) ??
    funded ??
    (listed === null ? null : countedPhrase(listed, read.ofFollows)) ??
    (read.range ? changedThing(before) : null) ??
    namedBefore(before) ??
    (read.money ? fundedName(counted) : null) ??
    (read.hedged ? hedgedNoun(before) : null) ??
    (read.aged ? agedPlural(before) : null) ??
    (thing ? (flowOf(after, read.unit!) ?? read.unit) : null) ??
    (read.duration ? (lastedSubject(before) ?? measuredSubject(before, after)) : subjectOf(before))
  );
}

/**
 * "allow [nine million](…) people to save": a figure that is a link's whole text counts what follows the link; the
 * words after it are read from past its masked target (maskLinks). A link's opening bracket before a figure reads as
 * a space ("premiums drop [by 40 percent](…)").
 */
const LINK_OPENS = /\[(?=(?:[a-z]+\s+)?$)/;
const LINK_TARGET = /^~+/;

/**
 * "Invest $4.4 Billion to Surge Public Health Staffing", "Double the Nation’s Vaccine Supply": a figure written in
 * Title Case (its scale capitalized, or its word inside a sentence) stands in a line whose capitals may name nothing;
 * when they leave no label, or one capitalized word, the words after it are read again in lower case (acronyms and
 * "COVID-19" kept).
 */
function isTitleCased(text: string, before: string): boolean {
  return (
    /\d\s*(?:Thousand|Million|Billion|Trillion)\b/.test(text) || (/^[A-Z][a-z]/.test(text) && /[\w,]\s+$/.test(before))
  );
}
const CAPITALIZED = /\b[A-Z][a-z]+(?:['’][a-z]+)?\b(?!-)/g;

/** Amounts in billions or more, in words: money, where fact sheets count people in thousands and millions. */
const BILLIONS = /\b(?:billions|trillions)\b/i;

/** The label window before a figure, a word cut at its start left out ("…ed maximum" is not a label). */
function wholeWordsBefore(sentence: string, matchStart: number): string {
  const from = Math.max(0, matchStart - LABEL_WINDOW);
  const before = sentence.slice(from, matchStart);
  return from > 0 && /\w/.test(sentence.charAt(from - 1)) ? before.replace(/^\w+/, '') : before;
}

/**
 * "$220 million, through the Department of Agriculture, for school projects", "$65 billion, including through USDA
 * programs, to make internet available": the aside says how, not what;
 * "$1.2 billion over five years to launch a fund", "$5 billion annually for meals": the period says when.
 */
function withoutAside(after: string): string {
  const aside =
    /^\s*,\s*(?:through|via|by|from|under|with|including)\b[^,;]{0,100},/i.exec(after) ??
    NAMED_SOURCE.exec(after) ??
    PERIOD.exec(after);
  return aside ? after.slice(aside[0].length) : after;
}

/**
 * "$7.4 billion from the American Rescue Plan to recruit and hire public health workers": the law or fund named after
 * "from" is where the money comes from; the purpose after it is what it is for.
 */
const NAMED_SOURCE = /^\s+from\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,6}(?=to\s)/;

const SPAN_OF_TIME = String.raw`(?:over|across|during|within|in)\s+(?:the\s+)?(?:next\s+|first\s+|last\s+)?[\w-]+\s+`;
/** "$3 billion by 2030 in grid infrastructure", "through 2031 to build": when it is given, not what for. */
const BY_YEAR = String.raw`(?:by|through|until|in)\s+(?:19|20)\d\d`;
const PERIOD = new RegExp(
  String.raw`^\s*(?:${SPAN_OF_TIME}(?:years?|months?|weeks?|days?|decades?)|${BY_YEAR}|` +
    String.raw`annually|(?:each|a|per|every)\s+year)\b`,
  'i',
);

/**
 * "Agencies have 12 months to submit plans", "are given 30 days to respond": time given for something, labelled
 * with what it is for. "Over the next 100 days to improve …" and "it takes 5 years to …" are not.
 */
const TIME_GIVEN = /\b(?:have|has|had|given|get|gets|allowed|granted)\s+$/i;

/**
 * Units that measure an amount of a thing ("20 million barrels from the Reserve", "2.8 million acres"): when
 * nothing else names it, the unit is what is counted, rather than the clause's subject. Time, money and shares
 * measure something else.
 */
const AMOUNTS_OF_A_THING = new Set(['barrels', 'acres', 'tons', 'gallons', 'pounds']);

/** Units of time: "12 months to submit plans" is time given for the plans. */
const DURATIONS = new Set(['years', 'months', 'weeks', 'days', 'hours']);

/** How to read the words after a figure: "of" may lead to what it counts; money or time may name what it is for. */
interface LabelReading {
  ofFollows: boolean;
  /** "billions", "thousands": an amount in words alone, else null. */
  vague: string | null;
  money: boolean;
  duration: boolean;
  /** Hedged ("over", "less than"): the noun right before may be what it is said of. */
  hedged: boolean;
  /** A bare number after "under" or "over" ("children under 18"): an age, said of the plural before it. */
  aged: boolean;
  /** A range ("from 25% to 35%"): the noun before "from" may be what changed. */
  range: boolean;
  unit: string | null;
  /** Written in Title Case ("$4.4 Billion", "Double" inside a line): capitals after it are no names. */
  titleCase: boolean;
}

const SCANNER = new RegExp(FIGURE);

/** Finds the figures in one sentence, `source.slice(start, end)`; spans are absolute. */
export function findFigures(source: string, start: number, end: number): FoundFigure[] {
  const raw = source.slice(start, end);
  if (!MAY_HOLD_FIGURE.test(raw)) return [];
  const sentence = maskLinks(raw);
  let frames: Timeframes | null = null;
  const timeframes = () => (frames ??= timeframesOf(sentence));
  const found: FoundFigure[] = [];
  // One scanner for every sentence: copying the pattern cost more than matching a short sentence. Nothing
  // called while scanning finds figures, so no other scan moves its place.
  const pattern = SCANNER;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
    const figure = figureAt(sentence, match, start, timeframes);
    if (figure) found.push(figure);
    else {
      const restart = restartAfterRejectedRange(match, figureGroups(match));
      if (restart !== null) pattern.lastIndex = restart;
    }
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return frames ? withOwnRates(found, start, frames) : found;
}

/**
 * A figure whose time frame is a rate stated after the next figure ("21 million households $30 a month") reads
 * it again, knowing where the next figure starts: the rate is the next figure's when that one measures in
 * another unit. Amounts in the same unit ("$1,000 and $1,350 per month") may share it, and keep it.
 */
function withOwnRates(found: FoundFigure[], start: number, frames: Timeframes): FoundFigure[] {
  return found.map((figure, i) => {
    const next = found[i + 1];
    if (!next || !figure.timeframe || next.unit === figure.unit) return figure;
    const [from, to] = [figure.span[0] - start, figure.span[1] - start];
    return { ...figure, timeframe: timeframeFor(frames, from, to, next.span[0] - start) };
  });
}
