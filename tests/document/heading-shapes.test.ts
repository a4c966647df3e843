// A document heads its sections one way: a line alone shaped like the document's headings is one of them.
import { describe, expect, it } from 'vitest';
import { shapeOfLineAlone } from '../../src/document/heading-shapes.js';
import { splitLines, type Body } from '../../src/document/lines.js';
import { parseDocument } from '../../src/document/parse.js';

const headingsOf = (text: string) =>
  parseDocument(text, { file: 'sheet.md' })
    .sections.map((section) => section.heading)
    .filter((heading) => heading !== null);

const bodyOf = (text: string): Body => ({ text, lines: splitLines(text), wrapped: false, width: null });

describe('headings of one shape in one document', () => {
  it('takes a long bold label over its list as a heading when shorter ones of that shape are headings', () => {
    const sheet = [
      '**Got People Back to Work**',
      '',
      '-   The economy added jobs.',
      '',
      '**Took Aggressive Action to Tackle the Climate Crisis:**',
      '',
      '-   The President rejoined the agreement.',
      '',
      '**Bolstered Domestic Manufacturing:**',
      '',
      '-   Factories reopened.',
      '',
      '**Formed a Government That Looks Like America:**',
      '',
      '-   The Cabinet was confirmed.',
      '',
    ].join('\n');
    expect(headingsOf(sheet)).toEqual([
      'Got People Back to Work',
      'Took Aggressive Action to Tackle the Climate Crisis',
      'Bolstered Domestic Manufacturing',
      'Formed a Government That Looks Like America',
    ]);
  });

  it('takes a bold label with emphasis inside it as a heading like the plain bold labels', () => {
    const sheet = [
      '**The Mission:**',
      '',
      'The initiative supports families.',
      '',
      '**History of *Joining Forces*:**',
      '',
      'The initiative began in 2011.',
      '',
    ].join('\n');
    expect(headingsOf(sheet)).toEqual(['The Mission', 'History of *Joining Forces*']);
  });

  it('takes an underlined label whose emphasis closes astray as a heading like the other underlined ones', () => {
    const sheet = [
      '***<u>Advancing economic opportunity abroad</u>***',
      '',
      '-   **Improving the business environment:** Assistance advanced capacity.',
      '',
      '***<u>Keeping America and our partners safe</u>* **',
      '',
      '-   **Addressing corruption risk:** Corruption can divert supplies.',
      '',
    ].join('\n');
    expect(headingsOf(sheet)).toEqual([
      '<u>Advancing economic opportunity abroad</u>',
      'Keeping America and our partners safe',
    ]);
  });

  it('leaves a line of another shape alone: a bold sentence introducing its list is no heading', () => {
    const sheet = [
      '**Investments to Date**',
      '',
      'A port was built.',
      '',
      '**Additional notable investments this year include:**',
      '',
      '-   A railway was built.',
      '',
    ].join('\n');
    expect(headingsOf(sheet)).toEqual(['Investments to Date']);
  });

  it('adds nothing to a document with no heading of the shape', () => {
    const sheet = ['Today the President acted.', '', '**Promises made, promises kept.**', '', 'More follows.', ''];
    expect(headingsOf(sheet.join('\n'))).toEqual([]);
  });
});

describe('shapeOfLineAlone', () => {
  it.each([
    ['**Bolstered Domestic Manufacturing:**', '**|:|title', 'Bolstered Domestic Manufacturing'],
    ['__Bolstered Domestic Manufacturing__:', '**|:|title', 'Bolstered Domestic Manufacturing'],
    ['***Summer Learning: ***', '***|:|title', 'Summer Learning'],
    ['<u>**Lower Costs**</u>', '<u>**||title', 'Lower Costs'],
    ['PROMOTING CONNECTIVITY', '||capitals', 'PROMOTING CONNECTIVITY'],
    ['*Supporting small businesses*', '*||sentence', 'Supporting small businesses'],
    ['**Expanded Credit for Working Families.**', '**|.|title', 'Expanded Credit for Working Families'],
  ])('%j has the shape %j', (line, shape, words) => {
    const text = `\n${line}\n\n`;
    const found = shapeOfLineAlone(bodyOf(text), 1);
    expect(found && { shape: found.shape, words: text.slice(found.span[0], found.span[1]) }).toEqual({ shape, words });
  });

  it.each([
    ['**Lead:** runs into its paragraph', 'a bold lead running into its sentence'],
    ['**It passed the Senate.**', 'a sentence in bold'],
    ['**The plan helps borrowers by:**', 'a sentence introducing its list'],
    ['-   **Item**', 'a list item'],
    ['[Read the report](https://example.gov)', 'a link'],
    ['Sincerely,', 'a line ending in a comma'],
    ['**Ports and rail. More follows**', 'a sentence ending inside'],
  ])('%j is no line that may head a section (%s)', (line) => {
    expect(shapeOfLineAlone(bodyOf(`\n${line}\n\n`), 1)).toBeNull();
  });

  it('needs the line set apart from the text around it', () => {
    expect(shapeOfLineAlone(bodyOf('Text before\n**Lower Costs**\n\n'), 1)).toBeNull();
    expect(shapeOfLineAlone(bodyOf('\n**Lower Costs**\ntext after'), 1)).toBeNull();
    expect(shapeOfLineAlone(bodyOf('\n**Lower Costs**\n-   an item'), 1)).not.toBeNull();
  });
});
