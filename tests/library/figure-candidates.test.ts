// Issue 21, point 5: /stat ranks every sentence holding the words asked, none cut however common a word is,
// and weighs only those that can reach the coverage an answer needs. Work is counted, never timed.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SentenceFinder, type FigureHit, type IndexedSentence } from '../../src/library/figure-search.js';
import type { Library } from '../../src/library/library.js';
import type { Alternative } from '../../src/library/search.js';
import { WordsAsked } from '../../src/library/words-asked.js';
import { libraryOf } from '../support/library.js';

afterEach(() => vi.restoreAllMocks());

/** The finder's own tables, as the ranking of every sentence reads them. */
interface FinderTables {
  sentences: IndexedSentence[];
  postings: Map<string, number[]>;
  contextPostings(term: string): number[];
}
type CandidateIds = (groups: Alternative[][], min: number, inScope?: (s: IndexedSentence) => boolean) => number[];

/**
 * The ranking of every sentence: each one holding any alternative of any word asked (by its own words, or
 * around it for a word no sentence holds) is weighed, in document order, with no bound and no cut.
 */
function weighingEverySentence(
  this: FinderTables,
  groups: Alternative[][],
  _min: number,
  inScope?: (s: IndexedSentence) => boolean,
) {
  const ids = new Set<number>();
  for (const group of groups)
    for (const { term } of group)
      for (const id of this.postings.get(term) ?? this.contextPostings(term))
        if (!inScope || inScope(this.sentences[id]!)) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

/** What a reader sees of a lookup's hits: each quoted sentence, its bold figures, where else it is, and doubt. */
const shown = (hits: FigureHit[]) =>
  hits.map((hit) => ({
    at: `${hit.sentence.document.id}@${hit.sentence.span.join('-')}`,
    bold: hit.bold.map((ref) => ref.figure.id),
    alsoIn: hit.alsoIn.map((d) => d.id),
    confident: hit.confident,
  }));

/** Runs a lookup as the bot does, then again weighing every sentence: the same answers expected. */
function bothWays<T>(lookup: () => T): [T, T] {
  const bounded = lookup();
  const spy = vi
    .spyOn(SentenceFinder.prototype as unknown as { candidateIds: CandidateIds }, 'candidateIds')
    .mockImplementation(weighingEverySentence);
  const every = lookup();
  spy.mockRestore();
  return [bounded, every];
}

const WORDS = ['tariffs', 'jobs', 'mining', 'retail', 'zanzibar', 'border', 'wages', 'farms', 'steel', 'ports'];
const vocabulary = fc.constantFrom(...WORDS);
const figure = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map(String),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n}%`),
  fc.integer({ min: 1, max: 9 }).map((n) => `$${n} billion`),
);
/** A sentence of a few words from a small vocabulary (so words repeat across sentences), with a figure or not. */
const sentence = fc
  .tuple(fc.array(vocabulary, { minLength: 1, maxLength: 6 }), fc.option(figure), fc.nat(5))
  .map(([words, value, at]) => {
    if (value) words.splice(at % (words.length + 1), 0, value);
    return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
  });
const statement = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '));
const section = fc.record({
  heading: fc.array(vocabulary, { minLength: 1, maxLength: 2 }),
  statements: fc.array(statement, { minLength: 1, maxLength: 6 }),
});
const document = fc.record({
  title: fc.array(vocabulary, { minLength: 1, maxLength: 3 }),
  date: fc.integer({ min: 1, max: 4 }),
  sections: fc.array(section, { minLength: 1, maxLength: 3 }),
});
const library = fc
  .array(document, { minLength: 1, maxLength: 4 })
  .map((documents) =>
    Object.fromEntries(
      documents.map((d, i) => [
        `doc-${i}.md`,
        [
          '---',
          `date: 2024-0${d.date}-01`,
          '---',
          `# ${d.title.join(' ')}`,
          '',
          ...d.sections.flatMap((s) => [`## ${s.heading.join(' ')}`, '', ...s.statements.map((t) => `- ${t}`), '']),
        ].join('\n'),
      ]),
    ),
  );
/** Up to four words, now and then with a typo, a word no document holds, or "percent". */
const query = fc
  .array(fc.oneof({ weight: 6, arbitrary: vocabulary }, fc.constantFrom('tarifs', 'wagez', 'percent', 'unheard')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((words) => words.join(' '));

describe('/stat ranks every sentence holding the words', () => {
  it('answers as weighing every sentence does, on random libraries and queries (fast-check)', () => {
    fc.assert(
      fc.property(library, fc.array(fc.tuple(query, fc.boolean()), { minLength: 1, maxLength: 6 }), (files, asked) => {
        const built = libraryOf(files);
        for (const [q, typing] of asked) {
          const [bounded, every] = bothWays(() => shown(built.search.figureSentences(q, undefined, { typing })));
          expect(bounded).toEqual(every);
          const inFirst = bothWays(() => shown(built.search.figureSentences(q, { documentId: 'doc-0' }, { typing })));
          expect(inFirst[0]).toEqual(inFirst[1]);
        }
      }),
      { numRuns: 150, endOnFailure: true, seed: Number(process.env.PROPERTY_SEED ?? 20261201) },
    );
  });

  it("finds the same sentences for /check's claims as weighing every sentence does (fast-check)", () => {
    fc.assert(
      fc.property(library, fc.array(query, { minLength: 1, maxLength: 4 }), (files, claims) => {
        const finder = libraryOf(files).claims.figureSentences;
        for (const claim of claims)
          for (const min of [0.4, 0.7, 0.8]) {
            const [bounded, every] = bothWays(() =>
              finder.covering(finder.expand(claim), undefined, min).map((c) => [c.sentence.span, c.coverage]),
            );
            expect(bounded).toEqual(every);
          }
      }),
      { numRuns: 100, endOnFailure: true, seed: Number(process.env.PROPERTY_SEED ?? 20261201) },
    );
  });
});

/**
 * `documents` trade reports of `each` statements that all speak of tariffs (10,000 in all by default). The first
 * and the last also hold a sentence naming a place in its own words, and one under a heading naming another
 * place; a middle report names those other places in sentences without tariffs.
 */
function tariffReports(documents = 20, each = 500): Record<string, string> {
  const files: Record<string, string> = {};
  for (let d = 0; d < documents; d++) {
    const lines = ['---', `date: 2024-01-${String((d % 28) + 1).padStart(2, '0')}`, '---', `# Trade report ${d}`, ''];
    lines.push('## Regions', '');
    for (let i = 0; i < each; i++) lines.push(`- Region ${d * each + i} collected ${i + 10} tons in tariffs.`);
    const place = d === 0 ? ['Tuvalu', 'Zanzibar'] : d === documents - 1 ? ['Nauru', 'Kiribati'] : null;
    if (place) {
      lines.push(`- ${place[0]} collected 4,321 tons in tariffs.`, '', `## ${place[1]}`, '');
      lines.push(`- Tariffs raised ${d === 0 ? '5,432' : '6,543'} tons last year.`);
    }
    if (d === Math.floor(documents / 2))
      lines.push('', '## Exports', '', '- Zanzibar and Kiribati exported 12 tons of cloves.');
    files[`report-${d}.md`] = lines.join('\n') + '\n';
  }
  return files;
}

const boldOf = (hits: FigureHit[]) => hits.map((hit) => hit.bold.map((ref) => ref.figure.text).join(' '));

describe('a word held by 10,000 sentences', () => {
  let built: Library | null = null;
  const reports = () => (built ??= libraryOf(tariffReports()));

  it('/stat finds the one sentence that also holds the rare word asked, in the first report and the last', () => {
    const library = reports();
    expect(library.parts().statements.length).toBeGreaterThan(10_000);
    expect(boldOf(library.search.figureSentences('tuvalu tariffs'))).toEqual(['4,321']);
    expect(boldOf(library.search.figureSentences('nauru tariffs'))).toEqual(['4,321']);
  });

  it('/stat finds the one sentence under a heading naming the rare word, in the first report and the last', () => {
    const library = reports();
    // The places' exports hold the rare word but not tariffs: closest first; then the sentence under the heading.
    const first = library.search.figureSentences('zanzibar tariffs');
    expect(boldOf(first)).toEqual(['12', '5,432']);
    expect(first.map((hit) => hit.confident)).toEqual([false, false]);
    expect(boldOf(library.search.figureSentences('kiribati tariffs'))).toEqual(['12', '6,543']);
  });

  it('/search finds the one statement that also holds the rare word, in the first report and the last', () => {
    const library = reports();
    const asked: Array<[place: string, document: string]> = [
      ['tuvalu', 'report-0'],
      ['nauru', 'report-19'],
    ];
    for (const [place, document] of asked) {
      const { refs, total } = library.search.statementHits(`${place} tariffs`, undefined, 10);
      expect(total).toBe(1);
      expect(refs.map((ref) => [ref.document.id, ref.point.text])).toEqual([
        [document, `${place[0]!.toUpperCase()}${place.slice(1)} collected 4,321 tons in tariffs.`],
      ]);
    }
  });

  it('weighs only the sentences that can answer a question adding a rare word to the common one', () => {
    const library = reports();
    const weighed = vi.spyOn(WordsAsked.prototype, 'score');
    library.search.figureSentences('tuvalu tariffs');
    // Those holding "tuvalu" anywhere: its sentence (and its report's tariff sentences, "tuvalu" being around none).
    expect(weighed.mock.calls.length).toBe(1);
    weighed.mockClear();
    // A lone common word: every sentence holding it is weighed, none cut.
    expect(library.search.figureSentences('tariffs').length).toBeGreaterThan(10_000);
    expect(weighed.mock.calls.length).toBeGreaterThan(10_000);
  });
});
