// The saved documents: every parsed document of a folder in one entry of the cache folder (CACHE_DIR), beside the
// saved library, so that a start whose files are those they were parsed from reads one file in the main thread
// instead of one cache entry a file in a parse worker, each document then crossing to the main thread by the
// structured clone (a warm start's largest cost on the corpus). The main thread still reads and hashes every
// file: the entry's key is each file's name and the SHA-256 of its bytes, in the order listed, and the bot's
// version, so an entry of other files (one edited, added or removed) is refused, as is one cut short, with a byte
// changed (cache-file.ts), or not holding documents of those files. A statement's text is saved as its span of
// the document's text (read back as a slice of it, which shares the text as sharingText does), so the entry holds
// each document's text once. A document read back is made in two halves: its head (title, date, warnings, its
// outline for the library's references and key maps) at the start, and its body (sections, figures, text) the
// first time a command reads it, from the entry's file (kept open): a start makes none of the documents' millions
// of objects, which the collector used to copy as they were made, and holds none of their bytes. The entry's
// checksum covers its index (the files, the heads with each body's SHA-256, where each body ends), checked at the
// start with the entry's length; each body is checked against its own SHA-256 as it is read, so a body damaged or
// changed on disk is never served (the command reading it fails, naming the file) and a start hashes no body.
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Document, Point, Section } from '../document/types.js';
import { closeSync, readSync } from 'node:fs';
import { openEntry, sha256, writeEntry, type EntryLabel, type OpenEntry } from './cache-file.js';
import { fingerprint, knownFingerprint } from './duplicates.js';
import { decodeFlat, encodeFlat, Joined } from './flat-file.js';
import { deepFreeze } from './freeze.js';
import { outlined, outlineOf, type Outline } from './refs.js';
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

/**
 * The entry's index in flat form: the files' names, each document's head (heads: JSON, one a document), and
 * where each document's body (its sections, figures and text) ends in the bytes after the index.
 */
interface FlatIndex {
  [key: string]: Joined | Uint32Array;
  files: Joined;
  heads: Joined;
  ends: Uint32Array;
}

/** The entry's body: the index's length (8 bytes, keeping the index's tables aligned), the index, the bodies. */
const INDEX_AT = 8;

/** Where the index of that length ends: the bytes the entry's own checksum covers. */
const indexEnd = (indexLength: number) => INDEX_AT + indexLength;

/** What a document read back has at hand: all but its body, with what a start needs of that body. */
interface SavedHead extends Pick<Document, 'id' | 'format' | 'title' | 'source' | 'date' | 'epigraph' | 'warnings'> {
  /** duplicates.ts's fingerprint: what a start compares, without reading the text. */
  fingerprint: string;
  outline: Outline;
  /** The SHA-256 of its body's bytes: checked again when they are read, after the start. */
  sha256: string;
}

/** What a document's body is made from when first read: its sections, figures and text. */
type Body = Pick<Document, 'sections' | 'figures' | 'text'>;

const headOf = (document: Document, body: Uint8Array): SavedHead => ({
  id: document.id,
  format: document.format,
  title: document.title,
  source: document.source,
  date: document.date,
  epigraph: document.epigraph,
  warnings: document.warnings,
  fingerprint: fingerprint(document),
  outline: outlineOf(document),
  sha256: sha256(body),
});

/** A statement whose text is its span of the document's text, saved with none (null keeps its keys' order). */
function withoutSpanText(point: Point, text: string): Point {
  if (point.text !== text.slice(point.span[0], point.span[1])) return point;
  return { ...point, text: null } as unknown as Point;
}

/** The document's body as saved: less each statement's text that its span gives back. */
function savedBody(document: Document): Body {
  const point = (p: Point) => withoutSpanText(p, document.text);
  const sections = document.sections.map((section): Section => ({
    ...section,
    lead: section.lead && point(section.lead),
    points: section.points.map(point),
  }));
  return { sections, figures: document.figures, text: document.text };
}

/** Gives each statement saved without its text that text again, as a slice of the document's text. */
function withSpanTexts(body: Body): Body {
  const restore = (p: Point) => {
    if (p.text === null) (p as { text: string }).text = body.text.slice(p.span[0], p.span[1]);
  };
  for (const section of body.sections) {
    if (section.lead) restore(section.lead);
    section.points.forEach(restore);
  }
  return body;
}

/** The documents' bytes, one document a step (serialising the corpus at once would hold replies). */
function* encodeSteps(documents: readonly Document[]): Steps<Buffer> {
  const chunks: Buffer[] = [];
  const heads: SavedHead[] = [];
  const ends = new Uint32Array(documents.length);
  let at = 0;
  for (const [i, document] of documents.entries()) {
    const bytes = serialize(savedBody(document));
    chunks.push(bytes);
    heads.push(headOf(document, bytes));
    ends[i] = at += bytes.length;
    yield;
  }
  const files = new Joined(documents.map((d) => d.file).join('\n'));
  const index = encodeFlat({ files, heads: new Joined(JSON.stringify(heads)), ends } satisfies FlatIndex);
  const length = Buffer.alloc(INDEX_AT);
  length.writeUInt32LE(index.length);
  return Buffer.concat([length, index, ...chunks]);
}

/** Where a document's body lies in the open entry. */
interface BodyPlace {
  fd: number;
  at: number;
  length: number;
}

/**
 * The body saved there, frozen. Its bytes are checked against the SHA-256 its head gives (the start checked the
 * index, not the bodies): a body damaged or changed on disk (not by the bot, which replaces an entry whole) is
 * never served.
 */
function bodyOf(file: string, { fd, at, length }: BodyPlace, hash: string): Body {
  const bytes = Buffer.allocUnsafe(length);
  if (readSync(fd, bytes, 0, length, at) !== length || sha256(bytes) !== hash)
    throw new Error(`${file}: its saved document is damaged or changed on disk; it is not served`);
  const body = deserialize(bytes) as Body;
  if (!Array.isArray(body?.sections) || !Array.isArray(body.figures) || typeof body.text !== 'string')
    throw new Error(`${file}: its saved document has no body`);
  deepFreeze(withSpanTexts(body));
  return body;
}

/**
 * The document read back: its head at hand, its body (sections, figures, text) read from the entry and made the
 * first time one of them is read.
 */
function readBack(file: string, head: SavedHead, place: BodyPlace): Document {
  let body: Body | null = null;
  const made = () => (body ??= bodyOf(file, place, head.sha256));
  const { id, format, title, source, date, epigraph, warnings } = head;
  const document = { id, file, format, title, source, date, epigraph } as Document;
  Object.defineProperties(document, {
    sections: { get: () => made().sections, enumerable: true },
    figures: { get: () => made().figures, enumerable: true },
    warnings: { value: warnings, enumerable: true },
    text: { get: () => made().text, enumerable: true },
  });
  // The warnings are all a command reads of the head; its outline (some 84,000 lists on the corpus, a tenth of the
  // start's freezing) is refs.ts's own and never handed out.
  deepFreeze(warnings);
  knownFingerprint(document, head.fingerprint);
  return outlined(Object.freeze(document), head.outline);
}

/** Whether the heads read are one for each file, each of the shape saved. */
function headsFit(heads: unknown, files: number): heads is SavedHead[] {
  const fits = (head: SavedHead) =>
    typeof head?.id === 'string' &&
    typeof head.fingerprint === 'string' &&
    typeof head.sha256 === 'string' &&
    Array.isArray(head.warnings) &&
    Array.isArray(head.outline?.sections) &&
    Array.isArray(head.outline.figures);
  return Array.isArray(heads) && heads.length === files && heads.every(fits);
}

/** Saves the documents (as parsed from the files `place` was made from), whole or not at all. */
export async function saveDocuments(place: DocumentsPlace, documents: readonly Document[]): Promise<number> {
  const body = await finishInSlices(encodeSteps(documents));
  await writeEntry(place.path, place.label, body, indexEnd(body.readUInt32LE(0)));
  return body.length;
}

/**
 * The documents saved from exactly these files, one for each in order; or why they cannot be used (the
 * entry's own refusal, or that it does not hold documents of these files). The entry is checked whole, then only
 * its index kept: each document's body is read from it when first needed (the file stays open for that).
 */
export async function readSavedDocuments(
  place: DocumentsPlace,
  files: readonly string[],
): Promise<{ documents: Document[] } | { refused: string }> {
  const found = await openEntry(place.path, place.label);
  if ('refused' in found)
    return { refused: found.refused.replace('out of date with its file', 'out of date with its files') };
  const documents = documentsIn(found, files);
  if (!documents) closeSync(found.fd);
  return documents ? { documents } : { refused: 'it does not hold documents of these files' };
}

/** The documents the open entry holds, read back; null unless it holds documents of exactly these files. */
function documentsIn({ fd, bodyAt, bytes, checked }: OpenEntry, files: readonly string[]): Document[] | null {
  try {
    const length = Buffer.alloc(INDEX_AT);
    readSync(fd, length, 0, INDEX_AT, bodyAt);
    // Only the index checked: an entry whose checksum covers other bytes is not of this form.
    if (checked !== indexEnd(length.readUInt32LE(0)) || checked > bytes) return null;
    const index = Buffer.alloc(checked - INDEX_AT);
    readSync(fd, index, 0, index.length, bodyAt + INDEX_AT);
    const flat = decodeFlat(index) as FlatIndex;
    const names = flat.files.text.split('\n');
    const heads = JSON.parse(flat.heads.text) as unknown;
    const bodiesAt = bodyAt + INDEX_AT + index.length;
    if (
      names.length !== files.length ||
      names.some((name, i) => name !== files[i]) ||
      !(flat.ends instanceof Uint32Array) ||
      flat.ends.length !== names.length ||
      bodiesAt + (flat.ends[names.length - 1] ?? 0) > bodyAt + bytes ||
      !headsFit(heads, names.length)
    )
      return null;
    return names.map((file, i) => {
      const at = i === 0 ? 0 : flat.ends[i - 1]!;
      return readBack(file, heads[i]!, { fd, at: bodiesAt + at, length: flat.ends[i]! - at });
    });
  } catch {
    return null;
  }
}
