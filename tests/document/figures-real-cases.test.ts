// The recognizer on the shapes real fact sheets showed it getting wrong: each case as its own sentence.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/document/figures.js';

function figuresIn(sentence: string) {
  return findFigures(sentence, 0, sentence.length).map((f) => ({
    text: sentence.slice(f.span[0], f.span[1]),
    value: f.value,
    valueMax: f.valueMax,
    unit: f.unit,
    counts: f.counts,
    timeframe: f.timeframe,
  }));
}
const texts = (sentence: string) => figuresIn(sentence).map((f) => f.text);

describe('figures real fact sheets state', () => {
  it('finds amounts in parentheses', () => {
    expect(texts('The program raised $14.5 billion ($10 billion from steel and $8 billion from aluminum).')).toEqual([
      '$14.5 billion',
      '$10 billion',
      '$8 billion',
    ]);
    expect(texts('Brazil (18%) and Indonesia (30%) impose a higher tariff on ethanol.')).toEqual(['18%', '30%']);
  });

  it('finds "up to 210" before a model name, and not the model number', () => {
    expect(
      texts('Qatar Airways will purchase up to 210 American-made Boeing 787 Dreamliner and 777X aircraft.'),
    ).toEqual(['up to 210']);
    expect(texts('It is the largest-ever 787 order in Boeing history.')).toEqual([]);
  });

  it('finds an amount glued to the word before it', () => {
    expect(texts('The plan announced$900 billion in new investment.')).toEqual(['$900 billion']);
  });

  it('counts no legal citation and no escaped list number', () => {
    expect(texts('Section 232 and 301 tariffs stay in place.')).toEqual([]);
    expect(texts('The order covers \\(1\\) steel and \\(2\\) aluminum.')).toEqual([]);
  });

  it('never reads a year as the start of an amount', () => {
    expect(
      figuresIn('The deficit fell from $89 million in 2019 to $19 million 2024.').map((f) => [f.text, f.value]),
    ).toEqual([
      ['$89 million', 89e6],
      ['$19 million', 19e6],
    ]);
  });

  it('keeps a ratio and a range as one figure', () => {
    expect(figuresIn('Nearly 1 in 4 Americans works abroad.')[0]).toMatchObject({
      text: 'Nearly 1 in 4',
      value: 0.25,
      unit: 'ratio',
    });
    expect(figuresIn('Prices rose between 38 and 79 percent.')[0]).toMatchObject({
      text: 'between 38 and 79 percent',
      value: 38,
      valueMax: 79,
      unit: '%',
    });
    expect(figuresIn('Costs fell by nearly 40% to 80% for families.')[0]).toMatchObject({
      text: 'nearly 40% to 80%',
      value: 40,
      valueMax: 80,
    });
  });

  it('takes the whole time frame, from the figure’s own clause', () => {
    expect(figuresIn('Since January 2024, more than 250,000 jobs were created.')[0]!.timeframe).toBe(
      'Since January 2024',
    );
    const [first, second] = figuresIn('In 2023, the rate was 17.4%, down from 28.4% in 2001.');
    expect(first).toMatchObject({ text: '17.4%', timeframe: 'In 2023' });
    expect(second).toMatchObject({ text: '28.4%', timeframe: 'in 2001' });
  });

  it('never labels a figure with a lone letter, a name, or a sentence-opening word', () => {
    const labels = [
      'U.S. farm exports reached 154,000.',
      'President Trump secured more than $243.5 billion.',
      'Starting next year, states will receive $18 billion.',
      'Prior administrations wasted trillions.',
    ].map((s) => figuresIn(s)[0]!.counts);
    for (const label of labels)
      expect(label === null || !/^(?:U|President Trump|Starting|Prior)$/.test(label)).toBe(true);
  });

  it('labels durations, multipliers and halves sensibly', () => {
    expect(figuresIn('China plans to double its high-speed rail by 2035.')[0]).toMatchObject({
      value: 2,
      unit: '×',
      timeframe: 'by 2035',
    });
    expect(figuresIn('More than half of all enrollees pay nothing.')[0]).toMatchObject({
      value: 0.5,
      counts: 'enrollees',
    });
    expect(figuresIn('The Administration funded two dozen teams.')[0]).toMatchObject({ value: 24, counts: 'teams' });
  });

  it('reads no phone number, section number or list item as a figure', () => {
    expect(texts('Call 1-800-621-3362 or (800) 659-2955 for help.')).toEqual([]);
    expect(texts('Update the Response Plan (1.4.1) this year.')).toEqual([]);
    expect(texts('Four lines of effort: 1) Participation; 2) Protection.')).toEqual(['Four']);
  });
});
