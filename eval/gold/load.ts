// The gold set as the eval uses it: the documents parsed by the bot's parser, their annotations, the library
// built over all of them, and a way to place any span of the bot's in an annotated block.
import { parseDocument } from '../../src/document/parse.js';
import type { Document, Span } from '../../src/document/types.js';
import { createLibrary, uniqueIds, type Library } from '../../src/library/library.js';
import { readAnnotations, readDoc, readQuestions } from './check.js';
import { blockAt, type Block } from './plain.js';
import type { GoldDocument, GoldQuestion } from './types.js';

export interface GoldEntry {
  gold: GoldDocument;
  document: Document;
  blocks: Block[];
}

export interface GoldSet {
  entries: GoldEntry[];
  library: Library;
  questions: GoldQuestion[];
  /** The gold entry of a parsed document. */
  entryOf(document: Document): GoldEntry;
  /** The block number a span starts in, or null outside every block. */
  blockOf(document: Document, span: Span): number | null;
}

export function loadGold(): GoldSet {
  const entries = readAnnotations().map((gold) => {
    const { text, blocks } = readDoc(gold.file);
    return { gold, blocks, document: parseDocument(text, { file: gold.file }) };
  });
  const library = createLibrary(uniqueIds(entries.map((e) => e.document)));
  const byDocument = new Map(entries.map((e) => [e.document, e]));
  const entryOf = (document: Document) => byDocument.get(document)!;
  return {
    entries,
    library,
    questions: readQuestions(),
    entryOf,
    blockOf: (document, span) => blockAt(entryOf(document).blocks, span[0])?.n ?? null,
  };
}

/** Lower case, straight quotes, one space: how gold text and the bot's text are compared. */
export function fold(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}
