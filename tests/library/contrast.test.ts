// A sentence that names another place where the question names one, and what a "how many" question counts
// (src/library/contrast.ts), read on stems as the finder gives them.
import { describe, expect, it } from 'vitest';
import {
  countedStems,
  namesAnother,
  namesAnotherSpan,
  namesRival,
  type SlotSense,
  type WordSense,
} from '../../src/library/contrast.js';
import type { Alternative } from '../../src/library/search.js';
import { terms } from '../../src/library/search.js';

const groups = (query: string): Alternative[][] => terms(query).map((term) => [{ term, weight: 1, kind: 'word' }]);
const phrases = (sentence: string) => sentence.split(',').map((phrase) => terms(phrase));
const contrasts = (query: string, sentence: string) =>
  namesAnother(groups(query), new Set(phrases(sentence).flat()), () => phrases(sentence), sense);
const NAMES = new Set(terms('Gaza West Bank Caribbean Dominican Republic United States U.S.'));
const sense: WordSense = { isName: (term) => NAMES.has(term), common: (term) => term === terms('United')[0] };

describe('namesAnother', () => {
  it('finds another name beside a word both hold, where the question names one the sentence lacks', () => {
    const sentence = 'Israel raised the permits for Palestinians in Gaza to 15,500';
    expect(contrasts('permits for palestinians in the west bank', sentence)).toBe(true);
    expect(contrasts('permits for palestinians in gaza', sentence)).toBe(false);
  });

  it('reads no contrast across a comma, in a setting name, in initials or beside an everyday word', () => {
    const question = 'caribbean action committees';
    expect(contrasts(question, 'co-chaired by the Dominican Republic, action committees met')).toBe(false);
    expect(contrasts(question, 'the Dominican Republic action committees met')).toBe(true);
    expect(contrasts('aid to gaza', 'aid to the United States')).toBe(false);
    expect(contrasts('aid to gaza', 'aid to U.S. towns')).toBe(false);
    expect(contrasts('pets rescued in gaza', '140 pets were rescued by teams')).toBe(false);
  });

  it('reads the phrases only when a name asked is missing from the sentence', () => {
    let read = 0;
    const phrasesOf = () => (read++, phrases('permits for Palestinians in Gaza'));
    namesAnother(
      groups('permits for palestinians in gaza'),
      new Set(terms('permits Palestinians Gaza')),
      phrasesOf,
      sense,
    );
    expect(read).toBe(0);
  });
});

describe('namesRival', () => {
  // The documents write "northern border", "graduate loans", "new rule", "urban areas" and "rural areas"; "new" is in
  // most of them.
  const pairs = ['northern border', 'graduate loans', 'new rule', 'urban areas', 'rural areas'];
  const written = new Set(pairs.map((pair) => terms(pair).join(' ')));
  const before = (first: string) =>
    [...written].filter((pair) => pair.startsWith(`${first} `)).map((p) => p.split(' ')[1]);
  const slots: SlotSense = {
    together: (first, second) => written.has(`${first} ${second}`),
    kindred: (first, second) => before(first).some((word) => before(second).includes(word)),
    common: (term) => term === terms('new')[0],
  };
  // Word by word as the finder reads them: a word with no stem ("our", "this") is "", and stands between.
  const words = (sentence: string) =>
    sentence.split(',').map((phrase) =>
      phrase
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => terms(word).join(' ')),
    );
  const rival = (query: string, sentence: string, around: string[] = []) =>
    namesRival(
      groups(query),
      { own: new Set(words(sentence).flat()), around: around.map((text) => new Set(terms(text))) },
      () => words(sentence),
      slots,
    );

  it('finds another word in the slot before a noun both hold, where the documents write the word asked there', () => {
    const sentence = '100 inspection machines at our Southwest Border ports';
    expect(rival('inspection machines at northern border ports', sentence)).toBe(true);
    expect(rival('graduate loan payments', 'undergraduate loan payments will be cut in half')).toBe(true);
    expect(rival('inspection machines at southwest border ports', sentence)).toBe(false);
  });

  it('finds a rival the documents write before another noun beside the word asked: "rural" for "urban"', () => {
    expect(
      rival('what percent of urban Americans lack broadband', '35 percent of rural Americans lack broadband'),
    ).toBe(true);
    expect(rival('what percent of suburban Americans lack broadband', '35 percent of rural Americans lack it')).toBe(
      false,
    );
  });

  it('reads no rival where the documents never write the word asked in that slot, or write it everywhere', () => {
    expect(rival('inspection machines at eastern border ports', '100 machines at our Southwest Border ports')).toBe(
      false,
    );
    expect(rival('people covered by the new rule', 'the final rule covers 100,000 people')).toBe(false);
  });

  it('reads no rival where the words around the sentence hold the word asked, or a word between stands apart', () => {
    const sentence = 'Southwest Border ports got 100 machines';
    expect(rival('machines at northern border ports', sentence, ['Northern and Southwest ports'])).toBe(false);
    expect(rival('northern border machines', 'machines at this border got 100')).toBe(false);
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

describe('namesAnotherSpan', () => {
  const another = (query: string, sentence: string) => namesAnotherSpan(query, () => sentence);

  it('finds a span of another length named by where it stands: "the last four years", "last month"', () => {
    expect(another('encounters in the last year', 'Encounters rose 250 percent over the last four years.')).toBe(true);
    expect(another('borrowers enrolled last year', 'Just last month, 153,000 borrowers were enrolled.')).toBe(true);
  });

  it('reads no contrast where the sentence names the length asked, or no span, or the question none', () => {
    expect(another('encounters in the last year', 'Encounters fell this year, and over the last four years.')).toBe(
      false,
    );
    expect(another('encounters in the last year', 'Encounters fell in the past 12 months.')).toBe(false);
    expect(another('encounters in the last year', 'Encounters fell 20 percent in 2023.')).toBe(false);
    expect(another('encounters in the last fiscal year', 'Encounters fell 20 percent last year.')).toBe(false);
    expect(another('border encounters', 'Encounters rose 250 percent over the last four years.')).toBe(false);
  });

  it('reads the sentence only for a question that names a span', () => {
    let read = 0;
    namesAnotherSpan('border encounters in 2023', () => (read++, 'over the last four years'));
    expect(read).toBe(0);
  });
});
