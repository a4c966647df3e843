// The flat form read back with only its JSON checked (flat-file.ts): each table is checked when first read.
import { describe, expect, it } from 'vitest';
import { decodeFlat, encodeFlat, flatHeadBytes, Joined } from '../../src/library/flat-file.js';

const value = { words: new Joined('parks\nborder'), counts: new Int32Array([3, 4]), lists: [new Uint8Array([1])] };
type Value = typeof value;
const checks = (body: Buffer) => ({ checked: flatHeadBytes(body), name: 'the entry' });

describe('a flat structure whose tables carry their own SHA-256', () => {
  it('reads each table back, checked at its first read', () => {
    const body = encodeFlat(value, { hashed: true });
    const read = decodeFlat(body, checks(body)) as Value;
    expect(read.words.text).toBe('parks\nborder');
    expect([...read.counts]).toEqual([3, 4]);
    expect([...read.lists[0]!]).toEqual([1]);
  });

  it('never reads a table with a byte changed: reading it throws, naming the structure; the others are read', () => {
    const body = encodeFlat(value, { hashed: true });
    body[body.indexOf('border')] = 'q'.charCodeAt(0);
    const read = decodeFlat(body, checks(body)) as Value;
    expect(() => read.words).toThrow("the entry: a table's checksum does not match");
    expect([...read.counts]).toEqual([3, 4]);
  });

  it('refuses tables outside the checked bytes that carry no SHA-256, and JSON outside them', () => {
    const body = encodeFlat(value);
    expect(() => decodeFlat(body, checks(body))).toThrow('a table is not checked');
    expect(() => decodeFlat(body, { checked: 4, name: 'the entry' })).toThrow('not checked');
    expect((decodeFlat(body) as Value).words.text).toBe('parks\nborder');
  });
});
