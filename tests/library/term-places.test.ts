// A saved term list looked up where it lies (src/library/term-places.ts): every term at its place, nothing else.
import { describe, expect, it } from 'vitest';
import { TermPlaces } from '../../src/library/term-places.js';

describe('a saved term list looked up in place', () => {
  it('finds every term at its place, and no prefix, extension or absent word', () => {
    const terms = Array.from({ length: 5_000 }, (_, i) => `w${i.toString(36)}`).concat(['tariff', 'tariffs', 'é’s']);
    const places = new TermPlaces(terms.join('\n'));
    expect(places.size).toBe(terms.length);
    terms.forEach((term, i) => expect(places.indexOf(term)).toBe(i));
    for (const absent of ['tarif', 'tariffss', '', 'w', 'é', 'zzz', 'tariff\ntariffs'])
      expect(places.indexOf(absent)).toBe(-1);
  });

  it('holds nothing when the list is empty, and one term alone', () => {
    expect(new TermPlaces('').size).toBe(0);
    expect(new TermPlaces('').indexOf('jobs')).toBe(-1);
    expect(new TermPlaces('jobs').indexOf('jobs')).toBe(0);
  });
});
