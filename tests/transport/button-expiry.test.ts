// Issue 22, memory: each reply with buttons kept its whole interaction and a copy of its buttons in a timer for
// the five minutes they work, so a busy bot held about 1 KB an interaction. What is pending is counted here after
// many distinct replies, and the edits that follow are counted on a fake clock, never timed.
import { Writable } from 'node:stream';
import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedContext } from '../../src/command.js';
import { createLogger } from '../../src/log.js';
import { PENDING_EXPIRY_BYTES, buttonExpiry } from '../../src/transport/button-expiry.js';
import type { WebhookOf } from '../../src/transport/deferral.js';
import { distinctInteraction } from '../support/distinct-interactions.js';

const log = createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() }), []);

/** A reply with a full row of page buttons whose custom ids take Discord's 100 characters. */
function replyWithButtons(n: number): APIInteractionResponse {
  const button = (i: number) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label: `Page ${i}`,
    custom_id: `search:p:${i}:::=${'q'.repeat(80)}${n}`.slice(0, 100),
  });
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      content: 'found',
      components: [{ type: ComponentType.ActionRow, components: [0, 1, 2, 3, 4].map(button) }],
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('button expiry', () => {
  it(`keeps at most ${PENDING_EXPIRY_BYTES / 2 ** 20} MB pending over 10,000 distinct replies, and edits the newest`, async () => {
    vi.useFakeTimers();
    const edited: WebhookOf[] = [];
    const expiry = buttonExpiry(
      log,
      async (webhook) => void edited.push(webhook),
      sharedContext({ now: () => Date.now(), buttonTimeoutMs: 60_000 }),
    );
    const sent: APIInteraction[] = [];
    let largest = 0;
    for (let n = 0; n < 10_000; n++) {
      const { payload } = distinctInteraction(n * 8); // a /stat each: a new message, not a page turned
      sent.push(payload);
      expiry.schedule(payload, replyWithButtons(n));
      largest = Math.max(largest, expiry.held().bytes);
    }
    expect(largest).toBeGreaterThan(PENDING_EXPIRY_BYTES / 2);
    expect(largest).toBeLessThanOrEqual(PENDING_EXPIRY_BYTES);
    const pending = expiry.held().messages;
    expect(pending).toBeLessThan(sent.length);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(edited.map((w) => w.token)).toEqual(sent.slice(-pending).map((i) => i.token));
    expect(Object.keys(edited[0]!).sort()).toEqual(['application_id', 'id', 'token']);
    expect(expiry.held()).toEqual({ messages: 0, bytes: 0 });
  });
});
