/** [start, end) offsets into the document's source text: `source.slice(start, end)` is the quoted text. */
export type Span = readonly [number, number];

export interface Epigraph {
  /** The quotation itself, verbatim. */
  text: string;
  span: Span;
  /** Who said it ("President Donald J. Trump"), when the text names them. */
  attribution: string | null;
  attributionSpan: Span | null;
  line: number;
}

export interface Point {
  /** Stable id: `<section id>-<n>`. */
  id: string;
  /** Verbatim source text (may hold line breaks where the source wraps). */
  text: string;
  span: Span;
  /** 1-based source line where the statement starts. */
  line: number;
  /** Statements separated by no blank line share a group number (0-based within the section). */
  group: number;
  /** 0 for a top-level statement or bullet, 1+ for a nested bullet. */
  depth: number;
  sentences: Span[];
}

export interface Section {
  /** Stable slug of the heading ("securing-our-border"); unique within the document. */
  id: string;
  /** 1-based position in the document. */
  number: number;
  /** The heading as written ("SECURING OUR BORDER"); null for an unheaded opening. */
  heading: string | null;
  headingSpan: Span | null;
  /** Display title in title case ("Securing Our Border"). */
  title: string;
  /** The sentence after `HEADING:` on the heading line, when there is one. */
  lead: Point | null;
  points: Point[];
  line: number;
}

/** A figure as the recognizer finds it in a sentence (src/document/figures.ts). */
export interface FoundFigure {
  span: Span;
  /** Numeric value (120000, 75, 1.4e9); null for a vague amount such as "thousands". */
  value: number | null;
  /** Upper bound of a range ("from 400 to 1,200", "10-20%"); null otherwise. */
  valueMax: number | null;
  /** "%", "$", "miles", "months", ...; null when the figure is a plain count. */
  unit: string | null;
  qualifier: string | null;
  /** What the figure counts, as the sentence says it ("criminal aliens", "miles of wall"). */
  counts: string | null;
  /** The time frame the sentence gives ("last year", "since May of last year"). */
  timeframe: string | null;
}

/** A figure placed in its document. */
export interface Figure extends FoundFigure {
  /** Stable id: `<point id>-f<n>`. */
  id: string;
  /** As written, qualifier included: "more than 120,000", "75%", "$1.4 billion". */
  text: string;
  sectionId: string;
  pointId: string;
  /** Span of the sentence the figure comes from. */
  sentenceSpan: Span;
}

export interface Warning {
  line: number;
  message: string;
}

export interface Document {
  /** Stable id from the file name ("border-security-and-immigration"). */
  id: string;
  /** File name the document came from. */
  file: string;
  /** Markdown sources may carry markup (links, emphasis) that quotes show as plain text. */
  format: 'markdown' | 'text';
  title: string;
  source: string | null;
  date: string | null;
  epigraph: Epigraph | null;
  sections: Section[];
  figures: Figure[];
  warnings: Warning[];
  /** The full source text, as read: every span points into it. */
  text: string;
}
