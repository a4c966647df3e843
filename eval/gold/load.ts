// The gold sets as the eval uses them: the documents parsed by the bot's parser, their annotations, the library
// built over them, and a way to place any span of the bot's in an annotated block. Three splits (splits.json):
// the frozen test split of unseen documents (the headline), the gold set's test half, and its tune half, where
// every threshold and weight is chosen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/document/parse.js';
import type { Document, Span } from '../../src/document/types.js';
import { createLibrary, uniqueIds, type Library } from '../../src/library/library.js';
import { GOLD, readAnnotations, readClaims, readDoc, readQuestions } from './check.js';
import { blockAt, type Block } from './plain.js';
import type { GoldClaim, GoldDocument, GoldQuestion } from './types.js';

export interface GoldEntry {
  gold: GoldDocument;
  document: Document;
  blocks: Block[];
}

export interface GoldSet {
  /** Which split: "test" (unseen documents, frozen), "gold-test", "tune", or the whole "gold" set. */
  split: SplitName | 'gold';
  entries: GoldEntry[];
  library: Library;
  questions: GoldQuestion[];
  claims: GoldClaim[];
  /** The gold entry of a parsed document. */
  entryOf(document: Document): GoldEntry;
  /** The block number a span starts in, or null outside every block. */
  blockOf(document: Document, span: Span): number | null;
}

export type SplitName = 'test' | 'gold-test' | 'tune';
export const SPLITS: readonly SplitName[] = ['test', 'gold-test', 'tune'];
const TEST_SPLIT = 'tests/fixtures/gold-test';

/** The gold documents in its test half (tests/fixtures/gold/split.json, drawn once with a seed). */
function goldTestFiles(): Set<string> {
  return new Set((JSON.parse(readFileSync(join(GOLD, 'split.json'), 'utf8')) as { test: string[] }).test);
}

/** FNV-1a parity: questions and claims tied to no document fall in one half or the other, the same every run. */
function oddHash(text: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return (hash & 1) === 1;
}

/** Which half of the gold set a question or claim belongs to, by the documents it names. */
function halfOf(files: string[], text: string, test: Set<string>): 'gold-test' | 'tune' {
  if (files.length === 0) return oddHash(text) ? 'gold-test' : 'tune';
  // A question answered in both halves stays in tune: its wording must never reach the test half.
  return files.every((file) => test.has(file)) ? 'gold-test' : 'tune';
}

function fileOfClaim(claim: GoldClaim, files: string[]): string[] {
  if (claim.from === null) return [];
  return files.filter((file) => file.startsWith(claim.from!));
}

function buildSet(split: SplitName | 'gold', dir: string, keep: (file: string) => boolean): GoldSet {
  const all = readAnnotations(dir);
  const entries = all
    .filter((gold) => keep(gold.file))
    .map((gold) => {
      const { text, blocks } = readDoc(gold.file, dir);
      return { gold, blocks, document: parseDocument(text, { file: gold.file }) };
    });
  const kept = new Set(entries.map((e) => e.gold.file));
  const test = split === 'test' ? kept : goldTestFiles();
  const whole = split === 'test' || split === 'gold';
  const inSplit = (files: string[], text: string) => whole || halfOf(files, text, test) === split;
  const questions = readQuestions(dir)
    .filter((q) => inSplit([...new Set(q.from ? [q.from] : q.answers.map((a) => a.file))], q.q))
    .map((q) => ({ ...q, answers: q.answers.filter((a) => kept.has(a.file)) }));
  const files = all.map((d) => d.file);
  const claims = readClaims(dir).filter((c) => inSplit(fileOfClaim(c, files), c.claim));
  const searched = entries.filter((e) => !e.gold.parserOnly);
  const documents = uniqueIds(searched.map((e) => e.document));
  const library = createLibrary(documents);
  // A document renamed for an id another one has (two titles cut to the same start) is a new object: its entry too.
  const byDocument = new Map<Document, (typeof entries)[number]>(entries.map((e) => [e.document, e]));
  documents.forEach((document, at) => byDocument.set(document, searched[at]!));
  const entryOf = (document: Document) => byDocument.get(document)!;
  return {
    split,
    entries,
    library,
    questions,
    claims,
    entryOf,
    blockOf: (document, span) => blockAt(entryOf(document).blocks, span[0])?.n ?? null,
  };
}

/** One split, or the whole gold set (both halves, as measured before the split). */
export function loadGold(split: SplitName | 'gold' = 'gold'): GoldSet {
  if (split === 'test') return buildSet('test', TEST_SPLIT, () => true);
  if (split === 'gold') return buildSet('gold', GOLD, () => true);
  const test = goldTestFiles();
  return buildSet(split, GOLD, (file) => test.has(file) === (split === 'gold-test'));
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
