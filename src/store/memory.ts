// The store of one process: a map whose entries expire, bounded in entries and in bytes so that many users cannot
// grow it without end. Expired entries are swept, not only skipped: a rate-limit count a user made once would
// otherwise stay until the map filled, and 100,000 users a day each leave one.
import { BudgetedMap, ENTRY_BYTES, stringBytes } from '../budgeted-map.js';
import type { Store } from './store.js';

interface Entry {
  value: string;
  expires: number;
}

export const STORE_CAPACITY = 100_000;
/** About what 100,000 rate-limit counts take. */
export const STORE_BYTES = 16 * 2 ** 20;
/** Writes between two sweeps of what has expired: under load the sweep costs a few steps a write. */
export const SWEEP_EVERY_WRITES = 10_000;
/** How often a store sweeps by the clock, so that memory comes back soon after the users have gone. */
const IDLE_SWEEP_MS = 15_000;

export class MemoryStore implements Store {
  private readonly entries: BudgetedMap<string, Entry>;
  private writes = 0;
  private idleSweep: NodeJS.Timeout | null = null;

  constructor(
    capacity = STORE_CAPACITY,
    private readonly now: () => number = Date.now,
    maxBytes = STORE_BYTES,
  ) {
    this.entries = new BudgetedMap({
      maxBytes,
      maxEntries: capacity,
      sizeOf: (key, entry) => ENTRY_BYTES + stringBytes(key) + stringBytes(entry.value),
    });
  }

  /** How many entries are held now, and their estimated bytes: only for observing the bounds (tests). */
  get held(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.bytes };
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    // Expired entries go before live ones do: swept when full, and every so many writes.
    const full = this.entries.size >= this.entries.maxEntries || this.entries.bytes >= this.entries.maxBytes;
    if (++this.writes % SWEEP_EVERY_WRITES === 0 || full) this.sweep();
    this.entries.set(key, entry);
    this.sweepWhenIdle();
  }

  /** Drops every entry that has expired. */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }

  /** A timer that sweeps while anything is held, and stops once nothing is; it never keeps the process alive. */
  private sweepWhenIdle(): void {
    if (this.idleSweep) return;
    this.idleSweep = setInterval(() => {
      this.sweep();
      if (this.entries.size === 0) this.stopSweeping();
    }, IDLE_SWEEP_MS);
    this.idleSweep.unref();
  }

  private stopSweeping(): void {
    if (this.idleSweep) clearInterval(this.idleSweep);
    this.idleSweep = null;
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.live(key)?.value ?? null);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.put(key, { value, expires: this.now() + ttlMs });
    return Promise.resolve();
  }

  incr(key: string, ttlMs: number): Promise<number> {
    const entry = this.live(key);
    const count = Number(entry?.value ?? 0) + 1;
    this.put(key, { value: String(count), expires: entry?.expires ?? this.now() + ttlMs });
    return Promise.resolve(count);
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return Promise.resolve(false);
    this.put(key, { value: '1', expires: this.now() + ttlMs });
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    this.stopSweeping();
    this.entries.clear();
    return Promise.resolve();
  }
}
