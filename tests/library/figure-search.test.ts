import { afterEach, describe, expect, it, vi } from 'vitest';
import { FigureFinder } from '../../src/library/figure-search.js';
import { libraryOf } from '../support/library.js';

/** One document of `count` sentences that all speak of jobs, and one that also names mining. */
function manyJobSentences(count: number): Record<string, string> {
  const lines = ['# Jobs across the country', '', '## Jobs', ''];
  for (let i = 0; i < count; i++) lines.push(`Region ${i} added ${i + 10} jobs in retail last year.`);
  lines.push('', '## Mining', '', 'Mining towns added 4,321 jobs in coal mining last year.');
  return { 'jobs.md': lines.join('\n') + '\n' };
}

afterEach(() => vi.restoreAllMocks());

describe('FigureFinder lookups on a large library', () => {
  it('weighs a bounded number of sentences when a word is in thousands of them', () => {
    const library = libraryOf(manyJobSentences(6_000));
    const weighed = vi.spyOn(FigureFinder.prototype as unknown as { wordScore: () => unknown }, 'wordScore');
    library.findFigureSentences('jobs');
    // Every sentence holds "jobs"; without a bound each of the 6,001 would be weighed.
    expect(weighed.mock.calls.length).toBeLessThanOrEqual(3_000);
    expect(weighed.mock.calls.length).toBeGreaterThan(0);
  });

  it('keeps the sentences holding the rarest words when it has to leave some out', () => {
    const library = libraryOf(manyJobSentences(6_000));
    const hits = library.findFigureSentences('mining jobs');
    expect(hits[0]?.bold.map((ref) => ref.figure.text)).toContain('4,321');
    // The same answer while typing, where the last word is a prefix of many.
    const typing = library.findFigureSentences('mining j', undefined, true);
    expect(typing[0]?.bold.map((ref) => ref.figure.text)).toContain('4,321');
  });
});
