import { describe, expect, it } from 'vitest';
import { fillFirstPage, LOOSER_FILL } from '../../src/library/search-fill.js';

const hit = (name: string, score: number) => ({ name, score });
const names = (hits: Array<{ name: string }>) => hits.map((h) => h.name);

describe('the looser match on /search’s first page', () => {
  const strict = [hit('a', 10), hit('b', 9), hit('c', 8), hit('d', 7), hit('e', 6), hit('f', 5)];

  it('takes a place after the first where its BM25 beats the strict hits, and drops the rest', () => {
    const filled = fillFirstPage(strict, [hit('x', 9.5), hit('y', 1)], LOOSER_FILL);
    expect(names(filled)).toEqual(['a', 'x', 'b', 'c', 'd', 'e', 'f']);
  });

  it('never moves the first, however high the looser hit scores', () => {
    expect(names(fillFirstPage(strict, [hit('z', 20)], LOOSER_FILL))).toEqual(['a', 'z', 'b', 'c', 'd', 'e', 'f']);
  });

  it('places nothing past the first page: later pages hold the strict match only', () => {
    const many = Array.from({ length: 8 }, (_, i) => hit(`s${i}`, 100 - i));
    const filled = fillFirstPage(many, [hit('x', 1), hit('y', 0.5)], LOOSER_FILL);
    expect(names(filled)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('is the strict match alone when there is no looser hit', () => {
    expect(names(fillFirstPage(strict, [], LOOSER_FILL))).toEqual(names(strict));
  });
});
