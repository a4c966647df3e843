// Lines: the source cut into lines that keep their offsets, and what a line looks like on its own.
export interface Line {
  /** 1-based line number. */
  number: number;
  start: number;
  /** End of the line's content, before "\r\n" or "\n". */
  end: number;
  text: string;
}

/** The lines after the front matter, with what every later phase needs to read them. */
export interface Body {
  /** The whole source: line offsets point into it. */
  text: string;
  lines: readonly Line[];
  /** Whether the body is wrapped at a fixed width (see looksWrapped). */
  wrapped: boolean;
  /** The width its lines are wrapped at, when they are (see wrapWidth); null for text written a paragraph a line. */
  width: number | null;
}

// Bullet marks: "-", "*", "+", the typographic bullets, and "1." / "1)" numbering.
const BULLET_MARK = String.raw`[-*+•◦▪]`;
const NUMBERED = String.raw`\d{1,3}[.)]`;
/** A bullet item: its indentation (group 1), its mark, then space before the text. */
export const BULLET = new RegExp(String.raw`^([ \t]*)(?:${BULLET_MARK}|${NUMBERED})[ \t\u00a0]+(?=\S)`);

// A blank line may still hold invisible characters, and one "&nbsp;" or "\" that some converters leave
// behind. The space after the mark is inside the optional group so that the two runs of space never
// compete for the same characters (which made a long line of spaces quadratic).
const INVISIBLE = String.raw`[\s\u00a0\u200b\ufeff]*`;
const LEFTOVER = String.raw`(?:&nbsp;|\\)`;
const BLANK = new RegExp(String.raw`^${INVISIBLE}(?:${LEFTOVER}[\s\u00a0\u200b]*)?$`);

/** Cuts the text into lines; a leading byte-order mark belongs to no line, so spans never include it. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  while (start <= text.length) {
    let newline = text.indexOf('\n', start);
    if (newline < 0) newline = text.length;
    const end = newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    lines.push({ number, start, end, text: text.slice(start, end) });
    start = newline + 1;
    number++;
  }
  return lines;
}

const WORD_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether the text holds a letter or a digit in any script: a line or statement without one says nothing. */
export function hasWord(text: string): boolean {
  return WORD_OR_NUMBER.test(text);
}

export function isBlank(line: string): boolean {
  return BLANK.test(line);
}

/** Index of the first line at or after `from` that is not blank (lines.length when there is none). */
export function nextContent(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i]!.text)) i++;
  return i;
}

/** Width of a line's indentation, a tab counting as four spaces. */
export function indentWidth(line: string): number {
  return /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
}

/** Pandoc-style text wrapped at a fixed width: lines continue one another within a paragraph. */
export function looksWrapped(lines: readonly Line[]): boolean {
  const lengths = lines.filter((l) => !isBlank(l.text)).map((l) => l.text.length);
  if (lengths.length < 4) return false;
  const short = lengths.filter((n) => n <= 80).length;
  const full = lengths.filter((n) => n >= 55).length;
  return short / lengths.length >= 0.9 && full / lengths.length >= 0.25;
}

// Wrapped text is at most this wide; a body whose lines run wider is written a paragraph a line.
const WIDEST_WRAP = 100;
// Prose is wrapped at 60 columns or more (72 in the corpus): lines all shorter are written a line each.
const NARROWEST_WRAP = 60;
// A wrapped line comes within NEAR columns of the width unless its paragraph ends there; FULL_LINES such lines
// show a body wrapped at that width rather than a few lines that happen to be long.
const NEAR = 10;
const FULL_LINES = 5;
// A link's address (or a path) this long cannot be broken: a wrapped line holding one may stick out past the width.
// Only a line holding a slash is searched for one, as the search costs more than all the rest here.
const UNBREAKABLE = /(?:^|\s)\S{31}/;
const holdsUnbreakable = (text: string) => text.length > 30 && text.includes('/') && UNBREAKABLE.test(text);
// Headings, HTML and table rows, which are never wrapped.
const NEVER_WRAPPED = /^\s*[#<|]/;

/**
 * The width the body's lines are wrapped at: all its lines that could have been wrapped fit in it but for the widest
 * two and 1% (headings written on one line, the odd stray), and at least FULL_LINES of them come near it (or pass
 * it), as wrapped lines do. Null when that is under NARROWEST_WRAP or over WIDEST_WRAP, or too few lines come near it. Counted, not sorted:
 * linear.
 */
export function wrapWidth(lines: readonly Line[]): number | null {
  const counts = new Array<number>(WIDEST_WRAP + 2).fill(0);
  let total = 0;
  for (const line of lines) {
    if (isBlank(line.text) || NEVER_WRAPPED.test(line.text) || holdsUnbreakable(line.text)) continue;
    counts[Math.min(line.text.trimEnd().length, WIDEST_WRAP + 1)]!++;
    total++;
  }
  let outliers = 2 + Math.floor(total / 100);
  let width = WIDEST_WRAP + 1;
  for (; width > 0 && outliers >= counts[width]!; width--) outliers -= counts[width]!;
  if (width < NARROWEST_WRAP || width > WIDEST_WRAP) return null;
  const near = counts.slice(Math.max(0, width - NEAR + 1)).reduce((sum, n) => sum + n, 0);
  return near >= FULL_LINES ? width : null;
}
