// /stat against the gold questions: is the figure asked for first (top-1), how high on the first page (MRR@5),
// whether "Figures for" or "Closest figures" shows it, and what a question no document answers gets: "No figure
// found", "Closest figures" (doubt said out loud) or a confident "Figures for" (wrong).
import type { Document, Span } from '../src/document/types.js';
import type { Library } from '../src/library/library.js';
import { fold, type GoldSet } from './gold/load.js';
import { stripMarkup } from './gold/plain.js';
import type { GoldQuestion } from './gold/types.js';

/** One answer /stat shows: a sentence of a document (with its figures in bold). */
export interface StatHit {
  document: Document;
  sentence: Span;
}

/** What /stat answers: a confident "Figures for", the "Closest figures" it doubts, or "No figure found". */
export type StatOutcome = 'confident' | 'closest' | 'none';

export interface StatAnswer {
  hits: StatHit[];
  outcome: StatOutcome;
}

export type StatSearch = (library: Library, query: string) => StatAnswer;

export interface StatScores {
  answerable: number;
  top1: number;
  /** The answer somewhere in the first five. */
  top5: number;
  mrr5: number;
  /** Answerable questions given no figure at all ("No figure found"). */
  refused: number;
  /** Answerable questions given only "Closest figures". */
  doubted: number;
  unanswerable: number;
  /** Shares of the unanswerable questions answered "No figure found", "Closest figures" and "Figures for". */
  notFound: number;
  closestUnanswerable: number;
  confidentUnanswerable: number;
  failures: string[];
}

function isAnswer(set: GoldSet, question: GoldQuestion, hit: StatHit): boolean {
  const entry = set.entryOf(hit.document);
  const block = set.blockOf(hit.document, hit.sentence);
  const text = fold(stripMarkup(hit.document.text.slice(hit.sentence[0], hit.sentence[1])));
  return question.answers.some(
    (a) => a.file === entry.gold.file && a.block === block && a.figure !== undefined && text.includes(fold(a.figure)),
  );
}

export function scoreStat(set: GoldSet, search: StatSearch): StatScores {
  const figureQuestions = set.questions.filter((q) => q.answers.some((a) => a.figure !== undefined));
  const unanswerable = set.questions.filter((q) => q.answers.length === 0);
  let top1 = 0;
  let top5 = 0;
  let refused = 0;
  let doubted = 0;
  let reciprocal = 0;
  const failures: string[] = [];
  for (const question of figureQuestions) {
    const answer = search(set.library, question.q);
    const hits = answer.hits.slice(0, 5);
    if (answer.outcome === 'closest') doubted++;
    const rank = hits.findIndex((hit) => isAnswer(set, question, hit));
    if (rank === 0) top1++;
    if (rank >= 0) top5++;
    if (hits.length === 0) refused++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    else failures.push(`not on page: "${question.q}"`);
  }
  const outcomes = { none: 0, closest: 0, confident: 0 };
  for (const question of unanswerable) {
    const { outcome } = search(set.library, question.q);
    outcomes[outcome]++;
    if (outcome === 'confident') failures.push(`answered the unanswerable: "${question.q}"`);
  }
  return {
    answerable: figureQuestions.length,
    top1: top1 / Math.max(1, figureQuestions.length),
    top5: top5 / Math.max(1, figureQuestions.length),
    refused: refused / Math.max(1, figureQuestions.length),
    doubted: doubted / Math.max(1, figureQuestions.length),
    mrr5: reciprocal / Math.max(1, figureQuestions.length),
    unanswerable: unanswerable.length,
    notFound: outcomes.none / Math.max(1, unanswerable.length),
    closestUnanswerable: outcomes.closest / Math.max(1, unanswerable.length),
    confidentUnanswerable: outcomes.confident / Math.max(1, unanswerable.length),
    failures,
  };
}
