// Near-identical statements are one hit: fact sheets repeat a paragraph from one release to the next with a
// word changed ("17 leading economists" and "17 of the leading economists"). Two texts are near-identical
// when they state the same numbers and share nearly all their words (stems, stopwords aside).
import type { TermSet } from './figure-search.js';
import { terms } from './search.js';

/** Share of their words (shared over all, Jaccard) two texts with the same numbers must have in common. */
export const NEAR_SAME_WORDS = 0.8;
/**
 * Each hit is compared with this many hits kept before it: near-identical texts hold the same words, so they
 * score nearly alike and rank close together; comparing every pair of 500 hits would cost more than the search.
 */
export const NEAR_SAME_WINDOW = 20;

export interface Shape {
  /** The text as a reader sees it, lower-cased: equal keys are the same text. */
  key: string;
  /** The numbers it states, in order of value. */
  numbers: string;
  /** Its word stems (numbers may be among them: they are compared above). */
  words: TermSet & { readonly size: number; sharedWith?(other: TermSet): number | null };
}

/** Whether a stem is a number: a shape compares numbers apart from words. */
export const isNumberStem = (stem: string): boolean => /^\d/.test(stem);

/** The numbers a text's stems state, in order of value: a shape's `numbers`. */
export const numbersOf = (stems: readonly string[]): string => stems.filter(isNumberStem).sort().join(' ');

/** A text's shape, from its reader's text. */
export function shapeOf(text: string): Shape {
  const stems = terms(text);
  return { key: text.toLowerCase(), numbers: numbersOf(stems), words: new Set(stems.filter((s) => !isNumberStem(s))) };
}

/** Whether two texts say the same: the same text, or the same numbers and nearly all the same words. */
export function nearlySame(a: Shape, b: Shape): boolean {
  if (a.key === b.key) return true;
  if (a.numbers !== b.numbers) return false;
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  if (small.size < NEAR_SAME_WORDS * large.size) return false;
  const shared = small.sharedWith?.(large) ?? sharedWords(small, large);
  return shared >= NEAR_SAME_WORDS * (small.size + large.size - shared);
}

/** How many of the words of `small` the other holds. */
function sharedWords(small: Iterable<string>, large: TermSet): number {
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared;
}

/**
 * Items in rank order with near-identical ones folded into the first of them (`fold` tells it of each repeat):
 * the same text anywhere in the list, or a near-identical one among the last NEAR_SAME_WINDOW kept.
 */
export function foldNearSame<T>(items: readonly T[], shape: (item: T) => Shape, fold: (kept: T, repeat: T) => void) {
  const kept: Array<{ item: T; shape: Shape }> = [];
  const byKey = new Map<string, T>();
  for (const item of items) {
    const itemShape = shape(item);
    const same =
      byKey.get(itemShape.key) ?? kept.slice(-NEAR_SAME_WINDOW).find((k) => nearlySame(k.shape, itemShape))?.item;
    if (same !== undefined) fold(same, item);
    else {
      kept.push({ item, shape: itemShape });
      byKey.set(itemShape.key, item);
    }
  }
  return kept.map((k) => k.item);
}
