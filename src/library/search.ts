// Search over section titles, figures and statements, built once per library load.
// FlexSearch does the indexing (prefix matching through its "forward" tokenizer, fast at scale); we add what
// it lacks: stemming (Porter, memoised), stopwords, query-time synonyms, and typo tolerance through the index's
// own vocabulary. Why this over MiniSearch: README, "Search".
import FlexSearch from 'flexsearch';
import { stemmer } from 'stemmer';
import { lookupTable } from '../document/lookup.js';

const STOPWORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'will', 'with']);

// Query-time synonyms, by stem: a reader's word -> the document's word.
const SYNONYMS: Record<string, string[]> = lookupTable({
  murder: ['homicid'],
  kill: ['homicid'],
  rape: ['sexual'],
  deport: ['remov'],
  immigr: ['migrat', 'migrant'],
  migrant: ['immigr', 'alien'],
  illeg: ['alien'],
  fenc: ['wall'],
  troop: ['soldier'],
  percent: ['%'],
});

const stems = new Map<string, string | null>();

/** Lower-cases, joins dotted abbreviations ("I.D." -> "id"), drops stopwords and stems. Memoised: text repeats words. */
export function normalizeTerm(term: string): string | null {
  let stem = stems.get(term);
  if (stem !== undefined) return stem;
  const lower = term.toLowerCase().replace(/\./g, '').replace(/['’]s$/, '').replace(/['’]/g, '');
  stem = !lower || STOPWORDS.has(lower) ? null : /^\d/.test(lower) ? lower.replace(/,/g, '') : stemmer(lower);
  if (stems.size < 500_000) stems.set(term, stem);
  return stem;
}

/** Splits on anything but letters, digits, dots inside abbreviations, and commas inside numbers. */
export function tokenize(text: string): string[] {
  return text.match(/(?:\p{L}\.){2,}|\d[\d,.]*\d|\d|[\p{L}\p{N}'’]+/gu) ?? [];
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token);
    if (term) out.push(term);
  }
  return out;
}

export interface Field {
  name: string;
  weight: number;
  /** Match query words as prefixes ("sav" finds "saving"): for short fields that autocomplete. */
  prefix?: boolean;
}

export interface Hit {
  id: number;
  score: number;
}

/** Edit distance, stopping early once it exceeds `max`. */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

export class TextIndex {
  private readonly indexes: Array<{ field: Field; index: InstanceType<typeof FlexSearch.Index> }>;
  /** Every indexed term with how many entries hold it, for typo correction; made when first needed. */
  private vocabularyMap: Map<string, number> | null = null;
  private readonly prefixFieldWords = new Map<string, number>();
  private byLength: Map<string, string[]> | null = null;
  private sortedTerms: string[] | null = null;

  constructor(private readonly fields: Field[]) {
    this.indexes = fields.map((field) => ({
      field,
      // Text arrives already normalised (see terms()): the encoder only splits it.
      // fastupdate off: a library is never updated in place, only rebuilt, and building is faster without it.
      index: new FlexSearch.Index({ tokenize: field.prefix ? 'forward' : 'strict', encode: (text: string) => text.split(' '), resolution: field.prefix ? 9 : 3, cache: false, fastupdate: false }),
    }));
  }

  /** Adds an entry: a field's text, or its terms when the caller already has them (shared sentences). */
  add(id: number, entry: Record<string, string | string[]>): void {
    for (const { field, index } of this.indexes) {
      const value = entry[field.name] ?? '';
      const list = typeof value === 'string' ? terms(value) : value;
      if (list.length === 0) continue;
      // A prefix field's map holds every prefix of every word: its whole words are kept here instead.
      if (field.prefix) for (const term of list) this.prefixFieldWords.set(term, (this.prefixFieldWords.get(term) ?? 0) + 1);
      index.add(id, list.join(' '));
    }
    this.vocabularyMap = null;
    this.byLength = null;
    this.sortedTerms = null;
  }

  /** Builds the lookup tables for typo correction now, so the first query with a typo is not the slow one. */
  prepare(): this {
    this.closest('warm');
    this.hasPrefix('');
    return this;
  }

  /**
   * The terms FlexSearch holds (its `map`: term -> ids by relevance slot), counted. Read from the index itself
   * rather than counted while adding: counting every word as it is added cost a third of the build.
   */
  private get vocabulary(): Map<string, number> {
    if (!this.vocabularyMap) {
      this.vocabularyMap = new Map(this.prefixFieldWords);
      for (const { field, index } of this.indexes) {
        if (field.prefix) continue;
        const map = (index as unknown as { map: Map<string, Array<unknown[] | undefined>> }).map;
        for (const [term, slots] of map) {
          let count = 0;
          for (const slot of slots) count += slot?.length ?? 0;
          this.vocabularyMap.set(term, (this.vocabularyMap.get(term) ?? 0) + count);
        }
      }
    }
    return this.vocabularyMap;
  }

  /** The query's words, each with its alternatives: synonyms, and the closest indexed words for a typo. */
  private alternatives(query: string): Array<Array<{ term: string; weight: number }>> {
    const groups: Array<Array<{ term: string; weight: number }>> = [];
    const list = terms(query);
    list.forEach((term, position) => {
      const group = [{ term, weight: 1 }];
      for (const synonym of SYNONYMS[term] ?? []) group.push({ term: synonym, weight: 0.8 });
      const last = position === list.length - 1;
      if (!this.vocabulary.has(term) && !(last && this.hasPrefix(term)) && term.length >= 5) {
        for (const near of this.closest(term)) group.push({ term: near, weight: 0.7 });
      }
      groups.push(group);
    });
    return groups;
  }

  private hasPrefix(prefix: string): boolean {
    this.sortedTerms ??= [...this.vocabulary.keys()].sort();
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return this.sortedTerms[lo]?.startsWith(prefix) ?? false;
  }

  /**
   * Indexed words within one edit (two from eight letters), most frequent first. Only words with the same
   * first letter are compared: typos rarely hit the first letter, and it keeps the scan small.
   */
  private closest(term: string): string[] {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const word of this.vocabulary.keys()) {
        const key = `${word.length}:${word[0]}`;
        const bucket = this.byLength.get(key) ?? [];
        bucket.push(word);
        this.byLength.set(key, bucket);
      }
    }
    const max = term.length >= 8 ? 2 : 1;
    const found: string[] = [];
    for (let length = term.length - max; length <= term.length + max; length++) {
      for (const word of this.byLength.get(`${length}:${term[0]}`) ?? []) if (withinDistance(term, word, max)) found.push(word);
    }
    return found.sort((a, b) => this.vocabulary.get(b)! - this.vocabulary.get(a)!).slice(0, 3);
  }

  /**
   * Best first. Every query word (or one of its alternatives) must match; when nothing matches them all,
   * results matching some are returned instead.
   */
  search(query: string, limit = 100): Hit[] {
    const groups = this.alternatives(query);
    if (groups.length === 0) return [];
    const combos = cartesian(groups).slice(0, 8);
    const run = (suggest: boolean) => {
      const scores = new Map<number, number>();
      for (const { field, index } of this.indexes) {
        for (const combo of combos) {
          const ids = index.search(combo.terms.join(' '), { limit, suggest }) as number[];
          ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + field.weight * combo.weight * (1 / (1 + rank * 0.02))));
        }
      }
      return scores;
    };
    let scores = run(false);
    if (scores.size === 0 && groups.length > 1) scores = run(true);
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
  }

  /** The stems a query looks for, synonyms and typo corrections included: for highlighting matches. */
  queryTerms(query: string): Set<string> {
    return new Set(this.alternatives(query).flat().map((a) => a.term));
  }
}

function cartesian(groups: Array<Array<{ term: string; weight: number }>>): Array<{ terms: string[]; weight: number }> {
  let combos: Array<{ terms: string[]; weight: number }> = [{ terms: [], weight: 1 }];
  for (const group of groups) {
    const next: Array<{ terms: string[]; weight: number }> = [];
    for (const combo of combos) for (const alt of group) next.push({ terms: [...combo.terms, alt.term], weight: combo.weight * alt.weight });
    combos = next.sort((a, b) => b.weight - a.weight).slice(0, 8);
  }
  return combos;
}
