// The saved library (src/library/snapshot.ts): a warm start parses no file and answers as a cold one; a changed
// file alone is parsed again; a snapshot damaged, cut short, from another version or out of date with its files is
// never served, is built again and says why in one line. Parses are counted through the reader, never timed.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, libraryParts, type Library } from '../../src/library/library.js';
import { readDocument } from '../../src/library/read.js';
import { LiveLibrary } from '../../src/library/reload.js';
import { specimenOf } from '../../src/library/snapshot-graph.js';
import { LibrarySnapshot, specimenForTests } from '../../src/library/snapshot.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

interface Started {
  library: Library;
  parsed: string[];
  lines: string[];
  snapshot: LibrarySnapshot;
}

/** Opens the folder with a snapshot in `cacheDir`, as a start does, and waits until the library is saved. */
async function start(dir: string, cacheDir: string, version = 'test-1'): Promise<Started> {
  const recorded = recordedLog();
  const parsed: string[] = [];
  const reader = { read: (path: string, file: string) => (parsed.push(file), readDocument(path, file)) };
  const snapshot = new LibrarySnapshot({ cacheDir, documentsDir: dir, log: recorded.log, version });
  const live = new LiveLibrary(dir, recorded.log, { reader, cache: snapshot });
  await live.refresh();
  await snapshot.saved();
  return { library: live.current(), parsed: parsed.sort(), lines: recorded.lines, snapshot };
}

/** What a few lookups answer, as text: equal for a library read back and the same one built. */
function answers(library: Library) {
  return {
    stat: library.findFigureSentences('parks').map((hit) => hit.sentence.key),
    border: library.findFigureSentences('border wall miles').map((hit) => hit.sentence.key),
    search: library.searchStatements('border').map((ref) => ref.point.text),
    sections: library.findSections('border').map((ref) => ref.section.id),
    check: library
      .sentenceFinder()
      .find('the city opened parks')
      .map((hit) => hit.sentence.key),
    documents: library.documents.map((d) => [d.id, d.text.length]),
  };
}

function setUp() {
  const dir = documentsFolder();
  const cacheDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  return { dir, cacheDir };
}

const refusals = (lines: string[]) => lines.filter((l) => l.includes('not used') || l.includes('out of date'));

describe('a saved library', () => {
  it('is written after a cold start and read back at the next: no file parsed, the same answers', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    expect(cold.parsed).toEqual(['border.txt', 'parks.txt']);
    expect(cold.lines.some((l) => l.includes('there is none yet'))).toBe(true);
    expect(cold.lines.some((l) => l.includes('library saved for the next start'))).toBe(true);
    const warm = await start(dir, cacheDir);
    expect(warm.parsed).toEqual([]);
    expect(warm.snapshot.counts).toEqual({ reused: 2, parsed: 0 });
    expect(warm.lines.some((l) => l.includes('documents read from the saved library'))).toBe(true);
    expect(answers(warm.library)).toEqual(answers(cold.library));
    expect(answers(warm.library).stat.length).toBeGreaterThan(0);
  });

  it('parses again only an edited file, and serves its new text', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 13 parks.\n');
    const edited = await start(dir, cacheDir);
    expect(edited.parsed).toEqual(['parks.txt']);
    expect(edited.library.documents.find((d) => d.file === 'parks.txt')!.text).toContain('13 parks');
    expect(refusals(edited.lines)).toEqual([
      expect.stringContaining('saved library out of date with the documents (1 changed or added, 1 gone)'),
    ]);
    // Saved again: the next start parses nothing.
    expect((await start(dir, cacheDir)).parsed).toEqual([]);
  });

  it('parses a file of the same size edited under the same name, never serving the saved text', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city closed 12 parks.\n'.replace('closed', 'shut  '));
    const edited = await start(dir, cacheDir);
    expect(edited.parsed).toEqual(['parks.txt']);
    expect(edited.library.documents.find((d) => d.file === 'parks.txt')!.text).toContain('shut');
  });

  it('parses an added file alone, and leaves out a removed one, each time saying it is out of date', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'roads.txt'), 'ROADS: The city paved 40 miles of road.\n');
    const added = await start(dir, cacheDir);
    expect(added.parsed).toEqual(['roads.txt']);
    expect(refusals(added.lines)).toEqual([expect.stringContaining('(1 changed or added, 0 gone)')]);
    rmSync(join(dir, 'parks.txt'));
    const removed = await start(dir, cacheDir);
    expect(removed.parsed).toEqual([]);
    expect(removed.library.documents.map((d) => d.file)).toEqual(['border.txt', 'roads.txt']);
    expect(refusals(removed.lines)).toEqual([expect.stringContaining('(0 changed or added, 1 gone)')]);
  });

  it('is never served when a byte of it is changed: its checksum fails, the library is built again', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    const bytes = readFileSync(cold.snapshot.path);
    // A byte of the saved text itself: without the checksum the saved document would say "12 qarks".
    const at = bytes.lastIndexOf('opened 12 parks') + 'opened 12 '.length;
    expect(at).toBeGreaterThan(100);
    bytes[at] = 'q'.charCodeAt(0);
    writeFileSync(cold.snapshot.path, bytes);
    const after = await start(dir, cacheDir);
    expect(after.parsed).toEqual(['border.txt', 'parks.txt']);
    expect(refusals(after.lines)).toEqual([expect.stringContaining('its checksum does not match: it is damaged')]);
    expect(after.library.documents.some((d) => d.text.includes('qarks'))).toBe(false);
    expect((await start(dir, cacheDir)).parsed).toEqual([]);
  });

  it('is never served when cut short (a write killed half-way), and is built again', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    const bytes = readFileSync(cold.snapshot.path);
    writeFileSync(cold.snapshot.path, bytes.subarray(0, bytes.length - 1));
    const after = await start(dir, cacheDir);
    expect(after.parsed).toEqual(['border.txt', 'parks.txt']);
    expect(refusals(after.lines)).toEqual([expect.stringContaining('it is cut short or too long')]);
    expect((await start(dir, cacheDir)).parsed).toEqual([]);
  });

  it('is never served by another version of the bot, and is built again', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir, 'version-1');
    const after = await start(dir, cacheDir, 'version-2');
    expect(after.parsed).toEqual(['border.txt', 'parks.txt']);
    expect(refusals(after.lines)).toEqual([expect.stringContaining('it was saved by another version of the bot')]);
    expect((await start(dir, cacheDir, 'version-2')).parsed).toEqual([]);
  });

  it('is written whole by replicas saving at once: no temporary file left, the next start reads it', async () => {
    const { dir, cacheDir } = setUp();
    await Promise.all([start(dir, cacheDir), start(dir, cacheDir), start(dir, cacheDir)]);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const warm = await start(dir, cacheDir);
    expect(warm.parsed).toEqual([]);
    expect(refusals(warm.lines)).toEqual([]);
  });

  it('knows every class a library is made of from its specimen', async () => {
    const { dir } = setUp();
    const documents = await Promise.all(['border.txt', 'parks.txt'].map((f) => readDocument(join(dir, f), f)));
    const real = specimenOf(libraryParts(createLibrary(documents)));
    const known = specimenForTests();
    expect([...real.prototypes.keys()].filter((name) => !known.prototypes.has(name))).toEqual([]);
    expect([...real.memos.keys()].filter((name) => !known.memos.has(name))).toEqual([]);
  });
});
