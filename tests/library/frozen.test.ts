// A built library is read only in fact, not only in its types: what one reply reads, no other can change.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { buildLibrary, createLibrary, uniqueIds } from '../../src/library/library.js';

const REPORT = 'Annual Report\n\nJOBS:\nThe program created 4,321 mining jobs in 2024.\n\nParks were opened.\n';

function twoReports() {
  return [parseDocument(REPORT, { file: 'report.md' }), parseDocument(REPORT, { file: 'report.txt' })];
}

describe('a built library', () => {
  it('renames a repeated id into a new document, leaving the documents handed in as they were', () => {
    const documents = twoReports();
    const before = structuredClone(documents);
    const unique = uniqueIds(documents);
    expect(unique.map((d) => d.id)).toEqual(['report', 'report-2']);
    expect(documents).toEqual(before);
    expect(unique[0]).toBe(documents[0]);
  });

  it('builds twice from the same documents to equal libraries, the documents unchanged', async () => {
    const documents = uniqueIds(twoReports());
    const before = structuredClone(documents);
    const first = createLibrary(documents);
    const second = await buildLibrary(documents);
    expect(documents).toEqual(before);
    expect(second.documents).toEqual(first.documents);
    expect(second.parts().figures.map((r) => r.figure.id)).toEqual(first.parts().figures.map((r) => r.figure.id));
  });

  it('has its documents, everything in them, its parts and its facets frozen', () => {
    const library = createLibrary(uniqueIds(twoReports()));
    const [document] = library.documents;
    const point = document!.sections[0]!.points[0]!;
    for (const value of [library, library.documents, document, document!.sections, point, point.span, point.sentences])
      expect(Object.isFrozen(value)).toBe(true);
    for (const value of [library.lookup, library.search, library.claims, library.parts().statements])
      expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(library.parts(document!.id).figures)).toBe(true);
    expect(() => {
      (document as { title: string }).title = 'Changed';
    }).toThrow(TypeError);
    expect(document!.title).toBe('Annual Report');
  });
});
