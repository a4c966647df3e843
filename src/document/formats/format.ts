// The seam between the parser and the formats a fact sheet comes in. Each format is one module that says
// which documents are its own and what its markup does at the edges of a statement; the parser asks the
// chosen format and names none. Adding a format (HTML) is one module, listed in formats/index.ts.
import type { Document, Span } from '../types.js';

/** What the parser knows of a document when it chooses the format. */
export interface FormatClues {
  file: string;
  /** Whether the document opens with closed YAML front matter. */
  frontMatter: boolean;
}

export interface DocumentFormat {
  /** The name a document in this format carries (Document.format). */
  readonly name: Document['format'];
  claims(clues: FormatClues): boolean;
  /** A statement's span shrunk to its words: past whitespace and any markup at its edges. */
  trimStatement(text: string, span: Span): Span;
}
