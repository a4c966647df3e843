// One entry of the cache folder: a first line naming the format, a second line of JSON (the bot's version, the key
// of what the entry holds, the body's length and SHA-256), then the body. An entry from another version, of other
// content, cut short or with a byte changed is refused before its body is read. An entry opened in place (openEntry)
// or read with `partly` may have its SHA-256 cover only the body's first bytes (`checked`), where the rest holds
// parts each with its own SHA-256, checked by the reader as each is read: a start then hashes the index, not every
// part. Written to a temporary file and renamed over the old one, so a reader (another replica, the next start)
// sees the old entry or the new one whole.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

const MAGIC = 'factsheet-bot cache entry 1\n';

interface Header {
  version: string;
  key: string;
  bytes: number;
  sha256: string;
  /** How many of the body's first bytes the SHA-256 covers, where not all of them. */
  checked?: number;
}

/** What an entry must have been written with to be used. */
export interface EntryLabel {
  /** The running bot's version (bot-version.ts). */
  version: string;
  /** What the body was made from, e.g. the file's name and the SHA-256 of its bytes. */
  key: string;
}

/** The body (and how many of its first bytes were checked), or why the entry cannot be used (what the log says). */
export type EntryRead = { body: Buffer; checked: number } | { refused: string };

export const NO_ENTRY = 'there is none yet';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

const DAMAGED_HEADER = 'its header is damaged';

/** The header's checks against the label: where the body starts, or why the entry cannot be used. */
function checkedHeader(file: Buffer, label: EntryLabel): { header: Header; bodyAt: number } | { refused: string } {
  const headerEnd = file.indexOf(0x0a, MAGIC.length);
  if (file.subarray(0, MAGIC.length).toString('latin1') !== MAGIC || headerEnd < 0)
    return { refused: 'it is not a cache entry' };
  let header: Header;
  try {
    header = JSON.parse(file.subarray(MAGIC.length, headerEnd).toString('utf8')) as Header;
  } catch {
    return { refused: DAMAGED_HEADER };
  }
  if (header.version !== label.version) return { refused: 'it was saved by another version of the bot' };
  if (header.key !== label.key) return { refused: 'it is out of date with its file' };
  return { header, bodyAt: headerEnd + 1 };
}

const CUT = 'it is cut short or too long';
const DAMAGED = 'its checksum does not match: it is damaged';

/**
 * Reads and checks the entry. With `partly`, an entry whose SHA-256 covers only its body's first bytes (`checked`)
 * is read too, those bytes checked: the rest are parts each with its own SHA-256, the reader's to check as it reads
 * each (saved-library.ts); without, such an entry is refused, as every byte must then be checked here.
 */
export async function readEntry(
  path: string,
  label: EntryLabel,
  options: { partly?: boolean } = {},
): Promise<EntryRead> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    return { refused: cannotRead(error) };
  }
  const found = checkedHeader(file, label);
  if ('refused' in found) return found;
  const body = file.subarray(found.bodyAt);
  if (body.length !== found.header.bytes) return { refused: CUT };
  const checked = checkedBytes(found.header);
  if (checked === null) return { refused: DAMAGED_HEADER };
  if (checked < body.length && !options.partly) return { refused: DAMAGED };
  if (sha256(body.subarray(0, checked)) !== found.header.sha256) return { refused: DAMAGED };
  return { body, checked };
}

/** How many of the body's first bytes the header's SHA-256 covers; null when it says what cannot be. */
function checkedBytes(header: Header): number | null {
  const checked = header.checked ?? header.bytes;
  return Number.isInteger(checked) && checked >= 0 && checked <= header.bytes ? checked : null;
}

const cannotRead = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? NO_ENTRY : `it cannot be read (${code})`;
};

/** An entry checked whole and left open: its body is read from `fd` where needed, not held. */
export interface OpenEntry {
  fd: number;
  /** Where the body starts in the file. */
  bodyAt: number;
  bytes: number;
  /** How many of the body's first bytes were checked: the rest is the reader's to check as it reads it. */
  checked: number;
  /** Those bytes as read and checked, where asked for (`keepChecked`): read again, they could differ. */
  head?: Buffer;
}

/** Bytes hashed a read while an open entry is checked. */
const CHECK_CHUNK = 1 << 20;

/**
 * As readEntry, for a large entry whose body is read in pieces later: the body is hashed a chunk at a time as it
 * is read (nothing of it held), and the file left open, so the bytes read later are those of the file checked
 * even if the entry is replaced meanwhile (closeSync(fd) when done with it).
 */
export async function openEntry(
  path: string,
  label: EntryLabel,
  { keepChecked = false } = {},
): Promise<OpenEntry | { refused: string }> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { refused: cannotRead(error) };
  }
  const found = await checkedOpen(fd, label, keepChecked).catch((error: unknown) => ({ refused: cannotRead(error) }));
  if ('refused' in found) closeSync(fd);
  return found;
}

async function checkedOpen(fd: number, label: EntryLabel, keep: boolean): Promise<OpenEntry | { refused: string }> {
  const size = fstatSync(fd).size;
  const start = Buffer.alloc(Math.min(size, 64 * 1024));
  readSync(fd, start, 0, start.length, 0);
  const found = checkedHeader(start, label);
  if ('refused' in found) return found;
  const { header, bodyAt } = found;
  if (size - bodyAt !== header.bytes) return { refused: CUT };
  const checked = checkedBytes(header);
  if (checked === null) return { refused: DAMAGED_HEADER };
  const hash = createHash('sha256');
  // Kept: read into one buffer of their own (starting at a multiple of 8, for flat-file.ts's views).
  const head = keep ? Buffer.allocUnsafeSlow(checked) : null;
  const chunk = head ? null : Buffer.allocUnsafe(CHECK_CHUNK);
  for (let at = 0; at < checked; at += CHECK_CHUNK) {
    const into = head ? head.subarray(at) : chunk!;
    const { bytesRead } = await readAt(fd, into, Math.min(CHECK_CHUNK, checked - at), bodyAt + at);
    hash.update(into.subarray(0, bytesRead));
  }
  if (hash.digest('hex') !== header.sha256) return { refused: DAMAGED };
  return { fd, bodyAt, bytes: header.bytes, checked, ...(head ? { head } : {}) };
}

const readAt = (fd: number, into: Buffer, length: number, position: number) =>
  new Promise<{ bytesRead: number }>((done, failed) =>
    read(fd, into, 0, length, position, (error, bytesRead) => (error ? failed(error) : done({ bytesRead }))),
  );

/**
 * The first two lines, padded with spaces (JSON allows them) so that the body starts at a multiple of 8 bytes: a
 * saved table can then be read as a view where it lies, without copying the body (flat-file.ts).
 */
function headerLine(header: Header): string {
  const line = `${MAGIC}${JSON.stringify(header)}`;
  return `${line}${' '.repeat((8 - ((Buffer.byteLength(line) + 1) % 8)) % 8)}\n`;
}

/**
 * Writes the entry whole or not at all: a temporary file beside it, then renamed over it. Not flushed to the disk
 * (one flush a document would slow a cold start): a power cut may leave an entry empty or cut short, which its
 * length and checksum refuse. `checked`: how many of the body's first bytes the checksum covers (openEntry only),
 * where the rest are parts each with its own checksum.
 */
export async function writeEntry(
  path: string,
  label: EntryLabel,
  body: Uint8Array,
  checked = body.length,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const whole = checked >= body.length;
  const header: Header = {
    ...label,
    bytes: body.length,
    sha256: sha256(whole ? body : body.subarray(0, checked)),
    ...(whole ? {} : { checked }),
  };
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(headerLine(header));
      await handle.writeFile(body);
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
