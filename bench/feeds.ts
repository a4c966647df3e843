// A poll of a 50-item feed with 50 new pages on a local publisher: fetch, convert, parse; time and memory.
// Then the libraries compared on the same pages (docs/libraries.md, "Feeds"): the DOM (linkedom, jsdom) and
// HTML to Markdown (turndown, node-html-markdown), by time, memory and statements identical after the round
// trip. Uses ../shared/corpus when it is there, else the three fixtures repeated. Numbers, never asserted.
// Run: node --expose-gc --import tsx bench/feeds.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { NodeHtmlMarkdown } from 'node-html-markdown';
import TurndownService from 'turndown';
import { parseDocument } from '../src/document/parse.js';
import { fetchDocument, initialFeedState, pollFeed } from '../src/feeds/index.js';
import { finishMarkdown } from '../src/feeds/markdown.js';
import { serve, startFeedServer } from '../tests/support/feed-server.js';
import { corpusPage, rssFeed, wordpressPage, type CorpusPage } from '../tests/support/wordpress-page.js';
import { compareDocuments } from '../tests/support/feed-round-trip.js';

const ITEMS = 50;
const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

function sources(): string[] {
  if (!existsSync(CORPUS)) {
    const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'corpus');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    return Array.from({ length: ITEMS }, (_, n) => files[n % files.length]!);
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : e.name.endsWith('.md') && e.name !== 'README.md'
          ? [join(dir, e.name)]
          : [],
    );
  const all = walk(CORPUS).sort();
  return Array.from({ length: ITEMS }, (_, n) => readFileSync(all[Math.floor((n * all.length) / ITEMS)]!, 'utf8'));
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

async function pollAndFetch(markdowns: readonly string[]): Promise<void> {
  const server = await startFeedServer();
  const pages = markdowns.map((markdown, n) => ({ ...corpusPage(markdown), path: `/fact-sheets/${n}/` }));
  for (const page of pages) server.route(page.path, serve(wordpressPage(page), 'text/html; charset=UTF-8'));
  const items = pages.map((page) => ({ url: server.url(page.path), title: page.title, published: page.publishedTime }));
  server.route('/rss.xml', serve(rssFeed(items), 'application/rss+xml', '"1"'));
  const heapBefore = heapMb();
  const start = performance.now();
  const poll = await pollFeed(server.url('/rss.xml'), initialFeedState(), {});
  let statements = 0;
  for (const entry of poll.entries) {
    const fetched = await fetchDocument(entry, {});
    if (!fetched.ok) throw new Error(fetched.error);
    const document = parseDocument(fetched.document.markdown, { file: `${fetched.document.id}.md` });
    statements += document.sections.reduce((sum, section) => sum + section.points.length, 0);
  }
  const ms = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `poll of a ${ITEMS}-item feed and ${poll.entries.length} new pages (fetch, convert, parse): ${ms.toFixed(0)} ms, ` +
      `${(ms / poll.entries.length).toFixed(1)} ms a page, ${statements} statements, heap +${(heapAfter - heapBefore).toFixed(1)} MB ` +
      `before GC, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  await server.close();
}

type Converter = (html: string) => string;

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*' });
turndown.keep(['table']);
const nhm = new NodeHtmlMarkdown({ bulletMarker: '-', emDelimiter: '*' });
const FURNITURE = '.wp-block-whitehouse-topper,script,style,nav';

function mainOf(document: Document): Element {
  const main = document.querySelector('main')!;
  for (const node of main.querySelectorAll(FURNITURE)) node.remove();
  return main;
}

const CONVERTERS: Record<string, Converter> = {
  'linkedom + turndown': (html) => turndown.turndown(mainOf(parseHTML(html).document) as unknown as HTMLElement),
  'linkedom + node-html-markdown': (html) => nhm.translate(mainOf(parseHTML(html).document).innerHTML),
  'jsdom + turndown': (html) => turndown.turndown(mainOf(new JSDOM(html).window.document) as HTMLElement),
  'jsdom + node-html-markdown': (html) => nhm.translate(mainOf(new JSDOM(html).window.document).innerHTML),
};

function compareLibraries(markdowns: readonly string[]): void {
  const pages = markdowns.map((markdown) => ({ markdown, page: corpusPage(markdown) }));
  const html = pages.map(({ page }) => wordpressPage(page));
  for (const [name, convert] of Object.entries(CONVERTERS)) {
    const heapBefore = heapMb();
    const start = performance.now();
    const converted = html.map(convert);
    const ms = performance.now() - start;
    const heap = process.memoryUsage().heapUsed / 1e6 - heapBefore;
    const rate = identicalRate(pages, converted);
    console.log(
      `${name.padEnd(30)} ${(ms / html.length).toFixed(2)} ms a page, heap +${heap.toFixed(1)} MB, ` +
        `statements identical ${(rate * 100).toFixed(2)}%`,
    );
  }
}

function identicalRate(pages: ReadonlyArray<{ markdown: string; page: CorpusPage }>, converted: string[]): number {
  let statements = 0;
  let identical = 0;
  pages.forEach(({ markdown }, n) => {
    const original = parseDocument(markdown, { file: 'original.md' });
    const back = parseDocument(finishMarkdown(converted[n]!), { file: 'back.md' });
    const result = compareDocuments(original, back);
    statements += result.statements;
    identical += result.identical;
  });
  return identical / statements;
}

const markdowns = sources();
await pollAndFetch(markdowns);
compareLibraries(markdowns);
