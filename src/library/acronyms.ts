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
