// Two statements' shared words counted along their sorted word numbers (near-same.ts folds /search's hits with it)
// count exactly what looking each word up counts.
import { describe, expect, it } from 'vitest';
import { nearlySame, type Shape } from '../../src/library/near-same.js';
import { PackedTerms } from '../../src/library/statement-words.js';

describe('PackedTerms.sharedWith', () => {
  const termOf = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const idOf = new Map(termOf.map((term, id) => [term, id]));
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n;
  // Stretches of sorted word numbers, end to end, as a statements' word table holds them.
  const stretches = Array.from({ length: 60 }, () =>
    [...new Set(Array.from({ length: Math.floor(random(25)) }, () => Math.floor(random(40))))].sort((a, b) => a - b),
  );
  const ids = Uint16Array.from(stretches.flat());
  const table = { ids, termOf, idOf };
  const sets: PackedTerms[] = [];
  for (let at = 0, s = 0; s < stretches.length; at += stretches[s]!.length, s++)
    sets.push(new PackedTerms(table, at, at + stretches[s]!.length));

  it('counts as looking each word up does, for every pair of sets', () => {
    for (const a of sets)
      for (const b of sets) expect(a.sharedWith(b)).toBe([...a].filter((word) => b.has(word)).length);
  });

  it('gives null for a set of another table, and nearlySame then looks words up', () => {
    const other = new Set(['w1', 'w2']);
    expect(sets[0]!.sharedWith(other)).toBeNull();
    const shape = (words: Shape['words']): Shape => ({ key: String(Math.random()), numbers: '', words });
    const packed = new PackedTerms(table, 0, 0);
    expect(nearlySame(shape(packed), shape(new Set<string>()))).toBe(true);
    for (const a of sets.slice(0, 20)) expect(nearlySame(shape(a), shape(new Set(a)))).toBe(true);
  });
});
