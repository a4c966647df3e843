/** [start, end) offsets into the document's source text: `source.slice(start, end)` is the quoted text. */
export type Span = readonly [number, number];

export interface Epigraph {
  /** The quotation itself, verbatim. */
  readonly text: string;
  readonly span: Span;
  /** Who said it ("President Donald J. Trump"), when the text names them. */
  readonly attribution: string | null;
  readonly attributionSpan: Span | null;
  readonly line: number;
}

export interface Point {
  /** Stable id: `<section id>-<n>`. */
  readonly id: string;
  /** Verbatim source text (may hold line breaks where the source wraps). */
  readonly text: string;
  readonly span: Span;
  /** 1-based source line where the statement starts. */
  readonly line: number;
  /** Statements separated by no blank line share a group number (0-based within the section). */
  readonly group: number;
  /** 0 for a top-level statement or bullet, 1+ for a nested bullet. */
  readonly depth: number;
  readonly sentences: readonly Span[];
}

export interface Section {
  /** Stable slug of the heading ("securing-our-border"); unique within the document. */
  readonly id: string;
  /** 1-based position in the document. */
  readonly number: number;
  /** The heading as written ("SECURING OUR BORDER"); null for an unheaded opening. */
  readonly heading: string | null;
  readonly headingSpan: Span | null;
  /** Display title in title case ("Securing Our Border"). */
  readonly title: string;
  /** The sentence after `HEADING:` on the heading line, when there is one. */
  readonly lead: Point | null;
  readonly points: readonly Point[];
  readonly line: number;
}

/** A figure as the recognizer finds it in a sentence (src/document/figures.ts). */
export interface FoundFigure {
  readonly span: Span;
  /** Numeric value (120000, 75, 1.4e9); null for a vague amount such as "thousands". */
  readonly value: number | null;
  /** Upper bound of a range ("from 400 to 1,200", "10-20%"); null otherwise. */
  readonly valueMax: number | null;
  /** "%", "$", "miles", "months", ...; null when the figure is a plain count. */
  readonly unit: string | null;
  readonly qualifier: string | null;
  /** What the figure counts, as the sentence says it ("criminal aliens", "miles of wall"). */
  readonly counts: string | null;
  /** The time frame the sentence gives ("last year", "since May of last year"). */
  readonly timeframe: string | null;
}

/** A figure placed in its document. */
export interface Figure extends FoundFigure {
  /** Stable id: `<point id>-f<n>`. */
  readonly id: string;
  /** As written, qualifier included: "more than 120,000", "75%", "$1.4 billion". */
  readonly text: string;
  readonly sectionId: string;
  readonly pointId: string;
  /** Span of the sentence the figure comes from. */
  readonly sentenceSpan: Span;
}

export interface Warning {
  readonly line: number;
  readonly message: string;
}

export interface Document {
  /** Stable id from the file name ("border-security-and-immigration"). */
  readonly id: string;
  /** File name the document came from. */
  readonly file: string;
  /** Markdown sources may carry markup (links, emphasis) that quotes show as plain text. */
  readonly format: 'markdown' | 'text';
  readonly title: string;
  readonly source: string | null;
  readonly date: string | null;
  readonly epigraph: Epigraph | null;
  readonly sections: readonly Section[];
  readonly figures: readonly Figure[];
  readonly warnings: readonly Warning[];
  /** The full source text, as read: every span points into it. */
  readonly text: string;
}

/** The same shape, writable: what a parse phase fills in place before it hands the result on. */
export type Writable<T> = {
  -readonly [K in keyof T]: T[K] extends Span ? T[K] : T[K] extends readonly (infer U)[] ? U[] : T[K];
};

// Only the phases that build a document hold a draft; everyone else reads the readonly types above.
export type PointDraft = Writable<Point>;
export interface SectionDraft extends Omit<Writable<Section>, 'lead' | 'points'> {
  lead: PointDraft | null;
  points: PointDraft[];
}
