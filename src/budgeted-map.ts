// A map held to a budget of bytes, for the caches and tables that what users send can grow: a count of entries
// alone lets a few large entries (a 6,000-character reply, a 100-character token) take many times what was meant.
// Sizes are estimates: a string's UTF-16 length twice over, plus a fixed cost an entry for the map's own slots and
// the objects around the value. When a new entry passes the budget, the oldest go first, a tenth at a time.

/**
 * What a map entry costs besides its strings: the table's slots, an entry object, a number or two (measured: a
 * memory-store entry of two short strings takes about 260 bytes in all).
 */
export const ENTRY_BYTES = 128;

/** Estimated bytes of a string in the heap (V8 may store it in one byte a character; this is the upper bound). */
export const stringBytes = (text: string): number => 2 * text.length;

/** What a full map is brought down to, as a share of its budget. */
const EVICT_TO = 0.9;

/** Estimated bytes of a plain JSON-like value (a reply, a row of buttons), from its JSON text. */
export const jsonBytes = (value: unknown): number => stringBytes(JSON.stringify(value) ?? '');

export interface Budget<K, V> {
  /** The most the entries may take together, as `sizeOf` estimates them. */
  maxBytes: number;
  /** The estimated bytes of one entry, ENTRY_BYTES included. */
  sizeOf: (key: K, value: V) => number;
  /** The most entries, whatever their size; no limit when absent. */
  maxEntries?: number;
  /** Told of each entry dropped to keep the budget (a timer to stop, say). */
  onEvict?: (key: K, value: V) => void;
}

export class BudgetedMap<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private total = 0;
  readonly maxBytes: number;
  readonly maxEntries: number;

  constructor(private readonly budget: Budget<K, V>) {
    this.maxBytes = budget.maxBytes;
    this.maxEntries = budget.maxEntries ?? Infinity;
  }

  /** The estimated bytes held now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Keeps `value` as the newest entry, dropping the oldest past the budget; one larger than it all is not kept. */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.budget.sizeOf(key, value);
    if (bytes > this.maxBytes) return this.budget.onEvict?.(key, value);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    if (this.total > this.maxBytes || this.entries.size > this.maxEntries) this.dropOldest();
  }

  /**
   * Drops the oldest entries down to EVICT_TO of the budget, so the next drop is many entries away: a map walks
   * past the slots of deleted entries from its start, and dropping one entry a time would cost that walk each time.
   */
  private dropOldest(): void {
    const bytes = this.maxBytes * EVICT_TO;
    const entries = Math.floor(this.maxEntries * EVICT_TO);
    for (const [oldest, entry] of this.entries) {
      if (this.total <= bytes && this.entries.size <= entries) break;
      this.delete(oldest);
      this.budget.onEvict?.(oldest, entry.value);
    }
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.bytes;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const [key, { value }] of this.entries) yield [key, value];
  }
}
