// Tricky sentences for figure recognition: what is a figure, what is not, and what each one counts.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/document/figures.js';
import { FIGURES, NOT_FIGURES } from '../fixtures/figure-sentences.js';

function figuresIn(sentence: string) {
  return findFigures(sentence, 0, sentence.length).map((f) => ({
    text: sentence.slice(f.span[0], f.span[1]),
    value: f.value,
    valueMax: f.valueMax,
    unit: f.unit,
    qualifier: f.qualifier,
    counts: f.counts,
    timeframe: f.timeframe,
  }));
}

describe('findFigures', () => {
  it.each(FIGURES)('%s', (sentence, expected) => {
    const found = figuresIn(sentence);
    expect(found).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(found[i]).toMatchObject(want));
  });

  it.each(NOT_FIGURES)('no figure in: %s', (sentence) => {
    expect(figuresIn(sentence)).toEqual([]);
  });

  it('has at least 25 tricky sentences', () => {
    expect(FIGURES.length + NOT_FIGURES.length).toBeGreaterThanOrEqual(25);
  });

  it.each([
    ['cap the cost of insulin at no more than $35 per month.', 'no more than $35', 'at most'],
    ['Members pay not more than 20% of the cost.', 'not more than 20%', 'at most'],
    ['The law sets aside no less than $5 billion for roads.', 'no less than $5 billion', 'at least'],
    ['No fewer than 40 states joined the suit.', 'No fewer than 40', 'at least'],
  ])('reads a negated comparison as the bound it sets: %s', (sentence, text, qualifier) => {
    expect(figuresIn(sentence)).toMatchObject([{ text, qualifier }]);
  });

  it("reads money that ends a link's text, and the rate after the link", () => {
    const sentence = 'a drug that costs [less than\n$10](https://example.org/study/3/5) a vial to make.';
    expect(figuresIn(sentence)).toMatchObject([{ text: 'less than\n$10', value: 10, unit: '$', counts: 'per vial' }]);
    expect(figuresIn('Plans cost [$12](https://example.org/plans) a month.')).toMatchObject([{ text: '$12' }]);
  });

  it("reads a number grouped in thousands that is a link's whole text; a footnote's stays out", () => {
    const sentence = 'to serve the more than [600,000](https://example.org/pr?id=5867) women veterans, the fastest';
    expect(figuresIn(sentence)).toMatchObject([{ text: '600,000', value: 600_000, unit: null }]);
    expect(figuresIn('See footnote [12](https://example.org/notes) for details.')).toEqual([]);
  });

  it('reads a count whose plural follows modifiers parted by commas', () => {
    const sentence = 'Siemens has created 500 new, good-quality, union manufacturing jobs across the country.';
    expect(figuresIn(sentence)).toMatchObject([{ text: '500', value: 500, unit: null }]);
  });

  it('keeps a number ending a link to an order out', () => {
    expect(figuresIn('See [Executive Order 14028](https://example.org/eo) for details.')).toEqual([]);
  });

  it('reports absolute spans inside a larger text', () => {
    const text = 'Intro. The plan saves $300 million per year. Outro.';
    const [figure] = findFigures(text, 7, 44);
    expect(text.slice(figure!.span[0], figure!.span[1])).toBe('$300 million');
  });
});
