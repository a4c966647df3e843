// The documents folder misbehaving under a running bot: renamed away, deleted and recreated empty, holding a
// subfolder that cannot be listed, links out of it or links that loop. The documents served must survive each,
// and every problem must be logged at a level an operator sees, naming what was skipped. (The watcher's side of
// the same faults is in folder-watch.test.ts.)
import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/library/reload.js';
import { openLibrary } from '../../src/library/serve.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

const SCHOOLS = 'SCHOOLS: Teachers got 5 new labs.\n';
const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** A LiveLibrary over a fresh folder, loaded, with its log emptied. */
async function loaded(dir = documentsFolder()) {
  const recorded = recordedLog();
  const live = new LiveLibrary(dir, recorded.log);
  await live.reloadAndLog();
  recorded.lines.length = 0;
  return { dir, live, recorded, ids: () => live.current().documents.map((d) => d.id) };
}

describe('the documents folder replaced or gone', () => {
  it('renamed away for a moment: the last good library keeps serving, the failure is an error, nothing is lost', async () => {
    const { dir, recorded, live, ids } = await loaded();
    renameSync(dir, `${dir}.away`);
    const report = await live.reloadAndLog();
    expect(ids()).toEqual(['border', 'parks']);
    expect(report.removed).toEqual([]);
    expect(recorded.at('error')).toEqual([
      expect.stringMatching(
        /^error the documents folder .*seeds cannot be listed \(ENOENT\); still serving the 2 documents/,
      ),
    ]);
    renameSync(`${dir}.away`, dir);
    expect((await live.reloadAndLog()).removed).toEqual([]);
    expect(ids()).toEqual(['border', 'parks']);
  });

  it('deleted and recreated empty: dropping every document is refused at error level; a new document is served', async () => {
    const { dir, recorded, live, ids } = await loaded();
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    await live.reloadAndLog();
    expect(ids()).toEqual(['border', 'parks']);
    expect(recorded.at('error')).toEqual([expect.stringMatching(/^error reload refused: .* no servable document/)]);
    writeFileSync(join(dir, 'schools.txt'), SCHOOLS);
    await live.reloadAndLog();
    expect(ids()).toEqual(['schools']);
  });
});

describe('an entry of the folder that cannot be listed', () => {
  it('a subfolder replaced by a dangling symlink is skipped with a warning naming it', async () => {
    const dir = documentsFolder();
    symlinkSync(join(dir, 'gone'), join(dir, '2024'));
    const recorded = recordedLog();
    const { live } = await openLibrary(dir, recorded.log);
    expect(live.current().documents.map((d) => d.id)).toEqual(['border', 'parks']);
    expect(recorded.at('warn')).toEqual([expect.stringMatching(/^warn 2024: skipped: .*ENOENT/)]);
  });

  it.skipIf(RUNNING_AS_ROOT)(
    'a chmod 000 subfolder is skipped with a warning naming it (skipped as root, whom chmod 000 does not stop)',
    async () => {
      const dir = documentsFolder();
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked', 'schools.txt'), SCHOOLS);
      chmodSync(join(dir, 'locked'), 0);
      try {
        const recorded = recordedLog();
        const { live } = await openLibrary(dir, recorded.log);
        expect(live.current().documents.map((d) => d.id)).toEqual(['border', 'parks']);
        expect(recorded.at('warn')).toEqual([expect.stringMatching(/^warn locked: skipped: .*EACCES/)]);
      } finally {
        chmodSync(join(dir, 'locked'), 0o755);
      }
    },
  );
});

describe('symbolic links', () => {
  it('a link out of the folder is not served, and is named in a warning', async () => {
    const dir = documentsFolder();
    const outside = join(dirname(dir), 'private');
    mkdirSync(outside);
    writeFileSync(join(outside, 'salaries.txt'), 'SALARIES: The director earns 900000 dollars.\n');
    symlinkSync('/etc/passwd', join(dir, 'accounts.txt'));
    symlinkSync(join(outside, 'salaries.txt'), join(dir, 'salaries.txt'));
    symlinkSync(outside, join(dir, 'shared'));
    const recorded = recordedLog();
    const { live } = await openLibrary(dir, recorded.log);
    expect(live.current().documents.map((d) => d.file)).toEqual(['border.txt', 'parks.txt']);
    expect(recorded.at('warn').sort()).toEqual([
      'warn accounts.txt: skipped: the link points outside the documents folder',
      'warn salaries.txt: skipped: the link points outside the documents folder',
      'warn shared: skipped: the link points outside the documents folder',
    ]);
  });

  it('a link that stays inside the folder is served', async () => {
    const dir = documentsFolder();
    mkdirSync(join(dir, '.versions'));
    writeFileSync(join(dir, '.versions', 'schools-v2.txt'), SCHOOLS);
    symlinkSync('.versions/schools-v2.txt', join(dir, 'schools.txt'));
    const { ids } = await loaded(dir);
    expect(ids()).toEqual(['border', 'parks', 'schools']);
  });

  it('link loops are skipped, each named in one warning, and the rest is served', async () => {
    const dir = documentsFolder();
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    mkdirSync(join(dir, '2024'));
    writeFileSync(join(dir, '2024', 'schools.txt'), SCHOOLS);
    symlinkSync('..', join(dir, '2024', 'up'));
    const recorded = recordedLog();
    const { live } = await openLibrary(dir, recorded.log);
    expect(live.current().documents.map((d) => d.file)).toEqual(['2024/schools.txt', 'border.txt', 'parks.txt']);
    expect(recorded.at('warn')).toEqual([
      'warn 2024/up: skipped: the link loops back to a folder that holds it',
      'warn loop.txt: skipped: the link is broken or loops (ELOOP)',
    ]);
  });
});
