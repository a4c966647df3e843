// Issue 14, parts 4 and 5: what queries feed the search can neither grow its memos without end nor make one
// query correct typos in every word. Sizes and work are counted, never timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CORRECTION_MEMO_BYTES,
  MAX_COMPOUND_LENGTH,
  MAX_CORRECTED_WORDS,
  MAX_REMEMBERED_CORRECTIONS,
  MAX_REMEMBERED_STEMS,
  MAX_REMEMBERED_WORD,
  STEM_MEMO_BYTES,
  TextIndex,
  rememberedStemBytes,
  rememberedStems,
  terms,
} from '../../src/library/search.js';
import { BudgetedMap } from '../../src/budgeted-map.js';

// Consonants only, no "s" or "y": the stemmer leaves such words as they are, so each word is its own term.
const LETTERS = 'bcdfghjklmnpqrtvwxz';

/** The nth made-up word: "zq", then `width` letters spelling n, then `last`. Never a stopword, never stemmed. */
function word(n: number, width = 4, last = ''): string {
  let out = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / LETTERS.length)) out = LETTERS[n % LETTERS.length] + out;
  return `zq${out}${last}`;
}

/** Queries of up to 200 characters (Discord's limit on /stat and /search) holding the given words in turn. */
function queries(words: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current && current.length + 1 + w.length > 200) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${w}` : w;
  }
  if (current) out.push(current);
  return out;
}

const distinct = (count: number, width = 4, last = '') => Array.from({ length: count }, (_, n) => word(n, width, last));

/** Counts the typo-correction work (the scan of the vocabulary), not the memo's answers. */
function countCorrections() {
  return vi.spyOn(TextIndex.prototype as unknown as { nearest: (term: string) => string[] }, 'nearest');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the stem memo', () => {
  it('does not remember words longer than it keeps', () => {
    const long = distinct(1_000, MAX_REMEMBERED_WORD);
    expect(long[0]!.length).toBeGreaterThan(MAX_REMEMBERED_WORD);
    const before = rememberedStems();
    expect(before + long.length).toBeLessThan(MAX_REMEMBERED_STEMS); // so a clear cannot hide a growth
    for (const query of queries(long)) terms(query);
    expect(rememberedStems()).toBe(before);
  });

  it('stays within its bound after 250,000 distinct words typed (autocomplete sends each)', () => {
    const words = distinct(250_000, 5);
    expect(new Set(words).size).toBe(words.length);
    let largest = 0;
    for (const query of queries(words)) {
      expect(terms(query).length).toBeGreaterThan(0);
      largest = Math.max(largest, rememberedStems());
    }
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(MAX_REMEMBERED_STEMS);
  });
});

// Issue 22, memory: each memo is bounded in bytes too, so long distinct words cannot fill it past what was meant.
describe('the stem memo in bytes', () => {
  it(`stays within ${STEM_MEMO_BYTES / 2 ** 20} MB after 100,000 distinct words of the longest it keeps`, () => {
    const words = distinct(100_000, MAX_REMEMBERED_WORD - 2);
    expect(words[0]!.length).toBe(MAX_REMEMBERED_WORD);
    let largest = 0;
    for (const query of queries(words)) {
      terms(query);
      largest = Math.max(largest, rememberedStemBytes());
    }
    expect(largest).toBeGreaterThan(STEM_MEMO_BYTES / 2);
    expect(largest).toBeLessThanOrEqual(STEM_MEMO_BYTES);
  });

  it('does not remember the words of queries: 10,000 distinct typed words leave it as it was', () => {
    const search = new TextIndex([{ name: 'text', weight: 1 }]);
    search.add(0, { text: 'border security' });
    search.prepare();
    const before = rememberedStems();
    for (const query of queries(distinct(10_000, 5, 'q'))) search.expandQuery(query, true);
    expect(rememberedStems()).toBe(before);
  });
});

describe('typo correction', () => {
  // Indexed words, and query words each one letter longer than one of them: every query word could be corrected.
  const indexedWord = (n: number) => word(n, 3, 'c');
  const typed = Array.from(
    { length: 10_000 },
    (_, n) => `${indexedWord(Math.floor(n / LETTERS.length)).slice(0, -1)}${LETTERS[n % LETTERS.length]}c`,
  );
  function index(words: number): TextIndex {
    const built = new TextIndex([{ name: 'text', weight: 1 }]);
    for (let id = 0; id * 100 < words; id++) {
      const entry = Array.from({ length: Math.min(100, words - id * 100) }, (_, i) => indexedWord(id * 100 + i));
      built.add(id, { text: entry.join(' ') });
    }
    return built.prepare();
  }

  it(`is tried for the first ${MAX_CORRECTED_WORDS} words of a 10,000-word query, and no more`, () => {
    const search = index(typed.length / LETTERS.length + 1);
    const query = typed.join(' ');
    const work = countCorrections();
    search.search(query);
    expect(work).toHaveBeenCalledTimes(MAX_CORRECTED_WORDS);
    expect(work.mock.calls.map(([term]) => term)).toEqual(typed.slice(0, MAX_CORRECTED_WORDS));
    const corrected = search.expandQuery(query).map((group) => group.some((a) => a.kind === 'typo'));
    expect(corrected.slice(0, MAX_CORRECTED_WORDS)).toEqual(Array(MAX_CORRECTED_WORDS).fill(true));
    expect(corrected.indexOf(true, MAX_CORRECTED_WORDS)).toBe(-1);
  });

  it('is worked out once per word: the same query again, or another starting alike, does no new work', () => {
    const search = index(10);
    const query = typed.slice(0, 20).join(' ');
    const work = countCorrections();
    const first = search.expandQuery(query);
    expect(work).toHaveBeenCalledTimes(MAX_CORRECTED_WORDS);
    work.mockClear();
    expect(search.expandQuery(query)).toEqual(first);
    expect(search.search(query)).toEqual(search.search(query));
    expect(search.expandQuery(typed.slice(0, 3).join(' '))).toEqual(first.slice(0, 3));
    expect(work).not.toHaveBeenCalled();
  });

  it('remembers a bounded number of words after 20,000 distinct unknown words in not-found queries', () => {
    const search = index(50);
    const unknown = distinct(20_000, 4, 'd');
    let largest = 0;
    for (let i = 0; i < unknown.length; i += MAX_CORRECTED_WORDS) {
      search.search(unknown.slice(i, i + MAX_CORRECTED_WORDS).join(' '));
      largest = Math.max(largest, search.rememberedCorrections);
    }
    expect(unknown.length).toBeGreaterThan(MAX_REMEMBERED_CORRECTIONS);
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(MAX_REMEMBERED_CORRECTIONS);
  });

  it(`remembers at most ${CORRECTION_MEMO_BYTES / 2 ** 10} KB of corrections after 20,000 distinct long unknown words`, () => {
    const search = index(50);
    // 32 letters each, never within one edit of an indexed word: an empty correction, the word the most of it.
    const unknown = distinct(20_000, 30, 'd');
    let largest = 0;
    for (let i = 0; i < unknown.length; i += MAX_CORRECTED_WORDS) {
      search.search(unknown.slice(i, i + MAX_CORRECTED_WORDS).join(' '));
      largest = Math.max(largest, search.rememberedCorrectionBytes);
    }
    expect(largest).toBeGreaterThan(CORRECTION_MEMO_BYTES / 2);
    expect(largest).toBeLessThanOrEqual(CORRECTION_MEMO_BYTES);
    expect(search.rememberedCorrections).toBeLessThan(MAX_REMEMBERED_CORRECTIONS);
  });
});

describe('compound splitting', () => {
  /** Stemmer memo lookups (one a word stemmed) that expanding a one-word query costs. */
  function lookupsToExpand(word: string): number {
    const search = new TextIndex([{ name: 'text', weight: 1 }]);
    search.add(0, { text: 'cyber security cybersecurity' });
    search.prepare();
    const lookups = vi.spyOn(BudgetedMap.prototype, 'get');
    search.expandQuery(word);
    const calls = lookups.mock.calls.length;
    lookups.mockRestore();
    return calls;
  }

  it(`splits no word over ${MAX_COMPOUND_LENGTH} letters: a 6,000-letter word costs what a 60-letter one does`, () => {
    expect(lookupsToExpand('cyberxsecurity'.padEnd(MAX_COMPOUND_LENGTH + 1, 'q'))).toBeLessThan(20);
    expect(lookupsToExpand('x'.repeat(6000))).toBeLessThanOrEqual(lookupsToExpand('x'.repeat(60)));
  });
});
