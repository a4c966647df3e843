// The migrations, in order, for both databases: written with Kysely's schema builder, which speaks each one's
// SQL. Applied at start (./open.ts); a new change is a new entry, never an edit of one already released.
import { type Kysely, type Migration } from 'kysely';

const createTables: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('subscriptions')
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('words', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('paused_reason', 'text')
      .addPrimaryKeyConstraint('subscriptions_pk', ['guild_id', 'channel_id'])
      .execute();
    await db.schema
      .createTable('guild_settings')
      .addColumn('guild_id', 'text', (c) => c.primaryKey())
      .addColumn('private_replies', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('default_document', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('feed_state')
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_failure_at', 'bigint')
      .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('reported_down', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .execute();
    await createDocumentTables(db);
  },
};

async function createDocumentTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fetched_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('modified_time', 'text')
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('announcements')
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('announcements_pk', ['channel_id', 'document_id', 'version'])
    .execute();
  // Unsent claims are what a replica looks for to finish: found without reading the sent ones.
  await db.schema.createIndex('announcements_unsent').on('announcements').columns(['sent_at', 'lease_until']).execute();
}

export const MIGRATIONS: Record<string, Migration> = {
  '2025-01-001-create-tables': createTables,
};
