// The watcher when the documents folder is replaced (renamed away and another moved in, swapped through a
// symlink, deleted and recreated) or holds a link that loops: it must follow the folder now at that path, so a
// document added afterwards is served. The periodic rescan is off here, so only the watcher can notice.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/library/reload.js';
import { documentsFolder, eventually, recordedLog } from '../support/folder.js';

const SCHOOLS = 'SCHOOLS: Teachers got 5 new labs.\n';
const ROADS = 'ROADS: Crews fixed 40 bridges.\n';

const watching: LiveLibrary[] = [];
afterEach(() => watching.splice(0).forEach((live) => live.close()));

/** A LiveLibrary over `dir`, loaded and watched, with its log emptied. */
async function watched(dir = documentsFolder()) {
  const recorded = recordedLog();
  const live = new LiveLibrary(dir, recorded.log, { rescanMs: 0 });
  watching.push(live);
  await live.reloadAndLog();
  recorded.lines.length = 0;
  live.watch(20);
  return { dir, live, recorded, ids: () => live.current().documents.map((d) => d.id) };
}

describe('the watcher, when the documents folder is replaced', () => {
  it('renamed away and another folder moved in (mv seeds seeds.old; mv seeds.new seeds): it follows', async () => {
    const { dir, ids } = await watched();
    const fresh = join(dirname(dir), 'seeds.new');
    mkdirSync(fresh);
    writeFileSync(join(fresh, 'roads.txt'), ROADS);
    renameSync(dir, `${dir}.old`);
    renameSync(fresh, dir);
    await eventually('the swap is noticed', () => ids().includes('roads'));
    writeFileSync(join(dir, 'schools.txt'), SCHOOLS);
    await eventually('a document added after the swap is served', () => ids().includes('schools'));
    expect(ids()).toEqual(['roads', 'schools']);
  });

  it('swapped atomically through a symlink: documents added to the new target are served', async () => {
    const parent = dirname(documentsFolder('v1'));
    mkdirSync(join(parent, 'v2'));
    writeFileSync(join(parent, 'v2', 'roads.txt'), ROADS);
    symlinkSync('v1', join(parent, 'seeds'));
    const { ids } = await watched(join(parent, 'seeds'));
    symlinkSync('v2', join(parent, 'seeds.next'));
    renameSync(join(parent, 'seeds.next'), join(parent, 'seeds'));
    await eventually('the swap is noticed', () => ids().includes('roads'));
    writeFileSync(join(parent, 'seeds', 'schools.txt'), SCHOOLS);
    await eventually('a document added after the swap is served', () => ids().includes('schools'));
    expect(ids()).toEqual(['roads', 'schools']);
  });

  it('deleted and recreated: the refusal to serve nothing is logged, and a document added later is served', async () => {
    const { dir, ids, recorded } = await watched();
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    await eventually('the refusal is logged', () => recorded.at('error').some((l) => l.includes('reload refused')));
    expect(ids()).toEqual(['border', 'parks']);
    writeFileSync(join(dir, 'schools.txt'), SCHOOLS);
    await eventually('the new document is served', () => ids().includes('schools'));
  });
});

describe('the watcher, when the folder holds links that loop', () => {
  it('logs no error and still sees subfolders created afterwards', async () => {
    const dir = documentsFolder();
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    mkdirSync(join(dir, '2024'));
    symlinkSync('..', join(dir, '2024', 'up'));
    const { live, ids, recorded } = await watched(dir);
    for (const month of ['2025-01', '2025-02', '2025-03', '2025-04']) {
      mkdirSync(join(dir, month));
      writeFileSync(join(dir, month, `${month}-early.txt`), SCHOOLS);
      await eventually(`${month}/${month}-early.txt is served`, () => ids().includes(`${month}-early`));
      // Seen only if the new subfolder itself is watched: the first file may have come with the folder's own event.
      writeFileSync(join(dir, month, `${month}-late.txt`), SCHOOLS);
      await eventually(`${month}/${month}-late.txt is served`, () => ids().includes(`${month}-late`));
    }
    await live.reloadAndLog();
    expect(recorded.at('error')).toEqual([]);
  });
});
