// The parse worker's entry (see parse-pool.ts): reads and parses the files it is sent, one at a time, through the
// document cache when sent one (document-cache.ts), and sends each Document back (a large one in parts, each when
// the main thread asks for it).
import { parentPort } from 'node:worker_threads';
import { serveReads } from './parse-pool.js';
import { readThroughCache } from './document-cache.js';

if (!parentPort) throw new Error('parse-worker.js runs as a worker thread of the bot, not on its own');
serveReads(parentPort, readThroughCache);
