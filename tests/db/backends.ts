// Every database test runs on both backends: SQLite on a file in a temporary folder, and a real PostgreSQL
// started by the test file on a free port (skipped, saying so, where PostgreSQL is not installed). Each test
// gets a database of its own: a new folder, or a new database on the one server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Backend, type Database, type DatabaseTarget } from '../../src/db/open.js';
import { findPostgres, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres-server.js';

export interface BackendUnderTest {
  backend: Backend;
  /** Where a new, empty database is: open it as many times as there are replicas. */
  fresh(): Promise<DatabaseTarget>;
  /** Opens a database and closes it after the file's tests. */
  open(target: DatabaseTarget): Promise<Database>;
  /** The PostgreSQL server itself (to stop it under a running bot); null for SQLite. */
  server(): PostgresServer | null;
}

let counter = 0;

/** Runs `tests` once per backend, inside a describe named after it. */
export function onBothBackends(tests: (under: BackendUnderTest) => void): void {
  const postgres = findPostgres();
  for (const backend of ['sqlite', 'postgres'] as const) {
    const skip = backend === 'postgres' && !postgres;
    if (skip) console.warn(POSTGRES_MISSING);
    describe.skipIf(skip)(backend, () => {
      const opened: Database[] = [];
      const folders: string[] = [];
      let server: PostgresServer | null = null;
      beforeAll(async () => {
        if (backend === 'postgres') server = await startPostgres(postgres!);
      }, 120_000);
      afterAll(async () => {
        await Promise.all(opened.map((d) => d.close().catch(() => {})));
        await server?.remove();
        for (const folder of folders) rmSync(folder, { recursive: true, force: true });
      }, 120_000);
      tests({
        backend,
        server: () => server,
        fresh: async () => {
          if (backend === 'sqlite') {
            const folder = mkdtempSync(join(tmpdir(), 'factsheet-db-'));
            folders.push(folder);
            return { dataDir: folder };
          }
          const name = `test_${process.pid}_${++counter}`;
          const admin = new pg.Client(server!.url);
          await admin.connect();
          await admin.query(`CREATE DATABASE ${name}`);
          await admin.end();
          return { databaseUrl: server!.url.replace(/\/postgres$/, `/${name}`) };
        },
        open: async (target) => {
          const database = await openDatabase(target);
          opened.push(database);
          return database;
        },
      });
    });
  }
}
