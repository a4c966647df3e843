// Front matter gives a Markdown fact sheet its title, date and source; broken front matter never loses text.
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/document/front-matter.js';
import { splitLines } from '../../src/document/lines.js';

const read = (text: string) => readFrontMatter(splitLines(text));

describe('readFrontMatter', () => {
  it('reads title, date and source and starts the body after the closing line', () => {
    const matter = read('---\ntitle: "A  Title"\ndate: 2025-03-03\nsource_url: https://example.org\n---\nBody\n');
    expect(matter).toEqual({
      found: true,
      title: 'A Title',
      date: '2025-03-03',
      source: 'https://example.org',
      bodyStart: 5,
      warnings: [],
    });
  });

  it('accepts "..." as the closing line, blank lines before the block and "source" or "url" for the link', () => {
    expect(read('\n---\nsource: a\n...\n')).toMatchObject({ found: true, source: 'a', bodyStart: 4 });
    expect(read('---\nurl: b\n---\n').source).toBe('b');
  });

  it('keeps a bare year as text and drops fields that are not text', () => {
    expect(read('---\ntitle: 2025\ndate: [1, 2]\n---\n')).toMatchObject({ title: '2025', date: null });
  });

  it('finds nothing when the document does not open with ---', () => {
    expect(read('Title\n---\ntitle: x\n---\n')).toEqual({
      found: false,
      title: null,
      date: null,
      source: null,
      bodyStart: 0,
      warnings: [],
    });
  });

  it('reads a block that is never closed as text, with a warning', () => {
    const matter = read('\n---\ntitle: x\n');
    expect(matter).toMatchObject({ found: false, title: null, bodyStart: 0 });
    expect(matter.warnings).toEqual([
      { line: 2, message: 'front matter opened with --- is never closed; read as text' },
    ]);
  });

  it('warns at the line where the YAML fails, and still starts the body after the block', () => {
    const matter = read('---\ntitle: ok\nbad: [unclosed\n---\nBody\n');
    expect(matter).toMatchObject({ found: true, title: null, bodyStart: 4 });
    expect(matter.warnings).toHaveLength(1);
    expect(matter.warnings[0]!.message).toMatch(/^front matter is not valid YAML: /);
    expect(matter.warnings[0]!.line).toBeGreaterThan(1);
  });
});
