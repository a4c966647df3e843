// A query scores only the entries that can hold the most of its words (drawn from the words held by fewest), yet
// finds what scoring every entry finds: the same entries at the same levels, with the same scores, in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextIndex, type Hit, type Range } from '../../src/library/search.js';

/** Words from the most common (in nearly every entry) to the rarest; "tariffs" is held by most. */
const WORDS = ['tariffs', 'border', 'security', 'funding', 'wall', 'grid', 'cloves', 'tuvalu', 'nauru'];

/** An index of entries whose text and title are picks of WORDS. */
function indexOf(entries: Array<{ text: number[]; title: number[] }>): TextIndex {
  const search = new TextIndex([
    { name: 'text', weight: 1 },
    { name: 'title', weight: 2 },
  ]);
  const words = (picks: number[]) => picks.map((p) => WORDS[WORDS.length - 1 - Math.floor(Math.sqrt(p))]).join(' ');
  entries.forEach(({ text, title }, id) => search.add(id, { text: words(text), title: words(title) }));
  return search.prepare();
}

/** Each entry's score and how many words it holds, each asked alone (a range of one entry), ranked as a query ranks. */
function everyEntryScored(search: TextIndex, query: string, size: number, range: Range) {
  const words = search.expandQuery(query).length;
  const scored: Array<Hit & { held: number }> = [];
  for (let id = range[0]; id < Math.min(size, range[1]); id++) {
    const [hit] = search.searchWithLooser(query, [id, id + 1]).strict;
    if (hit) scored.push({ ...hit, held: Math.round((hit.coverage ?? 0) * words) });
  }
  const most = Math.max(0, ...scored.map((hit) => hit.held));
  const byScore = (a: Hit, b: Hit) => b.score - a.score || a.id - b.id;
  const held = (level: number) =>
    scored
      .filter((hit) => hit.held === level)
      .map(({ id, score, coverage }) => ({ id, score, coverage }))
      .sort(byScore);
  return { strict: held(most), looser: words >= 2 && most > 1 ? held(most - 1).slice(0, 20) : [] };
}

/** A pick of WORDS: the first about seventeen times as often as the last. */
const pick = fc.nat(WORDS.length * WORDS.length - 1);
const entry = fc.record({
  text: fc.array(pick, { minLength: 1, maxLength: 5 }),
  title: fc.array(pick, { maxLength: 1 }),
});
const question = fc.array(fc.constantFrom(...WORDS, 'unheard'), { minLength: 1, maxLength: 4 });

describe('a query scoring only the entries drawn from its rarest words', () => {
  it('finds the entries, levels, scores and order that scoring every entry finds, in any range', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 120 }), question, fc.nat(40), (entries, words, from) => {
        const search = indexOf(entries);
        const query = words.join(' ');
        for (const range of [
          [0, Number.MAX_SAFE_INTEGER],
          [from, from + 60],
        ] as Range[]) {
          const every = everyEntryScored(search, query, entries.length, range);
          const found = search.searchWithLooser(query, range);
          expect(found.strict).toEqual(every.strict);
          // The looser match: the same scores; among equal scores, which entries are kept is the index's order.
          expect(found.looser.map((hit) => hit.score)).toEqual(every.looser.map((hit) => hit.score));
          expect(search.search(query, 10, range)).toEqual(every.strict.slice(0, 10));
        }
      }),
      { numRuns: 200, endOnFailure: true, seed: Number(process.env.PROPERTY_SEED ?? 20261207) },
    );
  });
});
