// A corpus file through the feed pipeline and back: rendered as the publisher's page, read by pageToDocument,
// parsed; then compared with the corpus file parsed directly, statement by statement, as readers see them.
import { parseDocument } from '../../src/document/parse.js';
import { statementsOf } from '../../src/document/sections.js';
import { plainTextOf } from '../../src/document/formats/index.js';
import type { Document } from '../../src/document/types.js';
import { pageToDocument } from '../../src/feeds/fetch-document.js';
import { corpusPage, wordpressPage } from './wordpress-page.js';

export interface RoundTrip {
  file: string;
  statements: number;
  /** Statements of the original found, as plain text, among the round trip's. */
  identical: number;
  sectionsSame: boolean;
  figures: number;
  figuresIdentical: number;
  /** The statements of the original the round trip lost or changed. */
  missing: string[];
  error?: string;
}

export function roundTrip(markdown: string, file: string): RoundTrip {
  const original = parseDocument(markdown, { file });
  const page = corpusPage(markdown);
  const html = wordpressPage(page);
  const entry = { url: page.url, title: page.title, published: page.publishedTime ?? page.date };
  const fetched = pageToDocument(html, entry, Date.now());
  if (!fetched.ok) return { ...compareDocuments(original, null), file, error: fetched.error };
  const back = parseDocument(fetched.document.markdown, { file: `${fetched.document.id}.md` });
  return { ...compareDocuments(original, back), file };
}

export function compareDocuments(original: Document, back: Document | null): Omit<RoundTrip, 'file'> {
  const statements = statementTexts(original);
  const found = bag(back ? statementTexts(back) : []);
  const missing = statements.filter((text) => !take(found, text));
  const figures = original.figures.map((figure) => plainTextOf(original, figure.text));
  const backFigures = bag(back ? back.figures.map((figure) => plainTextOf(back, figure.text)) : []);
  return {
    statements: statements.length,
    identical: statements.length - missing.length,
    sectionsSame: back !== null && sectionTitles(original).join('\n') === sectionTitles(back).join('\n'),
    figures: figures.length,
    figuresIdentical: figures.filter((text) => take(backFigures, text)).length,
    missing,
  };
}

function statementTexts(document: Document): string[] {
  return document.sections.flatMap((section) =>
    statementsOf(section).map((point) => plainTextOf(document, point.text)),
  );
}

function sectionTitles(document: Document): string[] {
  return document.sections.map((section) => section.title);
}

function bag(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

function take(counts: Map<string, number>, text: string): boolean {
  const left = counts.get(text) ?? 0;
  if (left === 0) return false;
  counts.set(text, left - 1);
  return true;
}
