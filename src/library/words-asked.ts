// A lookup's words as each candidate sentence is weighed against them. A lookup weighs thousands of sentences:
// what depends only on the words (their rarity) is worked out once a lookup, not once a sentence.
import type { TermSet } from './figure-search.js';
import type { Alternative } from './search.js';

/** A word found only around the sentence (its statement, section, document title) counts this much. */
export const CONTEXT_WEIGHT = 0.6;

/** What a sentence holds of the words asked. */
export interface WordScore {
  /** The rarity-weighted share of the words it holds, or its context does (counting less). */
  coverage: number;
  /** How many of the words it holds (two words held by one compound, "cyber security", are two). */
  held: number;
  /** The words' rarity summed, each weighted by how it was found. */
  score: number;
  /** The stems by which it holds them. */
  terms: Set<string>;
}

/** A sentence as weighed: its stems and the sets of stems around it. */
export interface Weighed {
  terms: TermSet;
  context: readonly TermSet[];
}

export class WordsAsked {
  private readonly wordRarity: number[];
  private readonly alternativeRarity: number[][];
  private readonly wanted: number;

  constructor(
    readonly groups: Alternative[][],
    rarity: (term: string) => number,
  ) {
    this.wordRarity = groups.map((group) => rarity(group[0]!.term));
    this.alternativeRarity = groups.map((group) => group.map((alternative) => rarity(alternative.term)));
    this.wanted = this.wordRarity.reduce((sum, r) => sum + r, 0);
  }

  /** The rarity-weighted share of the words a sentence holds, and its score. */
  score(sentence: Weighed): WordScore {
    let held = 0;
    let words = 0;
    let score = 0;
    const found = new Set<string>();
    const own = sentence.terms;
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g]!;
      let at = firstHeld(group, own);
      const inSentence = at >= 0;
      if (!inSentence) at = this.firstAround(sentence.context, g);
      if (at < 0) continue;
      const hit = group[at]!;
      const weight = hit.weight * (inSentence ? 1 : CONTEXT_WEIGHT);
      found.add(hit.term);
      words++;
      held += this.wordRarity[g]! * weight;
      score += weight * this.alternativeRarity[g]![at]!;
    }
    return { coverage: this.wanted === 0 ? 0 : held / this.wanted, held: words, score, terms: found };
  }

  /** The first alternative of word `g` that any of the sets holds; -1 when none does. */
  private firstAround(context: readonly TermSet[], g: number): number {
    const group = this.groups[g]!;
    for (let i = 0; i < group.length; i++) for (const set of context) if (set.has(group[i]!.term)) return i;
    return -1;
  }
}

/** The index of the first alternative a set of stems holds; -1 when it holds none. */
function firstHeld(group: Alternative[], terms: { has(term: string): boolean }): number {
  for (let i = 0; i < group.length; i++) if (terms.has(group[i]!.term)) return i;
  return -1;
}
