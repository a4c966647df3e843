// Search over document titles, section titles, figures and statements, built once per library load: stemming
// (Porter, memoised), stopwords, query-time synonyms, typo tolerance through the index's own vocabulary, and
// prefix matching for the word being typed. Why a hand-written index over MiniSearch and FlexSearch:
// docs/libraries.md, "Search".
import { stemmer } from 'stemmer';
import { lookupTable } from '../document/lookup.js';

const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'has',
  'have',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'their',
  'this',
  'to',
  'was',
  'were',
  'will',
  'with',
]);

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
  const lower = term
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
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

/** One field's inverted index: each term's entries (ids, ascending) and how often the term occurs in each. */
class FieldIndex {
  readonly postings = new Map<string, { ids: number[]; counts: number[] }>();
  private sorted: string[] | null = null;

  add(id: number, list: string[]): void {
    for (const term of list) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { ids: [], counts: [] }));
      // Ids arrive in ascending order, so a repeat of the term in this entry is always the last one.
      const last = posting.ids.length - 1;
      if (posting.ids[last] === id) posting.counts[last]!++;
      else {
        posting.ids.push(id);
        posting.counts.push(1);
      }
    }
    this.sorted = null;
  }

  /** Every indexed word starting with `prefix` (at most `max`), for the word being typed. */
  withPrefix(prefix: string, max = 200): string[] {
    this.sorted ??= [...this.postings.keys()].sort();
    const found: string[] = [];
    for (
      let i = lowerBound(this.sorted, prefix);
      i < this.sorted.length && found.length < max && this.sorted[i]!.startsWith(prefix);
      i++
    )
      found.push(this.sorted[i]!);
    return found;
  }
}

/** How many matches of one field and one combination of words are scored, at most. */
const MAX_SCORED = 3000;

interface Postings {
  ids: number[];
  counts: number[];
}

const EMPTY: Postings = { ids: [], counts: [] };

/** The entries holding any of the words (a prefix's expansions), merged in id order. */
function union(field: FieldIndex, words: string[]): Postings {
  if (words.length === 1) return field.postings.get(words[0]!) ?? EMPTY;
  const merged = new Map<number, number>();
  for (const word of words) {
    const posting = field.postings.get(word);
    if (!posting) continue;
    for (let i = 0; i < posting.ids.length; i++)
      merged.set(posting.ids[i]!, (merged.get(posting.ids[i]!) ?? 0) + posting.counts[i]!);
  }
  const ids = [...merged.keys()].sort((a, b) => a - b);
  return { ids, counts: ids.map((id) => merged.get(id)!) };
}

/** Binary search in an ascending list, from `from`: where `value` is, or would be. */
function lowerBound<T extends string | number>(sorted: T[], value: T, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entries holding every word (the last as a prefix in prefix fields), with their total occurrences. */
/** Entries with ids in [from, to): one document's, since a document's entries are added together. */
export type Range = readonly [from: number, to: number];

const EVERYTHING: Range = [0, Number.MAX_SAFE_INTEGER];

/**
 * Entries in `range` holding every word (the last as a prefix in prefix fields), with their total occurrences;
 * `start` is where to begin reading the result.
 */
function matches(field: Field, index: FieldIndex, words: string[], range: Range): Postings & { start: number } {
  const lists = words.map((word, i) =>
    field.prefix && i === words.length - 1 ? union(index, index.withPrefix(word)) : (index.postings.get(word) ?? EMPTY),
  );
  if (lists.length === 1)
    return { ...lists[0]!, start: range === EVERYTHING ? 0 : lowerBound(lists[0]!.ids, range[0]) };
  lists.sort((a, b) => a.ids.length - b.ids.length);
  const [smallest, ...rest] = lists;
  const ids: number[] = [];
  const counts: number[] = [];
  const cursors = rest.map(() => 0);
  for (let i = lowerBound(smallest!.ids, range[0]); i < smallest!.ids.length && smallest!.ids[i]! < range[1]; i++) {
    const id = smallest!.ids[i]!;
    let total = smallest!.counts[i]!;
    let all = true;
    for (let k = 0; k < rest.length; k++) {
      const at = lowerBound(rest[k]!.ids, id, cursors[k]);
      cursors[k] = at;
      if (rest[k]!.ids[at] !== id) {
        all = false;
        break;
      }
      total += rest[k]!.counts[at]!;
    }
    if (all) {
      ids.push(id);
      counts.push(total);
    }
  }
  return { ids, counts, start: 0 };
}

/**
 * Search over a few weighted fields. A hand-written inverted index (term -> ascending ids), because building
 * FlexSearch's cost about 1 µs a word and dominated loading (docs/libraries.md, "Search"); queries intersect the shortest
 * lists first. Stemming, stopwords, synonyms and typo tolerance are ours either way.
 */
export class TextIndex {
  private readonly indexes: Array<{ field: Field; index: FieldIndex }>;
  private vocabularyMap: Map<string, number> | null = null;
  private byLength: Map<string, string[]> | null = null;

  constructor(fields: Field[]) {
    this.indexes = fields.map((field) => ({ field, index: new FieldIndex() }));
  }

  /** Adds an entry (ids must ascend): a field's text, or its terms when the caller already has them. */
  add(id: number, entry: Record<string, string | string[]>): void {
    for (const { field, index } of this.indexes) {
      const value = entry[field.name] ?? '';
      const list = typeof value === 'string' ? terms(value) : value;
      if (list.length) index.add(id, list);
    }
    this.vocabularyMap = null;
    this.byLength = null;
  }

  /** Builds the lookup tables for typo correction now, so the first query with a typo is not the slow one. */
  prepare(): this {
    this.closest('warm');
    for (const { index } of this.indexes) index.withPrefix('');
    return this;
  }

  /** Every indexed term with how many entries hold it, for typo correction. */
  private get vocabulary(): Map<string, number> {
    if (!this.vocabularyMap) {
      this.vocabularyMap = new Map();
      for (const { index } of this.indexes) {
        for (const [term, posting] of index.postings)
          this.vocabularyMap.set(term, (this.vocabularyMap.get(term) ?? 0) + posting.ids.length);
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

  /** Whether some indexed word starts with `prefix` (the word being typed may be unfinished). */
  private hasPrefix(prefix: string): boolean {
    return this.indexes.some(({ index }) => index.withPrefix(prefix, 1).length > 0);
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
      for (const word of this.byLength.get(`${length}:${term[0]}`) ?? [])
        if (withinDistance(term, word, max)) found.push(word);
    }
    return found.sort((a, b) => this.vocabulary.get(b)! - this.vocabulary.get(a)!).slice(0, 3);
  }

  /**
   * Best first: the sum over fields of field weight × how well the words match (synonyms and typo corrections
   * count less) × a little more for words said more than once. Every query word (or an alternative) must match;
   * when nothing matches them all, entries matching some are returned instead. The word being typed (the
   * last) matches as a prefix in prefix fields.
   */
  search(query: string, limit = 100, range: Range = EVERYTHING): Hit[] {
    const groups = this.alternatives(query);
    if (groups.length === 0) return [];
    const combos = cartesian(groups).slice(0, 8);
    const scores = new Map<number, number>();
    const add = (id: number, score: number) => scores.set(id, (scores.get(id) ?? 0) + score);
    // A very common word matches thousands of entries: the first ones (in document order) within the range are
    // scored, which keeps every query's work bounded; their order among equals is document order anyway.
    const each = (found: Postings & { start: number }, score: (count: number) => number) => {
      const end = Math.min(found.ids.length, found.start + MAX_SCORED);
      for (let i = found.start; i < end && found.ids[i]! < range[1]; i++) add(found.ids[i]!, score(found.counts[i]!));
    };
    for (const { field, index } of this.indexes) {
      for (const combo of combos) {
        each(
          matches(field, index, combo.terms, range),
          (count) => field.weight * combo.weight * (1 + 0.1 * Math.min(count - combo.terms.length, 5)),
        );
      }
    }
    if (scores.size === 0 && groups.length > 1) {
      // Nothing has every word: rank by how many of the words an entry has.
      for (const { field, index } of this.indexes) {
        for (const group of groups) {
          for (const alt of group)
            each(matches(field, index, [alt.term], range), () => (field.weight * alt.weight) / groups.length);
        }
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, limit);
  }

  /** The stems a query looks for, synonyms and typo corrections included: for highlighting matches. */
  queryTerms(query: string): Set<string> {
    return new Set(
      this.alternatives(query)
        .flat()
        .map((a) => a.term),
    );
  }
}

function cartesian(groups: Array<Array<{ term: string; weight: number }>>): Array<{ terms: string[]; weight: number }> {
  let combos: Array<{ terms: string[]; weight: number }> = [{ terms: [], weight: 1 }];
  for (const group of groups) {
    const next: Array<{ terms: string[]; weight: number }> = [];
    for (const combo of combos)
      for (const alt of group) next.push({ terms: [...combo.terms, alt.term], weight: combo.weight * alt.weight });
    combos = next.sort((a, b) => b.weight - a.weight).slice(0, 8);
  }
  return combos;
}
