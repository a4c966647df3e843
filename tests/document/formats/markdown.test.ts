import { describe, expect, it } from 'vitest';
import { markdown } from '../../../src/document/formats/markdown.js';

describe('the Markdown format', () => {
  it('claims .md and .markdown files, and any document with front matter', () => {
    expect(markdown.claims({ file: 'a/b.md', frontMatter: false })).toBe(true);
    expect(markdown.claims({ file: 'b.MARKDOWN', frontMatter: false })).toBe(true);
    expect(markdown.claims({ file: 'b.txt', frontMatter: true })).toBe(true);
    expect(markdown.claims({ file: 'b.txt', frontMatter: false })).toBe(false);
  });

  it('trims a statement past its markup', () => {
    const text = '- **Lower costs.** \\';
    const [s, e] = markdown.trimStatement(text, [2, text.length]);
    expect(text.slice(s, e)).toBe('**Lower costs.**');
    const [s2, e2] = markdown.trimStatement(text, [4, text.length]);
    expect(text.slice(s2, e2)).toBe('Lower costs.');
  });

  it('shows a slice cut inside a link as the words of the link, with none of its markup', () => {
    const text = 'that has [put thousands of young people](https://example.gov/corps) to work';
    expect(markdown.plainText(text)).toBe('that has put thousands of young people to work');
    expect(markdown.plainText(text.slice(0, text.indexOf(' young')))).toBe('that has put thousands of');
    expect(markdown.plainText(text.slice(text.indexOf('young')))).toBe('young people to work');
    expect(markdown.plainText('see ![a chart of')).toBe('see a chart of');
    expect(markdown.plainText('a literal \\[ bracket')).toBe('a literal [ bracket');
  });
});
