// Issue 21, point 3: a /search on the corpus spent most of its CPU stemming the text of each of its up to 500
// hits again, to fold near-identical ones (src/library/near-same.ts). The stems are indexed once; a search reads
// them. Work is counted (memo lookups of the stemmer), never timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { search } from '../../commands/search.js';
import { BudgetedMap } from '../../src/budgeted-map.js';
import { plainTextOf } from '../../src/document/formats/index.js';
import { shapeOf } from '../../src/library/near-same.js';
import { context, libraryOf, seedLibrary } from '../support/library.js';

afterEach(() => vi.restoreAllMocks());

/** A document of `count` statements, each with "tariffs" and words of its own, so none folds into another. */
function statementsWithTariffs(count: number) {
  const points = Array.from(
    { length: count },
    (_, i) => `- Statement number ${i + 1} says tariffs rose in district ${i + 1} for imported goods and grain.`,
  );
  return libraryOf({ 'sheet.md': `# Trade\n\nMarch 3, 2025\n\n## Tariffs\n\n${points.join('\n')}\n` });
}

/** Three sheets: the first two state the same (the second in capitals), the third something else. */
function repeatedStatement() {
  const sheet = (date: string, text: string) => `# Jobs\n\n${date}\n\n## Economy\n\n- ${text}\n`;
  return libraryOf({
    'march.md': sheet('March 3, 2025', 'Wages rose by 4 percent in 2024.'),
    'april.md': sheet('April 3, 2025', 'WAGES ROSE BY 4 PERCENT IN 2024.'),
    'may.md': sheet('May 3, 2025', 'Wages rose by 5 percent in 2024.'),
  });
}

/** Stemmer memo lookups (and those of any other memo) one /search costs. */
function lookupsOfOneSearch(count: number): number {
  const library = statementsWithTariffs(count);
  expect(library.search.statementHits('tariffs').total).toBe(count);
  const lookups = vi.spyOn(BudgetedMap.prototype, 'get');
  search.run(library, { query: 'tariffs' }, context());
  const calls = lookups.mock.calls.length;
  lookups.mockRestore();
  return calls;
}

describe("/search's near-identical folding reads the indexed stems", () => {
  it('costs no stemming per hit: 400 hits take the lookups of 100', () => {
    const few = lookupsOfOneSearch(100);
    const many = lookupsOfOneSearch(400);
    // Stemming each hit again cost about 15 lookups a hit: 4,500 more for 300 more hits.
    expect(many).toBeLessThan(few + 100);
  });

  it.each([
    ['the seed', seedLibrary, 0],
    ['a statement repeated word for word, once in capitals', repeatedStatement, 1],
  ])('gives each statement of %s the shape its own text has', (_name, build, repeats) => {
    const library = build();
    const shapes = library.parts().statements.map((ref) => ({
      indexed: library.search.statementShape(ref),
      worked: shapeOf(plainTextOf(ref.document, ref.point.text)),
    }));
    expect(shapes.length).toBeGreaterThanOrEqual(3);
    for (const { indexed, worked } of shapes) {
      expect(indexed.numbers).toBe(worked.numbers);
      expect([...indexed.words].sort()).toEqual([...worked.words].sort());
    }
    // The same text, the same key: no more, no less.
    for (const a of shapes)
      for (const b of shapes) expect(a.indexed.key === b.indexed.key).toBe(a.worked.key === b.worked.key);
    expect(new Set(shapes.map((s) => s.indexed.key)).size).toBe(shapes.length - repeats);
  });
});
