// /stat's lookup: the sentences that state figures, found by what a member asks. A sentence answers only
// when it holds the query's content words (question words aside; synonyms and typos allowed); a number in
// the query finds equal values in any written form ("75 percent" = "75%", "$1.4 billion" = "$1,400 million")
// and nothing else; "percent" or "dollars" alone find figures by unit. One hit a sentence; the same sentence
// in several documents is one hit that says where else it is.
import { findFigures } from '../document/figures.js';
import { UNITS } from '../document/figures/vocabulary.js';
import { lookupTable } from '../document/lookup.js';
import { plainTextOf } from '../document/formats/index.js';
import type { Document, Figure, Point, Section, Span } from '../document/types.js';
import { documentDate, newerFirst } from './dates.js';
import { AmountIndex } from './amount-index.js';
import { foldNearSame, type Shape } from './near-same.js';
import type { FigureRef, Scope, StatementRef } from './refs.js';
import type { ContextRanking } from './context-ranking.js';
import { figureNumbers } from './figure-sentence-table.js';
import { candidateIds, type SentenceIds, type SentencePostings } from './figure-candidates.js';
import { terms, type Alternative, type TextIndex } from './search.js';
import { finish, type Steps } from './steps.js';
import { FUSION, fuse, PLAIN_FIELDS, type Fusion } from './stat-fusion.js';
import { referredSentence } from './referent.js';
import { WordsAsked } from './words-asked.js';
import { SpelledNames } from './acronyms.js';
import { sheetWordsFor, withEverydayWords } from './everyday-words.js';
import {
  countedStems,
  namesAnother,
  namesAnotherSpan,
  namesRival,
  type SlotSense,
  type WordSense,
} from './contrast.js';
import { holds } from './sorted.js';

/**
 * A sentence as the finders weigh it: /stat's sentences with figures, or /check's every sentence (most with
 * none). Built once with the library and never changed.
 */
export interface IndexedSentence {
  readonly document: Document;
  /** The sentence, as a span of its document. */
  readonly span: Span;
  /** The figures it holds, in document order; none for most of /check's sentences. */
  readonly figures: readonly FigureRef[];
  /** The sentence's stems, and those of what its figures count. */
  readonly terms: TermSet;
  /**
   * Stems of the words around it that a question may use: its statement, list lead-in, the sentence it refers
   * back to ("This agreement …": referent.ts), section title and document title.
   */
  readonly context: ReadonlyArray<TermSet>;
  /** Stems of the sentence it refers back to, when it opens with "This agreement", "He" … (one of `context`). */
  readonly referred?: TermSet;
  /** The sentence as a reader sees it, for telling repeats apart. */
  readonly key: string;
  /** For a sentence read back: what a lookup weighs of it, from the saved tables (its document's body not made). */
  readonly saved?: SavedFacts;
}

/** What a lookup weighs of a figure: its value, unit and the words of what it counts. */
export interface FigureFacts extends Pick<Figure, 'value' | 'valueMax' | 'unit'> {
  readonly countTerms: readonly string[];
}

/**
 * A sentence's facts as saved: its key and its figures' numbers as tokens (equal exactly when the texts are),
 * and each figure's facts, in order.
 */
export interface SavedFacts {
  readonly key: string;
  readonly numbers: string;
  /** Each figure's facts, read off the tables when asked. */
  figures(): WeighedFigure[];
}

/** A sentence's figure with what a lookup weighs of it. */
export interface WeighedFigure extends FigureFacts {
  readonly ref: FigureRef;
}

/** What tells a sentence's repeats apart: its key, or for one read back, the token standing for it. */
const keyOf = (sentence: IndexedSentence): string => sentence.saved?.key ?? sentence.key;

/** Stems a sentence holds: a Set, or the sorted list every-sentence matching keeps (SortedTerms). */
export interface TermSet extends Iterable<string> {
  has(term: string): boolean;
  readonly size: number;
}

const maskBit = (term: string) =>
  1 << ((term.charCodeAt(0) * 7 + term.charCodeAt(term.length - 1) * 3 + term.length) % 30);

/**
 * A sentence's stems as a sorted list, searched by halves: on the corpus's 85,000 sentences this holds what a
 * Set each held in far less memory.
 */
export class SortedTerms implements TermSet {
  private readonly list: string[];
  /** A bit for each stem's first letter, last letter and length: most words asked for are absent, and fail here. */
  private readonly mask: number = 0;

  constructor(terms: string[]) {
    const sorted = terms.sort();
    this.list = sorted.filter((term, i) => i === 0 || term !== sorted[i - 1]);
    for (const term of this.list) this.mask |= maskBit(term);
  }

  has(term: string): boolean {
    return (this.mask & maskBit(term)) !== 0 && holds(this.list, term);
  }

  get size(): number {
    return this.list.length;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.list[Symbol.iterator]();
  }
}

/** A sentence that speaks of what some words say, and how much of them it holds. */
export interface Covering {
  sentence: IndexedSentence;
  coverage: number;
  /** How many of the words it holds. */
  held: number;
}

export interface FigureHit {
  sentence: IndexedSentence;
  /** The figures that answer: shown in bold. */
  bold: FigureRef[];
  /** Other documents stating the same sentence. */
  alsoIn: Document[];
  /** Whether it answers what was asked; false for the closest figures shown when no sentence does. */
  confident: boolean;
}

/** A sentence weighed for a query, answering it or not: /trend's candidates (SentenceFinder.everyCandidate). */
export interface FigureCandidate {
  sentence: IndexedSentence;
  /** Its figures of the units the query names; all of them when it names none. */
  figures: readonly FigureRef[];
  /** The rarity-weighted share of the query's words it holds, or its context does. */
  coverage: number;
  /** The stems by which it holds them. */
  found: Set<string>;
  /** The kind of figure the query's wording asks for, if it says. */
  kind: FigureKind | null;
}

/** Words that name a unit rather than a thing: "percent" finds every percentage. */
const UNIT_WORDS: Record<string, string> = lookupTable({
  percent: '%',
  percentage: '%',
  percentages: '%',
  pct: '%',
  '%': '%',
  dollars: '$',
  dollar: '$',
  money: '$',
  $: '$',
});

/**
 * How much of what a query says a sentence must hold to answer it: the share of the query's words, each
 * weighted by how rare it is, found in the sentence (or, counting less, in its statement, section or
 * document title). Below it, /stat says "No figure found" rather than answer something else.
 */
export const MIN_COVERAGE = 0.7;
/**
 * Below MIN_COVERAGE a sentence holding at least this share is still shown, under "Closest figures", when
 * nothing answers: a question worded as people ask may lack a word the sentence uses. Below this, nothing is
 * plausible and /stat says "No figure found". Chosen on the tune split (docs/quality.md).
 */
export const MIN_CLOSEST_COVERAGE = 0.3;
/** Closest figures shown at most: a short list to look through, not every sentence sharing a word. */
export const MAX_CLOSEST = 10;
/** A confident answer's first page is filled up to this many with the closest figures after it. */
export const FIRST_PAGE = 5;
/** Sentences short of confident that are ranked at most: the best covered, enough for a page and the closest. */
const RANKED_CLOSEST = 50;
/**
 * Which words of a question a confident answer must hold (specificWords): its years, the names it gives, words
 * no document writes. Chosen by cross-validation over the gold documents (eval/stat-cv.ts, docs/quality.md).
 * The neighbour checks (contrast.ts: another name where one is asked, what "how many" counts) too: over tune and
 * gold-test (575 questions), both together gave 2 fewer confident answers to the 153 unanswerable questions
 * (8.5% to 7.2%), one more first place and one more answerable question among the closest figures; four of five
 * folds chose both, one the count check alone. The rival check (a word in the slot of one asked: namesRival), over
 * tune and gold-test grown to 472 figure and 174 no-answer questions: 2 fewer confident answers to the unanswerable
 * (10.3% to 9.2%), first places, first pages and answerable questions among the closest figures unchanged; every
 * fold chose it.
 */
export const MUST_HOLD: Readonly<MustHold> = Object.freeze({
  years: true,
  names: true,
  unknownWords: false,
  otherNamed: true,
  counted: true,
  rivals: true,
});
/** Confident hits checked for naming another place or counting another thing (contrast.ts): the first page's. */
const CHECKED_FOR_NEIGHBOURS = FIRST_PAGE;
/** Sentences read at most for whether two words stand together in the documents (namesRival): most pairs asked are. */
const PAIR_READS = 40;
/** Word pairs whose answer is kept: a few a question; forgotten all at once past this many. */
const PAIRS_KEPT = 10_000;
/** Initials a member may write for a name the documents spell out: three to six capitals. */
const INITIALS = /^\p{Lu}{3,6}$/u;
/** Where a paragraph, list item or heading starts: a blank line, a list marker or a "#" opening a line. */
const BLOCK_START = /\n[ \t]*(?:\n|[-*+][ \t]|\d+\.[ \t]|#)/g;
/** Words read at most directly after a figure for what it counts, and characters read for them (countsAnother). */
const WORDS_AFTER = 4;
const WORDS_AFTER_READ = 80;
/** Characters read at most on each side of a sentence for the paragraph it stands in. */
const PARAGRAPH_READ = 1_500;
/** What ends a phrase within a sentence: a name across it stands in another phrase (contrast.ts). */
const PHRASE_BREAK = /[,;:()\u2013\u2014]|\s-\s/;

/** A year as a query word: a figure for another year does not answer. */
const YEAR = /^(?:19|20)\d\d$/;
/** A year as a question or sentence writes it. */
const YEAR_IN_TEXT = /\b(?:19|20)\d\d\b/g;
/** A name and a word it begins ("Asia", "Asian") are one name when the shorter has this many letters. */
const MIN_NAME_PART = 4;
/** A name in the figures of more than this share of the documents is their setting ("America"), not a place asked. */
const SETTING_SHARE = 0.25;
/** How much the share of the words a sentence holds counts in ranking, against BM25 over it and its context. */
const COVERAGE_RANK = 20;
/**
 * What lifts a sentence in the figure ranking: a figure counting the words asked for (the figure is what was
 * asked about, not beside it), and an exact figure of the kind the question asks for ("how many": a count; "how
 * long": a duration). Chosen by cross-validation over the gold documents (eval/stat-cv.ts): with the tune split
 * grown to 52 documents every fold chose a kind lift of 4 (two more answers first than 2).
 */
export const FIGURE_RANK: Readonly<Lifts> = Object.freeze({ counted: 2, kind: 4 });

/** Which words a confident answer must hold (see MUST_HOLD). */
export interface MustHold {
  years: boolean;
  names: boolean;
  unknownWords: boolean;
  /** Not where the sentence itself names another place, party or side in the place of one asked (contrast.ts). */
  otherNamed: boolean;
  /** Not where a "how many" question's counted thing is missing from the sentence itself, or its figures count another. */
  counted: boolean;
  /** Not where the sentence names a rival in the slot of a word asked ("southwest" for "northern border"). */
  rivals: boolean;
}

/** The figure ranking's lifts (see FIGURE_RANK). */
export interface Lifts {
  counted: number;
  kind: number;
}

/** /stat's ranking constants together: the bot's, or others the eval's cross-validation passes in. */
export interface StatRanking {
  fusion: Fusion;
  mustHold: MustHold;
  lifts: Lifts;
}

export const STAT_RANKING: Readonly<StatRanking> = Object.freeze({
  fusion: FUSION,
  mustHold: MUST_HOLD,
  lifts: FIGURE_RANK,
});

/** An amount a question names, in the unit it names if any. */
interface AmountAsked {
  value: number;
  unit: string | null;
}

interface Analysed {
  amounts: AmountAsked[];
  units: Set<string>;
  words: string;
  /** The kind of figure the question asks for, when its wording says. */
  kind: FigureKind | null;
  /** The stems of the words it writes capitalized past its first word ("Asia"): the names it gives. */
  named: Set<string>;
}

/**
 * What a question's wording asks for: a count, money, another amount (a measure), a share, a duration, a size (any
 * amount or share, not a count nor a time), or a measure in the one unit it names.
 */
export type FigureKind = 'count' | 'amount' | 'money' | 'share' | 'duration' | 'size' | Measure;

/** A measure in one unit: "how many miles" is answered by miles alone, not by a count nor by acres. */
interface Measure {
  measure: string;
}

const DURATION_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades']);

/**
 * The words by which "how much" asks for money: "how much does it cost", "how much was spent", "how much funding".
 * How people ask, read as the kind of figure wanted; a sheet's sentence need not hold them.
 */
const MONEY_ASKED = new RegExp(
  [
    String.raw`\b(?:cost(?:s|ing)?|spen[dt]|spending|pa(?:y|id|ys)|pric(?:e|ed|es)|worth|money|dollars?|bucks)\b`,
    String.raw`\b(?:fund(?:s|ed|ing)?|budget|invest(?:s|ed|ment)?)\b|\$`,
  ].join('|'),
);

/**
 * "how many" (or "number of") wants a count, "how much" (or "amount") an amount, money when it asks what something
 * costs or is funded with, "what percent"/"what share" a share, "how long" or "how soon" (or "how much time") a
 * duration, and so does a question opening with "when" (a figure answers it with a wait: "180 days after signing")
 * and "how many" years, months or days: "75 years of relations" answers "how many years", not "two leaders".
 * "how big" (or "how large") asks for a size: cuts of "roughly 45%" or "$1.5 trillion", not "80,000 workers".
 * "how many" miles, acres or tons asks for that measure: "450 miles of wall", not a count nor 300 acres.
 */
export function questionKind(query: string): FigureKind | null {
  const q = query.toLowerCase();
  if (/\b(what|which) (percent|percentage|share|proportion|fraction)\b|\bhow much of\b/.test(q)) return 'share';
  const unitAsked = UNITS[/\bhow many ([a-z]+)/.exec(q)?.[1] ?? ''];
  if (/\bhow (long|much time|soon)\b|^\s*when\b/.test(q) || DURATION_UNITS.has(unitAsked ?? '')) return 'duration';
  if (unitAsked === '$') return 'money';
  // "how many times" asks how often, a count of occasions, not a multiple.
  if (unitAsked && unitAsked !== '×') return { measure: unitAsked };
  if (/\bhow much\b|\bamount\b/.test(q)) return MONEY_ASKED.test(q) ? 'money' : 'amount';
  if (/\bhow (big|large)\b/.test(q)) return 'size';
  if (/\bhow many\b|\bnumber of\b/.test(q)) return 'count';
  return null;
}

/**
 * Whether a figure is an exact one of the kind asked for: "thousands" answers no "how many" as well as "4,000";
 * "how much" is answered by money or a measure, never by a time ("three months" is how long, not how much).
 */
export function fitsKind(figure: Pick<Figure, 'value' | 'unit'>, kind: FigureKind): boolean {
  if (figure.value === null) return false;
  const unit = figure.unit;
  if (typeof kind === 'object') return unit === kind.measure;
  if (kind === 'share') return unit === '%';
  if (kind === 'duration') return unit !== null && DURATION_UNITS.has(unit);
  if (kind === 'money') return unit === '$';
  if (kind === 'amount') return unit !== null && unit !== '%' && !DURATION_UNITS.has(unit);
  if (kind === 'size') return unit !== null && !DURATION_UNITS.has(unit);
  return unit === null;
}

/**
 * Words that say which kind of figure is asked ("how long", "what share of", "amount"), read by questionKind: they are how
 * people ask, not what a sheet writes beside its figure ("hiring took 18 months" never says "long").
 */
const KIND_WORDS = new RegExp(
  [
    String.raw`\bhow (?:long|soon|often|big|large|old|far)\b`,
    String.raw`\b(?:what|which) (?:percent|percentage|share|proportion|fraction)(?= of\b)`,
    String.raw`\bamount\b|\bnumber(?= of\b)`,
  ].join('|'),
  'gi',
);

/** Mentions ("@everyone", "<@123>") blanked out, in place: they are not words of what is sought. */
const withoutMentions = (query: string) => query.replace(/<[@#][!&]?\d+>|@\w+/g, (m) => ' '.repeat(m.length));

/** A month as members write it before a day ("aug 1", "july 9", "Sept. 30"), in any case. */
const MONTH_BEFORE = new RegExp(
  String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|` +
    String.raw`oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$`,
  'i',
);

/**
 * Whether a number of the query is the day of a month before it: "tariff rate from aug 1" asks for no amount of 1,
 * and a sentence stating "one" of anything does not answer it.
 */
function dayOfMonth(query: string, figure: Pick<Figure, 'value' | 'unit' | 'span'>): boolean {
  const { value, unit, span } = figure;
  return (
    unit === null &&
    Number.isInteger(value) &&
    value! >= 1 &&
    value! <= 31 &&
    MONTH_BEFORE.test(query.slice(0, span[0]))
  );
}

/** Splits a query into the amounts it names, the units it names, and the words left. */
export function analyseQuery(query: string): Analysed {
  const amounts = findFigures(query, 0, query.length).filter((f) => f.value !== null && !dayOfMonth(query, f));
  let rest = withoutMentions(query).replace(KIND_WORDS, (m) => ' '.repeat(m.length));
  for (const f of amounts) rest = rest.slice(0, f.span[0]) + ' '.repeat(f.span[1] - f.span[0]) + rest.slice(f.span[1]);
  const units = new Set<string>();
  const words: string[] = [];
  // The words keep their case: a word in capitals ("SPR") is a name's initials (search.ts, queryWords).
  for (const token of rest.match(/%|\$|[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []) {
    const unit = UNIT_WORDS[token.toLowerCase()];
    if (unit) units.add(unit);
    else words.push(token);
  }
  const found = amounts.map((f) => ({ value: f.value!, unit: f.unit }));
  return { amounts: found, units, words: words.join(' '), kind: questionKind(query), named: namesGiven(query) };
}

/** The stems of a question's words written capitalized, its first word aside (capitalized whatever it is). */
function namesGiven(query: string): Set<string> {
  const later = withoutMentions(query).split(/\s+/).filter(Boolean).slice(1);
  return new Set(later.filter((word) => /^\p{Lu}/u.test(word)).flatMap((word) => terms(word, { remember: false })));
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** Whether a figure states an amount a question names: its value (or upper value), in the unit named if any. */
const states = (figure: FigureFacts, amount: AmountAsked) =>
  figure.value !== null &&
  (sameValue(figure.value, amount.value) || (figure.valueMax !== null && sameValue(figure.valueMax, amount.value))) &&
  (amount.unit === null || figure.unit === amount.unit);

/** The statement a list item hangs from: the nearest one before it that is less indented or ends with ":". */
export function leadIn(section: Section, point: Point): Point | null {
  const points = section.lead ? [section.lead, ...section.points] : section.points;
  for (let i = points.indexOf(point) - 1; i >= 0; i--) {
    const before = points[i]!;
    if (before.depth < point.depth || before.text.trimEnd().endsWith(':')) return before;
    if (before.group !== point.group) break;
  }
  return section.lead === point ? null : section.lead;
}

/**
 * Groups figures by the sentence they stand in (figures arrive in document order), yielding after each
 * figure (a reload builds the library in slices: see steps.ts).
 */
export function* figureSentenceSteps(figures: FigureRef[]): Steps<IndexedSentence[]> {
  // Built here, so still growing: a sentence's figures and stems gather as its figures arrive.
  const sentences: Array<IndexedSentence & { figures: FigureRef[]; terms: Set<string> }> = [];
  // One set of stems per statement, section and document, shared by its sentences: the corpus has about
  // 34,000 sentences with figures, and copying a document's title stems into each cost about 90 MB.
  const shared = new Map<object, Set<string>>();
  const stemsOf = (owner: object, text: string) => {
    let set = shared.get(owner);
    if (!set) shared.set(owner, (set = new Set(terms(text))));
    return set;
  };
  for (const ref of figures) {
    yield;
    const last = sentences[sentences.length - 1];
    if (last && last.document === ref.document && last.span[0] === ref.figure.sentenceSpan[0]) {
      last.figures.push(ref);
      for (const term of terms(ref.figure.counts ?? '')) last.terms.add(term);
      continue;
    }
    const text = plainTextOf(ref.document, ref.document.text.slice(...ref.figure.sentenceSpan));
    const point = [ref.section.lead, ...ref.section.points].find((p) => p?.id === ref.figure.pointId);
    const lead = point && leadIn(ref.section, point);
    const referredText = point && referredSentence(ref.document, ref.section, point, ref.figure.sentenceSpan);
    const referred = referredText ? new Set(terms(referredText)) : undefined;
    sentences.push({
      document: ref.document,
      span: ref.figure.sentenceSpan,
      figures: [ref],
      terms: new Set([...terms(text), ...terms(ref.figure.counts ?? '')]),
      context: [
        ...(point ? [stemsOf(point, plainTextOf(ref.document, point.text))] : []),
        ...(lead ? [stemsOf(lead, plainTextOf(ref.document, lead.text))] : []),
        ...(referred ? [referred] : []),
        stemsOf(ref.section, ref.section.title),
        stemsOf(ref.document, ref.document.title),
      ],
      ...(referred ? { referred } : {}),
      key: text.toLowerCase(),
    });
  }
  return sentences;
}

/**
 * Every sentence of every statement, with or without figures: what a claim with no figure is checked
 * against. No words around it count: without a figure to compare, one sentence must say the claim itself.
 * Yields after each statement (see steps.ts).
 */
export function* statementSentenceSteps(statements: StatementRef[]): Steps<IndexedSentence[]> {
  const sentences: IndexedSentence[] = [];
  for (const { document, point } of statements) {
    for (const span of point.sentences) sentences.push(new StatementSentence(document, span));
    yield;
  }
  return sentences;
}

/**
 * /check's matcher read back from a saved library (saved-library.ts): the sentences of the same statements, each
 * with its document and span as saved (`placeOf`, by place: reading them from the statements would make every
 * document read back), its stems as saved (`termsOf`), and which sentences hold each word.
 */
export function savedSentenceFinder(
  count: number,
  placeOf: (i: number) => { document: Document; span: Span },
  words: TextIndex,
  termsOf: (i: number) => TermSet,
  postings: SentencePostingMap,
): SentenceFinder {
  const sentences: IndexedSentence[] = [];
  for (let i = 0; i < count; i++) {
    const { document, span } = placeOf(i);
    sentences.push(new StatementSentence(document, span, termsOf(i)));
  }
  return new SentenceFinder(sentences, words, postings);
}

const NO_FIGURES: readonly FigureRef[] = Object.freeze([]);
const NO_CONTEXT: ReadonlyArray<TermSet> = Object.freeze([]);

/**
 * A sentence of a statement, kept small: the corpus has about 85,000. Its key (read for the few sentences a
 * check quotes) is made again when read rather than kept: about 17 MB less.
 */
class StatementSentence implements IndexedSentence {
  readonly figures = NO_FIGURES;
  readonly context = NO_CONTEXT;
  readonly terms: TermSet;

  constructor(
    readonly document: Document,
    readonly span: Span,
    /** Its stems as saved; worked out from its text when not given. */
    saved?: TermSet,
  ) {
    this.terms = saved ?? new SortedTerms(terms(this.text()));
  }

  get key(): string {
    return this.text().toLowerCase();
  }

  private text(): string {
    return plainTextOf(this.document, this.document.text.slice(...this.span));
  }
}

/** /check's matcher over every sentence (a claim without figures), built in steps (see steps.ts). */
export function* sentenceFinderSteps(statements: StatementRef[], words: TextIndex): Steps<SentenceFinder> {
  const sentences = yield* statementSentenceSteps(statements);
  return new SentenceFinder(sentences, words, yield* sentencePostings(sentences));
}

/** Which sentences hold each term, built a sentence a step (see steps.ts). */
export function* sentencePostings(sentences: IndexedSentence[]): Steps<Map<string, number[]>> {
  return yield* wordPostings(sentences.map((sentence) => sentence.terms));
}

/** Which of the lists (by place) hold each word, once a list however often it holds it. */
function* wordPostings(lists: ReadonlyArray<Iterable<string>>): Steps<Map<string, number[]>> {
  const postings = new Map<string, number[]>();
  for (const [id, words] of lists.entries()) {
    for (const word of words) {
      const list = postings.get(word);
      if (!list) postings.set(word, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
    yield;
  }
  return postings;
}

/** Which sentences hold each word: built (a Map), or read back from a saved library (figure-sentence-table.ts). */
export type SentencePostingMap = Pick<ReadonlyMap<string, SentenceIds>, 'get'>;

export class SentenceFinder {
  constructor(
    readonly sentences: IndexedSentence[],
    /** The statement index: its vocabulary gives synonyms and typo corrections. */
    private readonly words: TextIndex,
    private readonly postings: SentencePostingMap = finish(sentencePostings(sentences)),
    /** The sentences with their context as weighted fields, for ranking /stat's answers (none for /check's). */
    private readonly ranking: ContextRanking | null = null,
    /** Which sentences hold each word around them (contextLists), when read back from a saved library. */
    private context: SentencePostingMap | null = null,
    /** The names initials stand for (acronyms.ts), when read back from a saved library. */
    private spelled: SpelledNames | null = null,
  ) {}

  /**
   * The query's words with initials no document writes ("UFCW") as the name the documents spell them out with and
   * never shorten ("United Food and Commercial Workers"), where they do: how members write a union or programme.
   */
  private withInitialsSpelledOut(words: string): string {
    return words
      .split(' ')
      .map((word) => this.nameSpelling(word) ?? word)
      .join(' ');
  }

  private nameSpelling(word: string): string | null {
    if (!INITIALS.test(word)) return null;
    const letters = word.toLowerCase();
    if (this.words.vocabulary.has(terms(letters, { remember: false })[0] ?? letters)) return null;
    return this.spelledNames().nameOf(letters);
  }

  /** The names initials stand for in the sentences' documents: made at the first initials asked, or given. */
  spelledNames(): SpelledNames {
    return (this.spelled ??= SpelledNames.of(new Set(this.sentences.map((sentence) => sentence.document))));
  }

  /** Which sentences hold each word by their own words: what the saved library keeps. */
  ownLists(): SentencePostingMap {
    return this.postings;
  }

  /**
   * `typing`: the last word may be cut short, as while someone types it (autocomplete); `ranking`: the ranking's
   * constants (the eval's cross-validation passes others).
   */
  find(
    query: string,
    { documentId, within, typing = false, ranking = STAT_RANKING }: Scope & FindOptions = {},
  ): FigureHit[] {
    const analysed = analyseQuery(query);
    const inScope = (s: IndexedSentence) =>
      (!documentId || s.document.id === documentId) && (!within || within(s.document));
    const groups = analysed.words ? this.words.expandQuery(this.withInitialsSpelledOut(analysed.words), typing) : [];
    let hits: Ranked[];
    if (analysed.amounts.length > 0)
      hits = this.byAmountThenWords(query, analysed, groups, inScope, { typing, ranking });
    else if (groups.length > 0) hits = this.byWords(groups, analysed, inScope, ranking);
    else if (analysed.units.size > 0) hits = this.byUnit(analysed.units, inScope);
    else return [];
    // Newer documents first at equal relevance (dates compared as YYYY-MM-DD, however they were written).
    const order = (a: Ranked, b: Ranked) =>
      Number(b.confident) - Number(a.confident) ||
      b.score - a.score ||
      newerFirst(a.sentence.document, b.sentence.document);
    hits.sort(order);
    if (analysed.amounts.length === 0 && this.doubtNeighbours(hits, groups, query, ranking)) hits.sort(order);
    return mergeNearSame(withoutExcessDoubt(mergeRepeats(hits)));
  }

  /**
   * The sentences stating the amounts asked, confident; then, for a question with words beside its amounts, the
   * closest by all its words, the amounts as written among them: a scale mistyped ("240 milion barrels"), a
   * figure the sheet mistypes or a number that names a thing ("988 hotline") finds no equal amount, and the
   * words still find the sentence. They fill the page after the amounts, never before, and are never confident.
   */
  private byAmountThenWords(
    query: string,
    analysed: Analysed,
    groups: Alternative[][],
    inScope: (s: IndexedSentence) => boolean,
    { typing, ranking }: Required<FindOptions>,
  ): Ranked[] {
    const hits: Ranked[] = this.byAmount(analysed, groups, inScope);
    if (groups.length === 0) return hits;
    const shown = new Set(hits.map((hit) => hit.sentence));
    const everyWord = this.words.expandQuery(withoutMentions(query), typing);
    for (const hit of this.byWords(everyWord, analysed, inScope, ranking))
      if (!shown.has(hit.sentence)) hits.push({ ...hit, confident: false });
    return hits;
  }

  /**
   * The confident first must be the thing asked (issue 18): confidence withdrawn from the first confident hits, one
   * after the other, while the first names another place or party where one is asked or lacks what a "how many"
   * question counts (contrast.ts), or writes the year asked only as "since" that year or gives its figures for
   * another year by their own time frame ("this year" in a 2022 sheet for 2021) or names a span of another length
   * than the one asked ("over the last four years" for "in the last year"), or counts another thing of the sort
   * counted ("five new national monuments" for "new national marine sanctuaries"), or, once one has been
   * withdrawn, holds no figure of the kind asked (as fuse() asks of the first). They stay shown, among the closest
   * figures. Whether any was withdrawn.
   */
  private doubtNeighbours(hits: Ranked[], groups: Alternative[][], query: string, ranking: StatRanking): boolean {
    const { mustHold, fusion } = ranking;
    const counted = mustHold.counted ? countedStems(query, (word) => terms(word, { remember: false })) : [];
    const countedGroups = groups.filter((group) => counted.includes(group[0]!.term));
    const lacksCounted = ({ terms: own }: IndexedSentence) =>
      countedGroups.length > 0 && !countedGroups.some((group) => group.some((a) => own.has(a.term)));
    let doubted = false;
    for (const hit of hits.slice(0, CHECKED_FOR_NEIGHBOURS)) {
      if (!hit.confident) break;
      const otherKind = doubted && fusion.kindMustFit && hit.fits === false;
      const { terms: own, context: around } = hit.sentence;
      const other =
        (mustHold.otherNamed && namesAnother(groups, own, () => this.phrasesOf(hit.sentence), this.sense)) ||
        (mustHold.rivals && namesRival(groups, { own, around }, () => this.paragraphWords(hit.sentence), this.slots));
      const otherYear =
        countsFromYear(hit.sentence, query) ||
        statedForAnotherYear(hit.bold, query) ||
        namesAnotherSpan(query, () =>
          plainTextOf(hit.sentence.document, hit.sentence.document.text.slice(...hit.sentence.span)),
        );
      const otherCounted = this.countsAnother(hit, countedGroups);
      if (!otherKind && !other && !lacksCounted(hit.sentence) && !otherYear && !otherCounted) break;
      hit.confident = false;
      doubted = true;
    }
    return doubted;
  }

  /**
   * Whether every figure shown counts another thing of the sort a "how many" question counts (`counted`: its
   * words in order): the words directly after it begin as the thing asked does, then name another where the
   * documents write the thing asked ("five new national monuments" for "how many new national marine
   * sanctuaries", where "national marine" is written), and none of the thing's words follows.
   */
  private countsAnother(hit: Ranked, counted: Alternative[][]): boolean {
    if (hit.bold.length === 0 || counted.length < 2) return false;
    const isCounted = (stem: string, group: Alternative[] | undefined) => !!group?.some((a) => a.term === stem);
    return hit.bold.every((ref) => {
      const words = countingWords(ref);
      let same = 0;
      while (same < words.length && isCounted(words[same]!, counted[same])) same++;
      if (same === 0 || same >= counted.length || same === words.length) return false;
      const asked = counted[same]!.some((a) => this.together(words[same - 1]!, a.term));
      return asked && !words.slice(same).some((stem) => counted.some((group) => isCounted(stem, group)));
    });
  }

  /**
   * The phrases of the paragraph or list item a sentence stands in, word by word (wordsOf): a sentence that names
   * no side may be followed by one naming its rival ("40 machines across points of entry. … 100 more at our
   * Southern border ports").
   */
  private paragraphWords(sentence: IndexedSentence): string[][] {
    const { document, span } = sentence;
    const from = Math.max(0, span[0] - PARAGRAPH_READ);
    const before = [...document.text.slice(from, span[0]).matchAll(BLOCK_START)].at(-1);
    const after = document.text.slice(span[1], span[1] + PARAGRAPH_READ).search(BLOCK_START);
    const paragraph: Span = [before ? from + before.index : from, span[1] + (after >= 0 ? after : PARAGRAPH_READ)];
    return this.wordsOf({ document, span: paragraph, figures: sentence.figures }, true);
  }

  /** A sentence's phrases (between commas, colons, dashes, brackets), each as its stems in order. */
  private phrasesOf(sentence: IndexedSentence): string[][] {
    const { document, span } = sentence;
    const text = plainTextOf(document, document.text.slice(...span));
    return text.split(PHRASE_BREAK).map((phrase) => terms(phrase, { remember: false }));
  }

  /**
   * A sentence's phrases word by word: each word's stem, or "" for a word that has none ("this", "of"), so that only
   * words side by side in the text stand together; `apartFromFigures`: its figures end phrases too, so that no word
   * of a figure ("trillion") stands before the word after it.
   */
  private wordsOf(
    sentence: Pick<IndexedSentence, 'document' | 'span' | 'figures'>,
    apartFromFigures = false,
  ): string[][] {
    const { document, span } = sentence;
    const cuts = apartFromFigures ? sentence.figures.map((ref) => ref.figure.span) : [];
    const pieces: string[] = [];
    let from = span[0];
    for (const [start, end] of cuts) {
      if (start < from || end > span[1]) continue;
      pieces.push(document.text.slice(from, start));
      from = end;
    }
    pieces.push(document.text.slice(from, span[1]));
    const phrases = pieces.flatMap((piece) => plainTextOf(document, piece).split(PHRASE_BREAK));
    const stemOf = (word: string) => terms(word, { remember: false }).join(' ');
    return phrases.map((phrase) => phrase.split(/\s+/).filter(Boolean).map(stemOf));
  }

  private readonly pairs = new Map<string, boolean>();

  /** Words side by side in the documents, and words in so many they name no side (contrast.ts, namesRival). */
  private readonly slots: SlotSense = {
    together: (first, second) => this.together(first, second),
    kindred: (first, second) => this.kindred(first, second),
    common: (term) => this.sense.common(term),
  };

  /**
   * Whether a sentence with figures has `first` directly before `second` in a phrase (contrast.ts, namesRival): read
   * from at most PAIR_READS sentences holding both, once a pair (a few pairs a question, asked only of a first
   * answer that lacks a word asked).
   */
  private together(first: string, second: string): boolean {
    const key = `${first} ${second}`;
    let found = this.pairs.get(key);
    if (found === undefined) {
      if (this.pairs.size >= PAIRS_KEPT) this.pairs.clear();
      this.pairs.set(key, (found = this.writtenTogether(first, second)));
    }
    return found;
  }

  /** Whether the documents write two stems each directly before one same word, not a common one (namesRival). */
  private kindred(first: string, second: string): boolean {
    const after = this.wordsAfter(first);
    return [...this.wordsAfter(second)].some((word) => after.has(word));
  }

  private readonly followers = new Map<string, Set<string>>();

  /** The words written directly after a stem in the first PAIR_READS sentences holding it, once a stem. */
  private wordsAfter(term: string): Set<string> {
    let found = this.followers.get(term);
    if (found) return found;
    if (this.followers.size >= PAIRS_KEPT) this.followers.clear();
    this.followers.set(term, (found = new Set()));
    const ids = this.postings.get(term) ?? [];
    for (let i = 0; i < ids.length && i < PAIR_READS; i++)
      for (const stems of this.wordsOf(this.sentences[ids[i]!]!, true))
        stems.forEach((stem, at) => {
          const next = stems[at + 1];
          if (stem === term && next && /^\p{L}/u.test(next) && !this.sense.common(next)) found.add(next);
        });
    return found;
  }

  private writtenTogether(first: string, second: string): boolean {
    const [a, b] = [this.postings.get(first) ?? [], this.postings.get(second) ?? []];
    const adjacent = (stems: string[]) => stems.some((stem, at) => stem === second && stems[at - 1] === first);
    let read = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length && read < PAIR_READS;) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else {
        if (this.wordsOf(this.sentences[a[i]!]!).some(adjacent)) return true;
        read++;
        i++;
        j++;
      }
    }
    return false;
  }

  /** Names, and names so common they are the documents' setting (SETTING_SHARE; contrast.ts). */
  private readonly sense: WordSense = {
    isName: (term) => this.words.isName(term),
    common: (term) => this.inMoreDocuments(term, SETTING_SHARE * this.documentCount()),
  };

  private byAmount(analysed: Analysed, groups: Alternative[][], inScope: (s: IndexedSentence) => boolean) {
    const hits = [];
    const asked = this.asked(groups);
    for (const id of this.amountIndex().sentencesStating(analysed.amounts.map((a) => a.value))) {
      const sentence = this.sentences[id]!;
      if (!inScope(sentence)) continue;
      const figures = this.figuresOf(sentence);
      const bold = figures.filter((figure) => analysed.amounts.some((amount) => states(figure, amount)));
      if (bold.length === 0) continue;
      // A sentence holding only some of the amounts asked gives another figure beside them: "a 60-year old making
      // $60,000" for "a 40 year old making 60k". Shown, never confident.
      const confident = analysed.amounts.every((amount) => figures.some((figure) => states(figure, amount)));
      // Ranked as by words, the share of the words held first: the amount places what is asked, the words say what.
      const { coverage, score } = asked.score(sentence);
      hits.push({ sentence, bold: refsOf(bold), score: coverage * COVERAGE_RANK + score, confident });
    }
    return hits;
  }

  private byWords(
    groups: Alternative[][],
    { units, kind, named }: Analysed,
    inScope: (s: IndexedSentence) => boolean,
    { fusion, mustHold, lifts }: StatRanking,
  ) {
    const weighed = this.weighCandidates(groups, units, inScope, mustHold, named);
    const ids = weighed.map((w) => w.id);
    const ranked = this.ranking?.scoresWithPlain(groups, ids, PLAIN_FIELDS);
    const hits = weighed.map(({ sentence, found, withUnit, coverage, score, confident }, at) => {
      const labelled = withUnit.filter((f) => f.countTerms.some((t) => found.has(t)));
      const fitting = kind ? withUnit.filter((f) => fitsKind(f, kind)) : [];
      const chosen = preferred(labelled, fitting, withUnit, kind);
      const fits = kind ? chosen.some((f) => fitsKind(f, kind)) : null;
      const bold = refsOf(chosen);
      const bonus = (labelled.length > 0 ? lifts.counted : 0) + (fits ? lifts.kind : 0);
      const context = (ranked ? ranked.all[at]! : score) + bonus;
      return { sentence, bold, score: coverage * COVERAGE_RANK + context, confident, fits };
    });
    return ranked ? fuse(hits, ranked.plain, fusion) : hits;
  }

  /**
   * The candidates worth ranking, with what they hold of the words: every confident one (and repeats of them
   * elsewhere, listed as "also in"), and the RANKED_CLOSEST best covered of the rest, which fill the first page
   * or stand as the closest figures. Ranking is the costly part, so it is left to these.
   */
  private weighCandidates(
    groups: Alternative[][],
    units: Set<string>,
    inScope: (s: IndexedSentence) => boolean,
    mustHold: MustHold,
    named: ReadonlySet<string>,
  ) {
    const weighed = this.weighAll(groups, units, inScope, mustHold, named);
    const answering = new Set(weighed.filter((w) => w.confident).map((w) => keyOf(w.sentence)));
    const rest = weighed.filter((w) => !answering.has(keyOf(w.sentence)));
    rest.sort((a, b) => b.coverage - a.coverage || b.score - a.score);
    const closest = new Set(rest.slice(0, RANKED_CLOSEST));
    return weighed.filter((w) => answering.has(keyOf(w.sentence)) || closest.has(w));
  }

  /**
   * Every sentence /stat weighs for a query (coverage at least MIN_CLOSEST_COVERAGE), confident or not, one a
   * document: what /trend reads past the confident answers. Best covered first; none for a query of amounts only.
   * Everyday words stand for the sheets' as in a claim, each sheet's word the sentence holds found ("covid shots":
   * "vaccine doses" holds both vaccines and doses).
   */
  everyCandidate(query: string, { documentId, within }: Scope = {}): FigureCandidate[] {
    const analysed = analyseQuery(query);
    const groups = analysed.words ? this.words.expandQuery(analysed.words) : [];
    if (groups.length === 0) return [];
    const inScope = (s: IndexedSentence) =>
      (!documentId || s.document.id === documentId) && (!within || within(s.document));
    const weighed = this.weighAll(withEverydayWords(groups), analysed.units, inScope);
    weighed.sort((a, b) => b.coverage - a.coverage || b.score - a.score);
    const sheetWords = groups.flatMap((group) => group.flatMap(({ term }) => sheetWordsFor(term)));
    return weighed.map(({ sentence, found, withUnit, coverage }) => ({
      sentence,
      figures: refsOf(withUnit),
      coverage,
      found: new Set([...found, ...sheetWords.filter((t) => sentence.terms.has(t))]),
      kind: analysed.kind,
    }));
  }

  /** The sentences holding enough of the words, with the figures of the units asked for (any when none is). */
  private weighAll(
    groups: Alternative[][],
    units: Set<string>,
    inScope: (s: IndexedSentence) => boolean,
    mustHold: MustHold = MUST_HOLD,
    named: ReadonlySet<string> = new Set(),
  ) {
    const asked = this.asked(groups);
    const specific = this.specificWords(groups, mustHold, named);
    const weighed = [];
    for (const id of this.candidateIds(groups, MIN_CLOSEST_COVERAGE, inScope)) {
      const sentence = this.sentences[id]!;
      const { score, coverage, held, terms: found } = asked.score(sentence);
      if (coverage < MIN_CLOSEST_COVERAGE) continue;
      // One or two words are all meant: "egg prices" is not answered by "egg processing plants".
      const confident =
        coverage >= MIN_COVERAGE &&
        (groups.length > 2 || held === groups.length) &&
        specific.every((g) => holdsSpecific(groups[g]!, found, sentence));
      const figures = this.figuresOf(sentence);
      const withUnit = units.size > 0 ? figures.filter((f) => units.has(f.unit ?? '')) : figures;
      if (withUnit.length > 0) weighed.push({ id, sentence, found, withUnit, coverage, score, confident });
    }
    return weighed;
  }

  /**
   * The words (their places in `groups`) a confident answer must hold, in the sentence or around it: a year, or
   * a name the documents write ("Asia", "Nevada") that is not their common setting (the country most of them
   * speak of). A sentence without it gives the figure for another year or place: "lost to fraud in 2023" is not
   * answered by "In 2024, … lost $12.5 billion to fraud", nor "exports to Asia" by "half … went to Europe".
   */
  private specificWords(groups: Alternative[][], mustHold: MustHold, named: ReadonlySet<string>): number[] {
    const specific = (group: Alternative[]) => {
      const { term } = group[0]!;
      if (YEAR.test(term)) return mustHold.years;
      // A word no document writes, with nothing it may stand for, names what no sentence speaks of; written
      // capitalized, it is a name the question gives ("exports to Asia" where no sheet names Asia).
      if (group.length === 1 && !this.words.vocabulary.has(term) && !this.contextPostings(term).length)
        return mustHold.unknownWords || (mustHold.names && named.has(term));
      const name = this.words.isName(term) && !this.inMoreDocuments(term, SETTING_SHARE * this.documentCount());
      return name && mustHold.names;
    };
    return groups.flatMap((group, g) => (specific(group) ? [g] : []));
  }

  private documentTotal: number | null = null;

  /** How many documents state figures. */
  private documentCount(): number {
    return (this.documentTotal ??= new Set(this.sentences.map((sentence) => sentence.document)).size);
  }

  /**
   * Whether more than `most` documents have a sentence with figures holding the term, counted along its
   * postings (a document's sentences are side by side) and stopped once over.
   */
  private inMoreDocuments(term: string, most: number): boolean {
    let count = 0;
    let last: Document | null = null;
    for (const id of this.postings.get(term) ?? []) {
      const { document } = this.sentences[id]!;
      if (document === last) continue;
      last = document;
      if (++count > most) return true;
    }
    return false;
  }

  /** Every sentence that may hold at least `min` of the words, in document order (figure-candidates.ts). */
  private candidates(
    groups: Alternative[][],
    min: number,
    inScope?: (s: IndexedSentence) => boolean,
  ): IndexedSentence[] {
    return this.candidateIds(groups, min, inScope).map((id) => this.sentences[id]!);
  }

  private candidateIds(groups: Alternative[][], min: number, inScope?: (s: IndexedSentence) => boolean): number[] {
    const rarity = groups.map((group) => this.rarity(group[0]!.term));
    const scope = inScope && ((id: number) => inScope(this.sentences[id]!));
    return candidateIds(groups, rarity, this.drawnFrom, min, scope);
  }

  /** The postings as the candidates are drawn from them. */
  private readonly drawnFrom: SentencePostings = {
    count: () => this.sentences.length,
    own: (term) => this.postings.get(term),
    around: (term) => this.contextPostings(term),
  };

  /** Whether the documents write a stem as a common word: they write it, and not as a name (nearly always capitalized). */
  isCommonWord(term: string): boolean {
    return this.words.vocabulary.has(term) && !this.words.isName(term);
  }

  /**
   * A claim's words, each with its synonyms, as they are matched. No typo corrections: a claim names things
   * the documents never speak of ("Netflix", "Apple"), and a near word of theirs is no evidence.
   */
  expand(words: string): Alternative[][] {
    if (!words.trim()) return [];
    return this.words.expandQuery(words).map((group) => group.filter((alternative) => alternative.kind !== 'typo'));
  }

  /**
   * Sentences that hold at least `min` of the words, rarity-weighted as /stat's answers are, best first: the
   * sentences that speak of what the words speak of.
   */
  covering(groups: Alternative[][], documentId?: string, min = MIN_COVERAGE): Covering[] {
    const found: Covering[] = [];
    const inDocument = documentId ? (s: IndexedSentence) => s.document.id === documentId : undefined;
    const asked = this.asked(groups);
    for (const sentence of this.candidates(groups, min, inDocument)) {
      const { coverage, held } = asked.score(sentence);
      if (coverage >= min) found.push({ sentence, coverage, held });
    }
    return found.sort((a, b) => b.coverage - a.coverage || newerFirst(a.sentence.document, b.sentence.document));
  }

  /** The rarity-weighted share of the words that a sentence or its context holds, as `covering` weighs it. */
  coverage(groups: Alternative[][], sentence: IndexedSentence): number {
    return this.asked(groups).score(sentence).coverage;
  }

  /** The rarity-weighted share of the words that `terms` holds (a synonym or correction counts less). */
  share(groups: Alternative[][], terms: TermSet): number {
    return this.asked(groups).score({ terms, context: NO_CONTEXT }).coverage;
  }

  private byUnit(units: Set<string>, inScope: (s: IndexedSentence) => boolean) {
    return this.sentences
      .filter(inScope)
      .map((sentence) => ({
        sentence,
        bold: refsOf(this.figuresOf(sentence).filter((f) => units.has(f.unit ?? ''))),
        score: 0,
        confident: true,
      }))
      .filter((hit) => hit.bold.length > 0);
  }

  /**
   * A sentence's figures with what a lookup weighs of them: for a sentence read back, from the saved tables, so
   * that weighing it makes no document (only the answers shown are read whole); else from its figures.
   */
  private figuresOf(sentence: IndexedSentence): WeighedFigure[] {
    // The saved facts first: a read-back sentence's `figures` is a fresh list each time it is read.
    const { saved } = sentence;
    if (saved) return saved.figures();
    return sentence.figures.map((ref) => {
      const { value, valueMax, unit } = ref.figure;
      return { ref, value, valueMax, unit, countTerms: this.countTerms(ref) };
    });
  }

  private amounts: AmountIndex | null = null;

  /** The sentences by the values they state: built at the first question naming an amount. */
  private amountIndex(): AmountIndex {
    const valuesOf = (id: number) => {
      const { saved, figures } = this.sentences[id]!;
      return (saved ? saved.figures() : figures.map((ref) => ref.figure)).flatMap((f) => [f.value, f.valueMax]);
    };
    return (this.amounts ??= AmountIndex.of(this.sentences.length, valuesOf));
  }

  private readonly countTermsOf = new WeakMap<FigureRef, string[]>();

  /** The words of what a figure counts, worked out once a figure: every lookup that finds its sentence asks. */
  private countTerms(ref: FigureRef): string[] {
    let found = this.countTermsOf.get(ref);
    if (!found) this.countTermsOf.set(ref, (found = terms(ref.figure.counts ?? '')));
    return found;
  }

  /** How telling a word is: rare words say more about what is sought; unknown words say the most. */
  private rarity(term: string): number {
    const holding = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + this.sentences.length / (holding + 1));
  }

  /** Sentences whose context holds a word their own text lacks (for a question that names the document). */
  private contextPostings(term: string): SentenceIds {
    return this.contextLists().get(term) ?? [];
  }

  /** Which sentences hold each word around them: built at the first question that needs it, or given. */
  contextLists(): SentencePostingMap {
    // Most lookups find their words in sentences.
    const around = () => this.sentences.map(({ context }) => context.flatMap((set) => [...set]));
    return (this.context ??= finish(wordPostings(around())));
  }

  /** The words of a lookup, ready to weigh sentences against. */
  private asked(groups: Alternative[][]): WordsAsked {
    return new WordsAsked(groups, (term) => this.rarity(term));
  }
}

/**
 * The figures to bold: those counting what was asked and of the kind asked for; else, for a unit the question
 * names by its wording (a share, an amount, a duration), those of that unit before those counting the words
 * (a plain count is what most figures are, so there what they count decides); else any of them.
 */
function preferred<F>(labelled: readonly F[], fitting: readonly F[], all: readonly F[], kind: FigureKind | null): F[] {
  const both = labelled.filter((f) => fitting.includes(f));
  const order = kind === 'count' ? [both, labelled, fitting] : [both, fitting, labelled];
  // A copy: a hit's figures are its own, never the sentence's list.
  return [...(order.find((list) => list.length > 0) ?? all)];
}

/** Whether a question asks from a year on ("removed since 2010"). */
const asksSince = (query: string, year: string) => new RegExp(String.raw`\bsince ${year}\b`, 'i').test(query);

/**
 * Whether a sentence writes a year the question asks only as the start of a count ("more than in every fiscal year
 * since 2010" for "removed in fiscal year 2010"), where the question does not count from it: its figure is not
 * that year's.
 */
function countsFromYear(sentence: IndexedSentence, query: string): boolean {
  const years = query.match(YEAR_IN_TEXT);
  // Read the sentence only for a question naming a year: a saved document's body is made when first read.
  if (!years) return false;
  const text = plainTextOf(sentence.document, sentence.document.text.slice(...sentence.span));
  return years.some((year) => {
    if (asksSince(query, year)) return false;
    const written = text.match(new RegExp(String.raw`\b(?:since )?${year}\b`, 'gi')) ?? [];
    return written.length > 0 && written.every((at) => /^since/i.test(at));
  });
}

/** "this year", "last fiscal year": a year a time frame names by where it stands, from its sheet's year. */
const YEAR_BY_PLACE = /\b(this|last|past|previous|next)\s+(?:(?:fiscal|calendar)\s+)?year\b/i;
const YEAR_STEP = new Map([
  ['this', 0],
  ['last', -1],
  ['past', -1],
  ['previous', -1],
  ['next', 1],
]);

/** The years a figure's own time frame names ("in 2022", "this year" in a 2022 sheet); null when it names none. */
function yearsOf(ref: FigureRef): number[] | null {
  const { timeframe } = ref.figure;
  if (!timeframe) return null;
  const written = timeframe.match(YEAR_IN_TEXT);
  if (written) return written.map(Number);
  const place = YEAR_BY_PLACE.exec(timeframe);
  const sheetYear = Number(documentDate(ref.document)?.slice(0, 4));
  if (!place || !sheetYear) return null;
  return [sheetYear + YEAR_STEP.get(place[1]!.toLowerCase())!];
}

/**
 * Whether the figures a sentence gives for a question naming a year are each stated for another year by their own
 * time frame: "acres at risk from wildfire this year, and the number of acres burned in 2021 is the highest on
 * record" (a 2022 sheet) gives no figure for 2021, though it writes the year. A figure with no time frame may be
 * for any year.
 */
function statedForAnotherYear(bold: readonly FigureRef[], query: string): boolean {
  // A year asked as where a span starts ("since 2010") is not the year of one figure.
  const asked = (query.match(YEAR_IN_TEXT) ?? []).filter((year) => !asksSince(query, year));
  if (asked.length === 0 || bold.length === 0) return false;
  return bold.every((ref) => {
    const years = yearsOf(ref);
    return years !== null && !years.some((year) => asked.includes(String(year)));
  });
}

/** The stems of the words directly after a figure, up to WORDS_AFTER and the first that has none ("in", "to"). */
function countingWords({ document, figure }: FigureRef): string[] {
  const after = plainTextOf(document, document.text.slice(figure.span[1], figure.span[1] + WORDS_AFTER_READ));
  const words: string[] = [];
  for (const word of after.split(PHRASE_BREAK)[0]!.split(/\s+/).filter(Boolean)) {
    const stems = terms(word, { remember: false });
    if (stems.length === 0 || words.length >= WORDS_AFTER) break;
    words.push(...stems);
  }
  return words;
}

/**
 * Whether a sentence holds a word it must hold (found among the words it holds), or a word that begins with
 * it or that it begins ("Indonesian" for "Indonesia", in the sentence or around it).
 */
function holdsSpecific(group: Alternative[], found: ReadonlySet<string>, sentence: IndexedSentence): boolean {
  if (group.some((alternative) => found.has(alternative.term))) return true;
  const { term } = group[0]!;
  if (term.length < MIN_NAME_PART) return false;
  const related = (stem: string) => stem.length >= MIN_NAME_PART && (stem.startsWith(term) || term.startsWith(stem));
  return [sentence.terms, ...sentence.context].some((stems) => [...stems].some(related));
}

/** How a lookup reads the query and ranks its answers. */
export interface FindOptions {
  typing?: boolean;
  ranking?: StatRanking;
}

/** A sentence found for a lookup, before repeats are merged. */
interface Ranked {
  sentence: IndexedSentence;
  bold: FigureRef[];
  score: number;
  confident: boolean;
  /** A figure it bolds is of the kind asked; null when the question names none (stat-fusion.ts). */
  fits?: boolean | null;
}

/**
 * Confident hits, then the closest ones until the first page is full (the ranking may be wrong about which
 * sentence answers); when none is confident, the first MAX_CLOSEST closest ones (confident hits come first).
 */
function withoutExcessDoubt(hits: FigureHit[]): FigureHit[] {
  if (!hits[0]?.confident) return hits.slice(0, MAX_CLOSEST);
  const confident = hits.filter((hit) => hit.confident);
  return [...confident, ...hits.filter((hit) => !hit.confident).slice(0, Math.max(0, FIRST_PAGE - confident.length))];
}

/**
 * The same sentence in several documents is one hit, listing the others; so is a near-identical one (the same
 * figures, nearly the same words: near-same.ts) among those shown.
 */
function mergeRepeats(hits: Ranked[]): FigureHit[] {
  const byKey = new Map<string, FigureHit>();
  const out: FigureHit[] = [];
  for (const { sentence, bold, confident } of hits) {
    const seen = byKey.get(keyOf(sentence));
    if (seen) {
      alsoIn(seen, sentence.document);
      continue;
    }
    const hit = { sentence, bold, alsoIn: [], confident };
    byKey.set(keyOf(sentence), hit);
    out.push(hit);
  }
  return out;
}

/** Near-identical hits folded into the first of them, "also in" the other's document. */
function mergeNearSame(hits: FigureHit[]): FigureHit[] {
  const shape = ({ sentence }: FigureHit): Shape => ({
    key: keyOf(sentence),
    numbers: sentence.saved?.numbers ?? figureNumbers(sentence.figures),
    words: sentence.terms,
  });
  return foldNearSame(hits, shape, (kept, repeat) => {
    alsoIn(kept, repeat.sentence.document);
    for (const other of repeat.alsoIn) alsoIn(kept, other);
  });
}

const refsOf = (figures: readonly WeighedFigure[]): FigureRef[] => figures.map((f) => f.ref);

function alsoIn(hit: FigureHit, document: Document): void {
  if (hit.sentence.document !== document && !hit.alsoIn.includes(document)) hit.alsoIn.push(document);
}
