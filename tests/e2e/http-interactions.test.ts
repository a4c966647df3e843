// The real bot with INTERACTIONS=http: Discord's signed POSTs on HTTP_PORT, answered in the HTTP response, with
// the status routes on the same port and no gateway connection at all.
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../support/bot-process.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';
import { post, postSigned, signingKey } from '../support/signed.js';

const key = signingKey();
let standIn: DiscordStandIn;
let bot: BotProcess;
let port: number;

beforeAll(async () => {
  standIn = await startStandIn({ token: 'unused' });
  port = await freePort();
  bot = startBot({
    INTERACTIONS: 'http',
    DISCORD_PUBLIC_KEY: key.publicKeyHex,
    DISCORD_API_URL: standIn.apiUrl,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '3',
  });
  await bot.waitForLog((l) => l.msg === 'serving interactions on POST /interactions');
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

function statPayload() {
  return standIn.interactionPayload(2, {
    id: '940000000000000000',
    name: 'stat',
    type: 1,
    options: [{ name: 'query', type: ApplicationCommandOptionType.String, value: 'homicides' }],
  });
}

describe('the bot as an HTTP interactions endpoint', () => {
  const url = () => `http://127.0.0.1:${port}/interactions`;

  it('answers PING, and /stat in the HTTP response', async () => {
    expect(
      (await postSigned(url(), key, { id: '1', type: 1, application_id: '2', token: 't', version: 1 })).body,
    ).toEqual({ type: 1 });
    const { status, body } = await postSigned(url(), key, statPayload());
    expect(status).toBe(200);
    expectValidResponse(body);
    expect(JSON.stringify(body)).toContain('homicides');
  });

  it('refuses an unsigned request and says why in the log, without the body', async () => {
    expect((await post(url(), '{"type":1,"secret":"do-not-log"}', {})).status).toBe(401);
    const refusal = await bot.waitForLog((l) => l.msg === 'refused an interaction request');
    expect(refusal.problem).toBe('missing signature headers');
    expect(bot.output()).not.toContain('do-not-log');
  });

  it('tells a user over RATE_LIMIT_PER_MINUTE to slow down, privately', async () => {
    // One /stat so far; the limit counts in minute windows, so within five more one window goes past three.
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await postSigned(url(), key, statPayload())).body);
    expect(JSON.stringify(answers[0])).toContain('homicides');
    const slowDown = answers.find((a) => JSON.stringify(a).includes('Slow down'));
    expectValidResponse(slowDown);
    expect(slowDown).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Slow down' }] },
    });
  });

  it('is ready without a gateway, never connects to one, and exits 0 on SIGTERM', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(standIn.identifies).toEqual([]);
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  });
});
