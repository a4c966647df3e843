import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stat } from '../../commands/stat.js';
import { LiveLibrary } from '../../src/library/reload.js';
import { SEED_PATH } from '../support/documents.js';
import { context } from '../support/library.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reload-'));
  copyFileSync(SEED_PATH, join(dir, 'border.txt'));
  writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
  return dir;
}

/** Rewrites a file so its modification time surely differs from the last read. */
function rewrite(path: string, text: string | Buffer): void {
  writeFileSync(path, text);
  const later = new Date(Date.now() + 5000);
  utimesSync(path, later, later);
}

const logs = () => {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (_f: object, m: string) => lines.push(`info ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
    },
  };
};

describe('LiveLibrary', () => {
  it('a good edit is re-parsed and swapped in; a query holding the old library is unaffected', async () => {
    const dir = folder();
    const live = new LiveLibrary(dir);
    await live.refresh();
    const before = live.current();
    expect(before.documents.map((d) => d.id)).toEqual(['border', 'parks']);
    rewrite(join(dir, 'parks.txt'), 'PARKS: The city opened 15 parks and 3 pools.\n');
    const report = await live.refresh();
    expect(report.changed).toEqual(['parks.txt']);
    const after = live.current();
    expect(after).not.toBe(before);
    expect(after.parts().figures.map((f) => f.figure.text)).toContain('15');
    // The library a query started with is whole and unchanged: no half-built index.
    expect(before.parts().figures.map((f) => f.figure.text)).toContain('12');
    expect(before.search.figureSentences('parks')[0]!.bold[0]!.figure.text).toBe('12');
    expect(after.search.figureSentences('parks')[0]!.bold[0]!.figure.text).toBe('15');
  });

  it('a bad edit keeps the last good version and reports the file and line', async () => {
    const dir = folder();
    const { lines, log } = logs();
    const live = new LiveLibrary(dir, log);
    await live.reloadAndLog();
    rewrite(
      join(dir, 'parks.txt'),
      Buffer.concat([Buffer.from('PARKS: fine\nstill fine\nbad byte '), Buffer.from([0xff]), Buffer.from('\n')]),
    );
    const report = await live.reloadAndLog();
    expect(report.errors.map((e) => e.message)).toEqual([
      'parks.txt:3: the file is not valid UTF-8 text (save it as UTF-8)',
    ]);
    expect(lines).toContain(
      'error reload: parks.txt:3: the file is not valid UTF-8 text (save it as UTF-8); the last good version is still served',
    );
    expect(live.current().search.figureSentences('parks')[0]!.bold[0]!.figure.text).toBe('12');
  });

  // Issue 22: a file of 979 repeated headings wrote 979 warnings at every reload.
  it('logs repeated headings as one line that counts them, at each reload of the file', async () => {
    const dir = folder();
    const big = join(dir, 'big.md');
    const repeated = (times: number) => '## Jobs\n\nWe added 5 jobs.\n\n'.repeat(times);
    writeFileSync(big, repeated(980));
    const { lines, log } = logs();
    const live = new LiveLibrary(dir, log);
    await live.reloadAndLog();
    rewrite(big, `${repeated(980)}## Roads\n\nWe fixed 3 roads.\n`);
    await live.reloadAndLog();
    const warnings = lines.filter((line) => line.startsWith('warn '));
    const counted = 'warn big.md:5: 979 duplicate headings, the first "Jobs" (jobs-2): their section ids are numbered';
    expect(warnings).toEqual([counted, counted]);
    expect(live.current().lookup.document('big')!.sections).toHaveLength(981);
  });

  it('a removed document disappears; an added one is served', async () => {
    const dir = folder();
    const live = new LiveLibrary(dir);
    await live.refresh();
    rmSync(join(dir, 'parks.txt'));
    writeFileSync(join(dir, 'roads.md'), '# Roads\n\n## Repairs\n\n- Crews fixed 40 bridges.\n');
    const report = await live.refresh();
    expect(report.removed).toEqual(['parks.txt']);
    expect(report.added).toEqual(['roads.md']);
    expect(live.current().documents.map((d) => d.id)).toEqual(['border', 'roads']);
    const reply = stat.run(live.current(), { query: 'bridges' }, context());
    expect(reply.embeds![0]!.description).toContain('**40**');
  });

  it('keeps ids stable across reloads', async () => {
    const dir = folder();
    const live = new LiveLibrary(dir);
    await live.refresh();
    const ids = live
      .current()
      .parts()
      .figures.map((f) => `${f.document.id}/${f.figure.id}`);
    rewrite(join(dir, 'parks.txt'), readFileSync(join(dir, 'parks.txt')));
    await live.refresh();
    expect(
      live
        .current()
        .parts()
        .figures.map((f) => `${f.document.id}/${f.figure.id}`),
    ).toEqual(ids);
  });

  it('watches the folder and reloads by itself', async () => {
    const dir = folder();
    const live = new LiveLibrary(dir);
    await live.refresh();
    live.watch(50);
    try {
      writeFileSync(join(dir, 'schools.txt'), 'SCHOOLS: Teachers got 5 new labs.\n');
      const deadline = Date.now() + 5000;
      while (!live.current().documents.some((d) => d.id === 'schools') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      expect(live.current().documents.map((d) => d.id)).toContain('schools');
    } finally {
      live.close();
    }
  });
});
