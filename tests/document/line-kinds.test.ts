// What each body line is, before the body reader decides what to do with it.
import { describe, expect, it } from 'vitest';
import { kindOfLine } from '../../src/document/line-kinds.js';
import { splitLines, type Body } from '../../src/document/lines.js';

const bodyOf = (text: string): Body => ({ text, lines: splitLines(text), wrapped: false, width: null });
const kind = (text: string, index = 0) => kindOfLine(bodyOf(text), index).kind;

describe('kindOfLine', () => {
  it.each(['', '   ', '&nbsp;'])('%j is blank', (line) => expect(kind(line)).toBe('blank'));

  it.each(['###', '\\#\\#\\#', '# # #', '-30-', '- 30 -', '* * *', '----', '___', '*****'])(
    '%j is a closing mark',
    (line) => expect(kind(line)).toBe('closing-mark'),
  );

  it('tells HTML from an HTML comment', () => {
    expect(kindOfLine(bodyOf('<table class="x">'), 0)).toEqual({ kind: 'html', comment: false });
    expect(kindOfLine(bodyOf('</div>'), 0)).toEqual({ kind: 'html', comment: false });
    expect(kindOfLine(bodyOf('  <img src="a.png"/>'), 0)).toEqual({ kind: 'html', comment: false });
    expect(kindOfLine(bodyOf('<!-- note -->'), 0)).toEqual({ kind: 'html', comment: true });
    expect(kind('< 5 percent of voters')).toBe('text');
  });

  it('finds a heading, and takes both lines of a wrapped one', () => {
    expect(kindOfLine(bodyOf('SECURING OUR BORDER: Text.'), 0)).toMatchObject({ kind: 'heading', last: 0 });
    expect(kindOfLine(bodyOf('A HEADING THAT\nWRAPS: Text.'), 0)).toMatchObject({
      kind: 'heading',
      heading: { heading: 'A HEADING THAT\nWRAPS' },
      last: 1,
    });
  });

  it('tells stray markup from a line that holds no text', () => {
    expect(kind('**')).toBe('markup');
    expect(kind('|---|---|')).toBe('markup');
    expect(kind('> ')).toBe('markup');
    expect(kind('→ → →')).toBe('no-text');
  });

  it('reads bullets with their indentation and where their text starts', () => {
    const text = 'Intro.\n  - Nested item';
    expect(kindOfLine(bodyOf(text), 1)).toEqual({ kind: 'bullet', textStart: text.indexOf('Nested'), indent: 2 });
  });

  it('reads "N)" opening a line as a list mark, unless it carries on the sentence of the line before', () => {
    expect(kind('Congress must:\n1) Fund it', 1)).toBe('bullet');
    expect(kind('1) Fund the program\n2) Staff it', 1)).toBe('bullet');
    expect(kind('It screens adults (down from age\n50) from today.', 1)).toBe('text');
    expect(kind('It works on: 1) jobs, 2) energy,\n3) housing.', 1)).toBe('text');
  });

  it('reads anything else with words as text', () => {
    expect(kindOfLine(bodyOf('Intro.\n\tThe plan saves money.'), 1)).toEqual({ kind: 'text', indent: 4 });
  });

  it('reads a line alone with nothing under it to the end or the closing mark as text, not a heading', () => {
    const page = 'The tree was planted.\n\nOfficial White House Photos by Staff\n\n';
    expect(kind(page, 2)).toBe('text');
    expect(kind('The plan was filed.\n\nSource: State Plans Submitted to Agencies\n\n\\###\n', 2)).toBe('text');
    expect(kind('The plan was filed.\n\nLower Costs for Families\n\nThe plan saves money.\n', 2)).toBe('heading');
    expect(kind('The plan was filed.\n\nAwards by State\n\n<table>\n', 2)).toBe('heading');
  });
});
