// Figures a section's heading states: found, placed with the section's first statement, quoted as the heading.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';

const sheet = [
  'The Vice President announced $310 million in support.',
  '',
  '**Humanitarian Relief ($255M)**',
  '',
  'USAID will provide $125M for food assistance.',
  '',
  '**Invest $3 Billion to Prepare for Future Pandemics**',
  '',
  'CDC will create a new grant program.',
  '',
  '**Help Worth $9 Million**',
  '',
].join('\n');

function figuresOf(text: string) {
  const document = parseDocument(text, { file: 'sheet.md' });
  return document.figures.map((f) => ({
    id: f.id,
    text: f.text,
    value: f.value,
    unit: f.unit,
    counts: f.counts,
    pointId: f.pointId,
    quote: text.slice(...f.sentenceSpan),
  }));
}

describe('figures in headings', () => {
  it('finds each heading figure in reading order, with the statement under it and the heading as its quote', () => {
    expect(figuresOf(sheet)).toEqual([
      expect.objectContaining({ id: 'overview-1-f1', text: '$310 million', pointId: 'overview-1' }),
      {
        id: 'humanitarian-relief-255m-h1',
        text: '$255M',
        value: 255e6,
        unit: '$',
        counts: 'Humanitarian Relief',
        pointId: 'humanitarian-relief-255m-1',
        quote: 'Humanitarian Relief ($255M)',
      },
      expect.objectContaining({ text: '$125M', pointId: 'humanitarian-relief-255m-1' }),
      expect.objectContaining({
        id: 'invest-3-billion-to-prepare-for-future-pandemics-h1',
        text: '$3 Billion',
        value: 3e9,
        unit: '$',
        pointId: 'invest-3-billion-to-prepare-for-future-pandemics-1',
        quote: 'Invest $3 Billion to Prepare for Future Pandemics',
      }),
    ]);
  });

  it('takes no figure from a heading with nothing under it, nor a label’s number', () => {
    const goals = '**<u>GOAL 1:  PROTECT OUR PEOPLE</u>**\n\nThe countries act.\n\n**Help Worth $9 Million**\n';
    expect(figuresOf(goals)).toEqual([]);
  });
});
