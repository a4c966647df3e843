// Every shape of input that once stalled the bot (issue #14, part 3) costs time in proportion to its length:
// each is grown fourfold and the time may grow at most eightfold (linear is about 4, quadratic about 16). The
// ratio is measured, never an absolute time (see tests/support/growth.ts). The shapes: a Markdown heading line
// of many spaces (cubic before), a heading with a lead and a "Fact Sheet:" title around long runs of space, a
// line indented before a lead-heading opening that is none ("   ***SECURING:***", quadratic), a
// blank-looking line (quadratic), a long sentence of figures (quadratic per sentence), a 100 KB statement
// escaped for Discord (quadratic), text wrapped around long link addresses (issue 23), and the property test's
// generated fact sheets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/document/figures.js';
import { isAllCaps, markdownHeadingParts } from '../../src/document/headings.js';
import { isBlank } from '../../src/document/lines.js';
import { parseDocument } from '../../src/document/parse.js';
import type { Document, Span } from '../../src/document/types.js';
import { createLibrary } from '../../src/library/library.js';
import { findTrend } from '../../src/library/trend-series.js';
import { documentText, sentenceWithBolds } from '../../src/render/text.js';
import { render, smallDocument } from '../support/generated-documents.js';
import { growth, type Growth } from '../support/growth.js';

/** Linear growth, with room for noise: fourfold input, at most eightfold time. */
const LIMIT = 8;

function expectLinear(found: Growth): void {
  expect(
    found.ratio,
    `${found.ratio.toFixed(1)}x from ${found.size} to ${found.size * 4} (${found.ms.toFixed(1)} ms at ${found.size})`,
  ).toBeLessThan(LIMIT);
}

const spaces = (n: number) => ' '.repeat(n);
const parse = (file: string) => (text: string) => parseDocument(text, { file });

describe('time grows linearly with the input (issue #14, part 3)', () => {
  it('tells a quadratic pattern from a linear one (the old "Fact Sheet:" title test)', () => {
    const old = /^\s*(?:\*\*)?\s*(FACT SHEET|Fact Sheet)\s*:/;
    // A slowed small run can make the square look linear once: the highest of three single measures shows it.
    const ratios = [0, 1, 2].map(
      () =>
        growth(
          (n) => `${spaces(n)}x`,
          (line) => old.test(line),
          2_000,
          Infinity,
        ).ratio,
    );
    expect(Math.max(...ratios)).toBeGreaterThan(LIMIT);
  });

  // 3,000 spaces on a heading line held replies for 12.6 s.
  it('a Markdown heading line of many spaces (# a + spaces + b)', () => {
    expectLinear(growth((n) => `# a${spaces(n)}b`, markdownHeadingParts, 20_000));
    expectLinear(growth((n) => `# a${spaces(n)}\r`, markdownHeadingParts, 20_000));
    expectLinear(growth((n) => `# a${spaces(n)}b\n\nText.\n`, parse('a.md'), 20_000));
  });

  it('a heading with a lead, and a title, around long runs of space', () => {
    expectLinear(growth((n) => `SECURING${spaces(n)}OUR BORDER: The lead.\nText.\n`, parse('a.txt'), 20_000));
    expectLinear(growth((n) => `${spaces(n)}SECURING: The lead.\nText.\n`, parse('a.txt'), 20_000));
    expectLinear(growth((n) => `**Heading${spaces(n)}:** The lead.\nText.\n`, parse('a.md'), 20_000));
    expectLinear(growth((n) => `**${spaces(n)}FACT SHEET${spaces(n)}: Title**\nText.\n`, parse('a.md'), 20_000));
    expectLinear(growth((n) => `${spaces(n)}x\n\nText.\n`, parse('a.txt'), 20_000));
  });

  // A Q&A question line, a bold Title Case line closed by a period, emphasis closing a line after long runs.
  it('question lines, Title Case bold lines and closing emphasis over long runs of space and words', () => {
    expectLinear(growth((n) => `**Q${spaces(n)}x**\n\nText.\n`, parse('a.md'), 20_000));
    expectLinear(growth((n) => `Q${spaces(n)}1x\n\nText.\n`, parse('a.md'), 20_000));
    expectLinear(growth((n) => `**Expanded ${'Credit '.repeat(n / 8)}Lows.**\n\n-   Item.\n`, parse('a.md'), 20_000));
    expectLinear(growth((n) => `Intro.\n\nHelp${'** '.repeat(n / 3)}x\n\nText.\n`, parse('a.md'), 20_000));
  });

  // Issue 22: "   ***SECURING:*** text" and labels holding "_" or "*" grew with the square of the indentation
  // (x10-18 a fourfold), the label taking back the indentation's spaces one by one before the line was refused.
  it('an indented line that opens like a lead heading and is none', () => {
    const indented = (line: string) => (n: number) => `${spaces(n)}${line}\nText.\n`;
    expectLinear(growth(indented('***SECURING:*** The lead.'), parse('a.txt'), 500));
    expectLinear(growth(indented('**SECURING *THE* BORDER:** The lead.'), parse('a.md'), 500));
    expectLinear(growth(indented('SECURING_BORDER: The lead.'), parse('a.txt'), 500));
    expectLinear(growth((n) => `${'\t'.repeat(n)}***SECURING:*** The lead.\nText.\n`, parse('a.txt'), 500));
  });

  // Whether a bold line ending in a colon leads a list looks past blank lines and at the sheet's other headings.
  it('bold lines ending in a colon, over long runs of blank lines and lists', () => {
    const leadIns = (n: number) =>
      `**Heading**\n\n${'**The plan helps by:**\n\n\n\n-   Lower costs.\n\n'.repeat(n / 8)}`;
    expectLinear(growth(leadIns, parse('a.md'), 2_000));
    const blanks = (n: number) => `**Heading**\n\n**The plan helps by:**${'\n'.repeat(n)}-   Lower costs.\n`;
    expectLinear(growth(blanks, parse('a.md'), 20_000));
  });

  // Bold list items over lists, a bold closed on the next line after a hard break, underlined capital leads.
  it('bold items over lists, bold closed on the next line, underlined capitals, over long runs', () => {
    const md = parse('a.md');
    expectLinear(growth((n) => `-   **Supply${spaces(n)}x**${'\n'.repeat(n)}    -   Item.\n`, md, 20_000));
    expectLinear(growth((n) => `-   **Supply${'* '.repeat(n / 2)}x\n    -   Item.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n**Access${spaces(n)}a${spaces(n)}\n**Lead text.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n**Access ${'a  '.repeat(n / 3)}\n**Lead text.\n`, md, 20_000));
    expectLinear(growth((n) => `**<u>SAVE ${'LIVES '.repeat(n / 6)}NOW.</u>** Lead.\n`, md, 20_000));
    expectLinear(growth((n) => `**<u>SAVE ${'mRNA '.repeat(n / 5)}NOW:</u>** Lead.\n`, md, 20_000));
    expectLinear(growth((n) => `Ab${'aB'.repeat(n / 2)}`, isAllCaps, 20_000));
    expectLinear(growth((n) => `Intro.\n\n**Expand\nthe${spaces(n)}a${spaces(n)}\n**  \nText.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n**Expand\n${'a  '.repeat(n / 3)}\nb\n**\n`, md, 20_000));
    expectLinear(growth((n) => `${'\n**Expand\nthe plan\n'.repeat(n / 20)}`, md, 20_000));
  });

  // Underline written as an HTML span, emphasis opened alone on a line, bold written in runs, wrapped bold labels
  // over lists judged against the sheet's one-line labels.
  it('underline spans, emphasis opened alone, bold runs and wrapped labels over lists, over long runs', () => {
    const md = parse('a.md');
    const span = '<span style="text-decoration: underline">';
    expectLinear(growth((n) => `Intro.\n\n${span}Treasury${spaces(n)}x${spaces(n)}\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n${span}${'a '.repeat(n / 2)}\nb</span>${spaces(n)}\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n**${spaces(n)}\n${'a '.repeat(n / 2)}**${spaces(n)}\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n${'**A** '.repeat(n / 6)}**B:** Lead.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n**A${'** '.repeat(n / 3)}\n`, md, 20_000));
    const labels = (n: number) => `Intro.\n\n${'**Staging aid across the\nregion:**\n\n-   Fuel.\n\n'.repeat(n / 40)}`;
    expectLinear(growth(labels, md, 2_000));
  });

  // A numbered label's heading after its colon, and italic lines alone counted over the whole sheet.
  it('numbered labels and italic lines alone, over long runs of space, words and lines', () => {
    const md = parse('a.md');
    expectLinear(growth((n) => `**GOAL 1: A${spaces(n)}B${spaces(n)}x<b**\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `**GOAL 1: ${'A '.repeat(n / 2)}\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `**TARGETS: ${'A '.repeat(n / 2)}**\n\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `**TARGETS: A${spaces(n)}B**${spaces(n)}\n\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n*Lower${spaces(n)}x*${spaces(n)}\n\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n${'*Lower Costs*\n\nText.\n\n'.repeat(n / 24)}`, md, 2_000));
    expectLinear(growth((n) => `Intro.\n\n${'*Lower Costs*\n\n'.repeat(n / 15)}Text.\n`, md, 2_000));
  });

  it("lines alone shaped like the document's headings, over long runs of lines, space and marks", () => {
    const md = parse('a.md');
    const sheet = '**Lower Costs:**\n\n-   Item.\n\n';
    expectLinear(
      growth(
        (n) => `${sheet}${'**Took Action to Tackle the Climate Crisis Now:**\n\n-   Item.\n\n'.repeat(n / 60)}`,
        md,
        2_000,
      ),
    );
    expectLinear(growth((n) => `${sheet}**Lower${spaces(n)}x:**\n\n-   Item.\n`, md, 20_000));
    expectLinear(growth((n) => `${sheet}**Lower x${'*'.repeat(n)}:**\n\n-   Item.\n`, md, 20_000));
    expectLinear(growth((n) => `${sheet}${'*'.repeat(n)}Lower x**\n\n-   Item.\n`, md, 20_000));
  });

  // "over three years" after an amount or a clause's start, a label's number, "$22.5million", "half-a-billion",
  // qualifying words before a count, a heading's bracketed amount.
  it('durations spanned, labels’ numbers and figures in headings, over long runs of space and words', () => {
    const figures = (text: string) => findFigures(text, 0, text.length);
    expectLinear(growth((n) => `$5 million,${spaces(n)}over three years`, figures, 20_000));
    expectLinear(growth((n) => `${'5 over '.repeat(n / 7)}three years`, figures, 20_000));
    expectLinear(growth((n) => `Goal${spaces(n)}1: x`, figures, 20_000));
    expectLinear(growth((n) => `$5${spaces(n)}x million`, figures, 20_000));
    expectLinear(growth((n) => `half${spaces(n)}x`, figures, 20_000));
    expectLinear(growth((n) => `${'half-a- '.repeat(n / 8)}x`, figures, 20_000));
    expectLinear(growth((n) => `Provided 200 ${'state-of-the-art '.repeat(n / 17)}x`, figures, 20_000));
    const md = parse('a.md');
    expectLinear(growth((n) => `Intro.\n\n# Relief${spaces(n)}(${spaces(n)}$5M)\n\nText.\n`, md, 20_000));
    expectLinear(growth((n) => `Intro.\n\n# ${'Relief ('.repeat(n / 8)}$5M\n\nText.\n`, md, 20_000));
  });

  // Age ranges after "between the ages of", and "one" read against the words after it.
  it('age ranges and "one" over long runs of space and repeats', () => {
    const figures = (text: string) => findFigures(text, 0, text.length);
    expectLinear(growth((n) => `between${spaces(n)}the ages of 6 and 17`, figures, 20_000));
    expectLinear(growth((n) => `between the ages of ${'6 and '.repeat(n / 6)}17`, figures, 20_000));
    expectLinear(growth((n) => `at least${spaces(n)}one${spaces(n)}day`, figures, 20_000));
    expectLinear(growth((n) => `${'one-stop '.repeat(n / 9)}one day`, figures, 20_000));
    expectLinear(growth((n) => `${'474 Sam’s Club '.repeat(n / 15)}locations`, figures, 20_000));
    expectLinear(growth((n) => `${'Amtrak 50 mainly '.repeat(n / 17)}years`, figures, 20_000));
    expectLinear(growth((n) => `call 411-${'C'.repeat(n)} now`, figures, 20_000));
    expectLinear(growth((n) => `four${spaces(n)}and${spaces(n)}a${spaces(n)}half`, figures, 20_000));
    expectLinear(growth((n) => `${'four and a '.repeat(n / 11)}half`, figures, 20_000));
  });

  it('a blank-looking line (isBlank)', () => {
    expectLinear(growth((n) => `${spaces(n)}x`, isBlank, 20_000));
    expectLinear(growth((n) => `&nbsp;${' \u00a0\u200b'.repeat(n)}x`, isBlank, 5_000));
    expectLinear(growth((n) => `\\${spaces(n)}\\`, isBlank, 20_000));
  });

  // A 64 KB sentence of "5 cats, " took 12.7 s. Each figure's clause and time frame are looked up, not scanned for.
  it('a long sentence of figures ("5 cats, " repeated), found in bounded windows', () => {
    const sentence = (unit: string) => (n: number) => `${unit.repeat(n)}and 6 dogs.`;
    const find = (text: string) => findFigures(text, 0, text.length);
    expectLinear(growth(sentence('5 cats, '), find, 8_000));
    expectLinear(growth(sentence('5 cats last year, '), find, 8_000));
    // What a figure counts (issue 18): prices per thing, money to a recipient for a purpose, verbs before objects.
    expectLinear(growth(sentence('$3 a gallon, '), find, 8_000));
    expectLinear(growth(sentence('the tariff on steel to be raised from 5% to 6%, '), find, 2_000));
    expectLinear(growth(sentence('$5 billion to the Global Fund to help Kenya strengthen its grid, '), find, 2_000));
    expectLinear(
      growth(sentence('$2 billion or less in funding to expand clean energy and battery plants, '), find, 2_000),
    );
    // A thing moved "to" a figure, durations within a deadline or after a change.
    expectLinear(growth(sentence('bringing the total aid to Kenya to $1 billion, '), find, 2_000));
    expectLinear(growth(sentence('within three days of travel, declined for 8 months, '), find, 2_000));
    expectLinear(growth((n) => `cut ${'times '.repeat(n / 6)}to 3 days`, find, 20_000));
    expectLinear(growth(sentence('and 18% identify as Latino or Hispanic, '), find, 2_000));
    expectLinear(growth(sentence('$8 million approved in seven loans, taxes increased by $5, '), find, 2_000));
    expectLinear(growth(sentence('jets valued at $3 billion, $5 billion through 2031 to build plants, '), find, 2_000));
    expectLinear(growth((n) => `CATS: ${sentence('5 cats, ')(n)}\n`, parse('a.txt'), 8_000));
  });

  // A 100 KB statement took 11.7 s to escape for its first reply.
  it('a 100 KB statement escaped for Discord, through what replies show', () => {
    const unit = 'Costs *fell* by 5% in_the ~year~ `x` | @everyone \\ and ';
    const statement = (n: number): { document: Document; span: Span } => {
      const document = parseDocument(`COSTS: ${unit.repeat(n)}more.\n`, { file: 'a.md' });
      return { document, span: document.sections[0]!.lead!.span };
    };
    const size = Math.round(100_000 / unit.length);
    // A copy each call: the escaped text is cached per document.
    expectLinear(growth(statement, ({ document, span }) => documentText({ ...document }, span), size));
    const bold = ({ document, span }: { document: Document; span: Span }) =>
      sentenceWithBolds(document, span, [[span[0] + 7, span[0] + 12]]);
    expectLinear(growth(statement, bold, size));
  });

  // Issue 23: each line break is judged against the body's wrap width, found by counting line lengths.
  it('text wrapped around long link addresses, and a long line of spaces before a capital', () => {
    const link = `[report](https://example.gov/${'a'.repeat(60)})`;
    const paragraph = `In 2024, partners committed $2.5 billion in Malaria Investments through\n${link}\nPresident’s plan.\n`;
    expectLinear(growth((n) => paragraph.repeat(n), parse('a.md'), 200));
    expectLinear(
      growth((n) => `${paragraph.repeat(5)}x${spaces(n)}\n${spaces(n)}President’s plan.\n`, parse('a.md'), 20_000),
    );
  });

  it('the property test’s generated fact sheets, parsed and indexed', () => {
    const sample = fc.sample(smallDocument.map(render), { numRuns: 60, seed: 14 }).join('\n');
    const grown = (size: number) => sample.repeat(Math.ceil(size / sample.length)).slice(0, size);
    const index = (text: string) => createLibrary([parseDocument(text, { file: 'generated.txt' })]);
    expectLinear(growth(grown, index, 50_000));
  });
  // A generated 1 MB sheet whose section ran as one sentence held /trend for minutes: each of its thousands of
  // figures read the whole sentence, before and after it, several times.
  it('/trend over one sentence of many figures, each read in a bounded window', () => {
    const sheet = (n: number) =>
      createLibrary([
        parseDocument(`Date: 2025-01-10\n\nSales rose ${'by 5 percent to $7 million, '.repeat(n)}and on.\n`, {
          file: 'a.md',
        }),
      ]);
    expectLinear(growth(sheet, (library) => findTrend(library, 'sales'), 500));
  });
});
