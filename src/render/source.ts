// Where a quote comes from, so that a reader can check it: the document's web address pointing at the exact
// sentence with a URL text fragment (https://wicg.github.io/scroll-to-text-fragment/), or, for a document
// with no address, its file name and line.
import { shownDate } from '../library/dates.js';
import { plainTextOf } from '../document/formats/index.js';
import type { Document, Span } from '../document/types.js';
import { escapeUserText, truncate } from './text.js';

/** A sentence of at most this many words is matched whole; a longer one by its first and last words. */
const WHOLE_SENTENCE_WORDS = 10;
/** Words kept at each end of a longer sentence: enough to find it, few enough to keep links short. */
const EDGE_WORDS = 5;
/** A link longer than this is left out of a hit's attribution (file and line instead): it would crowd the page. */
export const MAX_INLINE_LINK = 600;

/** The document's web address, when its front matter gives one that is a plain http(s) URL. */
export function sourceUrl(document: Document): string | undefined {
  return document.source && /^https?:\/\/\S+$/.test(document.source) && document.source.length <= 2000
    ? document.source
    : undefined;
}

/** The span as a reader sees it: markup removed and whitespace collapsed, as a browser shows the page. */
export function readerText(document: Document, span: Span): string {
  return plainTextOf(document, document.text.slice(span[0], span[1]));
}

/**
 * Percent-encodes every byte but ASCII letters and digits, as Firefox does for text directives: "-", "," and
 * "&" are the directive's own syntax, and "(", ")" and spaces would end a Markdown link.
 */
export function encodeDirectiveText(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const alphanumeric =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    out += alphanumeric ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The text directive for a sentence: "text=<whole>" when short, "text=<first words>,<last words>" when long. */
export function textDirective(sentence: string): string {
  const words = sentence.split(' ').filter(Boolean);
  if (words.length <= WHOLE_SENTENCE_WORDS) return `text=${encodeDirectiveText(words.join(' '))}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `text=${encodeDirectiveText(start)},${encodeDirectiveText(end)}`;
}

/** The source address pointing at the span's text; null when the document has no address. */
export function linkTo(document: Document, span: Span): string | null {
  const url = sourceUrl(document);
  const text = readerText(document, span);
  if (!url) return null;
  if (!text) return url;
  // A directive follows the page's own fragment, if it has one, after ":~:".
  return `${url}${url.includes('#') ? '' : '#'}:~:${textDirective(text)}`;
}

/** 1-based line of an offset in the document's text. */
export function lineOf(document: Document, offset: number): number {
  let line = 1;
  for (let at = document.text.indexOf('\n'); at !== -1 && at < offset; at = document.text.indexOf('\n', at + 1)) line++;
  return line;
}

/** "border-security.txt, line 23": where a quote stands in a document with no web address. */
export function fileAndLine(document: Document, span: Span): string {
  return `${document.file}, line ${lineOf(document, span[0])}`;
}

const UNSAFE_IN_LINK: Record<string, string> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E' };

/** A Markdown link; brackets in the label and parentheses in the address would end it early. */
export function maskedLink(label: string, url: string): string {
  const safeLabel = label.replace(/[[\]]/g, (c) => `\\${c}`);
  return `[${safeLabel}](${url.replace(/[()<>]/g, (c) => UNSAFE_IN_LINK[c]!)})`;
}

/**
 * The line under a quote: "— *where*" linked to the exact sentence, or followed by the file and line when the
 * document has no address (or one too long to show).
 */
export function attribution(where: string, document: Document, span: Span): string {
  const url = linkTo(document, span);
  if (url && url.length <= MAX_INLINE_LINK) return `— ${maskedLink(escapeUserText(where), url)}`;
  return `— *${escapeUserText(where)}* · ${escapeUserText(fileAndLine(document, span))}`;
}

/** Room a citation leaves for its quote; Discord's messages hold 2,000 characters. */
const CITATION_QUOTE_MAX = 1200;

/**
 * A citation ready to paste, as plain text: “quote” — Title, date. Address with the text fragment (or file and
 * line when there is none).
 */
export function citation(document: Document, span: Span): string {
  const quote = truncate(readerText(document, span), CITATION_QUOTE_MAX);
  const date = shownDate(document);
  const url = linkTo(document, span);
  const where = url && url.length <= 2000 - CITATION_QUOTE_MAX - 300 ? url : fileAndLine(document, span);
  return `“${quote}” — ${truncate(document.title, 200)}${date ? `, ${date}` : ', undated'}. ${where}`;
}
