// Reads one document file, refusing what cannot be a fact sheet with an error that names the file and line.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDocument } from '../document/parse.js';
import type { Document } from '../document/types.js';

/** Larger files are refused: a fact sheet is a few pages, and a huge file would stall every reply. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** File extensions served as documents. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown'];

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'DocumentError';
  }
}

/** Decodes and checks the bytes of a document; throws DocumentError naming the file (and line) on bad input. */
export function decodeDocument(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DocumentError(file, null, 'the file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(file, bytes.length);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new DocumentError(file, lineAt(bytes, nul), 'the file is binary (it contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(
      file,
      lineAt(bytes, firstInvalidUtf8(bytes)),
      'the file is not valid UTF-8 text (save it as UTF-8)',
    );
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new DocumentError(file, null, 'the file holds no text');
  return text;
}

/**
 * Reads and parses one document. `file` is how errors and replies name it (default: the file name).
 * Throws DocumentError (or the file system's error for a missing file).
 */
export async function readDocument(path: string, file = basename(path)): Promise<Document> {
  return documentFromBytes(file, await readDocumentBytes(path, file));
}

/** The bytes of a document file, refused (DocumentError) when it is not a regular file or is too large. */
export async function readDocumentBytes(path: string, file: string): Promise<Buffer> {
  const info = await stat(path);
  if (!info.isFile()) throw new DocumentError(file, null, 'not a regular file');
  if (info.size > MAX_DOCUMENT_BYTES) throw tooLarge(file, info.size);
  return readFile(path);
}

/** Parses the bytes read from a document file; throws DocumentError naming the file on bad input. */
export function documentFromBytes(file: string, bytes: Uint8Array): Document {
  const document = parseDocument(decodeDocument(file, bytes), { file });
  if (document.sections.length === 0) throw new DocumentError(file, 1, 'no statements found');
  return document;
}

function tooLarge(file: string, size: number): DocumentError {
  return new DocumentError(
    file,
    null,
    `the file is ${(size / 1048576).toFixed(1)} MB; documents may be at most ${MAX_DOCUMENT_BYTES / 1048576} MB`,
  );
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}
