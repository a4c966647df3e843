import { describe, expect, it } from 'vitest';
import { groupThousands, plural } from '../../src/render/text.js';

describe('groupThousands', () => {
  it('writes integers as English does, with commas between thousands', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [7, '7'],
      [999, '999'],
      [1000, '1,000'],
      [12345, '12,345'],
      [1234567, '1,234,567'],
      [-4500, '-4,500'],
      [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    ];
    for (const [count, written] of cases) expect(groupThousands(count)).toBe(written);
  });

  it('agrees with the locale formatter on every grouping length', () => {
    for (let digits = 1; digits <= 15; digits++) {
      const count = Number('9'.repeat(digits)) - 1234 * digits;
      if (count >= 0) expect(groupThousands(count)).toBe(count.toLocaleString('en-US'));
    }
  });

  it('leaves what is not a safe integer as JavaScript writes it', () => {
    expect(groupThousands(1.5)).toBe('1.5');
    expect(groupThousands(Number.NaN)).toBe('NaN');
  });
});

describe('plural', () => {
  it('counts with the noun in the plural when the count is not one', () => {
    expect(plural(1, 'document')).toBe('1 document');
    expect(plural(1598, 'document')).toBe('1,598 documents');
    expect(plural(0, 'match', 'matches')).toBe('0 matches');
  });
});
