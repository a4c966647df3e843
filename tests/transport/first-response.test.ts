// The gateway's first response held by a 429 (src/transport/first-response.ts): the deferral sent instead is
// private exactly when the reply is, whatever made it private (the asker's option, or the server's /settings,
// which only the reply knows of). A stand-in REST client refuses the reply's callback with a long Retry-After.
import { RateLimitError, type REST } from '@discordjs/rest';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { firstResponses } from '../../src/transport/first-response.js';

const NOW = Date.UTC(2026, 0, 1);

/** A REST client whose first callback is held for 10 s (past Discord's window); later ones are taken. */
function heldOnce(posted: unknown[]): REST {
  let calls = 0;
  const post = (route: string, options: { body: unknown }) => {
    if (calls++ === 0) {
      const limit = {
        timeToReset: 10_000,
        limit: 1,
        method: 'POST',
        hash: 'h',
        url: route,
        route,
        majorParameter: 'm',
      };
      return Promise.reject(
        new RateLimitError({ ...limit, global: false, retryAfter: 10_000, sublimitTimeout: 0, scope: 'user' }),
      );
    }
    posted.push(options.body);
    return Promise.resolve(null);
  };
  return { post } as unknown as REST;
}

/** A command in a server, with no `private` option given. */
const interaction = {
  id: '1',
  application_id: '2',
  token: 'token',
  type: InteractionType.ApplicationCommand,
  guild_id: '910000000000000000',
  data: { id: '3', name: 'stat', type: 1, options: [] },
} as unknown as APIInteraction;

const replyWith = (flags?: number): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data: { content: 'quoted', ...(flags === undefined ? {} : { flags }) },
});

describe('a reply held by a 429 past the window', () => {
  it.each([
    ['private (the server replies privately by default)', MessageFlags.Ephemeral],
    ['public', undefined],
  ])('is deferred as the reply is: %s', async (_name, flags) => {
    const posted: unknown[] = [];
    const finished: APIInteractionResponse[] = [];
    const send = firstResponses({
      rest: heldOnce(posted),
      log: createLogger('silent'),
      finish: (_interaction, response) => (finished.push(response), Promise.resolve()),
      now: () => NOW,
    });
    await send(interaction, replyWith(flags));
    expect(posted).toEqual([
      { type: InteractionResponseType.DeferredChannelMessageWithSource, ...(flags ? { data: { flags } } : {}) },
    ]);
    expect(finished).toEqual([replyWith(flags)]);
  });
});
