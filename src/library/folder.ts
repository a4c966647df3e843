// The documents folder on disk: which document files it holds. A link is followed only when it resolves inside
// the folder, so a link cannot publish a file from elsewhere on the machine.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { DOCUMENT_EXTENSIONS } from './read.js';

export interface ListedFile {
  /** Relative to the folder, with "/": how the document is named to the operator and keyed across reloads. */
  file: string;
  /** Where to read it: the resolved path, so a link changed after the listing cannot lead outside. */
  path: string;
}

export interface Listing {
  /** Sorted by name, so ids and order are the same at every start. */
  files: ListedFile[];
  /** Subfolders that could not be listed: what they hold is unknown, not gone. */
  unlisted: string[];
  /** One line per entry skipped, naming it and saying why. */
  skipped: string[];
}

interface Walk {
  dir: string;
  listing: Listing;
}

/**
 * Lists the document files of a folder and its subfolders (a corpus kept by month, say). Hidden files and
 * folders are skipped; an entry that cannot be listed or resolved is skipped and named in `skipped`. Throws when
 * the folder itself cannot be listed: that says nothing about which documents it holds.
 */
export async function listDocuments(dir: string): Promise<Listing> {
  const root = await realpath(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  const walk: Walk = { dir, listing: { files: [], unlisted: [], skipped: [] } };
  await listEntries(walk, '', [root], entries);
  walk.listing.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return walk.listing;
}

/** `realFolders`: the resolved paths of the folder being listed and of those above it, to spot link loops. */
async function listEntries(walk: Walk, folder: string, realFolders: string[], entries: Dirent[]): Promise<void> {
  const here = realFolders[realFolders.length - 1]!;
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) await listLink(walk, path, realFolders);
    else if (entry.isDirectory()) await listSubfolder(walk, path, [...realFolders, join(here, entry.name)]);
    else if (isDocumentName(entry.name)) walk.listing.files.push({ file: path, path: join(here, entry.name) });
  }
}

async function listSubfolder(walk: Walk, folder: string, realFolders: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(walk.dir, folder), { withFileTypes: true });
  } catch (error) {
    walk.listing.unlisted.push(folder);
    walk.listing.skipped.push(`${folder}: skipped: the folder cannot be listed (${errorCode(error)})`);
    return;
  }
  await listEntries(walk, folder, realFolders, entries);
}

async function listLink(walk: Walk, path: string, realFolders: string[]): Promise<void> {
  const skip = (why: string) => walk.listing.skipped.push(`${path}: skipped: ${why}`);
  let target: string;
  try {
    target = await realpath(join(walk.dir, path));
  } catch (error) {
    return void skip(`the link is broken or loops (${errorCode(error)})`);
  }
  if (!isInside(realFolders[0]!, target)) return void skip('the link points outside the documents folder');
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    if (realFolders.includes(target)) return void skip('the link loops back to a folder that holds it');
    await listSubfolder(walk, path, [...realFolders, target]);
  } else if (isDocumentName(basename(path))) walk.listing.files.push({ file: path, path: target });
}

function isDocumentName(name: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase()) && name.toLowerCase() !== 'readme.md';
}

function isInside(root: string, target: string): boolean {
  const rest = relative(root, target);
  return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
