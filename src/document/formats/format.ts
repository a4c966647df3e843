// The seam between the parser and the formats a fact sheet comes in. Each format is one module that says
// which documents are its own, what its markup does at the edges of a statement, and what a reader sees of
// its text; the parser, the index and the renderers ask the document's format and name none. Adding a format
// (HTML) is one module, listed in formats/index.ts.
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
  /**
   * Source text as a reader sees it: line wrapping collapsed and any markup removed. The words stay exactly
   * those of the source.
   */
  plainText(raw: string): string;
}
