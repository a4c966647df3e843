// A saved list of distinct terms (joined with '\n', flat-file.ts) looked up where it lies: a hash table of term
// numbers in a typed array, hashed and compared over the joined text, so that reading a saved library back makes
// no string and no Map entry a term (the corpus's postings hold about 100,000 terms each).

/** FNV-1a over UTF-16 code units, from `from` up to `to` of `text`. */
function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class TermPlaces {
  /** Where term i starts in the text; term i ends one before starts[i + 1] (its '\n'). */
  private readonly starts: Int32Array;
  /** Open addressing: a term's number plus one, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly text: string) {
    const count = text === '' ? 0 : countOf(text, '\n') + 1;
    this.starts = new Int32Array(count + 1);
    for (let i = 1, at = 0; i <= count; i++)
      this.starts[i] = at = (i === count ? text.length : text.indexOf('\n', at)) + 1;
    let size = 8;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < count; i++) {
      let slot = hashOf(text, this.starts[i]!, this.starts[i + 1]! - 1) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    }
  }

  /** How many terms the list holds. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** The term's place in the list, or -1 when it is not in it. */
  indexOf(term: string): number {
    let slot = hashOf(term, 0, term.length) & this.mask;
    for (let held = this.slots[slot]!; held !== 0; held = this.slots[slot]!) {
      if (this.isAt(term, held - 1)) return held - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  private isAt(term: string, i: number): boolean {
    const from = this.starts[i]!;
    if (this.starts[i + 1]! - 1 - from !== term.length) return false;
    return this.text.startsWith(term, from);
  }
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}
