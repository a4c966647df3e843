// Issue 22, memory: @discordjs/rest keeps a queue for each webhook token (each interaction has its own) and sweeps
// idle ones hourly, so a busy bot's button-expiry edits and deferred replies held about 2.7 KB each for an hour.
// Counted after many distinct webhooks against the local Discord stand-in, never timed.
import { Writable } from 'node:stream';
import { REST } from '@discordjs/rest';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { WEBHOOK_SWEEP_EVERY, webhookReplies } from '../../src/transport/deferral.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';

const log = createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() }), []);
let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await startStandIn({ token: 'unused' });
});
afterAll(async () => {
  await standIn.stop();
});

/** The nth interaction's webhook: its own token, as Discord gives each interaction. */
const webhookOf = (n: number) =>
  ({ id: String(n), application_id: '100000000000000000', token: `aW50ZXJhY3Rpb246${n}${'x'.repeat(160)}` }) as const;

describe('webhook replies', () => {
  // The client lets 50 requests a second through (its global limit), so a sweep may wait up to 50 more.
  it(`keep at most ${2 * WEBHOOK_SWEEP_EVERY} idle REST queues after 400 distinct webhooks`, async () => {
    const rest = new REST({ api: standIn.apiUrl });
    const { editOriginal, finish } = webhookReplies(rest, log);
    const reply = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'late' } } as const;
    let largest = 0;
    for (let n = 0; n < 400; n++) {
      // The stand-in never sent these interactions, so it refuses each edit: the queue is made all the same.
      const sent =
        n % 2 === 0
          ? editOriginal(webhookOf(n), { components: [], allowed_mentions: { parse: [] } })
          : finish(webhookOf(n) as unknown as APIInteraction, reply, 'message');
      await sent.catch(() => undefined);
      largest = Math.max(largest, rest.handlers.size);
    }
    expect(standIn.requests.filter((r) => r.path.includes('/webhooks/')).length).toBeGreaterThanOrEqual(400);
    expect(largest).toBeGreaterThan(1);
    expect(largest).toBeLessThanOrEqual(2 * WEBHOOK_SWEEP_EVERY);
    expect(rest.handlers.size).toBeLessThan(400 - WEBHOOK_SWEEP_EVERY);
  });
});
