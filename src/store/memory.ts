// The store of one process: a map whose entries expire, bounded so that many users cannot grow it without end.
import type { Store } from './store.js';

interface Entry {
  value: string;
  expires: number;
}

export class MemoryStore implements Store {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly capacity = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.evict();
  }

  /** Drops what has expired, then the oldest entries if it is still full. */
  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(key);
    }
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
    this.entries.clear();
    return Promise.resolve();
  }
}
