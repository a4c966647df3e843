// A sentence that names another place where the question names one, and what a "how many" question counts
// (src/library/contrast.ts), read on stems as the finder gives them.
import { describe, expect, it } from 'vitest';
import { countedStems, namesAnother, type WordSense } from '../../src/library/contrast.js';
import type { Alternative } from '../../src/library/search.js';
import { terms } from '../../src/library/search.js';

const groups = (query: string): Alternative[][] => terms(query).map((term) => [{ term, weight: 1, kind: 'word' }]);
const phrases = (sentence: string) => sentence.split(',').map((phrase) => terms(phrase));
const NAMES = new Set(terms('Gaza West Bank Caribbean Dominican Republic United States U.S.'));
const sense: WordSense = { isName: (term) => NAMES.has(term), common: (term) => term === terms('United')[0] };

describe('namesAnother', () => {
  it('finds another name beside a word both hold, where the question names one the sentence lacks', () => {
    const sentence = phrases('Israel raised the permits for Palestinians in Gaza to 15,500');
    expect(namesAnother(groups('permits for palestinians in the west bank'), sentence, sense)).toBe(true);
    expect(namesAnother(groups('permits for palestinians in gaza'), sentence, sense)).toBe(false);
  });

  it('reads no contrast across a comma, in a setting name, in initials or beside an everyday word', () => {
    const question = groups('caribbean action committees');
    expect(namesAnother(question, phrases('co-chaired by the Dominican Republic, action committees met'), sense)).toBe(
      false,
    );
    expect(namesAnother(question, phrases('the Dominican Republic action committees met'), sense)).toBe(true);
    expect(namesAnother(groups('aid to gaza'), phrases('aid to the United States'), sense)).toBe(false);
    expect(namesAnother(groups('aid to gaza'), phrases('aid to U.S. towns'), sense)).toBe(false);
    expect(namesAnother(groups('pets rescued in gaza'), phrases('140 pets were rescued by teams'), sense)).toBe(false);
  });
});

describe('countedStems', () => {
  const stemsOf = (word: string) => terms(word);

  it('reads what "how many" counts up to the first word that is no content word', () => {
    expect(countedStems('power restored to how many customers in puerto rico', stemsOf)).toEqual(terms('customers'));
    expect(countedStems('how many federal workers are in puerto rico', stemsOf)).toEqual(terms('federal workers'));
    expect(countedStems('number of work permits for gaza', stemsOf)).toEqual(terms('work permits'));
  });

  it('reads nothing counted in a question that does not ask "how many"', () => {
    expect(countedStems('permits for palestinians in gaza', stemsOf)).toEqual([]);
  });
});
