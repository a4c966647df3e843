// npx tsx eval/search-cv.ts: how /search's looser match fills the first page (src/library/search-fill.ts), chosen
// by cross-validation over the gold set's documents (tune and gold-test; never the frozen test split), five folds
// by document as eval/stat-cv.ts does: for each fold, the setting best on the other four is measured on it, and
// the held-out results together are the estimate. Prints it, the setting best on all the documents (the one the
// bot uses), and the strict match alone for comparison.
import { loadGold, type GoldSet } from './gold/load.js';
import type { GoldQuestion } from './gold/types.js';
import type { StatementRef } from '../src/library/library.js';
import type { LooserFill } from '../src/library/search-fill.js';

const FOLDS = 5;
/** A fill that places nothing: the strict match alone. */
const STRICT: LooserFill = { page: 5, k: 5, plainWeight: 0, minWords: Number.MAX_SAFE_INTEGER };

const GRID: LooserFill[] = [STRICT];
// Ties go to the first listed: three words before two (a two-word question's looser match is half of it).
for (const k of [2, 5, 20])
  for (const plainWeight of [0.5, 1, 2, 4, 8])
    for (const minWords of [3, 2, 4]) GRID.push({ page: 5, k, plainWeight, minWords });

/** One question's result under one setting: its answer's reciprocal rank in the first ten, and in the first five. */
interface Result {
  reciprocal: number;
  inFive: boolean;
}

function isAnswer(set: GoldSet, question: GoldQuestion, ref: StatementRef): boolean {
  const entry = set.entryOf(ref.document);
  const [start, end] = ref.point.span;
  return question.answers.some((a) => {
    const block = a.file === entry.gold.file ? entry.blocks[a.block - 1] : undefined;
    return block !== undefined && start < block.end && end > block.start;
  });
}

function result(set: GoldSet, question: GoldQuestion, fill: LooserFill): Result {
  const { refs } = set.library.search.statementHits(question.q, {}, 10, fill);
  const rank = refs.findIndex((ref) => isAnswer(set, question, ref));
  return { reciprocal: rank >= 0 ? 1 / (rank + 1) : 0, inFive: rank >= 0 && rank < 5 };
}

/** What the fill is chosen for: the answer high on the page (MRR@10) and on the first page (Recall@5). */
function measure(results: Result[]) {
  const n = Math.max(1, results.length);
  const mrr10 = results.reduce((sum, r) => sum + r.reciprocal, 0) / n;
  const recall5 = results.filter((r) => r.inFive).length / n;
  return { mrr10, recall5, objective: mrr10 + recall5 };
}

const set = loadGold('gold');
const questions = set.questions.filter((q) => q.answers.length > 0);
const documentOf = (q: GoldQuestion) => q.answers[0]!.file;
const documents = [...new Set(questions.map(documentOf))].sort();
// Documents dealt to folds in a seeded order (a fixed multiplier walk), the same every run.
const foldOf = new Map(documents.map((d, i) => [d, (i * 7919) % FOLDS]));
const results = GRID.map((fill) => questions.map((q) => result(set, q, fill)));
const inFold = (f: number, keep: boolean) =>
  questions.flatMap((q, i) => ((foldOf.get(documentOf(q)) === f) === keep ? [i] : []));
const heldOut: Result[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = inFold(f, false);
  const scores = GRID.map((_, s) => measure(train.map((i) => results[s]![i]!)).objective);
  const chosen = scores.indexOf(Math.max(...scores));
  heldOut.push(...inFold(f, true).map((i) => results[chosen]![i]!));
  console.log(`fold ${f}: ${JSON.stringify(GRID[chosen])}`);
}
const all = GRID.map((_, s) => measure(results[s]!).objective);
const chosen = all.indexOf(Math.max(...all));
console.log('cross-validated estimate:', measure(heldOut));
console.log('strict match alone:', measure(results[0]!));
console.log('best on all documents:', JSON.stringify(GRID[chosen]), measure(results[chosen]!));
GRID.forEach((fill, s) => console.log(JSON.stringify(fill), JSON.stringify(measure(results[s]!))));
