// Channels that follow new fact sheets, by server. Following again changes the words and resumes a paused
// subscription, but keeps when it began: nothing older than the first /follow is announced.
import type { Kysely } from 'kysely';
import type { Subscription } from '../guild.js';
import type { SubscriptionRow, Tables } from './schema.js';

const fromRow = (row: SubscriptionRow): Subscription => ({
  guildId: row.guild_id,
  channelId: row.channel_id,
  words: row.words,
  createdAt: Number(row.created_at),
  pausedReason: row.paused_reason,
});

export async function follow(
  db: Kysely<Tables>,
  subscription: Pick<Subscription, 'guildId' | 'channelId' | 'words' | 'createdAt'>,
): Promise<void> {
  await db
    .insertInto('subscriptions')
    .values({
      guild_id: subscription.guildId,
      channel_id: subscription.channelId,
      words: subscription.words,
      created_at: subscription.createdAt,
      paused_reason: null,
    })
    .onConflict((c) =>
      c.columns(['guild_id', 'channel_id']).doUpdateSet({ words: subscription.words, paused_reason: null }),
    )
    .execute();
}

/** True when the channel was following. */
export async function unfollow(db: Kysely<Tables>, guildId: string, channelId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('subscriptions')
    .where('guild_id', '=', guildId)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A server's subscriptions, oldest first. */
export async function subscriptionsOf(db: Kysely<Tables>, guildId: string): Promise<Subscription[]> {
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('guild_id', '=', guildId)
    .orderBy('created_at')
    .orderBy('channel_id')
    .execute();
  return rows.map(fromRow);
}

/** Every subscription not paused: the channels announcements go to. */
export async function activeSubscriptions(db: Kysely<Tables>): Promise<Subscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll().where('paused_reason', 'is', null).execute();
  return rows.map(fromRow);
}

/** Stops announcing in a channel, saying why (shown by /following); /follow again resumes it. */
export async function pause(db: Kysely<Tables>, channelId: string, reason: string): Promise<void> {
  await db.updateTable('subscriptions').set({ paused_reason: reason }).where('channel_id', '=', channelId).execute();
}
