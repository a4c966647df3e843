// The parsed documents, kept in the cache folder (CACHE_DIR) one entry a file, so that a start, a one-shot console
// run or a new replica parses only the files that changed. Read and written in the parse workers, off the main
// thread: the worker hashes the bytes it read, takes the entry of that file when it was saved by this version of
// the bot from exactly these bytes (its checksum and length intact), and otherwise parses those same bytes and
// writes the entry again. A Document is plain data, so V8's serializer keeps it whole. An entry can never serve
// text the file does not hold: its key is the file's name and the SHA-256 of the bytes parsed.
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Document } from '../document/types.js';
import { NO_ENTRY, readEntry, sha256, writeEntry, type EntryLabel } from './cache-file.js';
import { documentFromBytes, readDocumentBytes } from './read.js';

/** Where the entries are and which version of the bot reads them: what a parse worker is sent with each file. */
export interface CacheKey {
  dir: string;
  version: string;
}

/** What the cache did for one file: its document reused, or parsed (why the entry was not used; whether saved). */
export type CacheOutcome = ({ reused: true } | { reused: false; refused: string; unsaved: string | null }) & {
  /** The SHA-256 of the bytes the document was read from: what the saved library is keyed by. */
  contentHash: string;
};

/** A document read, and what the cache did for it (null without a cache). */
export interface CachedRead {
  document: Document;
  cached: CacheOutcome | null;
}

/** The entry of a file: one a file (by its full path), written over when the file changes. */
export function entryPath(cache: CacheKey, path: string): string {
  return join(cache.dir, 'documents', `${sha256(resolve(path)).slice(0, 32)}.document`);
}

/**
 * Reads the file, through the cache when one is given: the saved document of exactly these bytes, or these
 * bytes parsed (and saved). Throws DocumentError as reading does.
 */
export async function readThroughCache(
  path: string,
  file: string,
  cache?: CacheKey,
  parse: (file: string, bytes: Uint8Array) => Document = documentFromBytes,
): Promise<CachedRead> {
  const bytes = await readDocumentBytes(path, file);
  if (!cache) return { document: parse(file, bytes), cached: null };
  const at = entryPath(cache, path);
  const contentHash = sha256(bytes);
  const label: EntryLabel = { version: cache.version, key: `${file}\u0000${contentHash}` };
  const found = await readEntry(at, label);
  const saved = 'body' in found ? savedDocument(found.body, file) : found;
  if ('document' in saved) return { document: saved.document, cached: { reused: true, contentHash } };
  const document = parse(file, bytes);
  const unsaved = await writeEntry(at, label, serialize(document)).then(
    () => null,
    (error: Error) => error.message,
  );
  return { document, cached: { reused: false, refused: saved.refused, unsaved, contentHash } };
}

/** The document in a checked body; a body that is not one (written by a bug, say) is refused. */
function savedDocument(body: Buffer, file: string): { document: Document } | { refused: string } {
  try {
    const document = deserialize(body) as Document;
    if (document?.file === file && typeof document.text === 'string') return { document };
  } catch {
    // Refused below.
  }
  return { refused: 'it does not hold a document' };
}

/** A load's outcomes, summed: how many documents were reused, and why the others were parsed. */
export class CacheTally {
  reused = 0;
  parsed = 0;
  /** Why entries were set aside (other than there being none yet), with how many files each. */
  readonly refused = new Map<string, number>();
  /** Why entries could not be saved, with how many files each. */
  readonly unsaved = new Map<string, number>();

  add(outcome: CacheOutcome): void {
    if (outcome.reused) return void this.reused++;
    this.parsed++;
    if (outcome.refused !== NO_ENTRY) this.refused.set(outcome.refused, (this.refused.get(outcome.refused) ?? 0) + 1);
    if (outcome.unsaved) this.unsaved.set(outcome.unsaved, (this.unsaved.get(outcome.unsaved) ?? 0) + 1);
  }

  /** The line a load logs: null when nothing was read. */
  summary(): string | null {
    if (this.reused + this.parsed === 0) return null;
    return `documents: ${this.reused} read from the cache (CACHE_DIR), ${this.parsed} parsed`;
  }

  /** One line for the entries set aside, one for those not saved; none when all went well. */
  warnings(): string[] {
    const list = (reasons: Map<string, number>) => [...reasons].map(([why, n]) => `${why} (${n})`).join('; ');
    return [
      ...(this.refused.size ? [`cached documents not used, parsed again: ${list(this.refused)}`] : []),
      ...(this.unsaved.size ? [`parsed documents not saved to the cache (CACHE_DIR): ${list(this.unsaved)}`] : []),
    ];
  }
}
