// A document heads its sections one way. When one line alone of a shape (its emphasis, how it ends, its case)
// is a heading, the other lines alone of that shape in the document are headings too: "**Bolstered Domestic
// Manufacturing:**" heads its list, so "**Took Aggressive Action to Tackle the Climate Crisis:**" heads its own,
// although a longer label alone would read as a sentence introducing a list.
import type { Heading } from './headings.js';
import { BULLET, isBlank, type Body } from './lines.js';
import type { Span } from './types.js';

/** Finds the heading that starts on a line, with the index of its last line. */
export type HeadingFinder = (body: Body, index: number) => { heading: Heading; last: number } | null;

/** A line alone: its shape, and the span of its words without emphasis or closing mark. */
export interface LineShape {
  shape: string;
  span: Span;
}

/** The most words and characters of a line that may head a section like the others. */
const MOST_WORDS = 16;
const MOST_CHARACTERS = 170;
/** Emphasis marks and underline tags around or inside a line. */
const MARKS = /<\/?(?:u|span)(?:\s[^<>\n]{0,80})?>|[*_]/g;
/** A sentence ends inside: a period after a small letter, then space ("U.S. trade" is no end). */
const SENTENCE_END_INSIDE = /[a-z0-9)][.!?]["”’]?\s/;

const headingShapesOf = new WeakMap<Body, Set<string>>();

/**
 * The line at `index` as a heading when it is a line alone of the same shape as a heading alone elsewhere in
 * the document (found by `find`, which judges each line on its own). The shapes are worked out once a body.
 */
export function headingLikeTheOthers(body: Body, index: number, find: HeadingFinder): Heading | null {
  const line = shapeOfLineAlone(body, index);
  if (!line || !headingShapes(body, find).has(line.shape)) return null;
  return { heading: body.text.slice(line.span[0], line.span[1]), headingSpan: line.span, leadStart: null };
}

function headingShapes(body: Body, find: HeadingFinder): Set<string> {
  let shapes = headingShapesOf.get(body);
  if (shapes) return shapes;
  shapes = new Set();
  for (let index = 0; index < body.lines.length; index++) {
    const found = find(body, index);
    if (!found || found.last !== index || found.heading.leadStart !== null) continue;
    const line = shapeOfLineAlone(body, index);
    if (line) shapes.add(line.shape);
  }
  headingShapesOf.set(body, shapes);
  return shapes;
}

/**
 * The shape of a line standing alone (a blank line or the start before it; a blank line, a list or the end after
 * it) that could head a section: no list item, no link, no sentence; in capitals or Title Case, or, with no
 * closing mark, in sentence case. The shape is its emphasis ("**", "*", "<u>", none), its closing mark (colon,
 * period, none) and its case; null for any other line.
 */
export function shapeOfLineAlone(body: Body, index: number): LineShape | null {
  const { lines } = body;
  const line = lines[index]!;
  const raw = line.text;
  const previous = lines[index - 1];
  const next = lines[index + 1];
  if (previous && !isBlank(previous.text)) return null;
  if (next && !isBlank(next.text) && !BULLET.test(next.text)) return null;
  if (raw.length > MOST_CHARACTERS || BULLET.test(raw) || raw.includes('](')) return null;
  const emphasis = emphasisAround(raw);
  if (emphasis === null) return null;
  const bare = raw.replace(MARKS, '').trim();
  const closing = /[:.]$/.test(bare) ? bare.slice(-1) : '';
  const words = bare.slice(0, bare.length - closing.length).trim();
  if (!/^\p{Lu}/u.test(words) || /[!?,;]$/.test(words) || /<|>/.test(words)) return null;
  if (words.split(/\s+/).length > MOST_WORDS || SENTENCE_END_INSIDE.test(words)) return null;
  const letterCase = caseOf(words);
  if (letterCase === 'sentence' && closing !== '') return null;
  const span = wordsSpan(raw, line.start);
  return span && { shape: `${emphasis}|${closing}|${letterCase}`, span };
}

/**
 * The emphasis that wraps the whole line ("**", "***", "*", "<u>**"), "" for none, or null when emphasis
 * opens the line and does not close it at its end (a bold lead running into its sentence).
 */
function emphasisAround(raw: string): string | null {
  const opening = /^[ \t\u00a0]*((?:<u>|<span style="text-decoration: ?underline;?">|[*_])*)/.exec(raw)![1]!;
  if (opening === '') return /[*_][.:]?[ \t\u00a0]*$/.test(raw) ? null : '';
  const closes = /(?:<\/u>|<\/span>|[*_])[.:]?(?:<\/u>|<\/span>|[*_])*[.:]?[ \t\u00a0]*$/.test(raw);
  return closes
    ? opening
        .replace(/__/g, '**')
        .replace(/_/g, '*')
        .replace(/<span[^>]*>/g, '<u>')
    : null;
}

/** "capitals", "title" (every word of four letters or more capitalized) or "sentence". */
function caseOf(words: string): 'capitals' | 'title' | 'sentence' {
  const letters = words.match(/\p{L}+/gu) ?? [];
  if (/\p{Lu}{2}/u.test(words) && letters.every((word) => !/\p{Ll}/u.test(word) || /\p{Lu}.*\p{Lu}/u.test(word)))
    return 'capitals';
  const long = words.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return long.every((word) => /^\p{Lu}/u.test(word)) ? 'title' : 'sentence';
}

/** Emphasis, underline tags and space that open or close a line, with a closing colon or period. */
const OPENING = /^(?:[ \t\u00a0*_]|<u>|<span[^<>\n]{0,80}>)*/;
const CLOSING = /(?:[ \t\u00a0*_:.]|<\/u>|<\/span>)*$/;

/**
 * The words inside the line's emphasis, any emphasis opened among them closed with them:
 * "**History of *Joining Forces*:**" -> "History of *Joining Forces*"; "<u>**Heading**</u>" -> "Heading".
 */
function wordsSpan(raw: string, start: number): Span | null {
  const first = OPENING.exec(raw)![0].length;
  let last = raw.length - CLOSING.exec(raw.slice(first))![0].length;
  if (last <= first) return null;
  while (last < raw.length && /[*_]/.test(raw[last]!) && unclosedMarks(raw.slice(first, last))) last++;
  return [start + first, start + last];
}

/** Whether a single emphasis mark opened inside the text is left open ("of *Joining Forces"). */
function unclosedMarks(text: string): boolean {
  const single = text.replace(/\*\*|__/g, '').match(/[*_]/g) ?? [];
  return single.length % 2 === 1;
}
