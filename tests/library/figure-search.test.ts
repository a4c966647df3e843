import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContextRanking } from '../../src/library/context-ranking.js';
import { fitsKind, questionKind } from '../../src/library/figure-search.js';
import { WordsAsked } from '../../src/library/words-asked.js';
import { libraryOf } from '../support/library.js';

/** One document of `count` sentences that all speak of jobs, and one that also names mining. */
function manyJobSentences(count: number): Record<string, string> {
  const lines = ['# Jobs across the country', '', '## Jobs', ''];
  for (let i = 0; i < count; i++) lines.push(`Region ${i} added ${i + 10} jobs in retail last year.`);
  lines.push('', '## Mining', '', 'Mining towns added 4,321 jobs in coal mining last year.');
  return { 'jobs.md': lines.join('\n') + '\n' };
}

afterEach(() => vi.restoreAllMocks());

describe('SentenceFinder lookups on a large library', () => {
  it('weighs every sentence holding a lone common word, and only those holding the rare word it comes with', () => {
    const library = libraryOf(manyJobSentences(6_000));
    const weighed = vi.spyOn(WordsAsked.prototype, 'score');
    expect(library.search.figureSentences('jobs').length).toBeGreaterThan(3_000);
    expect(weighed.mock.calls.length).toBeGreaterThan(5_000);
    weighed.mockClear();
    // "jobs" alone cannot make half of "mining jobs": only what holds "mining" (in it or its heading) is weighed.
    library.search.figureSentences('mining jobs');
    expect(weighed.mock.calls.length).toBe(1);
  });

  it('puts the sentence holding the rarer word first among thousands holding the common one', () => {
    const library = libraryOf(manyJobSentences(6_000));
    const hits = library.search.figureSentences('mining jobs');
    expect(hits[0]?.bold.map((ref) => ref.figure.text)).toContain('4,321');
    // The same answer while typing, where the last word is a prefix of many.
    const typing = library.search.figureSentences('mining j', {}, { typing: true });
    expect(typing[0]?.bold.map((ref) => ref.figure.text)).toContain('4,321');
  });

  it('ranks the sentences that answer and the 50 best covered of the thousands that hold part of the question', () => {
    const lines = ['# Jobs across the country', '', '## Jobs', ''];
    for (let i = 0; i < 3_000; i++) lines.push(`Region ${i} added ${i + 10} jobs in ${i % 2 ? 'retail' : 'mining'}.`);
    lines.push('', 'Mining and retail together added 4,321 jobs.');
    const library = libraryOf({ 'jobs.md': lines.join('\n') + '\n' });
    const ranked = vi.spyOn(ContextRanking.prototype, 'scoresWithPlain');
    const hits = library.search.figureSentences('retail mining jobs');
    expect(hits.map((hit) => hit.confident)).toEqual([true, false, false, false, false]);
    expect(hits[0]!.bold.map((ref) => ref.figure.text)).toEqual(['4,321']);
    // Each region's sentence holds two of the three words: close, and only 50 of them ranked, to fill the page.
    expect(ranked.mock.calls.map(([, candidates]) => candidates.length)).toEqual([51]);
  });
});

describe('the kind of figure a question asks for', () => {
  const figure = (value: number, unit: string | null) => ({ value, unit }) as Parameters<typeof fitsKind>[0];

  it('reads money in "how much … cost", "spent", "funding", and time in "how much time"', () => {
    expect(questionKind('how much does the monkeypox vaccine cost')).toBe('money');
    expect(questionKind('how much was spent on roads')).toBe('money');
    expect(questionKind('how much funding for charging stations')).toBe('money');
    expect(questionKind('how much oil was released')).toBe('amount');
    expect(questionKind('how much time do reviews take')).toBe('duration');
  });

  it('reads "how soon" as a time asked, as "how long" is: a wait before something starts', () => {
    expect(questionKind('how soon do the drone tariffs kick in')).toBe('duration');
    expect(questionKind('how long do the drone tariffs last')).toBe('duration');
  });

  it('reads "how big" as a size asked: an amount or a share, not a count of people nor a time', () => {
    expect(questionKind('how big were the cuts the bakery plan faced')).toBe('size');
    expect(questionKind('how large is the marine monument')).toBe('size');
    expect(fitsKind(figure(45, '%'), 'size')).toBe(true);
    expect(fitsKind(figure(1.5e12, '$'), 'size')).toBe(true);
    expect(fitsKind(figure(80_000, null), 'size')).toBe(false);
    expect(fitsKind(figure(5, 'years'), 'size')).toBe(false);
  });

  it('doubts a count of people as the answer to "how big were the cuts"', () => {
    const pensions = libraryOf({
      'pensions.md': [
        'More than 80,000 workers and retirees in these plans had their pension benefits cut.',
        '',
        'Retirees in the bakery plan faced benefit cuts of roughly 45% by the end of the decade.',
        '',
      ].join('\n'),
    });
    const [cuts] = pensions.search.figureSentences('how big were the benefit cuts in the bakery plan');
    expect(cuts?.confident).toBe(true);
    expect(cuts?.bold.map((ref) => ref.figure.text)).toEqual(['roughly 45%']);
    const [workers] = pensions.search.figureSentences('how big were the pension benefit cuts for workers and retirees');
    expect(workers?.confident).toBe(false);
  });

  it('reads a question opening with "when" as a time asked: a figure answers it with a wait', () => {
    expect(questionKind('when do tariffs on drone parts start')).toBe('duration');
    // "when" inside a question joins a condition; the question still asks what its opening asks.
    expect(questionKind('how much do seniors save when insulin is capped')).toBe('amount');
  });

  it('answers "how soon" with the wait before a tariff starts, not with its rate', () => {
    const library = libraryOf({
      'drones.md': [
        'The Proclamation imposes a 100% ad valorem tariff on drones of a certain size.',
        '',
        'The tariffs on drones will take effect 21 days after signing.',
        '',
      ].join('\n'),
    });
    const [first] = library.search.figureSentences('how soon do the drone tariffs kick in');
    const { document, span } = first!.sentence;
    expect(document.text.slice(...span)).toContain('21 days after signing');
  });

  it('reads a unit after "how many" as that measure asked, a word that is no unit as a count', () => {
    expect(questionKind('how many miles of wall')).toEqual({ measure: 'miles' });
    expect(questionKind('how many acres protected')).toEqual({ measure: 'acres' });
    expect(questionKind('how many years of relations')).toBe('duration');
    expect(questionKind('how many dollars for roads')).toBe('money');
    expect(questionKind('how many criminals were arrested')).toBe('count');
    expect(questionKind('how many times did the ships stop')).toBe('count');
    expect(fitsKind(figure(100, 'miles'), { measure: 'miles' })).toBe(true);
    expect(fitsKind(figure(100, 'acres'), { measure: 'miles' })).toBe(false);
    expect(fitsKind(figure(100, null), { measure: 'miles' })).toBe(false);
  });

  it('answers "how much" with money or a measure, never with a time; money only with money', () => {
    expect(fitsKind(figure(3, 'months'), 'amount')).toBe(false);
    expect(fitsKind(figure(300, 'tons'), 'amount')).toBe(true);
    expect(fitsKind(figure(4e7, '$'), 'amount')).toBe(true);
    expect(fitsKind(figure(4e7, '$'), 'money')).toBe(true);
    expect(fitsKind(figure(300, 'tons'), 'money')).toBe(false);
  });
});

describe('a day of a month in a question', () => {
  const tariffs = () =>
    libraryOf({
      'tariffs.md': [
        'Murders saw the largest one-year increase ever recorded.',
        '',
        'Starting August 1, goods from Japan face a tariff rate of 25%.',
        '',
      ].join('\n'),
    });

  it('reads "aug 1" as a date, not as an amount of one a sentence must state', () => {
    const [first] = tariffs().search.figureSentences('vietnam tariff rate from aug 1');
    const { document, span } = first!.sentence;
    expect(document.text.slice(...span)).not.toContain('one-year');
    expect(first?.confident).toBe(false);
  });

  it('still reads a number before a month as an amount asked', () => {
    const [first] = tariffs().search.figureSentences('japan tariff rate of 25% from august');
    expect(first?.bold.map((ref) => ref.figure.text)).toEqual(['25%']);
    expect(first?.confident).toBe(true);
  });
});

describe('initials a member writes for a name the documents spell out', () => {
  it('finds "UFCW" members in the sentence naming United Food and Commercial Workers, not another union', () => {
    const library = libraryOf({
      'pensions.md': [
        '# Pensions protected',
        '',
        'Over 120,000 workers and retirees in United Food and Commercial Workers pension plans were protected.',
        '',
        'Over 50,000 workers and retirees in Communications Workers of America pension plans were protected.',
        '',
      ].join('\n'),
    });
    const [first] = library.search.figureSentences('how many UFCW members had pensions protected');
    expect(first!.bold.map((ref) => ref.figure.text)).toEqual(['Over 120,000']);
  });

  it('leaves initials alone where two names the documents write as often spell them', () => {
    const library = libraryOf({
      'reserves.md': [
        '# Reserves',
        '',
        'The Strategic Petroleum Reserve released 30 million barrels.',
        '',
        'The Strategic Preparedness and Response office sent 12 teams.',
        '',
      ].join('\n'),
    });
    expect(library.search.figureSentences('SPR release').map((hit) => hit.confident)).not.toContain(true);
  });
});

describe('a span of time a question names by where it stands', () => {
  it('answers "in the last year" with no figure stated "over the last four years", still shown', () => {
    const library = libraryOf({
      'border.md': [
        '# Border security',
        '',
        'Border Patrol staffing has remained roughly flat over the last four years, despite border encounters increasing by 250 percent over the same period.',
        '',
      ].join('\n'),
    });
    const [first] = library.search.figureSentences('border encounters increase in the last year');
    expect(first?.bold.map((ref) => ref.figure.text)).toContain('250 percent');
    expect(first?.confident).toBe(false);
    expect(library.search.figureSentences('border encounters increase in the last four years')[0]?.confident).toBe(
      true,
    );
  });
});

describe('a figure counting another thing of the sort a "how many" question counts', () => {
  const lands = () =>
    libraryOf({
      'lands.md': [
        '# Conservation',
        '',
        'The President protected 26 million acres, including five new national monuments in Colorado and Nevada, and began initiating new national marine sanctuaries along the coast.',
        '',
      ].join('\n'),
    });

  it('answers "new national marine sanctuaries" with no figure of "five new national monuments", still shown', () => {
    const [first] = lands().search.figureSentences('how many new national marine sanctuaries');
    expect(first?.bold.map((ref) => ref.figure.text)).toContain('five');
    expect(first?.confident).toBe(false);
  });

  it('still answers the thing the figure counts', () => {
    const [first] = lands().search.figureSentences('how many new national monuments');
    expect(first?.bold.map((ref) => ref.figure.text)).toContain('five');
    expect(first?.confident).toBe(true);
  });
});
