// The quality floors: each measure of `npm run eval`, on each split, held a little under its last measured value
// (docs/quality.md), so a change that makes the bot worse fails here. The test split's floors guard the honest
// numbers; they rise as the ranking and /check improve, and no threshold is ever chosen on that split.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evalSplit, type SplitEval } from '../../eval/run.js';
import { CORPUS, evalTrend, type TrendSplit } from '../../eval/trend.js';
import type { SplitName } from '../../eval/gold/load.js';

interface Floors {
  headingF1: number;
  figurePrecision: number;
  figureRecall: number;
  counts: number;
  timeframe: number;
  statTop1: number;
  statTop5: number;
  /** At most this share of answerable questions get "No figure found". */
  refused: number;
  /** At most this share of unanswerable questions get a confident "Figures for" (the rest are refused or doubted). */
  confidentUnanswerable: number;
  searchMrr10: number;
  searchRecall5: number;
  /** Precision of /check's "stated", "different" and "not found". */
  check: [number, number, number];
}

const FLOORS: Record<SplitName, Floors> = {
  test: {
    headingF1: 0.91,
    figurePrecision: 0.99,
    figureRecall: 0.89,
    counts: 0.675,
    timeframe: 0.785,
    statTop1: 0.85,
    statTop5: 0.925,
    refused: 0.02,
    confidentUnanswerable: 0.12,
    searchMrr10: 0.88,
    searchRecall5: 0.96,
    check: [0.88, 0.94, 0.62],
  },
  'gold-test': {
    headingF1: 0.99,
    figurePrecision: 0.975,
    figureRecall: 0.97,
    counts: 0.81,
    timeframe: 0.82,
    statTop1: 0.94,
    statTop5: 0.98,
    refused: 0.02,
    confidentUnanswerable: 0.07,
    searchMrr10: 0.86,
    searchRecall5: 0.95,
    check: [0.985, 0.935, 0.965],
  },
  tune: {
    headingF1: 0.99,
    figurePrecision: 0.975,
    figureRecall: 0.97,
    counts: 0.84,
    timeframe: 0.82,
    statTop1: 0.845,
    statTop5: 0.955,
    refused: 0.01,
    confidentUnanswerable: 0.11,
    searchMrr10: 0.84,
    searchRecall5: 0.93,
    check: [0.945, 0.915, 0.71],
  },
};

describe.each(Object.keys(FLOORS) as SplitName[])('quality on the %s split', (split) => {
  const floors = FLOORS[split];
  let measured: SplitEval;
  const get = () => (measured ??= evalSplit(split));

  it('finds the headings and the figures, with what they count and their time frame', () => {
    const { parser } = get();
    expect(parser.headings.f1).toBeGreaterThanOrEqual(floors.headingF1);
    expect(parser.figures.precision).toBeGreaterThanOrEqual(floors.figurePrecision);
    expect(parser.figures.recall).toBeGreaterThanOrEqual(floors.figureRecall);
    expect(parser.counts.accuracy).toBeGreaterThanOrEqual(floors.counts);
    expect(parser.timeframe.accuracy).toBeGreaterThanOrEqual(floors.timeframe);
  });

  it('puts the figure asked for first, and answers confidently only when a document answers', () => {
    const ours = get().stat[0]!;
    expect(ours.top1).toBeGreaterThanOrEqual(floors.statTop1);
    expect(ours.top5).toBeGreaterThanOrEqual(floors.statTop5);
    expect(ours.refused).toBeLessThanOrEqual(floors.refused);
    expect(ours.confidentUnanswerable).toBeLessThanOrEqual(floors.confidentUnanswerable);
  });

  it('ranks /search at least as well as MiniSearch, FlexSearch and Lunr on the same statements', () => {
    const [ours, ...others] = get().search;
    expect(ours!.mrr10).toBeGreaterThanOrEqual(floors.searchMrr10);
    expect(ours!.recall5).toBeGreaterThanOrEqual(floors.searchRecall5);
    for (const other of others) {
      expect(ours!.mrr10, other.name).toBeGreaterThanOrEqual(other.mrr10);
      expect(ours!.recall5, other.name).toBeGreaterThanOrEqual(other.recall5);
    }
  });

  it('gives /check verdicts that hold', () => {
    const precision = get().claims.all.byVerdict.map((v) => v.precision);
    floors.check.forEach((floor, i) => expect(precision[i]).toBeGreaterThanOrEqual(floor));
  });
});

/** /trend's point precision and recall on tests/fixtures/trend-gold, over the corpus (docs/quality.md). */
const TREND_FLOORS: Record<TrendSplit, { precision: number; recall: number }> = {
  test: { precision: 0.565, recall: 0.46 },
  tune: { precision: 0.73, recall: 0.65 },
};

describe('/trend quality on the corpus', () => {
  // The corpus is not part of the repository: without it there is nothing to measure, and the test says so.
  it.skipIf(!existsSync(CORPUS))('draws the annotated points, and few others, on each split', () => {
    const scores = evalTrend()!;
    expect(scores.map((s) => s.split).sort()).toEqual(['test', 'tune']);
    for (const { split, precision, recall } of scores) {
      expect(precision, `${split} precision`).toBeGreaterThanOrEqual(TREND_FLOORS[split].precision);
      expect(recall, `${split} recall`).toBeGreaterThanOrEqual(TREND_FLOORS[split].recall);
    }
  });
});
