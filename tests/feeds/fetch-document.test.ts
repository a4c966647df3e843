// fetchDocument against a publisher on 127.0.0.1: a page in the publisher's shape becomes a document the parser
// reads as the corpus file it came from; a page with no content, or in another charset, is handled.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { pageToDocument } from '../../src/feeds/fetch-document.js';
import { documentId, fetchDocument, type FeedEntry } from '../../src/feeds/index.js';
import { ROOT } from '../support/documents.js';
import { roundTrip } from '../support/feed-round-trip.js';
import { hang, serve, startFeedServer, status, type FeedServer } from '../support/feed-server.js';
import { corpusPage, wordpressPage } from '../support/wordpress-page.js';

const FIXTURE = readFileSync(`${ROOT}tests/fixtures/corpus/mortgage-credit.md`, 'utf8');
let server: FeedServer;

beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(() => server.close());

function entryFor(path: string, more: Partial<FeedEntry> = {}): FeedEntry {
  return {
    url: server.url(path),
    title: 'Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit',
    ...more,
  };
}

describe('a page to a document', () => {
  it('gives the corpus front matter and a body the parser reads as the corpus file', async () => {
    const page = corpusPage(FIXTURE);
    server.route('/fact-sheets/2026/03/mortgage/', serve(wordpressPage(page), 'text/html; charset=UTF-8'));
    const entry = entryFor('/fact-sheets/2026/03/mortgage/', { published: '2026-03-13T15:26:01-04:00' });
    const result = await fetchDocument(entry, {});
    if (!result.ok) throw new Error(result.error);
    const { document } = result;
    expect(document).toMatchObject({ id: 'mortgage', date: '2026-03-13', modifiedTime: '2026-03-13T15:26:02-04:00' });
    expect(document.markdown).toMatch(
      /^---\ntitle: "?Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit"?\n/,
    );
    const parsed = parseDocument(document.markdown, { file: `${document.id}.md` });
    expect(parsed).toMatchObject({ title: entry.title, date: '2026-03-13', source: entry.url });
    expect(parsed.text).not.toContain('wp-block');
    expect(parsed.text).not.toContain('The White House, 1600');
  });

  it('the fixture’s round trip keeps every statement, section and figure', () => {
    const result = roundTrip(FIXTURE, 'mortgage-credit.md');
    expect(result.missing).toEqual([]);
    expect(result).toMatchObject({ sectionsSame: true, figuresIdentical: result.figures });
    expect(result.statements).toBeGreaterThan(10);
  });

  it('keeps underlined leads as the corpus has them, a break inside one kept as a break', () => {
    const markdown = [
      "---\ntitle: 'Fact Sheet: New Commitments'\ndate: '2022-06-07'\nsource_url: https://www.whitehouse.gov/x/\n---\n",
      '**<u>New Commitments</u>**',
      '',
      '**<u>Agroamerica</u>**:  Agroamerica, a family-owned food corporation, will invest more than $100 million',
      'in six new projects that will generate 1,000 jobs.',
      '',
    ].join('\n');
    const result = roundTrip(markdown, 'commitments.md');
    expect(result.missing).toEqual([]);
    expect(result.sectionsSame).toBe(true);
    const broken =
      '*<u>Reduce Barriers to Homeownership  \n</u>*For many Americans, owning a home is the cornerstone.\n';
    const page = corpusPage(`${markdown}\n${broken}`);
    const back = pageToDocument(wordpressPage(page), { url: page.url, title: page.title }, Date.now());
    if (!back.ok) throw new Error(back.error);
    expect(back.document.markdown).toContain('**<u>Agroamerica</u>**:');
    expect(back.document.markdown).toContain('*<u>Reduce Barriers to Homeownership  \n</u>*For many Americans');
  });

  it('keeps an edited page’s id: the id comes from the URL alone', () => {
    expect(documentId('https://www.whitehouse.gov/fact-sheets/2026/03/fact-sheet-one/')).toBe('fact-sheet-one');
    expect(documentId('https://www.whitehouse.gov/fact-sheets/2026/03/fact-sheet-one/?utm=x')).toBe('fact-sheet-one');
    expect(documentId('https://example.test/')).toBe('example-test');
  });

  it('dates an undated entry by the page’s article:published_time', async () => {
    const page = { ...corpusPage(FIXTURE), publishedTime: '2026-03-12T23:30:00-04:00' };
    server.route('/p/', serve(wordpressPage(page), 'text/html'));
    const result = await fetchDocument(entryFor('/p/'), {});
    expect(result.ok && result.document.date).toBe('2026-03-12');
  });
});

describe('page faults', () => {
  it('a page with no main content', async () => {
    server.route(
      '/empty/',
      serve('<!DOCTYPE html><html><head><title>x</title></head><body><nav>Menu</nav></body></html>', 'text/html'),
    );
    server.route(
      '/shell/',
      serve('<!DOCTYPE html><html><body><main><script>render()</script></main></body></html>', 'text/html'),
    );
    for (const path of ['/empty/', '/shell/']) {
      expect(await fetchDocument(entryFor(path), {})).toEqual({
        ok: false,
        error: `no main content on ${server.url(path)}`,
      });
    }
  });

  it('a page of images with no text is refused by name, its alt text not taken for the fact sheet', async () => {
    const figures =
      '<figure><img src="/chart-1.png" alt="Chart: jobs created each month since 2021" /></figure>'.repeat(2);
    const page = { ...corpusPage(FIXTURE), bodyHtml: `${figures}<p><strong>###</strong></p>` };
    server.route('/infographic/', serve(wordpressPage(page), 'text/html'));
    expect(await fetchDocument(entryFor('/infographic/'), {})).toEqual({
      ok: false,
      error: `only images, no text to quote, on ${server.url('/infographic/')}`,
    });
  });

  it('a page with no <main> falls back to its readable article', async () => {
    const body = corpusPage(FIXTURE).bodyHtml;
    const html = `<!DOCTYPE html><html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><article>${body}</article><footer>Footer</footer></body></html>`;
    server.route('/article/', serve(html, 'text/html'));
    const result = await fetchDocument(entryFor('/article/'), {});
    if (!result.ok) throw new Error(result.error);
    expect(result.document.markdown).toContain('Consumer Financial Protection Bureau (CFPB)');
  });

  it('a page that is not UTF-8, decoded by the charset it declares (header or <meta>)', async () => {
    const words = 'The Order’s “first” step — 75% of lenders, €2 billion.';
    const page = { ...corpusPage(FIXTURE), bodyHtml: `<p><strong>SPENDING:</strong> ${words}</p>` };

    const cp1252 = Buffer.from([...wordpressPage(page, 'windows-1252')].map((c) => CP1252[c] ?? c.charCodeAt(0)));
    server.route('/meta/', serve(cp1252, 'text/html'));
    server.route('/header/', serve(cp1252, 'text/html; charset=windows-1252'));
    for (const path of ['/meta/', '/header/']) {
      const result = await fetchDocument(entryFor(path), {});
      expect(result.ok && result.document.markdown).toContain(words);
    }
  });

  it('a page that fails: 404, a hang, too large', async () => {
    server.route('/gone/', status(404));
    server.route('/hang/', hang);
    server.route('/big/', serve('x'.repeat(4096), 'text/html'));
    expect(await fetchDocument(entryFor('/gone/'), {})).toEqual({
      ok: false,
      error: `HTTP 404 from ${server.url('/gone/')}`,
    });
    expect(await fetchDocument(entryFor('/hang/'), { timeoutMs: 300 })).toEqual({
      ok: false,
      error: 'no complete answer within 300 ms',
    });
    expect(await fetchDocument(entryFor('/big/'), { maxBytes: 1000 })).toMatchObject({ ok: false });
  });
});

/** The Windows-1252 bytes of the characters the test uses beyond Latin-1. */
const CP1252: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97, '€': 0x80 };
