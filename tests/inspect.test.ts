import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from './support/documents.js';
import { runScript } from './support/run.js';

describe('npm run inspect (child process)', () => {
  it('prints the model as JSON with --json', () => {
    const ran = runScript('src/inspect.ts', ['--json', SEED_PATH]);
    expect(ran.status).toBe(0);
    const model = JSON.parse(ran.stdout);
    expect(Object.keys(model)).toEqual(
      expect.arrayContaining(['title', 'date', 'source', 'epigraph', 'sections', 'figures', 'warnings']),
    );
    expect(model.epigraph.attribution).toBe('President Donald J. Trump');
    expect(model.sections.map((s: { title: string }) => s.title)).toEqual([
      'Securing Our Border',
      'Saving American Lives',
      'Reforming Our Immigration System to Put America First',
    ]);
    expect(model.sections[1].points[2].text).toContain('nearly 2,000 homicides');
    expect(model.figures).toHaveLength(9);
    expect(model.figures[5]).toMatchObject({
      text: 'nearly 2,000',
      value: 2000,
      unit: null,
      qualifier: 'nearly',
      counts: 'homicides',
      timeframe: null,
      section: 'Saving American Lives',
    });
    // The seed gives no date: inspect says so (it used to report no warning at all).
    expect(model.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^no date found/) }]);
  });

  it('prints sections, statements, figures with spans, and warnings as text', () => {
    const ran = runScript('src/inspect.ts', [SEED_PATH]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('§2 Saving American Lives');
    expect(ran.stdout).toMatch(
      /nearly 2,000 {2}\[\d+-\d+, saving-american-lives\] {2}value 2000, qualifier "nearly", counts "homicides"/,
    );
    expect(ran.stdout).toContain('Warnings:\n  border-security-and-immigration.txt:1: no date found');
  });

  it('warns when a document has no date it can read, and not when it has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const dated = join(dir, 'dated.txt');
    writeFileSync(dated, 'Parks Report\nSeptember 14, 2022\n\nPARKS: The city opened 12 parks.\n');
    const ran = runScript('src/inspect.ts', ['--json', dated]);
    expect(JSON.parse(ran.stdout)).toMatchObject({ date: 'September 14, 2022', warnings: [] });
    const odd = join(dir, 'odd.md');
    writeFileSync(odd, '---\ntitle: Parks\ndate: sometime soon\n---\nPARKS: The city opened 12 parks.\n');
    expect(runScript('src/inspect.ts', [odd]).stdout).toContain('odd.md:1: the date "sometime soon" cannot be read');
  });

  it('shows warnings with the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'Just one statement with 5 apples.\n');
    const ran = runScript('src/inspect.ts', [file]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('plain.txt:1: no headings found');
  });

  it('says in one line that a file is missing, and exits 2', () => {
    const ran = runScript('src/inspect.ts', ['no/such/file.txt']);
    expect(ran.status).toBe(2);
    expect(ran.stderr.trim().split('\n')).toEqual(['inspect: no/such/file.txt: no such file']);
  });

  it('says in one line that a file is unreadable (binary, a folder), and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const file = join(dir, 'binary.txt');
    writeFileSync(file, Buffer.from([0x48, 0x69, 0x0a, 0x00, 0x01]));
    const binary = runScript('src/inspect.ts', [file]);
    expect(binary.status).toBe(2);
    expect(binary.stderr.trim()).toBe('inspect: binary.txt:2: the file is binary (it contains NUL bytes), not text');
    const folder = runScript('src/inspect.ts', [dir]);
    expect(folder.status).toBe(2);
    expect(folder.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('explains its usage when called without a file', () => {
    const ran = runScript('src/inspect.ts', []);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('usage: npm run inspect -- FILE [--json]');
  });
});
