// The quality floors: each measure of `npm run eval` on the hand-annotated gold set, held a little under its
// last measured value (docs/quality.md), so a change that makes the bot worse fails here.
import { describe, expect, it } from 'vitest';
import { runEval } from '../../eval/run.js';

const { parser, stat, search } = runEval({ corpus: false });
const ours = search.find((s) => s.name.startsWith('factsheet-bot'))!;
const others = search.filter((s) => s !== ours);

describe('quality on the gold set', () => {
  it('finds the headings', () => {
    expect(parser.headings.f1).toBeGreaterThanOrEqual(0.86);
  });

  it('finds the figures, with what they count and their time frame', () => {
    expect(parser.figures.precision).toBeGreaterThanOrEqual(0.96);
    expect(parser.figures.recall).toBeGreaterThanOrEqual(0.93);
    expect(parser.counts.accuracy).toBeGreaterThanOrEqual(0.66);
    expect(parser.timeframe.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the figure asked for first, and says "not found" when no document answers', () => {
    expect(stat.top1).toBeGreaterThanOrEqual(0.71);
    expect(stat.mrr5).toBeGreaterThanOrEqual(0.74);
    expect(stat.notFound).toBeGreaterThanOrEqual(0.88);
  });

  it('ranks /search at least as well as MiniSearch, FlexSearch and Lunr on the same statements', () => {
    expect(ours.mrr10).toBeGreaterThanOrEqual(0.85);
    for (const other of others) expect(ours.mrr10).toBeGreaterThanOrEqual(other.mrr10);
  });
});
