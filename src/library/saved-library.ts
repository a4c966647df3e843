// The saved library: a built library's structures (its text indexes first) in flat form, one entry of the cache
// folder (CACHE_DIR) a documents folder, so that a start whose files are those it was built from reads them back
// instead of building them. Keyed by the bot's version and every served file's name, id and SHA-256 (what the
// parse workers hashed); an entry from another version, of other files (one changed, added or removed), cut short
// or with a byte of its index of tables changed is refused before it is read (cache-file.ts), and the library is
// built and saved again. Each table has its own SHA-256 in that index, checked when the table is first read
// (flat-file.ts): a warm start hashes the tables it reads, not those of commands not run; a table with a byte
// changed is never used (read at the start, the library is built instead; later, the command reading it fails).
import { closeSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from '../document/types.js';
import { NO_ENTRY, openEntry, sha256, writeEntry, type EntryLabel, type OpenEntry } from './cache-file.js';
import { decodeFlat, encodeFlat, flatHeadBytes } from './flat-file.js';
import { buildLibrary, flatLibrary, sentenceFinderBuilt, type FlatLibrary, type Library } from './library.js';

/** Where a folder's saved library is, and what it must have been saved with to be used. */
export interface SavedPlace {
  path: string;
  label: EntryLabel;
}

/** What reading the saved library found: its structures, or why they cannot be used. */
type SavedRead = { flat: FlatLibrary } | { refused: string };

/**
 * The saved library's place for the folder and these documents (in the order served); null when a document's
 * bytes were not hashed (read without the cache), as then nothing proves the saved one was made from them.
 */
export function savedPlace(
  cache: { dir: string; version: string },
  folder: string,
  documents: readonly Document[],
  contentHashes: ReadonlyMap<string, string>,
): SavedPlace | null {
  const lines: string[] = [];
  for (const { file, id } of documents) {
    const hash = contentHashes.get(file);
    if (!hash) return null;
    lines.push(`${file}\u0000${id}\u0000${hash}`);
  }
  const path = join(cache.dir, 'library', `${sha256(resolve(folder)).slice(0, 32)}.library`);
  return { path, label: { version: cache.version, key: sha256(lines.join('\n')) } };
}

/** Reads and checks the saved library: refused (saying why) unless saved by this version from these files. */
async function readSavedLibrary(place: SavedPlace): Promise<SavedRead> {
  const found = await openEntry(place.path, place.label, { keepChecked: true });
  if ('refused' in found) {
    const why = found.refused === 'it is out of date with its file' ? 'it is out of date with its files' : null;
    return { refused: why ?? found.refused };
  }
  try {
    const flat = decodeFlat(found.head!, {
      checked: found.checked,
      name: `the saved library ${place.path}`,
      rest: { bytes: found.bytes, readAt: tableReader(found) },
    });
    if (flat && typeof flat === 'object' && 'indexes' in flat && 'figures' in flat && 'everySentence' in flat)
      return { flat: flat as FlatLibrary };
  } catch {
    // Refused below.
  }
  closeSync(found.fd);
  return { refused: 'it does not hold a library' };
}

/**
 * Reads a table from the open entry when it is first used (its SHA-256 then checked by flat-file.ts): the tables a
 * command never reads are never read, and those it reads come in pieces; read whole (51 MB on the corpus), the
 * entry's bytes counted as V8's external memory and forced a full collection at a warm start.
 */
const tableReader =
  ({ fd, bodyAt }: OpenEntry) =>
  (from: number, length: number): Uint8Array => {
    // A buffer of its own, so that the table starts at a multiple of 8 (a typed array's view).
    const table = Buffer.allocUnsafeSlow(length);
    return table.subarray(0, readSync(fd, table, 0, length, bodyAt + from));
  };

/** Writes the library's flat form whole or not at all (cache-file.ts). */
async function saveLibrary(place: SavedPlace, flat: FlatLibrary): Promise<number> {
  const body = encodeFlat(flat, { hashed: true });
  await writeEntry(place.path, place.label, body, flatHeadBytes(body));
  return body.length;
}

/** Where the saved library's lines go. */
export interface SavedLog {
  info(fields: object, message: string): void;
  warn(message: string): void;
}

/** Settles when the library's flat form is written (or could not be): for a one-shot save (build-snapshot). */
const saves = new WeakMap<Library, Promise<void>>();

export function librarySaved(library: Library): Promise<void> {
  return saves.get(library) ?? Promise.resolve();
}

/** Adds another save made after the library was built (the saved documents): librarySaved waits for it too. */
export function librarySavedToo(library: Library, saving: Promise<void>): void {
  const before = librarySaved(library);
  saves.set(
    library,
    Promise.all([before, saving]).then(() => undefined),
  );
}

/**
 * The library of these documents: read back from the saved library when it was saved from exactly these files,
 * else built, and then saved once the caller has it (off the path to ready). One line says which, and why.
 */
export async function buildThroughSaved(
  documents: readonly Document[],
  place: SavedPlace | null,
  log: SavedLog,
): Promise<Library> {
  if (!place) return buildLibrary(documents);
  const found = await readSavedLibrary(place);
  if ('flat' in found) {
    const library = await buildLibrary(documents, found.flat).catch((error: Error) => {
      log.warn(`saved library not used, built again: it cannot be read back (${error.message})`);
      return null;
    });
    if (library) return (log.info({}, 'library: structures read from the saved library (CACHE_DIR)'), library);
  } else if (found.refused === NO_ENTRY) log.info({}, 'library: built; none saved yet in the cache (CACHE_DIR)');
  else log.warn(`saved library not used, built again: ${found.refused}`);
  const library = await buildLibrary(documents);
  saves.set(library, new Promise((done) => setImmediate(() => void save(place, library, log).then(done))));
  return library;
}

/**
 * Settles when the every-sentence matcher is built (it is saved too). Its slices after the start do not keep the
 * process alive, and a timer would not let them run (Node waits on a timer without running unreferenced
 * immediates): a referenced turn at a time does both, so a one-shot console run saves what it built.
 */
async function matcherBuilt(library: Library): Promise<void> {
  let built = false;
  void sentenceFinderBuilt(library).then(() => (built = true));
  while (!built) await new Promise((turn) => setImmediate(turn));
}

async function save(place: SavedPlace, library: Library, log: SavedLog): Promise<void> {
  try {
    await matcherBuilt(library);
    const flat = flatLibrary(library);
    if (!flat) return;
    const bytes = await saveLibrary(place, flat);
    log.info({ bytes }, `library saved to the cache (CACHE_DIR): ${(bytes / 2 ** 20).toFixed(1)} MB`);
  } catch (error) {
    log.warn(`library not saved to the cache (CACHE_DIR): ${(error as Error).message}`);
  }
}
