// Issue 22, point 4: a large parsed Document crosses from the parse worker in parts of a bounded number of
// objects (what the structured clone's cost grows with), so receiving it never holds replies for long. The
// parts are counted here, never timed, and put back together into the same Document.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import type { Document } from '../../src/document/types.js';
import { joinPart, OBJECTS_PER_PART, splitDocument } from '../../src/library/document-parts.js';

/** The distinct objects and arrays in `value`, as the structured clone makes them (a shared one once). */
function objectsIn(value: unknown, seen = new Set<object>()): number {
  if (typeof value !== 'object' || value === null || seen.has(value)) return 0;
  seen.add(value);
  return 1 + Object.values(value).reduce((sum: number, inner) => sum + objectsIn(inner, seen), 0);
}

function manyHeadings(count: number): Document {
  const sections = Array.from({ length: count }, (_, i) => `## Program ${i}\n\nIt funded ${i + 1} projects.\n`);
  return parseDocument(`# Many Headings\n\n${sections.join('\n')}`, { file: 'many.md' });
}

/** One heading over `count` statements, each with a figure. */
function oneLongSection(count: number): Document {
  const statements = Array.from({ length: count }, (_, i) => `- Crews paved ${i + 1} miles. Work went on.`);
  return parseDocument(`# Roads\n\n## Paving\n\n${statements.join('\n')}\n`, { file: 'roads.md' });
}

/** What the main thread gets: each part through a structured clone of its own, joined in order. */
function sentAndJoined(document: Document): Document {
  const { head, parts } = splitDocument(structuredClone(document));
  return parts.reduce((joined, part) => joinPart(joined, structuredClone(part)), structuredClone(head));
}

describe('a large Document in parts', () => {
  it.each([
    ['20,000 headings', manyHeadings(20_000)],
    ['one heading over 20,000 statements', oneLongSection(20_000)],
  ])('%s: parts of at most OBJECTS_PER_PART objects each, joined into the same Document', (_, document) => {
    const objects = objectsIn(document);
    expect(objects).toBeGreaterThan(20 * OBJECTS_PER_PART);
    const { parts } = splitDocument(document);
    expect(parts.length).toBeGreaterThanOrEqual(Math.floor(objects / OBJECTS_PER_PART));
    // A part's own lists and the part itself come on top of what it carries.
    for (const part of parts) expect(objectsIn(part)).toBeLessThanOrEqual(OBJECTS_PER_PART + 4);
    expect(sentAndJoined(document)).toEqual(document);
  });

  it('keeps a figure sharing its sentence span with its statement, as one message would', () => {
    const joined = sentAndJoined(oneLongSection(20_000));
    const points = new Map(joined.sections.flatMap((section) => section.points).map((point) => [point.id, point]));
    expect(joined.figures.length).toBeGreaterThan(10_000);
    // toContain compares with ===: the very array, not an equal copy.
    for (const figure of joined.figures) expect(points.get(figure.pointId)!.sentences).toContain(figure.sentenceSpan);
  });

  it('sends a small document in one part, the warnings of a large one in parts too', () => {
    expect(splitDocument(manyHeadings(10)).parts).toHaveLength(1);
    const document = {
      ...manyHeadings(10),
      warnings: Array.from({ length: 3 * OBJECTS_PER_PART }, (_, i) => ({ line: i, message: 'a warning' })),
    };
    expect(splitDocument(document).parts.length).toBeGreaterThanOrEqual(3);
    expect(sentAndJoined(document)).toEqual(document);
  });
});
