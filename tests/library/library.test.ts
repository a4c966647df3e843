import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/reload.js';
import { NothingToServeError, openLibrary } from '../../src/library/serve.js';
import { badSeedsDir } from '../support/bad-seeds.js';

describe('loadLibrary with bad documents', () => {
  it('refuses each bad file with an error naming it (and the line), and serves the others', async () => {
    const { library, errors, warnings } = await loadLibrary(badSeedsDir());
    expect(errors.map((e) => e.message).sort()).toEqual([
      'binary.txt:3: the file is binary (it contains NUL bytes), not text',
      'empty.txt: the file is empty',
      'huge.txt: the file is 50.0 MB; documents may be at most 5 MB',
      'latin1.txt:3: the file is not valid UTF-8 text (save it as UTF-8)',
    ]);
    expect(library.documents.map((d) => d.file)).toEqual([
      'border-security-and-immigration.txt',
      'duplicate-headings.txt',
      'long-section.txt',
      'no-headings.txt',
    ]);
    expect(warnings).toContain('no-headings.txt:1: no headings found: the whole document is served as one section');
    expect(warnings).toContain('duplicate-headings.txt:3: duplicate heading "Jobs": its section id is jobs-2');
    const long = library.documents.find((d) => d.file === 'long-section.txt')!;
    expect(long.sections[0]!.points).toHaveLength(5000);
    expect(long.figures).toHaveLength(5001); // each statement's, and "five thousand" in the lead
  });

  it('with no servable document at all, says so rather than serving nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'none-'));
    await expect(openLibrary(empty, { error: () => {}, warn: () => {}, info: () => {} })).rejects.toThrow(
      NothingToServeError,
    );
    await expect(
      openLibrary(join(empty, 'missing'), { error: () => {}, warn: () => {}, info: () => {} }),
    ).rejects.toThrow('is not a folder');
  });

  it('keeps document ids distinct when two files share a name', async () => {
    const { library } = await loadLibrary(join(badSeedsDir()));
    expect(new Set(library.documents.map((d) => d.id)).size).toBe(library.documents.length);
  });
});
