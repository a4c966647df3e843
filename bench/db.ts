// The database's cost, on SQLite (a file in a temporary folder) and on a local PostgreSQL started here: per
// announcement (claim it, mark it sent: what exactly-once costs, without the post itself) and per settings read,
// as a command pays it (from the cache) and as the cache pays it when it reads (a query). The settings a command
// reads must add at most 0.1 ms median. Run: npx tsx bench/db.ts (also part of npm run bench).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claim, markSent } from '../src/db/announcements.js';
import { DatabaseGuildStore } from '../src/db/guild-store.js';
import { openDatabase, type Database, type DatabaseTarget } from '../src/db/open.js';
import { readSettings, saveSettings } from '../src/db/settings.js';
import { findPostgres, startPostgres } from '../tests/support/postgres-server.js';

const ANNOUNCEMENTS = 2000;
const READS = 20_000;
const QUERIES = 2000;
const GUILDS = 100;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(times: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function measure(name: string, database: Database): Promise<void> {
  const { db } = database;
  for (let g = 0; g < GUILDS; g++)
    await saveSettings(db, `guild-${g}`, { privateReplies: g % 2 === 0, defaultDocument: null }, 0);
  const announcement = await timed(ANNOUNCEMENTS, async (i) => {
    const key = { channelId: `channel-${i % 50}`, documentId: `document-${i}`, version: 'v1' };
    await claim(db, key, 'bench', Date.now(), 60_000);
    await markSent(db, key, 'bench', Date.now());
  });
  const query = await timed(QUERIES, (i) => readSettings(db, `guild-${i % GUILDS}`));
  const store = await DatabaseGuildStore.open(database);
  for (let g = 0; g < GUILDS; g++) await store.settings(`guild-${g}`);
  const cached = await timed(READS, (i) => store.settings(`guild-${i % GUILDS}`));
  await store.close();
  const ms = (n: number) => `${n.toFixed(4)} ms`;
  console.log(
    `${name.padEnd(10)} per announcement (claim + mark sent) ${ms(announcement)} median · settings read by a command (cached) ${ms(cached)} median${cached <= 0.1 ? '' : ' (OVER 0.1 ms)'} · settings query ${ms(query)} median`,
  );
}

async function run(name: string, target: DatabaseTarget): Promise<void> {
  const database = await openDatabase(target);
  try {
    await measure(name, database);
  } finally {
    await database.close();
  }
}

const folder = mkdtempSync(join(tmpdir(), 'factsheet-bench-db-'));
try {
  await run('SQLite', { dataDir: folder });
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const postgres = findPostgres();
if (!postgres) console.log('PostgreSQL        not installed: skipped');
else {
  const server = await startPostgres(postgres);
  try {
    await run('PostgreSQL', { databaseUrl: server.url });
  } finally {
    await server.remove();
  }
}
