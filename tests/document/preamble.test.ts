// The title, date and epigraph a fact sheet may open with, and where its sections then start.
import { describe, expect, it } from 'vitest';
import { looksWrapped, splitLines, wrapWidth, type Body } from '../../src/document/lines.js';
import { readPreamble } from '../../src/document/preamble.js';

function preamble(text: string) {
  const lines = splitLines(text);
  const body: Body = { text, lines, wrapped: looksWrapped(lines), width: wrapWidth(lines) };
  const found = readPreamble(body);
  return { ...found, rest: lines[found.end]?.text ?? null };
}

describe('readPreamble: title and date', () => {
  it('takes a # title, then a date line', () => {
    expect(preamble('\n# The **Plan**\n\nMarch 3, 2025\n\nText.')).toMatchObject({
      title: 'The Plan',
      date: 'March 3, 2025',
      epigraph: null,
      rest: 'Text.',
    });
  });

  it('takes a "Fact Sheet:" line as the title', () => {
    expect(preamble('**Fact Sheet: The City Acts**\nText.')).toMatchObject({
      title: 'Fact Sheet: The City Acts',
      rest: 'Text.',
    });
  });

  it('takes "Fact Sheet:" with space around its bold as the title', () => {
    expect(preamble('  **  FACT SHEET : Lower Costs**\nText.').title).toBe('FACT SHEET : Lower Costs');
  });

  it('takes a title-like line over a date line', () => {
    expect(preamble('Cleaner water for towns\nMonday, March 3, 2025\nText.')).toMatchObject({
      title: 'Cleaner water for towns',
      date: 'Monday, March 3, 2025',
      rest: 'Text.',
    });
  });

  it.each(['2025-03-03', '3/3/2025', 'Sept. 3 2025', 'Mar 3, 2025'])('reads the date line %j', (date) => {
    expect(preamble(`${date}\n\nText.`)).toMatchObject({ title: null, date, rest: 'Text.' });
  });

  it('takes a heading-like line followed by another heading as the title', () => {
    expect(preamble('Cleaner Water\n\nGRANTS FOR PLANTS\n\nText.')).toMatchObject({
      title: 'Cleaner Water',
      rest: 'GRANTS FOR PLANTS',
    });
  });

  it('leaves a ## heading, a sentence, or a lone heading over text to the sections', () => {
    expect(preamble('## Section\n\nText.')).toMatchObject({ title: null, date: null, end: 0 });
    expect(preamble('The city acts today.\nMarch 3, 2025')).toMatchObject({ title: null, end: 0 });
    expect(preamble('LOWER COSTS\n\nText.')).toMatchObject({ title: null, end: 0 });
  });

  it('finds nothing in an empty body', () => {
    expect(readPreamble({ text: '', lines: [], wrapped: false, width: null })).toEqual({
      title: null,
      date: null,
      epigraph: null,
      end: 0,
    });
  });
});

describe('readPreamble: the epigraph', () => {
  it('splits the quotation from its attribution, both as verbatim spans', () => {
    const text = '# Title\n\n"We will secure the border." -- President Donald J. Trump\n\nSECURING OUR BORDER';
    const { epigraph, rest } = preamble(text);
    expect(epigraph).toMatchObject({
      text: '"We will secure the border."',
      attribution: 'President Donald J. Trump',
      line: 3,
    });
    expect(text.slice(...epigraph!.span)).toBe(epigraph!.text);
    expect(text.slice(...epigraph!.attributionSpan!)).toBe('President Donald J. Trump');
    expect(rest).toBe('SECURING OUR BORDER');
  });

  it('reads a quotation over several lines, its attribution on the last', () => {
    const { epigraph } = preamble('“Promises made,\npromises kept.” —\nPresident  Donald J. Trump\n\nText.');
    expect(epigraph).toMatchObject({
      text: '“Promises made,\npromises kept.”',
      attribution: 'President Donald J. Trump',
    });
  });

  it('reads no attribution over two lines', () => {
    expect(preamble('“Promises kept.” — President Donald J.\nTrump\n\nText.').epigraph).toBeNull();
  });

  it('takes no sentence with a dash in it as an epigraph', () => {
    expect(preamble('The plan -- The best yet.\n\nText.').epigraph).toBeNull();
    expect(preamble('Costs fell -- the city says so.\n\nText.').epigraph).toBeNull();
  });

  it('takes no paragraph longer than eight lines as an epigraph', () => {
    const long = Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n');
    expect(preamble(`${long} -- President Lincoln\n\nText.`).epigraph).toBeNull();
  });
});
