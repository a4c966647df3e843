// The snapshot's file: a first line naming the format, a second line of JSON (the bot's version, the body's length
// and SHA-256), then the body. A file from another version, cut short or with a byte changed is refused before its
// body is read as a library. Written to a temporary file and renamed over the old one, so a reader (another
// replica, the next start) sees the old file or the new one whole, never a half-written one.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

const MAGIC = 'factsheet-bot library snapshot 1\n';

interface Header {
  version: string;
  bytes: number;
  sha256: string;
}

/** The body, or why the file cannot be used (the line logged before the library is built again). */
export type SnapshotRead = { body: Buffer } | { refused: string };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads and checks the file; `version` is the running bot's. */
export async function readSnapshot(path: string, version: string): Promise<SnapshotRead> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { refused: code === 'ENOENT' ? 'there is none yet' : `it cannot be read (${code})` };
  }
  const headerEnd = file.indexOf(0x0a, MAGIC.length);
  if (file.subarray(0, MAGIC.length).toString('latin1') !== MAGIC || headerEnd < 0)
    return { refused: 'it is not a library snapshot' };
  let header: Header;
  try {
    header = JSON.parse(file.subarray(MAGIC.length, headerEnd).toString('utf8')) as Header;
  } catch {
    return { refused: 'its header is damaged' };
  }
  if (header.version !== version) return { refused: 'it was saved by another version of the bot' };
  const body = file.subarray(headerEnd + 1);
  if (body.length !== header.bytes)
    return { refused: `it is cut short or too long (${body.length} bytes of ${header.bytes})` };
  if (sha256(body) !== header.sha256) return { refused: 'its checksum does not match: it is damaged' };
  return { body };
}

/** Writes the file whole or not at all: a temporary file beside it, flushed, then renamed over it. */
export async function writeSnapshot(path: string, version: string, body: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const header: Header = { version, bytes: body.length, sha256: sha256(body) };
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(`${MAGIC}${JSON.stringify(header)}\n`);
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
