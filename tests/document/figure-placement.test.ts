// Figures placed in the document: ids numbered per statement, and the section, statement and sentence each
// comes from.
import { describe, expect, it } from 'vitest';
import { placeFigures } from '../../src/document/figure-placement.js';
import { parseDocument } from '../../src/document/parse.js';
import type { Point, Section } from '../../src/document/types.js';

function statement(text: string, id: string, from: number, to: number, sentences: Array<[number, number]>): Point {
  return { id, text: text.slice(from, to), span: [from, to], line: 1, group: 0, depth: 0, sentences };
}

describe('placeFigures', () => {
  const text = 'Lead with 3 items. Costs fell 20% in 2024. It saved $5 million. No figures here.';
  const section: Section = {
    id: 'costs',
    number: 1,
    heading: 'COSTS',
    headingSpan: [0, 0],
    title: 'Costs',
    lead: statement(text, 'costs-lead', 0, 18, [[0, 18]]),
    points: [
      statement(text, 'costs-1', 19, 63, [
        [19, 42],
        [43, 63],
      ]),
      statement(text, 'costs-2', 64, 80, [[64, 80]]),
    ],
    line: 1,
  };

  it('places every figure, lead first, numbered across the sentences of its statement', () => {
    const figures = placeFigures(text, [section]);
    expect(figures.map((f) => [f.id, f.text, f.sectionId, f.pointId, f.sentenceSpan])).toEqual([
      ['costs-lead-f1', '3', 'costs', 'costs-lead', [0, 18]],
      ['costs-1-f1', '20%', 'costs', 'costs-1', [19, 42]],
      ['costs-1-f2', '$5 million', 'costs', 'costs-1', [43, 63]],
    ]);
    for (const figure of figures) expect(text.slice(figure.span[0], figure.span[1])).toBe(figure.text);
  });

  it('keeps what the recognizer found about each figure', () => {
    const [, percent] = placeFigures(text, [section]);
    expect(percent).toMatchObject({ value: 20, unit: '%' });
  });

  it('finds nothing where no sentences are split', () => {
    const bare = { ...section, lead: null, points: [statement(text, 'costs-1', 19, 63, [])] };
    expect(placeFigures(text, [bare])).toEqual([]);
  });
});

describe('a figure that refers back to the one before it', () => {
  const countsIn = (statementText: string) =>
    parseDocument(`NOTES: ${statementText}\n`, { file: 'a.txt' }).figures.map((f) => [f.text, f.counts]);

  it('counts what the figure before it counts, after "more" with no noun or "of them"', () => {
    expect(countsIn('Utilities have 30,000 personnel on call. Thousands more are on the way.')).toEqual([
      ['30,000', 'personnel'],
      ['Thousands', 'personnel'],
    ]);
    expect(countsIn('The agency hired 500 inspectors, and 40 of them work at ports.')).toEqual([
      ['500', 'inspectors'],
      ['40', 'inspectors'],
    ]);
  });

  it('counts what the count it divides counts, for parts listed with where they are from, in or go to', () => {
    expect(
      countsIn('In all, 256 personnel were deployed, including 222 from DoD, 30 from FEMA, and four from USFS.'),
    ).toEqual([
      ['256', 'personnel'],
      ['222', 'personnel'],
      ['30', 'personnel'],
      ['four', 'personnel'],
    ]);
    expect(
      countsIn('This week, 30 paramedics are heading to New Hampshire, 30 to Vermont, and 20 to Arizona.'),
    ).toEqual([
      ['30', 'paramedics'],
      ['30', 'paramedics'],
      ['20', 'paramedics'],
    ]);
    expect(countsIn('Five new sites opened this week, with three in Texas and two in New York.')).toEqual([
      ['Five', 'new sites'],
      ['three', 'new sites'],
      ['two', 'new sites'],
    ]);
    // Money sent to a place is for that place: each amount keeps its own.
    expect(countsIn('It sent $5 million to Chicago, and $2 million to Denver.').map(([, counts]) => counts)).toEqual([
      'Chicago',
      'Denver',
    ]);
  });

  it('counts what the figure before it counts after "of whom" or "of which"', () => {
    expect(countsIn('Twenty partners announced pledges, 18 of whom are from Africa.')).toEqual([
      ['Twenty', 'partners'],
      ['18', 'partners'],
    ]);
    expect(countsIn('The state picked 40 sites, 12 of which are new.')).toEqual([
      ['40', 'sites'],
      ['12', 'sites'],
    ]);
  });

  it('counts what the figure before it counts when a verb follows a count or a share, along a chain', () => {
    expect(
      countsIn(
        'The nation will buy 500 million doses, including 200 million to be delivered this year. The other 300 million will be delivered next year.',
      ),
    ).toEqual([
      ['500 million', 'doses'],
      ['200 million', 'doses'],
      ['300 million', 'doses'],
    ]);
    expect(countsIn('Of the 66 lenders given awards, 13 are credit unions.')).toEqual([
      ['66', 'lenders given awards'],
      ['13', 'lenders given awards'],
    ]);
    expect(countsIn('Of the 40 sites, 12 have been cleaned.')).toEqual([
      ['40', 'sites'],
      ['12', 'sites'],
    ]);
    // Money with a verb after it is for a purpose of its own.
    expect(countsIn('It gives $3 billion in grants. Of this, $1 billion will be for roads.')).toEqual([
      ['$3 billion', 'grants'],
      ['$1 billion', null],
    ]);
  });

  it('keeps its own label, or none, where it names a thing or measures another way', () => {
    expect(countsIn('Utilities have 30,000 personnel on call. Thousands more workers are on the way.')).toEqual([
      ['30,000', 'personnel'],
      ['Thousands', 'workers'],
    ]);
    expect(countsIn('It sent 300 trucks. It will cost $5 million more than planned.')).toEqual([
      ['300', 'trucks'],
      ['$5 million', null],
    ]);
  });
});
