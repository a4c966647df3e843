// Three documents served together: the seed and two real fact sheets from the corpus (public domain).
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/document/parse.js';
import { createLibrary, type Library } from '../../src/library/library.js';
import { ROOT } from './documents.js';

export const CORPUS_FIXTURES = ['border-security-and-immigration.txt', 'mortgage-credit.md', 'ratepayer-protection.md'];

export function multiDocumentLibrary(): Library {
  return createLibrary(
    CORPUS_FIXTURES.map((file) =>
      parseDocument(readFileSync(`${ROOT}tests/fixtures/corpus/${file}`, 'utf8'), { file }),
    ),
  );
}
