// The preamble: what a fact sheet may open with before its first section. A title line, a date line, and an
// epigraph (a quotation with its attribution, "... -- President Donald J. Trump"), each in that order.
import { headingAt, isAllCapsHeadingLine, markdownHeadingParts, wrappedHeadingAt } from './headings.js';
import { BULLET, isBlank, nextContent, type Body, type Line } from './lines.js';
import { trimMarkup } from './spans.js';
import { markdown } from './formats/markdown.js';
import { collapseWhitespace } from './text.js';
import type { Epigraph } from './types.js';

export interface Preamble {
  title: string | null;
  date: string | null;
  epigraph: Epigraph | null;
  /** Index of the first body line after the preamble: where the sections start. */
  end: number;
}

// A date alone on its line: "Monday, March 3, 2025", "Sept. 3 2025", "2025-03-03", "3/3/2025".
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH = String.raw`(?:${MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)`;
const WRITTEN_DATE = String.raw`${MONTH}\.?\s+\d{1,2},?\s+\d{4}`;
const ISO_DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const US_DATE = String.raw`\d{1,2}\/\d{1,2}\/\d{4}`;
const DATE_LINE = new RegExp(String.raw`^\s*(?:${WEEKDAY},?\s+)?(?:${WRITTEN_DATE}|${ISO_DATE}|${US_DATE})\s*$`);

// An epigraph: the quotation (group 1), a dash, and who said it (group 2), which opens with a title or a
// capital and is short.
const DASH = String.raw`(?:--|—|―|–)`;
const SPEAKER_START = String.raw`(?:President|Vice|Secretary|First|Governor|Senator|The|[A-Z])`;
const EPIGRAPH = new RegExp(String.raw`^(.*?\S)\s*${DASH}\s*(${SPEAKER_START}[^\n]{1,100}?)\s*$`, 's');
const EPIGRAPH_MAX_LINES = 8;

// "Fact Sheet: ...", perhaps bold. The space after "**" sits inside its group, so no two runs of space compete.
const FACT_SHEET_TITLE = /^\s*(?:\*\*\s*)?(?:FACT SHEET|Fact Sheet)\s*:/;

export function readPreamble(body: Body): Preamble {
  const { lines } = body;
  let index = nextContent(lines, 0);
  const title = titleAt(body, index);
  if (title !== null) index = nextContent(lines, index + 1);
  const date = dateAt(lines[index]);
  if (date !== null) index = nextContent(lines, index + 1);
  const found = epigraphAt(body, index);
  if (found) index = nextContent(lines, found.end);
  return { title, date, epigraph: found?.epigraph ?? null, end: index };
}

/** The title, when the line at `index` is one: "# Title", "Fact Sheet: ...", a title over a date or a heading. */
function titleAt(body: Body, index: number): string | null {
  const top = body.lines[index];
  if (!top) return null;
  const h1 = markdownHeadingParts(top.text);
  const isTitle =
    h1?.hashes === '#' ||
    FACT_SHEET_TITLE.test(top.text) ||
    (looksLikeTitle(top.text) && dateAt(body.lines[nextContent(body.lines, index + 1)]) !== null) ||
    (!h1 && headingThenHeading(body, index)) ||
    titleLineOverText(body, index);
  if (!isTitle) return null;
  // A title line may carry Markdown emphasis or links whatever the document's format: read it as Markdown.
  return markdown.plainText(h1 ? h1.heading : top.text);
}

/** Short, not a sentence, not a bullet, and not an ALL-CAPS heading. */
function looksLikeTitle(line: string): boolean {
  return (
    !/[.!?]\s*$/.test(line) &&
    !isAllCapsHeadingLine(line) &&
    line.trim().split(/\s+/).length <= 25 &&
    !BULLET.test(line)
  );
}

/**
 * "At USAID, Waste and Abuse Runs Deep" over a paragraph: a plain first line in title case (most words
 * capitalised, not all capitals, no closing punctuation, no markup) names the document, not its first section.
 */
function titleLineOverText(body: Body, index: number): boolean {
  const text = body.lines[index]!.text.trim();
  if (/[*_#<>[\]]/.test(text) || /[.!?:;]$/.test(text) || !/[a-z]/.test(text) || DATE_LINE.test(text)) return false;
  const words = text.split(/\s+/);
  const long = words.filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length > 16 || words.length < 3 || long.length === 0 || capitalised < long.length) return false;
  const next = nextContent(body.lines, index + 1);
  return index + 1 < next && next < body.lines.length && headingAt(body, next) === null;
}

/** A heading-like first line followed straight away by another heading is the document's title. */
function headingThenHeading(body: Body, index: number): boolean {
  if (wrappedHeadingAt(body, index)) return false;
  const top = headingAt(body, index);
  if (!top || top.leadStart !== null) return false;
  const second = nextContent(body.lines, index + 1);
  return second < body.lines.length && headingAt(body, second) !== null;
}

function dateAt(line: Line | undefined): string | null {
  return line && DATE_LINE.test(line.text) ? line.text.trim() : null;
}

/** The epigraph in the paragraph at `index`, and the index of the line after that paragraph. */
function epigraphAt(body: Body, index: number): { epigraph: Epigraph; end: number } | null {
  const first = body.lines[index];
  if (!first || headingAt(body, index)) return null;
  const end = paragraphEnd(body, index);
  if (end - index > EPIGRAPH_MAX_LINES) return null;
  const paragraph = body.text.slice(first.start, body.lines[end - 1]!.end);
  const match = EPIGRAPH.exec(paragraph);
  if (!match || !isAttribution(match[2]!)) return null;
  return { epigraph: epigraphOf(body.text, first, paragraph, match[1]!, match[2]!), end };
}

/** The index of the first line after the paragraph at `from`: a blank line or a heading ends it. */
function paragraphEnd(body: Body, from: number): number {
  const { lines } = body;
  let i = from;
  while (i < lines.length && !isBlank(lines[i]!.text) && (i === from || !headingAt(body, i))) i++;
  return i;
}

/** A name, not a sentence: a dash inside a quotation is not an attribution. */
function isAttribution(text: string): boolean {
  return !/[.!?]["”]?$/.test(text.trim()) && text.split(/\s+/).length <= 12;
}

function epigraphOf(text: string, first: Line, paragraph: string, quote: string, attribution: string): Epigraph {
  const quoteStart = first.start + paragraph.indexOf(quote);
  const span = trimMarkup(text, [quoteStart, quoteStart + quote.length]);
  const attributionStart = first.start + paragraph.lastIndexOf(attribution);
  return {
    text: text.slice(span[0], span[1]),
    span,
    attribution: collapseWhitespace(attribution),
    attributionSpan: [attributionStart, attributionStart + attribution.length],
    line: first.number,
  };
}
