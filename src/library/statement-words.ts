// Each statement's numbers and words, for folding near-identical /search hits (near-same.ts) without stemming
// each hit's text again, which was most of a /search's CPU on the corpus. Kept small: a list of word stems a
// statement cost about 500 bytes (21.7 MB on the corpus), so every statement's words are numbers into one
// vocabulary, sorted, end to end in one typed array.
import type { Shape } from './near-same.js';
import type { TermSet } from './figure-search.js';
import type { StatementRef } from './refs.js';

/** Every word's number and the numbers of every statement's words, end to end. */
interface Table {
  ids: Uint16Array | Uint32Array;
  readonly termOf: string[];
  readonly idOf: Map<string, number>;
}

/** One statement's words: a stretch of the table's packed ids, read as stems. */
class PackedTerms implements TermSet {
  constructor(
    private readonly table: Table,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get size(): number {
    return this.to - this.from;
  }

  has(term: string): boolean {
    const id = this.table.idOf.get(term);
    if (id === undefined) return false;
    let [low, high] = [this.from, this.to - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.table.ids[middle]!;
      if (found === id) return true;
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = this.from; i < this.to; i++) yield this.table.termOf[this.table.ids[i]!]!;
  }
}

/** The statements' shapes but for their text, which a number stands for: the first statement holding it. */
export class StatementWords {
  private readonly table: Table = { ids: new Uint32Array(0), termOf: [], idOf: new Map() };
  private growing: number[] | null = [];
  private readonly starts: number[] = [0];
  private readonly numbers: string[] = [];
  private readonly sameTextAs: number[] = [];
  private readonly statementOf = new Map<StatementRef, number>();

  /** The next statement (in the order of their ids), its numbers and words (near-same.ts's numbersAndWords). */
  add(ref: StatementRef, sameTextAs: number, numbers: string, words: readonly string[]): void {
    const growing = (this.growing ??= Array.from(this.table.ids));
    const ids = new Set(words.map((word) => this.table.idOf.get(word) ?? this.newWord(word)));
    growing.push(...[...ids].sort((a, b) => a - b));
    this.starts.push(growing.length);
    this.statementOf.set(ref, this.numbers.length);
    this.numbers.push(numbers);
    this.sameTextAs.push(sameTextAs);
  }

  /** Once every statement is added: the growing list of ids into a typed array (a later add grows it again). */
  seal(): this {
    // Two bytes a word while the vocabulary allows (the corpus has about 20,000 words), else four.
    if (this.growing)
      this.table.ids =
        this.table.termOf.length <= 0x10000 ? Uint16Array.from(this.growing) : Uint32Array.from(this.growing);
    this.growing = null;
    return this;
  }

  /** A statement's shape, keyed by the number of its text; null for one not added. */
  shape(ref: StatementRef): Shape | null {
    const i = this.statementOf.get(ref);
    if (i === undefined) return null;
    this.seal();
    const words = new PackedTerms(this.table, this.starts[i]!, this.starts[i + 1]!);
    // A NUL first: no reader's text, which a shape of a text alone is keyed by, is taken for a statement's number.
    return { key: `\u0000${this.sameTextAs[i]}`, numbers: this.numbers[i]!, words };
  }

  private newWord(word: string): number {
    this.table.idOf.set(word, this.table.termOf.length);
    return this.table.termOf.push(word) - 1;
  }
}
