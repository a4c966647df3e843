// A real pino logger whose JSON lines a test reads back, parsed: what the bot logs, as a log collector sees it.
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../src/log.js';

export interface LogLines {
  lines: Array<Record<string, unknown>>;
  log: Logger;
}

/** A debug-level logger that keeps each line it writes; `secrets` are masked as in the bot. */
export function logLines(secrets: string[] = []): LogLines {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('debug', stream, secrets) };
}
