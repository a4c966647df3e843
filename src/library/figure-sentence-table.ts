// /stat's figure sentences and the postings of their words in flat form, for the saved library
// (saved-library.ts): each sentence's figures as a run of the library's figures, its stems and the stem sets
// around it (shared by owner, as built) as numbers into one word list, end to end in typed arrays. Read back,
// a sentence is a small view reading its table; its key is made again when read, as StatementSentence's is.
import { plainTextOf } from '../document/formats/index.js';
import type { Document, Span } from '../document/types.js';
import type { IndexedSentence, SavedFacts, TermSet, WeighedFigure } from './figure-search.js';
import type { Flat, Joined } from './flat-file.js';
import type { FigureRef } from './refs.js';
import { joinTerms, splitTerms, terms } from './search.js';
import { PackedTerms, type WordTable } from './statement-words.js';
import { TermPlaces } from './term-places.js';

export interface FlatSentences extends FlatSets {
  /** Sentence i's figures: the library's figures from figureStart[i] up to figureStart[i + 1]. */
  figureStart: Int32Array;
  /** Sentence i's own stems are set i; its context the sets contextSets[contextStart[i] .. contextStart[i + 1]]. */
  contextStart: Int32Array;
  contextSets: Int32Array;
  /** The set of the sentence it refers back to (-1: none). */
  referred: Int32Array;
  /** Sentence i's key and its figures' numbers as numbers: equal texts (equal numbers), equal numbers. */
  keyIds: Int32Array;
  numberIds: Int32Array;
  /** The library's figure j: its value and upper value at 2j and 2j + 1 (NaN: none), its unit (-1: none). */
  figureValues: Float64Array;
  figureUnits: Int32Array;
  units: Joined;
  /** The set of the words of what figure j counts. */
  countSets: Int32Array;
}

/** Word sets in flat form: the words, and each set's word numbers, sorted, end to end. */
export interface FlatSets {
  [key: string]: Flat;
  words: Joined;
  setStart: Int32Array;
  setWords: Uint16Array | Int32Array;
}

/** The word list and the sets, as a sentence reads them. */
interface Table {
  readonly flat: FlatSets;
  readonly words: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /**
   * Each set once read, the same object each time: a context set is shared by many sentences, and what is
   * worked out about one (claim-parties.ts remembers names by set) must hold for all of them.
   */
  readonly read: Array<PackedTerms | undefined>;
  /** The sets' word numbers as the statements' word table reads them. */
  readonly packed: WordTable;
}

function tableOf(flat: FlatSets): Table {
  const words = splitTerms(flat.words);
  const idOf = new Map<string, number>();
  words.forEach((word, id) => idOf.set(word, id));
  return { flat, words, idOf, read: [], packed: { ids: flat.setWords, termOf: words, idOf } };
}

const setOf = (table: Table, s: number) =>
  (table.read[s] ??= new PackedTerms(table.packed, table.flat.setStart[s]!, table.flat.setStart[s + 1]!));

/** A figure sentence read back: what it holds is read off the table when asked for. */
class TableSentence implements IndexedSentence {
  constructor(
    private readonly table: Table & { flat: FlatSentences; units: readonly string[] },
    private readonly figureRefs: readonly FigureRef[],
    private readonly i: number,
  ) {}

  get figures(): readonly FigureRef[] {
    const { figureStart } = this.table.flat;
    return this.figureRefs.slice(figureStart[this.i], figureStart[this.i + 1]);
  }

  get document(): Document {
    return this.figureRefs[this.table.flat.figureStart[this.i]!]!.document;
  }

  get span(): Span {
    return this.figureRefs[this.table.flat.figureStart[this.i]!]!.figure.sentenceSpan;
  }

  get terms(): TermSet {
    return setOf(this.table, this.i);
  }

  get context(): TermSet[] {
    const { contextStart, contextSets } = this.table.flat;
    const sets: TermSet[] = [];
    for (let c = contextStart[this.i]!; c < contextStart[this.i + 1]!; c++)
      sets.push(setOf(this.table, contextSets[c]!));
    return sets;
  }

  get referred(): TermSet | undefined {
    const s = this.table.flat.referred[this.i]!;
    return s < 0 ? undefined : setOf(this.table, s);
  }

  get key(): string {
    return plainTextOf(this.document, this.document.text.slice(...this.span)).toLowerCase();
  }

  get saved(): SavedFacts {
    const { keyIds, numberIds } = this.table.flat;
    // A NUL first, as a statement's shape is keyed (statement-words.ts): no reader's text is taken for a number.
    return { key: `\u0000${keyIds[this.i]}`, numbers: `\u0000${numberIds[this.i]}`, figures: () => this.facts() };
  }

  private facts(): WeighedFigure[] {
    const { flat } = this.table;
    const facts: WeighedFigure[] = [];
    for (let j = flat.figureStart[this.i]!; j < flat.figureStart[this.i + 1]!; j++) {
      const [value, valueMax] = [flat.figureValues[2 * j]!, flat.figureValues[2 * j + 1]!];
      facts.push({
        value: Number.isNaN(value) ? null : value,
        valueMax: Number.isNaN(valueMax) ? null : valueMax,
        unit: this.table.units[flat.figureUnits[j]!] ?? null,
        countTerms: this.countTerms(flat.countSets[j]!),
        ref: this.figureRefs[j]!,
      });
    }
    return facts;
  }

  private countTerms(set: number): string[] {
    const { flat, words } = this.table;
    const found: string[] = [];
    for (let w = flat.setStart[set]!; w < flat.setStart[set + 1]!; w++) found.push(words[flat.setWords[w]!]!);
    return found;
  }
}

/** The sentences read back, over the library's figures (the same, in the same order, as when saved). */
export function sentencesFromFlat(flat: FlatSentences, figures: readonly FigureRef[]): IndexedSentence[] {
  const fits =
    flat.keyIds?.length === flat.referred.length &&
    flat.numberIds?.length === flat.referred.length &&
    flat.figureValues?.length === 2 * figures.length &&
    flat.figureUnits?.length === figures.length &&
    flat.countSets?.length === figures.length;
  if (!fits) throw new Error('its figure sentences are not of these figures');
  const table = { ...tableOf(flat), flat, units: splitTerms(flat.units) };
  const sentences: IndexedSentence[] = [];
  for (let i = 0; i < flat.referred.length; i++) sentences.push(new TableSentence(table, figures, i));
  return sentences;
}

/** Numbers every word and every distinct set (the sentences' own sets first, one a sentence). */
class TableWriter {
  readonly words = new Map<string, number>();
  readonly sets = new Map<Iterable<string>, number>();
  readonly setStart = [0];
  readonly setWords: number[] = [];

  set(terms: Iterable<string>, own = false): number {
    const known = own ? undefined : this.sets.get(terms);
    if (known !== undefined) return known;
    const ids = [...terms].map((word) => this.words.get(word) ?? this.words.set(word, this.words.size).size - 1);
    this.setWords.push(...ids.sort((a, b) => a - b));
    this.setStart.push(this.setWords.length);
    if (!own) this.sets.set(terms, this.setStart.length - 2);
    return this.setStart.length - 2;
  }

  toFlat(): FlatSets {
    const words = [...this.words.keys()];
    return {
      words: joinTerms(words),
      setStart: Int32Array.from(this.setStart),
      setWords: words.length <= 0x10000 ? Uint16Array.from(this.setWords) : Int32Array.from(this.setWords),
    };
  }
}

/** Each sentence's own stems as sets, in flat form: /check's every-sentence matcher. */
export function flatTermSets(sentences: readonly IndexedSentence[]): FlatSets {
  const writer = new TableWriter();
  for (const sentence of sentences) writer.set(sentence.terms, true);
  return writer.toFlat();
}

/** The sets read back: the i-th sentence's stems. */
export function termSetsFromFlat(flat: FlatSets): (i: number) => TermSet {
  const table = tableOf(flat);
  return (i) => setOf(table, i);
}

/** The sentences in flat form; `figures` are the library's, which each sentence's figures are a run of. */
export function flatSentences(sentences: readonly IndexedSentence[], figures: readonly FigureRef[]): FlatSentences {
  const place = new Map<FigureRef, number>();
  figures.forEach((ref, i) => place.set(ref, i));
  const writer = new TableWriter();
  sentences.forEach((sentence) => writer.set(sentence.terms, true));
  const [contextStart, contextSets, referred] = [[0], new Array<number>(), new Array<number>()];
  for (const sentence of sentences) {
    for (const set of sentence.context) contextSets.push(writer.set(set));
    contextStart.push(contextSets.length);
    referred.push(sentence.referred ? writer.set(sentence.referred) : -1);
  }
  const facts = flatFigureFacts(figures, writer);
  return {
    ...writer.toFlat(),
    figureStart: Int32Array.from([...sentences.map((s) => place.get(s.figures[0]!)!), figures.length]),
    contextStart: Int32Array.from(contextStart),
    contextSets: Int32Array.from(contextSets),
    referred: Int32Array.from(referred),
    keyIds: numbered(sentences.map((s) => s.key)),
    numberIds: numbered(sentences.map((s) => figureNumbers(s.figures))),
    ...facts,
  };
}

/** Each text's number, the same for equal texts. */
function numbered(texts: readonly string[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(texts, (text) => ids.get(text) ?? ids.set(text, ids.size).get(text)!);
}

/** The numbers a sentence's figures state, in order: what tells near-same sentences apart (figure-search.ts). */
export const figureNumbers = (figures: readonly FigureRef[]): string =>
  figures
    .map(({ figure }) => `${figure.value ?? figure.text} ${figure.unit ?? ''}`)
    .sort()
    .join(';');

/** What a lookup weighs of each figure, by its place in the library's figures (what it counts: a word set). */
function flatFigureFacts(figures: readonly FigureRef[], writer: TableWriter) {
  const figureValues = new Float64Array(figures.length * 2);
  const [figureUnits, countSets] = [new Int32Array(figures.length), new Int32Array(figures.length)];
  const units = new Map<string, number>();
  figures.forEach(({ figure }, j) => {
    figureValues[2 * j] = figure.value ?? NaN;
    figureValues[2 * j + 1] = figure.valueMax ?? NaN;
    figureUnits[j] =
      figure.unit === null ? -1 : (units.get(figure.unit) ?? units.set(figure.unit, units.size).get(figure.unit)!);
    countSets[j] = writer.set(terms(figure.counts ?? ''), true);
  });
  return { figureValues, figureUnits, countSets, units: joinTerms([...units.keys()]) };
}

/** Which sentences hold each word, flat: the words sorted and joined, their sentence ids end to end. */
export interface FlatIdLists {
  [key: string]: Flat;
  words: Joined;
  starts: Int32Array;
  ids: Int32Array;
}

/** The postings read back: a word's sentences a view made when asked for. */
export class IdLists {
  /** Each word's place, found in the saved words where they lie (no string a word). */
  private readonly place: TermPlaces;

  constructor(private readonly flat: FlatIdLists) {
    this.place = new TermPlaces(flat.words.text);
    if (this.place.size !== flat.starts.length - 1) throw new Error('its postings do not fit their words');
  }

  get(word: string): Int32Array | undefined {
    const i = this.place.indexOf(word);
    return i < 0 ? undefined : this.flat.ids.subarray(this.flat.starts[i], this.flat.starts[i + 1]);
  }
}

export function flatIdLists(lists: ReadonlyMap<string, readonly number[]>): FlatIdLists {
  const words = [...lists.keys()];
  const starts = new Int32Array(words.length + 1);
  words.forEach((word, i) => (starts[i + 1] = starts[i]! + lists.get(word)!.length));
  const ids = new Int32Array(starts[words.length]!);
  words.forEach((word, i) => ids.set(lists.get(word)!, starts[i]));
  return { words: joinTerms(words), starts, ids };
}
