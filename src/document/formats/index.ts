// The formats the parser reads, and the one a parsed document is in: callers ask it, never its name.
import type { Document } from '../types.js';
import type { DocumentFormat, FormatClues } from './format.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

export type { DocumentFormat, FormatClues };

const BY_NAME = { markdown, text } satisfies Record<Document['format'], DocumentFormat>;

/** Most particular first: plain text, last, takes whatever none before claims. */
const FORMATS: readonly DocumentFormat[] = [BY_NAME.markdown, BY_NAME.text];

export function chooseFormat(clues: FormatClues): DocumentFormat {
  return FORMATS.find((format) => format.claims(clues)) ?? text;
}

/** Source text of a document as a reader sees it (its format's markup removed, wrapping collapsed). */
export function plainTextOf(document: Pick<Document, 'format'>, raw: string): string {
  return BY_NAME[document.format].plainText(raw);
}
