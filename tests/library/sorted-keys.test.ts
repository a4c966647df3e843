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

  it('refuses a table whose numbers or places are not whole, at its first lookup', () => {
    const flat = flatSortedKeys(map);
    const firstLookup =
      (spoilt: typeof flat, limit = 6) =>
      () =>
        new SortedKeys(spoilt, limit).get('parks');
    expect(firstLookup(flat, 5)).toThrow(/not of these documents/);
    expect(firstLookup({ ...flat, keys: new Joined(flat.keys.text.slice(1)) })).toThrow();
    expect(firstLookup({ ...flat, values: flat.values.subarray(1) })).toThrow();
    expect(firstLookup({ ...flat, starts: Array.from(flat.starts) as never })).toThrow();
  });

  it('reads none of its tables until the first lookup', () => {
    const flat = flatSortedKeys(map);
    const read: string[] = [];
    const watched = Object.defineProperties(
      {},
      Object.fromEntries(
        Object.entries(flat).map(([name, table]) => [name, { get: () => (read.push(name), table), enumerable: true }]),
      ),
    ) as typeof flat;
    const keys = new SortedKeys(watched, 6);
    expect(read).toEqual([]);
    expect(keys.get('Zoning')).toBe(4);
    expect(read).toContain('keys');
  });
});
