// Markdown fact sheets: links, emphasis and hard breaks around the words.
import { lookupTable } from '../lookup.js';
import { trimMarkup } from '../spans.js';
import { collapseWhitespace } from '../text.js';
import type { DocumentFormat } from './format.js';

const MARKDOWN_FILE = /\.(md|markdown)$/i;

const HTML_ENTITIES: Record<string, string> = lookupTable({
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
});

/** Links, HTML tags and entities, emphasis and backslash escapes removed; line wrapping collapsed. */
function plainText(raw: string): string {
  const text = withoutOpenLink(raw)
    // A link shows its text, brackets inside it included ("[[Click here]](…)" shows "[Click here]").
    .replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
    // A quote cut inside a link's text keeps that text, not half the link's markup.
    .replace(/^([^[\]]*)\]\([^)\s]*\)/, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/&([a-z]+);/g, (m, name: string) => HTML_ENTITIES[name] ?? m)
    // An escaped marker ("\*New spending") is a character of the text, as a browser shows it.
    .replace(/(?<!\\)(\*{1,3}|_{2,3})/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!$|>~"'])/g, '$1');
  return collapseWhitespace(text);
}

/** A quote cut inside a link's text ends on "[text…": the bracket that opens no whole link is markup, not a word. */
function withoutOpenLink(raw: string): string {
  const open = raw.lastIndexOf('[');
  if (open < 0 || raw.includes(']', open) || raw[open - 1] === '\\') return raw;
  const from = raw[open - 1] === '!' ? open - 1 : open;
  return raw.slice(0, from) + raw.slice(open + 1);
}

export const markdown: DocumentFormat = {
  name: 'markdown',
  // Front matter is a Markdown convention: a document that opens with it is Markdown whatever its name.
  claims: ({ file, frontMatter }) => frontMatter || MARKDOWN_FILE.test(file),
  trimStatement: trimMarkup,
  plainText,
};
