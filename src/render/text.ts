// Text for Discord: cut at a word with "…", escape what a user typed, quote what a document says.
import { escapeMarkdown } from '@discordjs/formatters';
import { plainTextOf } from '../document/formats/index.js';

import type { Document, Span } from '../document/types.js';

// Counted nouns and cutting at a word are the parser's too (its warnings, its bounded titles): one function
// each, re-exported for the renderers.
export { groupThousands, plural, truncate } from '../document/text.js';

/**
 * The characters escapeMarkdown acts on, with the options used here (code, emphasis, underline, strike, spoiler,
 * backslash; headings, lists and links are off). Text without any comes back as it is, so its expressions, which
 * look back over the whole text at every place, are not run: on sections' and documents' titles, under every quote
 * of a reply, they were the most costly part of rendering one.
 */
const MARKDOWN_MARKS = /[\\`*_~|]/;

/** Characters that make Discord format, link or hide text, neutralised; control characters removed. */
export function escapeUserText(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const marked = MARKDOWN_MARKS.test(clean) ? escapeMarkdown(clean, { inlineCode: true, codeBlock: true }) : clean;
  return escapeLineStarts(marked)
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>')
    .replace(/<(?=[ta]?:|\/|id:)/gi, '<\u200b')
    .replace(/https?:\/\//g, (m) => `${m.slice(0, -2)}\u200b//`);
}

/**
 * escapeUserText's marks taken out again (a backslash before punctuation, zero-width spaces), for text the bot
 * showed and reads back. Not an exact inverse for every text: callers check that it escapes to what was shown.
 */
export function unescapeUserText(shown: string): string {
  return shown.replace(/\u200b/g, '').replace(/\\([\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])/g, '$1');
}

/**
 * Block markup at the start of a line (a heading, "-#" subtext, a quote, a list item) shown as typed: echoed
 * text may hold line breaks, and a "# " after one would render as a heading in the reply. A backslash before
 * the marker is what Discord reads as "this character, literally".
 */
function escapeLineStarts(text: string): string {
  return text
    .replace(/^([ \t]*)(#{1,3}[ \t]|-#[ \t]|>|[-+][ \t])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)][ \t])/gm, '$1\\$2');
}

// Documents never change once parsed (a reload parses anew), so their escaped text is worked out once.
const displayCache = new WeakMap<Document, Map<number, string>>();

/** A document's words as a reader sees them (line wraps and Markdown markup removed), escaped for Discord. */
export function documentText(document: Document, span: Span): string {
  let cache = displayCache.get(document);
  if (!cache) displayCache.set(document, (cache = new Map<number, string>()));
  const key = span[0] * 2 ** 26 + span[1]; // unique: documents are far below 2^26 characters
  let text = cache.get(key);
  if (text === undefined) {
    text = escapeDocumentText(plainTextOf(document, document.text.slice(span[0], span[1])));
    cache.set(key, text);
  }
  return text;
}

/**
 * A document's words escaped for Discord: every mark Discord formats inline (emphasis, underline, strike,
 * spoiler, code, and the backslash itself) gets a backslash, and @everyone/@here ping nobody. One pass over the
 * text: escapeMarkdown from @discordjs/formatters takes seconds on a 100 KB line (it grows with the square of
 * the length), and a document can hold one.
 */
export function escapeDocumentText(text: string): string {
  return text.replace(/[\\*_~`|]/g, '\\$&').replace(/@(everyone|here)/g, '@\u200b$1');
}

/** A document's own control characters would pass for the bold markers below: they are not shown anyway. */
// eslint-disable-next-line no-control-regex -- removing exactly those characters
const unmarked = (text: string) => text.replace(/[\u0001\u0002]/g, '');

/**
 * The sentence with several spans in bold, links and other markup shown as plain text even when a bold span
 * sits inside a link's text ("[**1** in 4 Americans](…)" reads "**1** in 4 Americans"). Markers stand for the
 * bold edges while the markup is removed, so offsets never have to be mapped back.
 */
export function sentenceWithBolds(document: Document, sentence: Span, bolds: readonly Span[]): string {
  const sorted = [...bolds].sort((a, b) => a[0] - b[0]).filter((b, i, all) => i === 0 || b[0] >= all[i - 1]![1]);
  let raw = '';
  let at = sentence[0];
  for (const [start, end] of sorted) {
    raw += `${unmarked(document.text.slice(at, start))}\u0001${unmarked(document.text.slice(start, end))}\u0002`;
    at = end;
  }
  raw += unmarked(document.text.slice(at, sentence[1]));
  const shown = escapeDocumentText(plainTextOf(document, raw));
  // Bold opens after any space before it and closes before any space after it.
  // eslint-disable-next-line no-control-regex -- the markers are control characters on purpose: no text has them
  return shown.replace(/\u0001(\s*)/g, '$1**').replace(/(\s*)\u0002/g, '**$1');
}

/**
 * A sentence with its bold figures, verbatim; past `window` characters, only the words around the figures,
 * cut at spaces with "…" where cut, so a long sentence never loses the figure asked about.
 */
export function quoteAround(document: Document, sentence: Span, bolds: readonly Span[], window: number): string {
  const span = quoteWindow(document.text, sentence, bolds, window);
  const quote = sentenceWithBolds(document, span, bolds);
  return `${span[0] > sentence[0] ? '…' : ''}${quote}${span[1] < sentence[1] ? '…' : ''}`;
}

/** The words around the bold figures of a long sentence, cut at spaces; the whole sentence when short. */
function quoteWindow(text: string, [start, end]: Span, bolds: readonly Span[], window: number): Span {
  if (end - start <= window || bolds.length === 0) return [start, end];
  const first = Math.min(...bolds.map((b) => b[0]));
  const last = Math.max(...bolds.map((b) => b[1]));
  const side = Math.max(40, (window - (last - first)) / 2);
  let from = Math.max(start, Math.floor(first - side));
  let to = Math.min(end, Math.ceil(last + side));
  if (from > start) from = Math.min(first, text.indexOf(' ', from) + 1 || first);
  if (to < end) to = Math.max(last, text.lastIndexOf(' ', to));
  return [from, to];
}

/** Markdown blockquote of each line. */
export function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
