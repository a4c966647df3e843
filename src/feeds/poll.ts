// One poll of a feed: RSS 2.0, Atom, or the publisher's listing pages. A conditional request with what the
// last answer validated; the state that comes back says when to ask again. Never throws: a failure is an
// outcome with its reason, and the caller keeps the state it returns.
import { answered, failed } from './backoff.js';
import { decodeBody } from './charset.js';
import { cleanEntries, type RawEntry } from './entries.js';
import { readXmlFeed } from './feed-xml.js';
import { boundedGet, type Fetched } from './http.js';
import { readListingPage } from './listing.js';
import {
  resolveOptions,
  type FeedOptions,
  type FeedState,
  type PollResult,
  type ResolvedFeedOptions,
} from './types.js';

type Read = { ok: true; entries: RawEntry[]; next?: string } | { ok: false; error: string };

export async function pollFeed(url: string, state: FeedState, options: FeedOptions): Promise<PollResult> {
  const resolved = resolveOptions(options);
  try {
    return await poll(url, state, resolved);
  } catch (error) {
    // Nothing below is expected to throw; should it, the feed backs off like any other failure.
    return failure(state, `unexpected: ${error instanceof Error ? error.message : String(error)}`, resolved);
  }
}

async function poll(url: string, state: FeedState, options: ResolvedFeedOptions): Promise<PollResult> {
  const first = await boundedGet(url, options, conditionalHeaders(state));
  if (!first.ok) return failure(state, first.error, options, first.retryAfterMs);
  if (first.status === 304) return { outcome: 'not-modified', entries: [], ...answered(state, first.headers, options) };
  const read = readBody(first);
  if (!read.ok) return failure(state, read.error, options);
  const raw = [...read.entries, ...(await laterPages(read.next, first.url, options))];
  const rules = { base: first.url, now: options.now(), futureToleranceMs: options.futureToleranceMs };
  return { outcome: 'changed', entries: cleanEntries(raw, rules), ...answered(state, first.headers, options) };
}

function failure(state: FeedState, error: string, options: ResolvedFeedOptions, retryAfterMs?: number): PollResult {
  return { outcome: 'failed', entries: [], error, ...failed(state, error, options, retryAfterMs) };
}

function conditionalHeaders(state: FeedState): Record<string, string> {
  const headers: Record<string, string> = {};
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  return headers;
}

/** The body as a feed or a listing page, told apart by what it is, not by what it claims to be. */
function readBody(fetched: Fetched): Read {
  const contentType = fetched.headers.get('content-type');
  const text = decodeBody(fetched.body, contentType).replace(/^\ufeff/, '');
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (!start) return { ok: false, error: `empty answer from ${fetched.url}` };
  if (looksLikeHtml(start, contentType)) return readListing(text, fetched.url, contentType);
  return readXmlFeed(text);
}

function looksLikeHtml(start: string, contentType: string | null): boolean {
  if (/^<!doctype html|^<html/.test(start)) return true;
  return /text\/html/i.test(contentType ?? '') && !/^<\?xml|^<rss|^<feed/.test(start);
}

function readListing(html: string, url: string, contentType: string | null): Read {
  const page = readListingPage(html);
  if (page) return { ok: true, entries: page.entries, next: page.next };
  const served = contentType ? ` (${contentType})` : '';
  return { ok: false, error: `expected RSS or Atom, got an HTML page${served} with no list of posts from ${url}` };
}

/** Listing pages after the first, through `<link rel="next">`; a page that fails ends the walk, keeping the rest. */
async function laterPages(next: string | undefined, base: string, options: ResolvedFeedOptions): Promise<RawEntry[]> {
  const entries: RawEntry[] = [];
  const visited = new Set([base]);
  let url = resolveUrl(next, base);
  for (let page = 2; url && page <= options.maxPages && !visited.has(url); page++) {
    visited.add(url);
    const fetched = await boundedGet(url, options);
    if (!fetched.ok) break;
    const listing = readListingPage(decodeBody(fetched.body, fetched.headers.get('content-type')));
    if (!listing) break;
    entries.push(...listing.entries);
    url = resolveUrl(listing.next, fetched.url);
  }
  return entries;
}

function resolveUrl(href: string | undefined, base: string): string | undefined {
  try {
    return href ? new URL(href, base).href : undefined;
  } catch {
    return undefined;
  }
}
