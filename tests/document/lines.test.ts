// Lines keep their offsets into the source exactly, whatever the line endings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BULLET,
  hasWord,
  indentWidth,
  isBlank,
  looksWrapped,
  nextContent,
  splitLines,
  wrapWidth,
} from '../../src/document/lines.js';

describe('splitLines', () => {
  it('numbers lines from 1 and ends each before its line break, LF or CRLF', () => {
    const text = 'one\r\ntwo\nthree';
    const lines = splitLines(text);
    expect(lines.map((l) => [l.number, l.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    for (const line of lines) expect(text.slice(line.start, line.end)).toBe(line.text);
  });

  it('leaves a byte-order mark out of the first line', () => {
    const [first] = splitLines('\ufeffTitle\n');
    expect(first).toEqual({ number: 1, start: 1, end: 6, text: 'Title' });
  });

  it('gives a final empty line after a trailing line break', () => {
    expect(splitLines('a\n').map((l) => l.text)).toEqual(['a', '']);
    expect(splitLines('')).toEqual([{ number: 1, start: 0, end: 0, text: '' }]);
  });
});

describe('isBlank', () => {
  it.each(['', '   ', '\t', '\u00a0', '\u200b', '&nbsp;', '  \\  ', '\ufeff'])('%j is blank', (line) => {
    expect(isBlank(line)).toBe(true);
  });

  it.each(['a', '&nbsp;x', '\\\\', '-'])('%j is not blank', (line) => {
    expect(isBlank(line)).toBe(false);
  });

  it('answers as the pattern it replaces on any line of spaces and leftovers', () => {
    // The reference: the same language, written with two runs of space that compete.
    const REFERENCE = /^[\s\u00a0\u200b\ufeff]*(?:&nbsp;|\\)?[\s\u00a0\u200b]*$/;
    const line = fc
      .array(fc.constantFrom(' ', '\t', '\u00a0', '\u200b', '\ufeff', '&nbsp;', '\\', '&', 'x'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (text) => {
        expect(isBlank(text)).toBe(REFERENCE.test(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('nextContent', () => {
  it('skips blank lines and stops at the end', () => {
    const lines = splitLines('\n \nText\n\n');
    expect(nextContent(lines, 0)).toBe(2);
    expect(nextContent(lines, 3)).toBe(lines.length);
  });
});

describe('BULLET', () => {
  it.each(['- item', '* item', '+ item', '• item', '  ◦ item', '1. item', '12) item', '-\u00a0item'])(
    '%j is a bullet',
    (line) => expect(BULLET.test(line)).toBe(true),
  );

  it.each(['-item', '**Bold**', '1234. item', '- ', '2025. A year'])('%j is not a bullet', (line) => {
    expect(BULLET.test(line)).toBe(false);
  });

  it('captures the indentation', () => {
    expect(BULLET.exec('    - nested')![1]).toBe('    ');
  });
});

describe('hasWord', () => {
  it('sees letters and digits in any script, and nothing else', () => {
    expect(['a', '7', 'é', 'Ж', '中'].map(hasWord)).toEqual([true, true, true, true, true]);
    expect(['', '** --', '→ §', '&'].map(hasWord)).toEqual([false, false, false, false]);
  });
});

describe('indentWidth', () => {
  it('counts a tab as four spaces', () => {
    expect(indentWidth('\t  - x')).toBe(6);
    expect(indentWidth('x')).toBe(0);
  });
});

describe('looksWrapped', () => {
  const line = (n: number) => 'x'.repeat(n);

  it('sees text wrapped at a fixed width', () => {
    expect(looksWrapped(splitLines([70, 72, 68, 30, 71].map(line).join('\n')))).toBe(true);
  });

  it('does not see wrapping in long unwrapped paragraphs or in very short texts', () => {
    expect(looksWrapped(splitLines([200, 150, 30, 180].map(line).join('\n')))).toBe(false);
    expect(looksWrapped(splitLines([70, 70, 70].map(line).join('\n')))).toBe(false);
  });
});

describe('wrapWidth', () => {
  /** Words of three letters, n characters in all. */
  const line = (n: number) => `${'abc '.repeat(n).slice(0, n - 1)}x`;
  const widthOf = (lengths: number[], ...more: string[]) =>
    wrapWidth(splitLines([...lengths.map(line), ...more].join('\n')));

  it('finds the width the lines are wrapped at, past headings, link addresses and a stray wide line', () => {
    const link = `[report](https://example.gov/${'a'.repeat(60)}) and more words here`;
    expect(widthOf([70, 72, 68, 30, 71, 72, 12, 81], `## ${line(120)}`, link, '<img src="x" />')).toBe(72);
  });

  it('is null for paragraphs written a line each, and for too few lines near any width', () => {
    expect(widthOf([200, 150, 30, 180, 120, 140])).toBeNull();
    expect(widthOf([70, 70, 70])).toBeNull();
    expect(widthOf([])).toBeNull();
  });

  it('is null for short sentences written a line each: nor at 45: prose is wrapped at 60 or more', () => {
    expect(widthOf([20, 20, 21, 20, 21, 20, 20])).toBeNull();
    expect(widthOf([44, 45, 43, 45, 44, 45])).toBeNull();
  });
});
