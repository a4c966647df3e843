// Documents are read and parsed in worker threads, so a document that parses slowly, or never finishes, cannot
// stall replies: the main thread only waits for a message. Each file has a time budget; a parse past it is
// refused with an error naming the file, and its worker is ended (the only way to stop code stuck in a loop)
// and replaced, while the other files are read. A Document is plain data (strings, numbers, arrays, objects),
// so it crosses by the structured clone; a large one in parts (document-parts.ts), each asked for after the
// main thread has had a turn, so that receiving it never holds replies for long.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Document } from '../document/types.js';
import type { CacheKey, CacheOutcome, CachedRead } from './document-cache.js';
import { joinPart, sharingText, splitDocument, type DocumentPart, type Received } from './document-parts.js';
import { DocumentError } from './read.js';

/** Reads one file into a Document; throws DocumentError naming the file when it cannot be served. */
export interface DocumentReader {
  /** Through the cache when one is given (a reader may ignore it), which is told what it did for the file. */
  read(path: string, file: string, cache?: CacheUse): Promise<Document>;
}

/** The cache to read a file through, and who is told what it did. */
export interface CacheUse extends CacheKey {
  /** What the cache did for the file of this name. */
  told(outcome: CacheOutcome, file: string): void;
}

/**
 * How long one file may take to parse. The largest document allowed (5 MB) parses in about 1 s on the
 * development machine; the budget no longer protects replies (the parse runs beside them), only how long a
 * reload waits and a core burns, so it leaves a slow or busy machine ten times that.
 */
export const PARSE_BUDGET_MS = 10_000;
/**
 * A worker left idle this long is ended: reloads are rare, and an idle thread holds 10-20 MB. Long enough to
 * serve the burst of events one save makes (an editor writes, renames and touches within milliseconds).
 */
const IDLE_MS = 1_000;

/** A file to read, or the next part of the document being sent. */
type Request = { id: number; path: string; file: string; cache?: CacheKey } | { id: number; next: true };

type Reply =
  | { ready: true }
  /** The document with its first part; `parts` more follow, each when asked for. */
  | { id: number; document: Document; parts: number; cached: CacheOutcome | null }
  | { id: number; part: DocumentPart }
  | { id: number; refused: { file: string; line: number | null; reason: string } }
  | { id: number; failed: string };

/** The worker's side: answers each request with the Document, or with why the file cannot be served. */
export function serveReads(
  port: MessagePort,
  read: (path: string, file: string, cache?: CacheKey) => Promise<CachedRead>,
): void {
  // The parts of the document being sent that were not asked for yet.
  let unsent: DocumentPart[] = [];
  const send = (reply: Reply): void => {
    try {
      port.postMessage(reply);
    } catch (error) {
      const id = 'id' in reply ? reply.id : 0;
      port.postMessage({ id, failed: `the parsed document could not be sent (${(error as Error).message})` });
    }
  };
  port.on('message', (request: Request) => {
    if ('next' in request) return send({ id: request.id, part: unsent.shift()! });
    void answer(request.id, () => read(request.path, request.file, request.cache)).then((reply) => {
      if ('document' in reply) {
        const { head, parts } = splitDocument(reply.document);
        // A document of one part goes as it is; a larger one with its first part, the rest when asked for.
        if (parts.length > 1)
          [reply.document, reply.parts, unsent] = [joinPart(head, parts[0]!), parts.length - 1, parts.slice(1)];
      }
      send(reply);
    });
  });
  port.postMessage({ ready: true } satisfies Reply);
}

async function answer(id: number, read: () => Promise<CachedRead>): Promise<Reply> {
  try {
    const { document, cached } = await read();
    return { id, document, parts: 0, cached };
  } catch (error) {
    return error instanceof DocumentError
      ? { id, refused: { file: error.file, line: error.line, reason: error.reason } }
      : { id, failed: (error as Error).message };
  }
}

interface Job {
  path: string;
  file: string;
  cache?: CacheUse;
  resolve(document: Document): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Its modules are loaded: the budget of a file counts from when a ready worker is given it. */
  ready: boolean;
  /** The read under way: once its document is arriving, what has arrived and how many parts are to come. */
  job: (Job & { id: number; timer: NodeJS.Timeout; arrived?: Received; parts?: number }) | null;
  idle: NodeJS.Timeout | null;
}

export interface ParsePoolOptions {
  /** Workers at most; default: one core short of the machine's (a core stays free for replies), one to two. */
  size?: number;
  budgetMs?: number;
  /** The worker's module; default: parse-worker next to this file. */
  entry?: URL;
}

export class ParsePool implements DocumentReader {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private readonly size: number;
  private readonly budgetMs: number;
  private readonly entry: URL;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
    this.budgetMs = options.budgetMs ?? PARSE_BUDGET_MS;
    this.entry = options.entry ?? workerEntry();
  }

  read(path: string, file: string, cache?: CacheUse): Promise<Document> {
    return new Promise((resolve, reject) => {
      this.queue.push({ path, file, cache, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; reads still waiting fail. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error('the parse workers were closed'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new Error('the parse workers were closed'))));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      const job = slot.ready && !slot.job ? this.queue.shift() : undefined;
      if (job) this.send(slot, job);
    }
    const starting = [...this.slots].filter((slot) => !slot.ready).length;
    for (let waiting = this.queue.length - starting; waiting > 0 && this.slots.size < this.size; waiting--) {
      this.spawn();
    }
  }

  private send(slot: Slot, job: Job): void {
    const id = ++this.nextId;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.job = { ...job, id, timer: setTimeout(() => this.overBudget(slot), this.budgetMs) };
    // Held while it works, so the process waits for the answer; let go when idle, so it can exit.
    slot.worker.ref();
    const cache = job.cache && { dir: job.cache.dir, version: job.cache.version };
    slot.worker.postMessage({ id, path: job.path, file: job.file, cache } satisfies Request);
  }

  private spawn(): void {
    const slot: Slot = { worker: startWorker(this.entry), ready: false, job: null, idle: null };
    this.slots.add(slot);
    slot.worker.on('message', (reply: Reply) => this.received(slot, reply));
    slot.worker.on('error', (error) => this.failed(slot, error));
    slot.worker.on('exit', (code) => this.failed(slot, new Error(`exited with code ${code}`)));
  }

  private received(slot: Slot, reply: Reply): void {
    if ('ready' in reply) slot.ready = true;
    else if (slot.job?.id === reply.id && !this.arriving(slot, reply)) {
      const job = slot.job;
      clearTimeout(job.timer);
      slot.job = null;
      if ('document' in reply) job.resolve(sharingText(reply.document));
      else if ('part' in reply) job.resolve(sharingText(joinPart(job.arrived!, reply.part)));
      else if ('refused' in reply)
        job.reject(new DocumentError(reply.refused.file, reply.refused.line, reply.refused.reason));
      else job.reject(new Error(reply.failed));
    }
    this.dispatch();
    if (slot.ready && !slot.job && this.slots.has(slot)) this.idle(slot);
  }

  /**
   * Keeps a part of a document that has more to come, and asks for the next one after a turn of the event loop
   * (timers and I/O run before it arrives); false for a whole answer.
   */
  private arriving(slot: Slot, reply: Reply): boolean {
    const job = slot.job!;
    if ('document' in reply && reply.cached) job.cache?.told(reply.cached, job.file);
    // A structured clone: fresh objects, ours to fill as the parts arrive.
    if ('document' in reply && reply.parts > 0) [job.arrived, job.parts] = [reply.document as Received, reply.parts];
    else if ('part' in reply && job.parts! > 1)
      [job.arrived, job.parts] = [joinPart(job.arrived!, reply.part), job.parts! - 1];
    else return false;
    setImmediate(() => {
      if (slot.job === job) slot.worker.postMessage({ id: job.id, next: true } satisfies Request);
    });
    return true;
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.idle ??= setTimeout(() => void this.retire(slot, null), IDLE_MS).unref();
  }

  private overBudget(slot: Slot): void {
    const file = slot.job?.file ?? 'a file';
    void this.retire(
      slot,
      new DocumentError(file, null, `took longer than ${this.budgetMs / 1000} s to read; refused`),
    );
    this.dispatch();
  }

  /** A worker that crashed, or could not start: a worker that never started fails every read waiting too. */
  private failed(slot: Slot, error: Error): void {
    if (!this.slots.has(slot)) return;
    const waiting = slot.ready ? [] : this.queue.splice(0);
    void this.retire(slot, new Error(`the parse worker failed: ${error.message}`));
    for (const job of waiting) job.reject(new Error(`the parse worker could not start: ${error.message}`));
    this.dispatch();
  }

  /** Ends the worker; its read, if any, fails with `error`. */
  private async retire(slot: Slot, error: Error | null): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.idle) clearTimeout(slot.idle);
    if (slot.job) {
      clearTimeout(slot.job.timer);
      slot.job.reject(error ?? new Error('the parse worker was ended'));
      slot.job = null;
    }
    await slot.worker.terminate();
  }
}

/** parse-worker.js in the built tree, parse-worker.ts when run from source. */
function workerEntry(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
}

/**
 * Run from source (tests, npm run dev), the worker must compile TypeScript too. On Node 20 a worker's entry is
 * loaded before `--import` hooks given in its execArgv apply, so tsx is registered inside the worker first.
 */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // tsx's ES module API; require.resolve finds its CommonJS twin, which sits beside it.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true });
}

let shared: ParsePool | null = null;

/** The pool every LiveLibrary reads through unless given its own: one set of workers for the process. */
export function sharedParsePool(): ParsePool {
  return (shared ??= new ParsePool());
}
