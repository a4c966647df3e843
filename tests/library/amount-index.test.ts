// /stat's amount index: a question naming an amount reads only the sentences that may state it, and misses none
// that do (figure-search.ts keeps checking each value exactly, as before).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { AmountIndex } from '../../src/library/amount-index.js';
import { createLibrary } from '../../src/library/library.js';

describe('AmountIndex', () => {
  const stated: Array<Array<number | null>> = [[5, null], [1.5e9], [], [73, 80], [5], [null], [1.5e9 * (1 + 1e-10)]];
  const index = AmountIndex.of(stated.length, (id) => stated[id]!);

  it('gives the sentences stating a value or its upper value, each once, in sentence order', () => {
    expect(index.sentencesStating([5])).toEqual([0, 4]);
    expect(index.sentencesStating([80])).toEqual([3]);
    expect(index.sentencesStating([5, 73, 5])).toEqual([0, 3, 4]);
  });

  it('keeps values within the tolerance figure-search counts as equal, and none far from it', () => {
    expect(index.sentencesStating([1.5e9])).toEqual([1, 6]);
    expect(index.sentencesStating([1.5e9 + 1000])).toEqual([]);
    expect(index.sentencesStating([6, 0, -5])).toEqual([]);
  });

  it('is empty when no sentence states a value', () => {
    expect(AmountIndex.of(3, () => [null]).sentencesStating([1])).toEqual([]);
  });
});

describe('/stat by amount', () => {
  const sheet = (n: number, lines: string[]) =>
    parseDocument(`# Sheet ${n}\n\n## Facts\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`, {
      file: `2025-01-0${n}-sheet-${n}.md`,
    });
  const library = createLibrary([
    sheet(1, ['The program hired 1,200 teachers in 2024.', 'It spent $16.3 billion on schools.']),
    sheet(2, ['Another $16.3 billion went to roads.', 'Prices rose 73% over the decade.']),
  ]);

  it('finds every sentence stating the amount, with it in bold, and no other', () => {
    const hits = library.search.figureSentences('$16.3 billion');
    expect(hits.map((h) => h.sentence.document.title).sort()).toEqual(['Sheet 1', 'Sheet 2']);
    expect(hits.every((h) => h.confident && h.bold.length === 1)).toBe(true);
    expect(library.search.figureSentences('73%').map((h) => h.bold[0]!.figure.value)).toEqual([73]);
    expect(library.search.figureSentences('1200 teachers')[0]!.bold[0]!.figure.value).toBe(1200);
  });
});
