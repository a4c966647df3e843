// Choosing the format: from the file name, or from front matter, with plain text for everything else.
import { describe, expect, it } from 'vitest';
import { chooseFormat } from '../../../src/document/formats/index.js';

describe('chooseFormat', () => {
  it.each([
    ['sheet.md', false, 'markdown'],
    ['SHEET.Markdown', false, 'markdown'],
    ['sheet.txt', true, 'markdown'],
    ['sheet.txt', false, 'text'],
    ['sheet', false, 'text'],
    ['sheet.md.txt', false, 'text'],
  ])('%s, front matter %s: %s', (file, frontMatter, name) => {
    expect(chooseFormat({ file, frontMatter }).name).toBe(name);
  });
});
