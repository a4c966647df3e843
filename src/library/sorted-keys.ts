// A lookup by key saved with the library (saved-library.ts): the keys sorted and written end to end, where each
// starts, and each key's number, found by a binary search where they lie, so that reading it back makes no string
// and no Map entry a key (the corpus's documents, sections and figures have about 80,000 keys).
import { Joined, type Flat } from './flat-file.js';
import { firstNotBelow } from './sorted.js';

export interface FlatSortedKeys {
  [key: string]: Flat;
  /** The keys end to end, in the order `<` sorts them. */
  keys: Joined;
  /** Where key i starts in `keys`; it ends where key i + 1 starts. */
  starts: Int32Array;
  /** Key i's number. */
  values: Int32Array;
}

/** A map's keys and numbers in flat form. */
export function flatSortedKeys(map: ReadonlyMap<string, number>): FlatSortedKeys {
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const starts = new Int32Array(keys.length + 1);
  keys.forEach((key, i) => (starts[i + 1] = starts[i]! + key.length));
  return { keys: new Joined(keys.join('')), starts, values: Int32Array.from(keys, (key) => map.get(key)!) };
}

export class SortedKeys {
  /** The keys end to end, once checked: read at the first lookup, so that a start that looks nothing up reads none. */
  private text: string | null = null;

  constructor(
    private readonly flat: FlatSortedKeys,
    private readonly limit: number,
  ) {}

  /** The keys, after checking the flat form is whole and every number is below `limit` (throws unless so). */
  private read(): string {
    if (this.text !== null) return this.text;
    const { keys, starts, values } = this.flat;
    const whole =
      keys instanceof Joined &&
      starts instanceof Int32Array &&
      values instanceof Int32Array &&
      starts.length === values.length + 1 &&
      starts[values.length] === keys.text.length &&
      values.every((value) => value >= 0 && value < this.limit);
    if (!whole) throw new Error('its lookups by key are not of these documents');
    return (this.text = keys.text);
  }

  /** The key's number, or -1 when it is not one of the keys. */
  get(key: string): number {
    const text = this.read();
    const { starts, values } = this.flat;
    const keyAt = (place: number) => text.slice(starts[place], starts[place + 1]);
    const at = firstNotBelow(0, values.length, (place) => keyAt(place) < key);
    return at < values.length && keyAt(at) === key ? values[at]! : -1;
  }
}
