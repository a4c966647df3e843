// The time frame of a figure: the phrase in the figure's own clause that places it in time ("since May of
// last year", "by 2030", "to date"), or one that opens the sentence ("Last year, ICE arrested …"). A time
// frame in another clause belongs to that clause's figure ("17.4%, down from 28.4% in 2001").
import { MONTHS } from './vocabulary.js';

const SPELLED = 'one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|a|\\d{1,3}';
const PERIOD = '(?:years?|months?|weeks?|days?|decades?|hours?|quarters?)';

const PATTERNS = [
  String.raw`\bsince\s+(?:(?:${MONTHS})(?:\s+\d{1,2}(?!\d))?(?:,?\s+\d{4}|\s+of\s+(?:last|this)\s+year)?|\d{4}|then|taking\s+office|(?:the\s+)?(?:start|beginning)\s+of\s+(?:the|this|last)\s+\w+|day\s+one|[Ii]nauguration\s+[Dd]ay)`,
  String.raw`\b(?:(?:just|earlier|later)\s+)?(?:last|this|next|past)\s+(?:year|month|week|quarter|decade|fall|spring|summer|winter|fiscal\s+year)\b`,
  String.raw`\bin\s+recent\s+(?:years|months|weeks|days)\b`,
  String.raw`\b(?:in|during)\s+the\s+(?:first|second|third|fourth|last)\s+(?:quarter|half)(?:\s+of\s+(?:\d{4}|this\s+year|last\s+year))?`,
  String.raw`\b(?:over|in|during|for|within)\s+the\s+(?:past|last|next|first|coming)\s+(?:(?:${SPELLED})\s+)?${PERIOD}\b`,
  String.raw`\bover\s+the\s+course\s+of\s+the\s+(?:decade|year)\b`,
  String.raw`\b(?:in|during|for|by)\s+(?:fiscal\s+year|FY)\s?\d{2,4}\b`,
  String.raw`\b(?:in|by|during|through|until|before)\s+(?:(?:${MONTHS})\s+)?\d{4}(?:\s+alone)?\b`,
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

/** The clause around [start, end): from the break before it to the break after it. */
function clauseOf(breaks: number[], start: number, end: number): [number, number] {
  let from = 0;
  let to = Number.MAX_SAFE_INTEGER;
  for (const at of breaks) {
    if (at < start) from = at;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return [from, to];
}

export function timeframeFor({ found, breaks }: Timeframes, figureStart: number, figureEnd: number): string | null {
  const [from, to] = clauseOf(breaks, figureStart, figureEnd);
  let best: { text: string; distance: number } | null = null;
  for (const frame of found) {
    if (frame.start < figureEnd && frame.end > figureStart) continue; // the figure's own words
    if (frame.start < from || frame.end > to) continue;
    const distance = frame.end <= figureStart ? figureStart - frame.end : frame.start - figureEnd;
    if (!best || distance < best.distance) best = { text: frame.text, distance };
  }
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
