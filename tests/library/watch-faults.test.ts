// The watcher failing, or missing events (a network share sends none): fs.watch is wrapped so a test can make a
// watch fail on demand or go silent, and what the bot serves must still follow the folder.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveLibrary } from '../../src/library/reload.js';
import { documentsFolder, eventually, recordedLog } from '../support/folder.js';

const watches = vi.hoisted(() => ({ silent: false, made: [] as Array<{ path: string; handle: EventEmitter }> }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const watch = (path: string, ...rest: unknown[]) => {
    const handle = watches.silent
      ? Object.assign(new EventEmitter(), { close: () => {} })
      : (real.watch as (...args: unknown[]) => EventEmitter)(path, ...rest);
    watches.made.push({ path: String(path), handle });
    return handle;
  };
  return { ...real, watch, default: { ...real, watch } };
});

const SCHOOLS = 'SCHOOLS: Teachers got 5 new labs.\n';
const live: LiveLibrary[] = [];
afterEach(() => {
  live.splice(0).forEach((l) => l.close());
  watches.silent = false;
  watches.made.length = 0;
});

function watched(dir: string, rescanMs: number) {
  const recorded = recordedLog();
  const library = new LiveLibrary(dir, recorded.log, { rescanMs });
  live.push(library);
  library.watch(20);
  const ids = () => library.current().documents.map((d) => d.id);
  const watchesOf = (path: string) => watches.made.filter((w) => w.path === path).map((w) => w.handle);
  return { recorded, ids, watchesOf };
}

describe('the watcher', () => {
  it('is re-created when a watch fails, and changes after that are served', async () => {
    const dir = documentsFolder();
    const { recorded, ids, watchesOf } = watched(dir, 0);
    await eventually('the folder is watched', () => watchesOf(dir).length === 1 && ids().length === 2);
    watchesOf(dir)[0]!.emit('error', new Error('EIO: i/o error, watch'));
    expect(recorded.at('error')).toEqual([`error watching ${dir} failed: EIO: i/o error, watch; watching it again`]);
    await eventually('the watch is re-created', () => watchesOf(dir).length === 2);
    writeFileSync(join(dir, 'schools.txt'), SCHOOLS);
    await eventually('the new document is served', () => ids().includes('schools'));
  });

  it('when no watch reports anything, the periodic rescan still serves a new document', async () => {
    watches.silent = true;
    const dir = documentsFolder();
    const { ids } = watched(dir, 50);
    await eventually('the folder is loaded', () => ids().length === 2);
    writeFileSync(join(dir, 'schools.txt'), SCHOOLS);
    await eventually('the new document is served', () => ids().includes('schools'));
  });
});
