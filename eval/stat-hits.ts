// What /stat shows for a query, as the eval reads it: one hit a sentence, best first.
import type { Library } from '../src/library/library.js';
import type { StatHit } from './stat.js';

export function findStatHits(library: Library, query: string): StatHit[] {
  return library
    .findFigureSentences(query)
    .map((hit) => ({ document: hit.sentence.document, sentence: hit.sentence.span }));
}
