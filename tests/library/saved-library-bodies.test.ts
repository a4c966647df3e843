// A library read back from the saved documents and the saved library weighs /stat's candidate sentences from the
// saved tables (their keys, figures' values, units and counted words): broad questions, each weighing hundreds of
// sentences over most documents, make only the bodies of the answers a reply shows (saved-documents.ts makes a
// document's body the first time it is read). A count, not a time: the V8 records read back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadGold } from '../../eval/gold/load.js';
import { decodeFlat, encodeFlat } from '../../src/library/flat-file.js';
import { buildLibrary, flatLibrary, sentenceFinderBuilt, type FlatLibrary } from '../../src/library/library.js';
import { documentsPlace, readSavedDocuments, saveDocuments } from '../../src/library/saved-documents.js';

/** Documents' bodies made from their saved bytes (V8 records read). */
const deserialised = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof import('node:v8')>();
  const deserialize = (bytes: Uint8Array) => (deserialised.count++, v8.deserialize(bytes) as unknown);
  return { ...v8, default: { ...v8, deserialize }, deserialize };
});

/** Broad questions: common words, a unit, an amount; each weighs sentences of many documents. */
const BROAD = [
  'jobs created',
  'tariffs',
  'border wall miles',
  'billion dollars investment',
  'percent increase',
  'how many people',
  'fentanyl seized',
  'new jobs manufacturing',
  '$1 billion',
  'million Americans',
];

/** The tune split's documents saved and read back (bodies not made), with a library read back over them. */
async function readBack() {
  const documents = loadGold('tune').library.documents;
  const files = documents.map((d) => ({ file: d.file, contentHash: d.id }));
  const place = documentsPlace({ dir: mkdtempSync(join(tmpdir(), 'saved-bodies-')), version: 'test' }, '.', files);
  await saveDocuments(place, documents);
  const found = await readSavedDocuments(
    place,
    files.map(({ file }) => file),
  );
  if (!('documents' in found)) throw new Error(found.refused);
  const built = await buildLibrary(documents);
  await sentenceFinderBuilt(built);
  const flat = decodeFlat(encodeFlat(flatLibrary(built))) as FlatLibrary;
  return { built, loaded: await buildLibrary(found.documents, flat) };
}

describe('a library read back, answering broad /stat questions', () => {
  it("weighs every candidate without making its document: only the shown page's documents are made", async () => {
    const { built, loaded } = await readBack();
    const before = deserialised.count;
    const made = () => deserialised.count - before;
    let weighed = 0;
    for (const query of BROAD) {
      const hits = loaded.search.figureSentences(query);
      weighed += new Set(loaded.search.figureCandidates(query).map((c) => c.sentence.document)).size;
      expect(hits.length, query).toBeGreaterThan(0);
      expect(made(), `${query}: bodies made by the lookup itself`).toBe(0);
    }
    // The questions weigh sentences of many documents (so a body made for each would show).
    expect(weighed).toBeGreaterThan(50);
    // A reply reads its page's sentences (five): at most their documents are made.
    for (const query of BROAD) {
      const page = loaded.search.figureSentences(query).slice(0, 5);
      const shown = new Set(page.map((hit) => hit.sentence.document));
      const madeBefore = made();
      page.forEach((hit) => hit.sentence.key);
      expect(made() - madeBefore, query).toBeLessThanOrEqual(shown.size);
    }
    // And the answers are those of the library built from the documents.
    for (const query of BROAD) {
      const answer = (hits: ReturnType<typeof built.search.figureSentences>) =>
        hits.map((hit) => [hit.sentence.key, hit.bold.length, hit.confident, hit.alsoIn.map((d) => d.id)]);
      expect(answer(loaded.search.figureSentences(query)), query).toEqual(answer(built.search.figureSentences(query)));
    }
  }, 120_000);
});

describe('a library read back, given initials no document writes', () => {
  it('spells them out from the saved names of initials, making no document body', async () => {
    const { built, loaded } = await readBack();
    const before = deserialised.count;
    const answer = (hits: ReturnType<typeof built.search.figureSentences>) => hits.map((hit) => hit.sentence.key);
    // "UFCW" is written nowhere as such in the tune split; "United Food and Commercial Workers" is.
    const hits = loaded.search.figureSentences('how many UFCW members');
    expect(deserialised.count - before, 'bodies made by the lookup').toBe(0);
    expect(hits.length).toBeGreaterThan(0);
    expect(answer(hits)).toEqual(answer(built.search.figureSentences('how many UFCW members')));
  }, 120_000);
});
