// The body reader: how lines become sections and statements, and how blank lines group statements.
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/document/body.js';
import { chooseFormat } from '../../src/document/formats/index.js';
import { splitLines } from '../../src/document/lines.js';
import { parseDocument } from '../../src/document/parse.js';

function read(text: string, { wrapped = false, width = null as number | null, file = 'sheet.md' } = {}) {
  const body = { text, lines: splitLines(text), wrapped, width };
  const content = readBody(body, 0, chooseFormat({ file, frontMatter: false }));
  for (const section of content.sections) {
    for (const point of [...(section.lead ? [section.lead] : []), ...section.points]) {
      expect(text.slice(point.span[0], point.span[1])).toBe(point.text);
    }
  }
  return content;
}

/** Each section as its title and its statements: [group, depth, text]. */
const outline = (text: string, options?: { wrapped?: boolean; width?: number; file?: string }) =>
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

// Issue 23: in text wrapped at a width but not seen as wrapped as a whole (many link addresses, many short lines),
// a line break before a capital cut a sentence in two. Each break is judged on its own: the next line's first word
// would not have fitted on the line before.
describe('readBody: lines the wrapping broke, in text not seen as wrapped', () => {
  const points = (text: string) => outline(text, { width: 72 })[0]!.points.map((point) => point[2]);

  it('continues a sentence whose next word did not fit on the line', () => {
    const text =
      'In 2024, partners committed $2.5 billion in Malaria Investments through\nPresident’s Malaria Initiative.';
    expect(points(text)).toEqual([
      'In 2024, partners committed $2.5 billion in Malaria Investments through\nPresident’s Malaria Initiative.',
    ]);
  });

  it('continues a link whose text the wrapping broke, however short the line before', () => {
    const text = [
      'Hearing aids are so expensive that only 14% of the',
      'approximately [48 million',
      'Americans ](https://www.cdc.gov/nceh/hearing_loss/public_health_scientific_info.html)with hearing loss use them.',
    ].join('\n');
    expect(points(text)).toEqual([text]);
    expect(points('A line ends [here\nAnother line [opens](https://a.example) a link.')).toHaveLength(2);
  });

  it('keeps a paragraph whole across a sentence that ends where the line did', () => {
    const text = [
      'The program reached 2 million students last year in every one of the 50',
      'states. The Department of Education will expand it to 3 million in 2026.',
      'Students in rural areas will gain the most from the expansion.',
    ].join('\n');
    expect(points(text)).toEqual([text]);
  });

  it('keeps a short line before a capital a line of its own (names, addresses)', () => {
    expect(points('Patricia Bennett\nMississippi College School of Law')).toEqual([
      'Patricia Bennett',
      'Mississippi College School of Law',
    ]);
  });

  it('keeps a list item, and a heading, apart from the full line before them', () => {
    const line = 'Our partners include the largest manufacturers of chips and batteries in';
    expect(points(`${line}\n-   Arizona and Ohio`)).toEqual([line, 'Arizona and Ohio']);
    const sentence = 'Our partners include the largest manufacturers of chips and batteries.';
    for (const heading of ['## Lower Costs for Families', 'LOWER COSTS FOR FAMILIES']) {
      expect(outline(`${sentence}\n${heading}\nPrices fell.`, { width: 72 })).toEqual([
        { title: 'Overview', lead: null, points: [[0, 0, sentence]] },
        { title: 'Lower Costs for Families', lead: null, points: [[0, 0, 'Prices fell.']] },
      ]);
    }
  });

  it('keeps a bold label line apart from the text under it, however wide', () => {
    const label = '**Lowering costs for families across the country is the first goal.**';
    expect(points(`Prices rose.\n${label}\nPrices fell in every state.`)).toEqual([
      'Prices rose.',
      label,
      'Prices fell in every state.',
    ]);
  });

  it('keeps a line ending in a colon apart from the list after it, marked or not', () => {
    const intro = 'Companies announced new commitments to train workers across the country:';
    const unmarked = `${intro}\nAcme Corporation will train 500 workers.\nBeta Industries will train 300.`;
    expect(points(unmarked)).toEqual([
      intro,
      'Acme Corporation will train 500 workers.',
      'Beta Industries will train 300.',
    ]);
    expect(points(`${intro}\n-   Acme Corporation will train 500 workers.`)).toEqual([
      intro,
      'Acme Corporation will train 500 workers.',
    ]);
  });
});

describe('parseDocument: a sheet wrapped at 72 columns around long link addresses (issue 23)', () => {
  it('finds its width and keeps each paragraph one statement, as in text seen as wrapped', () => {
    const first = [
      'The Administration announced new steps today to fight malaria and other',
      'diseases around the world. Since 2021, the United States has committed',
      '[$3 billion](https://www.example.gov/briefing-room/2024/04/25/fact-sheet-malaria-investments/)',
      'to the fight, and partners put $2 billion in Malaria Investments through',
      'President’s Malaria Initiative programs in 27 countries across Africa.',
    ].join('\n');
    const second = [
      'Health workers in those countries delivered 25 million bed nets and the',
      '[first vaccines](https://www.example.gov/briefing-room/2024/05/02/fact-sheet-malaria-vaccines/)',
      'to children under five. Deaths from malaria fell by a third in a decade.',
    ].join('\n');
    const document = parseDocument(`${first}\n\n${second}\n`, { file: 'malaria.md' });
    expect(document.sections.map((section) => section.points.map((point) => point.text))).toEqual([[first, second]]);
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

  it('keeps the items of a list a blank line apart in one group, after its lead-in', () => {
    expect(
      outline('Congress must:\n\n1) Fund it.\n\n2) Staff it.\n\n- Nested\n\n    - deeper\n\n- Last.')[0]!.points,
    ).toEqual([
      [0, 0, 'Congress must:'],
      [1, 0, 'Fund it.'],
      [1, 0, 'Staff it.'],
      [1, 0, 'Nested'],
      [1, 1, 'deeper'],
      [1, 0, 'Last.'],
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
