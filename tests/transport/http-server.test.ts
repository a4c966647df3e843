// The bot's HTTP server on a free port, without the routes mounted on it: a route per path, 404 elsewhere, 500 when
// a route fails, and what one client may hold (the header and request timeouts, the number of connections).
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenHttp, type HttpServer } from '../../src/transport/http-server.js';
import { logLines } from '../support/log-lines.js';

let server: HttpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('HTTP server', () => {
  it('answers each path with the route mounted for it, a later mount included, and 404 naming them elsewhere', async () => {
    server = await listenHttp(0, '127.0.0.1', { '/a': (_req, res) => void res.end('a') });
    server.mount('/b', (_req, res) => void res.end('b'));
    const base = `http://127.0.0.1:${server.port}`;
    expect(await (await fetch(`${base}/a?x=1`)).text()).toBe('a');
    expect(await (await fetch(`${base}/b`)).text()).toBe('b');
    const missing = await fetch(`${base}/c`);
    expect({ status: missing.status, body: await missing.text() }).toEqual({
      status: 404,
      body: 'not found: try /a or /b\n',
    });
  });

  it('answers 500 when a route fails, and keeps serving', async () => {
    server = await listenHttp(0, '127.0.0.1', {
      '/broken': () => Promise.reject(new Error('it broke')),
      '/healthz': (_req, res) => void res.end('ok'),
    });
    const broken = await fetch(`http://127.0.0.1:${server.port}/broken`);
    expect({ status: broken.status, body: await broken.text() }).toEqual({ status: 500, body: 'error: it broke\n' });
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it('rejects when the port is taken, so the bot can say so and exit', async () => {
    server = await listenHttp(0, '127.0.0.1', {});
    await expect(listenHttp(server.port, '127.0.0.1', {})).rejects.toThrow(/EADDRINUSE/);
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
    server = await listenHttp(
      0,
      '127.0.0.1',
      { '/healthz': (_req, res) => void res.end('ok\n') },
      { headersTimeoutMs: 200 },
    );
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
    server = await listenHttp(
      0,
      '127.0.0.1',
      {
        '/healthz': (_req, res) => void res.end('ok\n'),
        '/interactions': (req, res) => {
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
