// The status routes on the bot's HTTP server alone, on a free port: what /healthz, /readyz and /metrics answer,
// and what they refuse.
import { afterEach, describe, expect, it } from 'vitest';
import { statusRoutes, type StatusChecks } from '../../src/observe/http-status.js';
import { listenHttp, type HttpServer } from '../../src/transport/http-server.js';

let server: HttpServer | null = null;
const startStatusServer = (port: number, host: string, checks: StatusChecks) =>
  listenHttp(port, host, statusRoutes(checks));
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
});
