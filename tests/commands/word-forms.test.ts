// Issue 18, point 5: typos judged on the words as written, clipped words ("admin"), and compounds written
// closed, hyphenated or apart, the same for /search, /stat and /check.
import { describe, expect, it } from 'vitest';
import { check } from '../../commands/check.js';
import { search } from '../../commands/search.js';
import { stat } from '../../commands/stat.js';
import type { Library } from '../../src/library/library.js';
import { context, libraryOf, seedLibrary } from '../support/library.js';

const seed = seedLibrary();
const sheet = (...sentences: string[]) => `# Ports Report\n\n## Staff\n\n${sentences.join('\n\n')}\n`;
const ports = libraryOf({
  'ports.md': sheet('The administration hired 40 inspectors.', 'The agency spent $5 million on cybersecurity.'),
});
const searched = (library: Library, query: string) => search.run(library, { query }, context()).embeds![0]!;
const quotes = (description: string) =>
  description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2));
const checked = (library: Library, claim: string) => check.run(library, { claim }, context()).embeds![0]!;

describe('a typo, judged on the word as written', () => {
  it('/search "crimnals" finds the criminals of the seed', () => {
    const embed = searched(seed, 'crimnals');
    expect(embed.title).toBe('Search: “crimnals”');
    expect(quotes(embed.description!)[0]).toBe(
      'The United States should be a sanctuary for law-abiding American citizens, not **criminal** aliens.',
    );
  });

  it('/stat "how many crimnals" answers with the criminal aliens arrested', () => {
    const embed = stat.run(seed, { query: 'how many crimnals' }, context()).embeds![0]!;
    expect(embed.title).toBe('Figures for “how many crimnals”');
    expect(quotes(embed.description!)[0]).toBe(
      'Last year, the heroic men and women of Immigration and Customs Enforcement (ICE) arrested **more than 120,000** criminal aliens.',
    );
  });
});

describe('a clipped word stands for the longer words of the documents it begins', () => {
  it('/search "admin" finds the administration', () => {
    expect(quotes(searched(ports, 'admin').description!)).toEqual(['The **administration** hired 40 inspectors.']);
  });

  it('/stat "how many admin inspectors" answers with confidence', () => {
    const embed = stat.run(ports, { query: 'how many admin inspectors' }, context()).embeds![0]!;
    expect(embed.title).toBe('Figures for “how many admin inspectors”');
    expect(quotes(embed.description!)).toEqual(['The administration hired **40** inspectors.']);
  });

  it('/check reads "admin" as the administration', () => {
    const embed = checked(ports, 'The admin employed 70 inspectors');
    expect(embed.title).toBe('The documents give a different figure: “70”');
    expect(quotes(embed.description!)).toEqual(['The administration hired **40** inspectors.']);
  });
});

describe('a word written short without its vowels stands for the word the documents spell out', () => {
  const jobs = libraryOf({
    'jobs.md': sheet(
      'In his first year, the economy added 6.6 million jobs.',
      'The state sent 56,000 monkeypox vaccine doses.',
      'People in 40 states applied.',
      'Most people found work.',
      'Average pay rose by $2 an hour.',
      'The pipeline carries oil.',
    ),
  });

  it('/search "ppl" finds the people, the most frequent word it may stand for, not the pipeline', () => {
    expect(quotes(searched(jobs, 'ppl').description!)).toEqual([
      '**People** in 40 states applied.',
      'Most **people** found work.',
    ]);
  });

  it('/stat "mpx doses" finds the monkeypox doses', () => {
    const embed = stat.run(jobs, { query: 'mpx doses' }, context()).embeds![0]!;
    expect(embed.title).toBe('Figures for “mpx doses”');
    expect(quotes(embed.description!)).toEqual(['The state sent **56,000** monkeypox vaccine doses.']);
  });

  it('/stat "avg pay" answers with the average pay', () => {
    const embed = stat.run(jobs, { query: 'avg pay' }, context()).embeds![0]!;
    expect(embed.title).toBe('Figures for “avg pay”');
    expect(quotes(embed.description!)).toEqual(['Average pay rose by **$2** an hour.']);
  });
  it('reads a word in capitals as a name\'s initials, not a short form: "SPR" is not "support"', () => {
    const oil = libraryOf({
      'oil.md': sheet(
        'Support for clinics reached $5 million.',
        'The Strategic Petroleum Reserve will release 1 million barrels per day.',
      ),
    });
    const embed = stat.run(oil, { query: 'SPR release' }, context()).embeds![0]!;
    expect(quotes(embed.description!)[0]).toBe(
      'The Strategic Petroleum Reserve will release **1 million** barrels per day.',
    );
  });
});

describe('an irregular verb in another tense than the sheet writes', () => {
  const doses = libraryOf({
    'doses.md': sheet(
      'The agency will hold 60,000 doses in reserve.',
      'States will spend more on roads.',
      'States spent $5 million on clinics.',
    ),
  });

  it('/stat "doses held in reserve" answers with the doses the agency will hold', () => {
    const embed = stat.run(doses, { query: 'doses held in reserve' }, context()).embeds![0]!;
    expect(embed.title).toBe('Figures for “doses held in reserve”');
    expect(quotes(embed.description!)).toEqual(['The agency will hold **60,000** doses in reserve.']);
  });

  it('/search "states spend on clinics" finds what they spent first', () => {
    expect(quotes(searched(doses, 'states spend on clinics').description!)[0]).toBe(
      '**States** **spent** $5 million on **clinics**.',
    );
  });
});

describe('a compound written closed, with a hyphen or apart', () => {
  const WRITTEN = ['cybersecurity', 'cyber-security', 'cyber security'];
  const libraries = WRITTEN.map((compound) =>
    libraryOf({ 'ports.md': sheet(`The agency spent $5 million on ${compound}.`) }),
  );

  for (const [d, documentWrites] of WRITTEN.entries()) {
    for (const asked of WRITTEN) {
      it(`/search and /stat "${asked}" find a sheet that writes "${documentWrites}"`, () => {
        const found = quotes(searched(libraries[d]!, asked).description!);
        expect(found.map((quote) => quote.replace(/\*\*/g, ''))).toEqual([
          `The agency spent $5 million on ${documentWrites}.`,
        ]);
        const embed = stat.run(libraries[d]!, { query: `how much ${asked}` }, context()).embeds![0]!;
        expect(embed.title).toBe(`Figures for “how much ${asked}”`);
        expect(quotes(embed.description!)).toEqual([`The agency spent **$5 million** on ${documentWrites}.`]);
      });
    }
  }

  it('/search finds all three forms in one library, whichever is asked', () => {
    const library = libraryOf(
      Object.fromEntries(
        WRITTEN.map((compound, i) => [`s${i}.md`, sheet(`Agency ${i} spent $5 million on ${compound}.`)]),
      ),
    );
    for (const asked of WRITTEN) {
      const found = quotes(searched(library, asked).description!).map((quote) => quote.replace(/\*\*/g, ''));
      expect(found.sort()).toEqual(WRITTEN.map((compound, i) => `Agency ${i} spent $5 million on ${compound}.`));
    }
  });

  it('/check matches a compound written apart to the closed one', () => {
    const embed = checked(ports, 'The agency spent $9 million on cyber security');
    expect(embed.title).toBe('The documents give a different figure: “$9 million”');
    expect(quotes(embed.description!)).toEqual(['The agency spent **$5 million** on cybersecurity.']);
  });
});
