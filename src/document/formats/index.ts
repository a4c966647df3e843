// The formats the parser reads, most particular first: plain text, last, takes whatever none before claims.
import type { DocumentFormat, FormatClues } from './format.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

export type { DocumentFormat, FormatClues };

const FORMATS: readonly DocumentFormat[] = [markdown, text];

export function chooseFormat(clues: FormatClues): DocumentFormat {
  return FORMATS.find((format) => format.claims(clues)) ?? text;
}
