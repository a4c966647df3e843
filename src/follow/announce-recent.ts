// Announces what was fetched lately, as this replica's library has parsed it, in every following channel.
// Every replica runs it after each sync: the claims in the database let one of them post each announcement
// once, and a post that failed (its claim lapsed) is tried again by whichever runs next.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { planAnnouncements, publishedAt, type Announceable } from '../announce/plan.js';
import type { PostMessage } from '../announce/post-message.js';
import { sendAnnouncements, type RoundResult } from '../announce/sender.js';
import { otherVersionSent } from '../db/announcements.js';
import { documentsFetchedSince } from '../db/documents.js';
import type { FetchedDocumentRow, Tables } from '../db/schema.js';
import { activeSubscriptions } from '../db/subscriptions.js';
import type { Library } from '../library/library.js';
import { fetchedFile, type FetchedFolder } from './fetched-folder.js';

/** Fetched documents announced, or retried, for this long after they were stored. */
const ANNOUNCE_WINDOW_MS = 86_400_000;

export interface AnnouncerOptions {
  db: Kysely<Tables>;
  post: PostMessage;
  owner: string;
  log: Logger;
  /** This replica's folder: what its library read, by version. */
  folder: Pick<FetchedFolder, 'versionOf'>;
}

/** Sends what is due; null when no channel follows or nothing is due. Throws when the database fails. */
export async function announceRecent(library: Library, options: AnnouncerOptions): Promise<RoundResult | null> {
  const subscriptions = await activeSubscriptions(options.db);
  if (subscriptions.length === 0) return null;
  const rows = await documentsFetchedSince(options.db, Date.now() - ANNOUNCE_WINDOW_MS);
  const plans = planAnnouncements(await announceables(library, rows, options), subscriptions);
  if (plans.length === 0) return null;
  return sendAnnouncements(plans, options);
}

/** The rows the library serves, parsed; keyed by the row's id, the same on every replica. */
async function announceables(library: Library, rows: FetchedDocumentRow[], options: AnnouncerOptions) {
  const byFile = new Map(library.documents.map((document) => [document.file, document]));
  const items: Announceable[] = [];
  for (const row of rows) {
    const document = byFile.get(fetchedFile(row.id));
    // A version stored since this replica's sync waits for the next one: never announced with the old text.
    if (!document || options.folder.versionOf(row.id) !== row.content_hash) continue;
    items.push({
      document: { ...document, id: row.id },
      version: row.content_hash,
      updated: await otherVersionSent(options.db, row.id, row.content_hash),
      publishedAt: publishedAt(row.date, row.modified_time ?? undefined, Number(row.fetched_at)),
    });
  }
  return items;
}
