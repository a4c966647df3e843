// Every replica serves what any one fetched: the database's fetched documents are written as files in a folder
// this replica owns (DATA_DIR/fetched), which the library reads beside SEEDS_DIR, so parsing, the workers and
// reload are the ones every document goes through. A file is written only when its content changed, and
// atomically (a temporary file renamed over it), so a reload never reads half a document.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { documentsFetchedSince } from '../db/documents.js';
import type { Tables } from '../db/schema.js';

/** The name the library lists the folder's files under: "fetched/<id>.md". */
export const FETCHED_NAME = 'fetched';
/** Replicas' clocks differ a little: each sync reads back this far before the newest time it saw. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Ids are slugs (src/feeds/fetch-document.ts); anything else would not be a plain file name. */
const FILE_ID = /^[\w-]{1,200}$/;

export const fetchedFile = (id: string) => `${FETCHED_NAME}/${id}.md`;

export class FetchedFolder {
  /** What each file holds, as the database's content hash: a file is rewritten only when it changes. */
  private readonly written = new Map<string, string>();
  private newest = 0;

  constructor(
    readonly dir: string,
    private readonly db: Kysely<Tables>,
  ) {}

  /** Writes the documents fetched since the last sync; how many files changed. Throws when the database fails. */
  async sync(): Promise<number> {
    await mkdir(this.dir, { recursive: true });
    const rows = await documentsFetchedSince(this.db, Math.max(0, this.newest - CLOCK_SKEW_MS));
    let changed = 0;
    for (const row of rows) {
      this.newest = Math.max(this.newest, Number(row.fetched_at));
      if (!FILE_ID.test(row.id) || this.written.get(row.id) === row.content_hash) continue;
      if (await this.write(row.id, row.markdown)) changed++;
      this.written.set(row.id, row.content_hash);
    }
    return changed;
  }

  /** The version (content hash) the document's file holds, as the library read it at the last sync's reload. */
  versionOf(id: string): string | undefined {
    return this.written.get(id);
  }

  /** False when the file already held this text (a restart): left alone, so the library does not re-read it. */
  private async write(id: string, markdown: string): Promise<boolean> {
    const path = join(this.dir, `${id}.md`);
    if ((await readFile(path, 'utf8').catch(() => null)) === markdown) return false;
    const temporary = join(this.dir, `.${id}.${process.pid}.tmp`);
    await writeFile(temporary, markdown);
    await rename(temporary, path);
    return true;
  }
}
