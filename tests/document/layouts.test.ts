// One small fixture per layout a fact sheet may come in (tests/fixtures/layouts).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { expectAllSpansVerbatim, loadFixture } from '../support/documents.js';

const sectionTitles = (name: string) => loadFixture(name).sections.map((s) => s.title);
const statements = (name: string) =>
  loadFixture(name).sections.flatMap((s) => s.points.map((p) => p.text.replace(/\s+/g, ' ')));

describe('layouts', () => {
  it('title line, date line, unheaded opening, ALL-CAPS headings alone, closing ###', () => {
    const doc = loadFixture('caps-heading-alone.txt');
    expect(doc.title).toBe('Fact Sheet: The City Expands Its Library Network');
    expect(doc.date).toBe('March 3, 2025');
    expect(doc.sections.map((s) => [s.heading, s.title])).toEqual([
      [null, 'Overview'],
      ['NEW BRANCHES', 'New Branches'],
      ['LONGER HOURS', 'Longer Hours'],
    ]);
    expect(doc.sections[0]!.points.map((p) => p.text)).toEqual([
      'The city today announced a plan to open new branch libraries.',
      'It follows a year of public meetings.',
    ]);
    expect(statements('caps-heading-alone.txt')).not.toContain('###');
    expect(doc.figures.map((f) => f.text)).toEqual(['4', 'about 20,000']);
    expect(doc.warnings).toEqual([]);
  });

  it('sentence-case headings alone on their line, under a title line', () => {
    const doc = loadFixture('sentence-case-heading.txt');
    expect(doc.title).toBe('Cleaner water for rural towns');
    expect(sectionTitles('sentence-case-heading.txt')).toEqual(['Grants for treatment plants', 'Help for households']);
    expect(doc.figures.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['up to $2.5 million', 2500000, '$'],
      ['Nearly 300', 300, null],
      ['$500', 500, '$'],
    ]);
  });

  it('Markdown # headings, - and * bullets with indented sub-bullets, wrapped bullet text', () => {
    const doc = loadFixture('markdown-bullets.md');
    expect(doc.format).toBe('markdown');
    expect(doc.title).toBe('Fact Sheet: Modernizing Regional Airports');
    expect(sectionTitles('markdown-bullets.md')).toEqual(['Faster security lines', 'Better runways']);
    expect(doc.sections[0]!.points.map((p) => [p.depth, p.text.replace(/\s+/g, ' ')])).toEqual([
      [0, 'The Department will add 1,200 screening officers at regional airports over the next two years.'],
      [1, 'Officers will be trained in 12-week courses.'],
      [1, 'Training starts in the first quarter of 2026.'],
      [0, 'Wait times have fallen by 30 percent since January.'],
    ]);
    // "two years" dates the 1,200 and is itself a duration (it answers "how long"); the 2026 and "first
    // quarter" are dates, not figures.
    expect(doc.figures.map((f) => [f.text, f.timeframe])).toEqual([
      ['1,200', 'over the next two years'],
      ['two', null],
      ['12', null],
      ['30 percent', 'since January'],
      ['more than 50', null],
    ]);
  });

  it('YAML front matter, **HEADING:** lead wrapped at 72 columns, bullets with hanging indent', () => {
    const doc = loadFixture('front-matter.md');
    expect(doc.title).toBe('Fact Sheet: Expanding Broadband to Every County');
    expect(doc.date).toBe('2025-06-02');
    expect(doc.source).toBe('https://example.gov/fact-sheets/broadband/');
    expect(doc.sections.map((s) => s.title)).toEqual(['Overview', 'Connecting Rural America', 'Lowering Costs']);
    expect(doc.sections[1]!.lead!.text.replace(/\s+/g, ' ')).toBe(
      'The grants will bring service to more than 3 million homes, with construction starting this year.',
    );
    expect(doc.sections[1]!.points).toHaveLength(2);
    expect(doc.sections[2]!.lead!.text.replace(/\s+/g, ' ')).toBe(
      'Monthly bills for eligible families will drop by up to $30.',
    );
    expect(doc.figures.map((f) => [f.text.replace(/\s+/g, ' '), f.value, f.qualifier])).toEqual([
      ['more than 3 million', 3000000, 'more than'],
      ['About 40%', 40, 'about'],
      ['at least 100', 100, 'at least'],
      ['up to $30', 30, 'up to'],
    ]);
  });

  it('BOM, CRLF line ends, tabs, trailing spaces and a closing ###', () => {
    const doc = loadFixture('crlf-bom-tabs.txt');
    expect(doc.text.charCodeAt(0)).toBe(0xfeff);
    expect(doc.text).toContain('\r\n');
    expect(doc.sections.map((s) => [s.heading, s.lead?.text])).toEqual([
      ['PUBLIC SAFETY', 'The county hired 150 new officers.'],
      ['PARKS AND RECREATION', 'Three new parks opened.'],
    ]);
    expect(statements('crlf-bom-tabs.txt')).toEqual([
      'Response times fell by 12 percent last year.',
      'The parks cover nearly 80 acres.',
    ]);
    expect(doc.figures.map((f) => [f.text, f.unit])).toEqual([
      ['150', null],
      ['12 percent', '%'],
      ['Three', null],
      ['nearly 80', 'acres'],
    ]);
  });

  it('an indented epigraph in quotes, and a statement wrapped over two lines', () => {
    const doc = loadFixture('epigraph-and-wrapped.txt');
    expect(doc.epigraph?.text).toBe('"We will build the roads our children deserve."');
    expect(doc.epigraph?.attribution).toBe('Governor Jane Smith');
    expect(doc.sections[0]!.lead!.text.replace(/\s+/g, ' ')).toBe(
      'The state is repairing its highways and bridges at a pace not seen in a generation.',
    );
    expect(doc.sections[0]!.points.map((p) => p.text.replace(/\s+/g, ' '))).toEqual([
      'Crews repaired more than 400 bridges in the last year, and the state plans to repair 600 more by 2028.',
    ]);
  });

  it('warns when no headings are found, and serves the text as one section', () => {
    const doc = loadFixture('no-headings.txt');
    expect(doc.sections).toHaveLength(1);
    expect(doc.warnings).toEqual([
      { line: 1, message: 'no headings found: the whole document is served as one section' },
    ]);
  });

  it('warns about a heading with nothing under it and a line that cannot be placed, with line numbers', () => {
    const doc = parseDocument(
      'ROADS: Crews fixed 40 bridges.\n\nEMPTY HEADING\n\nSCHOOLS\n\n»\n\nTeachers got 5 new labs.\n',
      { file: 'x.txt' },
    );
    expect(doc.warnings).toEqual(
      [
        { line: 3, message: 'heading "Empty Heading" has nothing under it' },
        { line: 7, message: 'line 7 could not be placed: it holds no text ("»")' },
      ]
        .sort((a, b) => a.line - b.line)
        .filter(Boolean)
        .map((w) => expect.objectContaining(w)),
    );
  });

  it('gives duplicate headings distinct ids and says so', () => {
    const doc = parseDocument('JOBS: One.\n\nJOBS: Two.\n', { file: 'dup.txt' });
    expect(doc.sections.map((s) => s.id)).toEqual(['jobs', 'jobs-2']);
    expect(doc.warnings[0]).toMatchObject({ line: 3, message: expect.stringContaining('duplicate heading') });
  });

  it('an ALL-CAPS heading wrapped onto a second line', () => {
    const doc = parseDocument(
      '**RESTORING THE VALUES OF INDIVIDUAL DIGNITY, HARD WORK, AND\nEXCELLENCE:** Today, the order was signed.\n',
      { file: 'w.md' },
    );
    expect(doc.sections[0]!.title).toBe('Restoring the Values of Individual Dignity, Hard Work, and Excellence');
    expect(doc.sections[0]!.lead!.text).toBe('Today, the order was signed.');
  });

  it('never throws, and keeps spans verbatim, on every fixture and on odd input', () => {
    for (const name of [
      'caps-heading-alone.txt',
      'sentence-case-heading.txt',
      'markdown-bullets.md',
      'front-matter.md',
      'crlf-bom-tabs.txt',
      'epigraph-and-wrapped.txt',
      'no-headings.txt',
    ]) {
      expectAllSpansVerbatim(loadFixture(name));
    }
    for (const odd of [
      '',
      '\n\n\n',
      '---\ntitle: [unclosed\n---\nBody 5 lines.',
      '---\nno end',
      '# \n## \n- \n',
      '\u202e\u200b@everyone 12%',
      '**',
      'A: B: C:',
    ]) {
      expectAllSpansVerbatim(parseDocument(odd, { file: 'odd.md' }));
    }
  });

  it('reports invalid front matter with its line, and still parses the body', () => {
    const doc = parseDocument('---\ntitle: [unclosed\n---\nSCHOOLS: Teachers got 5 new labs.\n', { file: 'bad.md' });
    expect(doc.warnings[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.stringContaining('front matter is not valid YAML'),
    });
    expect(doc.figures.map((f) => f.text)).toEqual(['5']);
  });
});
