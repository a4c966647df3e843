// Opening the documents to serve at start: bad files are reported and skipped; none at all is fatal. What
// was opened is summed up in one line; the details per file are for LOG_LEVEL=debug.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Library } from './library.js';
import { LiveLibrary, type LiveLibraryOptions, type ReloadLog, type ReloadReport } from './reload.js';

export class NothingToServeError extends Error {}

export interface OpenedLibrary {
  live: LiveLibrary;
  /** What the first read of the folder found: the files refused and the parse warnings. */
  report: ReloadReport;
}

/**
 * Refused files are logged as errors; parse warnings only at debug level (the summary counts them). `setting`
 * names where the folder was given (SEEDS_DIR, or the console's --seeds), so an error points at what the person
 * actually typed.
 */
/** The options that keep parsed documents in CACHE_DIR; none when it is off (null). */
export function cachedIn(cacheDir: string | null): LiveLibraryOptions {
  return cacheDir === null ? {} : { cache: { dir: cacheDir } };
}

export async function openLibrary(
  seedsDir: string,
  log: ReloadLog,
  setting = 'SEEDS_DIR',
  options: LiveLibraryOptions = {},
): Promise<OpenedLibrary> {
  const dir = resolve(seedsDir);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new NothingToServeError(`${setting} ${seedsDir} is not a folder: there are no documents to serve`);
  const live = new LiveLibrary(dir, log, options);
  const report = await live.refresh();
  if (report.failure) throw new NothingToServeError(report.failure);
  for (const error of report.errors) log.error(`not served: ${error.message}`);
  for (const skipped of report.skipped ?? []) log.warn(skipped);
  for (const warning of report.warnings) log.debug?.(warning);
  if (live.current().documents.length === 0) {
    throw new NothingToServeError(
      `no servable document in ${seedsDir} (${report.errors.length} refused): add a .txt or .md fact sheet, or fix the errors above`,
    );
  }
  return { live, report };
}

/** The start-up line: how much is served, and how much an operator may want to look at. */
export function servedSummary(library: Library, report: ReloadReport) {
  return {
    documents: library.documents.length,
    sections: library.parts().sections.length,
    statements: library.parts().statements.length,
    figures: library.parts().figures.length,
    warnings: report.warnings.length,
    refused: report.errors.length,
  };
}

/** One entry per document, for the debug lines that follow the summary. */
export function servedDocuments(library: Library) {
  return library.documents.map((document) => ({
    file: document.file,
    title: document.title,
    sections: document.sections.length,
    statements: library.parts(document.id).statements.length,
    figures: document.figures.length,
    warnings: document.warnings.length,
  }));
}
