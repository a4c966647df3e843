// Sends each channel's announcements exactly once: each is claimed in the database before it is posted and
// marked sent after. A channel the bot can no longer post in (Missing Access, Missing Permissions, Unknown
// Channel) pauses its subscription with the reason, shown by /following; any other failure leaves the claim
// to lapse and be tried again later, by this replica or another. The database being away stops the round
// (nothing is posted unclaimed); the next round tries again.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { claim, markSent, postponed, type AnnouncementKey } from '../db/announcements.js';
import type { Tables } from '../db/schema.js';
import { pause } from '../db/subscriptions.js';
import { announcementMessage, summedUpMessage, type MessageBody } from '../render/announcement.js';
import type { Announceable, ChannelPlan } from './plan.js';
import { nonceOf, type PostMessage } from './post-message.js';

/** Discord's codes for a channel the bot cannot post in, and what /following says of each. */
export const PAUSING_ERRORS: Readonly<Record<number, string>> = {
  50001: 'the bot cannot see that channel (Missing Access)',
  50013: 'the bot may not post there (Missing Permissions)',
  10003: 'the channel no longer exists (Unknown Channel)',
};

export interface SenderOptions {
  db: Kysely<Tables>;
  post: PostMessage;
  /** This replica, as its claims name it. */
  owner: string;
  log: Logger;
  now?: () => number;
  /** How long a claim holds before another replica may finish it (a post takes well under it). */
  leaseMs?: number;
  /** How long after a failed post it is tried again. */
  retryMs?: number;
}

export interface RoundResult {
  sent: number;
  failed: number;
  paused: string[];
}

const keyOf = (channelId: string, item: Announceable): AnnouncementKey => ({
  channelId,
  documentId: item.document.id,
  version: item.version,
});
const nonceFor = (keys: AnnouncementKey[]) =>
  nonceOf(keys.map((k) => `${k.channelId}/${k.documentId}/${k.version}`).join('\n'));

/** Sends every channel's plan; resolves once each is sent, postponed or paused. Throws when the database fails. */
export async function sendAnnouncements(plans: readonly ChannelPlan[], options: SenderOptions): Promise<RoundResult> {
  const result: RoundResult = { sent: 0, failed: 0, paused: [] };
  for (const plan of plans) await sendToChannel(plan, options, result);
  return result;
}

async function claimed(items: Announceable[], channelId: string, options: SenderOptions): Promise<Announceable[]> {
  const now = (options.now ?? Date.now)();
  const mine: Announceable[] = [];
  for (const item of items)
    if (await claim(options.db, keyOf(channelId, item), options.owner, now, options.leaseMs ?? 60_000)) mine.push(item);
  return mine;
}

async function sendToChannel(plan: ChannelPlan, options: SenderOptions, result: RoundResult): Promise<void> {
  const channelId = plan.subscription.channelId;
  const posts: Array<{ items: Announceable[]; body: MessageBody }> = [];
  for (const item of await claimed(plan.each, channelId, options))
    posts.push({ items: [item], body: announcementMessage(item) });
  const rest = await claimed(plan.rest, channelId, options);
  if (rest.length) posts.push({ items: rest, body: summedUpMessage(rest) });
  for (const [i, { items, body }] of posts.entries()) {
    const keys = items.map((item) => keyOf(channelId, item));
    const outcome = await options.post(channelId, body, nonceFor(keys));
    const now = (options.now ?? Date.now)();
    if (outcome.ok) {
      for (const key of keys) await markSent(options.db, key, options.owner, now);
      result.sent += keys.length;
      continue;
    }
    const reason = PAUSING_ERRORS[outcome.error];
    options.log.warn(
      { channel: channelId, error: outcome.error, reason: outcome.message },
      'could not post an announcement',
    );
    const unsent = posts.slice(i).flatMap((p) => p.items.map((item) => keyOf(channelId, item)));
    for (const key of reason ? unsent : keys)
      await postponed(
        options.db,
        key,
        options.owner,
        now + (options.retryMs ?? 60_000),
        `${outcome.error}: ${outcome.message}`,
      );
    result.failed += keys.length;
    if (reason) {
      await pause(options.db, channelId, reason);
      result.paused.push(channelId);
      return;
    }
  }
}
