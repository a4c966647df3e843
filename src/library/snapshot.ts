// A saved library: after a load, the parsed documents and the built library (indexes and /check's matcher
// included) are written to one file in the cache folder, so that the next start, a one-shot console answer or a
// new replica reads it instead of parsing and indexing. Each document is used only when its file still holds
// exactly its text (the SHA-256 of the file is that of the text), so a snapshot can never serve text the files do
// not hold; changed files alone are parsed again, and the library is taken whole only when every document in it
// is one of the snapshot's own. A missing, damaged, cut short or other-version file is set aside with one line.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocument } from '../document/parse.js';
import type { Document } from '../document/types.js';
import { createLibrary, libraryFromParts, libraryParts, sentenceFinderBuilt, type Library } from './library.js';
import type { LibraryParts } from './library.js';
import type { DocumentReader } from './parse-pool.js';
import { MAX_DOCUMENT_BYTES } from './read.js';
import type { LibraryCache } from './reload.js';
import { decodeGraph, encodeGraph, specimenOf, type Specimen } from './snapshot-graph.js';
import { readSnapshot, writeSnapshot } from './snapshot-file.js';
import { botVersion } from './snapshot-version.js';

export interface SnapshotLog {
  info(fields: object, message: string): void;
  warn(message: string): void;
}

export interface SnapshotOptions {
  /** The cache folder (CACHE_DIR); one snapshot in it per documents folder. */
  cacheDir: string;
  documentsDir: string;
  log: SnapshotLog;
  /** The bot's version; by default the package's and a hash of the running code (snapshot-version.ts). */
  version?: string;
}

interface SavedFile {
  hash: string;
  document: Document;
}

/** What the file holds. */
interface Saved {
  /** Each served document as parsed, by file, with the SHA-256 of its text. */
  files: Array<[file: string, saved: SavedFile]>;
  /** The documents the library was built from, in order: each file's document, repeats aside. */
  sources: Document[];
  library: LibraryParts;
}

/** The SHA-256 of a file's bytes, a leading byte-order mark aside: equal to that of the text decoded from it. */
function contentHash(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return createHash('sha256')
    .update(bom ? bytes.subarray(3) : bytes)
    .digest('hex');
}

const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The snapshot file of a documents folder: named by the folder's full path, so two folders never share one. */
export function snapshotPath(cacheDir: string, documentsDir: string): string {
  return join(cacheDir, `library-${textHash(resolve(documentsDir)).slice(0, 16)}.snapshot`);
}

export class LibrarySnapshot implements LibraryCache {
  readonly path: string;
  /** Files whose content was read from the snapshot, and files parsed, since this process started. */
  readonly counts = { reused: 0, parsed: 0 };
  private loaded: Promise<Saved | null> | null = null;
  private byFile = new Map<string, SavedFile>();
  private firstBuild = true;
  private latest: Library | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly options: SnapshotOptions) {
    this.path = snapshotPath(options.cacheDir, options.documentsDir);
  }

  reader(parse: DocumentReader): DocumentReader {
    return {
      read: async (path, file) => {
        const saved = await this.savedDocument(path, file);
        if (saved) return (this.counts.reused++, saved);
        this.counts.parsed++;
        return parse.read(path, file);
      },
    };
  }

  async library(documents: Document[], build: (documents: Document[]) => Promise<Library>): Promise<Library> {
    const saved = await this.load();
    const first = this.firstBuild;
    this.firstBuild = false;
    if (saved && sameDocuments(documents, saved.sources)) {
      this.options.log.info({ path: this.path, documents: documents.length }, 'documents read from the saved library');
      return (this.latest = libraryFromParts(saved.library));
    }
    if (first && saved) this.logOutOfDate(documents, saved.sources);
    const library = (this.latest = await build(documents));
    this.writes = this.writes.then(() => this.save(documents, library));
    return library;
  }

  /** Settles when the libraries built so far are saved (or could not be, which is logged). */
  saved(): Promise<void> {
    return this.writes;
  }

  /** The saved document of the file when the file holds exactly its text now; null otherwise. */
  private async savedDocument(path: string, file: string): Promise<Document | null> {
    const saved = (await this.load()) && this.byFile.get(file);
    if (!saved) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.size > MAX_DOCUMENT_BYTES) return null;
    const bytes = await readFile(path).catch(() => null);
    return bytes && contentHash(bytes) === saved.hash ? saved.document : null;
  }

  private load(): Promise<Saved | null> {
    return (this.loaded ??= this.read());
  }

  private async read(): Promise<Saved | null> {
    const setAside = (why: string) => `saved library ${this.path} not used: ${why}; parsing and indexing the documents`;
    const found = await readSnapshot(this.path, await this.version());
    if ('refused' in found) {
      if (found.refused === 'there is none yet') this.options.log.info({}, setAside(found.refused));
      else this.options.log.warn(setAside(found.refused));
      return null;
    }
    try {
      const saved = decodeGraph(found.body, specimen()) as Saved;
      this.byFile = new Map(saved.files);
      if (!Array.isArray(saved.sources) || !saved.library) throw new Error('it holds no library');
      return saved;
    } catch (error) {
      this.options.log.warn(setAside(`it cannot be read (${(error as Error).message})`));
      return null;
    }
  }

  private logOutOfDate(documents: Document[], sources: Document[]): void {
    const now = new Set(documents);
    const before = new Set(sources);
    const fresh = documents.filter((d) => !before.has(d)).length;
    const gone = sources.filter((d) => !now.has(d)).length;
    this.options.log.info(
      { path: this.path, changedOrAdded: fresh, removed: gone },
      `saved library out of date with the documents (${fresh} changed or added, ${gone} gone): indexing again`,
    );
  }

  /** Writes the library once its every-sentence matcher is built, unless a newer build came meanwhile. */
  private async save(sources: Document[], library: Library): Promise<void> {
    // The matcher is built in slices that do not keep the process alive; a one-shot console waits for this.
    const keepAlive = setInterval(() => {}, 60_000);
    try {
      await sentenceFinderBuilt(library);
      const parts = library === this.latest ? libraryParts(library) : null;
      if (!parts) return;
      const files = sources.map((d): [string, SavedFile] => [d.file, { hash: textHash(d.text), document: d }]);
      const started = performance.now();
      const body = encodeGraph({ files, sources, library: parts } satisfies Saved);
      await writeSnapshot(this.path, await this.version(), body);
      const ms = Math.round(performance.now() - started);
      this.options.log.info({ path: this.path, bytes: body.length, ms }, 'library saved for the next start');
    } catch (error) {
      this.options.log.warn(`could not save the library to ${this.path}: ${(error as Error).message}`);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private version(): Promise<string> {
    return this.options.version !== undefined ? Promise.resolve(this.options.version) : botVersion();
  }
}

/** Whether the documents are exactly the saved ones, the same objects in the same order. */
function sameDocuments(documents: Document[], sources: Document[]): boolean {
  return documents.length === sources.length && documents.every((d, i) => d === sources[i]);
}

/** Lines that hold every kind of part a library builds: sections, a lead, a list under a lead-in, figures. */
const SPECIMEN_TEXT = `Specimen

SAVING LIVES: Crossings fell 95% last year.
- Agents seized 4,000 pounds of drugs:
  - 1,200 miles of wall were built since May.

OTHER NEWS
$1.4 billion was returned to taxpayers.
`;

let specimenClasses: Specimen | null = null;

/** The classes a library is made of, from one built from a few lines. */
function specimen(): Specimen {
  if (!specimenClasses) {
    const library = createLibrary([parseDocument(SPECIMEN_TEXT, { file: 'specimen.txt' })]);
    specimenClasses = specimenOf(libraryParts(library));
  }
  return specimenClasses;
}

/** The specimen's classes, for the test that checks they cover a real library's. */
export const specimenForTests = specimen;
