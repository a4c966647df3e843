// Short forms the documents define: a document that writes "Affordable Connectivity Program (ACP)" or "electric
// vehicle (EV)" says ACP is that program, so a reader's "ACP" finds "Affordable Connectivity Program" and "EVs"
// counts electric vehicles. Learned from the documents' own text, so it holds for documents nobody read here.
import type { Document } from '../document/types.js';
import { terms } from './search.js';

/** A short form's full name: its stems (["afford", "connect", "program"]) and its words as a document wrote them. */
export interface FullName {
  stems: readonly string[];
  words: string;
}

/** An acronym's stem ("acp") -> its full name. */
export type Acronyms = ReadonlyMap<string, FullName>;

/** "(ACP)", "(EVs)", "(HBCUs)": two to six capitals, perhaps a plural s, in parentheses. */
const DEFINED = /\(([A-Z]{2,6})s?\)/g;
/** Small words a full name may hold that its acronym skips ("Colleges and Universities": CU). */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&', 'a', 'an']);

/**
 * The words right before "(FN)" whose initials spell it, small words between them skipped ("Colleges and
 * Universities") unless only counting them spells it ("Department of Energy"); null when none do ("announced the
 * program (ACP)" defines nothing).
 */
export function fullNameBefore(before: string, acronym: string): string | null {
  const words = before.split(/[\s\u00a0]+/).filter(Boolean);
  return spelled(words, acronym.toLowerCase(), false) ?? spelled(words, acronym.toLowerCase(), true);
}

function spelled(words: string[], letters: string, smallWordsCount: boolean): string | null {
  let at = letters.length - 1;
  let start = words.length;
  for (let i = words.length - 1; i >= 0 && at >= 0; i--) {
    const word = words[i]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const small = SKIPPED.has(word.toLowerCase());
    if (small && !smallWordsCount && at < letters.length - 1) continue;
    if (word.slice(0, 1).toLowerCase() !== letters[at]) {
      if (small && at < letters.length - 1) continue;
      return null;
    }
    at--;
    start = i;
  }
  return at < 0 ? words.slice(start).join(' ') : null;
}

/** The acronyms the documents define, each with the full name most of its definitions give. */
export function learnAcronyms(documents: readonly Document[]): Acronyms {
  const seen = new Map<string, Map<string, { count: number; words: string }>>();
  for (const document of documents) {
    for (const match of document.text.matchAll(DEFINED)) {
      const acronym = match[1]!;
      // "EVS" and "AIS" stem to "ev" and "ai": such a short form cannot be told from another one's plural.
      if (terms(acronym)[0] !== acronym.toLowerCase()) continue;
      const before = document.text.slice(Math.max(0, match.index - 120), match.index);
      const full = fullNameBefore(before, acronym);
      const stems = full === null ? [] : terms(full);
      if (stems.length < 2) continue;
      const names = seen.get(acronym.toLowerCase()) ?? new Map<string, { count: number; words: string }>();
      const key = stems.join(' ');
      names.set(key, { count: (names.get(key)?.count ?? 0) + 1, words: full! });
      seen.set(acronym.toLowerCase(), names);
    }
  }
  const learned = new Map<string, FullName>();
  for (const [acronym, names] of seen) {
    const [best] = [...names].sort(([a, m], [b, n]) => n.count - m.count || a.localeCompare(b));
    if (best) learned.set(acronym, { stems: best[0].split(' '), words: best[1].words });
  }
  return learned;
}

const learnedFor = new WeakMap<readonly Document[], Acronyms>();

/** The acronyms a library's documents define, learned once a library (a reload builds a new one). */
export function acronymsOf(documents: readonly Document[]): Acronyms {
  let acronyms = learnedFor.get(documents);
  if (!acronyms) learnedFor.set(documents, (acronyms = learnAcronyms(documents)));
  return acronyms;
}

/** A word written as a short form is ("EVs", "ACP's"): capitals, perhaps a plural or possessive s. */
const SHORT_FORM = /^\p{Lu}[\p{Lu}\d]+(?:s|['’]s)?$/u;

/**
 * A phrase's stems with the short forms it writes in capitals written out: "EVs" counts electric vehicles, while
 * "lead pipes" counts lead pipes whatever a document's "LEAD" stands for.
 */
export function stemsWrittenOut(phrase: string, acronyms: Acronyms): string[] {
  return phrase.split(/[\s\u00a0]+/).flatMap((word) => {
    const stems = terms(word);
    return SHORT_FORM.test(word.replace(/^[^\p{L}\d]+|[^\p{L}\d'’]+$/gu, '')) ? writtenOut(stems, acronyms) : stems;
  });
}

/** Stems with every acronym written out: "ev" -> "electr vehicl"; the full name is the one form compared. */
export function writtenOut(stems: Iterable<string>, acronyms: Acronyms): string[] {
  return [...stems].flatMap((stem) => acronyms.get(stem)?.stems ?? [stem]);
}

/**
 * The query as well written the other way, once a short form it uses or names: "ACP enrollment" also as
 * "Affordable Connectivity Program enrollment", "electric vehicles on the road" also as "EV on the road".
 */
export function otherSpellings(query: string, acronyms: Acronyms): string[] {
  const words = query.split(/\s+/).filter(Boolean);
  const stems = words.map((word) => terms(word, { remember: false })[0] ?? '');
  const spellings: string[] = [];
  for (const [at, stem] of stems.entries()) {
    const full = acronyms.get(stem);
    if (full) spellings.push([...words.slice(0, at), full.words, ...words.slice(at + 1)].join(' '));
  }
  for (const [acronym, full] of acronyms) {
    const run = runOf(stems, full.stems);
    if (run) spellings.push([...words.slice(0, run[0]), acronym.toUpperCase(), ...words.slice(run[1])].join(' '));
  }
  return spellings;
}

/** The words [from, to) where a run of stems stands among the query's (small words, which have none, skipped). */
function runOf(stems: readonly string[], run: readonly string[]): [number, number] | null {
  const held = stems.flatMap((stem, at) => (stem ? [at] : []));
  for (let i = 0; i + run.length <= held.length; i++)
    if (run.every((stem, k) => stems[held[i + k]!] === stem)) return [held[i]!, held[i + run.length - 1]! + 1];
  return null;
}

/** A word of a name as a document writes it, after the space (and at most one line break) that ends the last. */
const NEXT_WORD = /[ \t]*\n?[ \t]*(&|[\p{L}][\p{L}'’]*(?:-[\p{L}]+)*)/uy;
/** A name's word, or each part of a hyphened one ("Income-Driven"): a capital, then lower case. */
const CAPITALIZED = /^\p{Lu}\p{Ll}/u;

/**
 * The names a document writes whose initials spell `letters` (lower case) without defining them: "United Food and
 * Commercial Workers" for "ufcw", "Income-Driven Repayment" for "idr" (each part of a hyphened word, or the word
 * alone), small words between skipped. Each name with how often the text writes it.
 */
export function namesSpelling(text: string, letters: string): Map<string, number> {
  const found = new Map<string, number>();
  const start = new RegExp(String.raw`(?<![\p{L}'’-])${letters[0]!.toUpperCase()}\p{Ll}`, 'gu');
  for (const match of text.matchAll(start)) {
    const name = spelledFrom(text, match.index, letters);
    if (name) found.set(name, (found.get(name) ?? 0) + 1);
  }
  return found;
}

/** Where a name may start: a capital, then lower case, not inside a word (namesSpelling's start, any letter). */
const NAME_START = /(?<![\p{L}'’-])\p{Lu}\p{Ll}/gu;
/** Initials that may stand for a name: three to six letters (a member's query writes them in capitals). */
const [FEWEST_LETTERS, MOST_LETTERS] = [3, 6];

/** Initials (lower case) -> each name the texts write that they spell (as namesSpelling), with how often. */
export type NameCounts = Map<string, Map<string, number>>;

/**
 * Adds every name `text` writes whose initials are three to six letters to `counts`: namesSpelling for all
 * initials at once, in one pass over the text.
 */
export function countNamesByInitials(text: string, counts: NameCounts): void {
  for (const { index: at } of text.matchAll(NAME_START))
    for (const letters of initialsFrom(text, at)) {
      if (!text.startsWith(letters[0]!.toUpperCase(), at)) continue;
      const name = spelledFrom(text, at, letters);
      if (!name) continue;
      let names = counts.get(letters);
      if (!names) counts.set(letters, (names = new Map<string, number>()));
      names.set(name, (names.get(name) ?? 0) + 1);
    }
}

/**
 * The initials the capitalized words from `at` may spell (a hyphened word by all its parts or its first), each
 * then checked by spelledFrom: every initials spelledFrom finds a name for from `at` is among them.
 */
function initialsFrom(text: string, at: number): Set<string> {
  const options: string[][] = [];
  NEXT_WORD.lastIndex = at;
  for (let match = NEXT_WORD.exec(text); match && options.length < MOST_LETTERS; match = NEXT_WORD.exec(text)) {
    const word = match[1]!;
    if (options.length > 0 && SKIPPED.has(word.toLowerCase())) continue;
    const parts = word.split('-');
    if (!parts.every((part) => CAPITALIZED.test(part))) break;
    const initials = parts.map((part) => part[0]!.toLowerCase()).join('');
    options.push(parts.length > 1 ? [initials, initials[0]!] : [initials]);
  }
  const found = new Set<string>();
  const extend = (prefix: string, next: number): void => {
    if (prefix.length >= FEWEST_LETTERS) found.add(prefix);
    for (const initials of options[next] ?? [])
      if (prefix.length + initials.length <= MOST_LETTERS) extend(prefix + initials, next + 1);
  };
  if (options.length >= FEWEST_LETTERS || options.some((initials) => initials.length > 1)) extend('', 0);
  return found;
}

/**
 * The name written most often of those counted, or null, also when another is written nearly as often: initials
 * of two names ("Strategic Petroleum Reserve", "Strategic Preparedness and Response") stand for neither.
 */
export function mostWritten(names: ReadonlyMap<string, number>): string | null {
  const [best, next] = [...names].sort(([, m], [, n]) => n - m);
  return best && (!next || best[1] >= 2 * next[1]) ? best[0] : null;
}

/**
 * The name the documents write most often for each initials (mostWritten), made once with the library from every
 * document's text and saved with it: "initials<TAB>name" lines in UTF-8, sorted by their bytes, read where they lie
 * (a binary search), so that a query's initials read no document and a start makes no string of them.
 */
export class SpelledNames {
  /** The lines, or (read back) what reads them: a saved table is read, and so checked, at the first initials. */
  private held: Uint8Array | (() => Uint8Array);

  constructor(lines: Uint8Array | (() => Uint8Array)) {
    this.held = lines;
  }

  get lines(): Uint8Array {
    if (typeof this.held === 'function') this.held = this.held();
    return this.held;
  }

  static of(documents: Iterable<Document>): SpelledNames {
    const counts: NameCounts = new Map();
    for (const document of documents) countNamesByInitials(document.text, counts);
    const lines: Buffer[] = [];
    for (const [letters, names] of counts) {
      const name = mostWritten(names);
      if (name) lines.push(Buffer.from(`${letters}\t${name}\n`));
    }
    const bytes = Buffer.concat(lines.sort((a, b) => Buffer.compare(a, b)));
    // A plain view, not the Buffer: the saved library writes typed arrays as bytes (a Buffer writes itself as JSON).
    return new SpelledNames(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** The name `letters` (lower case) stand for, or null. */
  nameOf(letters: string): string | null {
    const key = Buffer.from(`${letters}\t`);
    const bytes = Buffer.from(this.lines.buffer, this.lines.byteOffset, this.lines.byteLength);
    // The first line from `low` not before the key: `low` is always a line's start.
    let [low, high] = [0, bytes.length];
    while (low < high) {
      const middle = low + ((high - low) >>> 1);
      const start = middle === 0 ? 0 : bytes.lastIndexOf(NEWLINE, middle - 1) + 1;
      if (bytes.compare(key, 0, key.length, start, Math.min(start + key.length, bytes.length)) < 0)
        low = bytes.indexOf(NEWLINE, start) + 1;
      else high = start;
    }
    if (low + key.length > bytes.length || bytes.compare(key, 0, key.length, low, low + key.length) !== 0) return null;
    return bytes.toString('utf8', low + key.length, bytes.indexOf(NEWLINE, low));
  }
}

const NEWLINE = 0x0a;

/** The name from `at` whose capitalized words' initials are `letters`, or null. */
function spelledFrom(text: string, at: number, letters: string): string | null {
  let spelled = 0;
  const words: string[] = [];
  NEXT_WORD.lastIndex = at;
  for (let match = NEXT_WORD.exec(text); match; match = NEXT_WORD.exec(text)) {
    const word = match[1]!;
    if (words.length > 0 && SKIPPED.has(word.toLowerCase())) {
      words.push(word);
      continue;
    }
    const parts = word.split('-');
    if (!parts.every((part) => CAPITALIZED.test(part))) return null;
    const initials = parts.map((part) => part[0]!.toLowerCase()).join('');
    if (letters.startsWith(initials, spelled)) spelled += initials.length;
    else if (letters[spelled] === initials[0]) spelled++;
    else return null;
    words.push(word);
    if (spelled === letters.length) return words.join(' ');
  }
  return null;
}
