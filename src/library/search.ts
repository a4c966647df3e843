// Search over section titles and figures, built once per library load. MiniSearch gives prefix search
// (autocomplete as you type), typo tolerance and field boosts; a Porter stemmer makes "arrests" find
// "arrested". Why MiniSearch over FlexSearch: README, "Search".
import { lookupTable } from '../document/lookup.js';
import MiniSearch, { type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';

const STOPWORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'will', 'with']);

// Query-time synonyms, by stem: a reader's word -> the document's word.
const SYNONYMS: Record<string, string[]> = lookupTable({
  murder: ['homicid'],
  kill: ['homicid'],
  rape: ['sexual', 'assault'],
  deport: ['remov'],
  immigr: ['migrat', 'migrant'],
  migrant: ['immigr', 'alien'],
  illeg: ['alien'],
  fenc: ['wall'],
  troop: ['soldier'],
  percent: ['%'],
});

/** Lower-cases, joins dotted abbreviations ("I.D." -> "id"), drops stopwords and stems. */
export function normalizeTerm(term: string): string | null {
  const lower = term.toLowerCase().replace(/\./g, '').replace(/['’]s$/, '').replace(/['’]/g, '');
  if (!lower || STOPWORDS.has(lower)) return null;
  if (/^\d/.test(lower)) return lower.replace(/,/g, '');
  return stemmer(lower);
}

/** Splits on anything but letters, digits, dots inside abbreviations, and commas inside numbers. */
export function tokenize(text: string): string[] {
  return text.match(/(?:\p{L}\.){2,}|\d[\d,.]*\d|\d|[\p{L}\p{N}'’]+/gu) ?? [];
}

export interface Entry {
  /** Index key: "<document index>:<position>". */
  id: string;
  [field: string]: string;
}

export class TextIndex {
  private readonly index: MiniSearch<Entry>;

  constructor(fields: string[], boost: Record<string, number>) {
    this.index = new MiniSearch<Entry>({
      fields,
      storeFields: [],
      tokenize,
      processTerm: normalizeTerm,
      searchOptions: {
        boost,
        // Typos only on longer words, or "ICE" would match "ace" and "nice".
        fuzzy: (term) => (term.length >= 5 ? 0.25 : false),
        // Prefix only on the word still being typed.
        prefix: (_term, i, terms) => i === terms.length - 1 && _term.length >= 2,
        combineWith: 'OR',
        processTerm: (term) => {
          const base = normalizeTerm(term);
          if (!base) return null;
          const extra = SYNONYMS[base];
          return extra ? [base, ...extra] : base;
        },
      },
    });
  }

  addAll(entries: Entry[]): void {
    this.index.addAll(entries);
  }

  /** Best first. `all` keeps only results that match every query word (used for strict suggestions). */
  search(query: string, options: { all?: boolean } = {}): SearchResult[] {
    if (!tokenize(query).some((t) => normalizeTerm(t))) return [];
    return this.index.search(query, options.all ? { combineWith: 'AND' } : {});
  }
}
