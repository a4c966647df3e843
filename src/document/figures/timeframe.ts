// The time frame of a figure: the phrase in the figure's own clause that places it in time ("since May of
// last year", "by 2030", "to date"), or one that opens the sentence ("Last year, ICE arrested …"). A time
// frame in another clause belongs to that clause's figure ("17.4%, down from 28.4% in 2001").
import { MONTHS } from './vocabulary.js';

const SPELLED = 'one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|a|\\d{1,3}';
const PERIOD = '(?:years?|months?|weeks?|days?|decades?|hours?|quarters?)';
/** "three years", "decade": a period, with how many of it. */
const COUNTED_PERIOD = String.raw`(?:(?:${SPELLED})\s+)?${PERIOD}`;

/** "May 3, 2024", "May of last year": a month with an optional day and year. */
const SINCE_MONTH = String.raw`(?:${MONTHS})(?:\s+\d{1,2}(?!\d))?(?:,?\s+\d{4}|\s+of\s+(?:last\s+year|this\s+year|\d{4}))?`;
const SINCE_START = String.raw`(?:the\s+)?(?:start|beginning)\s+of\s+(?:the|this|last)\s+\w+`;
const INAUGURATION = String.raw`[Ii]nauguration\s+[Dd]ay`;
const SINCE_WHEN = String.raw`${SINCE_MONTH}|\d{4}|then|taking\s+office|${SINCE_START}|day\s+one|${INAUGURATION}`;
const CALENDAR_PERIOD = String.raw`year|month|week|quarter|decade|fall|spring|summer|winter|fiscal\s+year`;
const QUARTER_OF = String.raw`(?:\s+of\s+(?:\d{4}|this\s+year|last\s+year))?`;

const PATTERNS = [
  String.raw`\bsince\s+(?:${SINCE_WHEN})`,
  String.raw`\b(?:(?:just|earlier|later)\s+)?(?:last|this|next|past)\s+(?:${CALENDAR_PERIOD})\b`,
  String.raw`\bin\s+recent\s+(?:years|months|weeks|days)\b`,
  String.raw`\b(?:in|during)\s+the\s+(?:first|second|third|fourth|last)\s+(?:quarter|half)${QUARTER_OF}`,
  String.raw`\b(?:over|in|during|for|within)\s+the\s+(?:past|last|next|first|coming)\s+${COUNTED_PERIOD}\b`,
  String.raw`\bover\s+the\s+course\s+of\s+the\s+(?:decade|year)\b`,
  // "$40 million over three years": the stretch an amount is spread over; not a hedge ("in just over two years"),
  // an age ("over 65 years old") or a share ("over three quarters of").
  String.raw`(?<!\b(?:just|for|in)\s+)\bover\s+(?:${SPELLED})\s+${PERIOD}\b(?!\s+(?:old|of|ago)\b)`,
  String.raw`\b(?:in|during|for|by)\s+(?:fiscal\s+year|FY)\s?\d{2,4}\b`,
  String.raw`\b(?:in|by|during|through|until|before)\s+(?:(?:${MONTHS})\s+(?:of\s+)?)?\d{4}(?:\s+alone)?\b`,
  String.raw`\bby\s+the\s+end\s+of\s+(?:this|the|next)\s+(?:decade|year|month)\b`,
  String.raw`\b(?:between|from)\s+\d{4}\s+(?:and|to)\s+\d{4}\b`,
  String.raw`\b(?:per|a|each|every)\s+(?:year|month|week|day)\b`,
  String.raw`\b(?:annually|to\s+date|right\s+now|currently|today)\b`,
  String.raw`\bon\s+day\s+one\b`,
];
const TIMEFRAME = new RegExp(PATTERNS.join('|'), 'gi');

/** Where a clause ends: ", " (not the comma inside "120,000"), ";", a dash, a parenthesis. */
const CLAUSE_BREAK = /,\s|;|—|\s–\s|\s-\s|[()]/g;

export interface Timeframes {
  found: Array<{ start: number; end: number; text: string }>;
  breaks: number[];
}

/** Every time frame and clause break of a sentence, found once for all its figures. */
export function timeframesOf(sentence: string): Timeframes {
  return {
    found: [...sentence.matchAll(TIMEFRAME)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0].replace(/[\s\u00a0]+/g, ' '),
    })),
    breaks: [...sentence.matchAll(CLAUSE_BREAK)].map((m) => m.index),
  };
}

/** The first index of a list of `length` for which `reached` holds (false, then true, along the list), or length. */
function firstWhere(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The clause around [start, end): from the break before it to the break after it. Found by binary search: a
 * sentence of thousands of clauses ("5 cats, 5 cats, …") made a scan per figure quadratic.
 */
function clauseOf(breaks: number[], start: number, end: number): [number, number] {
  const before = firstWhere(breaks.length, (i) => breaks[i]! >= start) - 1;
  const after = firstWhere(breaks.length, (i) => breaks[i]! >= end);
  return [before >= 0 ? breaks[before]! : 0, after < breaks.length ? breaks[after]! : Number.MAX_SAFE_INTEGER];
}

/** A rate ("per month", "a year", "annually"): it says how often the amount nearest before it comes. */
const RATE = /^(?:(?:per|a|each|every)\s|annually$)/i;

/**
 * The time frame of the figure at [figureStart, figureEnd); `nextFigure` is where the sentence's next figure starts.
 * "saving 21 million households $30 a month": a rate after the next figure is that figure's, not this one's.
 */
export function timeframeFor(
  { found, breaks }: Timeframes,
  figureStart: number,
  figureEnd: number,
  nextFigure = Number.MAX_SAFE_INTEGER,
): string | null {
  const [from, to] = clauseOf(breaks, figureStart, figureEnd);
  // Time frames never overlap and come in order, so the nearest one in the clause is the last before the figure
  // or the first after it (one that overlaps the figure is its own words); before wins a tie.
  const before = found[firstWhere(found.length, (i) => found[i]!.end > figureStart) - 1];
  const after = found[firstWhere(found.length, (i) => found[i]!.start >= figureEnd)];
  const gapBefore = before && before.start >= from ? figureStart - before.end : Infinity;
  const othersRate = after && after.start >= nextFigure && RATE.test(after.text);
  const gapAfter = after && after.end <= to && !othersRate ? after.start - figureEnd : Infinity;
  const best = gapBefore <= gapAfter ? (gapBefore < Infinity ? before : null) : after;
  if (best) return best.text;
  // "Last year, …" opens the sentence and dates its main clause.
  const opening = found[0];
  const firstBreak = breaks[0];
  if (
    opening &&
    opening.start <= 2 &&
    firstBreak !== undefined &&
    opening.end <= firstBreak &&
    firstBreak < figureStart
  )
    return opening.text;
  return null;
}
