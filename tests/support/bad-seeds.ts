// A documents folder holding every kind of bad document next to good ones.
import { copyFileSync, mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PATH } from './documents.js';

export function badSeedsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-seeds-'));
  copyFileSync(SEED_PATH, join(dir, 'border-security-and-immigration.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.concat([Buffer.from('SCHOOLS: Fine so far.\n\nThen caf'), Buffer.from([0xe9]), Buffer.from(' closed.\n')]),
  );
  // 50 MB, sparse: refused by its size before it is read.
  const huge = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(huge, 50 * 1024 * 1024);
  closeSync(huge);
  writeFileSync(join(dir, 'no-headings.txt'), 'The agency published its report.\nIt lists 35 programs.\n');
  writeFileSync(
    join(dir, 'duplicate-headings.txt'),
    'JOBS: Hiring rose by 4 percent.\n\nJOBS: Wages rose by 3 percent.\n',
  );
  const statements = Array.from(
    { length: 5000 },
    (_, i) => `Statement ${i + 1} reports ${(i + 100).toLocaleString('en-US')} new jobs in the county.`,
  );
  writeFileSync(
    join(dir, 'long-section.txt'),
    `LONG SECTION: It has five thousand statements.\n\n${statements.join('\n')}\n`,
  );
  writeFileSync(join(dir, 'notes.json'), '{"not": "a document"}');
  return dir;
}
