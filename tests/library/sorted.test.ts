// The binary search every sorted index uses: checked against a scan on lists with repeats, ends and stretches.
import { describe, expect, it } from 'vitest';
import { firstNotBelow as firstNotBelowWhere, holds, lowerBound } from '../../src/library/sorted.js';

/** A scan: the first place in [from, to) not below `value`. */
function firstNotBelow(sorted: number[], value: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (sorted[i]! >= value) return i;
  return to;
}

describe('lowerBound and holds', () => {
  it('give what a scan gives, for every value and stretch of lists with repeats', () => {
    const lists = [[], [5], [1, 1, 1], [1, 3, 3, 3, 7, 9], [0, 2, 4, 6, 8, 10, 12]];
    for (const list of lists)
      for (let from = 0; from <= list.length; from++)
        for (let to = from; to <= list.length; to++)
          for (let value = -1; value <= 13; value++) {
            const at = firstNotBelow(list, value, from, to);
            expect(lowerBound(list, value, from, to)).toBe(at);
            expect(holds(list, value, from, to)).toBe(at < to && list[at] === value);
          }
  });

  it('search strings and typed arrays alike, the whole list by default', () => {
    expect(lowerBound(['apple', 'pear', 'plum'], 'peach')).toBe(1);
    expect(holds(['apple', 'pear', 'plum'], 'plum')).toBe(true);
    expect(holds(Uint32Array.from([2, 4, 8]), 4)).toBe(true);
    expect(holds(Uint32Array.from([2, 4, 8]), 4, 2)).toBe(false);
  });

  it('finds the first place a predicate turns false, as lowerBound does on the same list', () => {
    const list = [1, 3, 3, 5, 8];
    for (let value = 0; value <= 9; value++)
      expect(firstNotBelowWhere(0, list.length, (place) => list[place]! < value)).toBe(lowerBound(list, value));
    expect(firstNotBelowWhere(2, 2, () => true)).toBe(2);
  });
});
