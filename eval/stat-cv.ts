// npx tsx eval/stat-cv.ts: /stat's fusion constants (src/library/stat-fusion.ts) chosen by cross-validation over
// the gold set's documents (tune and gold-test; never the frozen test split), five folds by document: for each
// fold, the setting best on the other four is measured on it, and the held-out results summed are the estimate.
// Prints that estimate, and the setting best on all the documents (the one the bot uses).
import { loadGold } from './gold/load.js';
import { findStatHits } from './stat-hits.js';
import { FUSION, type Fusion } from '../src/library/stat-fusion.js';
import { FIGURE_RANK, MUST_HOLD, type Lifts, type MustHold, type StatRanking } from '../src/library/figure-search.js';
import type { GoldQuestion } from './gold/types.js';
import { fold, type GoldSet } from './gold/load.js';
import { stripMarkup } from './gold/plain.js';

const FOLDS = 5;

type Setting = Fusion & Omit<MustHold, 'otherNamed' | 'counted' | 'rivals'>;
/** The neighbour checks (contrast.ts), held at the bot's while the grid is searched; chosen apart below. */
const NEIGHBOURS = { otherNamed: MUST_HOLD.otherNamed, counted: MUST_HOLD.counted, rivals: MUST_HOLD.rivals };

const GRID: Setting[] = [];
for (const k of [5, 20, 60])
  for (const plainWeight of [0, 0.5, 1, 2])
    for (const agreeWithin of [1, 3, 10, Infinity])
      for (const kindMustFit of [false, true])
        for (const years of [false, true])
          for (const names of [false, true])
            for (const unknownWords of [false, true])
              GRID.push({ k, plainWeight, agreeWithin, kindMustFit, years, names, unknownWords });

/** One question's result under one setting. */
interface Result {
  answerable: boolean;
  top1: boolean;
  top5: boolean;
  doubted: boolean;
  confident: boolean;
}

function result(set: GoldSet, question: GoldQuestion, ranking: StatRanking): Result {
  const answer = findStatHits(set.library, question.q, ranking);
  const isAnswer = (i: number) => {
    const hit = answer.hits[i]!;
    const entry = set.entryOf(hit.document);
    const block = set.blockOf(hit.document, hit.sentence);
    const text = fold(stripMarkup(hit.document.text.slice(hit.sentence[0], hit.sentence[1])));
    return question.answers.some(
      (a) => a.file === entry.gold.file && a.block === block && text.includes(fold(a.figure!)),
    );
  };
  const shown = answer.hits.slice(0, 5).map((_, i) => isAnswer(i));
  return {
    answerable: question.answers.length > 0,
    top1: shown[0] === true,
    top5: shown.includes(true),
    doubted: answer.outcome === 'closest',
    confident: answer.outcome === 'confident',
  };
}

/** What the constants are chosen for: the answer first and on the page, no confident answer where none exists. */
function measure(results: Result[]) {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const share = (list: Result[], test: (r: Result) => boolean) => list.filter(test).length / Math.max(1, list.length);
  const top1 = share(answerable, (r) => r.top1);
  const top5 = share(answerable, (r) => r.top5);
  const doubted = share(answerable, (r) => r.doubted);
  const confidentUnanswerable = share(unanswerable, (r) => r.confident);
  const objective = top1 + top5 - confidentUnanswerable - 0.5 * doubted;
  return { top1, top5, doubted, confidentUnanswerable, objective };
}

const set = loadGold('gold');
const questions = set.questions.filter((q) => q.answers.length === 0 || q.answers.some((a) => a.figure !== undefined));
const documentOf = (q: GoldQuestion) => q.from ?? q.answers[0]?.file ?? `none:${q.q}`;
const documents = [...new Set(questions.map(documentOf))].sort();
// Documents dealt to folds in a seeded order (a fixed multiplier walk), the same every run.
const foldOf = new Map(documents.map((d, i) => [d, (i * 7919) % FOLDS]));
const inFold = (f: number, keep: boolean) =>
  questions
    .map((q, i) => [foldOf.get(documentOf(q)) === f, i] as const)
    .filter(([x]) => x === keep)
    .map(([, i]) => i);
/** Held-out results: each fold's questions under the setting best on the other folds. */
function crossValidated(settingResults: Result[][], name: (s: number) => string): Result[] {
  const heldOut: Result[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = inFold(f, false);
    const best = settingResults.map((r) => measure(train.map((i) => r[i]!)).objective);
    const chosen = best.indexOf(Math.max(...best));
    heldOut.push(...inFold(f, true).map((i) => settingResults[chosen]![i]!));
    console.log(`fold ${f}: ${name(chosen)}`);
  }
  return heldOut;
}

// The neighbour checks (contrast.ts) at the bot's fusion, words held and lifts: a confident first naming another
// place or party, or lacking what "how many" counts, withdrawn to the closest figures, or not.
const checks = [false, true].flatMap((otherNamed) =>
  [false, true].flatMap((counted) => [false, true].map((rivals) => ({ otherNamed, counted, rivals }))),
);
const checkResults = checks.map((check) =>
  questions.map((q) => result(set, q, { fusion: FUSION, mustHold: { ...MUST_HOLD, ...check }, lifts: FIGURE_RANK })),
);
const checksHeldOut = crossValidated(checkResults, (s) => `neighbour checks ${JSON.stringify(checks[s])}`);
console.log('neighbour checks, cross-validated estimate:', measure(checksHeldOut));
checks.forEach((check, s) => console.log(`neighbour checks ${JSON.stringify(check)}:`, measure(checkResults[s]!)));
if (process.argv.includes('--neighbours')) process.exit(0);

const results = GRID.map((setting) => {
  const { years, names, unknownWords, ...fusion } = setting;
  const ranking = { fusion, mustHold: { years, names, unknownWords, ...NEIGHBOURS }, lifts: FIGURE_RANK };
  return questions.map((q) => result(set, q, ranking));
});
const heldOut: Result[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = inFold(f, false);
  const best = GRID.map((_, s) => measure(train.map((i) => results[s]![i]!)).objective);
  const chosen = best.indexOf(Math.max(...best));
  heldOut.push(...inFold(f, true).map((i) => results[chosen]![i]!));
  console.log(`fold ${f}: ${JSON.stringify(GRID[chosen])}`);
}
const all = GRID.map((_, s) => measure(results[s]!).objective);
const chosen = all.indexOf(Math.max(...all));
console.log('cross-validated estimate:', measure(heldOut));
console.log('best on all documents:', JSON.stringify(GRID[chosen]), measure(results[chosen]!));
const setting = (wanted: Setting) => GRID.findIndex((s) => JSON.stringify(s) === JSON.stringify(wanted));
const NOTHING_HELD = { years: false, names: false, unknownWords: false };
const reference = { k: 5, plainWeight: 0, agreeWithin: Infinity, kindMustFit: false, ...NOTHING_HELD };
console.log('figure ranking alone, no agreement asked:', measure(results[setting(reference)]!));
for (const agreeWithin of [1, 3, 10])
  for (const kindMustFit of [false, true])
    console.log(
      `agreement within ${agreeWithin}, kind must fit ${kindMustFit}:`,
      measure(results[setting({ ...reference, agreeWithin, kindMustFit })]!),
    );
for (const plainWeight of [0.5, 1])
  console.log(
    `fused, plain weight ${plainWeight}:`,
    measure(results[setting({ ...reference, agreeWithin: 3, plainWeight })]!),
  );
const used = FUSION;
for (const years of [false, true])
  for (const names of [false, true])
    for (const unknownWords of [false, true])
      console.log(
        `the bot's fusion; must hold years ${years}, names ${names}, unknown words ${unknownWords}:`,
        measure(results[setting({ ...used, years, names, unknownWords })]!),
      );

// The figure ranking's lifts, at the bot's fusion and words held: cross-validated the same way.
const LIFTS: Lifts[] = [];
for (const kind of [2, 4, 8, 16]) for (const counted of [2, 4, 8]) LIFTS.push({ kind, counted });
const held = { years: true, names: true, unknownWords: false, ...NEIGHBOURS };
const liftResults = LIFTS.map((lifts) => questions.map((q) => result(set, q, { fusion: used, mustHold: held, lifts })));
const liftHeldOut: Result[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = inFold(f, false);
  const best = LIFTS.map((_, s) => measure(train.map((i) => liftResults[s]![i]!)).objective);
  const chosen = best.indexOf(Math.max(...best));
  liftHeldOut.push(...inFold(f, true).map((i) => liftResults[chosen]![i]!));
  console.log(`lifts, fold ${f}: ${JSON.stringify(LIFTS[chosen])}`);
}
console.log('lifts, cross-validated estimate:', measure(liftHeldOut));
LIFTS.forEach((lift, s) => console.log(`lifts ${JSON.stringify(lift)}:`, measure(liftResults[s]!)));
