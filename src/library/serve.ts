// Opening the documents to serve at start: bad files are reported and skipped; none at all is fatal.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LiveLibrary, type ReloadLog } from './reload.js';

export class NothingToServeError extends Error {}

/**
 * `setting` names where the folder was given (SEEDS_DIR, or the console's --seeds), so an error points at what
 * the person actually typed.
 */
export async function openLibrary(seedsDir: string, log: ReloadLog, setting = 'SEEDS_DIR'): Promise<LiveLibrary> {
  const dir = resolve(seedsDir);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new NothingToServeError(`${setting} ${seedsDir} is not a folder: there are no documents to serve`);
  const live = new LiveLibrary(dir, log);
  const report = await live.refresh();
  if (report.failure) throw new NothingToServeError(report.failure);
  for (const error of report.errors) log.error(`not served: ${error.message}`);
  for (const warning of report.warnings) log.warn(warning);
  if (live.current().documents.length === 0) {
    throw new NothingToServeError(
      `no servable document in ${seedsDir} (${report.errors.length} refused): add a .txt or .md fact sheet, or fix the errors above`,
    );
  }
  return live;
}
