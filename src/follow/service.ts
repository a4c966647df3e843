// Following, while the bot runs: each round polls the due feeds (FEEDS), writes what any replica fetched into
// this replica's folder, reloads the library when it changed, and announces what is due. One round a poll
// interval, so every replica serves a new fact sheet within one; on PostgreSQL, a replica that stores one says
// so (NOTIFY) and the others catch up at once. A round the database fails is logged and the next one tries
// again; commands keep answering meanwhile.
import type { Logger } from 'pino';
import type { PostMessage } from '../announce/post-message.js';
import { listen, NEWS, notify } from '../db/notifications.js';
import type { Database } from '../db/open.js';
import type { FeedOptions } from '../feeds/index.js';
import type { LiveLibrary } from '../library/reload.js';
import { announceRecent } from './announce-recent.js';
import type { FetchedFolder } from './fetched-folder.js';
import { pollDueFeeds, type FollowMetrics } from './poller.js';

export interface FollowingOptions {
  database: Database;
  live: LiveLibrary;
  folder: FetchedFolder;
  feeds: readonly string[];
  pollMs: number;
  leaseMs?: number;
  owner: string;
  log: Logger;
  metrics?: FollowMetrics;
  /** Posts announcements (REST with the bot token); null: none are sent (no token). */
  post: PostMessage | null;
  feedOptions?: FeedOptions;
}

export interface Following {
  /** Stops after the round in flight, waiting for it at most `ms`. */
  close(ms?: number): Promise<void>;
}

export function startFollowing(options: FollowingOptions): Following {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const run = async () => {
    const started = Date.now();
    await attempt(() => followRound(options), options.log);
    // After any catch-up queued meanwhile: one thing at a time reads and writes the folder.
    const next = () => {
      round = round.then(run);
    };
    if (!stopped) timer = setTimeout(next, Math.max(0, started + options.pollMs - Date.now()));
  };
  round = run();
  let catchUpQueued = false;
  const listening = hearStoredDocuments(options, () => {
    // After the round in flight, one catch-up however many stored documents were heard meanwhile.
    if (stopped || catchUpQueued) return;
    catchUpQueued = true;
    round = round.then(() => ((catchUpQueued = false), attempt(() => catchUp(options), options.log)));
  });
  return {
    async close(ms = 1000) {
      stopped = true;
      clearTimeout(timer);
      // Not waited for: a connection still being made must not hold the shutdown up.
      void listening.then((stop) => stop());
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([round, new Promise((resolve) => (wait = setTimeout(resolve, ms)))]);
      clearTimeout(wait);
    },
  };
}

const attempt = (work: () => Promise<void>, log: Logger) =>
  work().catch((error: unknown) =>
    log.warn({ err: error }, 'following: the database could not be reached; trying again next round'),
  );

/** On PostgreSQL, calls `heard` when another replica stored a fetched document; resolves to a function that stops. */
async function hearStoredDocuments(options: FollowingOptions, heard: () => void): Promise<() => Promise<void>> {
  const { url } = options.database;
  const stop = () => Promise.resolve();
  if (!url) return stop;
  // Not listening is not fatal: the poll interval still brings every document.
  return listen(url, NEWS.documents, (owner) => owner !== options.owner && heard()).then(
    (stopListening) => (options.log.debug('hearing of documents the other replicas fetch'), stopListening),
    (error: unknown) => {
      options.log.warn({ err: error }, 'following: cannot listen for fetched documents; they arrive each poll');
      return stop;
    },
  );
}

async function followRound(options: FollowingOptions): Promise<void> {
  const { database, owner } = options;
  const tellReplicas = database.url ? () => notify(database.db, NEWS.documents, owner) : undefined;
  if (options.feeds.length) await pollDueFeeds({ ...options, db: database.db, tellReplicas });
  await catchUp(options);
}

/** Serves what any replica fetched, and announces what is due. */
async function catchUp(options: FollowingOptions): Promise<void> {
  const { database, live, log } = options;
  const changed = await options.folder.sync();
  if (changed > 0) await live.reloadAndLog();
  log.debug({ changed }, 'fetched documents read');
  if (!options.post) return;
  const result = await announceRecent(live.current(), { ...options, db: database.db, post: options.post });
  if (!result) return;
  options.metrics?.onAnnouncements?.(result.sent, result.failed);
  // A line when something was posted, refused or paused; a quiet round says nothing.
  if (result.sent + result.failed + result.paused.length === 0) return;
  log.info({ sent: result.sent, failed: result.failed, paused: result.paused }, 'announcements sent');
}
