// News of a server's settings changed by another replica, through PostgreSQL's LISTEN/NOTIFY: the replica that
// saves a change notifies, every replica listening forgets its cached copy. A lost connection is retried; what
// was missed meanwhile is caught up by the cache's time to live. SQLite is one process: nothing to hear.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Tables } from './schema.js';

const CHANNEL = 'factsheet_settings';
const RETRY_MS = 2000;

/** Tells every listening replica that `guildId`'s settings changed. */
export async function notifySettingsChanged(db: Kysely<Tables>, guildId: string): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, ${guildId})`.execute(db);
}

/** Calls `changed` with each server whose settings another replica changed; resolves to a function that stops. */
export async function listenForSettings(url: string, changed: (guildId: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => message.payload && changed(message.payload));
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };
  const reconnect = (from: pg.Client) => {
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
