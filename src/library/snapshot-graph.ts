// A built library as bytes and back: V8's own serializer, which keeps shared references shared (a section held by
// its document and by every reference to it stays one object) and writes Maps, Sets and arrays as they are. It
// writes an instance of a class as a plain object, so the objects that are instances are listed beside the value
// with the name of their class, and given their class again when read. The classes are found in a specimen, a
// library built from a few lines, so this file names none of them; a name the specimen lacks fails the read.
// Memos (a WeakMap, a BudgetedMap of typo corrections) hold what queries asked, not what was built: they are
// left out and made afresh, empty, from the specimen's.
import { deserialize, serialize } from 'node:v8';

/** Classes whose instances are memos: never saved, made empty again on reading. */
const MEMO_CLASSES = new Set(['WeakMap', 'BudgetedMap']);

/** What a read needs of the specimen: its classes by name, and one memo of each class that holds memos. */
export interface Specimen {
  /** `null` stands for objects with no prototype (lookup tables). */
  prototypes: Map<string, object | null>;
  /** "Class.property" -> a memo held there, to make an empty one like it. */
  memos: Map<string, object>;
}

interface Encoded {
  value: unknown;
  /** Every object whose prototype is not a plain object's, an array's, a Map's or a Set's... */
  instances: object[];
  /** ...and the name of its class, in the same order. */
  classes: string[];
  /** Memos left out: the instance (by its place in `instances`) and the property that held one. */
  memos: Array<[instance: number, key: string]>;
}

const PLAIN = new Set<object | null>([Object.prototype, Array.prototype, Map.prototype, Set.prototype]);

export class SnapshotShapeError extends Error {}

/** The class name an object is saved under; null for what V8 writes as it is. */
function classOf(object: object): string | null {
  const prototype = Object.getPrototypeOf(object) as object | null;
  if (PLAIN.has(prototype) || ArrayBuffer.isView(object)) return null;
  if (prototype === null) return 'null';
  const name = (prototype.constructor as { name?: string } | undefined)?.name;
  if (!name) throw new SnapshotShapeError('an object of a class with no name cannot be saved');
  return name;
}

const isMemo = (item: unknown): item is object =>
  typeof item === 'object' && item !== null && MEMO_CLASSES.has(classOf(item) ?? '');

/** Calls `visit` once for every object reachable from `value` (memos aside), through properties, items and entries. */
function walk(value: unknown, visit: (object: object) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  const push = (item: unknown) => {
    if (typeof item === 'object' && item !== null && !seen.has(item) && !isMemo(item)) stack.push(item);
  };
  while (stack.length > 0) {
    const object = stack.pop() as object;
    if (seen.has(object)) continue;
    seen.add(object);
    visit(object);
    if (ArrayBuffer.isView(object)) continue;
    if (object instanceof Map) for (const entry of object) stack.push(entry);
    else if (object instanceof Set) for (const item of object) push(item);
    else if (Array.isArray(object)) for (const item of object) push(item);
    else for (const key in object) push((object as Record<string, unknown>)[key]);
  }
}

/** The memo properties of an instance: [key, memo]. */
const memosOf = (object: object) =>
  Object.entries(object).filter((entry): entry is [string, object] => isMemo(entry[1]));

/** The classes and memos reachable from a value (a specimen library's pieces); one name for two classes fails. */
export function specimenOf(value: unknown): Specimen {
  const specimen: Specimen = { prototypes: new Map([['null', null]]), memos: new Map() };
  walk(value, (object) => {
    const name = classOf(object);
    if (name === null || name === 'null') return;
    const prototype = Object.getPrototypeOf(object) as object;
    if ((specimen.prototypes.get(name) ?? prototype) !== prototype)
      throw new SnapshotShapeError(`two classes are named ${name}`);
    specimen.prototypes.set(name, prototype);
    for (const [key, memo] of memosOf(object)) specimen.memos.set(`${name}.${key}`, memo);
  });
  return specimen;
}

/**
 * The value as bytes, its instances listed with their classes. Memos are set aside for the moment of writing
 * (synchronous: no query runs meanwhile). Throws on what cannot be saved (a function).
 */
export function encodeGraph(value: unknown): Buffer {
  const encoded: Encoded = { value, instances: [], classes: [], memos: [] };
  const setAside: Array<[Record<string, unknown>, string, object]> = [];
  walk(value, (object) => {
    const name = classOf(object);
    if (name === null) return;
    for (const [key, memo] of memosOf(object)) {
      encoded.memos.push([encoded.instances.length, key]);
      setAside.push([object as Record<string, unknown>, key, memo]);
    }
    encoded.instances.push(object);
    encoded.classes.push(name);
  });
  for (const [object, key] of setAside) object[key] = null;
  try {
    return serialize(encoded);
  } finally {
    for (const [object, key, memo] of setAside) object[key] = memo;
  }
}

/** The value saved by encodeGraph, each instance given its class again and its memos made afresh. */
export function decodeGraph(bytes: Uint8Array, specimen: Specimen): unknown {
  const { value, instances, classes, memos } = deserialize(bytes) as Encoded;
  for (const [i, object] of instances.entries()) {
    const prototype = specimen.prototypes.get(classes[i]!);
    if (prototype === undefined) throw new SnapshotShapeError(`this version builds no ${classes[i]}`);
    Object.setPrototypeOf(object, prototype);
  }
  for (const [i, key] of memos) (instances[i] as Record<string, unknown>)[key] = emptyLike(specimen, classes[i]!, key);
  return value;
}

function emptyLike(specimen: Specimen, owner: string, key: string): object {
  const memo = specimen.memos.get(`${owner}.${key}`);
  if (!memo) throw new SnapshotShapeError(`this version keeps no memo in ${owner}.${key}`);
  const copy = (memo as { emptyCopy?: () => object }).emptyCopy;
  return copy ? copy.call(memo) : new (memo.constructor as new () => object)();
}
