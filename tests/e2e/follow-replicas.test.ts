// End to end on PostgreSQL: two HTTP replicas of the real bot, each with its own DATA_DIR, share one database and
// follow the same feed on a local server. A new item is announced once in each following channel, not once per
// replica, and /stat on either replica answers from it; an edit is announced once as updated and each replica
// serves the new figure. Waits on log lines and the stand-in's messages, never on time.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { follow } from '../../src/db/subscriptions.js';
import { startHttpReplica, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { announced as announcedIn, ITEM_ID, ITEM_TITLE, publish as publishOn } from '../support/followed-item.js';
import { findPostgres, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { postSigned, signingKey } from '../support/signed.js';

const postgresBin = findPostgres();
const key = signingKey();
const GUILD = '910000000000000000';
const CHANNELS = ['920000000000000101', '920000000000000102'];
const TITLE = ITEM_TITLE;

interface Replica {
  bot: BotProcess;
  url: string;
}

let postgres: PostgresServer;
let standIn: DiscordStandIn;
let feeds: FeedServer;
const replicas: Replica[] = [];

/** Announcements posted so far by all replicas together, as their "announcements sent" lines count them. */
function sentByAll(): number {
  const lines = replicas.flatMap((r) => r.bot.logLines().filter((l) => l.msg === 'announcements sent'));
  return lines.reduce((sum, l) => sum + Number(l.sent), 0);
}

/** Resolves at the first log line of any replica after which `done` holds. */
function whenAnyLogs(done: () => boolean): Promise<unknown> {
  return Promise.race(replicas.map((r) => r.bot.waitForLog(() => done())));
}

/** Resolves once `count` more feed polls (by any replica) have been logged. */
function morePolls(count: number): Promise<unknown> {
  const polls = () => replicas.flatMap((r) => r.bot.logLines()).filter((l) => l.msg === 'feed polled').length;
  const target = polls() + count;
  return whenAnyLogs(() => polls() >= target);
}

/** Resolves once the replica's library has loaded the item as its `nth` change. */
function served(replica: Replica, nth: number): Promise<unknown> {
  let count = 0;
  const reloads = (l: Record<string, unknown>) =>
    l.msg === 'documents reloaded' && JSON.stringify([l.added, l.changed]).includes(ITEM_ID);
  return replica.bot.waitForLog((l) => reloads(l) && ++count >= nth);
}

async function stat(replica: Replica): Promise<string> {
  const payload = standIn.interactionPayload(2, {
    id: '940000000000000000',
    name: 'stat',
    type: 1,
    options: [{ name: 'query', type: ApplicationCommandOptionType.String, value: 'aircraft the order buys' }],
  });
  const { status, body } = await postSigned(replica.url, key, payload);
  expect(status).toBe(200);
  return JSON.stringify(body);
}

async function startReplicas(databaseUrl: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const replica = await startHttpReplica(standIn.apiUrl, key.publicKeyHex, {
      DATABASE_URL: databaseUrl,
      FEEDS: feeds.url('/feed.xml'),
      FEED_POLL_SECONDS: '1',
    });
    replicas.push(replica);
  }
  await Promise.all(
    replicas.map((r) => r.bot.waitForLog((l) => l.msg === 'serving interactions on POST /interactions')),
  );
}

describe.skipIf(!postgresBin)(
  `two HTTP replicas following a feed on one PostgreSQL${postgresBin ? '' : ` (skipped: ${POSTGRES_MISSING})`}`,
  () => {
    beforeAll(async () => {
      postgres = await startPostgres(postgresBin!);
      standIn = await startStandIn({ token: TEST_TOKEN });
      feeds = await startFeedServer();
      const database = await openDatabase({ databaseUrl: postgres.url });
      for (const channelId of CHANNELS)
        await follow(database.db, { guildId: GUILD, channelId, words: null, createdAt: Date.now() - 60_000 });
      await database.close();
      publishOn(feeds, new Date(), '4,321');
      await startReplicas(postgres.url);
    }, 120_000);

    afterAll(async () => {
      await Promise.all(replicas.map((r) => r.bot.stop('SIGKILL')));
      await Promise.all([standIn?.stop(), feeds?.close()]);
      await postgres?.remove();
    }, 60_000);

    it('announces a new item once in each channel, not once per replica, and each replica answers /stat', async () => {
      await whenAnyLogs(() => sentByAll() >= CHANNELS.length);
      await Promise.all(replicas.map((r) => served(r, 1)));
      for (const replica of replicas) expect(await stat(replica)).toContain('buys **4,321** aircraft');
      // Both replicas have run rounds with the item loaded since: still one announcement a channel.
      await morePolls(3);
      for (const channel of CHANNELS) expect(announcedIn(standIn, channel)).toEqual([`New fact sheet: ${TITLE}`]);
      expect(sentByAll()).toBe(CHANNELS.length);
    }, 120_000);

    it('announces an edit once as updated, and each replica serves the new figure', async () => {
      publishOn(feeds, new Date(Date.now() + 1000), '5,432');
      await whenAnyLogs(() => sentByAll() >= 2 * CHANNELS.length);
      await Promise.all(replicas.map((r) => served(r, 2)));
      for (const replica of replicas) {
        const answer = await stat(replica);
        expect(answer).toContain('buys **5,432** aircraft');
        expect(answer).not.toContain('buys **4,321** aircraft');
      }
      await morePolls(3);
      for (const channel of CHANNELS)
        expect(announcedIn(standIn, channel)).toEqual([`New fact sheet: ${TITLE}`, `Updated fact sheet: ${TITLE}`]);
      expect(sentByAll()).toBe(2 * CHANNELS.length);
    }, 120_000);
  },
);
