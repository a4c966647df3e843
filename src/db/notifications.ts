// News between replicas through PostgreSQL's LISTEN/NOTIFY: the replica that changes something notifies, every
// replica listening hears it at once. Settings changed (the cache forgets its copy) and a fetched document stored
// (the library reads it) each have a channel. A lost connection is retried; what was missed meanwhile is caught
// up by the settings' time to live and the next poll interval. SQLite is one process: nothing to hear.
import { sql, type Kysely } from 'kysely';
import type { Client } from 'pg';
import type { Tables } from './schema.js';

/** The channels replicas tell each other news on; the payload is what changed. */
export const NEWS = {
  /** A server's settings changed: the payload is its id. */
  settings: 'factsheet_settings',
  /** A fetched document was stored: the payload is the replica that stored it. */
  documents: 'factsheet_documents',
} as const;
export type NewsChannel = (typeof NEWS)[keyof typeof NEWS];

const RETRY_MS = 2000;

/** Tells every listening replica the news. */
export async function notify(db: Kysely<Tables>, channel: NewsChannel, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/** Calls `heard` with each payload notified on `channel`; resolves to a function that stops. */
export async function listen(
  url: string,
  channel: NewsChannel,
  heard: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    // The driver is loaded by the first replica that listens: SQLite's never does.
    const { default: pg } = await import('pg');
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => message.payload && heard(message.payload));
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  const reconnect = (from: Client) => {
    if (stopped || client !== from) return;
    client = null;
    retry = setTimeout(() => void connect().catch(() => reconnectLater()), RETRY_MS);
  };
  const reconnectLater = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(() => reconnectLater()), RETRY_MS);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
