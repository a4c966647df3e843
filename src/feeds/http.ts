// One bounded HTTP GET: a timeout over the whole exchange, a byte cap read as it streams, redirects followed
// by hand (at most a few, never in a loop, never off http/https), and the bot named in the User-Agent.
// It never throws: every way a request can go wrong comes back as one line a log can show.
import type { ResolvedFeedOptions } from './types.js';

export interface Fetched {
  ok: true;
  status: number;
  /** Where the body came from, after redirects. */
  url: string;
  headers: Headers;
  body: Uint8Array;
}

export type FetchOutcome = Fetched | { ok: false; error: string; retryAfterMs?: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function boundedGet(
  url: string,
  options: ResolvedFeedOptions,
  conditional: Record<string, string> = {},
): Promise<FetchOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    return await followRedirects(url, options, conditional, abort.signal);
  } catch (error) {
    if (abort.signal.aborted) return { ok: false, error: `no complete answer within ${options.timeoutMs} ms` };
    return { ok: false, error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  start: string,
  options: ResolvedFeedOptions,
  conditional: Record<string, string>,
  signal: AbortSignal,
): Promise<FetchOutcome> {
  const seen = new Set<string>();
  let url = start;
  for (;;) {
    if (!/^https?:$/.test(safeProtocol(url))) return { ok: false, error: `not an http(s) address: ${url}` };
    if (seen.has(url)) return { ok: false, error: `redirect loop back to ${url}` };
    if (seen.size > options.maxRedirects) return { ok: false, error: `more than ${options.maxRedirects} redirects` };
    seen.add(url);
    const headers = { 'user-agent': options.userAgent, accept: ACCEPT, ...conditional };
    const response = await fetch(url, { headers, redirect: 'manual', signal });
    if (!REDIRECTS.has(response.status)) return readResponse(url, response, options);
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location) return { ok: false, error: `HTTP ${response.status} redirect with no Location` };
    url = new URL(location, url).href;
  }
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

async function readResponse(url: string, response: Response, options: ResolvedFeedOptions): Promise<FetchOutcome> {
  if (response.status === 304) {
    await response.body?.cancel();
    return { ok: true, status: 304, url, headers: response.headers, body: new Uint8Array() };
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel();
    return { ok: false, error: `HTTP ${response.status} from ${url}`, retryAfterMs: retryAfter(response.headers) };
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    return { ok: false, error: tooLarge(options.maxBytes, url) };
  }
  const body = await readCapped(response, options.maxBytes);
  if (!body) return { ok: false, error: tooLarge(options.maxBytes, url) };
  return { ok: true, status: response.status, url, headers: response.headers, body };
}

/** The body, or null once it passes `maxBytes` (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number, url: string): string {
  return `answer from ${url} is over the ${maxBytes}-byte limit`;
}

/** Retry-After in seconds or as a date; undefined when absent or unreadable. */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/** fetch's "fetch failed" hides the reason in `cause`: connection refused, reset, DNS. */
function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return reason ? `${message} (${reason})` : message;
}
