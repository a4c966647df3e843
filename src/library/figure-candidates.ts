// Which sentences a lookup weighs: every sentence that holds one of the words asked (or, for a word no sentence
// holds, whose statement or titles do), none left out however common the words. Weighing is the costly part,
// so a sentence that cannot reach the least coverage wanted is never weighed: as in MaxScore, the words are
// taken rarest last, and the common ones whose rarity together stays below that coverage cannot lift a
// sentence to it alone, so only sentences holding one of the other, rarer words (anywhere) are weighed. The
// sentences left out are exactly those the coverage would have dropped: the answer is the one weighing every
// sentence would give (tests/library/figure-candidates.test.ts).
import type { Alternative } from './search.js';
import { CONTEXT_WEIGHT } from './words-asked.js';

/** What the candidates are drawn from: the finder's postings, by sentence id. */
export interface SentencePostings {
  /** How many sentences there are (ids run from 0). */
  count(): number;
  /** Sentences whose own words hold the term. */
  own(term: string): readonly number[] | undefined;
  /** Sentences whose statement, lead-in or titles hold the term. */
  around(term: string): readonly number[];
  /** Whether a sentence's own words hold the term. */
  holds(id: number, term: string): boolean;
  /** Whether a sentence's statement, lead-in or titles hold the term. */
  holdsAround(id: number, term: string): boolean;
}

/** Below this share of the least coverage, a bound counts as under it: sums of rarities round differently. */
const ROUNDING_MARGIN = 1e-9;

/**
 * The sentences (ascending ids, so equal scores keep document order) holding a word of the lookup by its
 * sentence, or by what is around it for a word no sentence holds, that may hold at least `min` of the words'
 * rarity-weighted share; `rarity` is each word's weight in that share. In scope only, when `inScope` is given.
 */
export function candidateIds(
  groups: Alternative[][],
  rarity: readonly number[],
  postings: SentencePostings,
  min: number,
  inScope?: (id: number) => boolean,
): number[] {
  const needed = neededWords(groups, rarity, min);
  const seen = new Uint8Array(postings.count());
  const ids: number[] = [];
  const take = (id: number, known: boolean) => {
    if (seen[id] !== 0) return;
    seen[id] = 1;
    if ((known || isCandidate(groups, postings, id)) && (!inScope || inScope(id))) ids.push(id);
  };
  for (const g of needed.words) {
    for (const { term } of groups[g]!) {
      const own = postings.own(term);
      for (const id of own ?? postings.around(term)) take(id, true);
      // With words left out, a sentence holding this one only around it may still reach `min`.
      if (own && needed.leftOut) for (const id of postings.around(term)) take(id, false);
    }
  }
  return ids.sort((a, b) => a - b);
}

/**
 * The words a sentence must hold one of (anywhere) to reach `min`: all but the commonest whose most possible
 * share together stays under it. `leftOut` says whether any were left out.
 */
function neededWords(groups: Alternative[][], rarity: readonly number[], min: number) {
  const wanted = rarity.reduce((sum, r) => sum + r, 0);
  // The most a word can add: its rarity at its best alternative's weight, found where it counts most.
  const most = groups.map(
    (group, g) => rarity[g]! * Math.max(...group.map((a) => a.weight)) * Math.max(1, CONTEXT_WEIGHT),
  );
  const commonestFirst = groups.map((_, g) => g).sort((a, b) => most[a]! - most[b]! || a - b);
  let below = 0;
  let leftOut = 0;
  for (const g of commonestFirst) {
    if (below + most[g]! >= min * wanted * (1 - ROUNDING_MARGIN)) break;
    below += most[g]!;
    leftOut++;
  }
  return { words: commonestFirst.slice(leftOut).sort((a, b) => a - b), leftOut: leftOut > 0 };
}

/** Whether a sentence holds a word of the lookup as the candidates are drawn: by its own words where any sentence has it. */
function isCandidate(groups: Alternative[][], postings: SentencePostings, id: number): boolean {
  for (const group of groups)
    for (const { term } of group)
      if (postings.own(term) ? postings.holds(id, term) : postings.holdsAround(id, term)) return true;
  return false;
}
