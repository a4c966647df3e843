// The saved library answers every gold question as the library it was saved from: /stat's answers, /search's
// hits, their bolded words, the figure candidates and /check's verdict inputs, over the tune split's documents
// (eval/gold). Built, flattened to bytes, read back: the structures that skip building at a warm start.
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../eval/gold/load.js';
import type { Document } from '../../src/document/types.js';
import { checkClaim } from '../../src/library/claims.js';
import type { IndexedSentence } from '../../src/library/figure-search.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFlat, encodeFlat } from '../../src/library/flat-file.js';
import { documentsPlace, readSavedDocuments, saveDocuments } from '../../src/library/saved-documents.js';
import {
  buildLibrary,
  flatLibrary,
  sentenceFinderBuilt,
  type FlatLibrary,
  type Library,
} from '../../src/library/library.js';

/** Everything a command reads for the query, as text. */
function answersTo(library: Library, query: string) {
  const { search } = library;
  return {
    stat: search.figureSentences(query).map((hit) => [hit.sentence.key, hit.bold.length, hit.confident]),
    typing: search.figureSentences(query.slice(0, -2), {}, { typing: true }).map((hit) => hit.sentence.key),
    candidates: search.figureCandidates(query).map((c) => [c.sentence.key, c.coverage]),
    search: search.statementHits(query, {}, 20).refs.map((ref) => ref.point.id),
    total: search.statementHits(query).total,
    terms: [...search.statementTerms(query)],
    sections: search.sections(query).map((ref) => ref.section.id),
    documents: search.documents(query).map((d) => d.id),
  };
}

/** A check's outcome as text: each sentence by its key and each document by its id (how a reply names them). */
const checked = (library: Library, claim: string) =>
  JSON.stringify(checkClaim(library.claims, claim), (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if ('terms' in value && 'span' in value) return (value as unknown as IndexedSentence).key;
    if ('sections' in value && 'text' in value) return (value as unknown as Document).id;
    return value;
  });

describe('the saved library over the gold documents', () => {
  it('answers every gold question and claim as the library it was saved from', async () => {
    const gold = loadGold('tune');
    const documents = gold.library.documents;
    const built = await buildLibrary(documents);
    await sentenceFinderBuilt(built);
    const flat = decodeFlat(encodeFlat(flatLibrary(built))) as FlatLibrary;
    const loaded = await buildLibrary(documents, flat);
    expect(gold.questions.length).toBeGreaterThan(50);
    for (const { q } of gold.questions) expect(answersTo(loaded, q), q).toEqual(answersTo(built, q));
    for (const { claim } of gold.claims) expect(checked(loaded, claim), claim).toEqual(checked(built, claim));
  }, 120_000);

  it('reads every gold document back from the saved documents as it was parsed, answering the same', async () => {
    const gold = loadGold('tune');
    const documents = gold.library.documents;
    const files = documents.map((d) => ({ file: d.file, contentHash: d.id }));
    const place = documentsPlace({ dir: mkdtempSync(join(tmpdir(), 'saved-documents-')), version: 'test' }, '.', files);
    await saveDocuments(place, documents);
    const found = await readSavedDocuments(
      place,
      files.map(({ file }) => file),
    );
    if (!('documents' in found)) throw new Error(found.refused);
    expect(found.documents).toEqual(documents);
    const built = await buildLibrary(documents);
    await sentenceFinderBuilt(built);
    const flat = decodeFlat(encodeFlat(flatLibrary(built))) as FlatLibrary;
    const loaded = await buildLibrary(found.documents, flat);
    for (const { q } of gold.questions) expect(answersTo(loaded, q), q).toEqual(answersTo(built, q));
    for (const { claim } of gold.claims) expect(checked(loaded, claim), claim).toEqual(checked(built, claim));
  }, 120_000);
});
