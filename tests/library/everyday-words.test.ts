import { describe, expect, it } from 'vitest';
import { sheetWordsFor } from '../../src/library/everyday-words.js';
import { terms } from '../../src/library/search.js';

const stem = (word: string) => terms(word, { remember: false })[0]!;

describe('everyday words', () => {
  it('gives the sheets’ words for an everyday word, one way only', () => {
    expect(sheetWordsFor(stem('kids'))).toContain(stem('children'));
    expect(sheetWordsFor(stem('children'))).toEqual([]);
    expect(sheetWordsFor(stem('vets'))).toEqual([stem('veterans')]);
    expect(sheetWordsFor(stem('straight'))).toEqual([stem('directly')]);
  });

  it('gives nothing for a word that names a property of every object', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(sheetWordsFor(word)).toEqual([]);
      expect(sheetWordsFor(stem(word))).toEqual([]);
    }
  });
});
