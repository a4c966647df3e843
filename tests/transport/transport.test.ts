// The one transport contract (src/transport/transport.ts), held for both transports: each is a `Transport` in its
// types, and each starts, becomes ready, reports why it is not, and ends on close; the gateway's `lost` settles
// when Discord ends its session for good, while the HTTP endpoint has no session to lose.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { statusRoutes } from '../../src/observe/http-status.js';
import { createGateway } from '../../src/transport/gateway.js';
import { listenHttp, type HttpServer } from '../../src/transport/http-server.js';
import { createHttpEndpoint } from '../../src/transport/http.js';
import type { Transport, TransportLost } from '../../src/transport/transport.js';
import { TEST_TOKEN } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { seedLibrary } from '../support/library.js';
import { logLines } from '../support/log-lines.js';
import { postSigned, signingKey } from '../support/signed.js';

const { log } = logLines();
const library = seedLibrary();
const shared = { log, getLibrary: () => library, commands };

let standIn: DiscordStandIn | null = null;
let server: HttpServer | null = null;
afterEach(async () => {
  await server?.close();
  await standIn?.stop();
  server = standIn = null;
});

describe('the transport contract', () => {
  it('is what both transports are, in their types', () => {
    expectTypeOf(createGateway).returns.toExtend<Transport>();
    expectTypeOf(createHttpEndpoint).returns.toExtend<Transport>();
    // The gateway can be lost for good; the endpoint's `lost` may be null, and the contract allows it.
    expectTypeOf<ReturnType<typeof createGateway>['lost']>().toEqualTypeOf<Promise<TransportLost>>();
    expectTypeOf<Transport['lost']>().toEqualTypeOf<Promise<TransportLost> | null>();
  });

  it('the gateway: not ready until started, ready once connected, lost when Discord ends the session for good', async () => {
    standIn = await startStandIn({ token: TEST_TOKEN });
    const gateway: Transport = createGateway({ ...shared, token: TEST_TOKEN, apiUrl: standIn.apiUrl });
    expect(gateway.notReady()).toEqual(['gateway not connected']);
    await gateway.start();
    await gateway.ready;
    expect(gateway.notReady()).toEqual([]);
    // 4004: the token was refused. Discord takes no reconnect after it, so the process should end.
    standIn.close(4004);
    expect(await gateway.lost).toMatchObject({ code: 4004, reason: expect.stringMatching(/token/) });
    await gateway.close();
  });

  it('the gateway: `ready` rejects when it cannot connect at all', async () => {
    standIn = await startStandIn({ token: TEST_TOKEN });
    const gateway = createGateway({ ...shared, token: 'not-the-token', apiUrl: standIn.apiUrl });
    await expect(gateway.start()).rejects.toThrow();
    await expect(gateway.ready).rejects.toThrow();
    await gateway.close();
  });

  it('the HTTP endpoint: refuses interactions until started and after close, and has nothing to lose', async () => {
    const key = signingKey();
    server = await listenHttp(0, '127.0.0.1', statusRoutes({ notReady: () => [] }));
    const endpoint: Transport = createHttpEndpoint({
      ...shared,
      server,
      publicKey: key.publicKeyHex,
      apiUrl: null,
    });
    const url = `http://127.0.0.1:${server.port}/interactions`;
    const ping = { id: '1', type: 1, application_id: '2', token: 't', version: 1 };
    expect(endpoint.notReady()).toEqual(['endpoint not started']);
    expect((await postSigned(url, key, ping)).status).toBe(503);
    await endpoint.start();
    await endpoint.ready;
    expect(endpoint.notReady()).toEqual([]);
    expect(await postSigned(url, key, ping)).toEqual({ status: 200, body: { type: 1 } });
    expect(endpoint.lost).toBeNull();
    await endpoint.close();
    expect(endpoint.notReady()).toEqual(['endpoint closed']);
    expect((await postSigned(url, key, ping)).status).toBe(503);
    // The status routes stay: the server is its owner's to close.
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });
});
