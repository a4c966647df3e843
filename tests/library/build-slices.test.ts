// Issue 22, point 4: a reload builds the library in slices of about 10 ms (steps.ts), yet adding a document of
// 20,000 headings stalled replies: its parts were collected and keyed, and the typo tables built, each in one
// step. The work between two steps is counted here, never timed: each of those builds yields at least once
// every so many entries, however large the document.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { keyMapSteps } from '../../src/library/library.js';
import { collectPartSteps } from '../../src/library/refs.js';
import { TextIndex } from '../../src/library/search.js';
import { finish, type Steps } from '../../src/library/steps.js';

const HEADINGS = 20_000;

const document = parseDocument(
  `# Many Headings\n\n${Array.from({ length: HEADINGS }, (_, i) => `## Program ${i}\n\nIt funded ${i + 1} projects.\n`).join('\n')}`,
  { file: 'many.md' },
);

function stepsOf<T>(steps: Steps<T>): number {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
}

describe('a library of 20,000 headings, built in steps', () => {
  it('collects the parts at least every 200 sections', () => {
    expect(document.sections).toHaveLength(HEADINGS);
    expect(stepsOf(collectPartSteps([document]))).toBeGreaterThanOrEqual(HEADINGS / 200);
  });

  it('keys the sections and figures at least every 1,000', () => {
    const parts = finish(collectPartSteps([document]));
    const entries = parts.sections.length + parts.figures.length;
    expect(parts.figures.length).toBeGreaterThan(HEADINGS / 2);
    expect(stepsOf(keyMapSteps([document], parts))).toBeGreaterThanOrEqual(Math.floor(entries / 1_000) - 1);
  });

  it('sorts the words of 20,000 titles into the typo tables at least every 5,000', () => {
    const index = new TextIndex([{ name: 'title', weight: 1 }]);
    for (let i = 0; i < HEADINGS; i++) index.add(i, { title: `word${i.toString(36)}` });
    const words = index.vocabulary.size;
    expect(words).toBeGreaterThan(HEADINGS / 2);
    // One step for the vocabulary and one a field, before the typo tables were built in steps too.
    expect(stepsOf(index.prepareSteps())).toBeGreaterThanOrEqual(2 + Math.floor(words / 5_000));
  });
});
