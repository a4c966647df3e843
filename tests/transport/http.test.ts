// The HTTP interactions endpoint on the bot's HTTP server, with requests signed by a key pair made here: the
// signature, size and body checks, PING, a reply in the HTTP response, and a slow answer deferred and finished
// through the webhook (the local Discord stand-in checks what arrives there).
import { request } from 'node:http';
import { connect } from 'node:net';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedContext } from '../../src/command.js';
import { statusRoutes } from '../../src/observe/http-status.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { DEFER_AT_MS } from '../../src/transport/backlog.js';
import { listenHttp, type HttpServer, type ServerLimits } from '../../src/transport/http-server.js';
import { createHttpEndpoint, type EndpointOptions } from '../../src/transport/http.js';
import { commands } from '../../commands/index.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { RedisStore } from '../../src/store/redis.js';
import { seedLibrary } from '../support/library.js';
import { findRedisServer, REDIS_MISSING, startRedis } from '../support/redis-server.js';
import { post, postSigned, signatureHeaders, signingKey } from '../support/signed.js';
import { EVENT_DEADLINE_MS } from '../support/deadline.js';
import { logLines } from '../support/log-lines.js';
import { SEIZURE_SHEETS, sheetsLibrary } from '../support/dated-sheets.js';

const key = signingKey();
const library = seedLibrary();
const { lines, log } = logLines();

let standIn: DiscordStandIn;
let server: HttpServer;
let slowServer: HttpServer;
let expiringServer: HttpServer;
let trendServer: HttpServer;
const url = (s: HttpServer) => `http://127.0.0.1:${s.port}/interactions`;

/** An HTTP server with the status routes and the endpoint mounted, the endpoint started, answering from the seed library. */
async function endpointServer(options: Partial<EndpointOptions> = {}, limits?: ServerLimits): Promise<HttpServer> {
  const httpServer = await listenHttp(0, '127.0.0.1', statusRoutes({ notReady: () => [] }), limits);
  const endpoint = createHttpEndpoint({
    server: httpServer,
    publicKey: key.publicKeyHex,
    log,
    apiUrl: standIn?.apiUrl ?? null,
    getLibrary: () => library,
    commands,
    context: sharedContext({ random: () => 0 }),
    ...options,
  });
  await endpoint.start();
  return httpServer;
}

/**
 * A store that takes 400 ms to count a user against the rate limit (as a slow Redis would), so each command waits
 * on it without holding the event loop.
 */
function slowStore(): Store {
  const memory = new MemoryStore();
  return Object.assign(Object.create(memory) as Store, {
    incr: (key: string, ttlMs: number) =>
      new Promise<number>((resolve) => setTimeout(() => resolve(memory.incr(key, ttlMs)), 400)),
  });
}

function statPayload(query: string, extra: Array<{ name: string; type: number; value: unknown }> = []) {
  return standIn.interactionPayload(2, {
    id: '940000000000000000',
    name: 'stat',
    type: 1,
    options: [{ name: 'query', type: 3, value: query }, ...extra],
  });
}

beforeAll(async () => {
  standIn = await startStandIn({ token: 'unused' });
  server = await endpointServer();
  // Interactions that reach the bot at the mark past which a reply is deferred (its clock runs DEFER_AT_MS ahead
  // of Discord's, as after a slow network), then wait on the store: only a timer can see they are late.
  slowServer = await endpointServer({
    store: slowStore(),
    rateLimitPerMinute: 1000,
    context: sharedContext({ now: () => Date.now() + DEFER_AT_MS }),
  });
  expiringServer = await endpointServer({ context: sharedContext({ buttonTimeoutMs: 100 }) });
  // Seven dated seizures: two pages of points.
  const more = [2, 3, 4, 5].map((n) => ({
    date: `2025-0${n + 5}-10`,
    statements: [`Border agents seized ${n}00 pounds of fentanyl.`],
  }));
  const sheets = sheetsLibrary([...SEIZURE_SHEETS, ...more]);
  trendServer = await endpointServer({ getLibrary: () => sheets });
});

afterAll(async () => {
  await server?.close();
  await slowServer?.close();
  await expiringServer?.close();
  await trendServer?.close();
  await standIn?.stop();
});

describe('HTTP interactions endpoint', () => {
  it('answers PING with PONG', async () => {
    expect(
      await postSigned(url(server), key, { id: '1', type: 1, application_id: '2', token: 't', version: 1 }),
    ).toEqual({ status: 200, body: { type: 1 } });
  });

  it('answers /stat in the HTTP response with a reply Discord accepts', async () => {
    const { status, body } = await postSigned(url(server), key, statPayload('homicides'));
    expect(status).toBe(200);
    expectValidResponse(body);
    expect(JSON.stringify(body)).toContain('**nearly 2,000** homicides');
  });

  it('refuses a request signed with another key (401)', async () => {
    const body = JSON.stringify(statPayload('homicides'));
    expect((await post(url(server), body, signatureHeaders(signingKey(), body))).status).toBe(401);
  });

  it('refuses an altered body (401)', async () => {
    const body = JSON.stringify(statPayload('homicides'));
    const headers = signatureHeaders(key, body);
    expect((await post(url(server), body.replace('homicides', 'homicidez'), headers)).status).toBe(401);
  });

  it('refuses a replayed request with an old timestamp, and one from the future (401)', async () => {
    const body = JSON.stringify(statPayload('homicides'));
    const now = Math.floor(Date.now() / 1000);
    expect((await post(url(server), body, signatureHeaders(key, body, now - 6 * 60))).status).toBe(401);
    expect((await post(url(server), body, signatureHeaders(key, body, now + 60))).status).toBe(401);
  });

  it('refuses a request without signature headers (401), or with a malformed one', async () => {
    const body = JSON.stringify(statPayload('homicides'));
    expect((await post(url(server), body, {})).status).toBe(401);
    const headers = { ...signatureHeaders(key, body), 'x-signature-ed25519': 'zz' };
    expect((await post(url(server), body, headers)).status).toBe(401);
  });

  it('refuses a body over 64 KB (413) before checking anything', async () => {
    const body = JSON.stringify({ ...statPayload('homicides'), padding: 'x'.repeat(70_000) });
    expect((await post(url(server), body, signatureHeaders(key, body))).status).toBe(413);
  });

  it('refuses a signed body that is not JSON (400)', async () => {
    const body = '{"type": 2, "data": ';
    expect((await post(url(server), body, signatureHeaders(key, body))).status).toBe(400);
  });

  it('logs each refusal with why, never with what the body held', () => {
    const refusals = lines.filter((l) => l.msg === 'refused an interaction request');
    expect(refusals.map((l) => l.status)).toEqual([401, 401, 401, 401, 401, 401, 413, 400]);
    expect(JSON.stringify(refusals)).not.toMatch(/homicid|padding|"type": 2/);
  });

  it('keeps the status routes on the same port, and takes only POST on /interactions', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    expect((await fetch(url(server))).status).toBe(405);
  });

  it('defers a slow command (type 5) and finishes it through the webhook', async () => {
    const payload = statPayload('homicides');
    const { status, body } = await postSigned(url(slowServer), key, payload);
    expect({ status, body }).toEqual({ status: 200, body: { type: 5 } });
    const edit = await waitFor(() => standIn.edits(payload.token as string)[0]);
    expect(JSON.stringify(edit.body)).toContain('**nearly 2,000** homicides');
    expect(standIn.violations).toEqual([]);
  });

  it('defers a slow button press (type 6) and edits its message through the webhook', async () => {
    const search = standIn.interactionPayload(2, {
      id: '940000000000000000',
      name: 'search',
      type: 1,
      options: [{ name: 'query', type: 3, value: 'Trump' }],
    });
    expect((await postSigned(url(slowServer), key, search)).body).toEqual({ type: 5 });
    const first = await waitFor(() => standIn.edits(search.token as string)[0]);
    const next = buttonsOf(first.body).find((b) => b.label === 'Next')!;
    // The press carries the reply's message as Discord keeps it, naming who ran the search.
    const message = standIn.messageFrom(search, first.body as Record<string, unknown>);
    const press = standIn.interactionPayload(3, { custom_id: next.custom_id, component_type: 2 }, undefined, message);
    expect((await postSigned(url(slowServer), key, press)).body).toEqual({ type: 6 });
    const paged = await waitFor(() => standIn.edits(press.token as string)[0]);
    expect(JSON.stringify(paged.body)).toMatch(/Page 2|2 of/);
    expect(standIn.violations).toEqual([]);
  });

  it('sends a new message after a deferred button press as a follow-up', async () => {
    const press = standIn.interactionPayload(3, { custom_id: 'gone:1', component_type: 2 }, undefined, {
      ...standIn.botMessage(),
    });
    expect((await postSigned(url(slowServer), key, press)).body).toEqual({ type: 6 });
    const followUp = await waitFor(() =>
      standIn.requests.find((r) => r.method === 'POST' && r.path.endsWith(`/${press.token as string}`)),
    );
    expect(followUp.status).toBe(200);
    expect(followUp.body).toMatchObject({ flags: 64, embeds: [{ title: 'This button no longer works' }] });
    expect(standIn.violations).toEqual([]);
  });

  it('disables a reply’s buttons when they expire, through the webhook', async () => {
    const search = standIn.interactionPayload(2, {
      id: '940000000000000000',
      name: 'search',
      type: 1,
      options: [{ name: 'query', type: 3, value: 'Trump' }],
    });
    const { body } = await postSigned(url(expiringServer), key, search);
    expect(buttonsOf((body as { data: unknown }).data).length).toBeGreaterThan(0);
    const edit = await waitFor(() => standIn.edits(search.token as string)[0]);
    // Every button expires but Cite, which names its quote itself and keeps working.
    const buttons = buttonsOf(edit.body) as Array<{ disabled?: boolean; custom_id?: string }>;
    expect(buttons.every((b) => b.disabled || b.custom_id?.split(':')[1] === 'cite')).toBe(true);
    expect(buttons.some((b) => b.disabled)).toBe(true);
    expect(standIn.violations).toEqual([]);
  });

  it('answers a signed body that is JSON but no interaction with 400', async () => {
    const body = 'null';
    expect((await post(url(server), body, signatureHeaders(key, body))).status).toBe(400);
  });

  it('refuses a chunked body that grows past 64 KB (413), without holding it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url(server), { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(8192));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('defers a slow private command privately', async () => {
    const payload = statPayload('homicides', [{ name: 'private', type: 5, value: true }]);
    expect((await postSigned(url(slowServer), key, payload)).body).toEqual({ type: 5, data: { flags: 64 } });
    await waitFor(() => standIn.edits(payload.token as string)[0]);
    expect(standIn.violations).toEqual([]);
  });
});

function trendPayload(extra: Array<{ name: string; type: number; value: unknown }> = []) {
  return standIn.interactionPayload(2, {
    id: '940000000000000000',
    name: 'trend',
    type: 1,
    options: [{ name: 'query', type: 3, value: 'pounds of fentanyl' }, ...extra],
  });
}

describe('a reply with files over the HTTP endpoint', () => {
  it('defers /trend (type 5) and sends its chart through the webhook as files[0], which Discord takes', async () => {
    const payload = trendPayload();
    expect(await postSigned(url(trendServer), key, payload)).toEqual({ status: 200, body: { type: 5 } });
    const edit = await waitFor(() => standIn.edits(payload.token as string)[0]);
    expect(standIn.violations).toEqual([]);
    expect(edit.files.map((f) => [f.field, f.name, f.contentType])).toEqual([['files[0]', 'trend.png', 'image/png']]);
    const png = PNG.sync.read(edit.files[0]!.data);
    expect([png.width, png.height]).toEqual([800, 450]);
    const data = edit.body as { attachments: unknown[]; embeds: Array<{ image: { url: string } }> };
    expect(data.attachments).toEqual([
      { id: '0', filename: 'trend.png', description: 'Chart of pounds of fentanyl (pounds) by document date' },
    ]);
    expect(data.embeds[0]!.image.url).toBe('attachment://trend.png');
    expect(JSON.stringify(edit.body)).not.toContain('"files"');
  });

  it('turns a /trend page in the HTTP response, keeping the chart: no files, no attachments', async () => {
    const payload = trendPayload();
    await postSigned(url(trendServer), key, payload);
    const first = await waitFor(() => standIn.edits(payload.token as string)[0]);
    const next = buttonsOf(first.body).find((b) => b.label === 'Next')!;
    const message = standIn.messageFrom(payload, first.body as Record<string, unknown>);
    const press = standIn.interactionPayload(3, { custom_id: next.custom_id, component_type: 2 }, undefined, message);
    const { status, body } = await postSigned(url(trendServer), key, press);
    expect(status).toBe(200);
    expectValidResponse(body);
    const page = body as { type: number; data: { attachments?: unknown; embeds: Array<{ image?: { url: string } }> } };
    expect(page.type).toBe(7);
    expect(page.data).not.toHaveProperty('attachments');
    expect(page.data.embeds[0]!.image?.url).toBe('attachment://trend.png');
    expect(JSON.stringify(page)).toContain('**6.**');
  });

  it('defers a private /trend privately, then sends its chart the same way', async () => {
    const payload = trendPayload([{ name: 'private', type: 5, value: true }]);
    const { body } = await postSigned(url(trendServer), key, payload);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await waitFor(() => standIn.edits(payload.token as string)[0]);
    expect(edit.files.map((f) => f.name)).toEqual(['trend.png']);
    expect(standIn.violations).toEqual([]);
  });

  it('answers a /trend with nothing to draw in the HTTP response, with no deferral', async () => {
    const payload = standIn.interactionPayload(2, {
      id: '940000000000000000',
      name: 'trend',
      type: 1,
      options: [{ name: 'query', type: 3, value: 'tariffs' }],
    });
    const { status, body } = await postSigned(url(trendServer), key, payload);
    expect(status).toBe(200);
    expectValidResponse(body);
    expect((body as { data: { embeds: Array<{ title: string }> } }).data.embeds[0]!.title).toBe('No figures to chart');
  });
});

describe('slow clients', () => {
  it('closes a connection whose body trickles in past the request timeout (408)', async () => {
    const limited = await endpointServer({ apiUrl: null }, { headersTimeoutMs: 200, requestTimeoutMs: 300 });
    try {
      let trickle: NodeJS.Timeout | undefined;
      const received: Buffer[] = [];
      const socket = connect(limited.port, '127.0.0.1', () => {
        socket.write('POST /interactions HTTP/1.1\r\nHost: bot\r\nContent-Length: 4096\r\n\r\n{');
        // One byte of the body every 50 ms, for as long as the server keeps the connection.
        trickle = setInterval(() => socket.write(' '), 50);
      });
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('close', resolve));
      clearInterval(trickle);
      expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await limited.close();
    }
  });
});

describe('replayed requests', () => {
  it('answers an interaction once: a signed copy of it is refused (409) and logged once, by id alone', async () => {
    const payload = statPayload('homicides');
    const body = JSON.stringify(payload);
    const headers = signatureHeaders(key, body);
    const first = await post(url(server), body, headers);
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).toContain('homicides');
    expect(await post(url(server), body, headers)).toEqual({
      status: 409,
      body: { error: 'this interaction was received already' },
    });
    const refusals = lines.filter((l) => l.msg === 'refused a replayed interaction');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ status: 409, interaction: payload.id });
    expect(JSON.stringify(refusals)).not.toMatch(/homicid|token/);
  });

  it('still answers PING every time (it changes nothing)', async () => {
    const body = JSON.stringify({ id: '2', type: 1, application_id: '2', token: 't', version: 1 });
    const headers = signatureHeaders(key, body);
    expect((await post(url(server), body, headers)).body).toEqual({ type: 1 });
    expect((await post(url(server), body, headers)).body).toEqual({ type: 1 });
  });

  it('with the shared store away, still answers and refuses a copy sent to the same replica', async () => {
    const away = () => Promise.reject(new Error('ECONNREFUSED'));
    const store = { get: away, set: away, incr: away, claim: away, close: () => Promise.resolve() };
    const replica = await endpointServer({ store });
    try {
      const body = JSON.stringify(statPayload('homicides'));
      const headers = signatureHeaders(key, body);
      expect((await post(url(replica), body, headers)).status).toBe(200);
      expect((await post(url(replica), body, headers)).status).toBe(409);
      expect(lines.some((l) => l.msg === 'shared store unavailable; replays are refused by this replica alone')).toBe(
        true,
      );
    } finally {
      await replica.close();
    }
  });

  const redisBinary = findRedisServer();
  it.skipIf(!redisBinary)(
    `two replicas on one Redis: the same signed request sent to each is answered by one${redisBinary ? '' : ` (skipped: ${REDIS_MISSING})`}`,
    async () => {
      const redis = await startRedis(redisBinary!);
      const stores = await Promise.all([RedisStore.connect(redis.url), RedisStore.connect(redis.url)]);
      const replicas = await Promise.all(stores.map((store) => endpointServer({ store })));
      try {
        const body = JSON.stringify(statPayload('homicides'));
        const headers = signatureHeaders(key, body);
        const answers = await Promise.all(replicas.map((replica) => post(url(replica), body, headers)));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      } finally {
        await Promise.all(replicas.map((replica) => replica.close()));
        await Promise.all(stores.map((store) => store.close()));
        await redis.stop();
      }
    },
  );
});

function buttonsOf(data: unknown): Array<{ label: string; custom_id: string; disabled?: boolean }> {
  const rows = (data as { components?: Array<{ components: unknown[] }> }).components ?? [];
  return rows.flatMap((row) => row.components) as Array<{ label: string; custom_id: string; disabled?: boolean }>;
}

async function waitFor<T>(probe: () => T | undefined, timeout = EVENT_DEADLINE_MS): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
