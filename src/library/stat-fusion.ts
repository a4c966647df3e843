// /stat's two rankings fused (issue 18): the figure ranking (how much of the question a sentence holds, BM25 over
// it and its context, what its figures count and their kind) and a plain ranking (BM25 over the sentence and its
// statement and heading, as a text-search library ranks), by reciprocal rank, so the first page holds what either
// finds. A confident answer must be earned by agreement: the first of it is also high in the plain ranking, and
// of the kind asked for when the question says. The constants are chosen by cross-validation over the gold
// documents, five folds by document (eval/stat-cv.ts, docs/quality.md).

/** The fusion's constants. */
export interface Fusion {
  /** Reciprocal rank's damping: 1 / (k + rank). */
  k: number;
  /** How much the plain ranking counts against the figure ranking. */
  plainWeight: number;
  /** The confident first must be within this many places of the plain ranking's first. */
  agreeWithin: number;
  /** The confident first must hold a figure of the kind the question asks for, when it asks for one. */
  kindMustFit: boolean;
}

/**
 * The bot's fusion, the best over all the gold documents in eval/stat-cv.ts (the eval passes others in). With the
 * tune split grown to 82 documents (111 blind questions on six 2022 statements), every fold chose plain weight 0
 * (the plain ranking only judges agreement): three more first places of 359 than 0.5, the same first pages. The
 * kind must fit: every fold chose it (a confident answer to an unanswerable question 8% against 18%). Agreement
 * within 10: three folds and all the documents chose it over 3 and unbounded.
 */
export const FUSION: Readonly<Fusion> = Object.freeze({ k: 5, plainWeight: 0, agreeWithin: 10, kindMustFit: true });

/** The ranking's fields a plain ranking reads: the sentence, its statement and its section heading. */
export const PLAIN_FIELDS: readonly number[] = [0, 1, 3];

/** A sentence as ranked: its figure-ranking score, whether it is a confident answer, and its figures' kind. */
export interface Fusable {
  score: number;
  confident: boolean;
  /** A figure it bolds is of the kind asked; null when the question names no kind. */
  fits: boolean | null;
}

/** Each item's place (0 first) when ordered by its value, highest first; equal values share a place. */
function places(values: ArrayLike<number>): Int32Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const place = new Int32Array(values.length);
  order.forEach((item, at) => {
    const before = order[at - 1];
    place[item] = before !== undefined && values[before] === values[item] ? place[before]! : at;
  });
  return place;
}

/**
 * Scores replaced by the fused ones (in place), and confidence withdrawn from all when the confident first
 * does not agree with the plain ranking.
 */
export function fuse<T extends Fusable>(hits: T[], plain: ArrayLike<number>, fusion: Fusion = FUSION): T[] {
  const byFigures = places(hits.map((hit) => hit.score));
  const byPlain = places(plain);
  hits.forEach((hit, i) => {
    hit.score = 1 / (fusion.k + byFigures[i]!) + fusion.plainWeight / (fusion.k + byPlain[i]!);
  });
  let first = -1;
  hits.forEach((hit, i) => {
    if (hit.confident && (first < 0 || hit.score > hits[first]!.score)) first = i;
  });
  if (first < 0) return hits;
  const agrees = byPlain[first]! < fusion.agreeWithin && (!fusion.kindMustFit || hits[first]!.fits !== false);
  if (!agrees) for (const hit of hits) hit.confident = false;
  return hits;
}
