// An entry's page to a document: fetched within the same bounds as a feed, decoded by its charset, its main
// content converted to Markdown under the front matter the corpus carries (title, date, source_url,
// modified_time). Never throws: a page that cannot be read is an error line naming it.
import { stringify } from 'yaml';
import { slugify } from '../document/text.js';
import { decodeBody } from './charset.js';
import { dayOf, normalizeDate } from './dates.js';
import { boundedGet } from './http.js';
import { toMarkdown } from './markdown.js';
import { readPage, type PageContent } from './page-content.js';
import {
  resolveOptions,
  type FeedEntry,
  type FeedOptions,
  type FetchDocumentResult,
  type FetchedDocument,
} from './types.js';

export async function fetchDocument(entry: FeedEntry, options: FeedOptions): Promise<FetchDocumentResult> {
  try {
    const resolved = resolveOptions(options);
    const fetched = await boundedGet(entry.url, resolved);
    if (!fetched.ok) return { ok: false, error: fetched.error };
    const html = decodeBody(fetched.body, fetched.headers.get('content-type'));
    return pageToDocument(html, entry, resolved.now());
  } catch (error) {
    return { ok: false, error: `unexpected: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A page's HTML to a document; exported for the round trip and the benchmark, which bring their own HTML. */
export function pageToDocument(html: string, entry: FeedEntry, now: number): FetchDocumentResult {
  const page = readPage(html);
  if (typeof page === 'string') return { ok: false, error: `${page} on ${entry.url}` };
  const markdown = toMarkdown(page.body);
  const document = pageFacts(page, entry, now);
  return { ok: true, document: { ...document, markdown: frontMatter(document) + markdown } };
}

function pageFacts(page: PageContent, entry: FeedEntry, now: number): Omit<FetchedDocument, 'markdown'> {
  const published = entry.published ?? normalizeDate(page.publishedTime);
  const modifiedTime = normalizeDate(page.modifiedTime) ?? entry.modified;
  const document = {
    id: documentId(entry.url),
    url: entry.url,
    title: entry.title !== entry.url ? entry.title : (page.title ?? entry.title),
    date: published ? dayOf(published) : new Date(now).toISOString().slice(0, 10),
  };
  return modifiedTime ? { ...document, modifiedTime } : document;
}

/** The front matter in the corpus's shape: the parser reads title, date and source_url from it. */
function frontMatter(document: Omit<FetchedDocument, 'markdown'>): string {
  const fields: Record<string, string> = { title: document.title, date: document.date, source_url: document.url };
  if (document.modifiedTime) fields.modified_time = document.modifiedTime;
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n`;
}

/**
 * Stable from the URL: the last segment of its path, as the publisher's slug ("fact-sheet-president-..."),
 * so an edited page keeps its id. An address with no path gets one from its host and query.
 */
export function documentId(url: string): string {
  const parsed = new URL(url);
  const segment = parsed.pathname
    .split('/')
    .filter(Boolean)
    .pop()
    ?.replace(/\.(html?|php|aspx?)$/i, '');
  return slugify(segment || `${parsed.host}${parsed.search}`, 'document');
}
