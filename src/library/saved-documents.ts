// The saved documents: every parsed document of a folder in one entry of the cache folder (CACHE_DIR), beside the
// saved library, so that a start whose files are those they were parsed from reads one file in the main thread
// instead of one cache entry a file in a parse worker, each document then crossing to the main thread by the
// structured clone (a warm start's largest cost on the corpus). The main thread still reads and hashes every
// file: the entry's key is each file's name and the SHA-256 of its bytes, in the order listed, and the bot's
// version, so an entry of other files (one edited, added or removed) is refused, as is one cut short, with a byte
// changed (cache-file.ts), or not holding documents of those files. A statement's text is saved as its span of
// the document's text (read back as a slice of it, which shares the text as sharingText does), so the entry holds
// each document's text once.
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Document, Point, Section } from '../document/types.js';
import { readEntry, sha256, writeEntry, type EntryLabel } from './cache-file.js';
import { decodeFlat, encodeFlat, Joined } from './flat-file.js';
import { finishInSlices, type Steps } from './steps.js';

/** A listed file with the SHA-256 of its bytes as read now. */
export interface HashedFile {
  file: string;
  contentHash: string;
}

/** Where a folder's saved documents are, and what they must have been saved with to be used. */
export interface DocumentsPlace {
  path: string;
  label: EntryLabel;
}

/** The place of the documents of these files (in the order listed), for the folder. */
export function documentsPlace(
  cache: { dir: string; version: string },
  folder: string,
  files: readonly HashedFile[],
): DocumentsPlace {
  const key = sha256(files.map(({ file, contentHash }) => `${file}\u0000${contentHash}`).join('\n'));
  const path = join(cache.dir, 'library', `${sha256(resolve(folder)).slice(0, 32)}.documents`);
  return { path, label: { version: cache.version, key } };
}

/** The entry's body in flat form: the files' names, and each document's bytes ending where `ends` says. */
interface FlatDocuments {
  [key: string]: Joined | Uint32Array | Uint8Array;
  files: Joined;
  ends: Uint32Array;
  bytes: Uint8Array;
}

/** A statement whose text is its span of the document's text, saved with none (null keeps its keys' order). */
function withoutSpanText(point: Point, text: string): Point {
  if (point.text !== text.slice(point.span[0], point.span[1])) return point;
  return { ...point, text: null } as unknown as Point;
}

/** The document as saved: the same, less each statement's text that its span gives back. */
function savedForm(document: Document): Document {
  const point = (p: Point) => withoutSpanText(p, document.text);
  const sections = document.sections.map((section): Section => ({
    ...section,
    lead: section.lead && point(section.lead),
    points: section.points.map(point),
  }));
  return { ...document, sections };
}

/** Gives each statement saved without its text that text again, as a slice of the document's text. */
function withSpanTexts(document: Document): Document {
  const restore = (p: Point) => {
    if (p.text === null) (p as { text: string }).text = document.text.slice(p.span[0], p.span[1]);
  };
  for (const section of document.sections) {
    if (section.lead) restore(section.lead);
    section.points.forEach(restore);
  }
  return document;
}

/** The documents' bytes, one document a step (serialising the corpus at once would hold replies). */
function* encodeSteps(documents: readonly Document[]): Steps<Buffer> {
  const chunks: Buffer[] = [];
  const ends = new Uint32Array(documents.length);
  let at = 0;
  for (const [i, document] of documents.entries()) {
    const bytes = serialize(savedForm(document));
    chunks.push(bytes);
    ends[i] = at += bytes.length;
    yield;
  }
  const files = new Joined(documents.map((d) => d.file).join('\n'));
  // A plain byte array: JSON.stringify would write a Buffer as a list of numbers (its toJSON), not as a table.
  const joined = Buffer.concat(chunks);
  const bytes = new Uint8Array(joined.buffer, joined.byteOffset, joined.length);
  return encodeFlat({ files, ends, bytes } satisfies FlatDocuments);
}

/** Saves the documents (as parsed from the files `place` was made from), whole or not at all. */
export async function saveDocuments(place: DocumentsPlace, documents: readonly Document[]): Promise<number> {
  const body = await finishInSlices(encodeSteps(documents));
  await writeEntry(place.path, place.label, body);
  return body.length;
}

/**
 * The documents saved from exactly these files, one for each in order; or why they cannot be used (the
 * entry's own refusal, or that it does not hold documents of these files).
 */
export async function readSavedDocuments(
  place: DocumentsPlace,
  files: readonly string[],
): Promise<{ documents: Document[] } | { refused: string }> {
  const found = await readEntry(place.path, place.label);
  if ('refused' in found)
    return { refused: found.refused.replace('out of date with its file', 'out of date with its files') };
  try {
    const flat = decodeFlat(found.body) as FlatDocuments;
    const names = flat.files.text.split('\n');
    if (
      names.length !== files.length ||
      names.some((name, i) => name !== files[i]) ||
      flat.ends.length !== names.length
    )
      return { refused: 'it does not hold documents of these files' };
    const documents = names.map((file, i) => {
      const bytes = flat.bytes.subarray(i === 0 ? 0 : flat.ends[i - 1], flat.ends[i]);
      const document = withSpanTexts(deserialize(bytes) as Document);
      if (document?.file !== file || typeof document.text !== 'string') throw new Error('not its document');
      return document;
    });
    return { documents };
  } catch {
    return { refused: 'it does not hold documents of these files' };
  }
}
