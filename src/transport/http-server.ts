// The bot's one HTTP server, when HTTP_PORT is set: routes by path, each mounted by what serves it (the status
// routes of ../observe/ in either mode; POST /interactions by ./http.ts with INTERACTIONS=http). Plain node:http:
// a few routes need no framework. It holds every client to header and request timeouts and a number of
// connections, since POST /interactions faces the internet.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Answers one request to its path (a route checks the method itself). */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

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

export interface HttpServer {
  port: number;
  /** Serves `path` with `route` from now on. */
  mount(path: string, route: Route): void;
  close(): Promise<void>;
}

/** A plain-text answer that is never cached; HEAD gets the headers alone. */
export function replyText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Listens on `port` (0: any free port) and `host` (null: every interface) with `routes`; rejects when it cannot. */
export async function listenHttp(
  port: number,
  host: string | null,
  routes: Record<string, Route>,
  limits: ServerLimits = {},
): Promise<HttpServer> {
  const mounted = new Map(Object.entries(routes));
  const server = limitedServer(limits, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://bot').pathname;
    const route = mounted.get(path) ?? notFound([...mounted.keys()]);
    Promise.resolve(route(req, res)).catch((error: Error) => {
      if (!res.headersSent) replyText(res, 500, `error: ${error.message}\n`);
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
    mount: (path, route) => void mounted.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function notFound(paths: string[]): Route {
  const listed = paths.length > 1 ? `${paths.slice(0, -1).join(', ')} or ${paths.at(-1)}` : (paths[0] ?? 'nothing');
  return (_req, res) => replyText(res, 404, `not found: try ${listed}\n`);
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
