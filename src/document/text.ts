// Small text helpers shared by the parser, the index and the renderers.

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

/**
 * How the document itself writes words an ALL-CAPS heading shouts: "TVA", "MFN", "USAID-NASA" written in
 * capitals in its running text, "TikTok" or "McDonald" with capitals inside. Keyed by the word in capitals.
 * Lines in capitals teach nothing (they are headings themselves).
 */
export function documentCasings(text: string): Map<string, string> {
  const known = new Map<string, string>();
  const isShouted = (word: string | undefined) => !!word && /^[A-Z0-9&-]+$/.test(word) && /[A-Z]{2}/.test(word);
  // Acronyms are short ("TVA", "USAID", "USAID-NASA"); a long word in capitals is a heading's.
  const isShort = (word: string) => word.split('-').every((part) => part.length <= 6);
  for (const line of text.split('\n')) {
    if (!/[a-z]/.test(line)) continue;
    // "JOBS: Hiring rose": the capitals before a lead's colon are the heading itself, not an acronym.
    const words = line.replace(/^[^a-z]*?:/, '').match(/[A-Za-z][A-Za-z0-9&]*(?:-[A-Za-z0-9&]+)*/g) ?? [];
    words.forEach((word, i) => {
      // A word in capitals among words in capitals is a heading on a line with a lead ("SAVING LIVES: ..."),
      // not an acronym; one among ordinary words is ("the TVA board").
      const acronym = isShouted(word) && isShort(word) && !isShouted(words[i - 1]) && !isShouted(words[i + 1]);
      const inner = /^[A-Z]?[a-z]+[A-Z]/.test(word);
      if (acronym || inner) known.set(word.toUpperCase(), word);
    });
  }
  return known;
}

/**
 * "SECURING OUR BORDER" -> "Securing Our Border"; headings already in mixed case are kept. Words the document
 * writes its own way elsewhere (`casings`: "TVA", "TikTok") keep that way.
 */
export function titleCase(heading: string, casings: ReadonlyMap<string, string> = new Map()): string {
  const trimmed = collapseWhitespace(heading);
  if (/[a-z]/.test(trimmed)) return trimmed;
  let first = true;
  return trimmed.replace(/[A-Z0-9][A-Z0-9'’.&-]*/g, (word) => {
    const isFirst = first;
    first = false;
    const bare = word.replace(/['’]S$/, '').replace(/[.]+$/, '');
    const own = casings.get(bare);
    if (own) return word.replace(bare, own);
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

/** "1 statement", "8 statements": a count with its noun, in the plural when it is not one. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${groupThousands(count)} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * "12,345": an integer with commas between thousands, as English writes it. Written out rather than through
 * `toLocaleString`, whose first call pages in about 6 MB of the runtime's locale data for one comma.
 */
export function groupThousands(count: number): string {
  if (!Number.isSafeInteger(count)) return String(count);
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return count < 0 ? `-${grouped}` : grouped;
}

/**
 * Cuts text to at most `max` UTF-16 units (the measure Discord's validators use) at a word boundary, ending
 * with "…". Never splits a surrogate pair and never returns more than max.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const atWord = cut.replace(/\s+\S*$/, '');
  // Do not end on a dangling Markdown escape.
  const body = (atWord.length >= cut.length * 0.6 ? atWord : cut).replace(/\\+$/, '');
  return `${body.trimEnd()}…`;
}

/**
 * The most of a title or heading kept (the corpus's longest title is 254 characters): every lookup, suggestion
 * and reply that reads titles then costs the same however long a document's title line is.
 */
export const MAX_TITLE_LENGTH = 300;

/** A title or heading as served: cut at a word past MAX_TITLE_LENGTH. */
export function boundedTitle(title: string): string {
  return truncate(title, MAX_TITLE_LENGTH);
}
