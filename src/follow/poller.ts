// Polls each followed feed that is due, one replica at a time (a lease in the database): the feed with its saved
// state, then the pages of its new or edited items, each stored as a fetched document as soon as it is read,
// then the feed's state, which lets the lease go. A replica killed mid-poll loses nothing: the lease lapses, the
// state saved before this poll is still there, and the next replica polls again, skipping what was stored.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { storeDocument, type Stored } from '../db/documents.js';
import { leaseFeed, renewLease, saveFeedState } from '../db/feeds.js';
import type { Tables } from '../db/schema.js';
import type { FeedEntry, FeedOptions, PollResult } from '../feeds/index.js';

// The feed readers (an HTML parser, Readability, Turndown, an XML parser: about 20 MB of RSS) are loaded at the
// first poll, so a replica that follows no feed never holds them.
const feedReaders = () => import('../feeds/index.js');

/** What following reports to /metrics. */
export interface FollowMetrics {
  onFeedPoll?: (outcome: PollResult['outcome']) => void;
  onDocumentStored?: (stored: Exclude<Stored, 'unchanged'>) => void;
  onAnnouncements?: (sent: number, failed: number) => void;
}

export interface PollerOptions {
  db: Kysely<Tables>;
  feeds: readonly string[];
  /** This replica, as its leases name it. */
  owner: string;
  pollMs: number;
  /** How long the feed is held between renewals (FEED_LEASE_SECONDS); a killed replica's lapses after it. */
  leaseMs?: number;
  log: Logger;
  metrics?: FollowMetrics;
  /** Tells the other replicas a document was stored, so they serve it at once (PostgreSQL's NOTIFY). */
  tellReplicas?: () => Promise<void>;
  /** Bounds of each request (tests shorten them); the defaults otherwise. */
  feedOptions?: FeedOptions;
}

/** Longer than a poll with its pages takes between renewals (a page's request is bounded at 20 s). */
const LEASE_MS = 5 * 60_000;
/** Items the feed gives no time of change for are read again this long after publication, to see edits. */
const RECENT_MS = 2 * 86_400_000;

/** Polls every due feed in turn; how many documents were stored, new or edited. Throws when the database fails. */
export async function pollDueFeeds(options: PollerOptions): Promise<number> {
  let stored = 0;
  for (const url of options.feeds) stored += await pollOne(url, options);
  return stored;
}

async function pollOne(url: string, options: PollerOptions): Promise<number> {
  const { db, owner, log, leaseMs = LEASE_MS } = options;
  const started = Date.now();
  const state = await leaseFeed(db, url, owner, started, leaseMs);
  if (!state) return 0;
  const { pollFeed } = await feedReaders();
  // The poll's start as its clock: the next poll is due one interval after it, not after its pages.
  const result = await pollFeed(url, state, {
    ...options.feedOptions,
    pollIntervalMs: options.pollMs,
    now: () => started,
  });
  options.metrics?.onFeedPoll?.(result.outcome);
  logPoll(url, result, log);
  let stored = 0;
  let missed = 0;
  for (const entry of result.entries) {
    if (!(await newOrEdited(db, entry, started))) continue;
    const outcome = await fetchAndStore(url, entry, options);
    if (outcome === 'failed') missed++;
    else if (outcome !== 'unchanged') stored++;
    await renewLease(db, url, owner, Date.now(), leaseMs);
  }
  // A page not read this time is asked for again: without the validators, the next poll gets the whole list.
  const next = missed ? { ...result.state, etag: undefined, lastModified: undefined } : result.state;
  if (!(await saveFeedState(db, url, owner, next))) log.warn({ feed: url }, 'feed lease lapsed during a poll');
  return stored;
}

function logPoll(url: string, result: PollResult, log: Logger): void {
  if (result.transition === 'reported')
    log.error({ feed: url, reason: result.error }, 'feed down for a day: polled again every few hours');
  else if (result.transition === 'recovered') log.info({ feed: url }, 'feed answers again');
  else if (result.outcome === 'failed')
    log.warn({ feed: url, reason: result.error, failures: result.state.failures }, 'feed poll failed');
  else log.debug({ feed: url, outcome: result.outcome, items: result.entries.length }, 'feed polled');
}

/** Not stored yet, changed since (the feed says so), or recent and of unknown change time. */
async function newOrEdited(db: Kysely<Tables>, entry: FeedEntry, now: number): Promise<boolean> {
  const { documentId } = await feedReaders();
  const row = await db
    .selectFrom('fetched_documents')
    .select('modified_time')
    .where('id', '=', documentId(entry.url))
    .executeTakeFirst();
  if (!row) return true;
  if (entry.modified) return !row.modified_time || Date.parse(entry.modified) > Date.parse(row.modified_time);
  return entry.published !== undefined && now - Date.parse(entry.published) < RECENT_MS;
}

async function fetchAndStore(url: string, entry: FeedEntry, options: PollerOptions): Promise<Stored | 'failed'> {
  const { fetchDocument } = await feedReaders();
  const fetched = await fetchDocument(entry, options.feedOptions ?? {});
  if (!fetched.ok) {
    options.log.warn({ feed: url, item: entry.url, reason: fetched.error }, 'could not read a feed item');
    return 'failed';
  }
  const stored = await storeDocument(options.db, fetched.document, Date.now());
  if (stored === 'unchanged') return stored;
  options.metrics?.onDocumentStored?.(stored);
  // Stored is what matters: a replica that does not hear of it still reads it at its next poll.
  await options.tellReplicas?.().catch(() => {});
  options.log.info({ feed: url, item: entry.url, id: fetched.document.id, stored }, 'fact sheet fetched');
  return stored;
}
