// /stat's ranking: BM25 over each figure sentence and its context as weighted fields (docs/quality.md). What
// only the sentence has (its words, the rest of its statement) is indexed by sentence; what many sentences
// share (their list's lead-in, section heading, document title) is indexed once by its owner, each sentence
// pointing at its owners. Statistics count sentences, as if each held its owners' words: the scores are those
// of copying the shared fields into every sentence, without the copies (about 50 MB on the corpus). Only a
// lookup's candidates are scored, never every sentence holding a common title word.
import type { Flat } from './flat-file.js';
import {
  bm25,
  bm25Idf,
  countsFromFlat,
  FieldIndex,
  flatCounts,
  terms,
  type Alternative,
  type FlatCounts,
  type FlatField,
} from './search.js';
import { finish } from './steps.js';

/** A field of every sentence: its own text, or text an owner shares with other sentences. */
/** The ranking in flat form: each field's index and owners, and the sentences holding each word. */
export interface FlatRanking {
  [key: string]: Flat;
  sentenceCount: number;
  holders: FlatCounts;
  fields: Array<{
    [key: string]: Flat;
    index: FlatField;
    ownerOf: Int32Array | null;
    sentences: Int32Array | null;
    entries: number;
    totalLength: number;
  }>;
}

interface Field {
  weight: number;
  index: FieldIndex;
  /** For a shared field, each sentence's owner (-1: none) and how many sentences each owner has. */
  shared: { ownerOf: number[] | Int32Array; sentences: number[] | Int32Array; owners: Map<object, number> } | null;
  /** Sentences with some text in this field, and those texts' lengths summed (counted once a sentence). */
  entries: number;
  totalLength: number;
}

/** A field's value for one sentence: its text, or (shared) its owner and the owner's text. */
export type FieldValue = string | { owner: object; text: string } | null;

export class ContextRanking {
  private readonly fields: Field[];
  private holdersOf: Map<string, number> | null = null;
  private sentenceCount = 0;

  constructor(fields: Array<{ weight: number; shared: boolean }>) {
    this.fields = fields.map(({ weight, shared }) => ({
      weight,
      index: new FieldIndex(),
      shared: shared ? { ownerOf: [], sentences: [], owners: new Map() } : null,
      entries: 0,
      totalLength: 0,
    }));
  }

  /** Adds the next sentence (ids ascend from 0), its value for each field in the constructor's order. */
  add(values: FieldValue[]): void {
    const id = this.sentenceCount++;
    for (const [f, field] of this.fields.entries()) {
      const value = values[f] ?? null;
      if (field.shared) this.addShared(field, field.shared, value);
      else if (typeof value === 'string') {
        const list = terms(value);
        if (list.length) field.index.add(id, list);
      }
    }
    this.holdersOf = null;
  }

  private addShared(field: Field, shared: NonNullable<Field['shared']>, value: FieldValue): void {
    if (!Array.isArray(shared.ownerOf) || !Array.isArray(shared.sentences))
      throw new Error('a loaded ranking is not added to');
    if (value === null || typeof value === 'string') return void shared.ownerOf.push(-1);
    let owner = shared.owners.get(value.owner);
    if (owner === undefined) {
      shared.owners.set(value.owner, (owner = shared.sentences.length));
      shared.sentences.push(0);
      const list = terms(value.text);
      if (list.length) field.index.add(owner, list);
    }
    shared.ownerOf.push(owner);
    shared.sentences[owner]!++;
  }

  /** The ranking as saved (saved-library.ts), once prepared. */
  toFlat(): FlatRanking {
    if (!this.holdersOf) this.prepare();
    return {
      sentenceCount: this.sentenceCount,
      holders: flatCounts(this.holdersOf!),
      fields: this.fields.map((field) => ({
        index: field.index.toFlat(),
        ownerOf: field.shared ? Int32Array.from(field.shared.ownerOf) : null,
        sentences: field.shared ? Int32Array.from(field.shared.sentences) : null,
        entries: field.entries,
        totalLength: field.totalLength,
      })),
    };
  }

  /** A ranking read back, with the fields it was built with (the same weights, shared or not). */
  static fromFlat(fields: Array<{ weight: number; shared: boolean }>, flat: FlatRanking): ContextRanking {
    const loaded = new ContextRanking(fields);
    loaded.fields.forEach((field, f) => {
      const saved = flat.fields[f]!;
      field.index = FieldIndex.fromFlat(saved.index);
      if (field.shared) Object.assign(field.shared, { ownerOf: saved.ownerOf!, sentences: saved.sentences! });
      [field.entries, field.totalLength] = [saved.entries, saved.totalLength];
    });
    loaded.holdersOf = countsFromFlat(flat.holders);
    loaded.sentenceCount = flat.sentenceCount;
    return loaded;
  }

  /** Builds the statistics now (sentences per word and per field), so the first lookup is not the slow one. */
  prepare(): this {
    this.holdersOf = new Map();
    for (const field of this.fields) {
      const { index, shared } = field;
      const count = (id: number) => (shared ? shared.sentences[id]! : 1);
      field.entries = 0;
      field.totalLength = 0;
      for (const [id, length] of index.lengths) {
        field.entries += count(id);
        field.totalLength += count(id) * length;
      }
      for (const [term, { ids }] of index.postings) {
        let holding = this.holdersOf.get(term) ?? 0;
        for (const id of ids) holding += count(id);
        this.holdersOf.set(term, holding);
      }
      // Built once the last sentence is added: its postings are kept typed, as the text indexes' are.
      finish(index.compactSteps());
    }
    return this;
  }

  /**
   * Each candidate's BM25 summed over the words (each word counting its best alternative and field), in the
   * candidates' order. Prefix expansions of a word being typed count for nothing here.
   */
  scores(groups: Alternative[][], candidates: readonly number[]): Float64Array {
    return this.scoresWithPlain(groups, candidates, []).all;
  }

  /**
   * The scores, and in the same pass over the postings those over the fields `plain` lists (their indexes)
   * alone: a plain ranking of the same candidates at little more cost.
   */
  scoresWithPlain(groups: Alternative[][], candidates: readonly number[], plain: readonly number[]) {
    if (!this.holdersOf) this.prepare();
    const slot = new Map<number, number>();
    candidates.forEach((id, i) => slot.set(id, i));
    const totals = { all: new Float64Array(candidates.length), plain: new Float64Array(candidates.length) };
    const best = { all: new Float64Array(candidates.length), plain: new Float64Array(candidates.length) };
    for (const group of groups) {
      best.all.fill(0);
      best.plain.fill(0);
      for (const alternative of group)
        if (alternative.kind !== 'prefix') this.offer(alternative, candidates, slot, best, plain);
      for (let i = 0; i < candidates.length; i++) {
        totals.all[i]! += best.all[i]!;
        totals.plain[i]! += best.plain[i]!;
      }
    }
    return totals;
  }

  /** Raises each candidate's best for the word to what this alternative scores in each field (and the plain ones). */
  private offer(
    alternative: Alternative,
    candidates: readonly number[],
    slot: Map<number, number>,
    best: { all: Float64Array; plain: Float64Array },
    plain: readonly number[],
  ) {
    const entries = Math.max(...this.fields.map((field) => field.entries));
    const idf = bm25Idf(this.holdersOf!.get(alternative.term) ?? 0, entries);
    for (const [f, field] of this.fields.entries()) {
      const posting = field.index.postings.get(alternative.term);
      if (!posting) continue;
      const weight = field.weight * alternative.weight * idf;
      const average = field.totalLength / Math.max(1, field.entries);
      const lengths = field.index.lengthById();
      const score = (i: number) => weight * bm25(posting.counts[i]!, lengths[posting.ids[i]!]!, average);
      const raise = plain.includes(f) ? raiseBoth(best) : raiseOne(best.all);
      if (!field.shared) {
        for (let i = 0; i < posting.ids.length; i++) {
          const at = slot.get(posting.ids[i]!);
          if (at !== undefined) raise(at, score(i));
        }
        continue;
      }
      // An owner's score, once an owner; then each candidate reads its owner's.
      const byOwner = new Map<number, number>();
      for (let i = 0; i < posting.ids.length; i++) byOwner.set(posting.ids[i]!, score(i));
      const { ownerOf } = field.shared;
      for (const [at, id] of candidates.entries()) {
        const owned = byOwner.get(ownerOf[id]!);
        if (owned !== undefined) raise(at, owned);
      }
    }
  }
}

const raiseOne = (best: Float64Array) => (at: number, score: number) => {
  if (score > best[at]!) best[at] = score;
};
const raiseBoth = (best: { all: Float64Array; plain: Float64Array }) => (at: number, score: number) => {
  if (score > best.all[at]!) best.all[at] = score;
  if (score > best.plain[at]!) best.plain[at] = score;
};
