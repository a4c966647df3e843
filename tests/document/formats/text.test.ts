import { describe, expect, it } from 'vitest';
import { text } from '../../../src/document/formats/text.js';

describe('the plain-text format', () => {
  it('claims any document', () => {
    expect(text.claims({ file: 'a.txt', frontMatter: false })).toBe(true);
    expect(text.claims({ file: 'a.md', frontMatter: true })).toBe(true);
  });

  it('trims only space: what looks like markup is the text itself', () => {
    const source = '  **Stars** and a backslash \\ ';
    const [s, e] = text.trimStatement(source, [0, source.length]);
    expect(source.slice(s, e)).toBe('**Stars** and a backslash \\');
  });
});
