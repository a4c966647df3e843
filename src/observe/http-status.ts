// The status server, when HTTP_PORT is set: /healthz (the process answers), /readyz (documents loaded and the
// gateway connected: what a load balancer or an orchestrator waits for; still 200 while the shared store is in
// trouble, since every interaction is answered, but its body says so), /metrics (Prometheus), and with
// INTERACTIONS=http, POST /interactions (../transport/http.ts) on the same port. Plain node:http: a few routes
// need no framework.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
): Promise<StatusServer> {
  const server: Server = createServer((req, res) => {
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
