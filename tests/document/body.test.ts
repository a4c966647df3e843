// The body reader: how lines become sections and statements, and how blank lines group statements.
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/document/body.js';
import { chooseFormat } from '../../src/document/formats/index.js';
import { splitLines } from '../../src/document/lines.js';

function read(text: string, { wrapped = false, file = 'sheet.md' } = {}) {
  const body = { text, lines: splitLines(text), wrapped };
  const content = readBody(body, 0, chooseFormat({ file, frontMatter: false }));
  for (const section of content.sections) {
    for (const point of [...(section.lead ? [section.lead] : []), ...section.points]) {
      expect(text.slice(point.span[0], point.span[1])).toBe(point.text);
    }
  }
  return content;
}

/** Each section as its title and its statements: [group, depth, text]. */
const outline = (text: string, options?: { wrapped?: boolean; file?: string }) =>
  read(text, options).sections.map((s) => ({
    title: s.title,
    lead: s.lead?.text ?? null,
    points: s.points.map((p) => [p.group, p.depth, p.text]),
  }));

describe('readBody: sections', () => {
  it('opens an Overview for text before the first heading, then one section per heading', () => {
    expect(outline('Opening text.\n\nLOWER COSTS\n\nCosts fell.')).toEqual([
      { title: 'Overview', lead: null, points: [[0, 0, 'Opening text.']] },
      { title: 'Lower Costs', lead: null, points: [[0, 0, 'Costs fell.']] },
    ]);
  });

  it('takes the text after "HEADING:" as the lead, continued by the next line', () => {
    expect(outline('LOWER COSTS: Prices fell\nacross the board.\nA new statement.')).toEqual([
      { title: 'Lower Costs', lead: 'Prices fell\nacross the board.', points: [[0, 0, 'A new statement.']] },
    ]);
  });

  it('gives statement ids from the section id, and the lead its own', () => {
    const [section] = read('LOWER COSTS: Lead.\nOne.\nTwo.').sections;
    expect([section!.lead!.id, ...section!.points.map((p) => p.id)]).toEqual([
      'lower-costs-lead',
      'lower-costs-1',
      'lower-costs-2',
    ]);
    expect(section!.lead!.group).toBe(-1);
  });
});

describe('readBody: statements and groups', () => {
  it('starts a new group after a blank line, and group 0 again in each section', () => {
    expect(outline('One.\nTwo.\n\nThree.\n\n\nFour.\n\nNEXT\n\nFive.\n\nSix.')).toEqual([
      {
        title: 'Overview',
        lead: null,
        points: [
          [0, 0, 'One.'],
          [0, 0, 'Two.'],
          [1, 0, 'Three.'],
          [2, 0, 'Four.'],
        ],
      },
      {
        title: 'Next',
        lead: null,
        points: [
          [0, 0, 'Five.'],
          [1, 0, 'Six.'],
        ],
      },
    ]);
  });

  it('continues a sentence the line before left unfinished, and only that', () => {
    expect(outline('The plan saves money\nfor families.\nIt passed.\n(And it is law.)')).toEqual([
      {
        title: 'Overview',
        lead: null,
        points: [
          [0, 0, 'The plan saves money\nfor families.'],
          [0, 0, 'It passed.'],
          [0, 0, '(And it is law.)'],
        ],
      },
    ]);
  });

  it('ends a statement at a Markdown hard break', () => {
    expect(outline('First line  \nsecond line\\\nthird line').map((s) => s.points)).toEqual([
      [
        [0, 0, 'First line'],
        [0, 0, 'second line'],
        [0, 0, 'third line'],
      ],
    ]);
  });

  it('in wrapped text, continues every line of a paragraph', () => {
    expect(outline('It passed.\nIt is law.\n\nNext one.', { wrapped: true })[0]!.points).toEqual([
      [0, 0, 'It passed.\nIt is law.'],
      [1, 0, 'Next one.'],
    ]);
  });
});

describe('readBody: bullets', () => {
  it('nests bullets by indentation, up to depth 3', () => {
    const text = ['- a', '  - b', '    - c', '        - d', '              - e', '- f'].join('\n');
    expect(outline(text)[0]!.points).toEqual([
      [0, 0, 'a'],
      [0, 1, 'b'],
      [0, 1, 'c'],
      [0, 2, 'd'],
      [0, 3, 'e'],
      [0, 0, 'f'],
    ]);
  });

  it('continues a bullet with its indented text, across a blank line', () => {
    expect(outline('- A bullet that\n  wraps.\n\n  More of it.\n\nNot the bullet.')[0]!.points).toEqual([
      [0, 0, 'A bullet that\n  wraps.\n\n  More of it.'],
      [1, 0, 'Not the bullet.'],
    ]);
  });

  it('skips a bullet with no words in it', () => {
    expect(outline('- **\n- Real.')[0]!.points).toEqual([[0, 0, 'Real.']]);
  });
});

describe('readBody: lines that are not statements', () => {
  it('skips closing marks, stray markup and HTML, and warns once of the HTML', () => {
    const { sections, warnings } = read('Text.\n<table>\n<tr><td>1</td></tr>\n<!-- note -->\n**\n###\nEnd.');
    expect(sections[0]!.points.map((p) => p.text)).toEqual(['Text.', 'End.']);
    expect(warnings).toEqual([{ line: 2, message: '2 lines of HTML skipped (tables, images), the first at line 2' }]);
  });

  it('ends the open statement at a closing mark', () => {
    expect(outline('Intro.\nThe plan saves\n---\nmoney.')[0]!.points).toEqual([
      [0, 0, 'Intro.'],
      [0, 0, 'The plan saves'],
      [0, 0, 'money.'],
    ]);
  });

  it('warns of a line with no text that is not markup, and of a duplicate heading, in line order', () => {
    const { warnings } = read('COSTS\n\nText.\n\n→ → →\n\nCOSTS\n\nMore.');
    expect(warnings).toEqual([
      { line: 5, message: 'line 5 could not be placed: it holds no text ("→ → →")' },
      { line: 7, message: 'duplicate heading "Costs": its section id is costs-2' },
    ]);
  });
});

describe('readBody: the format trims statements', () => {
  it('strips Markdown edges in Markdown and keeps them in plain text', () => {
    expect(outline('Costs fell,\nand fast.** \\', { file: 'a.md' })[0]!.points).toEqual([
      [0, 0, 'Costs fell,\nand fast.'],
    ]);
    expect(outline('Costs fell,\nand fast.** \\', { file: 'a.txt' })[0]!.points).toEqual([
      [0, 0, 'Costs fell,\nand fast.** \\'],
    ]);
  });
});
