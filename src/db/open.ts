// Opens the database and brings its schema up to date: SQLite in a file under DATA_DIR by default (nothing to
// install; one process), PostgreSQL when DATABASE_URL is set (several replicas share it). Both behind one typed
// query layer (Kysely), so the rest of the bot never asks which one it has. A database that cannot be opened
// is one clear line naming the setting to look at, never a stack of driver errors.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { MIGRATIONS } from './migrations.js';
import type { Tables } from './schema.js';

export type Backend = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly backend: Backend;
  /** PostgreSQL's address, for a connection of its own that listens for notifications. */
  readonly url?: string;
  close(): Promise<void>;
}

/** Where the database is: DATABASE_URL's PostgreSQL, or a SQLite file under DATA_DIR. */
export type DatabaseTarget = { databaseUrl: string } | { dataDir: string };

/** The file SQLite keeps under DATA_DIR. */
export const SQLITE_FILE = 'factsheet.db';
/** How long PostgreSQL may take to answer a connection, so an unreachable one fails in seconds, not minutes. */
const CONNECT_TIMEOUT_MS = 5000;
/** How long SQLite waits for another connection's write to finish before it says the file is busy. */
const SQLITE_BUSY_MS = 5000;

export class DatabaseUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailable';
  }
}

/** The address without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'a value that is not a URL';
  }
}

const reasonOf = (error: unknown) =>
  (error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error))
    .split('\n')[0]!
    .slice(0, 300);

/** 64-bit integers (our times) read as numbers: they are milliseconds, well within 2^53. */
const INT8_OID = 20;

// Each driver is imported when its database is opened, so a replica loads only the one it uses.
async function postgresDialect(url: string): Promise<Dialect> {
  const { default: pg } = await import('pg');
  const typeParser = ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? Number : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser;
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 10,
    types: { getTypeParser: typeParser },
  });
  // An idle connection the server ended (a restart) is an 'error' on the pool; the next query reconnects.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

async function sqliteDialect(dataDir: string): Promise<Dialect> {
  const { default: SQLite } = await import('better-sqlite3');
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(join(dataDir, SQLITE_FILE), { timeout: SQLITE_BUSY_MS });
  // Readers do not wait for a writer, and another connection to the same file (a second process) may write.
  file.pragma('journal_mode = WAL');
  return new SqliteDialect({ database: file });
}

/** Applies every migration not applied yet; PostgreSQL's migrator takes a lock, so replicas starting together wait. */
export async function migrate(db: Kysely<Tables>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('a migration failed', { cause: error });
}

/** Opens and migrates the database; rejects with one line naming DATABASE_URL or DATA_DIR when it cannot. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const backend: Backend = 'databaseUrl' in target ? 'postgres' : 'sqlite';
  let db: Kysely<Tables> | null = null;
  try {
    db = new Kysely<Tables>({
      dialect: await ('databaseUrl' in target ? postgresDialect(target.databaseUrl) : sqliteDialect(target.dataDir)),
    });
    await migrate(db);
  } catch (error) {
    await db?.destroy().catch(() => {});
    const where =
      'databaseUrl' in target
        ? `DATABASE_URL (${shownUrl(target.databaseUrl)})`
        : `DATA_DIR (${join(resolve(target.dataDir), SQLITE_FILE)})`;
    throw new DatabaseUnavailable(`cannot open the database at ${where}: ${reasonOf(error)}`);
  }
  const opened = db;
  const url = 'databaseUrl' in target ? target.databaseUrl : undefined;
  return { db: opened, backend, url, close: () => opened.destroy() };
}
