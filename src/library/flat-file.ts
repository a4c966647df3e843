// Built structures in flat form, for the saved library (saved-library.ts): plain JSON for what is small, and each
// typed array and long string as raw bytes after it, so that reading one back makes one object a table (a view
// onto the file's bytes), never one a number or a word. Encoded `hashed`, the JSON gives each table's SHA-256: read
// back with only the JSON checked (the entry's checksum covers it), each table is checked, and decoded, when first
// read, so tables a command never reads are never hashed.
import { createHash } from 'node:crypto';

/** What a flat structure holds: numbers, short strings, typed arrays, long strings (Joined), lists and records. */
export type Flat =
  | number
  | string
  | boolean
  | null
  | Uint8Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float64Array
  | Joined
  | readonly Flat[]
  | { readonly [key: string]: Flat };

/** Many strings written as one: read back with one decode, split (or not) by its reader. */
export class Joined {
  constructor(readonly text: string) {}
}

type ArrayKind = 'u8' | 'u16' | 'i32' | 'u32' | 'f64' | 'str';

const CONSTRUCTORS = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f64: Float64Array,
} as const;

/** A blob's place in the bytes after the JSON: what the JSON holds in the array's stead. */
interface BlobRef {
  $blob: number;
  kind: ArrayKind;
  bytes: number;
  /** The table's SHA-256, where encoded `hashed`. */
  sha256?: string;
}

function kindOf(value: object): ArrayKind | null {
  if (value instanceof Joined) return 'str';
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Uint16Array) return 'u16';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Float64Array) return 'f64';
  return null;
}

/** Every blob starts at a multiple of 8, so that each typed array can be a view where it lies. */
const align = (n: number) => (n + 7) & ~7;

/** The structure as bytes: a 4-byte length, the JSON, then the blobs, each 8-aligned (`hashed`: with its SHA-256). */
export function encodeFlat(value: Flat, { hashed = false } = {}): Buffer {
  const blobs: Buffer[] = [];
  let at = 0;
  const json = JSON.stringify(value, (_key, held: unknown) => {
    if (typeof held !== 'object' || held === null) return held;
    const kind = kindOf(held);
    if (!kind) return held;
    const bytes =
      held instanceof Joined
        ? Buffer.from(held.text, 'utf8')
        : Buffer.from((held as Uint8Array).buffer, (held as Uint8Array).byteOffset, (held as Uint8Array).byteLength);
    const ref: BlobRef = { $blob: at, kind, bytes: bytes.length, ...(hashed ? { sha256: sha256(bytes) } : {}) };
    blobs.push(bytes, Buffer.alloc(align(bytes.length) - bytes.length));
    at += align(bytes.length);
    return ref;
  });
  const head = Buffer.from(json, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  const start = align(4 + head.length);
  return Buffer.concat([length, head, Buffer.alloc(start - 4 - head.length), ...blobs]);
}

/** How many of an encoded structure's first bytes hold its JSON: what must be checked before it is read back. */
export const flatHeadBytes = (body: Uint8Array) =>
  align(4 + Buffer.from(body.buffer, body.byteOffset, body.length).readUInt32LE(0));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Where a structure's bytes were checked: its first `checked` bytes; `name` names it in what a failed check says. */
interface Checked {
  checked: number;
  name: string;
  /**
   * Where only those bytes are given: the structure's length, and what reads `length` bytes from `from` (a
   * table's, when first read) from where it lies, such as an open file.
   */
  rest?: { bytes: number; readAt: (from: number, length: number) => Uint8Array };
}

/** A table not checked yet: its parent's property reads it (checked, then decoded) when first read. */
class Unchecked {
  constructor(readonly read: () => unknown) {}
}

/**
 * Reads what encodeFlat wrote; throws on bytes that are not such a structure. With `checks`, only the first
 * `checked` bytes were checked: the JSON must lie among them, and each table after them carry its SHA-256; such a
 * table is checked when first read, and a changed one throws there (naming the structure), never read as it is.
 */
export function decodeFlat(body: Uint8Array, checks?: Checked): Flat {
  // Every array is a view onto the bytes: where the body does not start at a multiple of 8, after one copy.
  const bytes = body.byteOffset % 8 === 0 ? body : new Uint8Array(body);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const headLength = buffer.readUInt32LE(0);
  const start = align(4 + headLength);
  const checked = checks?.checked ?? buffer.length;
  const total = checks?.rest?.bytes ?? buffer.length;
  if (start > checked) throw new Error('its index of tables is not checked');
  const read = checks?.rest?.readAt ?? ((from: number, length: number) => bytes.subarray(from, from + length));
  const decoded = JSON.parse(buffer.toString('utf8', 4, 4 + headLength), (_key, held: unknown) => {
    if (typeof held !== 'object' || held === null) return held;
    if (!('$blob' in held)) return (readOnFirstUse(held as Record<string, unknown>), held);
    const ref = held as BlobRef;
    const from = start + ref.$blob;
    if (from + ref.bytes > total) throw new Error('a table runs past the end');
    if (from + ref.bytes <= checked) return tableOf(bytes.subarray(from, from + ref.bytes), ref.kind);
    if (typeof ref.sha256 !== 'string') throw new Error('a table is not checked');
    return new Unchecked(() => {
      const table = read(from, ref.bytes);
      if (table.length !== ref.bytes || sha256(table) !== ref.sha256)
        throw new Error(`${checks!.name}: a table's checksum does not match: it is damaged or changed`);
      return tableOf(table, ref.kind);
    });
  }) as unknown;
  return (decoded instanceof Unchecked ? decoded.read() : decoded) as Flat;
}

/** A table's bytes as what it is: a view onto them (they start at a multiple of 8), or one decoded string. */
function tableOf(
  bytes: Uint8Array,
  kind: ArrayKind,
): Joined | (typeof CONSTRUCTORS)[keyof typeof CONSTRUCTORS]['prototype'] {
  if (kind === 'str') return new Joined(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  const type = CONSTRUCTORS[kind];
  return new type(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length / type.BYTES_PER_ELEMENT);
}

/** Each unchecked table the object holds becomes a property that checks and decodes it when first read. */
function readOnFirstUse(holder: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(holder)) {
    if (!(value instanceof Unchecked)) continue;
    Object.defineProperty(holder, key, {
      configurable: true,
      enumerable: true,
      get: () => {
        const read = value.read();
        Object.defineProperty(holder, key, { value: read, configurable: true, enumerable: true, writable: true });
        return read;
      },
    });
  }
}
