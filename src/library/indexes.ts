// The search indexes a library builds once, with the weight of each field named and explained here.
import { plainTextOf } from '../document/formats/index.js';
import type { Document } from '../document/types.js';
import { leadIn, type IndexedSentence } from './figure-search.js';
import { ContextRanking, type FlatRanking } from './context-ranking.js';
import { numbersOf } from './near-same.js';
import type { Collected } from './refs.js';
import { TextIndex, type Field, type FlatText } from './search.js';
import type { Flat } from './flat-file.js';
import { StatementWords, type FlatStatementWords } from './statement-words.js';
import type { Steps } from './steps.js';
import { SYNONYMS } from './vocabulary.js';

/** Field weights: how much a match in each field counts against the others of the same index. */
export const WEIGHTS = {
  /** A section is found by its title far more than by its lead sentence. */
  sectionTitle: 4,
  sectionLead: 1,
  /**
   * A figure sentence is found by its own words first, then by what names its subject around it: the rest of
   * its statement (the sentence before says "this agreement"), its list's lead-in, its section heading and its
   * document's title. Chosen on the tune split (docs/quality.md).
   */
  figureSentence: 1,
  figureStatement: 0.3,
  figureLeadIn: 0.3,
  figureHeading: 0.4,
  figureTitle: 0.3,
} as const;

export interface Indexes {
  documents: TextIndex;
  sections: TextIndex;
  statements: TextIndex;
  /**
   * Each statement's numbers and words, for folding near-identical /search hits (near-same.ts): kept from the
   * stems indexed, since working them out again for each of up to 500 hits was most of a /search's CPU.
   */
  statementWords: StatementWords;
}

/** Each text index's fields. */
const FIELDS = {
  documents: [{ name: 'title', weight: 1, prefix: true }],
  sections: [
    { name: 'title', weight: WEIGHTS.sectionTitle, prefix: true },
    { name: 'lead', weight: WEIGHTS.sectionLead },
  ],
  statements: [{ name: 'text', weight: 1 }],
} satisfies Record<string, Field[]>;

/** The indexes in flat form (saved-library.ts). */
export interface FlatIndexes {
  [key: string]: Flat;
  documents: FlatText;
  sections: FlatText;
  statements: FlatText;
  statementWords: FlatStatementWords;
}

export const flatIndexes = (indexes: Indexes): FlatIndexes => ({
  documents: indexes.documents.toFlat(),
  sections: indexes.sections.toFlat(),
  statements: indexes.statements.toFlat(),
  statementWords: indexes.statementWords.toFlat(),
});

/** The indexes read back from their flat form, for the same parts in the same order. */
export const indexesFromFlat = (flat: FlatIndexes, parts: Collected): Indexes => ({
  documents: TextIndex.fromFlat(FIELDS.documents, SYNONYMS, flat.documents),
  sections: TextIndex.fromFlat(FIELDS.sections, SYNONYMS, flat.sections),
  statements: TextIndex.fromFlat(FIELDS.statements, SYNONYMS, flat.statements),
  statementWords: StatementWords.fromFlat(parts.statements, flat.statementWords),
});

/** The indexes built entry by entry, yielding after each (a reload builds them in slices: see steps.ts). */
export function* indexSteps(documents: readonly Document[], parts: Collected): Steps<Indexes> {
  const documentIndex = new TextIndex(FIELDS.documents, SYNONYMS);
  for (const [i, d] of documents.entries()) {
    documentIndex.add(i, { title: d.title });
    yield;
  }
  const sectionIndex = new TextIndex(FIELDS.sections, SYNONYMS);
  for (const [i, ref] of parts.sections.entries()) {
    sectionIndex.add(i, {
      title: ref.section.title,
      lead: ref.section.lead ? plainTextOf(ref.document, ref.section.lead.text) : '',
    });
    yield;
  }
  const statementIndex = new TextIndex(FIELDS.statements, SYNONYMS);
  const [numbers, sameTextAs] = [new Array<string>(), new Array<number>()];
  // Only while building: a search compares the numbers standing for texts, not the texts.
  const firstWithText = new Map<string, number>();
  for (const [i, ref] of parts.statements.entries()) {
    const text = plainTextOf(ref.document, ref.point.text);
    const stems = statementIndex.noted(text);
    statementIndex.add(i, { text: stems });
    const key = text.toLowerCase();
    sameTextAs.push(firstWithText.get(key) ?? i);
    if (sameTextAs[i] === i) firstWithText.set(key, i);
    numbers.push(numbersOf(stems));
    yield;
  }
  for (const index of [documentIndex, sectionIndex, statementIndex]) yield* index.prepareSteps();
  const words = statementIndex.postingsOf('text');
  const statementWords = new StatementWords(parts.statements, words, numbers, sameTextAs);
  return { documents: documentIndex, sections: sectionIndex, statements: statementIndex, statementWords };
}

/** /stat's ranking fields, in the order figureSentenceIndexSteps adds them. */
const RANKING_FIELDS = [
  { weight: WEIGHTS.figureSentence, shared: false },
  { weight: WEIGHTS.figureStatement, shared: false },
  { weight: WEIGHTS.figureLeadIn, shared: true },
  { weight: WEIGHTS.figureHeading, shared: true },
  { weight: WEIGHTS.figureTitle, shared: true },
];

/** /stat's ranking read back from its flat form. */
export const rankingFromFlat = (flat: FlatRanking) => ContextRanking.fromFlat(RANKING_FIELDS, flat);

/**
 * /stat's figure sentences, each with its context as weighted fields (the quote stays the sentence): its list's
 * lead-in, section heading and document title indexed once, shared by their sentences (context-ranking.ts).
 */
export function* figureSentenceIndexSteps(sentences: IndexedSentence[]): Steps<ContextRanking> {
  const ranking = new ContextRanking(RANKING_FIELDS);
  for (const { document, span, figures } of sentences) {
    const { section, figure } = figures[0]!;
    const point = [section.lead, ...section.points].find((p) => p?.id === figure.pointId);
    const text = document.text;
    const lead = point && leadIn(section, point);
    ranking.add([
      plainTextOf(document, text.slice(...span)),
      point ? plainTextOf(document, text.slice(point.span[0], span[0]) + ' ' + text.slice(span[1], point.span[1])) : '',
      lead ? { owner: lead, text: plainTextOf(document, lead.text) } : null,
      { owner: section, text: section.title },
      { owner: document, text: document.title },
    ]);
    yield;
  }
  return ranking.prepare();
}
