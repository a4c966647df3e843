// Trimming only ever shrinks a span, so what is left is still verbatim source text.
import { describe, expect, it } from 'vitest';
import { trimMarkup, trimSpace } from '../../src/document/spans.js';

const whole = (text: string) => [0, text.length] as const;
const quoted = (text: string, trim: typeof trimSpace) => {
  const [s, e] = trim(text, whole(text));
  return text.slice(s, e);
};

describe('trimSpace', () => {
  it('drops spaces, tabs, line breaks, no-break and zero-width spaces at either end', () => {
    expect(quoted(' \t\u00a0Words here.\u200b\r\n', trimSpace)).toBe('Words here.');
  });

  it('leaves markup alone', () => {
    expect(quoted('**Bold.** \\', trimSpace)).toBe('**Bold.** \\');
  });

  it('gives an empty span for a span of spaces', () => {
    const [s, e] = trimSpace('    ', [0, 4]);
    expect(e - s).toBe(0);
  });
});

describe('trimMarkup', () => {
  it('drops a hard-break backslash and a trailing &nbsp;', () => {
    expect(quoted('A line. \\', trimMarkup)).toBe('A line.');
    expect(quoted('A line.&nbsp; ', trimMarkup)).toBe('A line.');
  });

  it('drops bold left open or closed outside the span, and keeps balanced bold', () => {
    expect(quoted('**Today, the plan', trimMarkup)).toBe('Today, the plan');
    expect(quoted('the legislation.**', trimMarkup)).toBe('the legislation.');
    expect(quoted('**Bold** words', trimMarkup)).toBe('**Bold** words');
  });

  it('repeats until nothing more comes off', () => {
    expect(quoted(' **Words. \\ ', trimMarkup)).toBe('Words.');
  });

  it('works inside a larger text', () => {
    const text = 'before **x y** after';
    expect(trimMarkup(text, [6, 15])).toEqual([7, 14]);
    expect(trimMarkup(text, [6, 12])).toEqual([9, 12]);
  });
});
