// Helpers for tests of the watched documents folder: a log that records every line, a small folder of
// documents, and waiting for an outcome with a deadline instead of a fixed sleep.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PATH } from './documents.js';

export interface RecordedLog {
  /** "level message", with an info line's fields appended as JSON. */
  lines: string[];
  log: {
    info(fields: object, message: string): void;
    error(message: string): void;
    warn(message: string): void;
  };
  at(level: 'info' | 'warn' | 'error'): string[];
}

export function recordedLog(): RecordedLog {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (fields, message) => lines.push(`info ${message} ${JSON.stringify(fields)}`),
      error: (message) => lines.push(`error ${message}`),
      warn: (message) => lines.push(`warn ${message}`),
    },
    at: (level) => lines.filter((l) => l.startsWith(`${level} `)),
  };
}

/** A fresh folder `name` (in a new temporary folder) holding the seed as border.txt and a one-line parks.txt. */
export function documentsFolder(name = 'seeds'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'folder-')), name);
  mkdirSync(dir);
  copyFileSync(SEED_PATH, join(dir, 'border.txt'));
  writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
  return dir;
}

/**
 * Resolves once `check` returns true, trying every `intervalMs`; fails naming `what` after `deadlineMs`. Polls,
 * so no test depends on how fast a change is noticed.
 */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  deadlineMs = 10_000,
  intervalMs = 25,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
