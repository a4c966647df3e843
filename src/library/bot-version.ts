// The bot's own version as its cache knows it: the package's version, a hash of the code that is running (every
// file of src/, or of dist/src/ in a built bot) and V8's version, so that any change to how documents are parsed
// or indexed, or to how V8 writes values, makes every cached document one "from another version".
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/ (or dist/src/): the folder above this file's own. */
const CODE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

let version: Promise<string> | null = null;

/** Worked out once a process. */
export function botVersion(): Promise<string> {
  return (version ??= versionOf(CODE_ROOT));
}

async function versionOf(codeRoot: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await codeFiles(codeRoot)) {
    hash.update(`${relative(codeRoot, path)}\u0000`);
    hash.update(await readFile(path));
  }
  return `${await packageVersion(codeRoot)}+${hash.digest('hex').slice(0, 16)}+v8-${process.versions.v8}`;
}

/** Every .ts and .js file under the folder, sorted by path. */
async function codeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.[jt]s$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The version in the nearest package.json above the code. */
async function packageVersion(from: string): Promise<string> {
  for (let dir = from; ; dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    if (text !== null) return (JSON.parse(text) as { version?: string }).version ?? '0';
    if (dirname(dir) === dir) return '0';
  }
}
