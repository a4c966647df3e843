import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, DocumentError, MAX_DOCUMENT_BYTES, readDocument } from '../../src/library/read.js';
import { SEED_PATH } from '../support/documents.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeDocument', () => {
  it('refuses an empty file', () => {
    expect(() => decodeDocument('empty.txt', new Uint8Array())).toThrow('empty.txt: the file is empty');
  });

  it('refuses binary content, naming the line', () => {
    expect(() => decodeDocument('bin.txt', Uint8Array.from([65, 10, 66, 10, 0]))).toThrow(
      'bin.txt:3: the file is binary',
    );
  });

  it('refuses invalid UTF-8, naming the line of the first bad byte', () => {
    const data = Uint8Array.from([...bytes('ok line\nsecond\nthird '), 0xc3, 0x28]);
    const error = (() => {
      try {
        decodeDocument('latin1.txt', data);
      } catch (e) {
        return e;
      }
    })() as DocumentError;
    expect(error).toBeInstanceOf(DocumentError);
    expect(error.line).toBe(3);
    expect(error.message).toBe('latin1.txt:3: the file is not valid UTF-8 text (save it as UTF-8)');
  });

  it('refuses a file over the size limit', () => {
    expect(() => decodeDocument('big.txt', new Uint8Array(MAX_DOCUMENT_BYTES + 1))).toThrow(
      /big\.txt: the file is 5\.0 MB; documents may be at most 5 MB/,
    );
  });

  it('refuses a file with no text at all', () => {
    expect(() => decodeDocument('blank.txt', bytes('  \n\t\n***\n'))).toThrow('blank.txt: the file holds no text');
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeDocument('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('Hi')]))).toBe('Hi');
  });
});

describe('readDocument', () => {
  it('reads and parses the seed', async () => {
    const document = await readDocument(SEED_PATH);
    expect(document.file).toBe('border-security-and-immigration.txt');
    expect(document.sections).toHaveLength(3);
  });

  it('refuses an oversized file before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-'));
    const file = join(dir, 'huge.txt');
    writeFileSync(file, Buffer.alloc(MAX_DOCUMENT_BYTES + 10, 0x61));
    await expect(readDocument(file)).rejects.toThrow('huge.txt: the file is 5.0 MB');
  });
});
