// Reads ../shared/corpus (1,598 real fact sheets) when it is there; skips, saying so, when it is not.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { ROOT, spanProblems } from '../support/documents.js';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
if (!present) console.log(`corpus test skipped: ${CORPUS} is not here`);

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? corpusFiles(path)
      : entry.name.endsWith('.md') && entry.name !== 'README.md'
        ? [path]
        : [];
  });
}

const YEAR = /^(?:FY\s?)?(?:1[89]|20)\d\d$/;
const DATE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d/;

describe.skipIf(!present)('the real corpus', () => {
  it('parses every fact sheet, quotes every span verbatim, and counts no year or date as a figure', () => {
    const files = corpusFiles(CORPUS);
    expect(files.length).toBeGreaterThan(1500);
    const problems: string[] = [];
    let sections = 0;
    let statements = 0;
    let figures = 0;
    let withHeadings = 0;
    for (const file of files) {
      const document = parseDocument(readFileSync(file, 'utf8'), { file });
      problems.push(...spanProblems(document));
      for (const figure of document.figures) {
        const bare = figure.text.replace(/\s+/g, ' ');
        if (YEAR.test(bare) || DATE.test(bare)) problems.push(`${file}: ${bare} counted as a figure`);
      }
      if (document.sections.length === 0) problems.push(`${file}: no sections`);
      if (document.sections.some((s) => s.heading !== null)) withHeadings++;
      sections += document.sections.length;
      statements += document.sections.reduce((n, s) => n + s.points.length, 0);
      figures += document.figures.length;
    }
    console.log(
      `corpus: ${files.length} documents, ${sections} sections (${withHeadings} documents with headings), ${statements} statements, ${figures} figures`,
    );
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
