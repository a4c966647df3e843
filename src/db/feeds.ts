// Each feed's polling state, and the lease that lets one replica poll a feed at a time. The lease is a time,
// not a connection: a replica killed mid-poll stops renewing it, it lapses, and the next replica resumes from
// the state last saved (the documents it stored are kept; what it had not stored is fetched again).
import type { Kysely } from 'kysely';
import type { FeedState } from '../feeds/types.js';
import type { FeedStateRow, Tables } from './schema.js';

const fromRow = (row: FeedStateRow): FeedState => ({
  etag: row.etag ?? undefined,
  lastModified: row.last_modified ?? undefined,
  failures: row.failures,
  firstFailureAt: row.first_failure_at ?? undefined,
  nextPollAt: Number(row.next_poll_at),
  lastError: row.last_error ?? undefined,
  reportedDown: row.reported_down === 1,
});

const toRow = (state: FeedState) => ({
  etag: state.etag ?? null,
  last_modified: state.lastModified ?? null,
  failures: state.failures,
  first_failure_at: state.firstFailureAt ?? null,
  next_poll_at: state.nextPollAt,
  last_error: state.lastError ?? null,
  reported_down: state.reportedDown ? 1 : 0,
});

/**
 * Takes the feed's lease for `leaseMs` when it is due and no other replica holds it, and returns its state
 * (a feed never seen is due at once); null when it is not due or leased elsewhere.
 */
export async function leaseFeed(
  db: Kysely<Tables>,
  url: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<FeedState | null> {
  await db
    .insertInto('feed_state')
    .values({ url, next_poll_at: now, etag: null, last_modified: null, first_failure_at: null, last_error: null })
    .onConflict((c) => c.column('url').doNothing())
    .execute();
  const taken = await db
    .updateTable('feed_state')
    .set({ lease_owner: owner, lease_until: now + leaseMs })
    .where('url', '=', url)
    .where('next_poll_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now), eb('lease_owner', '=', owner)]))
    .executeTakeFirst();
  if (taken.numUpdatedRows === 0n) return null;
  const row = await db.selectFrom('feed_state').selectAll().where('url', '=', url).executeTakeFirstOrThrow();
  return fromRow(row);
}

/** Keeps holding the lease through a long poll; false when it lapsed and another replica took it. */
export async function renewLease(
  db: Kysely<Tables>,
  url: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('feed_state')
    .set({ lease_until: now + leaseMs })
    .where('url', '=', url)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Saves the state after a poll and lets the lease go; false (nothing saved) when `owner` no longer held it. */
export async function saveFeedState(
  db: Kysely<Tables>,
  url: string,
  owner: string,
  state: FeedState,
): Promise<boolean> {
  const result = await db
    .updateTable('feed_state')
    .set({ ...toRow(state), lease_owner: null, lease_until: null })
    .where('url', '=', url)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
