// What makes a sentence a neighbour of the answer rather than the answer (issue 18): it states the figure for
// another place or party than the one asked ("permits for Palestinians in Gaza" for the West Bank), it counts
// another thing than the one a "how many" question counts ("1,000 response workers" for "how many customers"), or,
// where the question names a word, it names a rival the documents write in the same slot ("southwest border" for
// "northern border"). Such a sentence is still shown, as the closest figures: the words around it may name what
// was asked, but the sentence itself names something else.
import type { Alternative } from './search.js';

/** What the documents say of a word: whether it is a name, whether it is common. */
export interface WordSense {
  /** Whether the documents write the word as a name ("Gaza", "West Bank"). */
  isName(term: string): boolean;
  /** Whether the name is in so many documents that it is their setting ("America"), not a place of its own. */
  common(term: string): boolean;
}

/** Letters a name has at least: one or two are initials ("U.S."), not a place. */
const MIN_NAME = 4;

/** The stems a sentence holds. */
export interface Stems {
  has(term: string): boolean;
}

const holds = (group: Alternative[], stems: Stems) => group.some((a) => stems.has(a.term));

/**
 * Whether the sentence (`own`: its stems; `phrasesOf`: its phrases, between commas and the like, as stems in order,
 * read only when a name asked is missing from it) names another place or party
 * where the question names one it lacks: beside a word both hold, on the same side, another name the question does
 * not ask for ("permits for Palestinians in Gaza" for "… Palestinians in the West Bank"). A name in many of the
 * documents ("United States") is their setting, not another place, and initials ("U.S.") are no place; an everyday
 * word beside the name ("rescued by") is no contrast, and neither is a name across a comma ("co-chaired by … the
 * Dominican Republic, the action committees held").
 */
export function namesAnother(
  groups: Alternative[][],
  own: Stems,
  phrasesOf: () => readonly string[][],
  sense: WordSense,
): boolean {
  const asked = new Set(groups.flatMap((group) => group.map((a) => a.term)));
  const another = (stem: string | undefined) =>
    stem !== undefined && !asked.has(stem) && stem.length >= MIN_NAME && sense.isName(stem) && !sense.common(stem);
  for (let i = 0; i + 1 < groups.length; i++) {
    const [first, second] = [groups[i]!, groups[i + 1]!];
    const lacksSecond = holds(first, own) && !holds(second, own);
    if (!lacksSecond && !(holds(second, own) && !holds(first, own))) continue;
    const [kept, lacked] = lacksSecond ? [first, second] : [second, first];
    if (!sense.isName(lacked[0]!.term)) continue;
    const step = lacksSecond ? 1 : -1;
    const beside = (stems: string[]) =>
      stems.some((stem, at) => kept.some((a) => a.term === stem) && another(stems[at + step]));
    if (phrasesOf().some(beside)) return true;
  }
  return false;
}

/**
 * The stems of what a "how many" question counts: its words after "how many" (or "number of") up to the first
 * word that is no content word ("how many federal workers are in …": federal, workers). `stemsOf` gives a word's
 * stems, none for a short word such as "are" or "in".
 */
export function countedStems(query: string, stemsOf: (word: string) => string[]): string[] {
  const after = /\b(?:how many|number of)\s+(.*)$/i.exec(query)?.[1];
  const found: string[] = [];
  for (const word of after?.split(/\s+/) ?? []) {
    const stems = stemsOf(word);
    if (stems.length === 0) break;
    found.push(...stems);
  }
  return found;
}

/** What the documents say of the words in a slot before a noun. */
export interface SlotSense {
  /** Whether the documents write one stem directly before another in a sentence ("northern border"). */
  together(first: string, second: string): boolean;
  /** Whether the documents write two stems each directly before one same word ("urban areas", "rural areas"). */
  kindred(first: string, second: string): boolean;
  /** Whether a word is in so many documents ("new", "each") that it names no side or part of its own. */
  common(term: string): boolean;
}

/** A stem that is a word: a number before a noun ("100 judges") fills no slot a word could. */
const WORD = /^\p{L}/u;

/**
 * Whether the sentence names a rival of a word the question asks that neither it nor the words around it hold
 * (`around`: its statement, lead-in, section and document titles): directly before a word both hold,
 * another word, where the documents also write the question's word in that place ("our Southwest Border ports" for
 * "northern border ports", where a sheet writes "northern border"; "undergraduate loan" for "graduate loan"), or
 * where they write both words before one other noun ("rural Americans" for "urban Americans": "rural areas",
 * "urban areas"). Two
 * words filling the same slot before the same noun name two things of one sort, sides, levels or parts, and the
 * sentence speaks of the other one. The documents decide what a rival is, not a word list; a word in many of them
 * ("new rule", "final rule") is no side of anything. `phrasesOf` gives the sentence's phrases word by word, an empty
 * stem for a word that has none ("this year": no word before "year"), its figures cut out ("$1.5 trillion in
 * cuts": none before "cuts"); `slots.together` is asked only where the sentence has another word in the slot.
 */
export function namesRival(
  groups: Alternative[][],
  { own, around }: { own: Stems; around: readonly Stems[] },
  phrasesOf: () => readonly string[][],
  slots: SlotSense,
): boolean {
  const asked = new Set(groups.flatMap((group) => group.map((a) => a.term)));
  for (let i = 0; i + 1 < groups.length; i++) {
    const [slot, noun] = [groups[i]!, groups[i + 1]!];
    if (!holds(noun, own) || slots.common(slot[0]!.term) || [own, ...around].some((stems) => holds(slot, stems)))
      continue;
    const rival = (before: string | undefined, stem: string) =>
      before !== undefined &&
      WORD.test(before) &&
      !asked.has(before) &&
      noun.some((a) => a.term === stem) &&
      slot.some((a) => slots.together(a.term, stem) || slots.kindred(a.term, before));
    if (phrasesOf().some((stems) => stems.some((stem, at) => rival(stems[at - 1], stem)))) return true;
  }
  return false;
}

/** A span named by where it stands: "last year", "the past four years", "last month", "next fiscal year". */
const SPAN_BY_PLACE =
  /\b(?:this|last|past|previous|next|coming)\s+(?:(\S+)\s+)?(day|week|month|quarter|year|decade)s?\b/gi;
/** How many units a span counts, written as a word ("four years"). */
const COUNT_WORDS = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map(
    (word, at) => [word, at + 1],
  ),
);

/**
 * The lengths of the spans a text names by where they stand, each as its count and unit ("last four years": "4
 * year"); a word between that counts nothing ("fiscal", "calendar") makes one unit, "few" or "several" some.
 */
function spanLengths(text: string): Set<string> {
  const lengths = new Set<string>();
  for (const [, between, unit] of text.matchAll(SPAN_BY_PLACE)) {
    const word = between?.toLowerCase() ?? '';
    const count = /^\d+$/.test(word)
      ? Number(word)
      : (COUNT_WORDS.get(word) ?? (/^(?:few|several)$/.test(word) ? 'some' : 1));
    // Twelve months are the year they span ("the past 12 months" for "the last year").
    const length = `${count} ${unit!.toLowerCase()}`;
    lengths.add(length === '12 month' ? '1 year' : length);
  }
  return lengths;
}

/**
 * Whether a sentence states its figures for a span of another length than the one the question names by where it
 * stands: "over the last four years" or "just last month" for "… in the last year". Where the sentence names the
 * length asked too, or names no span so, it may speak of the one asked; "this year" and "last year" are one length,
 * as a sheet's "this year" may be a member's "last year".
 */
export function namesAnotherSpan(query: string, sentence: () => string): boolean {
  const asked = spanLengths(query);
  if (asked.size === 0) return false;
  const written = spanLengths(sentence());
  return written.size > 0 && ![...written].some((length) => asked.has(length));
}
