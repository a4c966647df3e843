// A parse worker (src/library/parse-worker.ts) whose parse of a file named stuck*.txt never ends, as a parse
// caught in a runaway loop would: it keeps a core busy and never answers; one named crash*.txt ends the
// thread, as running out of memory would. Every other file goes through the real read. For the time-budget
// tests (tests/library/parse-pool.test.ts).
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { serveReads } from '../../src/library/parse-pool.js';
import { readThroughCache } from '../../src/library/document-cache.js';

serveReads(parentPort!, async (path, file, cache) => {
  if (basename(file).startsWith('stuck')) {
    for (;;) {
      // Busy, as a runaway pattern is: only ending the thread stops it.
    }
  }
  if (basename(file).startsWith('crash')) process.exit(3);
  return readThroughCache(path, file, cache);
});
