// Exactly once per channel and document version, across replicas and restarts: an announcement is claimed
// (a row under a unique key) before it is sent and marked sent after. Only one replica's claim succeeds; a
// claim left unsent (a failed post, or a replica killed between the claim and the send) lapses after its
// lease, and whoever claims it next sends it. A sent one is never claimed again.
import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

export interface AnnouncementKey {
  channelId: string;
  documentId: string;
  /** The document's content hash: an edit is a new version, announced as updated. */
  version: string;
}

const keyed = (key: AnnouncementKey) => ({
  channel_id: key.channelId,
  document_id: key.documentId,
  version: key.version,
});

/** True when `owner` now holds the claim: it was new, or an earlier claim's lease lapsed unsent. */
export async function claim(
  db: Kysely<Tables>,
  key: AnnouncementKey,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('announcements')
    .values({ ...keyed(key), claimed_by: owner, lease_until: now + leaseMs, sent_at: null, last_error: null })
    .onConflict((c) => c.columns(['channel_id', 'document_id', 'version']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return true;
  // One statement: of two replicas taking over the same lapsed claim, the database lets one update it.
  const taken = await db
    .updateTable('announcements')
    .set({ claimed_by: owner, lease_until: now + leaseMs })
    .where((eb) => eb.and(keyed(key)))
    .where('sent_at', 'is', null)
    .where('lease_until', '<=', now)
    .executeTakeFirst();
  return taken.numUpdatedRows > 0n;
}

/** Marks it sent: never claimed again. */
export async function markSent(db: Kysely<Tables>, key: AnnouncementKey, owner: string, now: number): Promise<void> {
  await db
    .updateTable('announcements')
    .set({ sent_at: now, last_error: null })
    .where((eb) => eb.and(keyed(key)))
    .where('claimed_by', '=', owner)
    .execute();
}

/** A failed post: the claim stays unsent and lapses at `retryAt`, when any replica may try again. */
export async function postponed(
  db: Kysely<Tables>,
  key: AnnouncementKey,
  owner: string,
  retryAt: number,
  error: string,
): Promise<void> {
  await db
    .updateTable('announcements')
    .set((eb) => ({ lease_until: retryAt, last_error: error, attempts: eb('attempts', '+', 1) }))
    .where((eb) => eb.and(keyed(key)))
    .where('claimed_by', '=', owner)
    .where('sent_at', 'is', null)
    .execute();
}

/** Claims never marked sent whose lease has lapsed: what a replica finishes for one that failed or died. */
export async function lapsedClaims(db: Kysely<Tables>, now: number): Promise<AnnouncementKey[]> {
  const rows = await db
    .selectFrom('announcements')
    .select(['channel_id', 'document_id', 'version'])
    .where('sent_at', 'is', null)
    .where('lease_until', '<=', now)
    .execute();
  return rows.map((r) => ({ channelId: r.channel_id, documentId: r.document_id, version: r.version }));
}

/** Whether this version was announced in the channel. */
export async function wasSent(db: Kysely<Tables>, key: AnnouncementKey): Promise<boolean> {
  const row = await db
    .selectFrom('announcements')
    .select('sent_at')
    .where((eb) => eb.and(keyed(key)))
    .executeTakeFirst();
  return row?.sent_at != null;
}

/** Whether another version of the document was announced anywhere: this one is then an update. */
export async function otherVersionSent(db: Kysely<Tables>, documentId: string, version: string): Promise<boolean> {
  const row = await db
    .selectFrom('announcements')
    .select('version')
    .where('document_id', '=', documentId)
    .where('version', '!=', version)
    .where('sent_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
