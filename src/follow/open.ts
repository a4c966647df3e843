// The bot's own data at start: the database (SQLite under DATA_DIR, or PostgreSQL with DATABASE_URL), the
// servers' state the handler reads from it, and the folder of fetched documents the library reads beside
// SEEDS_DIR, brought up to date before the first load so a restart serves what was fetched.
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DatabaseGuildStore } from '../db/guild-store.js';
import { DatabaseUnavailable, openDatabase, type Database } from '../db/open.js';
import { FETCHED_NAME, FetchedFolder } from './fetched-folder.js';

export interface BotData {
  database: Database;
  guilds: DatabaseGuildStore;
  folder: FetchedFolder;
  /** This replica, as its leases and claims name it. */
  owner: string;
  close(): Promise<void>;
}

/** Null after one fatal line naming DATABASE_URL or DATA_DIR when the database cannot be opened. */
export async function openBotData(databaseUrl: string | null, dataDir: string, log: Logger): Promise<BotData | null> {
  let database: Database;
  try {
    database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    log.fatal(error.message);
    return null;
  }
  log.info({ database: database.backend }, 'database open');
  const guilds = await DatabaseGuildStore.open(database);
  const folder = new FetchedFolder(join(dataDir, FETCHED_NAME), database.db);
  await folder.sync().catch((error: unknown) => log.warn({ err: error }, 'could not write the fetched documents'));
  const owner = `${hostname()}:${process.pid}`;
  return { database, guilds, folder, owner, close: () => guilds.close().then(() => database.close()) };
}
