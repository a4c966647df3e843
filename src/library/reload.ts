// The documents folder, watched: a changed, added or removed document is re-parsed and a new Library is built
// beside the old one, then swapped in with one assignment. A query holds the Library it started with, so it
// never sees a half-built index. A document that no longer parses keeps its last good version.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../document/types.js';
import { createLibrary, documentFiles, uniqueIds, type Library } from './library.js';
import { DocumentError, readDocument } from './read.js';

export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files that failed to parse; those that had a good version keep serving it. */
  errors: DocumentError[];
  warnings: string[];
}

interface Entry {
  /** What the file looked like when last read: a new mtime or size means it changed. */
  stamp: string;
  /** The last version that parsed; null when it has never parsed. */
  document: Document | null;
}

export interface ReloadLog {
  info(fields: object, message: string): void;
  error(message: string): void;
  warn(message: string): void;
  debug?(message: string): void;
}

export class LiveLibrary {
  private entries = new Map<string, Entry>();
  private library: Library = createLibrary([]);
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReloadReport> | null = null;
  private again = false;
  private readonly reloadListeners: Array<(report: ReloadReport) => void> = [];

  constructor(
    readonly dir: string,
    private readonly log?: ReloadLog,
  ) {}

  /** The library serving now. Take it once per query and use that one throughout. */
  current(): Library {
    return this.library;
  }

  /**
   * Rescans the folder: re-reads files whose size or time changed, drops removed ones, and swaps in a new
   * Library when anything changed. Calls made while one runs are folded into one more run after it.
   */
  refresh(): Promise<ReloadReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.scan().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  private async scan(): Promise<ReloadReport> {
    const report: ReloadReport = { added: [], changed: [], removed: [], errors: [], warnings: [] };
    const files = await documentFiles(this.dir).catch(() => [] as string[]);
    const next = new Map<string, Entry>();
    for (const file of files) {
      const info = await stat(join(this.dir, file)).catch(() => null);
      if (!info) continue;
      const stamp = `${info.mtimeMs}:${info.size}`;
      const previous = this.entries.get(file);
      if (previous && previous.stamp === stamp) {
        next.set(file, previous);
        continue;
      }
      (previous ? report.changed : report.added).push(file);
      try {
        const document = await readDocument(join(this.dir, file), file);
        next.set(file, { stamp, document });
        for (const w of document.warnings) report.warnings.push(`${file}:${w.line}: ${w.message}`);
      } catch (error) {
        const problem =
          error instanceof DocumentError
            ? error
            : new DocumentError(file, null, `could not be read (${(error as Error).message})`);
        report.errors.push(problem);
        next.set(file, { stamp, document: previous?.document ?? null });
      }
    }
    for (const file of this.entries.keys()) if (!next.has(file)) report.removed.push(file);
    const changed = report.added.length + report.changed.length + report.removed.length > 0;
    this.entries = next;
    if (changed || this.library.documents.length === 0) {
      // Fresh copies, so ids made unique for this build never leak into the cached documents.
      const documents = uniqueIds([...next.values()].flatMap((e) => (e.document ? [{ ...e.document }] : [])));
      this.library = createLibrary(documents);
    }
    return report;
  }

  /** Watches the folder (and subfolders); changes are picked up after `debounceMs` of quiet. */
  watch(debounceMs = 200): void {
    if (this.watcher) return;
    this.watcher = watch(this.dir, { recursive: true }, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reloadAndLog(), debounceMs);
    });
    this.watcher.on('error', (error) => this.log?.error(`watching ${this.dir} failed: ${error.message}`));
  }

  /** Called after each reload the watcher triggers (metrics count them); not for the first read. */
  onReload(listener: (report: ReloadReport) => void): void {
    this.reloadListeners.push(listener);
  }

  async reloadAndLog(): Promise<ReloadReport> {
    const report = await this.refresh();
    for (const listener of this.reloadListeners) listener(report);
    for (const error of report.errors) {
      const kept = this.entries.get(error.file)?.document
        ? 'the last good version is still served'
        : 'it is not served';
      this.log?.error(`reload: ${error.message}; ${kept}`);
    }
    for (const warning of report.warnings) this.log?.warn(warning);
    if (report.added.length || report.changed.length || report.removed.length) {
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
    return report;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = null;
  }
}

export interface LoadResult {
  library: Library;
  /** One per file that could not be served, naming the file and line. */
  errors: DocumentError[];
  /** Parse warnings, as "file:line: message". */
  warnings: string[];
}

/** Loads every document in a folder once. A bad file is reported and skipped; the others are served. */
export async function loadLibrary(dir: string): Promise<LoadResult> {
  const live = new LiveLibrary(dir);
  const { errors, warnings } = await live.refresh();
  return { library: live.current(), errors, warnings };
}
