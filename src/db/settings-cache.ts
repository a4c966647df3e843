// Servers' settings as every command reads them: from memory, so a command pays a map lookup, not a query.
// A change made here updates the cache at once; one made by another replica reaches it through PostgreSQL's
// LISTEN/NOTIFY (./notifications.ts) and, should a notification be missed, within the time to live. A stale
// value is served while it is read again in the background, so the database being slow or away never holds a
// command up once a server's settings have been read.
import { BudgetedMap, ENTRY_BYTES, stringBytes } from '../budgeted-map.js';
import type { GuildSettings } from '../guild.js';

/** How long a server's settings are trusted without news of a change. */
export const SETTINGS_TTL_MS = 30_000;
/** Servers whose settings are kept; the least recently used are read again when needed. */
const CAPACITY = 50_000;

interface Entry {
  settings: GuildSettings;
  readAt: number;
  /** Another replica changed them: read before use. */
  changed?: boolean;
  refreshing?: Promise<GuildSettings>;
}

export class SettingsCache {
  private readonly entries = new BudgetedMap<string, Entry>({
    maxEntries: CAPACITY,
    maxBytes: CAPACITY * 256,
    sizeOf: (guildId, entry) => ENTRY_BYTES + stringBytes(guildId) + stringBytes(entry.settings.defaultDocument ?? ''),
  });
  private readonly reading = new Map<string, Promise<GuildSettings>>();

  constructor(
    private readonly read: (guildId: string) => Promise<GuildSettings>,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = SETTINGS_TTL_MS,
  ) {}

  /** The settings, from memory when held (read again in the background once stale), else from the database. */
  get(guildId: string): Promise<GuildSettings> {
    const entry = this.entries.get(guildId);
    if (!entry) return this.load(guildId);
    if (entry.changed) return this.load(guildId).catch(() => entry.settings);
    if (this.now() - entry.readAt > this.ttlMs && !entry.refreshing) {
      entry.refreshing = this.load(guildId).catch(() => entry.settings);
      void entry.refreshing.finally(() => (entry.refreshing = undefined));
    }
    return Promise.resolve(entry.settings);
  }

  /** What this replica just saved. */
  set(guildId: string, settings: GuildSettings): void {
    this.entries.set(guildId, { settings, readAt: this.now() });
  }

  /** Another replica changed them: read them again before the next command uses them. */
  invalidate(guildId: string): void {
    const entry = this.entries.get(guildId);
    if (entry) entry.changed = true;
  }

  /** One read at a time per server, however many commands ask together. */
  private load(guildId: string): Promise<GuildSettings> {
    let pending = this.reading.get(guildId);
    if (!pending) {
      pending = this.read(guildId).then((settings) => {
        this.set(guildId, settings);
        return settings;
      });
      void pending.catch(() => {}).finally(() => this.reading.delete(guildId));
      this.reading.set(guildId, pending);
    }
    return pending;
  }
}
