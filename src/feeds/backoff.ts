// The state after a poll: an answer resets the failures and keeps the validators for the next conditional
// request; a failure waits twice as long as the one before, up to a cap, and a day of failures marks the feed
// reported (once), so a dead feed costs one request every few hours and one log line, never a flood.
import type { FeedState, PollResult, ResolvedFeedOptions } from './types.js';

export function initialFeedState(): FeedState {
  return { failures: 0, nextPollAt: 0 };
}

/** Whether a feed is due: the caller polls only these, so a failing feed is left alone for its backoff. */
export function feedDue(state: FeedState, now: number): boolean {
  return state.nextPollAt <= now;
}

export function answered(
  state: FeedState,
  headers: Headers | null,
  options: ResolvedFeedOptions,
): Pick<PollResult, 'state' | 'transition'> {
  const next: FeedState = {
    etag: headers?.get('etag') ?? state.etag,
    lastModified: headers?.get('last-modified') ?? state.lastModified,
    failures: 0,
    nextPollAt: options.now() + options.pollIntervalMs,
  };
  return { state: withoutUndefined(next), transition: state.reportedDown ? 'recovered' : undefined };
}

export function failed(
  state: FeedState,
  error: string,
  options: ResolvedFeedOptions,
  retryAfterMs = 0,
): Pick<PollResult, 'state' | 'transition'> {
  const now = options.now();
  const failures = state.failures + 1;
  const firstFailureAt = state.firstFailureAt ?? now;
  const wait = Math.min(Math.max(backoffMs(failures, options), retryAfterMs), options.backoffMaxMs);
  const down = now - firstFailureAt >= options.reportAfterMs;
  const next: FeedState = {
    ...state,
    failures,
    firstFailureAt,
    nextPollAt: now + wait,
    lastError: error,
    reportedDown: down || state.reportedDown,
  };
  return { state: withoutUndefined(next), transition: down && !state.reportedDown ? 'reported' : undefined };
}

/** base, 2 base, 4 base, ... never past the cap (and no overflow however many failures). */
export function backoffMs(failures: number, options: ResolvedFeedOptions): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 40);
  return Math.min(options.backoffBaseMs * 2 ** doublings, options.backoffMaxMs);
}

/** A state stored as JSON or in columns keeps no `undefined` fields. */
function withoutUndefined(state: FeedState): FeedState {
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined)) as FeedState;
}
