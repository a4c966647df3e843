// A publisher on 127.0.0.1 for the feed tests and bench/feeds.ts: routes set by the test, every request
// recorded (path and headers), and the faults a real site shows (errors, hangs, loops, floods) as handlers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface FeedServer {
  url(path: string): string;
  route(path: string, handler: Route): void;
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A body with its type, an ETag and Last-Modified; a request that sends them back gets 304. */
export function serve(body: string | Buffer, contentType: string, etag?: string): Route {
  const lastModified = 'Wed, 01 Apr 2026 12:00:00 GMT';
  return (request, response) => {
    const validated = etag
      ? request.headers['if-none-match'] === etag
      : request.headers['if-modified-since'] === lastModified;
    const headers = { 'content-type': contentType, 'last-modified': lastModified, ...(etag ? { etag } : {}) };
    if (validated) response.writeHead(304, headers).end();
    else response.writeHead(200, headers).end(body);
  };
}

/** Headers sent, then nothing: the body never comes. Held until the server closes. */
export const hang: Route = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/rss+xml' });
  response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
};

/** `megabytes` of a valid-looking feed, streamed with no Content-Length; counts what it managed to send. */
export function flood(megabytes: number, sent: { bytes: number }): Route {
  const chunk = Buffer.alloc(64 * 1024, '<item><title>x</title></item>');
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const total = megabytes * 16;
    const pump = () => {
      while (sent.bytes < total * chunk.length) {
        sent.bytes += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end('</channel></rss>');
    };
    response.on('error', () => undefined);
    pump();
  };
}

export function redirect(to: string, status = 302): Route {
  return (_request, response) => response.writeHead(status, { location: to }).end();
}

export function status(code: number, headers: Record<string, string> = {}): Route {
  return (_request, response) => response.writeHead(code, headers).end(`error ${code}`);
}
