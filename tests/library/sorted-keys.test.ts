import { describe, expect, it } from 'vitest';
import { Joined } from '../../src/library/flat-file.js';
import { flatSortedKeys, SortedKeys } from '../../src/library/sorted-keys.js';

describe('keys saved sorted and found where they lie', () => {
  const map = new Map([
    ['parks', 2],
    ['border wall', 0],
    ['doc/parks-f1', 1],
    ['', 3],
    ['Zoning', 4],
    ['éclair', 5],
  ]);

  it('finds each key with its number, and no other', () => {
    const keys = new SortedKeys(flatSortedKeys(map), 6);
    for (const [key, value] of map) expect(keys.get(key), key).toBe(value);
    for (const missing of ['park', 'parks ', 'zoning', 'doc/parks', 'éclairs', '\n'])
      expect(keys.get(missing), missing).toBe(-1);
  });

  it('refuses a table whose numbers or places are not whole', () => {
    const flat = flatSortedKeys(map);
    expect(() => new SortedKeys(flat, 5)).toThrow(/not of these documents/);
    expect(() => new SortedKeys({ ...flat, keys: new Joined(flat.keys.text.slice(1)) }, 6)).toThrow();
    expect(() => new SortedKeys({ ...flat, values: flat.values.subarray(1) }, 6)).toThrow();
    expect(() => new SortedKeys({ ...flat, starts: Array.from(flat.starts) as never }, 6)).toThrow();
  });
});
