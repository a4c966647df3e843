// Word forms Porter stems apart: a query in one form finds a text that writes the other.
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/library/search.js';

function indexOf(texts: string[]): TextIndex {
  const search = new TextIndex([{ name: 'text', weight: 1 }]);
  texts.forEach((text, id) => search.add(id, { text }));
  return search.prepare();
}

describe('word forms of one word', () => {
  const search = indexOf(['The standard will reduce methane emissions.', 'Introduction of new standards.']);

  it('finds "reduce" for "reduction" and "introduction" for "introduce"', () => {
    expect(search.search('methane reduction').map((hit) => hit.id)).toEqual([0]);
    expect(search.search('introduce standards').map((hit) => hit.id)).toContain(1);
  });

  it('ranks the form as written above the other form', () => {
    const both = indexOf(['emissions reduction', 'emissions reduce']);
    expect(both.search('emissions reduction').map((hit) => hit.id)).toEqual([0, 1]);
  });
});
