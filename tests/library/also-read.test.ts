// Folders served beside the documents folder (the fetched documents the bot keeps under DATA_DIR): their files
// are served with the folder's, named under their folder's name, and picked up by the next refresh.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openLibrary } from '../../src/library/serve.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

it('serves a folder read beside SEEDS_DIR, and its new and changed files after a refresh', async () => {
  const seeds = documentsFolder();
  const fetched = join(mkdtempSync(join(tmpdir(), 'fetched-')), 'fetched');
  mkdirSync(fetched);
  writeFileSync(join(fetched, 'aircraft.md'), '# Aircraft\n\nThe order buys 40 aircraft.\n');
  const { live } = await openLibrary(seeds, recordedLog().log, 'SEEDS_DIR', {
    alsoRead: [{ name: 'fetched', dir: fetched }],
  });
  const files = () => live.current().documents.map((d) => d.file);
  expect(files()).toEqual(['border.txt', 'parks.txt', 'fetched/aircraft.md']);
  writeFileSync(join(fetched, 'schools.md'), '# Schools\n\nThe order opens 7 schools.\n');
  writeFileSync(join(fetched, 'aircraft.md'), '# Aircraft\n\nThe order buys 45 aircraft.\n');
  const report = await live.refresh();
  expect(report).toMatchObject({ added: ['fetched/schools.md'], changed: ['fetched/aircraft.md'] });
  expect(files()).toContain('fetched/schools.md');
  expect(live.current().documents.find((d) => d.id === 'aircraft')?.text).toContain('45 aircraft');
  live.close();
});
