// Suggestions ("Did you mean …?") on what users and documents can send: huge titles, many distinct queries.
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/render/similar.js';

describe('closest', () => {
  it('suggests the nearest title', () => {
    expect(closest('saving lifes', ['Securing Our Border', 'Saving American Lives'], (t) => t)).toBe(
      'Saving American Lives',
    );
  });

  it('survives a title of 150,000 words', () => {
    const huge = 'word '.repeat(150_000);
    expect(() => closest('wrd', [huge, 'Securing Our Border'], (t) => t)).not.toThrow();
  });

  it('gives nothing when nothing is alike', () => {
    expect(closest('zzzz', ['Securing Our Border'], (t) => t)).toBeNull();
  });
});
