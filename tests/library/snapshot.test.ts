// The document cache (src/library/document-cache.ts), what a start reads instead of parsing: a warm start parses no
// file and answers as a cold one; a changed file alone is parsed again; an entry damaged, cut short, from another
// version or out of date with its file is never served, is parsed again and says why in one line. Parses are
// counted through the reader, never timed; the parse workers' path is checked by what the cache told the log.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/library.js';
import { entryPath, readThroughCache } from '../../src/library/document-cache.js';
import { ParsePool, type CacheUse } from '../../src/library/parse-pool.js';
import { documentFromBytes } from '../../src/library/read.js';
import { LiveLibrary } from '../../src/library/reload.js';
import { librarySaved } from '../../src/library/saved-library.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

interface Started {
  library: Library;
  parsed: string[];
  lines: string[];
}

/**
 * Waits for the start's saves, then removes the saved documents and library (saved-library.test.ts tests them): a
 * start that found them would take every document from them, and the entries of each file would go unread.
 */
async function setSavedAside(live: LiveLibrary, cacheDir: string): Promise<void> {
  await librarySaved(live.current());
  setLibraryAside(cacheDir);
}

const setLibraryAside = (cacheDir: string) => rmSync(join(cacheDir, 'library'), { recursive: true, force: true });

/**
 * Opens the folder with the cache in `cacheDir`, as a start does, parsing in this thread (counted). `alone`: no other
 * start saves into the cache meanwhile, so the saved library can be set aside at once (not while another writes it).
 */
async function start(dir: string, cacheDir: string, version = 'test-1', alone = true): Promise<Started> {
  const recorded = recordedLog();
  const parsed: string[] = [];
  const parse = (file: string, bytes: Uint8Array) => (parsed.push(file), documentFromBytes(file, bytes));
  const reader = {
    read: async (path: string, file: string, cache?: CacheUse) => {
      const { document, cached } = await readThroughCache(path, file, cache, parse);
      if (cached) cache?.told(cached, file);
      return document;
    },
  };
  const live = new LiveLibrary(dir, recorded.log, { reader, cache: { dir: cacheDir, version } });
  await live.refresh();
  if (alone) await setSavedAside(live, cacheDir);
  else await librarySaved(live.current());
  return { library: live.current(), parsed: parsed.sort(), lines: recorded.lines };
}

/** What a few lookups answer, as text: equal for a library of cached documents and one of parsed ones. */
function answers(library: Library) {
  return {
    stat: library.search.figureSentences('parks').map((hit) => hit.sentence.key),
    border: library.search.figureSentences('border wall miles').map((hit) => hit.sentence.key),
    search: library.search.statements('border').map((ref) => ref.point.text),
    sections: library.search.sections('border').map((ref) => ref.section.id),
    check: library.claims
      .everySentence()
      .find('the city opened parks')
      .map((hit) => hit.sentence.key),
    documents: library.documents.map((d) => [d.id, d.text.length]),
  };
}

function setUp() {
  const dir = documentsFolder();
  const cacheDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  return { dir, cacheDir, parksEntry: entryPath({ dir: cacheDir, version: '' }, join(dir, 'parks.txt')) };
}

const refusals = (lines: string[]) =>
  lines.filter((l) => l.includes('cached documents not used') || l.includes('documents not saved'));

describe('the document cache', () => {
  it('is written at a cold start and read at the next: no file parsed, the same answers', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    expect(cold.parsed).toEqual(['border.txt', 'parks.txt']);
    expect(cold.lines).toContainEqual(expect.stringContaining('0 read from the cache (CACHE_DIR), 2 parsed'));
    expect(refusals(cold.lines)).toEqual([]);
    const warm = await start(dir, cacheDir);
    expect(warm.parsed).toEqual([]);
    expect(warm.lines).toContainEqual(expect.stringContaining('2 read from the cache (CACHE_DIR), 0 parsed'));
    expect(answers(warm.library)).toEqual(answers(cold.library));
    expect(answers(warm.library).stat.length).toBeGreaterThan(0);
  });

  it('parses again only an edited file, serves its new text, and says the entry was out of date', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 13 parks.\n');
    const edited = await start(dir, cacheDir);
    expect(edited.parsed).toEqual(['parks.txt']);
    expect(edited.library.documents.find((d) => d.file === 'parks.txt')!.text).toContain('13 parks');
    expect(refusals(edited.lines)).toEqual([
      expect.stringContaining('cached documents not used, parsed again: it is out of date with its file (1)'),
    ]);
    // Saved again: the next start parses nothing.
    expect((await start(dir, cacheDir)).parsed).toEqual([]);
  });

  it('parses a file of the same size edited under the same name, never serving the saved text', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city shut   12 parks.\n');
    const edited = await start(dir, cacheDir);
    expect(edited.parsed).toEqual(['parks.txt']);
    expect(edited.library.documents.find((d) => d.file === 'parks.txt')!.text).toContain('shut');
  });

  it('parses an added file alone, and leaves out a removed one', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'roads.txt'), 'ROADS: The city paved 40 miles of road.\n');
    const added = await start(dir, cacheDir);
    expect(added.parsed).toEqual(['roads.txt']);
    expect(refusals(added.lines)).toEqual([]);
    rmSync(join(dir, 'parks.txt'));
    const removed = await start(dir, cacheDir);
    expect(removed.parsed).toEqual([]);
    expect(removed.library.documents.map((d) => d.file)).toEqual(['border.txt', 'roads.txt']);
  });

  it('never serves an entry with a byte changed: its checksum fails, the file is parsed again', async () => {
    const { dir, cacheDir, parksEntry } = setUp();
    await start(dir, cacheDir);
    const bytes = readFileSync(parksEntry);
    // A byte of the saved text itself: without the checksum the saved document would say "12 qarks".
    const at = bytes.lastIndexOf('opened 12 parks') + 'opened 12 '.length;
    expect(at).toBeGreaterThan(100);
    bytes[at] = 'q'.charCodeAt(0);
    writeFileSync(parksEntry, bytes);
    const after = await start(dir, cacheDir);
    expect(after.parsed).toEqual(['parks.txt']);
    expect(refusals(after.lines)).toEqual([expect.stringContaining('its checksum does not match: it is damaged (1)')]);
    expect(after.library.documents.some((d) => d.text.includes('qarks'))).toBe(false);
    expect((await start(dir, cacheDir)).parsed).toEqual([]);
  });

  it('never serves an entry cut short (a write killed half-way): the file is parsed again', async () => {
    const { dir, cacheDir, parksEntry } = setUp();
    await start(dir, cacheDir);
    const bytes = readFileSync(parksEntry);
    writeFileSync(parksEntry, bytes.subarray(0, bytes.length - 1));
    const after = await start(dir, cacheDir);
    expect(after.parsed).toEqual(['parks.txt']);
    expect(refusals(after.lines)).toEqual([expect.stringContaining('it is cut short or too long (1)')]);
    expect((await start(dir, cacheDir)).parsed).toEqual([]);
  });

  it('never serves entries saved by another version of the bot: every file is parsed again', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir, 'version-1');
    const after = await start(dir, cacheDir, 'version-2');
    expect(after.parsed).toEqual(['border.txt', 'parks.txt']);
    expect(refusals(after.lines)).toEqual([expect.stringContaining('it was saved by another version of the bot (2)')]);
    expect((await start(dir, cacheDir, 'version-2')).parsed).toEqual([]);
  });

  it('is written whole by replicas saving at once: no temporary file left, the next start reads it', async () => {
    const { dir, cacheDir } = setUp();
    const together = () => start(dir, cacheDir, 'test-1', false);
    await Promise.all([together(), together(), together()]);
    setLibraryAside(cacheDir);
    expect(readdirSync(join(cacheDir, 'documents')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const warm = await start(dir, cacheDir);
    expect(warm.parsed).toEqual([]);
    expect(refusals(warm.lines)).toEqual([]);
  });

  it('is read and written in the parse workers', async () => {
    const { dir, cacheDir } = setUp();
    const pool = new ParsePool({ size: 1 });
    const open = async () => {
      const recorded = recordedLog();
      const live = new LiveLibrary(dir, recorded.log, { reader: pool, cache: { dir: cacheDir, version: 'test-1' } });
      await live.refresh();
      await setSavedAside(live, cacheDir);
      return { lines: recorded.lines, library: live.current() };
    };
    try {
      const cold = await open();
      expect(cold.lines).toContainEqual(expect.stringContaining('0 read from the cache (CACHE_DIR), 2 parsed'));
      const warm = await open();
      expect(warm.lines).toContainEqual(expect.stringContaining('2 read from the cache (CACHE_DIR), 0 parsed'));
      expect(answers(warm.library)).toEqual(answers(cold.library));
    } finally {
      await pool.close();
    }
  });
});
