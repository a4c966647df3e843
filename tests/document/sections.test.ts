// Section ids are unique in a document, and the warnings say when the shape of a document looks wrong.
import { describe, expect, it } from 'vitest';
import type { Heading } from '../../src/document/headings.js';
import type { Line } from '../../src/document/lines.js';
import { SectionList, shapeWarnings, statementsOf } from '../../src/document/sections.js';
import type { PointDraft, SectionDraft, Warning } from '../../src/document/types.js';

const line = (number: number): Line => ({ number, start: 0, end: 0, text: '' });
const heading = (text: string): Heading => ({ heading: text, headingSpan: [0, text.length], leadStart: null });
const point = (id: string): PointDraft => ({ id, text: id, span: [0, 1], line: 1, group: 0, depth: 0, sentences: [] });

describe('SectionList', () => {
  it('numbers sections, titles them in title case and slugs their ids', () => {
    const list = new SectionList([]);
    const first = list.start(null, line(1));
    const second = list.start(heading('**SECURING OUR BORDER**'), line(3));
    expect([first.number, first.id, first.title, first.heading, first.headingSpan]).toEqual([
      1,
      'overview',
      'Overview',
      null,
      null,
    ]);
    expect([second.number, second.id, second.title, second.heading, second.line]).toEqual([
      2,
      'securing-our-border',
      'Securing Our Border',
      '**SECURING OUR BORDER**',
      3,
    ]);
    expect(list.sections).toEqual([first, second]);
  });

  it('numbers the id of a heading met again, and warns of it', () => {
    const warnings: Warning[] = [];
    const list = new SectionList(warnings);
    list.start(heading('Overview'), line(1));
    list.start(heading('OVERVIEW'), line(5));
    expect(list.sections.map((s) => s.id)).toEqual(['overview', 'overview-2']);
    expect(warnings).toEqual([{ line: 5, message: 'duplicate heading "Overview": its section id is overview-2' }]);
  });

  // Issue 22: 979 repeated headings were 979 warnings, logged at every reload.
  it('counts repeated headings in one warning, at the first of them', () => {
    const warnings: Warning[] = [];
    const list = new SectionList(warnings);
    for (let i = 0; i < 980; i++) list.start(heading('Jobs'), line(1 + 4 * i));
    expect(list.sections.at(-1)!.id).toBe('jobs-980');
    expect(warnings).toEqual([
      { line: 5, message: '979 duplicate headings, the first "Jobs" (jobs-2): their section ids are numbered' },
    ]);
  });

  it('gives a heading with no letters or digits the id "section"', () => {
    expect(new SectionList([]).start(heading('§§'), line(1)).id).toBe('section');
  });
});

describe('statementsOf', () => {
  it('puts the lead first', () => {
    const section = new SectionList([]).start(null, line(1));
    section.points.push(point('a'), point('b'));
    expect(statementsOf(section).map((p) => p.id)).toEqual(['a', 'b']);
    section.lead = point('lead');
    expect(statementsOf(section).map((p) => p.id)).toEqual(['lead', 'a', 'b']);
  });
});

describe('shapeWarnings', () => {
  const sections = (...headings: Array<string | null>): SectionDraft[] => {
    const list = new SectionList([]);
    headings.forEach((h, i) => list.start(h === null ? null : heading(h), line(i * 10 + 1)));
    return list.sections;
  };

  it('warns of an empty document', () => {
    expect(shapeWarnings([])).toEqual([{ line: 1, message: 'no statements found: the document is empty' }]);
  });

  it('warns of a document with no headings', () => {
    const [only] = sections(null);
    only!.points.push(point('p'));
    expect(shapeWarnings([only!])).toEqual([
      { line: 1, message: 'no headings found: the whole document is served as one section' },
    ]);
  });

  it('warns of each heading with nothing under it, a lead counting as something', () => {
    const list = sections(null, 'Empty', 'With Lead', 'With Points');
    list[2]!.lead = point('lead');
    list[3]!.points.push(point('p'));
    expect(shapeWarnings(list)).toEqual([{ line: 11, message: 'heading "Empty" has nothing under it' }]);
  });
});
