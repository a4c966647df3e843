// The status server, when HTTP_PORT is set: /healthz (the process answers), /readyz (documents loaded and the
// gateway connected: what a load balancer or an orchestrator waits for; still 200 while the shared store is in
// trouble, since every interaction is answered, but its body says so), /metrics (Prometheus), and with
// INTERACTIONS=http, POST /interactions (../transport/http.ts) on the same port. Plain node:http: a few routes
// need no framework.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface StatusChecks {
  /** Why the bot is not ready (["gateway not connected"]), or [] when it is. */
  notReady: () => string[];
  /** What works only in part while the bot serves (["shared store (Redis) unreachable"]): named, still ready. */
  degraded?: () => string[];
  /** Prometheus's text format; absent: /metrics is 404. */
  scrape?: () => Promise<{ contentType: string; body: string }>;
  /** POST /interactions: the endpoint, or null while it is not ready (503); absent: /interactions is 404. */
  interactions?: () => ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null;
}

/**
 * What one client may hold: a client that trickles its headers or body, or opens connection after connection,
 * would otherwise keep them open for Node's defaults (a minute for headers, five for a request, checked every
 * 30 s) without limit of number.
 */
export interface ServerLimits {
  /** Open connections at most (HTTP_MAX_CONNECTIONS); one more is closed as soon as it is accepted. */
  maxConnections?: number;
  /** The request's headers must arrive within this, from the connection's start or the previous request. */
  headersTimeoutMs?: number;
  /**
   * The whole request, headers and body, must arrive within this (answering it may take longer). Node counts a
   * request whole only once its body has ended, so this bounds a trickled body too: no timer of the bot's own.
   */
  requestTimeoutMs?: number;
  /** Told of refused connections (at most one line a minute). */
  log?: Logger;
}

/** Discord sends an interaction of a few kilobytes at once: seconds are plenty. */
export const DEFAULT_LIMITS = { maxConnections: 1000, headersTimeoutMs: 5000, requestTimeoutMs: 10_000 };

export interface StatusServer {
  port: number;
  close(): Promise<void>;
}

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function route(req: IncomingMessage, res: ServerResponse, checks: StatusChecks): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://status').pathname;
  if (path === '/interactions' && checks.interactions) return interactions(req, res, checks.interactions());
  const scrape = path === '/metrics' ? checks.scrape : undefined;
  if (path !== '/healthz' && path !== '/readyz' && !scrape)
    return reply(res, 404, 'not found: try /healthz, /readyz or /metrics\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'use GET\n', { allow: 'GET, HEAD' });
  if (path === '/healthz') return reply(res, 200, 'ok\n');
  if (path === '/readyz') {
    const missing = checks.notReady();
    if (missing.length) return reply(res, 503, `not ready: ${missing.join('; ')}\n`);
    const degraded = checks.degraded?.() ?? [];
    return reply(res, 200, degraded.length ? `ready, degraded: ${degraded.join('; ')}\n` : 'ready\n');
  }
  const scraped = await scrape!();
  reply(res, 200, scraped.body, { 'content-type': scraped.contentType });
}

async function interactions(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null,
): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, 'use POST\n', { allow: 'POST' });
  if (!endpoint) return reply(res, 503, 'not ready: documents not loaded\n');
  await endpoint(req, res);
}

/** Listens on `port` (0: any free port) and `host` (null: every interface); rejects when it cannot. */
export async function startStatusServer(
  port: number,
  host: string | null,
  checks: StatusChecks,
  limits: ServerLimits = {},
): Promise<StatusServer> {
  const server = limitedServer(limits, (req, res) => {
    route(req, res, checks).catch((error: Error) => {
      if (!res.headersSent) reply(res, 500, `error: ${error.message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host ?? undefined, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A server that closes a connection whose headers or request do not arrive in time (Node answers 408 and closes
 * it; its check runs often enough for the limit to hold) and refuses connections past the cap.
 */
function limitedServer(limits: ServerLimits, listener: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const requestTimeout = limits.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs;
  // Node refuses a headers timeout longer than the request's.
  const headersTimeout = Math.min(limits.headersTimeoutMs ?? DEFAULT_LIMITS.headersTimeoutMs, requestTimeout);
  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout / 4) },
    listener,
  );
  server.maxConnections = limits.maxConnections ?? DEFAULT_LIMITS.maxConnections;
  if (limits.log) warnOnRefusals(server, limits.log);
  return server;
}

/** One warning at the first refused connection, then at most one a minute, with how many were refused since. */
function warnOnRefusals(server: Server, log: Logger): void {
  let refused = 0;
  let quietUntil = 0;
  server.on('drop', () => {
    refused++;
    if (Date.now() < quietUntil) return;
    log.warn({ refused, maxConnections: server.maxConnections }, 'refused connections: HTTP_MAX_CONNECTIONS are open');
    refused = 0;
    quietUntil = Date.now() + 60_000;
  });
}
