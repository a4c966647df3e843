// npm run build-snapshot: reads the documents folder (SEEDS_DIR, or the folder given) with the compiled bot, so that
// CACHE_DIR holds every document parsed and the built library saved (saved-library.ts), ahead of time: a container
// image built with it starts without parsing or building.
// Needs dist/ (npm run build). Exits 1, saying why, when nothing could be served or a document could not be saved.
import process from 'node:process';
import { URL } from 'node:url';

const dist = new URL('../dist/src/', import.meta.url);
const { cacheDirFrom } = await import(new URL('config.js', dist).href);
const { cachedIn, openLibrary, NothingToServeError } = await import(new URL('library/serve.js', dist).href);
const { librarySaved } = await import(new URL('library/saved-library.js', dist).href);

const seedsDir = process.argv[2] ?? (process.env.SEEDS_DIR?.trim() || 'seeds');
const cacheDir = cacheDirFrom(process.env);
if (cacheDir === null) {
  process.stderr.write('build-snapshot: CACHE_DIR is off: there is nowhere to save the documents\n');
  process.exit(1);
}
let failed = false;
const log = {
  info: (_fields, message) => process.stderr.write(`${message}\n`),
  warn: (message) => ((failed ||= message.includes('not saved')), process.stderr.write(`${message}\n`)),
  error: (message) => process.stderr.write(`${message}\n`),
};
try {
  const { live } = await openLibrary(seedsDir, log, 'SEEDS_DIR', cachedIn(cacheDir));
  await librarySaved(live.current());
  live.close();
  process.stdout.write(`${cacheDir}\n`);
} catch (error) {
  if (!(error instanceof NothingToServeError)) throw error;
  process.stderr.write(`build-snapshot: ${error.message}\n`);
  failed = true;
}
process.exit(failed ? 1 : 0);
