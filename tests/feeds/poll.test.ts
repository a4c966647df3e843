// pollFeed against a publisher on 127.0.0.1 (tests/support/feed-server.ts): the three shapes it reads, the
// conditional requests, the backoff, and each fault a feed can show. Nothing throws; each failure says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialFeedState, pollFeed, type FeedOptions, type FeedState } from '../../src/feeds/index.js';
import { flood, hang, redirect, serve, startFeedServer, status, type FeedServer } from '../support/feed-server.js';
import { atomFeed, listingPage, rssFeed } from '../support/wordpress-page.js';

const NOW = Date.parse('2026-04-01T12:00:00Z');
const HOUR = 3_600_000;
const items = [
  {
    url: 'https://www.whitehouse.gov/fact-sheets/2026/03/one/',
    title: 'Fact Sheet: One',
    published: '2026-03-31T16:00:54-04:00',
  },
  {
    url: 'https://www.whitehouse.gov/fact-sheets/2026/03/two/',
    title: 'Fact Sheet: Two',
    published: '2026-03-30T09:10:00-04:00',
  },
];

let server: FeedServer;
let clock: number;
const options = (more: FeedOptions = {}): FeedOptions => ({ now: () => clock, ...more });

beforeEach(async () => {
  server = await startFeedServer();
  clock = NOW;
});
afterEach(() => server.close());

describe('the shapes a publisher serves', () => {
  it('reads RSS 2.0 as the public archive writes it, with its dates in the publisher’s own offset', async () => {
    const rss = rssFeed(items.map((item) => ({ ...item, pubDate: 'Tue, 31 Mar 2026 16:00:54 -0400' })));
    server.route('/rss.xml', serve(rss, 'application/rss+xml'));
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(result.outcome).toBe('changed');
    expect(result.entries[0]).toEqual({
      url: items[0]!.url,
      title: 'Fact Sheet: One',
      published: '2026-03-31T16:00:54-04:00',
    });
    expect(result.entries).toHaveLength(2);
  });

  it('reads Atom', async () => {
    server.route('/atom.xml', serve(atomFeed(items), 'application/atom+xml'));
    const result = await pollFeed(server.url('/atom.xml'), initialFeedState(), options());
    expect(result.entries.map((entry) => [entry.url, entry.published])).toEqual(
      items.map((item) => [item.url, item.published]),
    );
  });

  it('reads listing pages and follows <link rel="next">, within maxPages', async () => {
    server.route('/fact-sheets/', serve(listingPage([items[0]!], '/fact-sheets/page/2/'), 'text/html'));
    server.route('/fact-sheets/page/2/', serve(listingPage([items[1]!], '/fact-sheets/page/3/'), 'text/html'));
    server.route(
      '/fact-sheets/page/3/',
      serve(listingPage([{ ...items[1]!, url: 'https://x.test/three/' }]), 'text/html'),
    );
    const two = await pollFeed(server.url('/fact-sheets/'), initialFeedState(), options({ maxPages: 2 }));
    expect(two.entries.map((entry) => entry.title)).toEqual(['Fact Sheet: One', 'Fact Sheet: Two']);
    expect(two.entries[1]!.published).toBe('2026-03-30T09:10:00-04:00');
    expect(server.requests.map((request) => request.path)).not.toContain('/fact-sheets/page/3/');
  });

  it('asks conditionally with the ETag and Last-Modified it was given, names the bot, and reads 304 as no change', async () => {
    server.route('/rss.xml', serve(rssFeed(items), 'application/rss+xml', '"v1"'));
    const first = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(first.state).toMatchObject({ etag: '"v1"', lastModified: 'Wed, 01 Apr 2026 12:00:00 GMT', failures: 0 });
    const second = await pollFeed(server.url('/rss.xml'), first.state, options());
    expect(second).toMatchObject({ outcome: 'not-modified', entries: [] });
    expect(server.requests[1]!.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Wed, 01 Apr 2026 12:00:00 GMT',
    });
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^factsheet-bot\//);
  });
});

describe('backoff', () => {
  it('doubles the wait after each failure up to the cap, marks a day of failures reported once, and recovers', async () => {
    let failing = true;
    server.route('/rss.xml', (request, response) =>
      failing ? status(500)(request, response) : serve(rssFeed(items), 'application/rss+xml')(request, response),
    );
    let state: FeedState = initialFeedState();
    const waits: number[] = [];
    const transitions: Array<string | undefined> = [];
    for (let poll = 0; poll < 14; poll++) {
      const result = await pollFeed(server.url('/rss.xml'), state, options());
      waits.push((result.state.nextPollAt - clock) / 60_000);
      transitions.push(result.transition);
      state = result.state;
      clock = state.nextPollAt;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360, 360, 360]);
    expect(state).toMatchObject({ failures: 14, firstFailureAt: NOW, lastError: expect.stringContaining('HTTP 500') });
    expect(transitions.filter((t) => t === 'reported')).toHaveLength(1);
    expect(transitions.indexOf('reported')).toBe(
      waits.findIndex((_, n) => sum(waits.slice(0, n)) * 60_000 >= 24 * HOUR),
    );
    failing = false;
    const back = await pollFeed(server.url('/rss.xml'), state, options());
    expect(back).toMatchObject({ outcome: 'changed', transition: 'recovered' });
    expect(back.state).toEqual({ failures: 0, nextPollAt: clock + 15 * 60_000, lastModified: expect.any(String) });
  });

  it('waits at least what Retry-After asks on a 429', async () => {
    server.route('/rss.xml', status(429, { 'retry-after': '1800' }));
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(result.state.nextPollAt - clock).toBe(1_800_000);
  });
});

describe('faults', () => {
  it('a feed that returns 500', async () => {
    server.route('/rss.xml', status(500));
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(result).toMatchObject({ outcome: 'failed', entries: [], error: `HTTP 500 from ${server.url('/rss.xml')}` });
    expect(result.state).toMatchObject({ failures: 1, nextPollAt: NOW + 60_000, firstFailureAt: NOW });
  });

  it('a feed that hangs', async () => {
    server.route('/rss.xml', hang);
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options({ timeoutMs: 300 }));
    expect(result).toMatchObject({ outcome: 'failed', error: 'no complete answer within 300 ms' });
  });

  it('a feed that redirects in a loop', async () => {
    server.route('/a', redirect('/b'));
    server.route('/b', redirect('/a', 301));
    const result = await pollFeed(server.url('/a'), initialFeedState(), options());
    expect(result).toMatchObject({ outcome: 'failed', error: `redirect loop back to ${server.url('/a')}` });
    expect(server.requests).toHaveLength(2);
  });

  it('a feed that redirects too many times, and one that redirects within bounds', async () => {
    for (let n = 0; n < 8; n++) server.route(`/r${n}`, redirect(`/r${n + 1}`));
    server.route('/r8', serve(rssFeed(items), 'application/rss+xml'));
    const far = await pollFeed(server.url('/r0'), initialFeedState(), options());
    expect(far).toMatchObject({ outcome: 'failed', error: 'more than 5 redirects' });
    const near = await pollFeed(server.url('/r4'), initialFeedState(), options());
    expect(near.outcome).toBe('changed');
  });

  it('a feed that sends 50 MB is cut off at the cap, long before the end', async () => {
    const sent = { bytes: 0 };
    server.route('/rss.xml', flood(50, sent));
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options({ maxBytes: 1024 * 1024 }));
    expect(result).toMatchObject({ outcome: 'failed', error: expect.stringContaining('over the 1048576-byte limit') });
    expect(sent.bytes).toBeLessThan(25 * 1024 * 1024);
  });

  it('a feed whose Content-Length is over the cap is refused before its body', async () => {
    server.route('/rss.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
      response.write('<rss>');
    });
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options({ maxBytes: 1024 }));
    expect(result.error).toContain('over the 1024-byte limit');
  });

  it('malformed XML', async () => {
    server.route(
      '/rss.xml',
      serve('<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>One</item>', 'application/rss+xml'),
    );
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(result).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^malformed XML at line 3: /) });
  });

  it('HTML where XML was expected (an error page, not a listing)', async () => {
    server.route(
      '/rss.xml',
      serve('<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>', 'text/html; charset=utf-8'),
    );
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(result.error).toBe(
      `expected RSS or Atom, got an HTML page (text/html; charset=utf-8) with no list of posts from ${server.url('/rss.xml')}`,
    );
  });

  it('an item with no date and one dated in the future: kept, with no date believed', async () => {
    const future = new Date(NOW + 30 * 24 * HOUR).toUTCString();
    const rss = rssFeed([
      { url: items[0]!.url, title: 'Undated' },
      { url: items[1]!.url, title: 'From the future', pubDate: future },
    ]);
    server.route('/rss.xml', serve(rss, 'application/rss+xml'));
    const result = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(result.entries).toEqual([
      { url: items[0]!.url, title: 'Undated' },
      { url: items[1]!.url, title: 'From the future' },
    ]);
  });

  it('the same item twice, in one feed and across listing pages, comes back once', async () => {
    server.route(
      '/rss.xml',
      serve(rssFeed([items[0]!, items[1]!, { ...items[0]!, url: `${items[0]!.url}#again` }]), 'application/rss+xml'),
    );
    const feed = await pollFeed(server.url('/rss.xml'), initialFeedState(), options());
    expect(feed.entries.map((entry) => entry.url)).toEqual([items[0]!.url, items[1]!.url]);
    server.route('/p1', serve(listingPage(items, '/p2'), 'text/html'));
    server.route('/p2', serve(listingPage(items), 'text/html'));
    const pages = await pollFeed(server.url('/p1'), initialFeedState(), options());
    expect(pages.entries).toHaveLength(2);
  });

  it('a refused connection and an address that is not http(s)', async () => {
    const address = server.url('/rss.xml');
    await server.close();
    const refused = await pollFeed(address, initialFeedState(), options());
    expect(refused.error).toMatch(/ECONNREFUSED/);
    const file = await pollFeed('file:///etc/passwd', initialFeedState(), options());
    expect(file.error).toBe('not an http(s) address: file:///etc/passwd');
    server = await startFeedServer();
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
