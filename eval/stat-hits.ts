// What /stat shows for a query, as the eval reads it: one hit a sentence, best first.
import type { Library } from '../src/library/library.js';
import type { StatHit } from './stat.js';

export function findStatHits(library: Library, query: string): StatHit[] {
  const seen = new Set<string>();
  const hits: StatHit[] = [];
  for (const ref of library.findFigures(query)) {
    const key = `${ref.document.id}:${ref.figure.sentenceSpan[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ document: ref.document, sentence: ref.figure.sentenceSpan });
  }
  return hits;
}
