// A query's score tables are the last query's, cleared: what one query scored never shows in the next, and a
// query asked again scores as on an index that answered nothing before.
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/library/search.js';

function index(): TextIndex {
  const search = new TextIndex([
    { name: 'text', weight: 1 },
    { name: 'title', weight: 2 },
  ]);
  const texts = [
    'border security funding rose',
    'border wall miles built',
    'security of the power grid',
    'funding for rural broadband',
    'wall street and border towns',
    'grid security and broadband funding',
  ];
  texts.forEach((text, id) => search.add(id, { text, title: id % 2 ? 'border' : 'funding' }));
  search.prepare();
  return search;
}

describe('score tables used again', () => {
  const queries = ['border security', 'funding', 'wall miles', 'grid broadband funding', 'security', 'nothing here'];

  it('gives each query the hits a fresh index gives, in any order of queries before it', () => {
    const used = index();
    for (const query of [...queries, ...queries.slice().reverse()]) {
      expect(used.search(query)).toEqual(index().search(query));
      expect(used.searchWithLooser(query)).toEqual(index().searchWithLooser(query));
    }
  });
});
