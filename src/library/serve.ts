// Loading the documents to serve at start: bad files are reported and skipped; none at all is fatal.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadLibrary, type Library } from './library.js';

export class NothingToServeError extends Error {}

export interface Report {
  error(message: string): void;
  warn(message: string): void;
}

export async function loadServedLibrary(seedsDir: string, report: Report): Promise<Library> {
  const dir = resolve(seedsDir);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new NothingToServeError(`SEEDS_DIR ${seedsDir} is not a folder: there are no documents to serve`);
  const { library, errors, warnings } = await loadLibrary(dir);
  for (const error of errors) report.error(`not served: ${error.message}`);
  for (const warning of warnings) report.warn(warning);
  if (library.documents.length === 0) {
    throw new NothingToServeError(`no servable document in ${seedsDir} (${errors.length} refused): add a .txt or .md fact sheet, or fix the errors above`);
  }
  return library;
}
