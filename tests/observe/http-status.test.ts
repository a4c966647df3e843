// The status server on its own, on a free port: what /healthz, /readyz and /metrics answer, and what they refuse.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startStatusServer, type StatusServer } from '../../src/observe/http-status.js';
import { logLines } from '../support/log-lines.js';

let server: StatusServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function get(path: string, method = 'GET') {
  const response = await fetch(`http://127.0.0.1:${server!.port}${path}`, { method });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('status server', () => {
  it('/healthz says the process is alive, ready or not', async () => {
    server = await startStatusServer(0, '127.0.0.1', { notReady: () => ['documents not loaded'] });
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
  });

  it('/readyz is 503 with the reasons until documents are loaded and the gateway connected, then 200', async () => {
    const missing = ['documents not loaded', 'gateway not connected'];
    server = await startStatusServer(0, '127.0.0.1', { notReady: () => missing });
    expect(await get('/readyz')).toMatchObject({
      status: 503,
      body: 'not ready: documents not loaded; gateway not connected\n',
    });
    missing.shift();
    expect(await get('/readyz')).toMatchObject({ status: 503, body: 'not ready: gateway not connected\n' });
    missing.shift();
    expect(await get('/readyz')).toMatchObject({ status: 200, body: 'ready\n' });
    expect(await get('/readyz?verbose=1')).toMatchObject({ status: 200 });
  });

  it('/readyz stays 200 while something works only in part, and names it', async () => {
    const degraded: string[] = [];
    server = await startStatusServer(0, '127.0.0.1', { notReady: () => [], degraded: () => degraded });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: 'ready\n' });
    degraded.push('shared store (Redis) unreachable, the rate limit is off');
    expect(await get('/readyz')).toMatchObject({
      status: 200,
      body: 'ready, degraded: shared store (Redis) unreachable, the rate limit is off\n',
    });
  });

  it('/metrics answers the scrape with its content type', async () => {
    server = await startStatusServer(0, '127.0.0.1', {
      notReady: () => [],
      scrape: async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'up 1\n' }),
    });
    expect(await get('/metrics')).toEqual({
      status: 200,
      type: 'text/plain; version=0.0.4; charset=utf-8',
      body: 'up 1\n',
    });
  });

  it('answers 404 for any other path (and /metrics without metrics), 405 for a write, nothing for HEAD', async () => {
    server = await startStatusServer(0, '127.0.0.1', { notReady: () => [] });
    for (const path of ['/', '/metrics', '/health', '/healthz/x', '/admin']) expect((await get(path)).status).toBe(404);
    expect(await get('/healthz', 'POST')).toMatchObject({ status: 405, body: 'use GET\n' });
    expect(await get('/healthz', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('answers 500, and keeps serving, when a scrape fails', async () => {
    server = await startStatusServer(0, '127.0.0.1', {
      notReady: () => [],
      scrape: () => Promise.reject(new Error('collector broke')),
    });
    expect(await get('/metrics')).toMatchObject({ status: 500, body: 'error: collector broke\n' });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('rejects when the port is taken, so the bot can say so and exit', async () => {
    server = await startStatusServer(0, '127.0.0.1', { notReady: () => [] });
    await expect(startStatusServer(server.port, '127.0.0.1', { notReady: () => [] })).rejects.toThrow(/EADDRINUSE/);
  });
});

/** A client socket, what it received, and a promise that settles when the other end closes it. */
function client(port: number, onConnect: (socket: Socket) => void = () => {}) {
  const received: Buffer[] = [];
  const socket = connect(port, '127.0.0.1', () => onConnect(socket));
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  // A refused connection may be reset rather than closed; either way 'close' follows.
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, closed, text: () => Buffer.concat(received).toString('latin1') };
}

describe('status server limits', () => {
  it('closes a connection whose headers trickle in past the headers timeout (408)', async () => {
    server = await startStatusServer(0, '127.0.0.1', { notReady: () => [] }, { headersTimeoutMs: 200 });
    let trickle: NodeJS.Timeout | undefined;
    const slow = client(server.port, (socket) => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: status\r\nX-Slow: ');
      // One more byte of the same header line every 50 ms, for as long as the server keeps the connection.
      trickle = setInterval(() => socket.write('a'), 50);
    });
    await slow.closed;
    clearInterval(trickle);
    // Closed by the server, which said why: the client never ends the connection itself.
    expect(slow.text()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('refuses connection N+1 while N are open, and says so once; serves again once one closes', async () => {
    const { lines, log } = logLines();
    // Interactions held unanswered: each keeps its connection open, as a slow command would.
    const held: Array<() => void> = [];
    let holding: () => void = () => {};
    const twoHeld = new Promise<void>((resolve) => (holding = resolve));
    const endpoint = async (_req: unknown, res: { end(): void }) => {
      await new Promise<void>((resolve) => held.push(resolve));
      res.end();
    };
    server = await startStatusServer(
      0,
      '127.0.0.1',
      {
        notReady: () => [],
        interactions: () => (req, res) => {
          const answered = endpoint(req, res);
          if (held.length === 2) holding();
          return answered;
        },
      },
      { maxConnections: 2, log },
    );
    const request = 'POST /interactions HTTP/1.1\r\nHost: status\r\nContent-Length: 0\r\n\r\n';
    const open = [client(server.port, (s) => s.write(request)), client(server.port, (s) => s.write(request))];
    await twoHeld;
    const refused = client(server.port, (s) => s.write('GET /healthz HTTP/1.1\r\nHost: status\r\n\r\n'));
    await refused.closed;
    expect(refused.text()).toBe('');
    expect(lines.filter((l) => l.msg === 'refused connections: HTTP_MAX_CONNECTIONS are open')).toMatchObject([
      { level: 40, refused: 1, maxConnections: 2 },
    ]);
    for (const answer of held) answer();
    for (const { socket } of open) socket.end();
    await Promise.all(open.map((c) => c.closed));
    // The server counts a connection gone once it sees it close: until then a new one may still be refused.
    for (let attempt = 0; ; attempt++) {
      const status = await fetch(`http://127.0.0.1:${server.port}/healthz`).then(
        (r) => r.status,
        () => null,
      );
      if (status !== null || attempt === 50) {
        expect(status).toBe(200);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});
