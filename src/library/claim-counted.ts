// Whether a claim's figure and a statement's figure count the same thing, read from where the two sentences part
// ways around the figure. The words both share are lined up in order (the figure itself one of them); where the
// claim has words of its own in a place the statement fills with other words, they name another thing: "train
// [auto] workers" against "train [transit] workers", "[water] pipelines" against "[natural gas distribution] pipelines". A claim word the statement's
// sentence or context names elsewhere is the statement's too. Only the places after the figure are read: before it
// stand the subject and the verb, reworded freely ("the IRA", "the Inflation Reduction Act"; "puts", "invests").
// And a change ("rose 87%") is never the same thing as a level ("87% of seniors").
import { isChangeWord } from './claim-words.js';
import { normalizeTerm, terms, tokenize } from './search.js';

/** One side's words around its figure: those before it (from the sentence start) and those after it. */
export interface AroundFigure {
  before: string;
  after: string;
}

/** Stems that are no thing counted: numbers (other figures, years) and the time frames of either side. */
type Ignored = (stem: string) => boolean;

const stemsOf = (text: string) => terms(text, { remember: false });

/** A text's stems, and for each whether the next stem follows it with no word between ("auto workers"). */
interface Words {
  stems: string[];
  joined: boolean[];
}

function wordsOf(text: string): Words {
  const out: Words = { stems: [], joined: [] };
  let previous = false;
  for (const token of tokenize(text)) {
    const stem = normalizeTerm(token, { remember: false });
    if (stem && previous) out.joined[out.stems.length - 1] = true;
    if (stem) {
      out.stems.push(stem);
      out.joined.push(false);
    }
    previous = stem !== null;
  }
  return out;
}

/** The pairs of positions (i in a, j in b) of a longest common subsequence of two stem lists. */
function lineUp(a: string[], b: string[]): Array<[number, number]> {
  const table = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** A place between words both sides share: each side's words there. */
interface Place {
  claimed: string[];
  stated: string[];
}

/**
 * The places before each shared word whose words on both sides stand right before it, as a modifier before
 * its noun ("auto workers", "transit workers"); a place ending in a word such as "with" or "to" holds a verb or
 * a clause ("to deal with the", "to address the"), reworded freely.
 */
function modifierPlaces(claim: Words, statement: Words): Place[] {
  const out: Place[] = [];
  let [i, j] = [0, 0];
  for (const [pi, pj] of lineUp(claim.stems, statement.stems)) {
    if (pi > i && pj > j && claim.joined[pi - 1] && statement.joined[pj - 1])
      out.push({ claimed: claim.stems.slice(i, pi), stated: statement.stems.slice(j, pj) });
    [i, j] = [pi + 1, pj + 1];
  }
  return out;
}

/** A place with more words than this on either side is a clause put in, not one thing named for another. */
const MAX_PLACE = 3;

/**
 * Whether a place holds another thing: the claim has words there the statement's sentence and context lack, and
 * the statement has words there the claim lacks, a few on each side. Verbs of change stand for each other.
 */
function otherThing({ claimed, stated }: Place, claimWords: Set<string>, around: Set<string>, ignored: Ignored) {
  const claimOnly = claimed.filter((stem) => !ignored(stem) && !around.has(stem));
  const statedOnly = stated.filter((stem) => !ignored(stem) && !claimWords.has(stem));
  return claimOnly.length > 0 && statedOnly.length > 0 && Math.max(claimOnly.length, statedOnly.length) <= MAX_PLACE;
}

/**
 * Whether what the claim's figure counts agrees with what the statement's does: no place after the figure (up
 * to the last word both share) holds another thing, and both or neither give a change (a multiple is one
 * already: "double", "grow twofold"). `around`: the stems of the statement's sentence and its context.
 */
export function sameCounted(
  claimed: AroundFigure & { timeframe: string | null; unit: string | null },
  stated: AroundFigure & { timeframes: string[]; unit: string | null },
  around: Set<string>,
): boolean {
  const multiple = claimed.unit === '×' || stated.unit === '×';
  if (!multiple && isChange(claimed) !== isChange(stated)) return false;
  const timeWords = new Set(stemsOf([claimed.timeframe ?? '', ...stated.timeframes].join(' ')));
  const ignored: Ignored = (stem) => /^\d/.test(stem) || timeWords.has(stem) || isChangeWord(stem);
  const claimWords = new Set(stemsOf(`${claimed.before} ${claimed.after}`));
  const places = modifierPlaces(wordsOf(claimed.after), wordsOf(stated.after));
  return !places.some((place) => otherThing(place, claimWords, around, ignored));
}

/** How many words next to a figure may say it is a change: "rose by 87%", "an 87% increase". */
const CHANGE_REACH = 2;

/** Whether a figure is a change ("rose 87%", "up 69%", "grow by", "an 87% jump") rather than a level ("rose to 87%"). */
export function isChange({ before, after }: AroundFigure): boolean {
  const last =
    before
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.slice(-CHANGE_REACH) ?? [];
  const [verb, next] = last.length === 2 ? last : [null, last[0]];
  if (next === 'up' || next === 'down' || (next && changes(next))) return true;
  if (next === 'by' && verb && changes(verb)) return true;
  const first = after.toLowerCase().match(/\p{L}+/gu)?.[0];
  return first !== undefined && changes(first);
}

const changes = (word: string) => stemsOf(word).some(isChangeWord);
