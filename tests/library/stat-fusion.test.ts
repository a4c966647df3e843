// /stat's fused ranking (src/library/stat-fusion.ts): scores by reciprocal rank of the figure ranking and the
// plain ranking, and a confident answer only where the two agree on its first.
import { describe, expect, it } from 'vitest';
import { FUSION, fuse } from '../../src/library/stat-fusion.js';

const hits = (confident: boolean[], fits: Array<boolean | null> = confident.map(() => null)) =>
  confident.map((c, i) => ({ score: 10 - i, confident: c, fits: fits[i]! }));

describe('fuse', () => {
  it('keeps a confident first that the plain ranking places within agreeWithin', () => {
    const fusion = { k: 5, plainWeight: 0, agreeWithin: 3, kindMustFit: false };
    const fused = fuse(hits([true, false, false, false]), [2, 3, 1, 0], fusion);
    expect(fused.map((h) => h.confident)).toEqual([true, false, false, false]);
    expect(fused.map((h) => h.score)).toEqual([1 / 5, 1 / 6, 1 / 7, 1 / 8]);
  });

  it('withdraws confidence from all when the plain ranking places the confident first too low', () => {
    const fusion = { k: 5, plainWeight: 0, agreeWithin: 3, kindMustFit: false };
    const fused = fuse(hits([true, true, false, false]), [3, 0, 1, 2], fusion);
    expect(fused.map((h) => h.confident)).toEqual([true, true, false, false]);
    const doubted = fuse(hits([true, true, false, false]), [0, 1, 2, 3], fusion);
    expect(doubted.map((h) => h.confident)).toEqual([false, false, false, false]);
  });

  it('withdraws confidence when the first is not of the kind asked, if kindMustFit', () => {
    const fusion = { k: 5, plainWeight: 0, agreeWithin: Infinity, kindMustFit: true };
    expect(fuse(hits([true, false], [false, true]), [1, 0], fusion).map((h) => h.confident)).toEqual([false, false]);
    expect(fuse(hits([true, false], [null, true]), [1, 0], fusion).map((h) => h.confident)).toEqual([true, false]);
  });

  it('orders by both rankings when the plain one counts', () => {
    const fusion = { k: 0, plainWeight: 1, agreeWithin: Infinity, kindMustFit: false };
    // Figure places 0, 1, 2; plain places 2, 0, 1: fused 1/0 is Infinity for the figure first.
    const fused = fuse(hits([false, false, false]), [1, 3, 2], fusion);
    expect(fused.map((h) => h.score)).toEqual([Infinity, Infinity, 1 / 2 + 1 / 1]);
  });

  it('ships with the kind asked required of a confident first: a count does not answer "how much"', () => {
    // The question asks for a kind; the first's figure is of another kind: the page stays, its confidence goes.
    expect(fuse(hits([true, false], [false, true]), [0, 1]).map((h) => h.confident)).toEqual([false, false]);
    expect(FUSION.kindMustFit).toBe(true);
  });

  it('never changes the shipped fusion: the eval passes its own', () => {
    expect(Object.isFrozen(FUSION)).toBe(true);
  });
});
