// Figure shapes of unseen sheets: "over three years" after an amount spreads it over time, "seven decades" is 70
// years, a label's number is none, "$22.5million", "a half-billion", counts behind qualifying words.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/document/figures.js';

function figuresIn(sentence: string) {
  return findFigures(sentence, 0, sentence.length).map((f) => ({
    text: sentence.slice(f.span[0], f.span[1]),
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
  }));
}

describe('durations after "over" and "under", decades, labels’ numbers', () => {
  it('reads "over" after an amount, or "under" opening a clause, as the time spanned, not a hedge', () => {
    expect(figuresIn('USAID will provide $40 million over three years to launch it.')).toEqual([
      { text: '$40 million', value: 40e6, unit: '$', qualifier: null },
      { text: 'three', value: 3, unit: 'years', qualifier: null },
    ]);
    expect(figuresIn('The budget includes $1.2 billion over five years for the fund.')[1]).toEqual({
      text: 'five',
      value: 5,
      unit: 'years',
      qualifier: null,
    });
    expect(figuresIn('Under four years of the last plan, wages fell.')).toEqual([
      { text: 'four', value: 4, unit: 'years', qualifier: null },
    ]);
  });

  it('reads "over" a time that closes the clause of what is done in it as the time spanned', () => {
    expect(figuresIn('States will repair bridges over five years, including the largest.')).toEqual([
      { text: 'five', value: 5, unit: 'years', qualifier: null },
    ]);
    expect(figuresIn('The team will carry out a new strategy over two years to reduce crime.')).toEqual([
      { text: 'two', value: 2, unit: 'years', qualifier: null },
    ]);
    // A verb's object, or a time after "in", is still hedged.
    expect(figuresIn('Students dedicated over 3,700 hours to housing.')[0]!.qualifier).toBe('over');
    expect(figuresIn('It was taking over six years to recover.')[0]!.qualifier).toBe('over');
    expect(figuresIn('It was the first rise in over five years.')[0]!.qualifier).toBe('over');
  });

  it('gives an amount spread over a stretch of time that stretch as its time frame', () => {
    const timeframes = (sentence: string) => findFigures(sentence, 0, sentence.length).map((f) => f.timeframe);
    expect(timeframes('USAID will provide up to $40 million over three years to launch it.')[0]).toBe(
      'over three years',
    );
    // A hedge, an age or a share is no stretch of time.
    expect(timeframes('It created over 330,000 jobs in just over two years.')[0]).toBeNull();
    expect(timeframes('It serves 2 million people over 65 years old.')[0]).toBeNull();
    expect(timeframes('Of 190 languages, over three quarters of them are endangered.')[0]).toBeNull();
  });

  it('keeps "over" and "under" as hedges elsewhere', () => {
    expect(figuresIn('It has served for over 20 years.')).toEqual([
      { text: 'over 20', value: 20, unit: 'years', qualifier: 'over' },
    ]);
    expect(figuresIn('It was built in under four years.')).toEqual([
      { text: 'under four', value: 4, unit: 'years', qualifier: 'under' },
    ]);
    expect(figuresIn('It helped over 300 families.')).toEqual([
      { text: 'over 300', value: 300, unit: null, qualifier: 'over' },
    ]);
  });

  it('counts decades in years', () => {
    expect(figuresIn('Over the past seven decades, officers served.')).toEqual([
      { text: 'seven', value: 70, unit: 'years', qualifier: null },
    ]);
    expect(figuresIn('A partnership of nearly four decades.')).toEqual([
      { text: 'nearly four', value: 40, unit: 'years', qualifier: 'nearly' },
    ]);
  });

  it('takes no label’s number for a figure ("GOAL 1:", "Step 2:")', () => {
    expect(figuresIn('**<u>GOAL 1:  PROTECT OUR PEOPLE</u>**')).toEqual([]);
    expect(figuresIn('**Pillar 2:** Integrate nutrition and health')).toEqual([]);
    expect(figuresIn('Step 2: Apply online.')).toEqual([]);
    expect(figuresIn('Phase 3: 40 sites open.')).toEqual([{ text: '40', value: 40, unit: null, qualifier: null }]);
  });

  it('reads "million" written on to the digits, and half a billion written with hyphens', () => {
    expect(figuresIn('It will leverage at least $22.5million from the private sector.')).toEqual([
      { text: 'at least $22.5million', value: 22.5e6, unit: '$', qualifier: 'at least' },
    ]);
    expect(figuresIn('It will buy a half-billion at-home tests.')).toEqual([
      { text: 'half-billion', value: 5e8, unit: null, qualifier: null },
    ]);
    expect(figuresIn('Americans ordered half-a-billion tests.')).toEqual([
      { text: 'half-a-billion', value: 5e8, unit: null, qualifier: null },
    ]);
    expect(figuresIn('It was a half-day event.')).toEqual([]);
  });

  it('reads a quarter of a scale as one amount: "a quarter-million", "a quarter of a billion dollars"', () => {
    expect(figuresIn('The reset will prevent nearly a quarter-million serious injuries.')).toEqual([
      { text: 'nearly a quarter-million', value: 2.5e5, unit: null, qualifier: 'nearly' },
    ]);
    expect(figuresIn('It costs a quarter of a billion dollars.')).toEqual([
      { text: 'a quarter of a billion', value: 2.5e8, unit: '$', qualifier: null },
    ]);
    expect(figuresIn('About a quarter of workers were covered.')).toEqual([
      { text: 'About a quarter', value: 0.25, unit: 'fraction', qualifier: 'about' },
    ]);
  });

  it('counts what a number’s qualifying words lead to, and a sentence opening on a verb names nothing', () => {
    expect(figuresIn('Provided 200 state-of-the-art ventilators to hospitals.')).toEqual([
      { text: '200', value: 200, unit: null, qualifier: null },
    ]);
    expect(figuresIn('This is on top of the 300 federal medical personnel deployed.')).toEqual([
      { text: '300', value: 300, unit: null, qualifier: null },
    ]);
    expect(figuresIn('Section 232 tariffs rose.')).toEqual([]);
    expect(figuresIn('Boeing 787 Dreamliner jets flew.')).toEqual([]);
    expect(figuresIn('It placed the largest-ever 787 order.')).toEqual([]);
  });

  it('counts the plural after a name when the number opens the sentence, not a list number before a name', () => {
    expect(figuresIn('12 Urban Search and Rescue teams are on the ground.')).toEqual([
      { text: '12', value: 12, unit: null, qualifier: null },
    ]);
    expect(figuresIn('3 Department of Defense')).toEqual([]);
    expect(figuresIn('Boeing 787 Dreamliner engines were tested.')).toEqual([]);
  });

  it('reads a number that closes a parenthesis after a word, not a "1)" mark of a list run into the text', () => {
    expect(figuresIn('It screens adults (down from age 50) each year.')).toEqual([
      { text: '50', value: 50, unit: null, qualifier: null },
    ]);
    expect(figuresIn('It works on: 1) jobs, 2) energy.')).toEqual([]);
    expect(figuresIn('It funds (among others: 1) jobs and 2) energy).')).toEqual([]);
    expect(figuresIn('Call the line (and Press 1) or stay at Level 2 (of 5) today.')).toEqual([]);
  });
});
