// The database layer on both backends: migrations applied at start (and again, harmlessly), subscriptions,
// settings, feed state with its lease, fetched documents with their versions, and announcements claimed once.
import { describe, expect, it } from 'vitest';
import { claim, lapsedClaims, markSent, postponed, wasSent } from '../../src/db/announcements.js';
import { documentsFetchedSince, storeDocument } from '../../src/db/documents.js';
import { leaseFeed, renewLease, saveFeedState } from '../../src/db/feeds.js';
import { readSettings, saveSettings } from '../../src/db/settings.js';
import { DEFAULT_SETTINGS } from '../../src/guild.js';
import { activeSubscriptions, follow, pause, subscriptionsOf, unfollow } from '../../src/db/subscriptions.js';
import { onBothBackends } from './backends.js';

const GUILD = '910000000000000000';
const key = { channelId: '920000000000000001', documentId: 'border-security', version: 'v1' };

onBothBackends((under) => {
  const openFresh = async () => (await under.open(await under.fresh())).db;

  it('applies its migrations at start, and opening again applies nothing twice', async () => {
    const target = await under.fresh();
    await under.open(target);
    const again = await under.open(target);
    expect(await readSettings(again.db, GUILD)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps subscriptions: follow, follow again with other words, pause, unfollow', async () => {
    const db = await openFresh();
    await follow(db, { guildId: GUILD, channelId: 'c1', words: 'border', createdAt: 1000 });
    await follow(db, { guildId: GUILD, channelId: 'c2', words: null, createdAt: 2000 });
    await pause(db, 'c1', 'Missing Access');
    expect((await activeSubscriptions(db)).map((s) => s.channelId)).toEqual(['c2']);
    await follow(db, { guildId: GUILD, channelId: 'c1', words: 'wall', createdAt: 3000 });
    expect(await subscriptionsOf(db, GUILD)).toEqual([
      { guildId: GUILD, channelId: 'c1', words: 'wall', createdAt: 1000, pausedReason: null },
      { guildId: GUILD, channelId: 'c2', words: null, createdAt: 2000, pausedReason: null },
    ]);
    expect(await unfollow(db, GUILD, 'c1')).toBe(true);
    expect(await unfollow(db, GUILD, 'c1')).toBe(false);
    expect(await subscriptionsOf(db, 'another')).toEqual([]);
  });

  it('keeps a server’s settings, defaults until set', async () => {
    const db = await openFresh();
    expect(await readSettings(db, GUILD)).toEqual({ privateReplies: false, defaultDocument: null });
    await saveSettings(db, GUILD, { privateReplies: true, defaultDocument: 'border-security' }, 5);
    await saveSettings(db, GUILD, { privateReplies: true, defaultDocument: 'tariffs' }, 6);
    expect(await readSettings(db, GUILD)).toEqual({ privateReplies: true, defaultDocument: 'tariffs' });
  });

  it('leases a feed to one replica at a time; the lease lapses and the next one resumes the saved state', async () => {
    const db = await openFresh();
    const url = 'https://example.org/feed.xml';
    const first = await leaseFeed(db, url, 'a', 0, 1000);
    expect(first).toMatchObject({ failures: 0, nextPollAt: 0 });
    expect(await leaseFeed(db, url, 'b', 10, 1000)).toBeNull();
    expect(await renewLease(db, url, 'a', 500, 1000)).toBe(true);
    expect(await leaseFeed(db, url, 'b', 1200, 1000)).toBeNull();
    // "a" dies without saving: at 1500 the lease has lapsed and "b" polls from the last saved state.
    expect(await leaseFeed(db, url, 'b', 1500, 1000)).toMatchObject({ failures: 0 });
    expect(await saveFeedState(db, url, 'a', { failures: 9, nextPollAt: 0 })).toBe(false);
    const saved = {
      etag: '"x"',
      lastModified: 'Tue',
      failures: 1,
      firstFailureAt: 1500,
      nextPollAt: 9000,
      lastError: '500',
    };
    expect(await saveFeedState(db, url, 'b', saved)).toBe(true);
    expect(await leaseFeed(db, url, 'a', 8999, 1000)).toBeNull();
    expect(await leaseFeed(db, url, 'a', 9000, 1000)).toEqual({ ...saved, reportedDown: false });
  });

  it('stores fetched documents: new, unchanged, then updated under the same id', async () => {
    const db = await openFresh();
    const document = { id: 'tariffs', url: 'https://x/t', title: 'Tariffs', date: '2025-05-01', markdown: '# A' };
    expect(await storeDocument(db, document, 10)).toBe('new');
    expect(await storeDocument(db, document, 20)).toBe('unchanged');
    expect(await storeDocument(db, { ...document, markdown: '# B', modifiedTime: '2025-05-02' }, 30)).toBe('updated');
    const rows = await documentsFetchedSince(db, 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'tariffs', markdown: '# B', modified_time: '2025-05-02', fetched_at: 30 });
    expect(await documentsFetchedSince(db, 31)).toEqual([]);
  });

  describe('announcements', () => {
    it('are claimed once; a sent one is never claimed again', async () => {
      const db = await openFresh();
      expect(await claim(db, key, 'a', 0, 1000)).toBe(true);
      expect(await claim(db, key, 'b', 10, 1000)).toBe(false);
      await markSent(db, key, 'a', 20);
      expect(await wasSent(db, key)).toBe(true);
      expect(await claim(db, key, 'b', 10_000, 1000)).toBe(false);
      expect(await claim(db, { ...key, version: 'v2' }, 'b', 10_000, 1000)).toBe(true);
    });

    it('leave a claim unsent after a failure or a crash, for another replica to finish after its lease', async () => {
      const db = await openFresh();
      expect(await claim(db, key, 'a', 0, 1000)).toBe(true);
      await postponed(db, key, 'a', 5000, 'HTTP 500');
      expect(await lapsedClaims(db, 4999)).toEqual([]);
      expect(await lapsedClaims(db, 5000)).toEqual([key]);
      expect(await claim(db, key, 'b', 4999, 1000)).toBe(false);
      expect(await claim(db, key, 'b', 5000, 1000)).toBe(true);
      await markSent(db, key, 'b', 5001);
      expect(await lapsedClaims(db, 99_999)).toEqual([]);
    });

    it('go to exactly one of two replicas claiming the same ones at once, new or lapsed', async () => {
      const target = await under.fresh();
      const [a, b] = [(await under.open(target)).db, (await under.open(target)).db];
      const keys = Array.from({ length: 40 }, (_, i) => ({ ...key, documentId: `d${i}` }));
      const race = (now: number) =>
        Promise.all(keys.flatMap((k) => [claim(a, k, 'a', now, 1000), claim(b, k, 'b', now, 1000)]));
      const first = await race(0);
      for (let i = 0; i < keys.length; i++) expect(Number(first[2 * i]) + Number(first[2 * i + 1])).toBe(1);
      // Nobody sent them: after the lease both replicas try to take each over at once; one wins each.
      const second = await race(1000);
      for (let i = 0; i < keys.length; i++) expect(Number(second[2 * i]) + Number(second[2 * i + 1])).toBe(1);
    });
  });
});
