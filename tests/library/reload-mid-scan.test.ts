// A document that arrives while a scan is running: the scan has listed the folder already, so a follow-up scan
// must read it, and that scan's report must reach the log like any other.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedParsePool } from '../../src/library/parse-pool.js';
import { LiveLibrary, type ReloadReport } from '../../src/library/reload.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

// Runs once, between the first scan's listing and its first read: the moment a watcher event lands mid-scan.
const midScan = { hook: null as null | (() => void) };
const reader = {
  read: (path: string, file: string) => {
    const hook = midScan.hook;
    midScan.hook = null;
    hook?.();
    return sharedParsePool().read(path, file);
  },
};

/** Starts a scan, writes `file` while it runs and asks for a reload then, as the watcher would. */
async function writeDuringScan(file: string, content: string | Buffer) {
  const dir = documentsFolder();
  const recorded = recordedLog();
  const live = new LiveLibrary(dir, recorded.log, { reader });
  let requestedMidScan: Promise<ReloadReport> | null = null;
  midScan.hook = () => {
    writeFileSync(join(dir, file), content);
    requestedMidScan = live.reloadAndLog();
  };
  await live.reloadAndLog();
  expect(requestedMidScan).not.toBeNull();
  const report = await requestedMidScan!;
  return { live, report, recorded };
}

describe('a document written while a scan is running', () => {
  it('is served, and the reload that found it is logged', async () => {
    const { live, report, recorded } = await writeDuringScan('schools.txt', 'SCHOOLS: Teachers got 5 new labs.\n');
    expect(report.added).toEqual(['schools.txt']);
    expect(live.current().documents.map((d) => d.id)).toEqual(['border', 'parks', 'schools']);
    expect(recorded.at('info').filter((l) => l.includes('"added":["schools.txt"]'))).toHaveLength(1);
  });

  it('when it is binary, is reported at error level rather than silently not served', async () => {
    const { live, report, recorded } = await writeDuringScan('binary.txt', Buffer.from([0x50, 0x00, 0x0a]));
    expect(report.errors.map((e) => e.message)).toEqual([
      'binary.txt:1: the file is binary (it contains NUL bytes), not text',
    ]);
    expect(recorded.at('error')).toEqual([
      'error reload: binary.txt:1: the file is binary (it contains NUL bytes), not text; it is not served',
    ]);
    expect(live.current().documents.map((d) => d.id)).toEqual(['border', 'parks']);
  });
});
