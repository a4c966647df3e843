// End to end on PostgreSQL: a replica that stores a fetched document tells the others (NOTIFY), and they read it
// at once instead of at their next poll. The second replica polls no feed and waits an hour between rounds: it
// can only serve the new item this soon because it heard of it. Waits on log lines, never on time.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReplica, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { ITEM_ID, publish } from '../support/followed-item.js';
import { findPostgres, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { postSigned, signingKey } from '../support/signed.js';

const postgresBin = findPostgres();
const key = signingKey();

let postgres: PostgresServer;
let standIn: DiscordStandIn;
let feeds: FeedServer;
const bots: BotProcess[] = [];

async function startReplica(env: Record<string, string>): Promise<{ bot: BotProcess; url: string }> {
  const replica = await startHttpReplica(standIn.apiUrl, key.publicKeyHex, { DATABASE_URL: postgres.url, ...env });
  bots.push(replica.bot);
  return replica;
}

async function stat(url: string): Promise<string> {
  const payload = standIn.interactionPayload(2, {
    id: '940000000000000000',
    name: 'stat',
    type: 1,
    options: [{ name: 'query', type: ApplicationCommandOptionType.String, value: 'aircraft the order buys' }],
  });
  const { status, body } = await postSigned(url, key, payload);
  expect(status).toBe(200);
  return JSON.stringify(body);
}

describe.skipIf(!postgresBin)(
  `fetched documents on PostgreSQL${postgresBin ? '' : ` (skipped: ${POSTGRES_MISSING})`}`,
  () => {
    beforeAll(async () => {
      postgres = await startPostgres(postgresBin!);
      standIn = await startStandIn({ token: TEST_TOKEN });
      feeds = await startFeedServer();
    }, 120_000);

    afterAll(async () => {
      await Promise.all(bots.map((bot) => bot.stop('SIGKILL')));
      await Promise.all([standIn?.stop(), feeds?.close()]);
      await postgres?.remove();
    }, 60_000);

    it('are served by a replica with a long poll interval as soon as another stores them', async () => {
      const listener = await startReplica({ FEED_POLL_SECONDS: '3600' });
      // Listening, and its one round before the hour done: nothing fetched yet.
      await listener.bot.waitForLog((l) => l.msg === 'hearing of documents the other replicas fetch');
      await listener.bot.waitForLog((l) => l.msg === 'fetched documents read');
      publish(feeds, new Date(), '4,321');
      const poller = await startReplica({ FEEDS: feeds.url('/feed.xml'), FEED_POLL_SECONDS: '1' });
      await poller.bot.waitForLog((l) => l.msg === 'fact sheet fetched' && l.id === ITEM_ID);
      await listener.bot.waitForLog((l) => l.msg === 'documents reloaded' && JSON.stringify(l.added).includes(ITEM_ID));
      expect(await stat(listener.url)).toContain('buys **4,321** aircraft');
      const rounds = listener.bot.logLines().filter((l) => l.msg === 'fetched documents read');
      // The first round and the catch-up it heard of: not the hourly round.
      expect(rounds).toHaveLength(2);
    }, 180_000);
  },
);
