// Servers' state in the database, as the handler reads and changes it (../guild.ts): settings through the
// cache, subscriptions and changes straight from the database.
import type { GuildChange, GuildSettings, GuildStore, Subscription } from '../guild.js';
import type { Database } from './open.js';
import { SettingsCache } from './settings-cache.js';
import { listen, NEWS, notify } from './notifications.js';
import { readSettings, saveSettings } from './settings.js';
import { follow, subscriptionsOf, unfollow } from './subscriptions.js';

export class DatabaseGuildStore implements GuildStore {
  readonly cache: SettingsCache;

  private constructor(private readonly database: Database) {
    this.cache = new SettingsCache((guildId) => readSettings(database.db, guildId));
  }

  private stopListening = () => Promise.resolve();

  /** The store, hearing of other replicas' changes to settings from PostgreSQL. */
  static async open(database: Database): Promise<DatabaseGuildStore> {
    const store = new DatabaseGuildStore(database);
    if (database.url)
      store.stopListening = await listen(database.url, NEWS.settings, (id) => store.cache.invalidate(id));
    return store;
  }

  close(): Promise<void> {
    return this.stopListening();
  }

  settings(guildId: string): Promise<GuildSettings> {
    return this.cache.get(guildId);
  }

  subscriptions(guildId: string): Promise<Subscription[]> {
    return subscriptionsOf(this.database.db, guildId);
  }

  async apply(guildId: string, change: GuildChange, now: number): Promise<void> {
    const { db, backend } = this.database;
    if (change.kind === 'follow') {
      await follow(db, { guildId, channelId: change.channelId, words: change.words, createdAt: now });
    } else if (change.kind === 'unfollow') {
      await unfollow(db, guildId, change.channelId);
    } else {
      await saveSettings(db, guildId, change.settings, now);
      this.cache.set(guildId, change.settings);
      if (backend === 'postgres') await notify(db, NEWS.settings, guildId).catch(() => {});
    }
  }
}
