// The documents folder, watched: a changed, added or removed document is re-parsed (in a worker thread, see
// parse-pool.ts; unchanged files keep their parsed Document) and a new Library is built beside the old one, in
// slices that let replies in between, then swapped in with one assignment. A query holds the Library it
// started with, so it never sees a half-built index. A document that no longer parses keeps its last good
// version; a folder that cannot be listed, or a reload that would leave nothing to serve, keeps the whole last
// good library.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Document } from '../document/types.js';
import { plural } from '../document/text.js';
import { duplicateSteps, duplicateWarning } from './duplicates.js';
import { errorCode, FolderWatcher, listDocuments, type ListedFile, type Listing } from './folder.js';
import { buildLibrary, createLibrary, uniqueIds, type Library } from './library.js';
import { botVersion } from './bot-version.js';
import { NO_ENTRY } from './cache-file.js';
import { CacheTally, type CacheOutcome } from './document-cache.js';
import { buildThroughSaved, librarySavedToo, savedPlace } from './saved-library.js';
import { sharedParsePool, type CacheUse, type DocumentReader } from './parse-pool.js';
import { DocumentError, MAX_DOCUMENT_BYTES } from './read.js';
import { documentsPlace, readSavedDocuments, saveDocuments, type HashedFile } from './saved-documents.js';
import { finishInSlices } from './steps.js';

export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files that failed to parse; those that had a good version keep serving it. */
  errors: DocumentError[];
  /** What the documents say of themselves (a heading with nothing under it): details for LOG_LEVEL=debug at start. */
  warnings: string[];
  /** Entries of the folder left out (a link out of it, a subfolder that cannot be listed): always a warning. */
  skipped?: string[];
  /** Why this reload changed nothing that is served (the folder cannot be listed, say); null when it did not fail. */
  failure: string | null;
}

interface Entry {
  /** What the file looked like when last read: a new file, mtime or size means it changed. */
  stamp: string;
  /** The last version that parsed; null when it has never parsed. */
  document: Document | null;
}

interface Run {
  /** Whether the report is logged when the run ends: some caller asked for reloadAndLog(). */
  logged: boolean;
  report: Promise<ReloadReport>;
}

export interface ReloadLog {
  info(fields: object, message: string): void;
  error(message: string): void;
  warn(message: string): void;
  debug?(message: string): void;
}

export interface LiveLibraryOptions {
  /**
   * While watching, the folder is also rescanned this often (ms), for changes no watcher event reported: a
   * network share, or events lost under load. 0 turns it off.
   */
  rescanMs?: number;
  /** Reads and parses each file; default: the process's parse workers, with their time budget. */
  reader?: DocumentReader;
  /**
   * Folders served beside `dir`, their files named "<name>/<file>": the bot's own (fetched documents). Not
   * watched: whoever writes one calls refresh() after.
   */
  alsoRead?: ReadonlyArray<{ name: string; dir: string }>;
  /** The cache folder (CACHE_DIR) of parsed documents (document-cache.ts): a file read before is not parsed again. */
  cache?: { dir: string; /** Default: the running bot's (bot-version.ts). */ version?: string };
}

/** What reading one listed file found: its entry (null when it is gone), and what the report says of it. */
interface Outcome {
  entry: Entry | null;
  kind: 'added' | 'changed' | null;
  error: DocumentError | null;
  warnings: string[];
}

/** A missed change is served within a minute; a rescan only stats the files, so this costs little. */
export const DEFAULT_RESCAN_MS = 60_000;

export class LiveLibrary {
  private entries = new Map<string, Entry>();
  private library: Library = createLibrary([]);
  private watcher: FolderWatcher | null = null;
  private debounceMs = 200;
  private timer: NodeJS.Timeout | null = null;
  private rescanTimer: NodeJS.Timeout | null = null;
  private readonly rescanMs: number;
  private readonly reader: DocumentReader;
  private readonly alsoRead: NonNullable<LiveLibraryOptions['alsoRead']>;
  private readonly cache: LiveLibraryOptions['cache'] | null;
  /** The SHA-256 of the bytes each file's document was read from, by file name: what the saved library is keyed by. */
  private readonly contentHashes = new Map<string, string>();
  /** The files a first scan read one by one, in order: their documents are saved together once built. */
  private unsavedFiles: string[] | null = null;
  /** Skipped entries already reported: one that stays is named once, not at every scan. */
  private skippedBefore = new Set<string>();
  /** The failure last logged, so one that lasts is logged once rather than at every event or rescan. */
  private failureLogged: string | null = null;
  /** Repeated documents already reported, as their warnings: one that stays is named once. */
  private duplicatesBefore = new Set<string>();
  /** The run that has not started yet: every request made meanwhile joins it. */
  private pending: Run | null = null;
  /** Settles when the last run queued so far has finished; the next run starts after it. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly reloadListeners: Array<(report: ReloadReport) => void> = [];

  constructor(
    readonly dir: string,
    private readonly log?: ReloadLog,
    options: LiveLibraryOptions = {},
  ) {
    this.rescanMs = options.rescanMs ?? DEFAULT_RESCAN_MS;
    this.cache = options.cache ?? null;
    this.reader = options.reader ?? sharedParsePool();
    this.alsoRead = options.alsoRead ?? [];
  }

  /** The library serving now. Take it once per query and use that one throughout. */
  current(): Library {
    return this.library;
  }

  /**
   * Rescans the folder: re-reads files replaced or changed in size or time, drops removed ones, and swaps in a new
   * Library when anything changed. A call made while a scan runs gets the report of the one run after it: the
   * running scan may have listed the folder before the change that prompted the call.
   */
  refresh(): Promise<ReloadReport> {
    return this.request(false);
  }

  /** As refresh(), and the run that serves this call logs its report, once however many callers share it. */
  reloadAndLog(): Promise<ReloadReport> {
    return this.request(true);
  }

  private request(logged: boolean): Promise<ReloadReport> {
    this.pending ??= this.enqueue();
    this.pending.logged ||= logged;
    return this.pending.report;
  }

  private enqueue(): Run {
    const run: Run = { logged: false, report: this.queue.then(() => this.perform(run)) };
    this.queue = run.report.catch(() => {});
    return run;
  }

  private async perform(run: Run): Promise<ReloadReport> {
    // From here on the folder may change again: later requests need a run of their own.
    if (this.pending === run) this.pending = null;
    const report = await this.scan();
    if (run.logged) this.logReport(report);
    return report;
  }

  private async scan(): Promise<ReloadReport> {
    const report: ReloadReport = { added: [], changed: [], removed: [], errors: [], warnings: [], failure: null };
    let listing;
    try {
      listing = await this.listAll();
    } catch (error) {
      report.failure = `the documents folder ${this.dir} cannot be listed (${errorCode(error)}); ${this.servingNow()}`;
      return report;
    }
    report.skipped = listing.skipped.filter((line) => !this.skippedBefore.has(line));
    this.skippedBefore = new Set(listing.skipped);
    // Before reading, so that a file written while this scan reads is reported by the watcher.
    if (this.watcher && (await this.watcher.sync(listing.folders))) this.reloadInBackground();
    const next = await this.readChanged(listing.files, report);
    this.keepUnlisted(listing.unlisted, next);
    for (const file of this.entries.keys()) if (!next.has(file)) report.removed.push(file);
    await this.commit(next, report);
    return report;
  }

  /** The folder's listing, with the files of the folders read beside it added under their names. */
  private async listAll(): Promise<Listing> {
    const listing = await listDocuments(this.dir);
    for (const { name, dir } of this.alsoRead) {
      const more = await listDocuments(dir);
      listing.files.push(...more.files.map(({ file, path }) => ({ file: `${name}/${file}`, path })));
      listing.skipped.push(...more.skipped.map((line) => `${name}/${line}`));
    }
    return listing;
  }

  /** Reads the changed files all at once (the workers take them in turn), reporting them in listing order. */
  private async readChanged(files: ListedFile[], report: ReloadReport): Promise<Map<string, Entry>> {
    const tally = new CacheTally();
    const cache = await this.cacheUse(tally);
    const saved = cache && this.entries.size === 0 ? await this.savedOutcomes(files, cache) : null;
    this.unsavedFiles = cache && this.entries.size === 0 && !saved ? files.map(({ file }) => file) : null;
    const outcomes = saved ?? (await Promise.all(files.map(({ file, path }) => this.readIfChanged(file, path, cache))));
    this.logCache(tally);
    const next = new Map<string, Entry>();
    files.forEach(({ file }, i) => {
      const { entry, kind, error, warnings } = outcomes[i]!;
      if (kind) report[kind].push(file);
      if (error) report.errors.push(error);
      report.warnings.push(...warnings);
      if (entry) next.set(file, entry);
    });
    return next;
  }

  /** The file's entry, read again only when it changed since the last scan. */
  private async readIfChanged(file: string, path: string, cache: CacheUse | undefined): Promise<Outcome> {
    const info = await stat(path).catch(() => null);
    if (!info) return { entry: null, kind: null, error: null, warnings: [] };
    const stamp = stampOf(info);
    const previous = this.entries.get(file);
    if (previous && previous.stamp === stamp) return { entry: previous, kind: null, error: null, warnings: [] };
    const kind = previous ? 'changed' : 'added';
    try {
      const document = await this.reader.read(path, file, cache);
      const warnings = document.warnings.map((w) => `${file}:${w.line}: ${w.message}`);
      return { entry: { stamp, document }, kind, error: null, warnings };
    } catch (error) {
      const refused =
        error instanceof DocumentError
          ? error
          : new DocumentError(file, null, `could not be read (${(error as Error).message})`);
      return { entry: { stamp, document: previous?.document ?? null }, kind, error: refused, warnings: [] };
    }
  }

  /**
   * A first scan with a cache folder: each file read and hashed here, and the documents taken from the saved
   * documents when they were saved from exactly these bytes (saved-documents.ts); null, each file then read as
   * usual, when any file cannot be read here or they were not saved from these bytes (saying why).
   */
  private async savedOutcomes(files: ListedFile[], cache: CacheUse): Promise<Outcome[] | null> {
    const hashed = await hashedInTurns(files);
    if (hashed.some((h) => !h)) return null;
    const named = files.map(({ file }, i): HashedFile => ({ file, contentHash: hashed[i]!.contentHash }));
    const found = await readSavedDocuments(
      documentsPlace(cache, this.dir, named),
      named.map(({ file }) => file),
    );
    if ('refused' in found) {
      if (found.refused !== NO_ENTRY) this.log?.warn(`saved documents not used, each file read: ${found.refused}`);
      return null;
    }
    for (const { file, contentHash } of named) this.contentHashes.set(file, contentHash);
    this.log?.info({ documents: files.length }, `documents: ${files.length} read from the saved documents (CACHE_DIR)`);
    return found.documents.map((document, i) => ({
      entry: { stamp: hashed[i]!.stamp, document },
      kind: 'added',
      error: null,
      warnings: document.warnings.map((w) => `${document.file}:${w.line}: ${w.message}`),
    }));
  }

  /**
   * After the first scan that read each file: the documents saved together for the next start (off the path to
   * ready, as the library is), when every file listed gave one.
   */
  private saveDocumentsSoon(library: Library, report: ReloadReport): void {
    const files = this.unsavedFiles;
    this.unsavedFiles = null;
    if (!files || !this.cache || report.errors.length > 0) return;
    const documents = files.map((file) => this.entries.get(file)?.document);
    const named = files.map((file) => ({ file, contentHash: this.contentHashes.get(file) ?? '' }));
    if (documents.some((d) => !d) || named.some((n) => !n.contentHash)) return;
    const log = this.log;
    const save = async () => {
      const version = this.cache?.version ?? (await botVersion());
      const place = documentsPlace({ dir: this.cache!.dir, version }, this.dir, named);
      const bytes = await saveDocuments(place, documents as Document[]);
      log?.info({ bytes }, `documents saved to the cache (CACHE_DIR): ${(bytes / 2 ** 20).toFixed(1)} MB`);
    };
    librarySavedToo(
      library,
      save().catch((error: Error) => log?.warn(`documents not saved to the cache (CACHE_DIR): ${error.message}`)),
    );
  }

  /** The cache to read through, its outcomes summed in `tally`; none without a cache folder. */
  private async cacheUse(tally: CacheTally): Promise<CacheUse | undefined> {
    if (!this.cache) return undefined;
    const version = this.cache.version ?? (await botVersion());
    const told = (outcome: CacheOutcome, file: string) => {
      tally.add(outcome);
      this.contentHashes.set(file, outcome.contentHash);
    };
    return { dir: this.cache.dir, version, told };
  }

  /** One line for what the cache did in a scan that read files, and one for each kind of trouble it met. */
  private logCache(tally: CacheTally): void {
    const summary = tally.summary();
    if (summary) this.log?.info({ reused: tally.reused, parsed: tally.parsed }, summary);
    for (const warning of tally.warnings()) this.log?.warn(warning);
  }

  /** What a subfolder that could not be listed held is unknown, not gone: its documents stay. */
  private keepUnlisted(unlisted: string[], next: Map<string, Entry>): void {
    if (unlisted.length === 0) return;
    for (const [file, entry] of this.entries) {
      if (!next.has(file) && unlisted.some((folder) => file.startsWith(`${folder}/`))) next.set(file, entry);
    }
  }

  /**
   * Takes the scan's entries and builds the new Library, unless it would serve nothing where documents were
   * served: a folder emptied by a swap or a half-done copy must not leave readers with no answer at all.
   */
  private async commit(next: Map<string, Entry>, report: ReloadReport): Promise<void> {
    const changed = report.added.length + report.changed.length + report.removed.length > 0;
    // Kept even when refused, so an unchanged folder is not refused (and logged) again at every scan.
    this.entries = next;
    const servable = [...next.values()].filter((e) => e.document).length;
    if (changed && servable === 0 && this.library.documents.length > 0) {
      report.failure =
        `reload refused: the documents folder ${this.dir} now holds no servable document ` +
        `(${report.removed.length} removed, ${report.errors.length} refused); ${this.servingNow()}`;
      return;
    }
    if (changed || this.library.documents.length === 0) {
      const parsed = [...next.values()].flatMap((e) => (e.document ? [e.document] : []));
      const { documents, duplicates } = await finishInSlices(duplicateSteps(parsed));
      this.reportDuplicates(duplicates.map(duplicateWarning), report);
      // uniqueIds renames into new objects: the cached documents keep the ids their files give them.
      this.library = await this.build(uniqueIds(documents));
      this.saveDocumentsSoon(this.library, report);
    }
  }

  /** The library of these documents: through the saved library when there is a cache folder (saved-library.ts). */
  private async build(documents: Document[]): Promise<Library> {
    if (!this.cache) return buildLibrary(documents);
    const key = { dir: this.cache.dir, version: this.cache.version ?? (await botVersion()) };
    const log = this.log ?? { info: () => undefined, warn: () => undefined };
    return buildThroughSaved(documents, savedPlace(key, this.dir, documents, this.contentHashes), log);
  }

  private reportDuplicates(warnings: string[], report: ReloadReport): void {
    report.warnings.push(...warnings.filter((w) => !this.duplicatesBefore.has(w)));
    this.duplicatesBefore = new Set(warnings);
  }

  private servingNow(): string {
    const count = this.library.documents.length;
    return count > 0 ? `still serving the ${plural(count, 'document')} loaded before` : 'no document is served';
  }

  /**
   * Watches the folder, its subfolders and its own name; changes are picked up after `debounceMs` of quiet, and
   * a rescan every `rescanMs` (see the constructor) catches what no event reported.
   */
  watch(debounceMs = 200): void {
    if (this.watcher) return;
    this.debounceMs = debounceMs;
    this.watcher = new FolderWatcher(this.dir, {
      changed: () => this.reloadSoon(),
      failed: (message) => this.log?.error(message),
    });
    if (this.rescanMs > 0) {
      this.rescanTimer = setInterval(() => this.reloadInBackground(), this.rescanMs);
      this.rescanTimer.unref();
    }
    // Lists the subfolders to watch, and catches what changed since the last scan.
    this.reloadInBackground();
  }

  private reloadSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.reloadInBackground(), this.debounceMs);
  }

  private reloadInBackground(): void {
    this.reloadAndLog().catch((error: Error) => this.log?.error(`reload failed: ${error.message}`));
  }

  /** Called after each reload the watcher triggers (metrics count them); not for the first read. */
  onReload(listener: (report: ReloadReport) => void): void {
    this.reloadListeners.push(listener);
  }

  private logReport(report: ReloadReport): void {
    for (const listener of this.reloadListeners) listener(report);
    this.logFailure(report.failure);
    for (const error of report.errors) {
      const kept = this.entries.get(error.file)?.document
        ? 'the last good version is still served'
        : 'it is not served';
      this.log?.error(`reload: ${error.message}; ${kept}`);
    }
    for (const warning of [...(report.skipped ?? []), ...report.warnings]) this.log?.warn(warning);
    if (!report.failure && (report.added.length || report.changed.length || report.removed.length)) {
      this.log?.info(
        {
          added: report.added,
          changed: report.changed,
          removed: report.removed,
          documents: this.library.documents.length,
        },
        'documents reloaded',
      );
    }
  }

  private logFailure(failure: string | null): void {
    if (failure && failure !== this.failureLogged) this.log?.error(failure);
    this.failureLogged = failure;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    this.timer = this.rescanTimer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}

/** What tells a later scan a file changed: the inode too, as a file replaced by a rename may keep its size and time. */
const stampOf = (info: Stats) => `${info.dev}:${info.ino}:${info.mtimeMs}:${info.size}`;

/** The buffer each file is read into to be hashed, reused: read whole, the corpus is 18.8 MB of garbage a start. */
const HASH_CHUNK = Buffer.allocUnsafe(64 * 1024);

/** The SHA-256 of the open file's bytes to its end, as cache-file.ts's sha256 of them read whole. */
function hashOfFile(fd: number): string {
  const hash = createHash('sha256');
  for (;;) {
    const read = readSync(fd, HASH_CHUNK, 0, HASH_CHUNK.length, null);
    if (read === 0) return hash.digest('hex');
    hash.update(HASH_CHUNK.subarray(0, read));
  }
}

/**
 * The file's stamp and the SHA-256 of its bytes; null when it is not a regular file of a document's size. Read
 * with blocking calls, a few files a turn (see hashedInTurns): the promise-based ones cost several times the CPU
 * of the reads themselves over 1,598 small files. Opened without blocking, so a pipe put in a file's place
 * cannot hold the thread: it is refused by its type before anything is read.
 */
function stampedHash(path: string): { stamp: string; contentHash: string } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_DOCUMENT_BYTES) return null;
    return { stamp: stampOf(info), contentHash: hashOfFile(fd) };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Files read between two turns of the event loop: a few milliseconds of a reply's wait at most. */
const FILES_PER_TURN = 32;

/** stampedHash of each file, FILES_PER_TURN at a time with the event loop let in between. */
async function hashedInTurns(files: readonly ListedFile[]): Promise<ReturnType<typeof stampedHash>[]> {
  const hashed: ReturnType<typeof stampedHash>[] = [];
  for (let i = 0; i < files.length; i += FILES_PER_TURN) {
    if (i > 0) await new Promise((turn) => setImmediate(turn));
    for (const { path } of files.slice(i, i + FILES_PER_TURN)) hashed.push(stampedHash(path));
  }
  return hashed;
}

export interface LoadResult {
  library: Library;
  /** One per file that could not be served, naming the file and line. */
  errors: DocumentError[];
  /** Parse warnings, as "file:line: message". */
  warnings: string[];
}

/**
 * Loads every document in a folder once. A bad file is reported and skipped; the others are served. Throws when
 * the folder cannot be listed.
 */
export async function loadLibrary(dir: string): Promise<LoadResult> {
  const live = new LiveLibrary(dir);
  const { errors, warnings, failure } = await live.refresh();
  if (failure) throw new Error(failure);
  return { library: live.current(), errors, warnings };
}
