// End to end: the real bot follows a feed on a local server and announces through the local Discord stand-in.
// A new item appears once in each following channel and is answerable by /stat and /search; an edited item
// is announced as updated and served in its new form. SQLite, one process. Waits on log lines, never on time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { follow } from '../../src/db/subscriptions.js';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { announced as announcedIn, ITEM_TITLE, publish as publishOn } from '../support/followed-item.js';
import { freePort } from '../support/free-port.js';

const GUILD = '910000000000000000';
const CHANNELS = ['920000000000000101', '920000000000000102'];
const TITLE = ITEM_TITLE;

let standIn: DiscordStandIn;
let feeds: FeedServer;
let bot: BotProcess;
let httpPort: number;

async function ask(name: string, query: string): Promise<string> {
  const id = standIn.dispatchInteraction(name, [{ name: 'query', type: 3, value: query }]);
  return JSON.stringify((await standIn.waitForCallback(id)).body);
}

/** Resolves at the next "announcements sent" line after those already logged. */
function nextAnnouncements(): Promise<Record<string, unknown>> {
  const seen = bot.logLines().filter((l) => l.msg === 'announcements sent').length;
  let count = 0;
  return bot.waitForLog((l) => l.msg === 'announcements sent' && ++count > seen);
}

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  feeds = await startFeedServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'follow-e2e-'));
  const database = await openDatabase({ dataDir });
  for (const channelId of CHANNELS)
    await follow(database.db, { guildId: GUILD, channelId, words: null, createdAt: Date.now() - 60_000 });
  await database.close();
  publishOn(feeds, new Date(), '4,321');
  // A second feed that is down: reported, never fatal.
  feeds.route('/down.xml', (_request, response) => response.writeHead(500).end('down'));
  httpPort = await freePort();
  bot = startBot({
    HTTP_PORT: String(httpPort),
    DISCORD_API_URL: standIn.apiUrl,
    DATA_DIR: dataDir,
    FEEDS: `${feeds.url('/feed.xml')}, ${feeds.url('/down.xml')}`,
    FEED_POLL_SECONDS: '1',
  });
  await standIn.waitForReady();
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await Promise.all([standIn?.stop(), feeds?.close()]);
});

it('announces a new item once in each following channel, and answers /stat and /search from it', async () => {
  const first = await nextAnnouncements();
  expect(first).toMatchObject({ sent: 2, failed: 0 });
  for (const channel of CHANNELS) expect(announcedIn(standIn, channel)).toEqual([`New fact sheet: ${TITLE}`]);
  expect(await ask('stat', 'aircraft the order buys')).toContain('buys **4,321** aircraft');
  expect(await ask('search', 'order buys aircraft')).toContain(TITLE);
}, 60_000);

it('announces an edit as updated, once, and serves the new version', async () => {
  const edited = nextAnnouncements();
  publishOn(feeds, new Date(Date.now() + 1000), '5,432');
  expect(await edited).toMatchObject({ sent: 2, failed: 0 });
  for (const channel of CHANNELS)
    expect(announcedIn(standIn, channel)).toEqual([`New fact sheet: ${TITLE}`, `Updated fact sheet: ${TITLE}`]);
  const stat = await ask('stat', 'aircraft the order buys');
  expect(stat).toContain('buys **5,432** aircraft');
  expect(stat).not.toContain('buys **4,321** aircraft');
  // Two more polls of the unchanged feed announce nothing again.
  const polls = bot.logLines().filter((l) => l.msg === 'feed polled').length;
  let count = 0;
  await bot.waitForLog((l) => l.msg === 'feed polled' && ++count > polls + 1);
  for (const channel of CHANNELS) expect(announcedIn(standIn, channel)).toHaveLength(2);
}, 60_000);

it('stays ready while a feed is down, and counts polls, failures, documents fetched and announcements', async () => {
  const failed = await bot.waitForLog((l) => l.msg === 'feed poll failed');
  expect(failed).toMatchObject({ feed: feeds.url('/down.xml') });
  expect((await fetch(`http://127.0.0.1:${httpPort}/readyz`)).status).toBe(200);
  const metrics = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
  expect(metrics).toMatch(/^factsheet_feed_polls_total\{outcome="failed"\} [1-9]/m);
  expect(metrics).toMatch(/^factsheet_feed_polls_total\{outcome="changed"\} [1-9]/m);
  expect(metrics).toMatch(/^factsheet_documents_fetched_total\{kind="new"\} 1$/m);
  expect(metrics).toMatch(/^factsheet_documents_fetched_total\{kind="updated"\} 1$/m);
  expect(metrics).toMatch(/^factsheet_announcements_total\{outcome="sent"\} 4$/m);
});
