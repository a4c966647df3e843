// "Did you mean ...?": the closest string by shared letter pairs (Dice coefficient), for suggestions, offered
// only when it shares a word with the query ("egg prices" is not offered "Americans" for its letters).
// Candidates (titles, what figures count) come from the documents and repeat from call to call: their pairs
// and words are kept. What a user typed is never kept, so distinct queries cannot grow the memory.
import { isTypoOf, MIN_CORRECTED_LENGTH, normalizeTerm, tokenize } from '../library/search.js';
import { BudgetedMap, ENTRY_BYTES, stringBytes } from '../budgeted-map.js';

export const MAX_CACHED = 20_000;
/** A document's candidates may be long (a title of 150,000 words): their pairs are bounded in bytes too. */
export const PAIR_CACHE_BYTES = 4 * 2 ** 20;
/** One letter pair in a text's table: the pair, its count and the table's slot. */
const PAIR_BYTES = 48;
/** Words of a candidate compared one by one: enough for a title, bounded for a document's odd 100,000-word line. */
const MAX_WORDS = 50;
/** Characters of a query or a candidate compared: a title's or a label's start says what it is about. */
export const MAX_COMPARED = 200;
/** Below this a suggestion helps nobody. */
const MIN_SIMILARITY = 0.2;
/** A match on one word of a candidate counts a little less than a match on the whole. */
const WORD_MATCH = 0.9;

interface Compared {
  pairs: Map<string, number>;
  /** Each word's letter pairs, for a match on one word. */
  words: Array<Map<string, number>>;
  /** The words that carry meaning (stopwords left out), lower case and stemmed. */
  terms: Word[];
}

interface Word {
  lower: string;
  stem: string;
}

const cache = new BudgetedMap<string, Compared>({
  maxBytes: PAIR_CACHE_BYTES,
  maxEntries: MAX_CACHED,
  sizeOf: (text, made) =>
    ENTRY_BYTES +
    stringBytes(text) +
    (made.pairs.size + made.words.reduce((n, w) => n + w.size, 0)) * PAIR_BYTES +
    made.terms.reduce((n, t) => n + ENTRY_BYTES + stringBytes(t.lower) + stringBytes(t.stem), 0),
});

/** How many texts' letter pairs are kept now, and their estimated bytes: only for observing the bound (tests). */
export const cachedTexts = (): number => cache.size;
export const cachedPairBytes = (): number => cache.bytes;

function compared(text: string): Compared {
  const bounded = text.slice(0, MAX_COMPARED);
  const words = bounded.split(/\s+/, MAX_WORDS);
  return { pairs: countPairs(bounded), words: words.map(countPairs), terms: meaningfulWords(bounded) };
}

function cachedCompared(text: string): Compared {
  const key = text.slice(0, MAX_COMPARED);
  const cached = cache.get(key);
  if (cached) return cached;
  const made = compared(key);
  cache.set(key, made);
  return made;
}

function countPairs(text: string): Map<string, number> {
  const clean = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const out = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i++) {
    const pair = clean.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

function dice(pa: Map<string, number>, pb: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [pair, n] of pa) {
    shared += Math.min(n, pb.get(pair) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

function meaningfulWords(text: string): Word[] {
  const out: Word[] = [];
  for (const token of tokenize(text)) {
    const stem = normalizeTerm(token);
    if (stem) out.push({ lower: token.toLowerCase(), stem });
  }
  return out;
}

/** The same word, another form of it ("lives", "lifes"), or a typo of it ("homocides"). */
function sameWord(typed: Word, word: Word): boolean {
  if (typed.stem === word.stem) return true;
  if (typed.lower.length < MIN_CORRECTED_LENGTH) return false;
  return isTypoOf(typed.lower, word.lower) || isTypoOf(typed.stem, word.stem);
}

const sharesWord = (typed: Word[], candidate: Compared) =>
  typed.some((t) => candidate.terms.some((word) => sameWord(t, word)));

function similarity(wanted: Compared, candidate: Compared): number {
  let score = dice(wanted.pairs, candidate.pairs);
  for (const word of candidate.words) score = Math.max(score, dice(wanted.pairs, word) * WORD_MATCH);
  return score;
}

/** The candidate most like the query that shares a word with it, or null when none does. */
export function closest<T>(query: string, candidates: T[], text: (c: T) => string): T | null {
  const wanted = compared(query);
  const scored: Array<{ candidate: T; compared: Compared; score: number }> = [];
  for (const candidate of candidates) {
    const found = cachedCompared(text(candidate));
    const score = similarity(wanted, found);
    if (score > MIN_SIMILARITY) scored.push({ candidate, compared: found, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.find((s) => sharesWord(wanted.terms, s.compared))?.candidate ?? null;
}
