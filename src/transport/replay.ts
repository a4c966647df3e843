// A signed request holds for as long as its timestamp is fresh (MAX_SIGNATURE_AGE_S), so a copy of one, taken
// off the wire or out of a proxy's log, could be sent again within those minutes and be answered again: a second
// reply posted, a second /quote, another count against the rate limit. So each interaction id (the signed body's
// `id`) is claimed once for that window: in the shared store, Redis with REDIS_URL (SET NX with an expiry, so a
// copy sent to another replica is refused there too), or this process's memory. A store that fails is logged and
// the claim falls back to this process's memory: a copy sent to the same replica is still refused.
import type { Logger } from 'pino';
import { MemoryStore } from '../store/memory.js';
import type { Store } from '../store/store.js';
import { MAX_CLOCK_SKEW_S, MAX_SIGNATURE_AGE_S } from './signature.js';

/** A request signed at T is taken from T - skew to T + age: an id is remembered that long. */
export const REPLAY_WINDOW_MS = (MAX_SIGNATURE_AGE_S + MAX_CLOCK_SKEW_S) * 1000;

/** Resolves true the first time an interaction id is seen within the window, false for every copy after it. */
export function replayGuard(store: Store | undefined, log: Logger): (id: string) => Promise<boolean> {
  const local = new MemoryStore();
  const shared = store ?? local;
  return async (id) => {
    const key = `interaction:${id}`;
    try {
      return await shared.claim(key, REPLAY_WINDOW_MS);
    } catch (error) {
      log.warn({ err: error }, 'shared store unavailable; replays are refused by this replica alone');
      return local.claim(key, REPLAY_WINDOW_MS);
    }
  };
}
