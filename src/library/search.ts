// Search over document titles, section titles, figures and statements, built once per library load: stemming
// (Porter, memoised), stopwords, query-time synonyms, typo tolerance through the index's own vocabulary, and
// prefix matching for the word being typed. Why a hand-written index over MiniSearch and FlexSearch:
// docs/libraries.md, "Search".
import { stemmer } from 'stemmer';
import { BudgetedMap, ENTRY_BYTES, stringBytes } from '../budgeted-map.js';
import { Joined, type Flat } from './flat-file.js';
import { finish, sortedSteps, type Steps } from './steps.js';
import { firstNotBelow, lowerBound } from './sorted.js';

// Stopwords, and the words of a question ("how many", "what did"), which say nothing of what is sought.
const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the their this to was were will with ' +
    'how many much what which who whom whose when where why did does do can could should would about tell me show'
  ).split(' '),
);

/** A corpus of 1,598 fact sheets has about 60,000 distinct words (about 5 MB here); longer tokens are rarely seen twice. */
export const MAX_REMEMBERED_STEMS = 100_000;
export const STEM_MEMO_BYTES = 8 * 2 ** 20;
export const MAX_REMEMBERED_WORD = 32;
// Bounded: queries feed this too (autocomplete sends every word typed), so it cannot grow without end.
const stems = new BudgetedMap<string, string | null>({
  maxBytes: STEM_MEMO_BYTES,
  maxEntries: MAX_REMEMBERED_STEMS,
  sizeOf: (word, stem) => ENTRY_BYTES + stringBytes(word) + stringBytes(stem ?? ''),
});

/** How many stems are remembered now, and their estimated bytes: only for observing the bound (tests). */
export const rememberedStems = (): number => stems.size;
export const rememberedStemBytes = (): number => stems.bytes;

/**
 * Lower-cases, joins dotted abbreviations ("I.D." -> "id"), drops stopwords and stems. Memoised: text repeats
 * words. What a user typed is looked up but not remembered (`remember` false): distinct queries come without end.
 */
export function normalizeTerm(term: string, { remember = true } = {}): string | null {
  let stem = stems.get(term);
  if (stem !== undefined) return stem;
  const lower = writtenForm(term);
  stem = !lower || STOPWORDS.has(lower) ? null : /^\d/.test(lower) ? lower.replace(/,/g, '') : stemmer(lower);
  if (remember && term.length <= MAX_REMEMBERED_WORD) stems.set(term, stem);
  return stem;
}

/** A word as written, lower-cased, without dots and apostrophes: what a typo is judged against. */
export function writtenForm(token: string): string {
  return token
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
}

/** Splits on anything but letters, digits, dots inside abbreviations, and commas inside numbers. */
export function tokenize(text: string): string[] {
  return text.match(/(?:\p{L}\.){2,}|\d[\d,.]*\d|\d|[\p{L}\p{N}'’]+/gu) ?? [];
}

/** The stems of a text's words; `remember` false for what a user typed (see normalizeTerm). */
export function terms(text: string, { remember = true } = {}): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token, { remember });
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
  /** The share of the query's words the entry holds (1: all of them). */
  coverage?: number;
}

/** The entries holding the most of a query's words, and the best of those holding one word fewer. */
export interface LooserSearch {
  strict: Hit[];
  looser: Hit[];
  /** How many words the query has, as matched. */
  words: number;
}

/**
 * Edit distance with adjacent transpositions counted as one edit ("refroming" is one from "reforming"),
 * stopping early once every path exceeds `max`.
 */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** A stem the documents write in lower case at most this share of the times they capitalize it is a name. */
const NAME_LOWER_SHARE = 0.1;

/** Words shorter than this are never corrected: too many short words are one edit apart. */
export const MIN_CORRECTED_LENGTH = 5;

/**
 * A word written short by dropping vowels ("yr", "ppl", "avg", "incl"): a letter, then one to three letters none
 * a vowel (y aside), not in capitals ("SPR" is a name's initials). The documents spell it out; what it stands for
 * is read from their words (shortFormsOf).
 */
const WRITTEN_SHORT = /^[a-z][b-df-hj-np-tv-z]{1,3}$/;
/** The words of the documents a short form stands for, at most: the most frequent. */
export const MAX_SHORT_FORMS = 1;

/** How many edits a typo of `term` may hold: one, two from eight letters. */
const typoEdits = (term: string): number => (term.length >= 8 ? 2 : 1);

/** Whether `word` may be what a typo of `term` meant. */
export function isTypoOf(term: string, word: string): boolean {
  return withinDistance(term, word, typoEdits(term));
}

/** A list of whole numbers as a posting holds it: growing while built, then typed or trimmed (compactSteps). */
export type Numbers = readonly number[] | Int32Array | Uint16Array | Uint32Array;

/** One term's entries in a field: their ids, ascending, and how often the term occurs in each. */
export interface Posting {
  ids: Numbers;
  counts: Numbers;
}

/** A posting while its index is built: plain lists, pushed to. */
type Growing = { ids: number[]; counts: number[] };

/**
 * Postings at most this long stay plain arrays, trimmed to their length: a typed array's own objects cost more
 * than it saves on a few numbers (a plain array holds each in 8 bytes, a typed one in 4 or 2).
 */
const PLAIN_POSTING_MAX = 16;
/** Postings compacted between two steps of a build. */
const POSTINGS_PER_STEP = 5_000;

/** A growing list's numbers in the smallest typed array that holds them (they are never negative). */
function typed(list: readonly number[]): Numbers {
  const max = list.reduce((a, b) => Math.max(a, b), 0);
  return max <= 0xffff ? Uint16Array.from(list) : max <= 0x7fffffff ? Int32Array.from(list) : Uint32Array.from(list);
}

/** A word of a query: as written (lower-cased) and its stem. */
interface QueryWord {
  written: string;
  term: string;
  /** Written in capitals ("SPR", "NC"): a name's initials, never a word written without its vowels. */
  capitals?: boolean;
}

/** A query's words that are not stopwords. Not remembered: distinct queries come without end. */
function queryWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const token of tokenize(query)) {
    const term = normalizeTerm(token, { remember: false });
    if (term) words.push({ written: writtenForm(token), term, capitals: /^\p{Lu}{2,}$/u.test(token) });
  }
  return words;
}

/** The words of `byLength` (words by their length) that may be what a typo of `term` meant. */
function withinEdits(term: string, byLength: Map<number, string[]>): string[] {
  const max = typoEdits(term);
  const found: string[] = [];
  for (let length = term.length - max; length <= term.length + max; length++)
    for (const word of byLength.get(length) ?? []) if (isTypoOf(term, word)) found.push(word);
  return found;
}

/** Words by their length, yielding every WORDS_PER_STEP words (a build runs in slices: see steps.ts). */
function* byLength(words: Iterable<string>): Steps<Map<number, string[]>> {
  const buckets = new Map<number, string[]>();
  let added = 0;
  for (const word of words) {
    const bucket = buckets.get(word.length);
    if (bucket) bucket.push(word);
    else buckets.set(word.length, [word]);
    if (++added % WORDS_PER_STEP === 0) yield;
  }
  return buckets;
}

/** A field's postings as the index reads them: growing in a Map while built, or flat once loaded (FlatPostings). */
export type PostingMap = Pick<ReadonlyMap<string, Posting>, 'get' | 'has' | 'keys' | 'values' | 'size'> &
  Iterable<[string, Posting]>;

/**
 * A field's postings read from a saved library: every term's ids and counts end to end in two typed arrays, and
 * a term's posting a pair of views made when asked for, so loading makes no object a posting. The terms stay in
 * their joined text, found by a binary search where they lie: a string a term is made only when they are listed.
 */
class FlatPostings implements PostingMap {
  /** Where term i starts in the joined text; it ends one before term i + 1 starts (its line break). */
  private readonly places: Int32Array;
  private list: string[] | null = null;

  constructor(
    /** The terms, sorted and joined by line breaks: also the field's prefix table. */
    private readonly joined: string,
    private readonly starts: Int32Array,
    private readonly ids: Uint16Array | Int32Array | Uint32Array,
    private readonly counts: Uint16Array | Int32Array | Uint32Array,
  ) {
    const size = starts.length - 1;
    this.places = new Int32Array(size + 1);
    for (let i = 1, at = 0; i <= size; i++) this.places[i] = at = joined.indexOf('\n', at) + 1 || joined.length + 1;
  }

  /** The terms, sorted: made when first listed (a prefix lookup, or walking the postings). */
  get terms(): readonly string[] {
    return (this.list ??= this.joined === '' ? [] : this.joined.split('\n'));
  }

  get size(): number {
    return this.places.length - 1;
  }

  has(term: string): boolean {
    return this.indexOf(term) >= 0;
  }

  get(term: string): Posting | undefined {
    const i = this.indexOf(term);
    return i < 0 ? undefined : this.at(i);
  }

  /** The term's place among the sorted terms, or -1. */
  private indexOf(term: string): number {
    const termAt = (place: number) => this.joined.slice(this.places[place], this.places[place + 1]! - 1);
    const at = firstNotBelow(0, this.size, (place) => termAt(place) < term);
    return at < this.size && termAt(at) === term ? at : -1;
  }

  private at(i: number): Posting {
    const [from, to] = [this.starts[i]!, this.starts[i + 1]!];
    return { ids: this.ids.subarray(from, to), counts: this.counts.subarray(from, to) };
  }

  keys(): MapIterator<string> {
    return this.terms.values();
  }

  *values(): MapIterator<Posting> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  *[Symbol.iterator](): MapIterator<[string, Posting]> {
    for (let i = 0; i < this.size; i++) yield [this.terms[i]!, this.at(i)];
  }
}

/** Room for `length` numbers up to `most`, in two bytes each when they fit. */
const numbersUpTo = (most: number, length: number) =>
  most <= 0xffff ? new Uint16Array(length) : new Int32Array(length);

/** A field index in flat form (saved-library.ts): its terms sorted and joined, their postings end to end. */
export interface FlatField {
  [key: string]: Flat;
  terms: Joined;
  starts: Int32Array;
  ids: Uint16Array | Int32Array;
  counts: Uint16Array | Int32Array;
  lengthIds: Int32Array;
  lengthValues: Int32Array;
  totalLength: number;
}

/** Terms joined by a line break, which no term holds (tokenize splits on it). */
export const joinTerms = (terms: readonly string[]) => new Joined(terms.join('\n'));
export const splitTerms = (joined: Joined): string[] => (joined.text === '' ? [] : joined.text.split('\n'));

/** A count for each term, flat: the terms joined, and their counts in the same order. */
export interface FlatCounts {
  [key: string]: Flat;
  terms: Joined;
  counts: Int32Array;
}

export const flatCounts = (map: ReadonlyMap<string, number>): FlatCounts => ({
  terms: joinTerms([...map.keys()]),
  counts: Int32Array.from(map.values()),
});

export function countsFromFlat(flat: FlatCounts, into = new Map<string, number>()): Map<string, number> {
  splitTerms(flat.terms).forEach((term, i) => into.set(term, flat.counts[i]!));
  return into;
}

/** One field's inverted index: each term's entries (ids, ascending) and how often the term occurs in each. */
export class FieldIndex {
  private held: Map<string, Posting> | FlatPostings | null = new Map();
  /**
   * Read back: the field as saved. Its tables (postings, entry lengths) are read, and so checked, at the field's
   * first lookup: a start reads none, and a command reads only the fields it searches.
   */
  private saved: FlatField | null = null;
  /** Each entry's length in terms, for BM25's length normalisation. */
  private lengthMap: Map<number, number> | null = new Map();
  totalLength = 0;
  private sorted: string[] | null = null;
  private lengthTable: Float64Array | null = null;

  /** The entries' average length in terms. */
  get averageLength(): number {
    return this.totalLength / Math.max(1, this.entryCount);
  }

  /** Each entry's length in terms, by id. */
  get lengths(): ReadonlyMap<number, number> {
    return this.lengthTerms();
  }

  private get table(): Map<string, Posting> | FlatPostings {
    const saved = this.saved;
    return (this.held ??= new FlatPostings(saved!.terms.text, saved!.starts, saved!.ids, saved!.counts));
  }

  /** Read back: the entries' ids and lengths as saved, made a map only when listed (see lengths). */
  private get savedLengths(): { ids: Int32Array; values: Int32Array } | null {
    return this.saved && { ids: this.saved.lengthIds, values: this.saved.lengthValues };
  }

  private lengthTerms(): Map<number, number> {
    if (this.lengthMap) return this.lengthMap;
    const { ids, values } = this.savedLengths!;
    this.lengthMap = new Map();
    for (let i = 0; i < ids.length; i++) this.lengthMap.set(ids[i]!, values[i]!);
    return this.lengthMap;
  }

  /** How many entries the field holds. */
  get entryCount(): number {
    return this.lengthMap?.size ?? this.savedLengths!.ids.length;
  }

  /**
   * Each entry's length by id (the average for an id without one), made once: BM25 reads one for every posting it
   * scores, tens of thousands a query, and a typed array reads faster than the map.
   */
  lengthById(): Float64Array {
    if (this.lengthTable) return this.lengthTable;
    const saved = this.savedLengths;
    const [ids, values] = saved ? [saved.ids, saved.values] : [[...this.lengths.keys()], [...this.lengths.values()]];
    let size = 0;
    for (const id of ids) size = Math.max(size, id + 1);
    const table = new Float64Array(size).fill(this.averageLength);
    ids.forEach((id, i) => (table[id] = values[i]!));
    return (this.lengthTable = table);
  }

  get postings(): PostingMap {
    return this.table;
  }

  /** The field as saved. */
  toFlat(): FlatField {
    const terms = finish(this.prefixTableSteps());
    const postings = terms.map((term) => this.table.get(term)!);
    const starts = new Int32Array(terms.length + 1);
    let [mostId, mostCount] = [0, 0];
    postings.forEach(({ ids, counts }, i) => {
      starts[i + 1] = starts[i]! + ids.length;
      for (let j = 0; j < ids.length; j++)
        [mostId, mostCount] = [Math.max(mostId, ids[j]!), Math.max(mostCount, counts[j]!)];
    });
    const total = starts[terms.length]!;
    const [ids, counts] = [numbersUpTo(mostId, total), numbersUpTo(mostCount, total)];
    postings.forEach((posting, i) => (ids.set(posting.ids, starts[i]), counts.set(posting.counts, starts[i])));
    return {
      terms: joinTerms(terms),
      starts,
      ids,
      counts,
      lengthIds: Int32Array.from(this.lengths.keys()),
      lengthValues: Int32Array.from(this.lengths.values()),
      totalLength: this.totalLength,
    };
  }

  /** A field read back from its flat form: its postings stay flat (FlatPostings), made at the first lookup. */
  static fromFlat(flat: FlatField): FieldIndex {
    const index = new FieldIndex();
    [index.held, index.saved, index.lengthMap] = [null, flat, null];
    index.totalLength = flat.totalLength;
    return index;
  }

  add(id: number, list: string[]): void {
    const table = this.table;
    if (!(table instanceof Map)) throw new Error('a loaded index is not added to');
    this.lengthTerms().set(id, list.length);
    this.totalLength += list.length;
    this.lengthTable = null;
    for (const term of list) {
      const found: Posting | undefined = table.get(term);
      const posting: Growing =
        found && Array.isArray(found.ids) ? (found as Growing) : this.growing(table, term, found);
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

  /** A new term's posting, or one compacted already made plain again (an entry added late): lists that grow. */
  private growing(table: Map<string, Posting>, term: string, posting: Posting | undefined): Growing {
    const grown = { ids: Array.from(posting?.ids ?? []), counts: Array.from(posting?.counts ?? []) };
    table.set(term, grown);
    return grown;
  }

  /**
   * Once every entry is added: each posting's lists in typed arrays of 2 or 4 bytes a number, or trimmed to
   * their length when short. Grown a push at a time, a list held 8 bytes a number and up to half as many again
   * unused: on the corpus's statements (1.3 million entries of 20,000 words) that was most of the index.
   */
  *compactSteps(): Steps<void> {
    if (!(this.table instanceof Map)) return;
    let done = 0;
    for (const posting of this.table.values()) {
      if (!Array.isArray(posting.ids) || !Array.isArray(posting.counts)) continue;
      const [ids, counts] = [posting.ids as number[], posting.counts as number[]];
      const short = ids.length <= PLAIN_POSTING_MAX;
      posting.ids = short ? ids.slice() : typed(ids);
      posting.counts = short ? counts.slice() : typed(counts);
      if (++done % POSTINGS_PER_STEP === 0) yield;
    }
  }

  /** Every indexed word starting with `prefix` (at most `max`), for the word being typed. */
  withPrefix(prefix: string, max = 200): string[] {
    const sorted = finish(this.prefixTableSteps());
    const found: string[] = [];
    for (
      let i = lowerBound(sorted, prefix);
      i < sorted.length && found.length < max && sorted[i]!.startsWith(prefix);
      i++
    )
      found.push(sorted[i]!);
    return found;
  }

  /** Sorts the words for prefix lookups in steps (a build runs them in slices: see steps.ts). */
  *prefixTableSteps(): Steps<string[]> {
    if (this.table instanceof FlatPostings) return (this.sorted ??= [...this.table.terms]);
    return (this.sorted ??= yield* sortedSteps([...this.postings.keys()], WORDS_PER_STEP));
  }
}

/** Entries with ids in [from, to): one document's, since a document's entries are added together. */
export type Range = readonly [from: number, to: number];

const EVERYTHING: Range = [0, Number.MAX_SAFE_INTEGER];

/** The looser match's entries, at most (searchWithLooser). */
export const LOOSER_HITS = 20;

/** BM25's usual constants: how fast repeats stop adding, and how much long entries are discounted. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** BM25's weight of a term found `tf` times in an entry `length` terms long, where entries average `average`. */
export function bm25(tf: number, length: number, average: number): number {
  const norm = 1 - BM25_B + (BM25_B * length) / average;
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
}

/** How rare a term is when `holding` of `entries` hold it: rare words say more about what is sought. */
export function bm25Idf(holding: number, entries: number): number {
  // A term in several fields of most entries would otherwise weigh less than nothing.
  const held = Math.min(entries, holding);
  return Math.log(1 + (entries - held + 0.5) / (held + 0.5));
}
/** How much a synonym, a typo correction or a prefix expansion counts against the word itself. */
export const ALTERNATIVE_WEIGHTS = { synonym: 0.8, typo: 0.7, prefix: 0.9, clipped: 0.7, compound: 1 } as const;
/**
 * Stems Porter leaves apart for one word: "reduction" stems to "reduct", "reduce" to "reduc" (so "produce" and
 * "production", "introduce" and "introduction"). Each stands for the other, as a synonym does.
 */
const DUCTION = /duct?$/;
const otherWordForms = (stem: string): string[] =>
  DUCTION.test(stem) ? [stem.endsWith('t') ? stem.slice(0, -1) : `${stem}t`] : [];

/** Typo correction is tried for this many query words at most, and remembered for this many words. */
export const MAX_CORRECTED_WORDS = 6;
export const MAX_REMEMBERED_CORRECTIONS = 10_000;
export const CORRECTION_MEMO_BYTES = 256 * 2 ** 10;
/** Words sorted into the typo tables between two steps of a build. */
const WORDS_PER_STEP = 5_000;
/** Prefix expansions of the word being typed, at most. */
const MAX_PREFIX_WORDS = 50;
/** Longer words of the documents a clipped query word ("admin") stands for, at most: the most frequent. */
export const MAX_CLIPPED_WORDS = 5;
/** A word written with hyphens between letters ("cyber-security"). */
const HYPHENATED = /\p{L}+(?:[-‐‑]\p{L}+)+/gu;
/** A word's runs of letters and of digits, where a word that joins them may be split. */
const LETTERS_OR_DIGITS = /\p{L}+|\p{N}+/gu;
/** The shortest part of a compound split at query time ("cyber" + "security"). */
const MIN_COMPOUND_PART = 3;
/** The longest word split into a compound's parts: each split stems both halves, so a long word costs its square. */
export const MAX_COMPOUND_LENGTH = 40;

export interface Alternative {
  term: string;
  weight: number;
  /**
   * How it stands for the query's word: the word itself, a synonym, a typo correction, a word it starts (being
   * typed, or clipped: "admin"), or the compound it forms with the next or previous word ("cyber security").
   */
  kind: 'word' | keyof typeof ALTERNATIVE_WEIGHTS;
}

/** A text index in flat form: each field's, then what typo correction and compounds read. */
export interface FlatText {
  [key: string]: Flat;
  fields: FlatField[];
  vocabulary: FlatCounts;
  written: Joined;
  hyphenated: Joined;
  capitalized: FlatCounts;
  lowerCased: FlatCounts;
}

/**
 * Search over a few weighted fields: a hand-written inverted index (term -> ascending ids), because building
 * FlexSearch's cost about 1 µs a word and dominated loading (docs/libraries.md). Entries are ranked by how many
 * of the query's words they hold (a synonym or typo correction stands for its word), then by BM25 summed over
 * fields by field weight. Stemming, stopwords, synonyms and typo tolerance are ours.
 */
export class TextIndex {
  private readonly indexes: Array<{ field: Field; index: FieldIndex }>;
  private vocabularyMap: Map<string, number> | null = null;
  /** The stems, and the words as the documents write them, by length: for typo correction. */
  private byLength: { stems: Map<number, string[]>; written: Map<number, string[]> } | null = null;
  /**
   * The documents' words as written (lower-cased, four letters or more), for judging typos on the words;
   * compounds the documents write with a hyphen, joined ("cybersecurity"), which a query may write closed; how
   * often the documents write each stem capitalized, and in lower case (a name is nearly never lower-cased).
   */
  private readonly words = {
    written: new Set<string>(),
    hyphenated: new Set<string>(),
    capitalized: new Map<string, number>(),
    lowerCased: new Map<string, number>(),
  };
  /** Read back: the vocabulary and the words above as saved, made into maps when first read (see read). */
  private unread: FlatText | null = null;
  // What queries typed, each with its corrections: a typo repeats as it is typed, but distinct ones come without end.
  private readonly corrections = new BudgetedMap<string, string[]>({
    maxBytes: CORRECTION_MEMO_BYTES,
    maxEntries: MAX_REMEMBERED_CORRECTIONS,
    sizeOf: (term, near) => ENTRY_BYTES + stringBytes(term) + near.reduce((sum, w) => sum + 16 + stringBytes(w), 0),
  });
  private sizeCache: number | null = null;

  constructor(
    fields: Field[],
    /** Query-time synonyms by stem: a reader's word -> the documents' words (src/library/vocabulary.ts). */
    private readonly synonyms: Record<string, string[]> = {},
  ) {
    this.indexes = fields.map((field) => ({ field, index: new FieldIndex() }));
  }

  /** The index as saved (saved-library.ts), once prepared: its fields, vocabulary and written words, flat. */
  toFlat(): FlatText {
    return {
      fields: this.indexes.map(({ index }) => index.toFlat()),
      vocabulary: flatCounts(this.vocabulary),
      written: joinTerms([...this.written]),
      hyphenated: joinTerms([...this.hyphenated]),
      capitalized: flatCounts(this.capitalized),
      lowerCased: flatCounts(this.lowerCased),
    };
  }

  /** An index read back from its flat form, with the fields and synonyms it was built with: ready to search. */
  static fromFlat(fields: Field[], synonyms: Record<string, string[]>, flat: FlatText): TextIndex {
    const loaded = new TextIndex(fields, synonyms);
    loaded.indexes.forEach((entry, i) => (entry.index = FieldIndex.fromFlat(flat.fields[i]!)));
    // The vocabulary and words are made at the first lookup, the typo tables at the first word to correct
    // (nearest): an index a command does not search makes neither.
    loaded.unread = flat;
    return loaded;
  }

  private read(): typeof this.words {
    const flat = this.unread;
    if (flat) {
      this.unread = null;
      this.vocabularyMap = countsFromFlat(flat.vocabulary);
      for (const word of splitTerms(flat.written)) this.words.written.add(word);
      for (const word of splitTerms(flat.hyphenated)) this.words.hyphenated.add(word);
      countsFromFlat(flat.capitalized, this.words.capitalized);
      countsFromFlat(flat.lowerCased, this.words.lowerCased);
    }
    return this.words;
  }

  private get written(): Set<string> {
    return this.read().written;
  }

  private get hyphenated(): Set<string> {
    return this.read().hyphenated;
  }

  private get capitalized(): Map<string, number> {
    return this.read().capitalized;
  }

  private get lowerCased(): Map<string, number> {
    return this.read().lowerCased;
  }

  /** Adds an entry (ids must ascend): a field's text, or its terms when the caller already has them. */
  add(id: number, entry: Record<string, string | string[]>): void {
    for (const { field, index } of this.indexes) {
      const value = entry[field.name] ?? '';
      const list = typeof value === 'string' ? this.noted(value) : value;
      if (list.length) index.add(id, list);
    }
    this.vocabularyMap = null;
    this.byLength = null;
    this.sizeCache = null;
    this.corrections.clear();
  }

  /** One field's postings: each term with the entries holding it. */
  postingsOf(field: string): PostingMap {
    return this.indexes.find((f) => f.field.name === field)?.index.postings ?? new Map<string, Posting>();
  }

  /**
   * A text's stems, noting its words as written and its hyphenated compounds (for typos and compounds): what
   * `add` does with a text, for a caller that keeps the stems too.
   */
  noted(text: string): string[] {
    const out: string[] = [];
    for (const token of tokenize(text)) {
      const term = normalizeTerm(token);
      if (!term) continue;
      out.push(term);
      const written = /^\p{Lu}/u.test(token) ? this.capitalized : /^\p{Ll}/u.test(token) ? this.lowerCased : null;
      written?.set(term, (written.get(term) ?? 0) + 1);
      if (token.length >= MIN_CORRECTED_LENGTH - 1 && !/^\d/.test(token)) this.written.add(writtenForm(token));
    }
    if (text.includes('-') || text.includes('‐') || text.includes('‑'))
      for (const [compound] of text.matchAll(HYPHENATED))
        this.hyphenated.add(writtenForm(compound.replace(/\P{L}/gu, '')));
    return out;
  }

  /** Builds the lookup tables for typo correction now, so the first query with a typo is not the slow one. */
  prepare(): this {
    return finish(this.prepareSteps());
  }

  /** As prepare, a table at a time (a reload builds the library in slices: see steps.ts). */
  *prepareSteps(): Steps<this> {
    this.vocabularyMap ??= yield* this.vocabularySteps();
    // The words by length, for typo correction: in steps, as a 20,000-heading document brings 20,000 words.
    this.byLength = yield* this.lengthBuckets();
    for (const { index } of this.indexes) {
      yield* index.prefixTableSteps();
      yield* index.compactSteps();
    }
    return this;
  }

  /**
   * Whether the documents write a stem as a name ("Asia", "Nevada", "Pentagon"): capitalized, and in lower case
   * at most `lowerShare` of the times (a sentence's first word is capitalized whatever it is).
   */
  isName(term: string, lowerShare = NAME_LOWER_SHARE): boolean {
    const capitalized = this.capitalized.get(term) ?? 0;
    return capitalized > 0 && (this.lowerCased.get(term) ?? 0) <= lowerShare * capitalized;
  }

  /** Every indexed term with how many entries hold it, for typo correction and rarity. */
  get vocabulary(): Map<string, number> {
    this.read();
    return (this.vocabularyMap ??= finish(this.vocabularySteps()));
  }

  /** The vocabulary counted field by field, yielding every WORDS_PER_STEP words. */
  private *vocabularySteps(): Steps<Map<string, number>> {
    const vocabulary = new Map<string, number>();
    let added = 0;
    for (const { index } of this.indexes) {
      for (const [term, posting] of index.postings) {
        vocabulary.set(term, (vocabulary.get(term) ?? 0) + posting.ids.length);
        if (++added % WORDS_PER_STEP === 0) yield;
      }
    }
    return vocabulary;
  }

  /**
   * The query's words, each with its alternatives: synonyms, the compound it forms with a neighbour, and for a
   * word the index lacks, the longer words it begins ("admin") or else the closest written words (a typo). A
   * compound the documents write apart ("cybersecurity": "cyber security") is asked as its parts; the word
   * being typed (the last, when `prefixLast`) also stands for the indexed words it starts.
   */
  expandQuery(query: string, prefixLast = false): Alternative[][] {
    const words = this.withCompoundsSplit(queryWords(query));
    return words.map((word, position) => {
      const { term } = word;
      const group: Alternative[] = [{ term, weight: 1, kind: 'word' }];
      for (const synonym of [...(this.synonyms[term] ?? []), ...otherWordForms(term)])
        group.push({ term: synonym, weight: ALTERNATIVE_WEIGHTS.synonym, kind: 'synonym' });
      for (const compound of this.compoundsAround(words, position))
        group.push({ term: compound, weight: ALTERNATIVE_WEIGHTS.compound, kind: 'compound' });
      const typing = prefixLast && position === words.length - 1;
      if (typing) group.push(...this.alternativesStarting(term, 'prefix', MAX_PREFIX_WORDS));
      if (!this.vocabulary.has(term) && term.length >= MIN_CORRECTED_LENGTH && position < MAX_CORRECTED_WORDS)
        group.push(...this.unknownWordAlternatives(word, typing));
      else if (!typing && !word.capitals && !this.vocabulary.has(term) && WRITTEN_SHORT.test(term))
        group.push(...this.shortFormsOf(term));
      return group;
    });
  }

  /**
   * A word the index lacks: the longer words it begins (a clipped word, "admin"), or when it begins none, the
   * closest words the documents write (a typo). While it is being typed, the words it begins are there already.
   */
  private unknownWordAlternatives(word: QueryWord, typing: boolean): Alternative[] {
    if (this.hasPrefix(word.term))
      return typing ? [] : this.alternativesStarting(word.term, 'clipped', MAX_CLIPPED_WORDS);
    return this.closest(word).map((near): Alternative => ({
      term: near,
      weight: ALTERNATIVE_WEIGHTS.typo,
      kind: 'typo',
    }));
  }

  /**
   * The words a short form may stand for: those beginning with its first letter and holding its letters in order
   * ("yr": "year"; "ppl": "people"), at least two letters longer, the most frequent first.
   */
  private shortFormsOf(short: string): Alternative[] {
    const spells = (word: string) => {
      let at = 0;
      for (const letter of word) if (letter === short[at] && ++at === short.length) return true;
      return false;
    };
    const words = this.withPrefix(short[0]!, Number.MAX_SAFE_INTEGER).filter(
      (word) => word.length >= short.length + 2 && spells(word),
    );
    words.sort((a, b) => this.vocabulary.get(b)! - this.vocabulary.get(a)!);
    return words
      .slice(0, MAX_SHORT_FORMS)
      .map((term) => ({ term, weight: ALTERNATIVE_WEIGHTS.clipped, kind: 'clipped' }));
  }

  /** The indexed words `term` starts, most frequent first (at most `max`), as alternatives of one kind. */
  private alternativesStarting(term: string, kind: 'prefix' | 'clipped', max: number): Alternative[] {
    const words = this.withPrefix(term).filter((word) => word !== term);
    if (kind === 'clipped') words.sort((a, b) => this.vocabulary.get(b)! - this.vocabulary.get(a)!);
    return words.slice(0, max).map((word) => ({ term: word, weight: ALTERNATIVE_WEIGHTS[kind], kind }));
  }

  /**
   * The query's words with each compound the documents write apart split into its parts: a word the index
   * lacks, or one the documents also write with a hyphen, when both parts are indexed words.
   */
  private withCompoundsSplit(words: QueryWord[]): QueryWord[] {
    return words.flatMap((word, position) => {
      const joined = this.vocabulary.has(word.term);
      if (position >= MAX_CORRECTED_WORDS || word.written.length > MAX_COMPOUND_LENGTH) return [word];
      if (joined && !this.hyphenated.has(word.written)) return [word];
      return this.compoundParts(word.written) ?? this.letterDigitParts(word.written) ?? [word];
    });
  }

  /**
   * A written word split where letters meet digits ("h1b": "h", "1", "b"; "covid19"), which the documents may
   * write apart ("H-1B", "COVID-19"); null unless it has such parts and each is an indexed word.
   */
  private letterDigitParts(written: string): QueryWord[] | null {
    const parts = written.match(LETTERS_OR_DIGITS) ?? [];
    if (parts.length < 2 || parts.join('') !== written) return null;
    const split = parts.map((part) => ({ written: part, term: normalizeTerm(part, { remember: false }) ?? '' }));
    return split.every(({ term }) => this.vocabulary.has(term)) ? split : null;
  }

  /** A written word split into two indexed words, the most even split first; null when none splits so. */
  private compoundParts(written: string): QueryWord[] | null {
    const middle = written.length >> 1;
    for (let offset = 0; middle - offset >= MIN_COMPOUND_PART; offset++) {
      for (const at of offset === 0 ? [middle] : [middle - offset, middle + offset]) {
        const parts = [written.slice(0, at), written.slice(at)];
        if (parts.some((part) => part.length < MIN_COMPOUND_PART)) continue;
        const split = parts.map((part) => ({ written: part, term: normalizeTerm(part, { remember: false }) ?? '' }));
        if (split.every(({ term }) => this.vocabulary.has(term))) return split;
      }
    }
    return null;
  }

  /** The indexed compounds word `position` forms with its neighbours ("cyber security": "cybersecurity"). */
  private compoundsAround(words: QueryWord[], position: number): string[] {
    const found: string[] = [];
    for (const [first, second] of [
      [words[position - 1], words[position]],
      [words[position], words[position + 1]],
    ]) {
      if (!first || !second) continue;
      const compound = normalizeTerm(first.written + second.written, { remember: false });
      if (compound && this.vocabulary.has(compound)) found.push(compound);
    }
    return found;
  }

  /** How many typo corrections are remembered now: only for observing the bound (tests). */
  get rememberedCorrections(): number {
    return this.corrections.size;
  }

  /** The estimated bytes of the remembered corrections: only for observing the bound (tests). */
  get rememberedCorrectionBytes(): number {
    return this.corrections.bytes;
  }

  /** Whether some indexed word starts with `prefix` (the word being typed may be unfinished). */
  private hasPrefix(prefix: string): boolean {
    return this.indexes.some(({ index }) => index.withPrefix(prefix, 1).length > 0);
  }

  private withPrefix(prefix: string, max = MAX_PREFIX_WORDS): string[] {
    return [...new Set(this.indexes.flatMap(({ index }) => index.withPrefix(prefix, max)))];
  }

  /** The typo corrections of a word, worked out once per word as written (queries repeat their words). */
  private closest(word: QueryWord): string[] {
    let best = this.corrections.get(word.written);
    if (!best) {
      best = this.nearest(word.written, word.term);
      this.corrections.set(word.written, best);
    }
    return best;
  }

  /**
   * The stems of the words the documents write within one edit of the word as typed (two from eight letters;
   * a swap of two letters is one), then the indexed stems within that of its stem, most frequent first: a
   * typo's stem drifts further than the word ("crimnals" is one edit from "criminals", "crimnal" two from "crimin").
   */
  private nearest(written: string, term: string): string[] {
    this.byLength ??= finish(this.lengthBuckets());
    const byWords = withinEdits(written, this.byLength.written).map((w) => normalizeTerm(w, { remember: false }) ?? '');
    const byStems = withinEdits(term, this.byLength.stems);
    const frequent = (list: string[]) =>
      list.filter((t) => this.vocabulary.has(t)).sort((a, b) => this.vocabulary.get(b)! - this.vocabulary.get(a)!);
    return [...new Set([...frequent(byWords), ...frequent(byStems)])].slice(0, 3);
  }

  /** The indexed stems and the written words by length. */
  private *lengthBuckets(): Steps<NonNullable<TextIndex['byLength']>> {
    return { stems: yield* byLength(this.vocabulary.keys()), written: yield* byLength(this.written) };
  }

  /** How rare a term is across entries: rare words say more about what is sought. */
  private idf(term: string): number {
    let entries = 0;
    for (const { index } of this.indexes) entries = Math.max(entries, index.entryCount);
    return bm25Idf(this.vocabulary.get(term) ?? 0, entries);
  }

  /** One alternative's postings in every field, the stretch of each in range, with the weight of its BM25 there. */
  private listsOf(alternative: Alternative, range: Range, prefixLast: boolean): ScoredList[] {
    const idf = this.idf(alternative.term);
    const lists: ScoredList[] = [];
    for (const { field, index } of this.indexes) {
      if (alternative.kind === 'prefix' && !field.prefix && !prefixLast) continue;
      const posting = index.postings.get(alternative.term);
      if (!posting) continue;
      const from = lowerBound(posting.ids, range[0]);
      const to = lowerBound(posting.ids, range[1], from);
      if (from === to) continue;
      const weight = field.weight * alternative.weight * idf;
      lists.push(new ScoredList(posting, from, to, weight, index.lengthById(), index.averageLength));
    }
    return lists;
  }

  /**
   * Best first: entries holding more of the query's words (or their alternatives) first, then by BM25. Only
   * the best level of coverage is returned: when some entry holds every word, entries holding fewer are left
   * out. The word being typed (the last) matches as a prefix in prefix fields, or everywhere with `prefixLast`.
   */
  search(query: string, limit = 100, range: Range = EVERYTHING, prefixLast = false): Hit[] {
    const groups = this.expandQuery(query, prefixLast);
    if (groups.length === 0) return [];
    const scratch = this.scored(groups, range, prefixLast, false);
    const best = scratch.best(groups.length, limit);
    this.spare = scratch.cleared();
    return best;
  }

  /**
   * As search, with the looser match beside: the `looserLimit` entries holding one word fewer than the best,
   * by BM25 (a question worded far from the text misses one of its words; issue 18). None for a one-word query,
   * nor for one of fewer than `looserWords` words.
   */
  searchWithLooser(query: string, range: Range = EVERYTHING, looserLimit = LOOSER_HITS, looserWords = 2): LooserSearch {
    const groups = this.expandQuery(query);
    if (groups.length === 0) return { strict: [], looser: [], words: 0 };
    const looser = groups.length >= looserWords;
    const scratch = this.scored(groups, range, false, looser);
    const strict = scratch.best(groups.length, Number.MAX_SAFE_INTEGER);
    const next = looser ? scratch.nextBest(groups.length, looserLimit) : [];
    this.spare = scratch.cleared();
    return { strict, looser: next, words: groups.length };
  }

  /**
   * The last query's score tables, cleared (only the entries it touched), for the next, rather than made afresh and
   * zeroed each query: they are as long as the index, about 0.7 MB on the corpus.
   */
  private spare: Scratch | null = null;

  /**
   * The entries in range that hold the most of the words (and, with `looser`, one word fewer) scored against them;
   * the last word also matches as a prefix in prefix fields. An entry holding `level` of `w` words holds one of
   * any `w - level + 1` of them, so only the entries of the words held by fewest are drawn, and the other words'
   * postings are only looked up for those: a common word beside a rare one costs the rare one's entries, and no
   * entry's place or score changes. Drawn from the fewest first, then more while the most held asks for more.
   */
  private scored(groups: Alternative[][], range: Range, prefixLast: boolean, looser: boolean): Scratch {
    const prefixed = groups.map((group, i) => (i === groups.length - 1 ? this.withPrefixFields(group) : group));
    const words = prefixed.map((group) => group.flatMap((alternative) => this.listsOf(alternative, range, prefixLast)));
    const entries = words.map((lists) => lists.reduce((sum, list) => sum + list.to - list.from, 0));
    const fewestFirst = [...words.keys()].filter((w) => entries[w]! > 0).sort((a, b) => entries[a]! - entries[b]!);
    const scratch = this.spare?.size === this.size ? this.spare : new Scratch(this.size);
    this.spare = null;
    for (let drawn = Math.min(looser ? 2 : 1, fewestFirst.length); ; scratch.cleared()) {
      const every = drawn >= fewestFirst.length;
      const walked = words.map(() => every);
      for (let k = 0; !every && k < drawn; k++) {
        walked[fewestFirst[k]!] = true;
        for (const list of words[fewestFirst[k]!]!) scratch.draw(list);
      }
      for (let w = 0; w < words.length; w++) {
        for (const list of words[w]!) scratch.offerList(list, walked[w]!);
        scratch.endWord();
      }
      const most = scratch.most();
      const level = looser && most > 1 ? most - 1 : most;
      if (every || drawn >= fewestFirst.length - level + 1) return scratch;
      drawn = fewestFirst.length - level + 1;
    }
  }

  /** One more than the largest id indexed: the size of a query's score tables. */
  private get size(): number {
    if (this.sizeCache === null) {
      this.sizeCache = 0;
      for (const { index } of this.indexes) this.sizeCache = Math.max(this.sizeCache, index.lengthById().length);
    }
    return this.sizeCache;
  }

  /** The word being typed, expanded to the words it starts in fields that match prefixes. */
  private withPrefixFields(group: Alternative[]): Alternative[] {
    if (!this.indexes.some(({ field }) => field.prefix)) return group;
    const [word] = group;
    const words = this.indexes
      .filter(({ field }) => field.prefix)
      .flatMap(({ index }) => index.withPrefix(word!.term, MAX_PREFIX_WORDS))
      .filter((w) => w !== word!.term);
    return [
      ...group,
      ...[...new Set(words)].map((term): Alternative => ({ term, weight: ALTERNATIVE_WEIGHTS.prefix, kind: 'prefix' })),
    ];
  }

  /** The stems a query looks for, synonyms and typo corrections included: for highlighting matches. */
  queryTerms(query: string): Set<string> {
    return new Set(
      this.expandQuery(query)
        .flat()
        .map((a) => a.term),
    );
  }
}

/** One alternative's posting in one field: the stretch [from, to) in range, and what weighs its entries' BM25. */
class ScoredList {
  readonly ids: Numbers;
  readonly counts: Numbers;

  constructor(
    posting: Posting,
    readonly from: number,
    readonly to: number,
    private readonly weight: number,
    private readonly lengths: Float64Array,
    private readonly average: number,
  ) {
    [this.ids, this.counts] = [posting.ids, posting.counts];
  }

  /** Entry `i` scored: its BM25 in the field, weighted. */
  scoreAt(i: number): number {
    return this.weight * bm25(this.counts[i]!, this.lengths[this.ids[i]!] ?? this.average, this.average);
  }
}

/** Candidates at most this share of a posting are looked up in it; more, and it is read through. */
const LOOKED_UP_SHARE = 1 / 8;

/**
 * A query's scores in flat tables indexed by entry id (a query over the whole corpus touches tens of thousands
 * of entries; maps of maps were the slow part): the best score of the current word, the sum so far, and how
 * many of the query's words each entry holds; and the entries drawn as candidates, when only those are scored.
 */
class Scratch {
  private readonly word: Float64Array;
  private readonly total: Float64Array;
  private readonly held: Uint16Array;
  private readonly drawnMark: Uint8Array;
  private wordTouched: number[] = [];
  private readonly touched: number[] = [];
  private drawn: number[] = [];
  private drawnSorted = true;
  private mostHeld = -1;

  constructor(readonly size: number) {
    this.word = new Float64Array(size);
    this.total = new Float64Array(size);
    this.held = new Uint16Array(size);
    this.drawnMark = new Uint8Array(size);
  }

  offer(id: number, score: number): void {
    if (this.word[id] === 0) this.wordTouched.push(id);
    if (score > this.word[id]!) this.word[id] = score;
  }

  /** Draws a posting's entries as candidates: from then on only they are scored. */
  draw(list: ScoredList): void {
    for (let i = list.from; i < list.to; i++) {
      const id = list.ids[i]!;
      if (this.drawnMark[id] === 1) continue;
      this.drawnMark[id] = 1;
      this.drawn.push(id);
    }
    this.drawnSorted = false;
  }

  /**
   * Offers a posting's entries in ascending order: all of them when none are drawn, else the drawn ones; a posting
   * not `walked` is looked up for the drawn entries when they are few beside it.
   */
  offerList(list: ScoredList, walked: boolean): void {
    const { ids, from, to } = list;
    if (this.drawn.length === 0) {
      for (let i = from; i < to; i++) this.offer(ids[i]!, list.scoreAt(i));
    } else if (!walked && this.drawn.length < LOOKED_UP_SHARE * (to - from)) {
      if (!this.drawnSorted) this.drawn.sort((a, b) => a - b);
      this.drawnSorted = true;
      let i = from;
      for (const id of this.drawn) {
        i = lowerBound(ids, id, i, to);
        if (i === to) break;
        if (ids[i] === id) this.offer(id, list.scoreAt(i));
      }
    } else {
      for (let i = from; i < to; i++) if (this.drawnMark[ids[i]!] === 1) this.offer(ids[i]!, list.scoreAt(i));
    }
  }

  endWord(): void {
    for (const id of this.wordTouched) {
      if (this.held[id] === 0) this.touched.push(id);
      this.held[id]!++;
      this.total[id]! += this.word[id]!;
      this.word[id] = 0;
    }
    this.wordTouched = [];
  }

  best(words: number, limit: number): Hit[] {
    const most = this.most();
    const hits: Hit[] = [];
    for (const id of this.touched)
      if (this.held[id] === most) hits.push({ id, score: this.total[id]!, coverage: most / words });
    return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
  }

  /** The `limit` best entries holding one word fewer than the best do, best first; none when that is no word. */
  nextBest(words: number, limit: number): Hit[] {
    const level = this.most() - 1;
    if (level < 1) return [];
    const kept: Hit[] = [];
    for (const id of this.touched) {
      if (this.held[id] !== level) continue;
      const score = this.total[id]!;
      // Most entries fall below the last kept: a short sorted list, not a sort of them all.
      if (kept.length === limit && score <= kept[limit - 1]!.score) continue;
      let at = kept.length;
      while (at > 0 && kept[at - 1]!.score < score) at--;
      kept.splice(at, 0, { id, score, coverage: level / words });
      if (kept.length > limit) kept.pop();
    }
    return kept;
  }

  /** The tables as new, for another query: only the entries this one touched are set. */
  cleared(): this {
    for (const id of this.touched) {
      this.total[id] = 0;
      this.held[id] = 0;
    }
    for (const id of this.wordTouched) this.word[id] = 0;
    for (const id of this.drawn) this.drawnMark[id] = 0;
    this.touched.length = 0;
    this.wordTouched = [];
    this.drawn = [];
    this.drawnSorted = true;
    this.mostHeld = -1;
    return this;
  }

  /** The most words an entry holds: read once every word is scored, by best and then nextBest. */
  most(): number {
    if (this.mostHeld >= 0) return this.mostHeld;
    let most = 0;
    for (const id of this.touched) if (this.held[id]! > most) most = this.held[id]!;
    return (this.mostHeld = most);
  }
}
