// The documents being served, with their search indexes: what every command reads. A Library is immutable
// once built; reloading builds a new one and swaps it in whole (see reload.ts).
import { plainTextOf } from '../document/formats/index.js';
import type { Document } from '../document/types.js';
import { newerFirst } from './dates.js';
import {
  SentenceFinder,
  figureSentenceSteps,
  sentenceFinderSteps,
  savedSentenceFinder,
  sentencePostings,
  type IndexedSentence,
  type SentencePostingMap,
  type FigureCandidate,
  type FigureHit,
  type FindOptions,
} from './figure-search.js';
import type { ContextRanking, FlatRanking } from './context-ranking.js';
import {
  flatIdLists,
  flatSentences,
  flatTermSets,
  IdLists,
  sentencesFromFlat,
  termSetsFromFlat,
  type FlatIdLists,
  type FlatSets,
  type FlatSentences,
} from './figure-sentence-table.js';
import type { Flat } from './flat-file.js';
import { SpelledNames } from './acronyms.js';
import { flatSortedKeys, SortedKeys, type FlatSortedKeys } from './sorted-keys.js';
import {
  figureSentenceIndexSteps,
  flatIndexes,
  indexesFromFlat,
  indexSteps,
  rankingFromFlat,
  type FlatIndexes,
  type Indexes,
} from './indexes.js';
import { freezeSteps } from './freeze.js';
import { shapeOf, type Shape } from './near-same.js';
import {
  collectPartSteps,
  figureId,
  partsByDocument,
  renamed,
  sectionNames,
  type Collected,
  type FigureRef,
  type Parts,
  type Scope,
  type SectionRef,
  type StatementRef,
} from './refs.js';
import { LOOSER_HITS, type Hit } from './search.js';
import { fillFirstPage, LOOSER_FILL, type LooserFill } from './search-fill.js';
import { finish, finishInSlices, type Steps } from './steps.js';

export type { FigureCandidate, FigureHit, FigureRef, Scope, SectionRef, StatementRef };

/** Statements found, best first, and how many match in all (the list stops at a cap). */
export interface StatementHits {
  readonly refs: StatementRef[];
  readonly total: number;
}

/** Finding a document, section or figure again by its id or key: what autocomplete values and buttons carry. */
export interface Lookup {
  /** A document by its id or exact title, ignoring case. */
  document(id: string): Document | null;
  /** A section by its id ("saving-american-lives"), "document/section", or exact title, ignoring case. */
  section(id: string, documentId?: string): SectionRef | null;
  figure(id: string): FigureRef | null;
  /** The shortest key that finds this section again: its id, or "document/section" when ids repeat. */
  sectionKey(ref: SectionRef): string;
  figureKey(ref: FigureRef): string;
}

/** The ranked searches, best first; a document or scope none of the documents has finds nothing. */
export interface Search {
  sections(query: string, documentId?: string): SectionRef[];
  /** /stat's answers: sentences stating figures that answer the query (see figure-search.ts). */
  figureSentences(query: string, scope?: Scope, options?: FindOptions): FigureHit[];
  /** Every sentence with figures /stat weighs for the query, answering or not, best covered first. */
  figureCandidates(query: string, scope?: Scope): FigureCandidate[];
  /** Statements matching the query, newer documents first at equal score; at most MAX_STATEMENT_HITS. */
  statements(query: string, scope?: Scope): StatementRef[];
  /**
   * As statements, up to `limit`, with the number that match in all; `fill`: how a looser match fills the first
   * page (search-fill.ts; the eval tries others).
   */
  statementHits(query: string, scope?: Scope, limit?: number, fill?: LooserFill): StatementHits;
  documents(query: string): Document[];
  /** The stems a statement search looks for (synonyms and typo corrections included): what /search bolds. */
  statementTerms(query: string): Set<string>;
  /** A statement's shape, to fold near-identical hits: its numbers and words as indexed, not worked out again. */
  statementShape(ref: StatementRef): Shape;
}

/** /check's two matchers, raw: claims.ts weighs what a claim says with them. */
export interface ClaimIndex {
  /** The sentences that state figures: /stat's matcher too. */
  readonly figureSentences: SentenceFinder;
  /**
   * Every sentence (a claim without figures): built in slices once a reload has built the library (see
   * buildLibrary), or at once if asked for before that is done.
   */
  everySentence(): SentenceFinder;
}

/** What every command reads, a facet a concern: a command's dependencies read from the facets it names. */
export interface Library {
  readonly documents: readonly Document[];
  /** The sections, figures and statements of one document (by id), or of all when none is given. */
  parts(documentId?: string | null): Parts;
  readonly lookup: Lookup;
  readonly search: Search;
  readonly claims: ClaimIndex;
}

/** Hits scoring below this share of the best are noise for a reader (a figure matched only through its sentence). */
const CLOSE_TO_BEST = 0.35;
/** Statements ranked for /search, at most: far more than anyone pages through. */
export const MAX_STATEMENT_HITS = 500;
/** Sections or figures looked at per lookup; with a document chosen, its own are not crowded out. */
const LOOKUP_DEPTH = 100;

/** Every statement matching the query in scope, ranked: equal scores (a statement repeated) put newer first. */
function statementSearch(indexes: Indexes, parts: Collected) {
  return (query: string, { documentId, within }: Scope, limit: number, fill: LooserFill): StatementHits => {
    if (documentId && !parts.ranges.has(documentId)) return { refs: [], total: 0 };
    const range = documentId ? parts.ranges.get(documentId)!.statements : undefined;
    const found = indexes.statements.searchWithLooser(query, range, LOOSER_HITS, fill.minWords);
    const documentOf = (hit: Hit) => parts.statements[hit.id]!.document;
    const sameScore = (a: Hit, b: Hit) => Math.abs(a.score - b.score) <= 1e-9 * Math.max(1, a.score);
    const ranked = (hits: Hit[]) =>
      hits
        .filter((h) => !within || within(documentOf(h)))
        .sort((a, b) =>
          sameScore(a, b) ? newerFirst(documentOf(a), documentOf(b)) || a.id - b.id : b.score - a.score,
        );
    const looser = found.words >= fill.minWords ? ranked(found.looser) : [];
    const hits = fillFirstPage(ranked(found.strict), looser, fill);
    return { refs: hits.slice(0, limit).map((h) => parts.statements[h.id]!), total: hits.length };
  };
}

function closeToBest(hits: Hit[]): Hit[] {
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * CLOSE_TO_BEST);
}

/** Lookups by key: built as maps, or read back from the saved library (sorted-keys.ts). */
type KeyMap<V> = Pick<ReadonlyMap<string, V>, 'get'>;
interface KeyMaps {
  documentsById: KeyMap<Document>;
  sectionsById: KeyMap<SectionRef>;
  figuresById: KeyMap<FigureRef>;
}
type BuiltKeyMaps = ReturnType<typeof emptyKeyMaps>;

const emptyKeyMaps = () => ({
  documentsById: new Map<string, Document>(),
  sectionsById: new Map<string, SectionRef>(),
  figuresById: new Map<string, FigureRef>(),
});

/** Keys added between two steps: a document of 20,000 headings is keyed in slices too. */
const KEYS_PER_STEP = 1_000;

/** Adds each key not taken yet (the first of equal keys wins), yielding every KEYS_PER_STEP entries. */
function* addKeys<T, V>(
  map: Map<string, V>,
  entries: readonly T[],
  keys: (entry: T) => string[],
  value: (entry: T) => V,
) {
  for (const [i, entry] of entries.entries()) {
    for (const key of keys(entry)) if (!map.has(key)) map.set(key, value(entry));
    if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
}

/** Lookups by id, title, or "document/part"; the first of equal keys wins (exported for tests/library/build-slices.test.ts). */
export function* keyMapSteps(documents: readonly Document[], parts: Collected): Steps<BuiltKeyMaps> {
  const maps = emptyKeyMaps();
  yield* addKeys(
    maps.documentsById,
    documents,
    (d) => [d.id, d.title.toLowerCase()],
    (d) => d,
  );
  // Keys from the outline of a document read back: keying it does not make its sections and figures.
  const sectionKeys = (ref: SectionRef) => {
    const { id, title } = sectionNames(ref);
    return [id, title.toLowerCase(), `${ref.document.id}/${id}`];
  };
  yield* addKeys(maps.sectionsById, parts.sections, sectionKeys, (ref) => ref);
  const figureKeys = (ref: FigureRef) => [figureId(ref), `${ref.document.id}/${figureId(ref)}`];
  yield* addKeys(maps.figuresById, parts.figures, figureKeys, (ref) => ref);
  return maps;
}

/** The lookups by key in flat form: each key with its entry's place among the documents or the parts. */
interface FlatKeyMaps {
  [key: string]: Flat;
  documents: FlatSortedKeys;
  sections: FlatSortedKeys;
  figures: FlatSortedKeys;
}

function flatKeyMaps(maps: BuiltKeyMaps, documents: readonly Document[], parts: Collected): FlatKeyMaps {
  const numbered = <V>(map: ReadonlyMap<string, V>, entries: readonly V[]) => {
    const place = new Map(entries.map((entry, i) => [entry, i]));
    return flatSortedKeys(new Map([...map].map(([key, entry]) => [key, place.get(entry)!])));
  };
  return {
    documents: numbered(maps.documentsById, documents),
    sections: numbered(maps.sectionsById, parts.sections),
    figures: numbered(maps.figuresById, parts.figures),
  };
}

/** The lookups by key read back: found where they lie in the saved library, no map made (throws unless whole). */
function savedKeyMaps(flat: FlatKeyMaps | undefined, documents: readonly Document[], parts: Collected): KeyMaps {
  if (!flat) throw new Error('it holds no lookups by key');
  const lookup = <V>(keys: FlatSortedKeys, entries: readonly V[]): KeyMap<V> => {
    const sorted = new SortedKeys(keys, entries.length);
    return { get: (key) => entries[sorted.get(key)] };
  };
  return {
    documentsById: lookup(flat.documents, documents),
    sectionsById: lookup(flat.sections, parts.sections),
    figuresById: lookup(flat.figures, parts.figures),
  };
}

/** Builds the library from parsed documents: every index is built once, here (the every-sentence matcher when first asked). */
export function createLibrary(documents: readonly Document[]): Library {
  return finish(librarySteps(documents)).library;
}

/** Starts a library's every-sentence matcher (once) and settles when it is built. */
const sentenceFinderBuilds = new WeakMap<Library, () => Promise<void>>();

/**
 * As createLibrary, in slices of a few milliseconds with the event loop let in between: how a reload builds
 * the new library while the old one keeps answering. The every-sentence matcher (about 1.4 s at once on the
 * corpus) is built in slices too, after the library is returned: a /check that needs it first meanwhile
 * finishes the rest at once.
 */
export async function buildLibrary(documents: readonly Document[], saved?: FlatLibrary): Promise<Library> {
  const { library, sentenceFinder, flat } = await finishInSlices(librarySteps(documents, saved));
  let building: Promise<void> | null = null;
  const build = () => (building ??= sentenceFinder.inSlices());
  // Built, its slices start now; read back (one step), when first waited for: a replica's ready waits for it, a
  // one-shot answer that is not /check never reads it.
  if (!saved) void build();
  sentenceFinderBuilds.set(library, build);
  flatForms.set(library, flat);
  return library;
}

/** What a library built by buildLibrary saves (saved-library.ts): its built structures in flat form. */
export interface FlatLibrary {
  [key: string]: Flat;
  indexes: FlatIndexes;
  figures: FlatFigures;
  everySentence: FlatEverySentence;
  keys: FlatKeyMaps;
}

/** Each built library's flat form, made when asked for (saving is done after a start, not during it). */
const flatForms = new WeakMap<Library, () => FlatLibrary>();

/** The library's built structures in flat form, to save; null for one not from buildLibrary. */
export function flatLibrary(library: Library): FlatLibrary | null {
  return flatForms.get(library)?.() ?? null;
}

/**
 * Settles when the library's every-sentence matcher is built (one from createLibrary builds it when asked; one read
 * back is read from here). The slices do not keep the process alive: something else must, for this to settle.
 */
export function sentenceFinderBuilt(library: Library): Promise<void> {
  return sentenceFinderBuilds.get(library)?.() ?? Promise.resolve();
}

/** /stat's matcher's parts: its sentences, which hold each word, and the ranking of their context. */
interface FigureFinderParts {
  sentences: IndexedSentence[];
  postings: SentencePostingMap;
  ranking: ContextRanking;
  /** Which sentences hold each word around them: read back, or made by the finder when first asked. */
  around?: SentencePostingMap;
  /** The names initials stand for: read back, or made by the finder when first asked. */
  spelled?: SpelledNames;
}

function* figureFinderSteps(parts: Collected): Steps<FigureFinderParts> {
  const sentences = yield* figureSentenceSteps(parts.figures);
  const postings = yield* sentencePostings(sentences);
  return { sentences, postings, ranking: yield* figureSentenceIndexSteps(sentences) };
}

/** /stat's matcher's parts in flat form (saved-library.ts). */
interface FlatFigures {
  [key: string]: Flat;
  sentences: FlatSentences;
  postings: FlatIdLists;
  ranking: FlatRanking;
  around: FlatIdLists;
  spelled: Uint8Array;
}

const flatFigures = (figures: FigureFinderParts, parts: Collected): FlatFigures => ({
  sentences: flatSentences(figures.sentences, parts.figures),
  postings: flatIdLists(figures.postings as ReadonlyMap<string, readonly number[]>),
  ranking: figures.ranking.toFlat(),
  around: flatIdLists(figures.around as ReadonlyMap<string, readonly number[]>),
  spelled: figures.spelled!.lines,
});

const figuresFromFlat = (flat: FlatFigures, parts: Collected): FigureFinderParts => ({
  sentences: sentencesFromFlat(flat.sentences, parts.figures),
  postings: new IdLists(flat.postings),
  ranking: rankingFromFlat(flat.ranking),
  around: new IdLists(flat.around),
  spelled: new SpelledNames(() => savedBytes(flat.spelled)),
});

/** The saved names of initials; throws (the command asking fails, naming it) when the entry holds none. */
function savedBytes(bytes: Flat): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new Error('it holds no table of the names initials stand for');
  return bytes;
}

/**
 * /check's every-sentence matcher in flat form: each sentence's stems, which sentences hold each word, and each
 * sentence's span with where each statement's sentences start (so that reading it back makes no document).
 */
interface FlatEverySentence {
  [key: string]: Flat;
  terms: FlatSets;
  postings: FlatIdLists;
  spans: Int32Array;
  firstSentence: Int32Array;
}

function flatEverySentence(finder: SentenceFinder, statements: readonly StatementRef[]): FlatEverySentence {
  const spans = new Int32Array(finder.sentences.length * 2);
  finder.sentences.forEach(({ span }, i) => spans.set(span, i * 2));
  const firstSentence = new Int32Array(statements.length + 1);
  statements.forEach(({ point }, i) => (firstSentence[i + 1] = firstSentence[i]! + point.sentences.length));
  return {
    terms: flatTermSets(finder.sentences),
    postings: flatIdLists(finder.ownLists() as ReadonlyMap<string, readonly number[]>),
    spans,
    firstSentence,
  };
}

/** Throws unless the saved matcher's sentences are those of this many statements (checked before it is used). */
function fitsStatements({ spans, firstSentence }: FlatEverySentence, statements: number): void {
  const fits =
    spans instanceof Int32Array &&
    firstSentence instanceof Int32Array &&
    firstSentence.length === statements + 1 &&
    spans.length === firstSentence[statements]! * 2;
  if (!fits) throw new Error('its matcher is not of these statements');
}

/** The matcher read back: steps, as a built one's are, though there is nothing left to build. */
// eslint-disable-next-line require-yield
function* savedMatcherSteps(flat: FlatEverySentence, parts: Collected, indexes: Indexes): Steps<SentenceFinder> {
  const { spans, firstSentence } = flat;
  let statement = 0;
  const placeOf = (i: number) => {
    while (firstSentence[statement + 1]! <= i) statement++;
    const span = Object.freeze([spans[i * 2]!, spans[i * 2 + 1]!] as const);
    return { document: parts.statements[statement]!.document, span };
  };
  const termsOf = termSetsFromFlat(flat.terms);
  return savedSentenceFinder(firstSentence.at(-1)!, placeOf, indexes.statements, termsOf, new IdLists(flat.postings));
}

interface Built {
  library: Library;
  sentenceFinder: LaterFinder;
  flat: () => FlatLibrary;
}

/** The library's steps: its structures read from their saved flat form when given one, else built. */
function* librarySteps(documents: readonly Document[], saved?: FlatLibrary): Steps<Built> {
  yield* freezeSteps(documents);
  const parts = yield* collectPartSteps(documents);
  if (saved) fitsStatements(saved.everySentence, parts.statements.length);
  const indexes = saved ? indexesFromFlat(saved.indexes, parts) : yield* indexSteps(documents, parts);
  const figures = saved ? figuresFromFlat(saved.figures, parts) : yield* figureFinderSteps(parts);
  const { sentences, postings, ranking, around, spelled } = figures;
  const finder = new SentenceFinder(sentences, indexes.statements, postings, ranking, around ?? null, spelled ?? null);
  yield;
  const sentenceFinder = laterFinder(() =>
    saved
      ? savedMatcherSteps(saved.everySentence, parts, indexes)
      : sentenceFinderSteps(parts.statements, indexes.statements),
  );
  // Read back, the lookups by key are read where they lie: a one-shot answer or a replica's start makes no map.
  const built = saved ? null : yield* keyMapSteps(documents, parts);
  const keys = built ?? savedKeyMaps(saved!.keys, documents, parts);
  const library = assemble(documents, parts, indexes, finder, sentenceFinder, () => keys);
  const flat = () => ({
    indexes: flatIndexes(indexes),
    figures: flatFigures({ ...figures, around: finder.contextLists(), spelled: finder.spelledNames() }, parts),
    everySentence: flatEverySentence(sentenceFinder.now(), parts.statements),
    keys: built ? flatKeyMaps(built, documents, parts) : saved!.keys,
  });
  return { library, sentenceFinder, flat };
}

interface LaterFinder {
  /** The matcher: the steps not yet run are run now. */
  now(): SentenceFinder;
  /** Runs the steps in slices; a call to now() meanwhile finishes them, and this then ends. */
  inSlices(): Promise<void>;
}

/** A matcher built from one run of its steps, whether in slices, at once, or begun in slices and finished at once. */
function laterFinder(makeSteps: () => Steps<SentenceFinder>): LaterFinder {
  let steps = makeSteps();
  let finder: SentenceFinder | null = null;
  return {
    now: () => {
      try {
        return (finder ??= finish(steps));
      } catch (error) {
        // A failed step ends the steps: the next /check that asks builds the matcher again from the start.
        steps = makeSteps();
        throw error;
      }
    },
    inSlices: async () => {
      try {
        // Steps finished by now() meanwhile end this run with no value; the finder is already set then.
        const built = await finishInSlices(steps, { inBackground: true });
        finder ??= built ?? null;
      } catch {
        steps = makeSteps();
      }
    },
  };
}

function assemble(
  documents: readonly Document[],
  parts: Collected,
  indexes: Indexes,
  finder: SentenceFinder,
  later: LaterFinder,
  keys: () => KeyMaps,
): Library {
  const byDocument = partsByDocument(parts);
  const everything: Parts = {
    sections: Object.freeze(parts.sections),
    figures: Object.freeze(parts.figures),
    statements: Object.freeze(parts.statements),
  };
  const none: Parts = { sections: [], figures: [], statements: [] };
  return Object.freeze({
    documents: Object.freeze(documents),
    parts: (documentId?: string | null) => (documentId ? (byDocument.get(documentId) ?? none) : everything),
    lookup: Object.freeze(lookupFacet(parts, keys)),
    search: Object.freeze(searchFacet(documents, parts, indexes, finder)),
    claims: Object.freeze({ figureSentences: finder, everySentence: () => later.now() }),
  });
}

function lookupFacet(parts: Collected, keys: () => KeyMaps): Lookup {
  return {
    document: (id) => keys().documentsById.get(id.trim().toLowerCase()) ?? null,
    section: (id, documentId) => {
      const key = id.trim().toLowerCase();
      const { sectionsById } = keys();
      if (!documentId) return sectionsById.get(key) ?? null;
      return (
        sectionsById.get(`${documentId}/${key}`) ??
        parts.sections.find((r) => r.document.id === documentId && r.section.title.toLowerCase() === key) ??
        null
      );
    },
    figure: (id) => keys().figuresById.get(id.trim()) ?? null,
    sectionKey: (ref) =>
      keys().sectionsById.get(ref.section.id) === ref ? ref.section.id : `${ref.document.id}/${ref.section.id}`,
    figureKey: (ref) =>
      keys().figuresById.get(ref.figure.id) === ref ? ref.figure.id : `${ref.document.id}/${ref.figure.id}`,
  };
}

function searchFacet(
  documents: readonly Document[],
  parts: Collected,
  indexes: Indexes,
  finder: SentenceFinder,
): Search {
  const statementsFound = statementSearch(indexes, parts);
  const known = (documentId?: string) => !documentId || parts.ranges.has(documentId);
  const rangeOf = (documentId?: string) => (documentId ? parts.ranges.get(documentId)!.sections : undefined);
  return {
    sections: (query, documentId) =>
      known(documentId)
        ? closeToBest(indexes.sections.search(query, LOOKUP_DEPTH, rangeOf(documentId))).map(
            (h) => parts.sections[h.id]!,
          )
        : [],
    figureSentences: (query, scope = {}, options = {}) =>
      known(scope.documentId) ? finder.find(query, { ...scope, ...options }) : [],
    figureCandidates: (query, scope = {}) => (known(scope.documentId) ? finder.everyCandidate(query, scope) : []),
    statements: (query, scope = {}) => statementsFound(query, scope, MAX_STATEMENT_HITS, LOOSER_FILL).refs,
    statementHits: (query, scope = {}, limit = MAX_STATEMENT_HITS, fill = LOOSER_FILL) =>
      statementsFound(query, scope, limit, fill),
    documents: (query) => indexes.documents.search(query).map((h) => documents[h.id]!),
    statementTerms: (query) => indexes.statements.queryTerms(query),
    statementShape: (ref) => indexes.statementWords.shape(ref) ?? shapeOf(plainTextOf(ref.document, ref.point.text)),
  };
}

/**
 * "report.txt" and "report.md" both slug to "report": the second becomes "report-2", in file-name order. A
 * renamed document is a new object (one read back still makes its body only when read); the documents handed in
 * are left as they are.
 */
export function uniqueIds(documents: readonly Document[]): Document[] {
  const ids = new Set<string>();
  return documents.map((document) => {
    let id = document.id;
    for (let n = 2; ids.has(id); n++) id = `${document.id}-${n}`;
    ids.add(id);
    return id === document.id ? document : renamed(document, id);
  });
}
