// What following a publisher hands the caller: plain data, kept by the caller (in its database) between polls.

/** A feed's polling state: what the next conditional request sends, and how long a failing feed is left alone. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Failures in a row; 0 after any answer. */
  failures: number;
  /** When the current run of failures began (ms since the epoch). */
  firstFailureAt?: number;
  /** When the feed may be asked again (ms since the epoch). */
  nextPollAt: number;
  lastError?: string;
  /** Set once a feed has failed for `reportAfterMs` (a day): the caller logs it once, then it stays set. */
  reportedDown?: boolean;
}

/** One item a feed or listing page names. Dates are ISO 8601 with the publisher's own offset. */
export interface FeedEntry {
  url: string;
  title: string;
  published?: string;
  modified?: string;
}

export interface PollResult {
  outcome: 'changed' | 'not-modified' | 'failed';
  entries: FeedEntry[];
  state: FeedState;
  error?: string;
  /** 'reported' on the poll that marks the feed down, 'recovered' on the first answer after: each logged once. */
  transition?: 'reported' | 'recovered';
}

/** A fetched page as a document the parser reads (src/document/parse.ts). */
export interface FetchedDocument {
  /** Stable, from the URL: an edited page keeps its id and replaces its document. */
  id: string;
  url: string;
  title: string;
  /** YYYY-MM-DD, the publisher's own day. */
  date: string;
  modifiedTime?: string;
  /** Front matter (title, date, source_url, modified_time) and the page's main content as Markdown. */
  markdown: string;
}

export type FetchDocumentResult = { ok: true; document: FetchedDocument } | { ok: false; error: string };

/** Every field has a default (`feedDefaults`): `{}` is a valid set of options. */
export interface FeedOptions {
  /** Sent with every request, naming the bot so a publisher knows who asks. */
  userAgent?: string;
  /** The whole request, body included. */
  timeoutMs?: number;
  /** A body past this many bytes is cut off and the request fails. */
  maxBytes?: number;
  maxRedirects?: number;
  /** How long after an answer the feed is asked again. */
  pollIntervalMs?: number;
  /** The first wait after a failure; each failure in a row doubles it, up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A feed failing this long is marked reported. */
  reportAfterMs?: number;
  /** Listing pages followed through `<link rel="next">` in one poll. */
  maxPages?: number;
  /** A date further than this ahead of now is not believed. */
  futureToleranceMs?: number;
  /** The clock, in ms since the epoch. */
  now?: () => number;
}

export type ResolvedFeedOptions = Required<FeedOptions>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const feedDefaults: ResolvedFeedOptions = {
  userAgent: 'factsheet-bot/1.0 (Discord bot that quotes fact sheets; follows this feed for the servers that ask)',
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  pollIntervalMs: 15 * MINUTE,
  backoffBaseMs: MINUTE,
  backoffMaxMs: 6 * HOUR,
  reportAfterMs: 24 * HOUR,
  maxPages: 3,
  futureToleranceMs: 24 * HOUR,
  now: () => Date.now(),
};

export function resolveOptions(options: FeedOptions): ResolvedFeedOptions {
  const defined = Object.entries(options).filter(([, value]) => value !== undefined);
  return { ...feedDefaults, ...(Object.fromEntries(defined) as FeedOptions) };
}
