// Which of /stat's figure sentences state a value, the values sorted: a question naming an amount ("$16.3 billion",
// "73%") looks its value up instead of reading the figures of every sentence (about 34,000 on the corpus, some
// 100-250 ms a question). What it gives is a superset, checked by the caller as before, so answers are unchanged.
import { lowerBound } from './sorted.js';

/** Values this close (relative) are looked at: twice figure-search's own tolerance, so no equal value is missed. */
const TOLERANCE = 2e-9;

export class AmountIndex {
  private constructor(
    /** Every value stated, ascending. */
    private readonly values: Float64Array,
    /** The sentence stating each value, in the same order. */
    private readonly ids: Int32Array,
  ) {}

  /** The values each of `count` sentences states (a figure's value and its upper value; null: none). */
  static of(count: number, valuesOf: (id: number) => Iterable<number | null>): AmountIndex {
    const pairs: Array<[value: number, id: number]> = [];
    for (let id = 0; id < count; id++)
      for (const value of valuesOf(id)) if (value !== null && !Number.isNaN(value)) pairs.push([value, id]);
    pairs.sort((a, b) => a[0] - b[0]);
    return new AmountIndex(
      Float64Array.from(pairs, (p) => p[0]),
      Int32Array.from(pairs, (p) => p[1]),
    );
  }

  /** The sentences that may state any of the values, each once, in sentence order. */
  sentencesStating(values: readonly number[]): number[] {
    const ids = new Set<number>();
    for (const value of values) {
      const margin = TOLERANCE * Math.max(1, Math.abs(value));
      for (let at = this.firstAtLeast(value - margin); at < this.values.length; at++) {
        if (this.values[at]! > value + margin) break;
        ids.add(this.ids[at]!);
      }
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The first place whose value is at least `value` (binary search). */
  private firstAtLeast(value: number): number {
    return lowerBound(this.values, value);
  }
}
