// What /stat shows for a query, as the eval reads it: one hit a sentence, best first; and MiniSearch and
// FlexSearch indexing the same sentences (those stating a figure) with their recommended English settings, so
// /stat's ranking is judged against what a plain library gives.
import type { Library } from '../src/library/library.js';
import { STAT_RANKING, type StatRanking } from '../src/library/figure-search.js';
import { plainTextOf } from '../src/document/formats/index.js';
import { flexSearch, miniSearch } from './search.js';
import type { StatAnswer, StatSearch } from './stat.js';

/**
 * /stat's hits, and whether it answers with them ("Figures for") or offers them as "Closest figures"; `ranking`:
 * the ranking's constants, the bot's unless the cross-validation passes others (eval/stat-cv.ts).
 */
export function findStatHits(library: Library, query: string, ranking: StatRanking = STAT_RANKING): StatAnswer {
  const found = library.search.figureSentences(query, {}, { ranking });
  const hits = found.map((hit) => ({ document: hit.sentence.document, sentence: hit.sentence.span }));
  return { hits, outcome: found.length === 0 ? 'none' : found[0]!.confident ? 'confident' : 'closest' };
}

export interface StatEngine {
  name: string;
  /** Built once per library, then asked each question. */
  build(library: Library): StatSearch;
}

/** A text-search engine of eval/search.ts over /stat's own sentences: every one that states a figure. */
function overFigureSentences(engine: typeof miniSearch): StatEngine {
  return {
    name: engine.name,
    build(library) {
      const sentences = library.claims.figureSentences.sentences;
      const texts = sentences.map((s) => plainTextOf(s.document, s.document.text.slice(...s.span)));
      const rank = engine.buildOver(texts);
      return (_library, query) => {
        const hits = rank(query).map((i) => ({ document: sentences[i]!.document, sentence: sentences[i]!.span }));
        return { hits, outcome: hits.length ? 'confident' : 'none' };
      };
    },
  };
}

export const statEngines: StatEngine[] = [
  { name: 'factsheet-bot /stat', build: () => (library, query) => findStatHits(library, query) },
  overFigureSentences(miniSearch),
  overFigureSentences(flexSearch),
];
