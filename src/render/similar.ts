// "Did you mean ...?": the closest string by shared letter pairs (Dice coefficient), for suggestions.
// Candidates (titles, what figures count) come from the documents and repeat from call to call: their pairs
// are kept. What a user typed is never kept, so distinct queries cannot grow the memory.
import { BudgetedMap, ENTRY_BYTES, stringBytes } from '../budgeted-map.js';

export const MAX_CACHED = 20_000;
/** A document's candidates may be long (a title of 150,000 words): their pairs are bounded in bytes too. */
export const PAIR_CACHE_BYTES = 4 * 2 ** 20;
/** One letter pair in a text's table: the pair, its count and the table's slot. */
const PAIR_BYTES = 48;
/** Words of a candidate compared one by one: enough for a title, bounded for a document's odd 100,000-word line. */
const MAX_WORDS = 50;
const MAX_QUERY = 200;
/** Below this a suggestion helps nobody. */
const MIN_SIMILARITY = 0.2;
/** A match on one word of a candidate counts a little less than a match on the whole. */
const WORD_MATCH = 0.9;

const cache = new BudgetedMap<string, Map<string, number>>({
  maxBytes: PAIR_CACHE_BYTES,
  maxEntries: MAX_CACHED,
  sizeOf: (text, pairs) => ENTRY_BYTES + stringBytes(text) + pairs.size * PAIR_BYTES,
});

/** How many texts' letter pairs are kept now, and their estimated bytes: only for observing the bound (tests). */
export const cachedTexts = (): number => cache.size;
export const cachedPairBytes = (): number => cache.bytes;

function cachedPairs(text: string): Map<string, number> {
  const cached = cache.get(text);
  if (cached) return cached;
  const made = countPairs(text);
  cache.set(text, made);
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

/** The candidate most like the query, or null when none shares anything with it. */
export function closest<T>(query: string, candidates: T[], text: (c: T) => string): T | null {
  const wanted = countPairs(query.slice(0, MAX_QUERY));
  let best: T | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    const whole = text(candidate);
    let score = dice(wanted, cachedPairs(whole));
    for (const word of whole.split(/\s+/, MAX_WORDS))
      score = Math.max(score, dice(wanted, cachedPairs(word)) * WORD_MATCH);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore > MIN_SIMILARITY ? best : null;
}
