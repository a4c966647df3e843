// Suggestions ("Did you mean …?") on what users and documents can send: huge titles, many distinct queries.
import { describe, expect, it } from 'vitest';
import { MAX_CACHED, PAIR_CACHE_BYTES, cachedPairBytes, cachedTexts, closest } from '../../src/render/similar.js';
import { seedLibrary } from '../support/library.js';

/** What the seed's figures count: what /stat suggests from when a query finds nothing. */
const seedCounts = [
  ...new Set(
    seedLibrary()
      .parts()
      .figures.flatMap((ref) => ref.figure.counts ?? []),
  ),
];

describe('closest', () => {
  it('suggests the nearest title', () => {
    expect(closest('saving lifes', ['Securing Our Border', 'Saving American Lives'], (t) => t)).toBe(
      'Saving American Lives',
    );
  });

  it('survives a title of 150,000 words', () => {
    const huge = 'word '.repeat(150_000);
    expect(() => closest('wrd', [huge, 'Securing Our Border'], (t) => t)).not.toThrow();
  });

  // Issue 22: "egg prices" was offered "homicides" on the seed, for the letters "ic" and "es" of "prices".
  it('offers nothing that shares no word with the query, however many letters', () => {
    expect(seedCounts.length).toBeGreaterThan(5);
    for (const query of ['egg prices', 'gas prices', 'eggs']) expect(closest(query, seedCounts, (c) => c)).toBeNull();
    expect(closest('egg prices', ['Americans', 'prices of eggs'], (c) => c)).toBe('prices of eggs');
  });

  it('still offers another form of a word, or a typo of it', () => {
    expect(closest('crimnal aliens', seedCounts, (c) => c)).toBe('criminal aliens');
    expect(closest('miles of wal', seedCounts, (c) => c)).toBe('miles of wall');
    expect(closest('homocides', ['Saving American Lives', 'homicides'], (c) => c)).toBe('homicides');
  });

  it('gives nothing when nothing is alike', () => {
    expect(closest('zzzz', ['Securing Our Border'], (t) => t)).toBeNull();
  });

  // Issue 14, part 5: "did you mean" grew by 125 MB over 10,000 distinct not-found queries.
  it('keeps nothing of 10,000 distinct queries: only the candidates are remembered', () => {
    const titles = ['Securing Our Border', 'Saving American Lives', 'Lowering Costs for Families'];
    closest('first query', titles, (t) => t);
    const kept = cachedTexts();
    expect(kept).toBeGreaterThan(0);
    for (let i = 0; i < 10_000; i++) closest(`not found query number ${i} zq${i.toString(36)}`, titles, (t) => t);
    expect(cachedTexts()).toBe(kept);
  });

  it(`keeps the letter pairs of at most ${MAX_CACHED.toLocaleString('en-US')} candidates`, () => {
    // One candidate a call, so the size is seen after every addition.
    let largest = 0;
    for (let i = 0; i < 1.5 * MAX_CACHED; i++) {
      closest('label', [`label${i.toString(36)}`], (t) => t);
      largest = Math.max(largest, cachedTexts());
    }
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(MAX_CACHED);
  });

  // Issue 22, memory: a document's candidates can be long, so their pairs are bounded in bytes as well as in count.
  it(`keeps at most ${PAIR_CACHE_BYTES / 2 ** 20} MB of letter pairs over 2,000 distinct long candidates`, () => {
    let largest = 0;
    for (let i = 0; i < 2_000; i++) {
      // About 1,000 distinct pairs each: a title of numbered words.
      const long = Array.from({ length: 200 }, (_, w) => `t${i.toString(36)}w${w}`).join(' ');
      closest('label', [long], (t) => t);
      largest = Math.max(largest, cachedPairBytes());
    }
    expect(largest).toBeGreaterThan(PAIR_CACHE_BYTES / 2);
    expect(largest).toBeLessThanOrEqual(PAIR_CACHE_BYTES);
    expect(cachedTexts()).toBeLessThan(MAX_CACHED);
  });
});
