// Each statement's numbers and words, for folding near-identical /search hits (near-same.ts) without stemming
// each hit's text again, which was most of a /search's CPU on the corpus. Kept small: a list of word stems a
// statement cost about 500 bytes (21.7 MB on the corpus), so every statement's words are numbers into one
// vocabulary, sorted, end to end in one typed array, read off the statements' index once it is built.
import { isNumberStem, type Shape } from './near-same.js';
import type { TermSet } from './figure-search.js';
import type { StatementRef } from './refs.js';
import type { Flat, Joined } from './flat-file.js';
import { joinTerms, splitTerms, type PostingMap } from './search.js';
import { holds } from './sorted.js';

/** Every word's number and the numbers of every statement's words, end to end. */
interface Table extends WordTable {
  ids: Uint16Array | Uint32Array;
  readonly termOf: string[];
  readonly idOf: Map<string, number>;
}

/** Word numbers end to end, each stretch sorted, and the words they number: what a PackedTerms reads. */
export interface WordTable {
  readonly ids: ArrayLike<number>;
  readonly termOf: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
}

/** One statement's (or sentence's) words: a stretch of a table's packed ids, read as stems. */
export class PackedTerms implements TermSet {
  constructor(
    private readonly table: WordTable,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get size(): number {
    return this.to - this.from;
  }

  has(term: string): boolean {
    const id = this.table.idOf.get(term);
    return id !== undefined && holds(this.table.ids, id, this.from, this.to);
  }

  /**
   * How many of these words the other holds, when both read the same table: a walk along the two sorted stretches
   * of numbers, counting as `has` would for each word, with no word looked up by its text (near-same.ts compares
   * each of up to 500 hits with 20 others); null for another kind of set.
   */
  sharedWith(other: TermSet): number | null {
    if (!(other instanceof PackedTerms) || other.table !== this.table) return null;
    const { ids } = this.table;
    let shared = 0;
    let j = other.from;
    for (let i = this.from; i < this.to; i++) {
      const id = ids[i]!;
      while (j < other.to && ids[j]! < id) j++;
      if (j < other.to && ids[j] === id) shared++;
    }
    return shared;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = this.from; i < this.to; i++) yield this.table.termOf[this.table.ids[i]!]!;
  }
}

/** The table in flat form. */
export interface FlatStatementWords {
  [key: string]: Flat;
  ids: Uint16Array | Uint32Array;
  termOf: Joined;
  starts: Int32Array;
  numbers: Joined;
  sameTextAs: Int32Array;
}

/** The statements' shapes but for their text, which a number stands for: the first statement holding it. */
export class StatementWords {
  private table!: Table;
  /** Where each statement's words start in the table (the next one's start is where they end). */
  private readonly starts: Int32Array;
  private statementOf!: ReadonlyMap<StatementRef, number>;
  private numbers!: readonly string[];
  /** Read back: makes the word list, the statements' places and their numbers, at the first shape asked for. */
  private unread: (() => void) | null = null;

  /**
   * From the statements' index (entry i is statement i): a word's posting lists the statements holding it, once
   * each, so walking the postings word by word writes each statement's words sorted, and looks none up.
   */
  constructor(
    statements: readonly StatementRef[],
    postings: PostingMap,
    numbers: readonly string[],
    private readonly sameTextAs: ArrayLike<number>,
  ) {
    this.numbers = numbers;
    const words = [...postings].filter(([term]) => !isNumberStem(term));
    const starts = new Int32Array(statements.length + 1);
    for (const [, { ids }] of words) for (const id of ids) starts[id + 1]!++;
    for (let i = 0; i < statements.length; i++) starts[i + 1]! += starts[i]!;
    // Two bytes a word while the vocabulary allows (the corpus has about 20,000 words), else four.
    const size = starts[statements.length]!;
    const packed = words.length <= 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
    const next = starts.slice(0, statements.length);
    words.forEach(([, { ids }], word) => {
      for (const id of ids) packed[next[id]!++] = word;
    });
    const termOf = words.map(([term]) => term);
    this.table = { ids: packed, termOf, idOf: new Map(termOf.map((term, word) => [term, word])) };
    this.starts = starts;
    this.statementOf = new Map(statements.map((ref, i) => [ref, i]));
  }

  /** The table as saved (saved-library.ts). */
  toFlat(): FlatStatementWords {
    this.read();
    return {
      ids: this.table.ids,
      termOf: joinTerms(this.table.termOf),
      starts: this.starts,
      numbers: joinTerms(this.numbers),
      sameTextAs: Int32Array.from(this.sameTextAs),
    };
  }

  /** The table read back, for the same statements in the same order. */
  static fromFlat(statements: readonly StatementRef[], flat: FlatStatementWords): StatementWords {
    const loaded = Object.create(StatementWords.prototype) as StatementWords;
    const unread = () => {
      const termOf = splitTerms(flat.termOf);
      const idOf = new Map<string, number>();
      termOf.forEach((term, word) => idOf.set(term, word));
      const statementOf = new Map<StatementRef, number>();
      statements.forEach((ref, i) => statementOf.set(ref, i));
      // The numbers of a statement may be empty: split keeps one entry a statement.
      const numbers = statements.length ? flat.numbers.text.split('\n') : [];
      Object.assign(loaded, { table: { ids: flat.ids, termOf, idOf }, statementOf, numbers });
    };
    return Object.assign(loaded, { starts: flat.starts, sameTextAs: flat.sameTextAs, unread });
  }

  private read(): void {
    const unread = this.unread;
    this.unread = null;
    unread?.();
  }

  /** A statement's shape, keyed by the number of its text; null for one not indexed. */
  shape(ref: StatementRef): Shape | null {
    this.read();
    const i = this.statementOf.get(ref);
    if (i === undefined) return null;
    const words = new PackedTerms(this.table, this.starts[i]!, this.starts[i + 1]!);
    // A NUL first: no reader's text, which a shape of a text alone is keyed by, is taken for a statement's number.
    return { key: `\u0000${this.sameTextAs[i]}`, numbers: this.numbers[i]!, words };
  }
}
