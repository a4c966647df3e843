// A subfolder whose listing fails (a failing disk or network share; chmod 000 for anyone but root): the rest of
// the folder is still served, and the subfolder is named in a warning. The failure is injected into readdir so
// the test behaves the same when it runs as root, whom permissions do not stop.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LiveLibrary } from '../../src/library/reload.js';
import { openLibrary } from '../../src/library/serve.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

const failing = vi.hoisted(() => ({ folders: new Set<string>() }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = (path: string, ...rest: unknown[]) => {
    if (failing.folders.has(String(path)))
      return Promise.reject(Object.assign(new Error(`EIO: i/o error, scandir '${path}'`), { code: 'EIO' }));
    return (real.readdir as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  };
  return { ...real, readdir, default: { ...real, readdir } };
});

/** The folder of documentsFolder() plus 2024/schools.txt. */
function withSubfolder(): string {
  const dir = documentsFolder();
  mkdirSync(join(dir, '2024'));
  writeFileSync(join(dir, '2024', 'schools.txt'), 'SCHOOLS: Teachers got 5 new labs.\n');
  return dir;
}

describe('a subfolder that cannot be listed', () => {
  it('at start-up: the rest is served and the subfolder is named in a warning', async () => {
    const dir = withSubfolder();
    failing.folders.add(join(dir, '2024'));
    const recorded = recordedLog();
    const { live } = await openLibrary(dir, recorded.log);
    expect(live.current().documents.map((d) => d.id)).toEqual(['border', 'parks']);
    expect(recorded.at('warn')).toEqual(['warn 2024: skipped: the folder cannot be listed (EIO)']);
  });

  it('while serving: its documents are kept, the warning is logged once, and they return when it heals', async () => {
    const dir = withSubfolder();
    const recorded = recordedLog();
    const live = new LiveLibrary(dir, recorded.log);
    await live.reloadAndLog();
    const ids = () => live.current().documents.map((d) => d.id);
    expect(ids()).toEqual(['schools', 'border', 'parks']);
    recorded.lines.length = 0;
    failing.folders.add(join(dir, '2024'));
    expect((await live.reloadAndLog()).removed).toEqual([]);
    await live.reloadAndLog();
    expect(ids()).toEqual(['schools', 'border', 'parks']);
    expect(recorded.lines).toEqual(['warn 2024: skipped: the folder cannot be listed (EIO)']);
    failing.folders.delete(join(dir, '2024'));
    expect((await live.reloadAndLog()).removed).toEqual([]);
    expect(ids()).toEqual(['schools', 'border', 'parks']);
  });
});

describe('a documents folder that cannot be listed at start-up', () => {
  it('refuses to start naming the listing error, not as a folder with no document', async () => {
    const dir = documentsFolder();
    failing.folders.add(dir);
    await expect(openLibrary(dir, recordedLog().log)).rejects.toThrow(
      `the documents folder ${dir} cannot be listed (EIO); no document is served`,
    );
  });
});
