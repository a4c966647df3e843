// Which sentences a lookup weighs: every sentence that holds one of the words asked (or, for a word no sentence
// holds, whose statement or titles do), none left out however common the words. Weighing a sentence (its
// coverage, its BM25, its figures) is the costly part, so first each one's most possible coverage is summed
// word by word over the postings, in flat tables (a word's rarity at its best alternative's weight where the
// sentence holds it, at the weight of context where only its statement or titles do), and a sentence whose
// most possible coverage is under the least wanted is never weighed. Those left out are exactly those the
// coverage would have dropped: the answer is the one weighing every sentence gives
// (tests/library/figure-candidates.test.ts).
import type { Alternative } from './search.js';
import { CONTEXT_WEIGHT } from './words-asked.js';

/** What the candidates are drawn from: the finder's postings, by sentence id. */
/** Sentence ids, ascending: a list built, or a view of a saved library's table. */
export type SentenceIds = readonly number[] | Int32Array;

export interface SentencePostings {
  /** How many sentences there are (ids run from 0). */
  count(): number;
  /** Sentences whose own words hold the term. */
  own(term: string): SentenceIds | undefined;
  /** Sentences whose statement, lead-in or titles hold the term. */
  around(term: string): SentenceIds;
}

/** Below this share of the least coverage, a bound counts as under it: sums of rarities round differently. */
const ROUNDING_MARGIN = 1e-9;

/**
 * The sentences (ascending ids, so equal scores keep document order) holding a word of the lookup by its own
 * words, or around it for a word no sentence holds, whose most possible share of the words' rarity (`rarity`,
 * each word's weight in that share) reaches `min`. In scope only, when `inScope` is given.
 */
export function candidateIds(
  groups: Alternative[][],
  rarity: readonly number[],
  postings: SentencePostings,
  min: number,
  inScope?: (id: number) => boolean,
): number[] {
  const bounds = MostPossible.for(postings);
  for (const [g, group] of groups.entries()) {
    const most = rarity[g]! * Math.max(...group.map((alternative) => alternative.weight));
    for (const { term } of group) {
      const own = postings.own(term);
      if (own) bounds.own(own, g, most);
      bounds.draw(own ?? postings.around(term));
    }
    // Held only around the sentence, a word counts at the weight of context.
    for (const { term } of group) bounds.around(postings.around(term), g, most * CONTEXT_WEIGHT);
  }
  const wanted = rarity.reduce((sum, r) => sum + r, 0);
  return bounds.reaching(min * wanted * (1 - ROUNDING_MARGIN), inScope);
}

/**
 * Each sentence's most possible coverage (times the words' rarity summed), word by word, in flat tables. The tables
 * are a finder's, used again by each lookup (as long as its sentences, about 0.6 MB on the corpus: made and zeroed
 * each lookup, they were a tenth of one); a sentence's entries count only once this lookup has set them.
 */
class MostPossible {
  private static readonly kept = new WeakMap<SentencePostings, MostPossible>();

  /** The tables of the finder whose postings these are, ready for a new lookup. */
  static for(postings: SentencePostings): MostPossible {
    const count = postings.count();
    let bounds = MostPossible.kept.get(postings);
    if (bounds?.most.length !== count || bounds.lookup === LAST_LOOKUP) {
      bounds = new MostPossible(count);
      MostPossible.kept.set(postings, bounds);
    }
    bounds.lookup++;
    bounds.drawnIds = [];
    return bounds;
  }

  private readonly most: Float64Array;
  /** The last word each sentence was found holding by its own words, and around it (-1: none yet). */
  private readonly ownWord: Int32Array;
  private readonly aroundWord: Int32Array;
  /**
   * The lookup that last set a sentence's entries above, and the one that drew it (it holds a word by its own
   * words, or around it for a word no sentence holds).
   */
  private readonly setIn: Int32Array;
  private readonly drawnIn: Int32Array;
  private lookup = 0;
  private drawnIds: number[] = [];

  private constructor(count: number) {
    this.most = new Float64Array(count);
    this.ownWord = new Int32Array(count);
    this.aroundWord = new Int32Array(count);
    this.setIn = new Int32Array(count);
    this.drawnIn = new Int32Array(count);
  }

  /** A sentence's entries, as new if an earlier lookup set them. */
  private fresh(id: number): void {
    if (this.setIn[id] === this.lookup) return;
    this.setIn[id] = this.lookup;
    this.most[id] = 0;
    this.ownWord[id] = -1;
    this.aroundWord[id] = -1;
  }

  draw(ids: SentenceIds): void {
    for (const id of ids) {
      if (this.drawnIn[id] === this.lookup) continue;
      this.drawnIn[id] = this.lookup;
      this.drawnIds.push(id);
    }
  }

  /** Adds word `g`'s most to each sentence holding it by its own words (once a word, whatever the alternative). */
  own(ids: SentenceIds, g: number, most: number): void {
    for (const id of ids) {
      this.fresh(id);
      if (this.ownWord[id] === g) continue;
      this.ownWord[id] = g;
      this.most[id]! += most;
    }
  }

  /** Adds word `g`'s most around a sentence to each holding it there and not by its own words. */
  around(ids: SentenceIds, g: number, most: number): void {
    for (const id of ids) {
      this.fresh(id);
      if (this.ownWord[id] === g || this.aroundWord[id] === g) continue;
      this.aroundWord[id] = g;
      this.most[id]! += most;
    }
  }

  /** The drawn sentences in scope whose most possible coverage reaches `least`, ascending. */
  reaching(least: number, inScope?: (id: number) => boolean): number[] {
    const mostOf = (id: number) => (this.setIn[id] === this.lookup ? this.most[id]! : 0);
    const ids = this.drawnIds.filter((id) => mostOf(id) >= least && (!inScope || inScope(id)));
    return ids.sort((a, b) => a - b);
  }
}

/** The last lookup a finder's tables count: past it, they are made again (every lookup before then set them). */
const LAST_LOOKUP = 2 ** 31 - 1;
