// What the handler does around a command with the shared store: counts a user's commands against the rate
// limit, reads the shared values a command names before it runs and writes what it set after. A store that
// fails (Redis away or full) costs the interaction only the shared state: a quote may repeat, nobody is limited
// (the rate limit fails open), but nobody waits for an answer that never comes. Each failure is a debug line
// here; the warning that the store is in trouble, and the one that it recovered, come from its health
// (../store/health.ts), once each, however many interactions meet it.
import type { Logger } from 'pino';
import type { SharedValues } from '../command.js';
import type { Store } from '../store/store.js';

const MINUTE_MS = 60_000;

export interface LoadedValues {
  values: SharedValues;
  /** Writes what the command set; failures are logged, never thrown. */
  save(): Promise<void>;
}

/** The shared values under `keys`, read from the store at once, for a command to read and write synchronously. */
export async function loadSharedValues(store: Store, keys: string[], log: Logger): Promise<LoadedValues> {
  const loaded = new Map<string, string>();
  const written = new Map<string, { value: string; ttlMs: number }>();
  if (keys.length) {
    try {
      const values = await Promise.all(keys.map((key) => store.get(key)));
      keys.forEach((key, i) => values[i] !== null && loaded.set(key, values[i]!));
    } catch (error) {
      log.debug({ err: error }, 'shared store unavailable; answering without the shared values');
    }
  }
  return {
    values: {
      get: (key) => written.get(key)?.value ?? loaded.get(key),
      set: (key, value, ttlMs) => void written.set(key, { value, ttlMs }),
    },
    save: async () => {
      try {
        await Promise.all([...written].map(([key, { value, ttlMs }]) => store.set(key, value, ttlMs)));
      } catch (error) {
        log.debug({ err: error }, 'shared store unavailable; a shared value was not saved');
      }
    },
  };
}

/**
 * Whether `userId` has run more than `limit` commands in this minute (a fixed window per user, counted in the
 * store so that every replica counts together). False when the store fails.
 */
export async function overRateLimit(
  store: Store,
  userId: string,
  limit: number,
  now: number,
  log: Logger,
): Promise<boolean> {
  try {
    const count = await store.incr(`rate:${userId}:${Math.floor(now / MINUTE_MS)}`, MINUTE_MS);
    return count > limit;
  } catch (error) {
    log.debug({ err: error }, 'shared store unavailable; not counting toward the rate limit');
    return false;
  }
}
