// /search against the gold questions, beside MiniSearch, FlexSearch and Lunr indexing the same statements
// with their recommended English settings: MRR@10, Recall@5 and latency, in one run.
import FlexSearch from 'flexsearch';
import en from 'flexsearch/lang/en';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { plainTextOf } from '../src/document/formats/index.js';
import type { Library, StatementRef } from '../src/library/library.js';
import type { GoldSet } from './gold/load.js';
import type { GoldQuestion } from './gold/types.js';

/** An engine ranks statements (indices into library.parts().statements) for a query. */
export interface Engine {
  name: string;
  build(library: Library): (query: string) => number[];
}

/** A library's engine over any list of texts: ranks their indices for a query. */
export interface TextEngine {
  name: string;
  buildOver(texts: string[]): (query: string) => number[];
}

const overStatements = (engine: TextEngine): Engine => ({
  name: engine.name,
  build: (library) => engine.buildOver(library.parts().statements.map(textOf)),
});

const textOf = (ref: StatementRef) => plainTextOf(ref.document, ref.point.text);

export const ours: Engine = {
  name: 'factsheet-bot /search',
  build(library) {
    const position = new Map(library.parts().statements.map((ref, i) => [ref, i]));
    return (query) => library.search.statements(query).map((ref) => position.get(ref)!);
  },
};

// MiniSearch as its docs recommend for English: BM25 (its default), prefix and fuzzy 0.2, Porter stemming.
export const miniSearch: TextEngine = {
  name: 'MiniSearch 7 (BM25, prefix, fuzzy 0.2, Porter)',
  buildOver(texts) {
    const index = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      processTerm: (term) => stemmer(term.toLowerCase()),
      searchOptions: { prefix: true, fuzzy: 0.2 },
    });
    index.addAll(texts.map((text, id) => ({ id, text })));
    return (query) => index.search(query).map((r) => Number(r.id));
  },
};

// FlexSearch with its English language pack (Porter-style stemmer and stop words), balanced Latin charset.
export const flexSearch: TextEngine = {
  name: 'FlexSearch 0.8 (English pack: stemmer, stop words)',
  buildOver(texts) {
    const index = new FlexSearch.Index({
      // FlexSearch's documented form, `new Encoder(charset, language)`; its typings name one argument only.
      encoder: new (
        FlexSearch.Encoder as unknown as new (...presets: object[]) => InstanceType<typeof FlexSearch.Encoder>
      )(FlexSearch.Charset.LatinBalance, en),
      tokenize: 'forward',
      resolution: 9,
    });
    texts.forEach((text, id) => index.add(id, text));
    return (query) => index.search(query, { limit: 100, suggest: true }) as number[];
  },
};

// Lunr with its default English pipeline (trimmer, stop words, Porter stemmer), BM25 scoring.
export const lunrEngine: TextEngine = {
  name: 'Lunr 2.3 (English pipeline, BM25)',
  buildOver(texts) {
    const index = lunr(function () {
      this.ref('id');
      this.field('text');
      texts.forEach((text, id) => this.add({ id: String(id), text }));
    });
    return (query) => {
      // Lunr reads + - : ~ ^ * as its own syntax; a member types plain words.
      const words = query.replace(/[+\-:~^*]/g, ' ').trim();
      if (!words) return [];
      try {
        return index.search(words).map((r) => Number(r.ref));
      } catch {
        return [];
      }
    };
  },
};

/** /search and the libraries over the same statements, in the order the eval prints them. */
export const searchEngines: Engine[] = [ours, ...[miniSearch, flexSearch, lunrEngine].map(overStatements)];

export interface SearchScores {
  name: string;
  mrr10: number;
  recall5: number;
  medianMs: number;
  p99Ms: number;
}

function isAnswer(set: GoldSet, question: GoldQuestion, ref: StatementRef): boolean {
  const entry = set.entryOf(ref.document);
  const [start, end] = ref.point.span;
  return question.answers.some((a) => {
    if (a.file !== entry.gold.file) return false;
    const block = entry.blocks[a.block - 1];
    return block !== undefined && start < block.end && end > block.start;
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function scoreSearch(set: GoldSet, engine: Engine): SearchScores {
  const rank = engine.build(set.library);
  const questions = set.questions.filter((q) => q.answers.length > 0);
  let reciprocal = 0;
  let recalled = 0;
  const times: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    const ranked = rank(question.q).slice(0, 10);
    times.push(performance.now() - started);
    const first = ranked.findIndex((i) => isAnswer(set, question, set.library.parts().statements[i]!));
    if (first >= 0) reciprocal += 1 / (first + 1);
    if (first >= 0 && first < 5) recalled++;
  }
  return {
    name: engine.name,
    mrr10: reciprocal / questions.length,
    recall5: recalled / questions.length,
    medianMs: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
}
