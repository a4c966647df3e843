// Headings: the forms that open a section of a fact sheet, and where a lead sentence on the heading line
// starts. Recognised forms: "# Heading", "HEADING: lead", "**Heading:** lead", "HEADING" alone, "**Heading**"
// alone, and "Heading" alone between blank lines.
import { BULLET, indentWidth, isBlank, type Body, type Line } from './lines.js';
import { trimMarkup } from './spans.js';
import type { Span } from './types.js';

export interface Heading {
  heading: string;
  headingSpan: Span;
  /** Where the lead text starts on the heading line, when there is one. */
  leadStart: number | null;
}

/** What a heading test may look at besides the line itself. */
interface Around {
  text: string;
  next: Line | undefined;
  previous: Line | undefined;
  wrapped: boolean;
  /** Whether the document sets a short sentence-case line alone as a heading somewhere (see setsLinesAlone). */
  linesAlone: boolean;
}

// "# Heading" / "## Heading ##": up to three spaces, one to six hashes (group 1), space, then the rest of the
// line (group 2), which starts with no space and holds no line break. The closing hashes are cut off in code:
// a pattern that cut them ("(.*?)[ \t]*#*[ \t]*$") backtracks cubically on a line of many spaces.
const MARKDOWN_HEADING = /^ {0,3}(#{1,6})[ \t]+([^ \t\n\r\u2028\u2029][^\n\r\u2028\u2029]*)?$/;
const SPACE_OR_TAB = /[ \t]/;

// Pieces of the heading patterns.
const BOLD = String.raw`(?:\*\*|__)`;
/**
 * Underline as pandoc keeps it ("<u>"), or as an HTML span styled so: the sheets converted from Word write
 * "<span style=\"text-decoration: underline\">Treasury</span>" where others write "<u>Treasury</u>".
 */
const U_OPEN = String.raw`(?:<u>|<span style="text-decoration: ?underline;?">)`;
const U_CLOSE = String.raw`(?:<\/u>|<\/span>)`;
/** The span's own colon ("text-decoration: underline") is no label's colon: a lead's opening takes the span. */
const U_SPAN = String.raw`<span style="text-decoration: ?underline;?">`;
/** Bold, or bold italic. */
const STRONG = String.raw`(?:\*{2,3}|__)`;
/** Space after a mark; converters leave no-break spaces there too. */
const GAP = String.raw`[ \t\u00a0\u202f]*`;

// "HEADING: lead", "**HEADING:** lead", "**<u>HEADING:</u>** lead", "**Bold lead-in**: text": the indentation and
// opening bold (group 1), the heading up to the colon (group 2), then the colon with bold closed either side.
// Space after the bold sits inside its group, and the label opens on a letter or mark, never a space, so the
// indentation, that space and the label never compete: a line that is no heading ("   ***HEADING:***", a label
// holding "_") is refused in one pass, where letting the label take indentation back was quadratic.
const LEAD_OPENING = String.raw`[ \t]*(?:${BOLD}[ \t]*)?(?:${U_SPAN})?`;
const LEAD_LABEL = String.raw`[^:*_\n \t][^:*_\n]{1,119}?`;
const LEAD_COLON = String.raw`(?:${BOLD}${GAP}:|:(?:${U_CLOSE})?${GAP}${BOLD}?)`;
const WITH_LEAD = new RegExp(String.raw`^(${LEAD_OPENING})(${LEAD_LABEL})[ \t]*${LEAD_COLON}${GAP}(?=\S|$)`);

// A heading alone on its line (group 1), perhaps bold, perhaps with a closing period or colon.
const ALONE_TEXT = String.raw`[^*_\n]{2,150}?`;
// "<u>**Heading**</u>": underline tags may wrap the bold.
const ALONE = new RegExp(
  String.raw`^${GAP}(?:${U_OPEN})?${STRONG}?(${ALONE_TEXT})[.:]?${STRONG}?(?:${U_CLOSE})?[.:]?${GAP}$`,
);

const STARTS_BOLD = new RegExp(String.raw`^\s*(?:${U_OPEN})?${BOLD}`);
const ENDS_BOLD = new RegExp(String.raw`${BOLD}(?:${U_CLOSE})?[.:]?\s*$`);
/** A whole line underlined, bold inside or not: "<u>Treasury</u>". */
const UNDERLINED_LINE = new RegExp(String.raw`^${GAP}${U_OPEN}[^<\n]+${U_CLOSE}[.:]?${GAP}$`);
/** A sentence closed inside bold ("**It passed.**") is a statement, not a heading. */
const SENTENCE_IN_BOLD = /[.!?]["”’]?(?:\*\*|__)/;
/**
 * A period inside bold ends a sentence, unless the words are in Title Case and the line stands apart from what
 * follows: "**Expanded Child Tax Credit for Working Families.**" over a blank line heads a section; the same
 * running into its paragraph on the next line opens that paragraph.
 */
function closesSentenceInBold(text: string, apart: boolean): boolean {
  return SENTENCE_IN_BOLD.test(text) && !(apart && isTitleCase(text.replace(/<[^>]*>|[*_]/g, '')));
}

/** Nothing, a blank line or a list item after a line. */
const apartFrom = (next: Line | undefined) => !next || isBlank(next.text) || BULLET.test(next.text);

/** Every word of four letters or more capitalized, and at least three of them: a title, not a sentence. */
function isTitleCase(text: string): boolean {
  const long = text.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return long.length >= 3 && long.every((word) => /^\p{Lu}/u.test(word));
}

/** "**Q: Is this a freeze?**": a question of a Q&A page, answered below it; it heads no section. */
const QUESTION_LINE = new RegExp(String.raw`^[ \t]*(?:${U_OPEN})?${BOLD}?(?:Q|Question)(?:[ \t]*\d{1,3})?[ \t]*[:.)]`);

/** A line that is a link ("[CLICK TO READ](https://...)") is a statement, whatever its case. */
const LINK_LINE = new RegExp(String.raw`^\s*${STRONG}?(?:${U_OPEN})?!?\[`);
const FACT_SHEET_LABEL = /^\s*(?:FACT SHEET|Fact Sheet)\b/;

/** The heading on line `index` of the body, if that line is one. */
export function headingAt(body: Body, index: number): Heading | null {
  const { text, lines, wrapped } = body;
  const around = { text, next: lines[index + 1], previous: lines[index - 1], wrapped, linesAlone: false };
  const heading =
    headingOf(lines[index]!, { ...around, linesAlone: setsLinesAlone(body) }) ??
    boldItemOverList(body, index) ??
    italicHeading(body, index) ??
    labelOverList(body, index) ??
    boldItemOverParagraph(body, index, index) ??
    titleCaseItemOverList(body, index, index);
  if (!heading || leadsListUnlikeHeadings(body, index, index) || introducesWhatFollows(lines[index]!.text)) return null;
  return heading;
}

/**
 * "**Today the President will highlight the following actions:**": a bold sentence alone ending in a colon
 * introduces the list or the run-in leads after it, whichever way the document heads its sections. A label in
 * capitals or in Title Case ("**The Facts:**") still heads what follows.
 */
function introducesWhatFollows(line: string): boolean {
  if (!STARTS_BOLD.test(line) || !BOLD_ENDS_IN_COLON.test(line)) return false;
  const words = withoutTags(line).replace(/[*_]/g, '');
  return opensAsSentence(words) && !isTitleCase(words) && !isShortTitle(words) && !isAllCaps(words);
}
/** A colon last inside the bold or just after it: "**Label:**", "**Label**:". */
const BOLD_ENDS_IN_COLON = new RegExp(String.raw`:${GAP}(?:${U_CLOSE})?${BOLD}${GAP}$|${BOLD}${GAP}:${GAP}$`);

// "-   **Heading**": a list item whose whole text is bold, with no colon or other mark after it.
const BOLD_ITEM = new RegExp(
  String.raw`^([ \t]*[-*+•◦▪][ \t\u00a0]+(?:${U_OPEN})?${BOLD})([^*_\n]{2,150}?)${BOLD}(?:${U_CLOSE})?[ \t]*$`,
);

/** "-   **Supply Chains**" over a list indented under it: the bold item heads that list. */
function boldItemOverList(body: Body, index: number): Heading | null {
  const { lines } = body;
  const line = lines[index]!;
  const found = BOLD_ITEM.exec(line.text);
  if (!found || found[2]!.trim().split(/\s+/).length > 16 || /[.!?:;,]\s*$/.test(found[2]!)) return null;
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  const item = next < lines.length ? BULLET.exec(lines[next]!.text) : null;
  if (!item || indentWidth(item[1]!) <= indentWidth(line.text)) return null;
  const start = line.start + found[1]!.length;
  return { heading: found[2]!, headingSpan: [start, start + found[2]!.length], leadStart: null };
}

// "-   **Heading.**", its bold wrapped onto an indented line or not: the whole item bold, a period allowed last.
const BOLD_ITEM_LINES = new RegExp(
  String.raw`^([ \t]*[-*+•◦▪][ \t\u00a0]+(?:${U_OPEN})?${BOLD})([^*_]{2,200}?)\.?${BOLD}(?:${U_CLOSE})?[ \t\u00a0]*$`,
);
const MOST_ITEM_HEADING_WORDS = 16;

/**
 * "-   **Reducing Health Care Costs.**" over a blank line and a paragraph: a list item that is all bold, in Title
 * Case, heads the paragraph under it, as the same line without the bullet does. Lines `first` to `last` hold the
 * item. Bold items followed by other items are a list; a bold sentence ("**It passed the Senate.**") opens as a
 * sentence or is not in Title Case.
 */
function boldItemOverParagraph(body: Body, first: number, last: number): Heading | null {
  const { lines } = body;
  const item = titleCaseBoldItem(body, first, last);
  if (!item || !isBlank(lines[last + 1]?.text ?? '')) return null;
  let next = last + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  return next >= lines.length || BULLET.test(lines[next]!.text) ? null : item;
}

/**
 * "-   **Drive New Opportunities to Coal Communities.  " + "    **" over a list indented under it: a Title Case
 * bold item heads its sub-list whether its bold closes on its line or the next, after a period or not.
 */
function titleCaseItemOverList(body: Body, first: number, last: number): Heading | null {
  const { lines } = body;
  const item = titleCaseBoldItem(body, first, last);
  if (!item) return null;
  let next = last + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  const sub = next < lines.length ? BULLET.exec(lines[next]!.text) : null;
  return sub && indentWidth(sub[1]!) > indentWidth(lines[first]!.text) ? item : null;
}

/** Lines `first` to `last` as one list item all in bold, in Title Case and no sentence: its words, or null. */
function titleCaseBoldItem(body: Body, first: number, last: number): Heading | null {
  const { text, lines } = body;
  const start = lines[first]!.start;
  const found = BOLD_ITEM_LINES.exec(text.slice(start, lines[last]!.end));
  if (!found || !lines.slice(first + 1, last + 1).every((line) => /^[ \t]+\S/.test(line.text))) return null;
  // The bold may close after a period and a line break: "Communities.  \n    **".
  const words = found[2]!.trim().replace(/\.$/, '');
  if (
    words.split(/\s+/).length > MOST_ITEM_HEADING_WORDS ||
    /[!?:;]|\p{Ll}{2}\.\s/u.test(words) ||
    opensAsSentence(words) ||
    !isTitleCase(words)
  )
    return null;
  const at = start + found[1]!.length;
  return { heading: text.slice(at, at + words.length), headingSpan: [at, at + words.length], leadStart: null };
}

/** A line, plain or in italics, that ends in a colon: "Health Care Students:", "*Launched Sites:*". */
const COLON_LABEL = /^[ \t\u00a0]*([*_]?)(?![*_\s])([^*_\n:]{2,150}):\1[ \t\u00a0]*$/;

/**
 * "Health Care Students:" or "*Launched Federal Pilot Community Vaccination Centers:*" alone over a list: a label in
 * Title Case (a note may follow a comma: "…, opening soon") names the list under it, as a bold one does. A sentence
 * introducing its list ("The President will:") is not in Title Case, or opens as a sentence does.
 */
function labelOverList(body: Body, index: number): Heading | null {
  const { lines } = body;
  const line = lines[index]!;
  const found = line.text.length <= 170 && !BULLET.test(line.text) ? COLON_LABEL.exec(line.text) : null;
  if (!found || !setApart({ previous: lines[index - 1], next: lines[index + 1] })) return null;
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  if (next >= lines.length || !BULLET.test(lines[next]!.text)) return null;
  const words = found[2]!.trimEnd();
  const title = words.split(',')[0]!.replace(/[()]/g, '');
  if (!isTitleCase(title) || opensAsSentence(words) || words.split(/\s+/).length > ITALIC_HEADING_WORDS) return null;
  const at = line.start + found[0].indexOf(words);
  return { heading: words, headingSpan: [at, at + words.length], leadStart: null };
}

/** "*Expanding Hospital Capacity*": a line in italics alone, its words in one span of single marks. */
const ITALIC_LINE = /^[ \t\u00a0]*([*_])(?![*_\s])([^*_\n]{1,150})(?<=[^*_\s])\1[ \t\u00a0]*$/;
/** The most words of an italic line that heads a section rather than stressing a sentence. */
const ITALIC_HEADING_WORDS = 12;
const italicHeadingsOf = new WeakMap<Body, boolean>();

/** The words of the italic line at `index`, when it stands apart and does not read as a sentence, or null. */
function italicLineAlone(body: Body, index: number): { words: string; at: number } | null {
  const { lines } = body;
  const line = lines[index]!;
  const found = line.text.length <= 170 ? ITALIC_LINE.exec(line.text) : null;
  if (!found || !setApart({ previous: lines[index - 1], next: lines[index + 1] })) return null;
  const words = found[2]!;
  if (!/^\p{Lu}/u.test(words) || /[.!?,;:]["”’]?$/.test(words) || words.includes('](')) return null;
  if (words.split(/\s+/).length > ITALIC_HEADING_WORDS) return null;
  return { words, at: line.start + found[0].indexOf(words) };
}

/**
 * An italic line alone heads a section only where the document heads its sections so: two such lines or more
 * (a sheet's headings share one shape), never one alone ("*Action Update: May 11*" over a list). Worked out once.
 */
function italicHeading(body: Body, index: number): Heading | null {
  const alone = italicOverText(body, index);
  if (!alone) return null;
  let consistent = italicHeadingsOf.get(body);
  if (consistent === undefined) {
    consistent = body.lines.filter((_, i) => italicOverText(body, i)).length >= 2;
    italicHeadingsOf.set(body, consistent);
  }
  if (!consistent) return null;
  return { heading: alone.words, headingSpan: [alone.at, alone.at + alone.words.length], leadStart: null };
}

/**
 * An italic line alone between lines of text: a run of italic lines with nothing between them is a list of
 * names ("The Executive Orders listed are:" over their titles, one wrapped over two lines), each heading nothing.
 */
function italicOverText(body: Body, index: number): { words: string; at: number } | null {
  const alone = italicLineAlone(body, index);
  if (!alone) return null;
  const { lines } = body;
  let previous = index - 1;
  while (previous >= 0 && isBlank(lines[previous]!.text)) previous--;
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  if (next >= lines.length || ITALIC_EDGE.test(lines[next]!.text)) return null;
  return previous >= 0 && ITALIC_EDGE.test(lines[previous]!.text) ? null : alone;
}
/** A line that opens or closes with a single italic mark. */
const ITALIC_EDGE = /^[ \t\u00a0]*[*_](?![*_\s])|(?<![*_\s])[*_][ \t\u00a0]*$/;

const linesAloneOf = new WeakMap<Body, boolean>();
const headsWithoutColonOf = new WeakMap<Body, boolean>();
const headsListsWithColonOf = new WeakMap<Body, boolean>();

/**
 * "**The plan helps borrowers by:**" over a list, in a document whose headings stand alone without a colon
 * ("**Federal Agency Action**"): a sentence introducing its list, not a heading. A document heads its sections
 * one way; a bold line ending in a colon is a heading only where the document's headings end so (or it has no
 * others), and not when it is a sentence wrapped over two lines ("**By contrast, the plan backs police and
 * funds programs that reduce crime:**") unless the document heads its lists with one-line bold labels so: then
 * the wrapped one is a longer heading of the same shape. A short label in Title Case ("**Factsheets by
 * State/Territory:**") names what follows whichever way the others are written, as a label in capitals does.
 */
function leadsListUnlikeHeadings(body: Body, first: number, last: number): boolean {
  const { lines } = body;
  const line = lines[first]!.text;
  if (!leadsList(body, first, last)) return false;
  const words = withoutTags(`${line} ${lines[last]!.text}`);
  if (isAllCaps(words.replace(/[*_]/g, ''))) return false;
  if (headsWithoutColon(body)) return !(first === last && isShortTitle(words));
  return last > first && !isTitleCase(words) && (opensAsSentence(words) || !headsListsWithColon(body));
}

/** A bold line (or two) ending in a colon, over a list. */
function leadsList(body: Body, first: number, last: number): boolean {
  const { lines } = body;
  if (!STARTS_BOLD.test(lines[first]!.text) || !endsWithColon(lines[last]!.text)) return false;
  let next = last + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next++;
  return next < lines.length && BULLET.test(lines[next]!.text);
}

/**
 * "The E.O. also provides ...", "Today, the Administration is announcing ...": an article, a pronoun or "Today"
 * first, or a comma after the first word, open a sentence; headings open on what they are about.
 */
const opensAsSentence = (text: string) => SENTENCE_OPENING.test(text.replace(/^[\s*_]+/, ''));
const SENTENCE_OPENING = /^(?:(?:The|This|These|That|Those|It|We|They|Today[’']s|Today)\s|[^\s,]+,)/;

/** The most words of a Title Case label that names a list rather than introducing it with a sentence. */
const SHORT_TITLE_WORDS = 6;
function isShortTitle(text: string): boolean {
  const words = text.replace(/[*_:]/g, ' ').trim().split(/\s+/);
  const long = words.filter((word) => /\p{L}{4,}/u.test(word));
  const capitalized = long.length > 0 && long.every((word) => /^\p{Lu}/u.test(word));
  return capitalized && words.length <= SHORT_TITLE_WORDS && !text.includes(',');
}

/**
 * Whether a one-line bold label ending in a colon, over a list, is a heading somewhere in the document (which
 * then heads no section without a colon). Worked out once.
 */
function headsListsWithColon(body: Body): boolean {
  let found = headsListsWithColonOf.get(body);
  if (found !== undefined) return found;
  const { text, lines, wrapped } = body;
  found = lines.some((line, i) => {
    if (!CLOSES_EMPHASIS.test(line.text) || !leadsList(body, i, i)) return false;
    const around = { text, next: lines[i + 1], previous: lines[i - 1], wrapped, linesAlone: false };
    return headingOf(line, around) !== null;
  });
  headsListsWithColonOf.set(body, found && !headsWithoutColon(body));
  return found && !headsWithoutColon(body);
}

/** "**Label:**", "**<u>Label</u>: **": a colon last, emphasis and space aside. */
function endsWithColon(line: string): boolean {
  return COLON_LAST.test(line);
}
const COLON_LAST = new RegExp(String.raw`:(?:${U_OPEN}|${U_CLOSE}|${BOLD}|\s)*$`);

/** Whether the document has a heading alone on its line that ends with no colon. Worked out once. */
function headsWithoutColon(body: Body): boolean {
  let found = headsWithoutColonOf.get(body);
  if (found !== undefined) return found;
  const { text, lines, wrapped } = body;
  found = lines.some((line, i) => {
    if (!(CLOSES_EMPHASIS.test(line.text) || /^\s*#|^[^a-z]*$/.test(line.text)) || endsWithColon(line.text))
      return false;
    // "**DELIVERING ON PLEDGE TO MAKE" + "AMERICA GREAT:**": the first line of a wrapped heading ends nothing.
    if (STARTS_BOLD.test(line.text) && !CLOSES_EMPHASIS.test(line.text)) return false;
    const around = { text, next: lines[i + 1], previous: lines[i - 1], wrapped, linesAlone: false };
    return headingOf(line, around)?.leadStart === null;
  });
  headsWithoutColonOf.set(body, found);
  return found;
}

/**
 * Whether one line of the document is a heading by the strict sentence-case test: a short line alone between
 * blank lines. A document that heads its sections so heads them all so, so its longer lines of that shape are
 * headings too ("Making child care affordable for working families and their children"). Worked out once.
 */
function setsLinesAlone(body: Body): boolean {
  let found = linesAloneOf.get(body);
  if (found !== undefined) return found;
  const { text, lines, wrapped } = body;
  found = lines.some((line, i) => {
    const around = { text, next: lines[i + 1], previous: lines[i - 1], wrapped, linesAlone: false };
    return /^[ \t]*[A-Z]/.test(line.text) && isBlank(around.next?.text ?? '') && strictAlone(line, around);
  });
  linesAloneOf.set(body, found);
  return found;
}

/** A sentence-case line that is a heading on its own evidence, not bold and not in capitals. */
function strictAlone(line: Line, around: Around): boolean {
  if (STARTS_BOLD.test(line.text) || isAllCaps(line.text) || !setApart(around)) return false;
  return matchHeading(line, around) !== null;
}

/**
 * A heading wrapped onto the next line: "LONG HEADING THAT WRAPS" + "ONTO HERE: lead", or a bold heading
 * whose bold closes on the next line ("**<u>Fostering Competitiveness and" + "Growth</u>**").
 */
export function wrappedHeadingAt(body: Body, index: number): Heading | null {
  const { text, lines, wrapped } = body;
  const line = lines[index]!;
  const next = lines[index + 1];
  if (!next || isBlank(next.text)) return null;
  // "(HIMARS)" on a line of its own is the end of a sentence wrapped there, not the start of a heading.
  if (/^\s*\(/.test(line.text) || continuesSentence(lines[index - 1])) return null;
  const boldItem = boldItemOverParagraph(body, index, index + 1) ?? titleCaseItemOverList(body, index, index + 1);
  if (boldItem) return boldItem;
  const closedAfterBreak = boldClosedAfterBreak(body, index);
  if (closedAfterBreak) return closedAfterBreak;
  const capitals = !line.text.includes(':') && isAllCaps(withoutTags(line.text));
  const [first, second] = [
    withBoldRunsJoined(line, lines[index - 1]).text,
    withBoldRunsJoined(next, lines[index - 1]).text,
  ];
  const emphasis = boldWrapsOnto(first, second, apartFrom(lines[index + 2])) || openedAloneOnto(body, index);
  if (!capitals && !emphasis && !underlineWrapsOnto(first, second)) return null;
  // Both lines as one, the line break blanked so offsets still match the source.
  const joined: Line = {
    number: line.number,
    start: line.start,
    end: next.end,
    text: text.slice(line.start, next.end).replace(/\r?\n/g, (m) => ' '.repeat(m.length)),
  };
  const heading = headingOf(joined, { text, next: undefined, previous: undefined, wrapped, linesAlone: false });
  if (!heading || heading.headingSpan[1] <= line.end) return null;
  return leadsListUnlikeHeadings(body, index, index + 1) ? null : heading;
}

// "**" closing a bold at the start of a line that carries on with text.
const CLOSES_BOLD_THEN_TEXT = /^[ \t]*(?:\*\*|__)[ \t\u00a0]*(?=\S)/;
/** Opens bold, never closes it, and ends in a hard line break (two spaces) after a word, not a sentence's end. */
const BOLD_BROKEN_OFF = new RegExp(String.raw`^[ \t]*(?:${U_OPEN})?${BOLD}(?:(?!\*\*|__)[^\n])*[^\s.!?"”’] {2,}$`);

/**
 * "**Increasing Access to Care  " + "**Ensuring access ...": a bold heading ended by a hard line break, the bold
 * closed at the start of the next line, which carries on with the section's lead text.
 */
function boldClosedAfterBreak(body: Body, index: number): Heading | null {
  const { text, lines, wrapped } = body;
  const line = lines[index]!;
  const next = lines[index + 1]!;
  const closing = CLOSES_BOLD_THEN_TEXT.exec(next.text);
  if (!closing || !BOLD_BROKEN_OFF.test(line.text)) return null;
  const end = next.start + closing[0].trimEnd().length;
  const joined: Line = { number: line.number, start: line.start, end, text: text.slice(line.start, end) };
  const around = { text, next: undefined, previous: undefined, wrapped, linesAlone: false };
  const heading = headingOf({ ...joined, text: joined.text.replace(/\r?\n/g, (m) => ' '.repeat(m.length)) }, around);
  return heading && { ...heading, leadStart: next.start + closing[0].length };
}

/** The most lines and words of a bold heading wrapped over several lines. */
const LONG_BOLD_LINES = 4;
const LONG_BOLD_WORDS = 30;
/** The last line of a long bold heading: its one bold mark closes it, alone on the line or after its last words. */
const CLOSES_BOLD_LAST = new RegExp(String.raw`^(?:[^*_]*[^*_\s])?([ \t]*)${BOLD}(?:${U_CLOSE})?[ \t]*$`);
/** A sentence ends inside: a period after a small letter, then space ("U.S. trade" is no end). */
const SENTENCE_END_INSIDE = /[a-z0-9)][.!?]["”’]?\s/;

/**
 * A long bold heading set apart, wrapped over up to four lines, its bold perhaps closed alone on the last after
 * a hard break ("**Expand the FDIC’s authority to claw back compensation … from executives at failed banks  " +
 * "**"). A sentence's end, a closing colon or comma, or more than 30 words make it a statement instead.
 */
export function longBoldHeadingAt(body: Body, index: number): { heading: Heading; last: number } | null {
  const { lines } = body;
  const first = lines[index]!.text;
  if (!STARTS_BOLD.test(first) || /\*\*|__/.test(first.replace(STARTS_BOLD, ''))) return null;
  if (index > 0 && !isBlank(lines[index - 1]!.text)) return null;
  const end = Math.min(lines.length, index + LONG_BOLD_LINES);
  for (let last = index + 1; last < end && !isBlank(lines[last]!.text); last++) {
    if (/\*\*|__/.test(lines[last]!.text)) return closedLongBold(body, index, last);
  }
  return null;
}

/** The heading of a long bold block from line `index` to `last`, where its bold closes, if it reads as one. */
function closedLongBold(body: Body, index: number, last: number): { heading: Heading; last: number } | null {
  const { text, lines } = body;
  const closing = CLOSES_BOLD_LAST.exec(lines[last]!.text);
  // Closed alone on its line after a hard break, the bold may run straight into the paragraph after it.
  const alone = closing !== null && withoutTags(closing[0]).trim().length === 2;
  if (!closing || !(alone || apartFrom(lines[last + 1]))) return null;
  const open = lines[index]!.start + STARTS_BOLD.exec(lines[index]!.text)![0].length;
  const span = trimMarkup(text, [open, lines[last]!.start + lines[last]!.text.search(/\*\*|__/)]);
  const heading = text.slice(span[0], span[1]);
  const bare = withoutTags(heading).replace(/[*_]/g, '').trim();
  if (bare.split(/\s+/).length > LONG_BOLD_WORDS || !/^[A-Z]/.test(bare) || bare.includes('](')) return null;
  if (/[.!?:;,]["”’]?$/.test(bare) || SENTENCE_END_INSIDE.test(bare)) return null;
  return { heading: { heading, headingSpan: span, leadStart: null }, last };
}

/** A bold opened on this line and closed at the end of the next, with no sentence ending inside. */
function boldWrapsOnto(line: string, next: string, apart: boolean): boolean {
  if (!STARTS_BOLD.test(line) || /(?:\*\*|__)\s*$/.test(line) || line.trim().length < 4) return false;
  const closes = /^[^*_]*(?:\*{2,3}|__)[.:]?\s*$/.test(next) && !/\*\*|__/.test(line.replace(/^\s*(?:\*{2,3}|__)/, ''));
  return (
    closes &&
    !/[.!?]\s*$/.test(line.replace(/<[^>]*>/g, '').trimEnd()) &&
    !closesSentenceInBold(`${line} ${next}`, apart)
  );
}

/**
 * "**" or "<span style=\"text-decoration: underline\">" alone on its line (a converter's hard break after the
 * mark), and the words it emphasizes on the next, closed at its end: "**  " + "Advancing Technology for
 * Democracy**". A mark alone after a line with bold marks of its own may close that bold instead.
 */
function openedAloneOnto(body: Body, index: number): boolean {
  const { lines } = body;
  const previous = lines[index - 1];
  if (!EMPHASIS_ALONE.test(lines[index]!.text) || (previous && /\*\*|__/.test(previous.text))) return false;
  return EMPHASIS_CLOSED_LAST.test(lines[index + 1]!.text);
}
/** Only emphasis marks, and at least one: "**", "<u>", "**<u>", "<span style=...>". */
const EMPHASIS_ALONE = new RegExp(String.raw`^${GAP}(?:${BOLD}|${U_OPEN}){1,2}${GAP}$`);
/** Words, then the emphasis closed at the end of the line: "Heading**", "Heading</span>", "Heading</u>**:". */
const EMPHASIS_CLOSED_LAST = new RegExp(String.raw`^[^*_<\n]*[^*_<\s](?:${BOLD}|${U_CLOSE}){1,2}[.:]?[ \t\u00a0]*$`);

/** An underline opened on this line and closed at the end of the next: "<u>Upgrading Transport and" + "Supply</u>". */
function underlineWrapsOnto(line: string, next: string): boolean {
  const opened = UNDERLINE_OPENS.exec(line);
  return opened !== null && !/[.!?]\s*$/.test(line) && EMPHASIS_CLOSED_LAST.test(next) && !/\*\*|__/.test(next);
}
/** A line that opens an underline and does not close it. */
const UNDERLINE_OPENS = new RegExp(String.raw`^[ \t]*${U_OPEN}(?:(?!${U_CLOSE})[^*_\n])+$`);

/** The text without inline tags: "<u>HEADING</u>" -> "HEADING". */
const withoutTags = (text: string) => text.replace(/<\/?[a-z]+(?:\s[^<>\n]{0,80})?>/gi, '');

/**
 * Has capitals and no lower case: "SECURING OUR BORDER", "FY 2025". A word written with small letters among
 * two capitals or more is a name or an acronym, kept as spelled in a line of capitals ("EFFECTIVE mRNA VACCINES").
 */
export function isAllCaps(text: string): boolean {
  return /[A-Z]{2}/.test(text) && !(text.match(/\p{L}+/gu) ?? []).some(isLowerCaseWord);
}

/** "vaccines", "Vaccines": lower case letters and at most one capital. */
const isLowerCaseWord = (word: string) => /[a-z]/.test(word) && !/[A-Z][^A-Z]*[A-Z]/.test(word);

/** An ALL-CAPS line that reads as a heading, not a title: short, not a sentence, emphasis aside. */
export function isAllCapsHeadingLine(line: string): boolean {
  const bare = line.replace(/[*_#]/g, '').trim();
  return isAllCaps(bare) && bare.split(/\s+/).length <= 16 && !/[.!?]$/.test(bare);
}

function headingOf(line: Line, around: Around): Heading | null {
  const found = matchHeading(line, around);
  if (!found) return null;
  // The heading is always exactly its span, trimmed of space and emphasis marks.
  const span = trimMarkup(around.text, found.headingSpan);
  if (span[1] <= span[0]) return null;
  return { ...found, heading: around.text.slice(span[0], span[1]), headingSpan: span };
}

function matchHeading(source: Line, around: Around): Heading | null {
  const line = withBoldRunsJoined(source, around.previous);
  const raw = line.text;
  // Bullets are statements, though a bold bullet may be a heading, and so may a capitals lead opening one.
  if (BULLET.test(raw) && !/^\s*\*\*/.test(raw)) return capitalsLeadOnItem(line);
  if (LINK_LINE.test(raw) || QUESTION_LINE.test(raw)) return null;
  return markdownHeading(line) ?? headingWithLead(line, apartFrom(around.next)) ?? headingAlone(line, around);
}

/**
 * "-   **NEW YORK:** NYU Langone Health …": a bold label in capitals, closed at its colon, opening a list item
 * heads it as it heads a paragraph; the rest of the item is the section's lead. Mixed case ("**Oakland Coliseum –
 * Oakland, CA:**") and a bold label with no colon open the item as words of it.
 */
function capitalsLeadOnItem(line: Line): Heading | null {
  const mark = BULLET.exec(line.text)![0];
  const item = { ...line, text: ' '.repeat(mark.length) + line.text.slice(mark.length) };
  if (!STARTS_BOLD.test(item.text)) return null;
  const found = headingWithLead(item, false);
  return found && found.leadStart !== null && isAllCaps(withoutTags(found.heading)) ? found : null;
}

/** Bold closed and opened again between two words: "**COMBATING ILLICIT FINANCE** **IN THE DIGITAL AGE:**". */
const BOLD_RUN_BREAK = /(?<=[^\s*_])(?:\*{2,3}|__)[ \t]+(?:\*{2,3}|__)(?=[^\s*_])/g;

/**
 * The line with a bold written as two runs read as one, the marks between them blanked so that offsets still
 * match the source: converters split a bold heading where its formatting changed. Only a line that opens a
 * block: in a paragraph, runs of bold are words stressed inside a sentence.
 */
function withBoldRunsJoined(line: Line, previous: Line | undefined): Line {
  if ((previous && !isBlank(previous.text)) || (!line.text.includes('** ') && !line.text.includes('__ '))) return line;
  return { ...line, text: line.text.replace(BOLD_RUN_BREAK, (marks) => ' '.repeat(marks.length)) };
}

function markdownHeading(line: Line): Heading | null {
  const markdown = markdownHeadingParts(line.text);
  if (!markdown) return null;
  const start = line.start + line.text.indexOf(markdown.heading);
  return { heading: markdown.heading, headingSpan: [start, start + markdown.heading.length], leadStart: null };
}

/** The hashes and the heading text of a Markdown heading line ("## Heading ##"), or null. */
export function markdownHeadingParts(line: string): { hashes: string; heading: string } | null {
  const match = MARKDOWN_HEADING.exec(line);
  if (!match) return null;
  return { hashes: match[1]!, heading: withoutClosingHashes(match[2] ?? '') };
}

/** "Heading ##  " -> "Heading": drops the longest tail of spaces, then hashes, then spaces. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && SPACE_OR_TAB.test(text[end - 1]!)) end--;
  while (end > 0 && text[end - 1] === '#') end--;
  while (end > 0 && SPACE_OR_TAB.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * "**PROTECTING AMERICANS.** lead", "**<u>PROTECTING AMERICANS.</u>** lead" (bold capitals closed by a period):
 * the label heads the section. In mixed case ("**1. Defend Critical Infrastructure** – lead") a bold label
 * running into its paragraph opens the paragraph, as with a colon.
 */
const PERIOD_CLOSING_BOLD = String.raw`(?:\.(?:${U_CLOSE})?\*\*|\*\*\.)`;
const BOLD_PERIOD_LEAD = new RegExp(
  String.raw`^([ \t]*\*\*(?:${U_OPEN})?)([A-Z][^*:<\n]{2,100}?)(?:${U_CLOSE})?${PERIOD_CLOSING_BOLD}[ \t\u00a0]+(?=\S)`,
);

function boldLabelLead(line: Line): Heading | null {
  const found = BOLD_PERIOD_LEAD.exec(line.text);
  if (!found || !isAllCaps(found[2]!)) return null;
  const start = line.start + found[1]!.length;
  const rest = line.start + found[0].length;
  return {
    heading: found[2]!,
    headingSpan: [start, start + found[2]!.length],
    leadStart: rest < line.end ? rest : null,
  };
}

/** "**" (or "</u>**") closing at the colon. */
const CLOSES_BOLD_AT_COLON = new RegExp(String.raw`${BOLD}${GAP}:|:(?:${U_CLOSE})?${BOLD}`);

/**
 * "HEADING: lead" in capitals, or "**Heading:** lead" in bold; "Fact Sheet: ..." is a title, not a heading. A line
 * `alone` (nothing under it on the next line) in capitals is one heading, colon and all.
 */
function headingWithLead(line: Line, alone: boolean): Heading | null {
  const found = line.text.includes(':') ? WITH_LEAD.exec(line.text) : null;
  if (!found) return boldLabelLead(line);
  const heading = found[2]!;
  const bold = /\*\*|__/.test(found[0]);
  // "    (HIMARS):** lead": a bold closed at the colon but opened on the line before is a wrapped label's end.
  const closesBold = CLOSES_BOLD_AT_COLON.test(found[0]);
  if (closesBold && !/\*\*|__/.test(found[1]!)) return null;
  const words = heading.trim().split(/\s+/).length;
  const rest = line.start + found[0].length;
  const leadStart = rest < line.end ? rest : null;
  // A bold label in mixed case running into its paragraph ("**Values-Driven:** The initiative ...") is how the
  // paragraph opens, not a section; alone on its line it heads what follows.
  const bare = withoutTags(heading);
  const bolded = bold && /^[A-Z]/.test(bare.trim()) && leadStart === null;
  if (!(isAllCaps(bare) || bolded) || words > 16 || FACT_SHEET_LABEL.test(heading)) return null;
  const start = line.start + found[1]!.length;
  const title = isAllCaps(bare) ? numberedTitle(line, found[0].length) : null;
  // "**<u>TARGETS: VACCINATE THE WORLD</u>**" alone: a line in capitals, its colon inside its emphasis, is one heading.
  const inOneEmphasis = alone && !closesBold && title?.parts(start).leadStart === null;
  const whole = title && (NUMBERED_LABEL.test(bare.trim()) || inOneEmphasis);
  if (whole) return { heading: line.text.slice(found[1]!.length, title.end), ...title.parts(start) };
  return { heading, headingSpan: [start, start + heading.length], leadStart };
}

/** "GOAL 1", "PILLAR II", "PART A": a label that numbers the heading after its colon, not one that names it. */
const NUMBERED_LABEL = /^\p{Lu}{2,12}[ \t\u00a0]+(?:\d{1,2}|[IVX]{1,4}|[A-Z])$/u;
/** The capitals after such a label's colon, up to where the emphasis closes or the line ends. */
const NUMBERED_TITLE = new RegExp(String.raw`^([^*_<\n]*[^*_<\s])[ \t\u00a0]*(?:${U_CLOSE}|${BOLD}|$)`);
/** What may stand between a heading and the lead it runs into: space, dashes, emphasis closed or opened. */
const BEFORE_LEAD = new RegExp(String.raw`^(?:[\s\u00a0*_–—-]|${U_CLOSE})*`);

/**
 * "**<u>GOAL 1:  PROTECT OUR PEOPLE</u>**", "**<u>GOAL 2:  PREVENT TRANSBORDER CRIME</u>** **–** lead": the
 * numbered label and the capitals after it are one heading (the goal's name, not "Goal 1"); where text follows
 * the emphasis, past a dash, it is the section's lead. `from` is where the capitals start on the line.
 */
function numberedTitle(line: Line, from: number) {
  const rest = line.text.slice(from);
  const title = NUMBERED_TITLE.exec(rest);
  if (!title || !isAllCaps(withoutTags(title[1]!)) || title[1]!.split(/\s+/).length > 16) return null;
  const end = from + title[1]!.length;
  const lead = end + BEFORE_LEAD.exec(line.text.slice(end))![0].length;
  return {
    end,
    parts: (start: number) => ({
      headingSpan: [start, line.start + end] as const,
      leadStart: lead < line.text.length ? line.start + lead : null,
    }),
  };
}

/** A bold or ALL-CAPS line alone ("**Lower Costs**", "SECURING OUR BORDER"), or a short one set apart. */
function headingAlone(line: Line, around: Around): Heading | null {
  const raw = line.text;
  // The wrapped end of a sentence ("    AI.", "(WIC).") continues the line before; it heads nothing.
  if (continuesSentence(around.previous) || /^\s*\(/.test(raw)) return null;
  // Cheap tests first: a heading alone is in capitals, or bold, or a line with blank lines around it.
  const couldBeAlone = raw.length <= 170 && (!/[a-z]/.test(raw) || STARTS_BOLD.test(raw) || setApart(around));
  const alone = couldBeAlone ? ALONE.exec(raw) : null;
  if (!alone) return null;
  const heading = alone[1]!.trim();
  const words = heading.split(/\s+/).length;
  const emphasized = (STARTS_BOLD.test(raw) && ENDS_BOLD.test(raw)) || UNDERLINED_LINE.test(raw);
  const isBold = emphasized && !closesSentenceInBold(raw, apartFrom(around.next));
  const form = isAllCaps(heading) || isBold || isSentenceCaseHeading(raw, heading, words, around);
  // "**Read the full report [here](https://...)**": a line that links somewhere asks to follow it; it heads nothing.
  if (words > 16 || !form || !/\p{L}/u.test(heading) || heading.includes('](')) return null;
  const start = line.start + raw.indexOf(alone[1]!);
  return { heading, headingSpan: [start, start + alone[1]!.length], leadStart: null };
}

/**
 * "Help for households": a short line in sentence case, set apart, that does not end as a sentence does. In a
 * document that sets such lines alone as headings, a longer line alone between blank lines is one too.
 */
function isSentenceCaseHeading(raw: string, heading: string, words: number, around: Around): boolean {
  const likeTheOthers = around.linesAlone && isBlank(around.next?.text ?? '');
  return (
    /^[A-Z]/.test(heading) &&
    // "**It passed the Senate.**": the emphasis closes after the sentence does.
    !/[.!?,;:]$/.test(withoutClosingEmphasis(raw)) &&
    (words <= 12 || likeTheOthers) &&
    // A long line ending on a small word ("... his promise to restore") is a sentence cut at a line break.
    !(words > 8 && /\s[a-z]+\s*$/.test(raw) && !likeTheOthers) &&
    setApart(around) &&
    around.next !== undefined &&
    // A line closing a quoted sentence ("... kept.”") is a heading only in wrapped text, where paragraphs
    // have no short lines.
    (around.wrapped || !/[.!?]["”]?\s*$/.test(raw))
  );
}

/** The line without trailing space and the emphasis that closes it ("It passed.**" -> "It passed."). */
function withoutClosingEmphasis(raw: string): string {
  let end = raw.trimEnd();
  for (let closing = CLOSING_EMPHASIS.exec(end); closing; closing = CLOSING_EMPHASIS.exec(end))
    end = end.slice(0, closing.index).trimEnd();
  return end;
}
const CLOSING_EMPHASIS = new RegExp(String.raw`(?:${BOLD}|${U_CLOSE})$`);
/** Emphasis closed last on the line, space aside. */
const CLOSES_EMPHASIS = new RegExp(String.raw`(?:${BOLD}|${U_CLOSE})\s*$`);

/** A line of text that stops mid-sentence, so the next line carries on with it. */
function continuesSentence(previous: Line | undefined): boolean {
  if (!previous || isBlank(previous.text) || markdownHeadingParts(previous.text)) return false;
  return !/[.!?:;]["”’)*_]*\s*$/.test(previous.text) && !CLOSES_EMPHASIS.test(previous.text);
}

/** A blank line (or the start) before, and a blank line, a bullet or the end after. */
function setApart({ previous, next }: Pick<Around, 'previous' | 'next'>): boolean {
  return (!previous || isBlank(previous.text)) && (!next || isBlank(next.text) || BULLET.test(next.text));
}
