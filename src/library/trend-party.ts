// A party a /trend query names beside what it counts ("Japan investment commitment", "European Union investment
// pledge") asks for that party's figures: a sentence that does not name it states another party's ("Saudi Arabia's
// nearly $1 trillion investment commitment", "over $15.7 billion in pledges" to a fund). Which words are names the
// documents say by how they write them: capitalized inside their sentences ("Japan", "PACT Act"), not only where a
// sentence opens ("Companies").
import { plainTextOf } from '../document/formats/index.js';
import type { Acronyms } from './acronyms.js';
import type { IndexedSentence, TermSet } from './figure-search.js';
import { terms } from './search.js';

/** Sentences read to tell how the documents write a word: enough to see its usual form, few enough to stay cheap. */
const SENTENCES_READ = 40;
/** A word is a name when at least this share of its writings inside sentences are capitalized ("us" is not). */
const NAME_SHARE = 0.8;
/** Writings inside sentences needed before a word is taken for a name: one could be a title's word. */
const MIN_WRITINGS = 2;

/** A word as a sentence writes it, and the word after it. */
type Writing = [word: string, next: string | undefined];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * The parties a query names: each run of stems of its counted phrase (what it counts left out) that the sentences
 * found for it write as names, with the words the documents write capitalized right after one ("Bipartisan" then
 * "Infrastructure Law"): the sentences may say a name in part.
 */
export function partiesOf(
  phrase: readonly string[],
  sentences: readonly IndexedSentence[],
  acronyms: Acronyms,
): string[][] {
  const parties: string[][] = [];
  const read = new Map<string, Writing[]>();
  const writings = (stem: string) => read.get(stem) ?? read.set(stem, writingsOf(stem, sentences)).get(stem)!;
  let run: string[] = [];
  for (const stem of phrase) {
    const before = run.at(-1);
    if (writtenAsName(stem, writings, acronyms) || (before && followsInName(before, stem, writings))) run.push(stem);
    else if (run.length > 0) [parties[parties.length], run] = [run, []];
  }
  return run.length > 0 ? [...parties, run] : parties;
}

/**
 * Whether the documents write the stem as a name: mostly capitalized where no sentence opens, in sentences spread
 * over all those found that hold it (the best-covered ones may all hold one name it is a word of: "Affordable
 * Connectivity Program" for "program"); a short form only when its full name is a name too ("EV" stands for
 * "electric vehicle", a thing).
 */
function writtenAsName(stem: string, writings: (stem: string) => Writing[], acronyms: Acronyms): boolean {
  const full = acronyms.get(stem);
  if (full && !/^\p{Lu}/u.test(full.words)) return false;
  return mostlyCapitalized(writings(stem).map(([word]) => word));
}

/** Whether the documents, where they write `stem` then `next`, mostly capitalize the second: one name's words. */
function followsInName(stem: string, next: string, writings: (stem: string) => Writing[]): boolean {
  const following = writings(stem).flatMap(([, after]) =>
    after && terms(after, { remember: false })[0] === next ? [after] : [],
  );
  return mostlyCapitalized(following);
}

/** A stem keeps its word's first letters ("U.S.": us): a word opening otherwise is not stemmed to learn it is another. */
const mayStem = (word: string, stem: string) =>
  word
    .replace(/[^\p{L}\p{N}]/gu, '')
    .slice(0, 2)
    .toLowerCase() === stem.slice(0, 2);

const mostlyCapitalized = (words: readonly string[]) =>
  words.length >= MIN_WRITINGS && words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * NAME_SHARE;

/**
 * How the sentences holding a stem write it where no sentence opens, each writing with the word after it: read in
 * at most SENTENCES_READ of them, spread over all.
 */
function writingsOf(stem: string, sentences: readonly IndexedSentence[]): Writing[] {
  const holding = sentences.filter((s) => s.terms.has(stem));
  const step = Math.max(1, holding.length / SENTENCES_READ);
  const writings: Writing[] = [];
  for (let at = 0; at < holding.length; at += step) {
    const { document, span } = holding[Math.floor(at)]!;
    const words = [...plainTextOf(document, document.text.slice(...span)).matchAll(WORD)].map((m) => m[0]);
    for (let i = 1; i < words.length; i++)
      if (mayStem(words[i]!, stem) && terms(words[i]!, { remember: false })[0] === stem)
        writings.push([words[i]!, words[i + 1]]);
  }
  return writings;
}

/**
 * The ways a sentence may name each party, each a list of stems it must hold: a word of its name, the short form
 * the documents define for it ("EU" for "European Union") or, for a short form, its full name. Worked out once a
 * query: the short forms are many, the sentences read more.
 */
export function partyWays(parties: readonly string[][], acronyms: Acronyms): string[][][] {
  return parties.map((name) =>
    name.flatMap((stem) => {
      const ways = [[stem]];
      const full = acronyms.get(stem);
      if (full) ways.push([...full.stems]);
      for (const [short, { stems }] of acronyms) if (stems.includes(stem)) ways.push([short]);
      return ways;
    }),
  );
}

/** Whether a sentence names every party in one of its ways (partyWays). */
export const namesParties = (held: TermSet, parties: readonly string[][][]) =>
  parties.every((ways) => ways.some((way) => way.every((stem) => held.has(stem))));
