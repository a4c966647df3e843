// What a server keeps in the database, as commands see it: its settings, the channels that follow new fact
// sheets, and the changes /follow, /unfollow and /settings ask for. Commands stay pure: the handler reads what
// a command needs before it runs (src/guild-state.ts), the command declares the change it wants with
// `guild.request`, and the handler applies it through the database before the reply goes; a change that
// cannot be saved turns the reply into a notice saying so.

export interface GuildSettings {
  /** Replies only the asker sees unless a command's `private` option says otherwise. */
  privateReplies: boolean;
  /** The document commands look in when their `document` option is not given; null: every document. */
  defaultDocument: string | null;
}

export const DEFAULT_SETTINGS: Readonly<GuildSettings> = { privateReplies: false, defaultDocument: null };

export interface Subscription {
  guildId: string;
  channelId: string;
  /** Words a fact sheet's title or body must hold to be announced here; null: every one. */
  words: string | null;
  createdAt: number;
  /** Why announcements stopped here (Discord refused a post); null while it is active. */
  pausedReason: string | null;
}

export type GuildChange =
  | { kind: 'follow'; channelId: string; words: string | null }
  | { kind: 'unfollow'; channelId: string }
  | { kind: 'settings'; settings: GuildSettings };

/** A server's state as a command reads it, and how it asks for a change. */
export interface GuildContext {
  guildId: string;
  /** Whether the member has Manage Server (or Administrator), as the interaction's `member.permissions` says. */
  canManage: boolean;
  settings: GuildSettings;
  /** The server's subscriptions, for commands that read them; null when the database could not be read. */
  subscriptions: readonly Subscription[] | null;
  /** Asks the handler to save a change before the reply goes. */
  request(change: GuildChange): void;
}

/** Where servers' state is kept (the database); the entry point hands it to the handler. */
export interface GuildStore {
  settings(guildId: string): Promise<GuildSettings>;
  subscriptions(guildId: string): Promise<Subscription[]>;
  apply(guildId: string, change: GuildChange, now: number): Promise<void>;
}
