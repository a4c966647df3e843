// The gateway transport's first response goes to Discord through REST (POST .../callback), and a 429 there holds
// it for the Retry-After: with three limits of 1 s, @discordjs/rest's own retries sent the reply after 3.2 s, when
// Discord had given up on the interaction ("The application did not respond"). So 429s on the callback are taken
// here instead (the REST client rejects them, see CALLBACK_ROUTE): the reply is retried while its retry still
// lands early in the window; past that a deferral (type 5, or 6 for a button) goes instead, and the reply follows
// through the interaction's webhook, which has 15 minutes and whose 429s @discordjs/rest waits out as usual.
//
// What is possible: a deferral is a callback too, on the same route, and can meet a 429 as well. Waiting out every
// Retry-After, three limits of 1 s leave no request that arrives before the 3 s pass, whatever is sent. So the
// deferral goes at once, not after the reply's Retry-After: one request more, on a route that is this
// interaction's alone (each interaction's callback is its own bucket) and outside the global limit. The
// deferral's own 429s are waited out while its retry can still arrive within the window; past that nothing can
// reach the user, and the interaction is reported lost rather than sent a request Discord would refuse.
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimitError, type REST } from '@discordjs/rest';
import { Routes, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { withoutFiles } from '../command.js';
import { DEFER_AT_MS, WINDOW_MS } from './backlog.js';
import { createdAt, deferralOf, deferralResponse, isDeferral, isPrivate, type Finish } from './deferral.js';
import type { Send } from './handler.js';

/** The REST bucket of every interaction callback: the client hands its 429s to this module (rejectOnRateLimit). */
export const CALLBACK_ROUTE = '/interactions/:id/:token/callback';

/** A callback sent later than this after the interaction's creation would reach Discord after its 3 s. */
export const LAST_TRY_MS = WINDOW_MS - 200;

export interface FirstResponseOptions {
  /** A client whose callback 429s reject (rejectOnRateLimit on CALLBACK_ROUTE) rather than wait. */
  rest: REST;
  log: Logger;
  /** Delivers the reply through the webhook once a deferral was taken. */
  finish: Finish;
  /** Milliseconds since 1970, the clock interaction ids are dated by. */
  now?: () => number;
}

/** Posts first responses, deferring one whose 429s would hold it past Discord's window (see above). */
export function firstResponses(options: FirstResponseOptions): Send {
  const now = options.now ?? Date.now;
  const post = poster(options.rest, now);
  return async (interaction, response) => {
    const created = createdAt(interaction.id, now());
    const deferral = isDeferral(response) ? null : deferralOf(interaction);
    const held = await post(interaction, response, created + (deferral ? DEFER_AT_MS : LAST_TRY_MS));
    if (!held) return;
    if (!deferral) throw lostTo(held);
    options.log.info({ interaction: interaction.id, retryAfter: held.retryAfter }, 'rate limited; deferring the reply');
    // The reply exists: the deferral is private exactly when it is (the asker's option, or the server's setting).
    const deferring = deferralResponse(deferral, isPrivate(response));
    const refused = await post(interaction, deferring, created + LAST_TRY_MS);
    if (refused) throw lostTo(refused);
    await options.finish(interaction, response, deferral);
  };
}

/**
 * Posts one callback, waiting out each 429 whose retry is due by `latest` (ms since 1970); resolves with the 429
 * that would hold it longer, or null once Discord took it.
 */
function poster(rest: REST, now: () => number) {
  return async (
    interaction: APIInteraction,
    body: APIInteractionResponse,
    latest: number,
  ): Promise<RateLimitError | null> => {
    for (;;) {
      try {
        const { body: json, files } = withoutFiles(body); // files go as files[n] beside payload_json
        await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: json,
          files,
          auth: false,
        });
        return null;
      } catch (error) {
        if (!(error instanceof RateLimitError)) throw error;
        if (now() + error.retryAfter > latest) return error;
        await sleep(error.retryAfter);
      }
    }
  };
}

function lostTo(limit: RateLimitError): Error {
  return new Error(
    `rate limited (429, retry after ${limit.retryAfter} ms) past Discord's 3 s: the interaction is lost`,
  );
}
