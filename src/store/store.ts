// The state every copy of the bot shares: the last quote per channel and per-user command counts. One small
// interface, in memory by default (./memory.ts) and in Redis when REDIS_URL is set (./redis.ts), so a fleet of
// HTTP replicas behaves as one bot. Every key expires: nothing here is kept for good.
import type { StoreHealth } from './health.js';

export interface Store {
  /** The value, or null when absent or expired. */
  get(key: string): Promise<string | null>;
  /** Sets the value; it expires after `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Adds one to a counter and resolves to the new count; a new counter expires after `ttlMs` (not renewed). */
  incr(key: string, ttlMs: number): Promise<number>;
  /** Sets the key only when absent (SET NX); true when this call set it, false when it was there already. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
  /** Whether the store is unreachable or full, for the log, /metrics and /readyz; absent: it never is (memory). */
  readonly health?: StoreHealth;
}
