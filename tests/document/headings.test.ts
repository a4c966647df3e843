// Each heading form a fact sheet uses, and the lines that look like headings but are statements.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  headingAt,
  isAllCaps,
  isAllCapsHeadingLine,
  markdownHeadingParts,
  wrappedHeadingAt,
  type Heading,
} from '../../src/document/headings.js';
import { splitLines, type Body } from '../../src/document/lines.js';

const bodyOf = (text: string, wrapped = false): Body => ({ text, lines: splitLines(text), wrapped, width: null });

/** The heading on the given line, with its lead as text, or null. */
function heading(text: string, index = 0, wrapped = false) {
  const found = headingAt(bodyOf(text, wrapped), index);
  return found && view(text, found);
}

function view(text: string, found: Heading) {
  expect(text.slice(found.headingSpan[0], found.headingSpan[1])).toBe(found.heading);
  const end = text.indexOf('\n', found.headingSpan[1]);
  return {
    heading: found.heading,
    lead: found.leadStart === null ? null : text.slice(found.leadStart, end < 0 ? text.length : end),
  };
}

describe('headingAt', () => {
  it.each([
    ['# Lower Costs', 'Lower Costs'],
    ['### Lower Costs ###', 'Lower Costs'],
    ['## **Bold in a heading**', '**Bold in a heading**'],
  ])('Markdown heading %j', (line, expected) => {
    expect(heading(line)).toEqual({ heading: expected, lead: null });
  });

  it.each([
    ['SECURING OUR BORDER: The President acts.', 'SECURING OUR BORDER', 'The President acts.'],
    ['**LOWER COSTS:** Prices fell.', 'LOWER COSTS', 'Prices fell.'],
    ['**LOWER COSTS**: Prices fell.', 'LOWER COSTS', 'Prices fell.'],
    ['**LOWER COSTS: **Prices fell.', 'LOWER COSTS', 'Prices fell.'],
    ['**Lower Costs:**', 'Lower Costs', null],
    ['HEADING WITH NO LEAD:', 'HEADING WITH NO LEAD', null],
  ])('heading with a lead %j', (line, expected, lead) => {
    expect(heading(line)).toEqual({ heading: expected, lead });
  });

  // How the paragraph opens, not a section (docs/gold-annotation.md, "Headings").
  it.each([
    '**Lower Costs:** Prices fell.',
    '**Lower Costs**: Prices fell.',
    '**Lower Costs: **Prices fell.',
    '**This is also true in manufacturing: Because of job quality priorities, wages rose.**',
    '**1. Defend Critical Infrastructure** – We will give the American people confidence.',
  ])('a bold label in mixed case running into its paragraph is no heading %j', (line) => {
    expect(heading(`${line}\nA statement follows here.`)).toBeNull();
  });

  it('a bold link alone is a statement, underlined or not', () => {
    expect(heading('***<u>[Read the full strategy here](https://example.gov/s.pdf)</u>***\n\nText.')).toBeNull();
    expect(heading('**Read the full report [here](https://example.gov/crypto/)**\n\nText.')).toBeNull();
  });

  it.each([
    ['**Today the President will highlight the following actions:**', '**Planning Booster Shots:** Today, HHS ...'],
    ['**The Administration’s plan includes:**', '-   Vaccines for every child.'],
    ['**<u>Today’s announcements include</u>:**', '-   New funding.'],
  ])('a bold sentence alone ending in a colon introduces what follows: %j', (line, after) => {
    expect(heading(`${line}\n\n${after}`)).toBeNull();
  });

  it.each([
    ['**The Objectives:**', 'The Objectives'],
    ['**The President’s Budget:**', 'The President’s Budget'],
    ['**TODAY THE PRESIDENT ACTS:**', 'TODAY THE PRESIDENT ACTS'],
  ])('a label alone ending in a colon heads what follows: %j', (line, expected) => {
    expect(heading(`${line}\n\n-   An item.`)).toEqual({ heading: expected, lead: null });
  });

  it.each([
    ['SECURING OUR BORDER', 'SECURING OUR BORDER'],
    ['**Lower Costs**', 'Lower Costs'],
    ['***Lower Costs***', 'Lower Costs'],
    ['**Lower Costs**.', 'Lower Costs'],
    ['__Lower Costs__', 'Lower Costs'],
  ])('heading alone %j', (line, expected) => {
    expect(heading(`${line}\nA statement follows here.`)).toEqual({ heading: expected, lead: null });
  });

  it('takes a sentence-case line as a heading only when it is set apart and text follows', () => {
    expect(heading('Help for households\n\nText.')).toEqual({ heading: 'Help for households', lead: null });
    expect(heading('Help for households\n- A bullet.')).toEqual({ heading: 'Help for households', lead: null });
    expect(heading('Help for households\nText.')).toBeNull();
    expect(heading('Help for households')).toBeNull();
    expect(heading('Text.\nHelp for households\n\nText.', 1)).toBeNull();
  });

  it('takes a short line ending on a quoted sentence as a heading only in wrapped text', () => {
    expect(heading('Promises kept.”\n\nText.')).toBeNull();
    expect(heading('Promises kept.”\n\nText.', 0, true)).toEqual({ heading: 'Promises kept.”', lead: null });
    expect(heading('Promises kept.\n\nText.', 0, true)).toBeNull();
  });

  it.each([
    '- SECURING OUR BORDER',
    '[CLICK TO READ](https://example.org)',
    '**[Read more](https://example.org)**',
    'Fact Sheet: President Acts',
    '**It passed.** More text',
    'The plan passed: it is law.',
    '***',
    '# ',
  ])('%j is not a heading', (line) => {
    expect(heading(`${line}\nText.`)).toBeNull();
  });

  it('reads "FACT SHEET: ..." in capitals as a heading alone, never as a heading with a lead', () => {
    expect(heading('FACT SHEET: PRESIDENT ACTS\nText.')).toEqual({ heading: 'FACT SHEET: PRESIDENT ACTS', lead: null });
  });

  // A numbered label ("GOAL 1", "PILLAR II") numbers the heading after its colon: both are the heading.
  it.each([
    ['**<u>GOAL 1:  PROTECT OUR PEOPLE</u>**', '<u>GOAL 1:  PROTECT OUR PEOPLE', null],
    [
      '**<u>GOAL 2: PREVENT CRIME</u>** **–** The two countries act.',
      '<u>GOAL 2: PREVENT CRIME',
      'The two countries act.',
    ],
    ['**PILLAR II: BUILDING BACK TOGETHER**', 'PILLAR II: BUILDING BACK TOGETHER', null],
    ['PART A: LOWER COSTS', 'PART A: LOWER COSTS', null],
    ['SECTION 3: The lead sentence.', 'SECTION 3', 'The lead sentence.'],
    ['SECURING OUR BORDER: THE PLAN', 'SECURING OUR BORDER', 'THE PLAN'],
  ])('numbered label and its heading %j', (line, expected, lead) => {
    expect(heading(`${line}\nText.`)).toEqual({ heading: expected, lead });
  });

  // An ALL-CAPS line alone is one heading, its colon inside its emphasis; a lead after the colon stays a lead.
  it('takes a line in capitals alone as one heading, colon and all', () => {
    const alone = (line: string) => heading(`${line}\n\nText.`);
    expect(alone('**<u>TARGETS: VACCINATE THE WORLD</u>**')).toEqual({
      heading: '<u>TARGETS: VACCINATE THE WORLD',
      lead: null,
    });
    expect(alone('**HISTORIC PROGRESS: BY THE NUMBERS**')).toEqual({
      heading: 'HISTORIC PROGRESS: BY THE NUMBERS',
      lead: null,
    });
    expect(alone('PLAIN CAPS: ALONE HERE')).toEqual({ heading: 'PLAIN CAPS: ALONE HERE', lead: null });
    expect(alone('**SAVE LIVES:** THE PLAN')).toEqual({ heading: 'SAVE LIVES', lead: 'THE PLAN' });
    expect(alone('**LOWER COSTS:** Prices fell.')).toEqual({ heading: 'LOWER COSTS', lead: 'Prices fell.' });
  });

  // A sheet heads its sections one way: an italic line alone is a heading where two of them head text.
  it('takes italic lines alone as headings only where the sheet has two over text', () => {
    const sheet =
      'Intro.\n\n*Expanding Hospital Capacity*\n\nText one.\n\n*Providing Critical Supplies*\n\nText two.\n';
    expect(heading(sheet, 2)).toEqual({ heading: 'Expanding Hospital Capacity', lead: null });
    expect(heading(sheet, 6)).toEqual({ heading: 'Providing Critical Supplies', lead: null });
    expect(heading('Intro.\n\n*Action Update: May 11*\n\nText one.\n', 2)).toBeNull();
    expect(heading('Intro.\n\n*Italic words.*\n\nText.\n\n*Other words here.*\n\nText.\n', 2)).toBeNull();
    const titles = 'Orders are:\n\n*Unleashing American Energy*\n\n*Enforcing the Hyde Amendment*\n\nText.\n';
    expect(heading(titles, 2)).toBeNull();
    expect(heading(titles, 4)).toBeNull();
  });

  it('reads a bold bullet as a heading', () => {
    expect(heading('**- Lower Costs**\n\nText.')).toEqual({ heading: '- Lower Costs', lead: null });
  });
});

describe('wrappedHeadingAt', () => {
  it('joins an ALL-CAPS heading wrapped onto the next line, lead included', () => {
    const text = 'REFORMING OUR IMMIGRATION SYSTEM TO\r\nPUT AMERICA FIRST: The President acts.';
    const found = wrappedHeadingAt(bodyOf(text), 0);
    expect(found).not.toBeNull();
    expect(found!.heading).toBe('REFORMING OUR IMMIGRATION SYSTEM TO\r\nPUT AMERICA FIRST');
    expect(text.slice(found!.leadStart!)).toBe('The President acts.');
  });

  it('leaves a heading that ends on its own line, and lines in lower case', () => {
    expect(wrappedHeadingAt(bodyOf('HEADING:\nTEXT'), 0)).toBeNull();
    expect(wrappedHeadingAt(bodyOf('Heading\nText'), 0)).toBeNull();
    expect(wrappedHeadingAt(bodyOf('HEADING\n\nTEXT'), 0)).toBeNull();
    expect(wrappedHeadingAt(bodyOf('HEADING'), 0)).toBeNull();
  });
});

describe('capitals', () => {
  it('isAllCaps wants two capitals and no lower case', () => {
    expect(isAllCaps('FY 2025')).toBe(true);
    expect(isAllCaps('A 1')).toBe(false);
    expect(isAllCaps('USA today')).toBe(false);
  });

  it('isAllCapsHeadingLine ignores emphasis and refuses sentences', () => {
    expect(isAllCapsHeadingLine('**LOWER COSTS**')).toBe(true);
    expect(isAllCapsHeadingLine('IT PASSED.')).toBe(false);
  });
});

describe('markdownHeadingParts', () => {
  // The pattern it replaces, kept as the reference: same answers, without its cubic backtracking.
  const REFERENCE = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
  const reference = (line: string) => {
    const match = REFERENCE.exec(line);
    return match && { hashes: match[1]!, heading: match[2]! };
  };

  it.each([
    ['# Title', { hashes: '#', heading: 'Title' }],
    ['   ### Title ###  ', { hashes: '###', heading: 'Title' }],
    ['## Title# #', { hashes: '##', heading: 'Title#' }],
    ['# #hashtag', { hashes: '#', heading: '#hashtag' }],
    ['#\tTabbed', { hashes: '#', heading: 'Tabbed' }],
    ['# ', { hashes: '#', heading: '' }],
    ['#Title', null],
    ['    # Code', null],
    ['####### Seven', null],
    ['# Line\rbreak', null],
  ])('%j', (line, expected) => {
    expect(markdownHeadingParts(line)).toEqual(expected);
    expect(reference(line)).toEqual(expected);
  });

  it('answers as the reference pattern does on any line of spaces, tabs, hashes and text', () => {
    const line = fc
      .array(fc.constantFrom(' ', ' ', '\t', '#', '#', 'a', 'B', '*', '\r', '\u2028', '\u00a0'), { maxLength: 24 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(line, (text) => {
        expect(markdownHeadingParts(text)).toEqual(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
