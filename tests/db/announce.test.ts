// The sender against the local Discord stand-in, on both databases: each announcement posted once per channel
// whatever happens (a second round, two replicas at once, a failed post retried, a post repeated after a
// crash), a handful per channel and the rest summed up, words and subscription time respected, and a channel
// the bot can no longer post in paused with the reason.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { planAnnouncements, type Announceable } from '../../src/announce/plan.js';
import { restPoster } from '../../src/announce/post-message.js';
import { sendAnnouncements, type SenderOptions } from '../../src/announce/sender.js';
import { lapsedClaims } from '../../src/db/announcements.js';
import type { Database } from '../../src/db/open.js';
import { activeSubscriptions, follow, subscriptionsOf } from '../../src/db/subscriptions.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { logLines } from '../support/log-lines.js';
import { onBothBackends } from './backends.js';
import { announceable } from './fact-sheets.js';

const TOKEN = 'announcer-token';
const GUILD = '910000000000000000';
const NEWS = '920000000000000000';
const T0 = Date.parse('2025-05-01T00:00:00Z');
const HOUR = 3_600_000;

let standIn: DiscordStandIn;
beforeAll(async () => {
  standIn = await startStandIn({ token: TOKEN });
});
afterAll(() => standIn.stop());

/** Messages the stand-in holds for a channel, as "title" lines; checked against Discord's schema and limits. */
function postedTo(channelId: string): string[] {
  expect(standIn.violations).toEqual([]);
  return standIn.channelMessages
    .filter((m) => m.channelId === channelId)
    .map((m) => (m.body.embeds as Array<{ title: string; author?: { name: string } }>)[0]!)
    .map((e) => (e.author ? `${e.author.name}: ${e.title}` : e.title));
}

function sender(database: Database, owner: string, now: number, extra: Partial<SenderOptions> = {}): SenderOptions {
  const api = standIn.apiUrl.replace(/\/api$/, '/api');
  return { db: database.db, post: restPoster(api, TOKEN), owner, log: logLines([]).log, now: () => now, ...extra };
}

async function round(database: Database, items: Announceable[], owner = 'a', now = T0 + 10 * HOUR) {
  const plans = planAnnouncements(items, await activeSubscriptions(database.db));
  return sendAnnouncements(plans, sender(database, owner, now));
}

onBothBackends((under) => {
  let unique = 0;
  /** Channel ids of this test alone, so the one stand-in serves every test. */
  const channels = () => {
    const n = ++unique * 2 + (under.backend === 'sqlite' ? 0 : 1);
    return [0, 1, 2].map((i) => String(BigInt(NEWS) + BigInt(n * 10 + i))) as [string, string, string];
  };

  it('posts each new fact sheet once to every channel whose words it matches, never older than the follow', async () => {
    const database = await under.open(await under.fresh());
    const [news, policy] = channels();
    await follow(database.db, { guildId: GUILD, channelId: news, words: null, createdAt: T0 });
    await follow(database.db, { guildId: GUILD, channelId: policy, words: 'Aircraft', createdAt: T0 });
    const items = [
      announceable('old', 'Before the Follow', T0 - 48 * HOUR),
      announceable('tariffs', 'Tariffs on Aircraft', T0 + HOUR),
      announceable('energy', 'Energy Dominance', T0 + 2 * HOUR),
    ];
    expect(await round(database, items)).toMatchObject({ sent: 3, failed: 0 });
    expect(await round(database, items)).toMatchObject({ sent: 0 });
    expect(postedTo(news)).toEqual(['New fact sheet: Energy Dominance', 'New fact sheet: Tariffs on Aircraft']);
    expect(postedTo(policy)).toEqual(['New fact sheet: Tariffs on Aircraft']);
    const updated = { ...items[1]!, version: 'v2', updated: true };
    await round(database, [updated]);
    expect(postedTo(policy)).toEqual([
      'New fact sheet: Tariffs on Aircraft',
      'Updated fact sheet: Tariffs on Aircraft',
    ]);
  });

  it('posts a handful one by one and sums up the rest in one message', async () => {
    const database = await under.open(await under.fresh());
    const [news] = channels();
    await follow(database.db, { guildId: GUILD, channelId: news, words: null, createdAt: T0 });
    const items = Array.from({ length: 12 }, (_, i) => announceable(`d${i}`, `Sheet ${i}`, T0 + i * HOUR));
    expect(await round(database, items)).toMatchObject({ sent: 12 });
    expect(postedTo(news)).toEqual([
      ...[11, 10, 9, 8, 7].map((i) => `New fact sheet: Sheet ${i}`),
      '7 more fact sheets',
    ]);
  });

  it('pauses a subscription to a channel deleted since (or refused), with the reason, and serves the others', async () => {
    const database = await under.open(await under.fresh());
    const [news, policy, gone] = channels();
    for (const channelId of [news, policy, gone])
      await follow(database.db, { guildId: GUILD, channelId, words: null, createdAt: T0 });
    standIn.refusedChannels.set(gone, 10003);
    standIn.refusedChannels.set(policy, 50013);
    const items = [announceable('a', 'First', T0 + HOUR), announceable('b', 'Second', T0 + 2 * HOUR)];
    const result = await round(database, items);
    expect(result.paused.sort()).toEqual([policy, gone].sort());
    expect(postedTo(news)).toHaveLength(2);
    const reasons = Object.fromEntries(
      (await subscriptionsOf(database.db, GUILD)).map((s) => [s.channelId, s.pausedReason]),
    );
    expect(reasons).toEqual({
      [news]: null,
      [policy]: 'the bot may not post there (Missing Permissions)',
      [gone]: 'the channel no longer exists (Unknown Channel)',
    });
    // Paused channels are not tried again.
    const before = standIn.requests.length;
    await round(database, [announceable('c', 'Third', T0 + 3 * HOUR)]);
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual([`/api/v10/channels/${news}/messages`]);
  });

  it('leaves a failed post claimed, retries it after its lease, and sends it once', async () => {
    const database = await under.open(await under.fresh());
    const [news] = channels();
    await follow(database.db, { guildId: GUILD, channelId: news, words: null, createdAt: T0 });
    const items = [announceable('a', 'First', T0 + HOUR)];
    standIn.failNext(new RegExp(`POST /api/v10/channels/${news}/messages`), 500, { times: 1 });
    expect(await round(database, items, 'a', T0 + 10 * HOUR)).toMatchObject({ sent: 0, failed: 1, paused: [] });
    expect(await round(database, items, 'b', T0 + 10 * HOUR + 1000)).toMatchObject({ sent: 0 });
    expect(await lapsedClaims(database.db, T0 + 11 * HOUR)).toHaveLength(1);
    expect(await round(database, items, 'b', T0 + 11 * HOUR)).toMatchObject({ sent: 1 });
    expect(postedTo(news)).toEqual(['New fact sheet: First']);
  });

  it('posts once when two replicas send the same announcements at once', async () => {
    const target = await under.fresh();
    const [one, two] = [await under.open(target), await under.open(target)];
    const [news, policy] = channels();
    for (const channelId of [news, policy])
      await follow(one.db, { guildId: GUILD, channelId, words: null, createdAt: T0 });
    const items = Array.from({ length: 8 }, (_, i) => announceable(`d${i}`, `Sheet ${i}`, T0 + i * HOUR));
    const [a, b] = await Promise.all([round(one, items, 'a'), round(two, items, 'b')]);
    expect(a.sent + b.sent).toBe(16);
    for (const channel of [news, policy]) {
      const posted = postedTo(channel);
      expect(new Set(posted).size).toBe(posted.length);
      expect(posted.filter((t) => t.startsWith('New fact sheet'))).toHaveLength(5);
    }
  });
});
