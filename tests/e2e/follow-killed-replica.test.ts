// End to end, on SQLite (two processes on one DATA_DIR) and on PostgreSQL: a replica takes a feed's lease, stores
// the first of three new items and is killed (SIGKILL) while the publisher holds its request for the second page.
// A second replica, started after, takes the feed once the lease lapses (FEED_LEASE_SECONDS, short here), skips
// what was stored, fetches the rest, and each item is stored and announced exactly once in each channel.
// Waits on the publisher's requests, log lines and the stand-in's messages, never on time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/db/open.js';
import { follow } from '../../src/db/subscriptions.js';
import { factSheet } from '../db/fact-sheets.js';
import { startHttpReplica, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { serve, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { announced } from '../support/followed-item.js';
import { findPostgres, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { signingKey } from '../support/signed.js';
import { atomFeed, corpusPage, wordpressPage } from '../support/wordpress-page.js';

const postgresBin = findPostgres();
const key = signingKey();
const GUILD = '910000000000000000';
const CHANNELS = ['920000000000000101', '920000000000000102'];
const ITEMS = ['aircraft', 'bridges', 'canals'].map((thing) => ({
  id: `fact-sheet-president-buys-${thing}`,
  title: `Fact Sheet: President Buys ${thing[0]!.toUpperCase()}${thing.slice(1)}`,
}));

/**
 * The three items' pages, changed at `time`, and an Atom feed naming them. With `hold`, the second page asked for
 * is never answered: `hold` gets its path.
 */
function publish(feeds: FeedServer, time: string, hold?: (path: string) => void): void {
  let served = 0;
  for (const item of ITEMS) {
    const path = `/fact-sheets/${item.id}/`;
    const markdown = factSheet(item.id, item.title, time.slice(0, 10));
    const html = wordpressPage({ ...corpusPage(markdown), url: feeds.url(path), modifiedTime: time });
    const page = serve(html, 'text/html; charset=utf-8');
    feeds.route(path, (request, response) => (++served === 2 && hold ? hold(path) : page(request, response)));
  }
  const entries = ITEMS.map((item) => ({
    url: feeds.url(`/fact-sheets/${item.id}/`),
    title: item.title,
    published: time,
  }));
  feeds.route('/feed.xml', serve(atomFeed(entries), 'application/atom+xml', '"three-items"'));
}

/** How many times each page was asked for, by path. */
const pageRequests = (feeds: FeedServer) =>
  Object.fromEntries(
    ITEMS.map(({ id }) => `/fact-sheets/${id}/`).map((path) => [
      path,
      feeds.requests.filter((r) => r.path === path).length,
    ]),
  );

async function storedIds(target: DatabaseTarget): Promise<string[]> {
  const database = await openDatabase(target);
  const rows = await database.db.selectFrom('fetched_documents').select('id').orderBy('id').execute();
  await database.close();
  return rows.map((row) => row.id);
}

const sentBy = (bot: BotProcess) =>
  bot
    .logLines()
    .filter((l) => l.msg === 'announcements sent')
    .reduce((sum, l) => sum + Number(l.sent), 0);

for (const backend of ['sqlite', 'postgres'] as const) {
  const skip = backend === 'postgres' && !postgresBin;
  describe.skipIf(skip)(`${backend}${skip ? ` (skipped: ${POSTGRES_MISSING})` : ''}`, () => {
    let postgres: PostgresServer | null = null;
    let standIn: DiscordStandIn;
    let feeds: FeedServer;
    const bots: BotProcess[] = [];
    let target: DatabaseTarget;

    /** A replica on the shared database: DATA_DIR shared on SQLite, its own on PostgreSQL. */
    async function startReplica(): Promise<BotProcess> {
      const dataDir = 'dataDir' in target ? target.dataDir : mkdtempSync(join(tmpdir(), 'bot-data-'));
      const { bot } = await startHttpReplica(standIn.apiUrl, key.publicKeyHex, {
        DATA_DIR: dataDir,
        ...('databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : {}),
        FEEDS: feeds.url('/feed.xml'),
        FEED_POLL_SECONDS: '1',
        FEED_LEASE_SECONDS: '2',
      });
      bots.push(bot);
      return bot;
    }

    beforeAll(async () => {
      if (backend === 'postgres') postgres = await startPostgres(postgresBin!);
      target = postgres ? { databaseUrl: postgres.url } : { dataDir: mkdtempSync(join(tmpdir(), 'follow-kill-')) };
      standIn = await startStandIn({ token: TEST_TOKEN });
      feeds = await startFeedServer();
      const database = await openDatabase(target);
      for (const channelId of CHANNELS)
        await follow(database.db, { guildId: GUILD, channelId, words: null, createdAt: Date.now() - 60_000 });
      await database.close();
    }, 120_000);

    afterAll(async () => {
      await Promise.all(bots.map((bot) => bot.stop('SIGKILL')));
      await Promise.all([standIn?.stop(), feeds?.close()]);
      await postgres?.remove();
    }, 60_000);

    it('a replica killed mid-poll loses nothing: the next one resumes, and each item is stored and announced once', async () => {
      const time = new Date().toISOString();
      const held = new Promise<string>((resolve) => publish(feeds, time, resolve));
      const first = await startReplica();
      const heldPath = await held;
      await first.stop('SIGKILL');
      // Killed between two pages: the first item stored, nothing announced, the feed still leased to it.
      expect(await storedIds(target)).toHaveLength(1);
      expect(standIn.channelMessages).toEqual([]);
      publish(feeds, time);
      const second = await startReplica();
      await second.waitForLog(() => sentBy(second) >= ITEMS.length * CHANNELS.length);
      // A few more rounds with everything loaded: nothing is announced again.
      const polls = () => second.logLines().filter((l) => l.msg === 'feed polled').length;
      const later = polls() + 3;
      await second.waitForLog(() => polls() >= later);
      const titles = ITEMS.map((item) => `New fact sheet: ${item.title}`).sort();
      for (const channel of CHANNELS) expect(announced(standIn, channel).sort()).toEqual(titles);
      expect(await storedIds(target)).toEqual(ITEMS.map((item) => item.id).sort());
      // The stored page is not fetched again; the one the killed replica never got is fetched once more.
      const expected = Object.fromEntries(
        ITEMS.map(({ id }) => `/fact-sheets/${id}/`).map((p) => [p, p === heldPath ? 2 : 1]),
      );
      expect(pageRequests(feeds)).toEqual(expected);
    }, 180_000);
  });
}
