// Following, while the bot runs: each round polls the due feeds (FEEDS), writes what any replica fetched into
// this replica's folder, reloads the library when it changed, and announces what is due. One round a poll
// interval, so every replica serves a new fact sheet within one. A round the database fails is logged and
// the next one tries again; commands keep answering meanwhile.
import type { Logger } from 'pino';
import type { PostMessage } from '../announce/post-message.js';
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
    await followRound(options).catch((error: unknown) =>
      options.log.warn({ err: error }, 'following: the database could not be reached; trying again next round'),
    );
    const next = () => {
      round = run();
    };
    if (!stopped) timer = setTimeout(next, Math.max(0, started + options.pollMs - Date.now()));
  };
  round = run();
  return {
    async close(ms = 1000) {
      stopped = true;
      clearTimeout(timer);
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([round, new Promise((resolve) => (wait = setTimeout(resolve, ms)))]);
      clearTimeout(wait);
    },
  };
}

async function followRound(options: FollowingOptions): Promise<void> {
  const { database, live, log } = options;
  if (options.feeds.length) await pollDueFeeds({ ...options, db: database.db });
  if ((await options.folder.sync()) > 0) await live.reloadAndLog();
  if (!options.post) return;
  const result = await announceRecent(live.current(), { ...options, db: database.db, post: options.post });
  if (!result) return;
  options.metrics?.onAnnouncements?.(result.sent, result.failed);
  // A line when something was posted, refused or paused; a quiet round says nothing.
  if (result.sent + result.failed + result.paused.length === 0) return;
  log.info({ sent: result.sent, failed: result.failed, paused: result.paused }, 'announcements sent');
}
