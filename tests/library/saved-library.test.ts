// The saved library (src/library/saved-library.ts): a start whose files are those the library was saved from
// reads its built structures back and answers as a start that built them; one saved from other files (a file
// edited, added or removed), by another version, cut short or with a byte changed is never used: the library is
// built again, one line says why, and it is saved again for the next start.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { readThroughCache } from '../../src/library/document-cache.js';
import { decodeFlat, encodeFlat, Joined } from '../../src/library/flat-file.js';
import type { Library } from '../../src/library/library.js';
import type { CacheUse } from '../../src/library/parse-pool.js';
import { LiveLibrary } from '../../src/library/reload.js';
import { librarySaved, savedPlace } from '../../src/library/saved-library.js';
import { openEntry, readEntry, writeEntry } from '../../src/library/cache-file.js';
import { documentsFolder, recordedLog } from '../support/folder.js';

/** Documents' bodies made from their saved bytes (V8 records read) in this thread. */
const deserialised = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof import('node:v8')>();
  const deserialize = (bytes: Uint8Array) => (deserialised.count++, v8.deserialize(bytes) as unknown);
  return { ...v8, default: { ...v8, deserialize }, deserialize };
});

interface Started {
  library: Library;
  lines: string[];
  /** Files read one by one (through a parse worker, in the bot), rather than taken from the saved documents. */
  reads: number;
}

/** Opens the folder with the cache in `cacheDir`, as a start does, and waits for the library to be saved. */
async function start(dir: string, cacheDir: string, version = 'test-1'): Promise<Started> {
  const recorded = recordedLog();
  let reads = 0;
  const reader = {
    read: async (path: string, file: string, cache?: CacheUse) => {
      reads++;
      const { document, cached } = await readThroughCache(path, file, cache);
      if (cached) cache?.told(cached, file);
      return document;
    },
  };
  const live = new LiveLibrary(dir, recorded.log, { reader, cache: { dir: cacheDir, version } });
  await live.refresh();
  await librarySaved(live.current());
  return { library: live.current(), lines: recorded.lines, reads };
}

/** What the saved structures answer, as text: equal for a library read back and one built. */
function answers(library: Library) {
  return {
    stat: library.search.figureSentences('parks').map((hit) => hit.sentence.key),
    statTypo: library.search.figureSentences('bordr wall miles').map((hit) => hit.sentence.key),
    search: library.search.statements('parks').map((ref) => ref.point.text),
    border: library.search.statementHits('border wall', {}, 5).total,
    terms: [...library.search.statementTerms('parks bordr')],
    sections: library.search.sections('bord').map((ref) => ref.section.id),
    documents: library.search.documents('park').map((d) => d.id),
    shapes: library.search.statements('border').map((ref) => library.search.statementShape(ref).key),
    lookups: [
      ...library.documents.flatMap((d) => [d.id, d.title.toUpperCase(), `${d.id}-none`]),
      ...library.parts().sections.map((ref) => library.lookup.sectionKey(ref)),
    ].map((key) => [library.lookup.document(key)?.id, library.lookup.section(key)?.section.id]),
    figures: library
      .parts()
      .figures.map((ref) => library.lookup.figureKey(ref))
      .map((key) => [key, library.lookup.figure(key)?.figure.id, library.lookup.figure(`${key}x`)]),
    check: [library.claims.everySentence()].flatMap((matcher) =>
      matcher.covering(matcher.expand('the city opened parks')).map(({ sentence }) => sentence.key),
    ),
  };
}

const READ = 'structures read from the saved library';
const savedLines = (lines: string[]) => lines.filter((l) => l.includes('saved library'));

function setUp() {
  const dir = documentsFolder();
  const cacheDir = mkdtempSync(join(tmpdir(), 'saved-library-'));
  return { dir, cacheDir };
}

/** The one saved library file of the folder. */
const savedFile = (cacheDir: string, dir: string, version = 'test-1') =>
  savedPlace({ dir: cacheDir, version }, dir, [], new Map())!.path;

/** Where in the saved library's bytes the first table under `path` (keys from the library down) starts. */
function tableAt(file: Buffer, path: string[]): number {
  const bodyAt = file.indexOf(0x0a, file.indexOf(0x0a) + 1) + 1;
  const headLength = file.readUInt32LE(bodyAt);
  let held = JSON.parse(file.toString('utf8', bodyAt + 4, bodyAt + 4 + headLength)) as unknown;
  for (const key of path) held = (held as Record<string, unknown>)[key];
  const first = (value: unknown): number | undefined => {
    if (typeof value !== 'object' || value === null) return undefined;
    const table = value as { $blob?: number; bytes?: number };
    if (table.$blob !== undefined && table.bytes! > 0) return table.$blob;
    return Object.values(value)
      .map(first)
      .find((at) => at !== undefined);
  };
  return bodyAt + ((4 + headLength + 7) & ~7) + first(held)!;
}

/** Starts twice (the first saves), changes what `spoil` changes, and starts again: it must build, saying why. */
async function refusedAfter(spoil: (dir: string, cacheDir: string) => unknown, version = 'test-1') {
  const { dir, cacheDir } = setUp();
  await start(dir, cacheDir);
  await spoil(dir, cacheDir);
  const built = await start(dir, cacheDir, version);
  // A library built from the files, not read back: as a start with no cache folder would answer.
  const fresh = new LiveLibrary(dir);
  await fresh.refresh();
  expect(answers(built.library)).toEqual(answers(fresh.current()));
  expect(built.lines.some((l) => l.includes(READ))).toBe(false);
  const next = await start(dir, cacheDir, version);
  expect(next.lines).toContainEqual(expect.stringContaining(READ));
  return { built, next };
}

describe('the saved library', () => {
  it('is saved after a cold start and read at the next: the same answers, nothing built', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    expect(cold.lines).toContainEqual(expect.stringContaining('none saved yet'));
    expect(cold.lines).toContainEqual(expect.stringContaining('library saved to the cache (CACHE_DIR)'));
    const warm = await start(dir, cacheDir);
    expect(warm.lines).toContainEqual(expect.stringContaining(READ));
    expect(savedLines(warm.lines)).toEqual([expect.stringContaining(READ)]);
    expect(answers(warm.library)).toEqual(answers(cold.library));
    expect(answers(warm.library).stat.length).toBeGreaterThan(0);
    expect(answers(warm.library).statTypo.length).toBeGreaterThan(0);
    expect(answers(warm.library).check.length).toBeGreaterThan(0);
  });

  it("gives a sentence's word sets as the same objects at each read, as a built library does", async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const warm = await start(dir, cacheDir);
    expect(warm.lines).toContainEqual(expect.stringContaining(READ));
    const [hit] = warm.library.search.figureSentences('parks');
    const sentence = hit!.sentence;
    expect(sentence.context.length).toBeGreaterThan(0);
    // What is worked out about a set is remembered by the set (claim-parties.ts): a new object each read forgets it.
    sentence.context.forEach((set, i) => expect(sentence.context[i]).toBe(set));
    expect(sentence.terms).toBe(sentence.terms);
  });

  it('is not used once a file is edited: the new text is served, the line says it is out of date', async () => {
    const { built } = await refusedAfter((dir) =>
      writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 13 parks.\n'),
    );
    expect(savedLines(built.lines)).toEqual([
      'warn saved library not used, built again: it is out of date with its files',
    ]);
    expect(answers(built.library).search).toEqual(['The city opened 13 parks.']);
  });

  it('is not used once a file is added or removed', async () => {
    const added = await refusedAfter((dir) => writeFileSync(join(dir, 'roads.txt'), 'ROADS: 40 miles of parks.\n'));
    expect(savedLines(added.built.lines)).toEqual([expect.stringContaining('it is out of date with its files')]);
    expect(answers(added.built.library).search).toContain('40 miles of parks.');
    const removed = await refusedAfter((dir) => rmSync(join(dir, 'parks.txt')));
    expect(savedLines(removed.built.lines)).toEqual([expect.stringContaining('it is out of date with its files')]);
    expect(answers(removed.built.library).search).toEqual([]);
  });

  it('is not used when saved by another version of the bot', async () => {
    const { built } = await refusedAfter(() => undefined, 'test-2');
    expect(savedLines(built.lines)).toEqual([
      'warn saved library not used, built again: it was saved by another version of the bot',
    ]);
  });

  it('is not used when cut short (a write killed half-way)', async () => {
    const { built } = await refusedAfter((dir, cacheDir) => {
      const bytes = readFileSync(savedFile(cacheDir, dir));
      writeFileSync(savedFile(cacheDir, dir), bytes.subarray(0, bytes.length - 1));
    });
    expect(savedLines(built.lines)).toEqual(['warn saved library not used, built again: it is cut short or too long']);
  });

  it('is not used with a byte of its index of tables changed: its checksum fails', async () => {
    const { built } = await refusedAfter((dir, cacheDir) => {
      const bytes = readFileSync(savedFile(cacheDir, dir));
      // A name in the JSON before the tables, which the entry's checksum covers.
      const at = bytes.indexOf('everySentence');
      expect(at).toBeGreaterThan(100);
      expect(at).toBeLessThan(tableAt(bytes, ['indexes']));
      bytes[at] = 'q'.charCodeAt(0);
      writeFileSync(savedFile(cacheDir, dir), bytes);
    });
    expect(savedLines(built.lines)).toEqual([
      'warn saved library not used, built again: its checksum does not match: it is damaged',
    ]);
  });

  it('is not used with a byte of a table read at the start changed: its own checksum fails', async () => {
    const { built } = await refusedAfter((dir, cacheDir) => {
      const bytes = readFileSync(savedFile(cacheDir, dir));
      // A byte of /stat's saved sentences, which a start reads for its matcher.
      const at = tableAt(bytes, ['figures', 'sentences']);
      bytes[at] = bytes[at]! ^ 1;
      writeFileSync(savedFile(cacheDir, dir), bytes);
    });
    expect(savedLines(built.lines)).toEqual([
      expect.stringMatching(/^warn saved library not used, built again: .*a table's checksum does not match/),
    ]);
  });

  it('never uses a table with a byte changed that the start does not read: the command reading it fails', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const bytes = readFileSync(savedFile(cacheDir, dir));
    const at = tableAt(bytes, ['everySentence', 'postings']);
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(savedFile(cacheDir, dir), bytes);
    const read = await start(dir, cacheDir);
    // The start hashes only the tables it reads: /check's matcher is read when first asked for.
    expect(read.lines).toContainEqual(expect.stringContaining(READ));
    expect(read.library.search.figureSentences('parks').length).toBeGreaterThan(0);
    expect(() => read.library.claims.everySentence()).toThrow(
      `the saved library ${savedFile(cacheDir, dir)}: a table's checksum does not match: it is damaged or changed`,
    );
  });

  it("reads a text index's postings and the names of initials at their first lookup: a changed byte fails it", async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const bytes = readFileSync(savedFile(cacheDir, dir));
    for (const path of [
      ['indexes', 'documents', 'fields'],
      ['figures', 'spelled'],
    ]) {
      const at = tableAt(bytes, path);
      bytes[at] = bytes[at]! ^ 1;
    }
    writeFileSync(savedFile(cacheDir, dir), bytes);
    const read = await start(dir, cacheDir);
    expect(read.lines).toContainEqual(expect.stringContaining(READ));
    expect(read.library.search.figureSentences('parks').length).toBeGreaterThan(0);
    const damaged = `the saved library ${savedFile(cacheDir, dir)}: a table's checksum does not match`;
    expect(() => read.library.search.documents('park')).toThrow(damaged);
    // Initials no document writes: /stat looks up the name they stand for.
    expect(() => read.library.search.figureSentences('XYZ parks')).toThrow(damaged);
  });

  it('reads a table from the file at its first use: one changed on disk after the start fails its checksum', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const read = await start(dir, cacheDir);
    expect(read.lines).toContainEqual(expect.stringContaining(READ));
    // Changed in place (the same file, still open): the start held none of /check's matcher's bytes.
    const bytes = readFileSync(savedFile(cacheDir, dir));
    const at = tableAt(bytes, ['everySentence', 'postings']);
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(savedFile(cacheDir, dir), bytes);
    expect(read.library.search.figureSentences('parks').length).toBeGreaterThan(0);
    expect(() => read.library.claims.everySentence()).toThrow("a table's checksum does not match");
  });

  it('is not used when its body, checksum intact, holds no library', async () => {
    const { built } = await refusedAfter((dir, cacheDir) => {
      const label = JSON.parse(readFileSync(savedFile(cacheDir, dir), 'latin1').split('\n')[1]!) as { key: string };
      return writeEntry(savedFile(cacheDir, dir), { version: 'test-1', key: label.key }, encodeFlat({ other: 1 }));
    });
    expect(savedLines(built.lines)).toEqual(['warn saved library not used, built again: it does not hold a library']);
  });
});

const FROM_SAVED_DOCUMENTS = 'read from the saved documents';
const documentsLines = (lines: string[]) => lines.filter((l) => l.includes('saved documents'));
/** The one saved documents file of the folder, beside its saved library. */
const documentsFile = (cacheDir: string, dir: string) => savedFile(cacheDir, dir).replace(/\.library$/, '.documents');

/** As refusedAfter, for the saved documents: each file is read again, and the start after takes them again. */
async function documentsRefusedAfter(spoil: (dir: string, cacheDir: string) => unknown, version = 'test-1') {
  const { dir, cacheDir } = setUp();
  await start(dir, cacheDir);
  await spoil(dir, cacheDir);
  const read = await start(dir, cacheDir, version);
  const fresh = new LiveLibrary(dir);
  await fresh.refresh();
  expect(answers(read.library)).toEqual(answers(fresh.current()));
  expect(read.reads).toBe(2);
  const next = await start(dir, cacheDir, version);
  expect(next.reads).toBe(0);
  expect(answers(next.library)).toEqual(answers(fresh.current()));
  return read;
}

describe('the saved documents', () => {
  it('are saved after a cold start; a warm start reads no file one by one and answers the same', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    expect(cold.reads).toBe(2);
    expect(cold.lines).toContainEqual(expect.stringContaining('documents saved to the cache (CACHE_DIR)'));
    const warm = await start(dir, cacheDir);
    expect(warm.reads).toBe(0);
    expect(documentsLines(warm.lines)).toEqual([expect.stringContaining(`2 ${FROM_SAVED_DOCUMENTS}`)]);
    expect(warm.library.documents).toEqual(cold.library.documents);
    expect(answers(warm.library)).toEqual(answers(cold.library));
  });

  it('are not used once a file is edited: the new text is served', async () => {
    const read = await documentsRefusedAfter((dir) =>
      writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 13 parks.\n'),
    );
    expect(documentsLines(read.lines)).toEqual([
      'warn saved documents not used, each file read: it is out of date with its files',
    ]);
    expect(answers(read.library).search).toEqual(['The city opened 13 parks.']);
  });

  it('are not used once a file is added', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    writeFileSync(join(dir, 'roads.txt'), 'ROADS: 40 miles of parks.\n');
    const read = await start(dir, cacheDir);
    expect(read.reads).toBe(3);
    expect(documentsLines(read.lines)).toEqual([expect.stringContaining('it is out of date with its files')]);
    expect(answers(read.library).search).toContain('40 miles of parks.');
  });

  it('are not used when saved by another version of the bot', async () => {
    const read = await documentsRefusedAfter(() => undefined, 'test-2');
    expect(documentsLines(read.lines)).toEqual([
      'warn saved documents not used, each file read: it was saved by another version of the bot',
    ]);
  });

  it('are not used when cut short, or with a byte of their index (names, heads, ends) changed', async () => {
    const cut = await documentsRefusedAfter((dir, cacheDir) => {
      const bytes = readFileSync(documentsFile(cacheDir, dir));
      writeFileSync(documentsFile(cacheDir, dir), bytes.subarray(0, bytes.length - 1));
    });
    expect(documentsLines(cut.lines)).toEqual([expect.stringContaining('it is cut short or too long')]);
    const changed = await documentsRefusedAfter((dir, cacheDir) => {
      const bytes = readFileSync(documentsFile(cacheDir, dir));
      // The first "parks" is the file's name in the index, before any body.
      const at = bytes.indexOf('parks');
      expect(at).toBeGreaterThan(100);
      bytes[at] = 'q'.charCodeAt(0);
      writeFileSync(documentsFile(cacheDir, dir), bytes);
    });
    expect(documentsLines(changed.lines)).toEqual([expect.stringContaining('its checksum does not match')]);
  });

  it('never serve a body with a byte changed: the start hashes no body, the command reading it fails', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const bytes = readFileSync(documentsFile(cacheDir, dir));
    // The last "12 parks" is in parks.txt's body, after the index.
    const at = bytes.lastIndexOf('12 parks');
    expect(at).toBeGreaterThan(bytes.indexOf('parks'));
    bytes[at + 1] = '3'.charCodeAt(0);
    writeFileSync(documentsFile(cacheDir, dir), bytes);
    const read = await start(dir, cacheDir);
    expect(documentsLines(read.lines)).toEqual([expect.stringContaining(`2 ${FROM_SAVED_DOCUMENTS}`)]);
    const parks = read.library.documents.find((d) => d.file === 'parks.txt')!;
    expect(() => parks.text).toThrow('parks.txt: its saved document is damaged or changed on disk');
    expect(read.library.documents.find((d) => d.file === 'border.txt')!.text).toContain('border');
  });

  it("do not let a pipe put in a file's place hold the start: the pipe is refused, the rest served", async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    rmSync(join(dir, 'parks.txt'));
    execFileSync('mkfifo', [join(dir, 'parks.txt')]);
    const read = await start(dir, cacheDir);
    expect(read.library.documents.map((d) => d.file)).toEqual(['border.txt']);
    expect(answers(read.library).search).toEqual([]);
  });

  it('are not used when their body, checksum intact, holds documents of other files', async () => {
    const read = await documentsRefusedAfter((dir, cacheDir) => {
      const label = JSON.parse(readFileSync(documentsFile(cacheDir, dir), 'latin1').split('\n')[1]!) as {
        key: string;
      };
      const other = { files: new Joined('other.txt'), ends: new Uint32Array([1]), bytes: new Uint8Array(8) };
      return writeEntry(documentsFile(cacheDir, dir), { version: 'test-1', key: label.key }, encodeFlat(other));
    });
    expect(documentsLines(read.lines)).toEqual([
      'warn saved documents not used, each file read: it does not hold documents of these files',
    ]);
  });

  it('are not used when written in the form before documents were made on first read (whole documents)', async () => {
    const read = await documentsRefusedAfter(async (dir, cacheDir) => {
      const label = JSON.parse(readFileSync(documentsFile(cacheDir, dir), 'latin1').split('\n')[1]!) as {
        key: string;
      };
      // As the bot wrote them before: each whole document one V8 record, no heads.
      const fresh = new LiveLibrary(dir);
      await fresh.refresh();
      const records = fresh.current().documents.map((document) => serialize(document));
      let end = 0;
      const ends = new Uint32Array(records.map((r) => (end += r.length)));
      const bytes = new Uint8Array(Buffer.concat(records));
      const files = new Joined(
        fresh
          .current()
          .documents.map((d) => d.file)
          .join('\n'),
      );
      return writeEntry(
        documentsFile(cacheDir, dir),
        { version: 'test-1', key: label.key },
        encodeFlat({ files, ends, bytes }),
      );
    });
    expect(documentsLines(read.lines)).toEqual([
      'warn saved documents not used, each file read: it does not hold documents of these files',
    ]);
  });

  it('make no document body at a warm start: each is made when a command first reads it', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const before = deserialised.count;
    const warm = await start(dir, cacheDir);
    const bodies = () => deserialised.count - before;
    expect(documentsLines(warm.lines)).toEqual([expect.stringContaining(`2 ${FROM_SAVED_DOCUMENTS}`)]);
    // Ready, keyed and matched with no body made: titles, outlines and the saved tables are enough.
    expect(warm.library.lookup.section('parks')?.document.file).toBe('parks.txt');
    warm.library.claims.everySentence();
    expect(bodies()).toBe(0);
    const [hit] = warm.library.search.statements('parks');
    expect(hit!.point.text).toBe('The city opened 12 parks.');
    expect(bodies()).toBe(1);
    expect(warm.library.search.statements('parks')[0]!.section.title).toBe('Parks');
    expect(bodies()).toBe(1);
  });
  it('make no body for a document renamed for its repeated id (two folders, one file name)', async () => {
    const { dir, cacheDir } = setUp();
    mkdirSync(join(dir, 'towns'));
    writeFileSync(join(dir, 'towns', 'parks.txt'), 'PARKS: The town opened 4 parks.\n');
    const cold = await start(dir, cacheDir);
    const before = deserialised.count;
    const warm = await start(dir, cacheDir);
    expect(warm.library.documents.map((d) => d.id)).toEqual(cold.library.documents.map((d) => d.id));
    expect(warm.library.documents.map((d) => d.id)).toContain('parks-2');
    warm.library.lookup.section('parks');
    warm.library.claims.everySentence();
    expect(deserialised.count - before).toBe(0);
    expect(answers(warm.library)).toEqual(answers(cold.library));
  });

  it('reload a file edited while running: the new text served, the documents read back still answered', async () => {
    const { dir, cacheDir } = setUp();
    const cold = await start(dir, cacheDir);
    const recorded = recordedLog();
    const live = new LiveLibrary(dir, recorded.log, { cache: { dir: cacheDir, version: 'test-1' } });
    await live.refresh();
    expect(documentsLines(recorded.lines)).toEqual([expect.stringContaining(`2 ${FROM_SAVED_DOCUMENTS}`)]);
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 13 parks.\n');
    const report = await live.refresh();
    expect(report.changed).toEqual(['parks.txt']);
    expect(answers(live.current()).search).toEqual(['The city opened 13 parks.']);
    expect(answers(live.current()).border).toBe(answers(cold.library).border);
    expect(live.current().search.statements('border')[0]!.point.text).toBe(
      cold.library.search.statements('border')[0]!.point.text,
    );
  });

  it('never serve a body changed on disk after the start: reading it fails, naming the file', async () => {
    const { dir, cacheDir } = setUp();
    await start(dir, cacheDir);
    const warm = await start(dir, cacheDir);
    const bytes = readFileSync(documentsFile(cacheDir, dir));
    const at = bytes.lastIndexOf('12 parks');
    expect(at).toBeGreaterThan(100);
    bytes[at + 1] = '3'.charCodeAt(0);
    // In place (the same file the start checked and still reads from), not replaced as the bot replaces it.
    writeFileSync(documentsFile(cacheDir, dir), bytes);
    const [hit] = warm.library.search.statements('parks');
    expect(() => hit!.point.text).toThrow('parks.txt: its saved document is damaged or changed on disk');
  });
});

describe('a cache entry read back', () => {
  it('starts its body at a multiple of 8 bytes, so its tables are views onto the bytes read, not copies', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cache-entry-'));
    // Keys of every length, a file name in UTF-8 of more bytes than characters among them.
    for (const key of ['k', 'kk', 'kkk', 'parks—été.txt', 'a'.repeat(13)]) {
      const path = join(cacheDir, `${key.length}.entry`);
      const table = new Uint32Array([7, 8, 9]);
      await writeEntry(path, { version: 'test-1', key }, encodeFlat({ table }));
      const found = await readEntry(path, { version: 'test-1', key });
      if (!('body' in found)) throw new Error(found.refused);
      expect(found.body.byteOffset % 8, key).toBe(0);
      const read = decodeFlat(found.body) as { table: Uint32Array };
      expect([...read.table]).toEqual([7, 8, 9]);
      expect(read.table.buffer).toBe(found.body.buffer);
    }
  });

  it("whose checksum covers its first bytes only: those are checked when opened, the rest are the reader's", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cache-entry-')), 'part.entry');
    const label = { version: 'test-1', key: 'k' };
    const spoilt = async (at: number) => {
      await writeEntry(path, label, Buffer.from('index...body one'), 8);
      const bytes = readFileSync(path);
      bytes[bytes.length - 16 + at] = 'X'.charCodeAt(0);
      writeFileSync(path, bytes);
      return openEntry(path, label);
    };
    expect(await spoilt(3)).toEqual({ refused: 'its checksum does not match: it is damaged' });
    const opened = await spoilt(12);
    expect(opened).toMatchObject({ bytes: 16, checked: 8 });
    if ('fd' in opened) closeSync(opened.fd);
    // Read whole, every byte is checked, unless the reader checks the rest (`partly`).
    expect(await readEntry(path, label)).toEqual({ refused: 'its checksum does not match: it is damaged' });
    expect(await readEntry(path, label, { partly: true })).toMatchObject({ checked: 8 });
    await spoilt(3);
    expect(await readEntry(path, label, { partly: true })).toEqual({
      refused: 'its checksum does not match: it is damaged',
    });
  });
});
