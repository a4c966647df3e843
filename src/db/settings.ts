// Each server's choices for every command, read through a cache (./settings-cache.ts) so a command does not
// wait on the database for them.
import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

export interface GuildSettings {
  /** Replies only the asker sees unless a command's `private` option says otherwise. */
  privateReplies: boolean;
  /** The document commands look in when their `document` option is not given; null: every document. */
  defaultDocument: string | null;
}

export const DEFAULT_SETTINGS: Readonly<GuildSettings> = { privateReplies: false, defaultDocument: null };

export async function readSettings(db: Kysely<Tables>, guildId: string): Promise<GuildSettings> {
  const row = await db
    .selectFrom('guild_settings')
    .select(['private_replies', 'default_document'])
    .where('guild_id', '=', guildId)
    .executeTakeFirst();
  return row ? { privateReplies: row.private_replies === 1, defaultDocument: row.default_document } : DEFAULT_SETTINGS;
}

export async function saveSettings(
  db: Kysely<Tables>,
  guildId: string,
  settings: GuildSettings,
  now: number,
): Promise<void> {
  const values = {
    private_replies: settings.privateReplies ? 1 : 0,
    default_document: settings.defaultDocument,
    updated_at: now,
  };
  await db
    .insertInto('guild_settings')
    .values({ guild_id: guildId, ...values })
    .onConflict((c) => c.column('guild_id').doUpdateSet(values))
    .execute();
}
