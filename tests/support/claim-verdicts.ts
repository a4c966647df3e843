import type { ClaimCheck } from '../../src/library/claims.js';

/** A check's outcome as text: each figure's verdict, notes and quoted sentences, or the verdict of its words. */
export const verdictsOf = (check: ClaimCheck): string =>
  JSON.stringify({
    figures: check.figures.map((f) => [f.text, f.verdict, f.notes, f.evidence.map((e) => e.sentence.key)]),
    words: check.words && [check.words.verdict, check.words.evidence.map((e) => e.sentence.key)],
  });
