// What each line of the body is, judged from the line and its neighbours alone. The body reader (body.ts)
// decides what each kind does to the sections it is building.
import { headingLikeTheOthers } from './heading-shapes.js';
import { headingAt, longBoldHeadingAt, wrappedHeadingAt, type Heading } from './headings.js';
import { BULLET, hasWord, indentWidth, isBlank, type Body } from './lines.js';

export type LineKind =
  | { kind: 'blank' }
  /** "###", "-30-", a rule: the end of a release, or of a part of it. */
  | { kind: 'closing-mark' }
  /** HTML the parser skips (tables, images); a comment is skipped without a word. */
  | { kind: 'html'; comment: boolean }
  /** A heading; `last` is the index of its last line, as a heading may wrap onto a second. */
  | { kind: 'heading'; heading: Heading; last: number }
  /** Markdown markup with no words ("**", "> ", "|---|"), skipped. */
  | { kind: 'markup' }
  /** A line with no word or number that is not markup either: the reader warns of it. */
  | { kind: 'no-text' }
  /** A bullet item; its text starts at `textStart`. */
  | { kind: 'bullet'; textStart: number; indent: number }
  | { kind: 'text'; indent: number };

// Closing marks: "###" (escaped "\#\#\#" in Markdown), "-30-", "* * *", and horizontal rules.
const HASHES = String.raw`\\?#\s*\\?#\s*\\?#`;
const THIRTY = String.raw`-\s*30\s*-`;
const STARS = String.raw`\*\s*\*\s*\*`;
const RULE = String.raw`-{3,}|_{3,}|\*{3,}`;
const CLOSING_MARK = new RegExp(String.raw`^\s*(?:${HASHES}|${THIRTY}|${STARS}|${RULE})\s*$`);

// A line that opens with an HTML tag ("<table>", "<img src=...>", "</div>") or a comment.
const TAG = String.raw`[a-zA-Z][\w-]*(?:\s[^>]*)?\/?>?`;
const HTML_LINE = new RegExp(String.raw`^\s*<\/?(?:!--|${TAG})`);
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;
/** Inline formatting ("<u>**Heading**</u>", "<span style=...>text") opens a line of text, not an HTML block. */
const INLINE_TAG = /^\s*<(?:u|span|b|i|em|strong|a|sup|sub)\b/i;

const STRAY_MARKUP = /^[\s*_#\\>|:-]*$/;

export function kindOfLine(body: Body, index: number): LineKind {
  const line = body.lines[index]!;
  const raw = line.text;
  if (isBlank(raw)) return { kind: 'blank' };
  if (CLOSING_MARK.test(raw)) return { kind: 'closing-mark' };
  if (HTML_LINE.test(raw) && !INLINE_TAG.test(raw)) return { kind: 'html', comment: HTML_COMMENT.test(raw) };
  const heading = headingKind(body, index);
  if (heading) return heading;
  if (!hasWord(raw)) return { kind: STRAY_MARKUP.test(raw) ? 'markup' : 'no-text' };
  const indent = indentWidth(raw);
  const bullet = carriesOnTheSentence(body, index) ? null : BULLET.exec(raw);
  return bullet ? { kind: 'bullet', textStart: line.start + bullet[0].length, indent } : { kind: 'text', indent };
}

// A line the sentence has not ended at, and "N)" inside a line: an enumeration running on in the text.
const UNENDED = /[^.!?:;\s]\s*$/;
const INLINE_ITEM = /\S\s+\d{1,3}\)\s/;

/**
 * A "N)" line that carries on the sentence of the line before: one left a parenthesis open ("(down from age" /
 * "50) from …"), or one running an enumeration ("1) workforce, 2) energy," / "3) building …"). Not a list item.
 */
function carriesOnTheSentence(body: Body, index: number): boolean {
  if (index === 0 || !/^\s*\d{1,3}\)/.test(body.lines[index]!.text)) return false;
  const previous = body.lines[index - 1]!.text;
  if (isBlank(previous) || !UNENDED.test(previous)) return false;
  const text = previous.replace(BULLET, '');
  return text.lastIndexOf('(') > text.lastIndexOf(')') || INLINE_ITEM.test(text);
}

/** A heading on its own evidence, or a line alone shaped like the document's other headings. */
function headingKind(body: Body, index: number): LineKind | null {
  const found = headingOnItsOwn(body, index);
  const like = found ? null : headingLikeTheOthers(body, index, headingOnItsOwn);
  const heading = found ?? (like && { heading: like, last: index });
  if (!heading || (heading.heading.leadStart === null && plainLineOverNothing(body, index, heading.last))) return null;
  if (isSubtitle(body, index)) return null;
  return { kind: 'heading', heading: heading.heading, last: heading.last };
}

/** Bold italics opening a line: "***Administration to Purchase 200 Million Doses***", "***<u>…</u>***". */
const BOLD_ITALIC_OPENING = /^\s*(?:\*\*\*|___)/;

/**
 * Bold italics on the body's first line, above everything and over a paragraph, sum up the page under its title:
 * a subtitle, which heads no section (its words stay text, figures and all). Over a list they head it.
 */
function isSubtitle(body: Body, index: number): boolean {
  const { lines } = body;
  if (!BOLD_ITALIC_OPENING.test(lines[index]!.text) || !lines.slice(0, index).every((line) => isBlank(line.text)))
    return false;
  let next = index + 1;
  while (next < lines.length && !isBlank(lines[next]!.text)) next++;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  return next < lines.length && !BULLET.test(lines[next]!.text);
}

/**
 * A plain line (no emphasis, no "#") with nothing but blank lines after it, up to the end or the release's
 * "###": a line alone at the end ("Official White House Photos by Andrea Hanks", "Source: State Plans") credits
 * or signs the page. A bold or marked line there is still a heading.
 */
function plainLineOverNothing(body: Body, index: number, last: number): boolean {
  const { lines } = body;
  if (/[*_#<]/.test(lines[index]!.text)) return false;
  let next = last + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  return next >= lines.length || END_OF_RELEASE.test(lines[next]!.text);
}
const END_OF_RELEASE = new RegExp(String.raw`^\s*${HASHES}\s*$`);

/** A heading wrapped onto the next line is tried first, so that both its lines are taken. */
function headingOnItsOwn(body: Body, index: number): { heading: Heading; last: number } | null {
  const wrapped = wrappedHeadingAt(body, index);
  if (wrapped) return { heading: wrapped, last: index + 1 };
  const heading = headingAt(body, index);
  if (heading) return { heading, last: index };
  return longBoldHeadingAt(body, index);
}
