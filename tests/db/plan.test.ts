// Which fact sheets a channel gets: when an item counts as published, and the words filter.
import { describe, expect, it } from 'vitest';
import { matchesWords, publishedAt } from '../../src/announce/plan.js';
import { announceable } from './fact-sheets.js';

describe('announcement plan', () => {
  it('dates an item by its modified time, else the end of its day, else when it was fetched', () => {
    expect(publishedAt('2025-05-01', '2025-05-02T10:00:00Z', 7)).toBe(Date.parse('2025-05-02T10:00:00Z'));
    expect(publishedAt('2025-05-01', undefined, 7)).toBe(Date.parse('2025-05-02T00:00:00Z') - 1);
    expect(publishedAt('May 2025', 'not a time', 7)).toBe(7);
  });

  it('matches every word of a filter at the start of a word of the title or text, case aside', () => {
    const { document } = announceable('tariffs', 'Tariffs on Aircraft', Date.parse('2025-05-01T00:00:00Z'));
    expect(matchesWords(document, null)).toBe(true);
    expect(matchesWords(document, 'AIRCRAFT')).toBe(true);
    expect(matchesWords(document, 'officers border')).toBe(true);
    expect(matchesWords(document, 'craft')).toBe(false);
    expect(matchesWords(document, 'aircraft steel')).toBe(false);
    expect(matchesWords(document, '.*(')).toBe(true);
  });
});
