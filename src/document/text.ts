// Small text helpers shared by the parser, the index and the renderers.
import { lookupTable } from './lookup.js';

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'or',
  'per',
  'the',
  'to',
  'vs',
  'via',
  'with',
]);

// Words kept in capitals when an ALL-CAPS heading is shown in title case.
const ACRONYMS = new Set([
  'AI',
  'CBP',
  'CHIPS',
  'DEI',
  'DHS',
  'DOD',
  'DOE',
  'DOGE',
  'DOJ',
  'DOT',
  'EPA',
  'EU',
  'FBI',
  'FDA',
  'FEMA',
  'FY',
  'GDP',
  'HHS',
  'ICE',
  'II',
  'III',
  'IRS',
  'IV',
  'LNG',
  'MAGA',
  'NASA',
  'NATO',
  'NIH',
  'OPM',
  'UK',
  'UN',
  'US',
  'USA',
  'USDA',
  'VA',
  'WHO',
]);

/** "SECURING OUR BORDER" -> "Securing Our Border"; headings already in mixed case are kept. */
export function titleCase(heading: string): string {
  const trimmed = collapseWhitespace(heading);
  if (/[a-z]/.test(trimmed)) return trimmed;
  let first = true;
  return trimmed.replace(/[A-Z0-9][A-Z0-9'’.&-]*/g, (word) => {
    const isFirst = first;
    first = false;
    const bare = word.replace(/['’]S$/, '').replace(/[.]+$/, '');
    if (ACRONYMS.has(bare) || /\d/.test(word) || /^([A-Z]\.)+[A-Z]?\.?$/.test(word)) return word;
    const lower = word.toLowerCase();
    if (!isFirst && SMALL_WORDS.has(lower)) return lower;
    return lower.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  });
}

/** Runs of whitespace (line breaks, tabs, no-break spaces) become one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

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

/**
 * The text of a quote as a reader sees it: line wrapping collapsed and, for Markdown sources, the markup
 * (links, emphasis, HTML tags, backslash escapes) removed. The words stay exactly those of the source.
 */
export function plainText(raw: string, markdown: boolean): string {
  let text = raw;
  if (markdown) {
    text = text
      // A link shows its text, brackets inside it included ("[[Click here]](…)" shows "[Click here]").
      .replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      .replace(/&([a-z]+);/g, (m, name: string) => HTML_ENTITIES[name] ?? m)
      // An escaped marker ("\*New spending") is a character of the text, as a browser shows it.
      .replace(/(?<!\\)(\*{1,3}|_{2,3})/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!$|>~"'])/g, '$1');
  }
  return collapseWhitespace(text);
}

/** A URL- and id-safe slug: "SECURING OUR BORDER" -> "securing-our-border". */
export function slugify(text: string, fallback = 'untitled'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || fallback;
}
