// Fact sheets fetched from feeds, kept as the Markdown the parser reads, so every replica serves what any one
// fetched. An item edited later replaces its document (same id); its content hash is the version an
// announcement names, so the edit is announced once, as updated.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FetchedDocumentRow, Tables } from './schema.js';

/** A page brought back as a document, as the feed poller (src/feeds/) hands it over. */
export interface FetchedDocument {
  id: string;
  url: string;
  title: string;
  date: string | null;
  modifiedTime?: string;
  markdown: string;
}

/** What storing a document did: a new one, a new version of one stored, or nothing (the same content). */
export type Stored = 'new' | 'updated' | 'unchanged';

export const contentHash = (markdown: string): string =>
  createHash('sha256').update(markdown).digest('base64url').slice(0, 22);

export async function storeDocument(db: Kysely<Tables>, document: FetchedDocument, now: number): Promise<Stored> {
  const hash = contentHash(document.markdown);
  const before = await db
    .selectFrom('fetched_documents')
    .select('content_hash')
    .where('id', '=', document.id)
    .executeTakeFirst();
  if (before?.content_hash === hash) return 'unchanged';
  const values = {
    url: document.url,
    title: document.title,
    date: document.date,
    modified_time: document.modifiedTime ?? null,
    markdown: document.markdown,
    content_hash: hash,
    fetched_at: now,
  };
  await db
    .insertInto('fetched_documents')
    .values({ id: document.id, ...values })
    .onConflict((c) => c.column('id').doUpdateSet(values))
    .execute();
  return before ? 'updated' : 'new';
}

/** Documents fetched at or after `since` (ms), oldest first: what a replica loads beside its own files. */
export async function documentsFetchedSince(db: Kysely<Tables>, since: number): Promise<FetchedDocumentRow[]> {
  return db
    .selectFrom('fetched_documents')
    .selectAll()
    .where('fetched_at', '>=', since)
    .orderBy('fetched_at')
    .orderBy('id')
    .execute();
}
