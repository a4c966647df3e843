// Issue 22, point 4: a reload builds the library in slices of about 10 ms (steps.ts), yet adding a document of
// 20,000 headings stalled replies: its parts were collected and keyed, and the typo tables built, each in one
// step. The work between two steps is counted here, never timed: each of those builds yields at least once
// every so many entries, however large the document.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { keyMapSteps } from '../../src/library/library.js';
import { collectPartSteps } from '../../src/library/refs.js';
import { TextIndex } from '../../src/library/search.js';
import { finish, sortedSteps, type Steps } from '../../src/library/steps.js';

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

  it('counts, buckets and sorts for prefix lookups the words of 20,000 titles, each at least every 5,000', () => {
    const index = new TextIndex([{ name: 'title', weight: 1, prefix: true }]);
    for (let i = 0; i < HEADINGS; i++) index.add(i, { title: `word${i.toString(36)}` });
    // Each of the three tables in steps: before, the vocabulary and each field's sorted words took one step each.
    const steps = stepsOf(index.prepareSteps());
    const words = index.vocabulary.size;
    expect(words).toBeGreaterThan(15_000);
    expect(steps).toBeGreaterThanOrEqual(3 * Math.floor(words / 5_000));
    expect(index.expandQuery('word1', true)[0]!.map((alternative) => alternative.term)).toContain('word10');
  });
});

describe('a sort in steps', () => {
  it('orders as sort() does, yielding at least every so many words', () => {
    const words = Array.from({ length: 23_456 }, (_, i) => `${(i * 7919) % 23_456}é${i % 3 ? 'Z' : 'a'}`);
    const steps = sortedSteps(words, 1_000);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    expect(step.value).toEqual([...words].sort());
    // 24 runs sorted, then five rounds of merging, each a step every 1,000 words merged (23), except the round
    // of three runs, which merges two of them (16).
    expect(count).toBeGreaterThanOrEqual(24 + 4 * 23 + 16);
    expect(finish(sortedSteps([], 10))).toEqual([]);
  });
});
