// Each server's choices for every command, read through a cache (./settings-cache.ts) so a command does not
// wait on the database for them.
import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type GuildSettings } from '../guild.js';
import type { Tables } from './schema.js';

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
