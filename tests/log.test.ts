// What the log may never hold: the bot token, and interaction tokens (each lets anyone answer as the bot in
// that channel for 15 minutes), which @discordjs/rest errors carry in their URL.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmFiY2RlZmdoaWprbG1ub3A';
const WEBHOOK_TOKEN = 'Zm9yZWlnbi13ZWJob29rLXRva2VuLXRoYXQtaXMtbG9uZw';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { output: () => text, log: createLogger('debug', stream) };
}

/** What @discordjs/rest throws for a refused request: the URL and request body as enumerable fields. */
function restError(url: string): Error {
  return Object.assign(new Error('Unknown interaction'), {
    name: 'DiscordAPIError',
    method: 'POST',
    status: 404,
    url,
    requestBody: { files: undefined, json: { type: 4, data: { content: `see ${url}` } } },
  });
}

describe('createLogger', () => {
  it.each([
    `http://127.0.0.1:9/api/v10/interactions/1234/${INTERACTION_TOKEN}/callback`,
    `https://discord.com/api/v10/webhooks/900000000000000000/${INTERACTION_TOKEN}/messages/%40original`,
    `https://discord.com/api/v10/webhooks/900000000000000000/${WEBHOOK_TOKEN}?wait=true`,
  ])('masks the token in a REST error’s url, message, stack and request body: %s', (url) => {
    const { log, output } = capture();
    const error = restError(url);
    error.message += ` (${url})`;
    error.stack = `${error.name}: ${error.message}\n    at ${url}`;
    log.error({ err: error, interaction: '1234' }, 'could not deliver the response');
    expect(output()).not.toContain(INTERACTION_TOKEN);
    expect(output()).not.toContain(WEBHOOK_TOKEN);
    const line = JSON.parse(output());
    expect(line.err.url).toMatch(/\/(interactions\/1234|webhooks\/900000000000000000)\/\[redacted\]/);
    expect(line.err.status).toBe(404);
    expect(line.interaction).toBe('1234');
  });

  it('masks an interaction token wherever it appears in a message or a field', () => {
    const { log, output } = capture();
    log.warn({ detail: { note: `token ${INTERACTION_TOKEN}` } }, `seen ${INTERACTION_TOKEN}`);
    expect(output()).not.toContain(INTERACTION_TOKEN);
  });
});

describe('a bot token pasted into another setting', () => {
  // Shaped as Discord's bot tokens are: the user id, a timestamp and a signature, in base64url, joined by dots.
  const PASTED = 'MTE0NTE0MTkxOTgxMDg5MzQ0.Gx7Qb2.p4st3d-1nto-the-wr0ng-s3tting_abcdefghij';

  it('is masked in the message, in any field and in an error, though the logger was never told it', () => {
    const { log, output } = capture();
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${PASTED}`), { hostname: PASTED });
    error.stack = `Error: getaddrinfo ENOTFOUND ${PASTED}\n    at GetAddrInfoReqWrap.onlookup`;
    log.fatal({ err: error, host: PASTED, nested: { note: `listen ${PASTED}:8080` } }, `could not listen on ${PASTED}`);
    expect(output()).not.toContain(PASTED);
    expect(output()).not.toContain('p4st3d-1nto');
    const line = JSON.parse(output());
    expect(line.msg).toBe('could not listen on [redacted]');
    expect(line.err.message).toBe('getaddrinfo ENOTFOUND [redacted]');
    expect(line.host).toBe('[redacted]');
  });

  it('leaves host names, addresses and versions alone', () => {
    const { log, output } = capture();
    log.info({ host: 'status.example.internal', ip: '127.0.0.1', version: '1.15.0' }, 'listening on 0.0.0.0:8080');
    expect(JSON.parse(output())).toMatchObject({ host: 'status.example.internal', ip: '127.0.0.1', version: '1.15.0' });
  });
});
