// The documents folder on disk: which document files it holds, and watching it for changes. A link is followed
// only when it resolves inside the folder, so a link cannot publish a file from elsewhere on the machine. The
// watcher watches folder by folder rather than with fs.watch's recursive mode: on Linux that mode stats every
// entry, so one looping link made it fail on every event and could skip folders created after it, and it
// silently went deaf when the folder itself was replaced.
import { watch, type Dirent, type FSWatcher } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
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
  /** Every folder listed, relative to the folder ('' is the folder itself): what the watcher watches. */
  folders: string[];
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
  const walk: Walk = { dir, listing: { files: [], folders: [''], unlisted: [], skipped: [] } };
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
  walk.listing.folders.push(folder);
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

export interface FolderEvents {
  /** Something in a watched folder, or the folder itself, may have changed. */
  changed(): void;
  /** A watch could not be set up or failed; it is set up again at the next sync. */
  failed(message: string): void;
}

interface FolderWatch {
  handle: FSWatcher;
  /** Device and inode of the folder watched: a folder replaced under the same name needs a new watch. */
  identity: string;
}

/**
 * Watches the folder, its subfolders, and its name in the folder above, so that renaming, deleting or swapping
 * the folder is noticed too. `sync` is given the folders of each listing and (re-)creates what is missing.
 */
export class FolderWatcher {
  private readonly watches = new Map<string, FolderWatch>();
  private parent: FSWatcher | null = null;
  /** Folders whose failure was reported, so a lasting one is logged once rather than at every scan. */
  private readonly failing = new Set<string>();
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly events: FolderEvents,
  ) {
    this.watchParent();
  }

  /**
   * Watches exactly `folders` (relative; '' is the folder itself), re-creating the watch of any folder replaced
   * since. True when a watch was added: what arrived in that folder before it was watched needs another scan.
   */
  async sync(folders: string[]): Promise<boolean> {
    if (!this.parent) this.watchParent();
    const wanted = new Set(folders);
    for (const folder of this.watches.keys()) if (!wanted.has(folder)) this.unwatch(folder);
    let added = false;
    for (const folder of folders) if (await this.ensureWatched(folder)) added = true;
    return added;
  }

  close(): void {
    this.closed = true;
    for (const folder of [...this.watches.keys()]) this.unwatch(folder);
    this.parent?.close();
    this.parent = null;
  }

  private async ensureWatched(folder: string): Promise<boolean> {
    const path = join(this.dir, folder);
    const info = await stat(path).catch(() => null);
    const identity = info?.isDirectory() ? `${info.dev}:${info.ino}` : null;
    if (identity !== null && this.watches.get(folder)?.identity === identity) return false;
    this.unwatch(folder);
    if (identity === null || this.closed) return false;
    try {
      const handle = watch(path, () => this.events.changed());
      handle.on('error', (error) => this.watchFailed(folder, `watching ${path} failed: ${error.message}`));
      this.watches.set(folder, { handle, identity });
      this.failing.delete(folder);
      return true;
    } catch (error) {
      // Gone since it was listed: the scan its removal triggers will not list it again.
      if (errorCode(error) !== 'ENOENT') this.reportOnce(folder, `cannot watch ${path}: ${(error as Error).message}`);
      return false;
    }
  }

  private watchFailed(folder: string, message: string): void {
    this.unwatch(folder);
    this.reportOnce(folder, `${message}; watching it again`);
    this.events.changed();
  }

  private reportOnce(folder: string, message: string): void {
    if (this.failing.has(folder)) return;
    this.failing.add(folder);
    this.events.failed(message);
  }

  private unwatch(folder: string): void {
    this.watches.get(folder)?.handle.close();
    this.watches.delete(folder);
  }

  /** The folder's own name, in the folder above: renamed, deleted, recreated or swapped for another. */
  private watchParent(): void {
    if (this.closed) return;
    const name = basename(this.dir);
    try {
      this.parent = watch(dirname(this.dir), (_event, changed) => {
        if (changed === null || changed === name) this.events.changed();
      });
      this.parent.on('error', (error) => {
        this.parent?.close();
        this.parent = null;
        this.reportOnce('..', `watching ${dirname(this.dir)} failed: ${error.message}; watching it again`);
        this.events.changed();
      });
      this.failing.delete('..');
    } catch (error) {
      this.reportOnce('..', `cannot watch ${dirname(this.dir)}: ${(error as Error).message}`);
    }
  }
}
