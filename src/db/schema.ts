// The tables, as the typed query layer (Kysely) sees them. One schema for SQLite and PostgreSQL: times are
// milliseconds since 1970 in 64-bit integers, flags are 0 or 1, so no column needs a type only one of them has.
import type { Generated, Selectable } from 'kysely';

/** A channel that follows new fact sheets; `paused_reason` is set when Discord refused a post there. */
export interface SubscriptionsTable {
  guild_id: string;
  channel_id: string;
  /** Words a fact sheet's title or body must hold to be announced here; null: every one. */
  words: string | null;
  created_at: number;
  paused_reason: string | null;
}

/** A server's choices for every command: private replies by default, a default document. */
export interface GuildSettingsTable {
  guild_id: string;
  private_replies: number;
  default_document: string | null;
  updated_at: number;
}

/** One feed's polling state; the lease lets one replica poll it at a time, and lapses if that replica dies. */
export interface FeedStateTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  failures: Generated<number>;
  first_failure_at: number | null;
  next_poll_at: number;
  last_error: string | null;
  reported_down: Generated<number>;
  lease_owner: string | null;
  lease_until: number | null;
}

/** A fact sheet fetched from a feed, as Markdown the parser reads; an edit replaces it (same id). */
export interface FetchedDocumentsTable {
  id: string;
  url: string;
  title: string;
  date: string | null;
  modified_time: string | null;
  markdown: string;
  content_hash: string;
  fetched_at: number;
}

/**
 * One announcement of one version of a document in one channel: claimed before it is sent (its key is unique,
 * so one replica wins), marked sent after. A claim whose lease lapsed unsent can be taken over.
 */
export interface AnnouncementsTable {
  channel_id: string;
  document_id: string;
  version: string;
  claimed_by: string;
  lease_until: number;
  sent_at: number | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface Tables {
  subscriptions: SubscriptionsTable;
  guild_settings: GuildSettingsTable;
  feed_state: FeedStateTable;
  fetched_documents: FetchedDocumentsTable;
  announcements: AnnouncementsTable;
}

export type SubscriptionRow = Selectable<SubscriptionsTable>;
export type FeedStateRow = Selectable<FeedStateTable>;
export type FetchedDocumentRow = Selectable<FetchedDocumentsTable>;
