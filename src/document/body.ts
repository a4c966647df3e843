// The body: sections and their statements, read line by line as a small state machine. line-kinds.ts says
// what each line is; here each kind moves the state. A heading opens a section; a bullet or a line of text
// adds a statement or continues the open one; a blank line ends a paragraph, and the next statement after it
// starts a new blank-line group.
import type { DocumentFormat } from './formats/format.js';
import type { Heading } from './headings.js';
import { kindOfLine } from './line-kinds.js';
import { hasWord, isBlank, type Body, type Line } from './lines.js';
import { SectionList } from './sections.js';
import { plural } from './text.js';
import type { PointDraft, SectionDraft, Span, Warning } from './types.js';

export interface BodyContent {
  sections: SectionDraft[];
  /** Duplicate headings, lines that could not be placed, and skipped HTML, in that order. */
  warnings: Warning[];
}

/** A statement that the next lines may still continue. */
interface Open {
  point: PointDraft;
  indent: number;
  /** A bullet stays open across a blank line, for its indented text. */
  bullet: boolean;
}

// A line that ends so may end a statement: a stop, a colon, a closing quote, bracket or emphasis.
const TERMINAL = /[.!?:;"”’)\]*_]\s*$/;
// Two trailing spaces or a backslash: a Markdown hard line break, so the next line is a new statement.
const HARD_BREAK = /(?: {2}|\\)$/;
// A line that introduces what follows, and a line that is a bold label from end to end ("**Lower costs**").
const INTRODUCES = /:[*_]*\s*$/;
const LABEL_LINE = /^\s*(\*\*|__).*\1\s*$/;
// How a line continuing a sentence starts.
const CONTINUATION_START = /^\s*[a-z0-9(]/;

/** Reads the body's lines from `from` on. */
export function readBody(body: Body, from: number, format: DocumentFormat): BodyContent {
  const reader = new BodyReader(body, format);
  for (let index = from; index < body.lines.length; index++) index = reader.read(index);
  return reader.finish();
}

class BodyReader {
  private readonly warnings: Warning[] = [];
  private readonly sections: SectionList;
  private readonly htmlLines: number[] = [];
  private section: SectionDraft | null = null;
  private open: Open | null = null;
  /** The blank-line group of the section's last statement. */
  private group = 0;
  /** Whether a blank line came since the last statement: the next one then starts a new group. */
  private sawBlank = false;

  constructor(
    private readonly body: Body,
    private readonly format: DocumentFormat,
  ) {
    this.sections = new SectionList(this.warnings, body.text);
  }

  /** Reads the line at `index`; returns the index of the last line it took (a heading may take two). */
  read(index: number): number {
    const line = this.body.lines[index]!;
    const kind = kindOfLine(this.body, index);
    switch (kind.kind) {
      case 'blank':
        this.sawBlank = true;
        if (this.open && !this.open.bullet) this.open = null;
        break;
      case 'closing-mark':
        this.open = null;
        break;
      case 'html':
        if (!kind.comment) this.htmlLines.push(line.number);
        break;
      case 'heading':
        this.heading(kind.heading, line, this.body.lines[kind.last]!);
        return kind.last;
      case 'markup':
        break;
      case 'no-text':
        this.warnings.push(unplaced(line));
        break;
      case 'bullet':
        this.bullet(line, kind.textStart, kind.indent);
        break;
      case 'text':
        this.text(index, kind.indent);
        break;
    }
    return index;
  }

  finish(): BodyContent {
    const [first] = this.htmlLines;
    if (first !== undefined) {
      const count = this.htmlLines.length;
      const message = `${plural(count, 'line')} of HTML skipped (tables, images), the first at line ${first}`;
      this.warnings.push({ line: first, message });
    }
    return { sections: this.sections.sections, warnings: this.warnings };
  }

  private startSection(heading: Heading | null, line: Line): SectionDraft {
    this.section = this.sections.start(heading, line);
    this.group = 0;
    this.sawBlank = false;
    return this.section;
  }

  /** Opens a section; a lead after "HEADING:" is its first statement, and later lines may continue it. */
  private heading(heading: Heading, line: Line, last: Line): void {
    const section = this.startSection(heading, line);
    this.open = null;
    if (heading.leadStart === null) return;
    const span = this.statementSpan(heading.leadStart, last.end);
    if (!span) return;
    section.lead = this.point(span, `${section.id}-lead`, line, -1, 0);
    this.open = { point: section.lead, indent: 0, bullet: false };
  }

  private bullet(line: Line, textStart: number, indent: number): void {
    // Items a blank line apart ("1) …", blank, "2) …") are still one list: one group, so each reaches its lead-in.
    if (this.open?.bullet) this.sawBlank = false;
    // Indented two spaces or more, a bullet is nested: one level per four spaces, at most three.
    const depth = Math.min(3, Math.floor(indent / 2) > 0 ? Math.max(1, Math.floor(indent / 4)) : 0);
    const point = this.addStatement(textStart, line, depth);
    this.open = point ? { point, indent, bullet: true } : null;
  }

  private text(index: number, indent: number): void {
    const line = this.body.lines[index]!;
    if (this.open && continues(this.open, this.body.lines[index - 1], line, indent, this.body)) {
      this.extend(this.open.point, line.end);
      return;
    }
    const point = this.addStatement(line.start, line, 0);
    this.open = point ? { point, indent, bullet: false } : null;
  }

  /** Adds a statement from `start` to the end of the line, in a new group after a blank line. */
  private addStatement(start: number, line: Line, depth: number): PointDraft | null {
    const section = this.section ?? this.startSection(null, line);
    const span = this.statementSpan(start, line.end);
    if (!span) return null;
    if (this.sawBlank && section.points.length > 0) this.group++;
    this.sawBlank = false;
    const point = this.point(span, `${section.id}-${section.points.length + 1}`, line, this.group, depth);
    section.points.push(point);
    return point;
  }

  /** The span trimmed as the format trims a statement; null when no word or number is left in it. */
  private statementSpan(start: number, end: number): Span | null {
    const span = this.format.trimStatement(this.body.text, [start, end]);
    if (span[1] <= span[0] || !hasWord(this.body.text.slice(span[0], span[1]))) return null;
    return span;
  }

  private point(span: Span, id: string, line: Line, group: number, depth: number): PointDraft {
    return { id, text: this.body.text.slice(span[0], span[1]), span, line: line.number, group, depth, sentences: [] };
  }

  private extend(point: PointDraft, end: number): void {
    const span = this.format.trimStatement(this.body.text, [point.span[0], end]);
    point.span = span;
    point.text = this.body.text.slice(span[0], span[1]);
  }
}

/**
 * Whether a line of text continues the open statement rather than starting one. In wrapped text every line
 * does; otherwise a bullet's indented text does, a line the wrapping pushed onto the next line does, and so does a
 * line that carries on a sentence the previous line left unfinished. A blank line (but for a bullet's indented
 * text) or a hard break ends the statement.
 */
function continues(open: Open, previous: Line | undefined, line: Line, indent: number, body: Body): boolean {
  if (!previous || HARD_BREAK.test(previous.text)) return false;
  const indentedUnderBullet = open.bullet && indent > open.indent;
  if (isBlank(previous.text) && !indentedUnderBullet) return false;
  if (body.wrapped || indentedUnderBullet) return true;
  if (wrappedOnto(previous, line, body.width) || linkWrappedOnto(previous, line)) return true;
  return !TERMINAL.test(previous.text) && CONTINUATION_START.test(line.text);
}

/**
 * Whether the line break before `line` is one the wrapping made: the line's first word would not have fitted at the
 * end of the previous line. A short line (a name, a label) followed by one that starts with a capital stays a
 * line of its own, and so does a line that introduces what follows (ending in a colon) or is a bold label on its
 * own, as the lines after those may be items of a list without marks.
 */
function wrappedOnto(previous: Line, line: Line, width: number | null): boolean {
  if (width === null || INTRODUCES.test(previous.text) || LABEL_LINE.test(previous.text)) return false;
  const firstWord = /^\s*(\S*)/.exec(line.text)![1]!;
  return previous.text.trimEnd().length + 1 + firstWord.length > width;
}

/** A link's text wrapped across the break ("approximately [48 million" / "Americans ](…)with"): one sentence. */
function linkWrappedOnto(previous: Line, line: Line): boolean {
  const open = previous.text.lastIndexOf('[');
  if (open < 0 || previous.text.includes(']', open)) return false;
  const close = line.text.indexOf('](');
  return close >= 0 && !line.text.slice(0, close).includes('[');
}

function unplaced(line: Line): Warning {
  const shown = JSON.stringify(line.text.trim().slice(0, 20));
  return { line: line.number, message: `line ${line.number} could not be placed: it holds no text (${shown})` };
}
