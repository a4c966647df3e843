// /check: what the documents say about a claim someone pasted into chat. Each figure of the claim (found by
// the recognizer that reads the documents) gets one verdict: a statement about the same thing gives the same
// figure ("stated"), statements about it give another ("different"), or nothing speaks of it ("not found").
// "The same thing" is /stat's test: the statement holds enough of the claim's words, rarity-weighted
// (figure-search.ts), and among its figures the one whose own words match what the claim's figure counts.
// A claim without figures is checked by its words alone. Pure: the library and the text in, verdicts out.
import { plainTextOf } from '../document/formats/index.js';
import type { Document, Figure, Span } from '../document/types.js';
import { namesEveryParty, partiesOf, sameParties, withoutOpeningCapital } from './claim-parties.js';
import { changeDirection, isVerbOfChange, kinOf, withKin } from './claim-words.js';
import { claimFigures, clause, firstWords, lastWords, partOf, secondEnd, type ClaimFigure } from './claim-figures.js';
import { analyseQuery, type SentenceFinder, type IndexedSentence, type TermSet } from './figure-search.js';
import type { ClaimIndex, FigureRef } from './library.js';
import { conversionNote, kindOf, periodOf, sameFigure, statedPeriodOf } from './same-figure.js';
import { terms, type Alternative } from './search.js';

export type Verdict = 'stated' | 'different' | 'not-found';

/** A statement quoted for a verdict, with the figures that bear on the claim (shown in bold). */
export interface Evidence {
  sentence: IndexedSentence;
  bold: FigureRef[];
  /** How much of the claim's words the sentence holds, rarity-weighted. */
  coverage: number;
}

export interface FigureVerdict {
  /** The figure as the claim writes it, and where it stands in the claim. */
  text: string;
  span: Span;
  verdict: Verdict;
  /** The equal figure's statements ("stated"), the other figures' ("different"), none ("not-found"). */
  evidence: Evidence[];
  /** What the reader should know to compare them: a unit converted, another period or time frame. */
  notes: string[];
}

export interface ClaimCheck {
  figures: FigureVerdict[];
  /** How a claim without figures reads against the documents: only "stated" or "not-found". */
  words: { verdict: Verdict; evidence: Evidence[] } | null;
  /** Figures past MAX_FIGURES, not checked. */
  unchecked: number;
}

/** Figures checked in one claim: one field each, and room for each field's quote. */
export const MAX_FIGURES = 10;
/** Statements quoted for one verdict, at most. */
export const MAX_EVIDENCE = 3;
/**
 * How much of a claim without figures a sentence must hold to "say it": more than a figure claim needs,
 * since no equal number backs the match up.
 */
export const WORDS_MIN_COVERAGE = 0.8;
/** How much the words before a document's figure count against those after it, for what it is about. */
const BEFORE_WEIGHT = 0.4;
/** Figures whose own words score at least this share of the best one's may be the equal one. */
const MATCHING_SHARE_OF_BEST = 0.5;
/** A sentence whose only figure's own words do not match still answers when it holds this much of the claim. */
const ALONE_MIN_COVERAGE = 0.6;
/**
 * How much of the claim's words a statement about the same thing holds, rarity-weighted: less than /stat
 * asks of a question, since the figure's own words are checked besides and an equal number backs a match
 * up ("criminals were responsible for nearly 2,000 homicides" names no ICE).
 */
const CLAIM_MIN_COVERAGE = 0.4;
/**
 * A claim in a reader's words holds less of the statement's: the equal figure is the anchor. A statement holding
 * this much of the claim states it when it gives the equal figure about what the claim's figure is about; it
 * never makes a figure "different".
 */
const ANCHORED_MIN_COVERAGE = 0.3;
/** One shared word ("worth", "subscribers") is not a topic in common: a statement holds two at least. */
const MIN_WORDS_HELD = 2;
/**
 * A statement holding this much of the claim speaks of its thing even when the words after the figure do
 * not match: the recognizer may take a verb for what is counted ("$21 billion goes to ...").
 */
const SURE_COVERAGE = 0.85;
/** How much more of the claim a statement giving another figure must hold to outweigh one giving the equal figure. */
const CLOSER_BY = 0.15;
/**
 * How much of what another figure counts ("new clean energy jobs") a claim must name for it to be the claim's thing
 * ("500 jobs" names too little of it): chosen on tune, a plateau from 0.1 to 0.3 on tune and gold-test alike.
 */
const SPECIFIC_MIN_SHARE = 0.3;
/**
 * How much of the claim's words less its years and verbs of change a statement giving another figure must hold:
 * a year and a direction in common are no topic in common. Chosen on tune: 0.2 to 0.3 alike, 0.4 loses a claim
 * that says "both countries" for the two a statement names.
 */
const TOPIC_MIN_COVERAGE = 0.3;
/** How much of what the claim's figure counts ("new companies") the statement must hold. */
const COUNTED_MIN_SHARE = 0.6;

/** Checks a claim against the documents (one of them when `documentId` is given). */
export function checkClaim(index: ClaimIndex, claim: string, documentId?: string): ClaimCheck {
  const found = claimFigures(claim);
  if (found.length === 0)
    return { figures: [], words: checkWords(index.everySentence(), claim, documentId), unchecked: 0 };
  const figures = found
    .slice(0, MAX_FIGURES)
    .map((figure) => checkFigure(index.figureSentences, claim, figure, documentId));
  return { figures, words: null, unchecked: Math.max(0, found.length - MAX_FIGURES) };
}

/**
 * Whose figure it is: the names of its clause up to it ("… and Fannie Mae bought $300 billion"), or when that
 * names none, the sentence's subject before its first figure ("Trump saved 74 plants and 9 mines").
 */
function partiesOfFigure(finder: SentenceFinder, figure: ClaimFigure): ReturnType<typeof partiesOf> {
  const read = (text: string) => withoutOpeningCapital(partiesOf(text), text, (stem) => finder.isCommonWord(stem));
  const own = read(figure.whose);
  return own.length > 0 ? own : read(figure.words);
}

/**
 * A claimed figure's word sets, each with its kin: all its words, its own, what it counts, the head of that, and
 * what a change naming nothing it counts says changed, with the stems of its head.
 */
function wordsOfFigure(finder: SentenceFinder, figure: ClaimFigure) {
  const read = (text: string) => withKin(finder.expand(analyseQuery(text).words));
  const [counted, thing, changed] = [withoutPeople(read(figure.counted)), read(figure.thing), read(figure.changed)];
  // The head of what changed stands before its complement: "prices" of "child care prices in the county".
  const changedHeads = headsOf(figure.changed.split(COMPLEMENT)[0]!);
  return { all: read(figure.words), own: read(figure.own), counted, thing, changed, changedHeads };
}

/**
 * "People" names no thing counted: "250 people" are the sheet's "250 jobs" or "survivors". What a figure counts is
 * read without such words; what is left (the "young" of "young people") must still be in the statement.
 */
const PEOPLE = new Set(terms('people persons individuals folks', { remember: false }));
const withoutPeople = (groups: Alternative[][]) => groups.filter((group) => !PEOPLE.has(group[0]!.term));

/** Whether a statement names what a change naming nothing it counts says changed, and the head of that. */
const namesWhatChanged = (
  finder: SentenceFinder,
  { changed, changedHeads }: { changed: Alternative[][]; changedHeads: string[] },
  sentence: IndexedSentence,
) => speaksOf(finder, changed, sentence) && holdsHead(changedHeads, sentence);

/** One figure's verdict: the statements about the same thing, and whether one gives an equal figure. */
function checkFigure(finder: SentenceFinder, claim: string, figure: ClaimFigure, documentId?: string): FigureVerdict {
  const words = wordsOfFigure(finder, figure);
  const topic = topicOf(words.all);
  const [stated, different]: [Evidence[], Evidence[]] = [[], []];
  const enough = Math.min(MIN_WORDS_HELD, words.all.length);
  const claimDirection = changeDirection(terms(figure.words));
  const parties = partiesOfFigure(finder, figure);
  const [heads, casing] = [headsOf(figure.counted), new Map<string, boolean>()];
  // The claim's words, with kin: worked out only when a statement reaches the last test of "different".
  let claimed: ReadonlySet<string> | undefined;
  const claimWords = () =>
    (claimed ??= new Set(withKin(finder.expand(claim)).flatMap((group) => group.map(({ term }) => term))));
  for (const { sentence, coverage, held } of finder.covering(words.all, documentId, ANCHORED_MIN_COVERAGE)) {
    if (held < enough || (negates(figure.words) && !negates(sentence.key))) continue;
    const speaks = coverage >= SURE_COVERAGE ? 'itself' : speaksOf(finder, words.counted, sentence);
    // The claim's words for what is counted are not the statement's: the equal figure may still count what the
    // claim names, seen from the statement's side ("400,000 families purchase" for "400,000 families buy").
    const named =
      speaks || coverage < CLAIM_MIN_COVERAGE ? [] : namedOrRenamed(finder, figure, heads, { sentence, coverage });
    if (!speaks && named.length === 0) continue;
    // Another party's figure, or the same parties the other way round, is not the claim's thing.
    const statement = sentence.document.text.slice(...sentence.span);
    if (!sameParties(parties, sentence, statement, casing, { modifiersAside: true })) continue;
    if (!speaks) {
      if (claimDirection * changeDirection(sentence.terms) >= 0) stated.push({ sentence, bold: named, coverage });
      continue;
    }
    // What the sentence before names is counted only by figures that name nothing they count ("2,000 homicides").
    const compared = speaks === 'itself' ? sentence.figures : sentence.figures.filter((ref) => !ref.figure.counts);
    const { matching, closest } = figuresAbout(finder, figure, words.own, sentence, compared, coverage);
    // "fell 8%" is not stated by "rose 8%": the same amount the other way is a different figure.
    const opposite = claimDirection * changeDirection(sentence.terms) < 0;
    const equal = opposite
      ? []
      : matching.filter(
          (ref) =>
            sameFigure(figure, ref.figure) &&
            (coverage >= CLAIM_MIN_COVERAGE || countsAlike(finder, words.counted, ref)),
        );
    if (equal.length > 0) stated.push({ sentence, bold: equal, coverage });
    else if (
      closest.length > 0 &&
      coverage >= CLAIM_MIN_COVERAGE &&
      finder.coverage(topic, sentence) >= TOPIC_MIN_COVERAGE &&
      speaksOf(finder, words.thing, sentence) &&
      // "Veteran suicides fell 10%" is no other figure for a fall in veteran homelessness.
      namesWhatChanged(finder, words, sentence) &&
      holdsHead(heads, sentence) &&
      namesEveryParty(parties, sentence, casing) &&
      sameParties(parties, sentence, statement, casing) &&
      namedAsSpecifically(finder, claimWords(), heads, closest) &&
      closest.some((ref) => sameOrder(figure.value, ref.figure.value))
    )
      different.push({ sentence, bold: closest, coverage });
  }
  const verdict = verdictOf(stated, different);
  const evidence = withoutRepeats(verdict === 'stated' ? stated : different).slice(0, MAX_EVIDENCE);
  const notes = comparisonNotes(figure, evidence[0]?.bold[0]?.figure);
  return { text: claim.slice(...figure.span), span: figure.span, verdict, evidence, notes };
}

/**
 * The claim's words less its years and verbs of change: what it is about. "Prices of eggs rose 40% in 2023" and
 * "funding rose 28% above 2023 levels" share a year and a direction, not a topic.
 */
const topicOf = (groups: Alternative[][]) =>
  groups.filter((group) => !YEAR.test(group[0]!.term) && !isVerbOfChange(group[0]!.term));
const YEAR = /^(?:19|20)\d\d$/u;

/**
 * "Stated" when a statement about the claim's thing gives the equal figure, unless a statement of the same sheet
 * holds clearly more of the claim and gives another figure: "derivative articles … pay 50%" against a sheet
 * where articles made of metal pay 50% and derivative articles 25%. Other sheets speak of other occasions.
 */
function verdictOf(stated: Evidence[], different: Evidence[]): Verdict {
  if (stated.length === 0) return different.length ? 'different' : 'not-found';
  const best = stated.reduce((a, b) => (b.coverage > a.coverage ? b : a));
  const closer = different.some(
    ({ sentence, coverage }) => sentence.document === best.sentence.document && coverage >= best.coverage + CLOSER_BY,
  );
  return closer ? 'different' : 'stated';
}

/**
 * How many times larger one figure may be than the other and still be another reading of the same thing: "$70 a
 * year" saved by each enrollee is no misreading of "$1 billion" saved by them all. Chosen on tune: at 100 three
 * claims with a changed number lose their "different", at 1,000 one.
 */
const MAX_TIMES_APART = 1000;

/**
 * Whether two values can be figures for the same thing: within MAX_TIMES_APART of each other, or the same digits
 * under another scale word ("$85 million" for "$85 billion").
 */
function sameOrder(claimed: number | null, stated: number | null): boolean {
  if (claimed === null || stated === null || claimed <= 0 || stated <= 0) return true;
  if (Math.max(claimed, stated) / Math.min(claimed, stated) <= MAX_TIMES_APART) return true;
  const digits = (value: number) => value / 10 ** Math.floor(Math.log10(value));
  return Math.abs(digits(claimed) - digits(stated)) < 1e-9;
}

/**
 * Whether the claim names what another figure counts as specifically as the statement does: "the program created 500
 * jobs" is no claim about "330,000 new clean energy jobs", though both count jobs. Asked of a figure whose own label
 * holds the head of what the claim counts; a label that does not (the recognizer's are noisy) says nothing.
 */
function namedAsSpecifically(
  finder: SentenceFinder,
  claimed: ReadonlySet<string>,
  heads: string[],
  refs: readonly FigureRef[],
): boolean {
  return refs.some(({ figure }) => {
    const label = figure.counts ? terms(figure.counts) : [];
    if (!heads.some((head) => label.includes(head))) return true;
    return finder.share(finder.expand(figure.counts!), claimed) >= SPECIFIC_MIN_SHARE;
  });
}

/**
 * Whether the equal figure itself counts what the claim's does, where it says what it counts: a statement
 * held only by the anchor of an equal figure ("400,000 schools and child care centers") does not state
 * "400,000 childcare workers" because its sentence also names care.
 */
const countsAlike = (finder: SentenceFinder, counted: Alternative[][], ref: FigureRef) =>
  counted.length === 0 ||
  !ref.figure.counts ||
  finder.share(counted, new Set(terms(ref.figure.counts))) >= COUNTED_MIN_SHARE;

/**
 * Whether the statement (or the sentence it refers to) names the head of what the claim's figure counts (its
 * `headsOf`, worked out once a claim figure): "50,000 child care jobs" is no other figure for "225,000 child care
 * programs", though "child care" makes most of its words.
 */
function holdsHead(heads: string[], sentence: IndexedSentence): boolean {
  if (heads.length === 0) return true;
  const held = (stems: TermSet | undefined) =>
    stems !== undefined && heads.some((head) => stems.has(head) || kinOf(head).some((kin) => stems.has(kin)));
  return held(sentence.terms) || held(sentence.referred);
}

/** A preposition opening what follows a noun, or ending a phrase ("pay by"). */
const COMPLEMENT = /\s(?:of|in|on|for|by|to|at|from|with|among|across|over)(?:\s|$)/iu;

/** The stems a counted thing ends with: its last word's, and its last two words' written as one ("cyber security"). */
function headsOf(counted: string): string[] {
  const words = counted.trim().split(/\s+/);
  const closed = words.length >= 2 ? terms(words.slice(-2).join('')).at(-1) : undefined;
  return [terms(counted).at(-1), closed].filter((head): head is string => head !== undefined);
}

/**
 * The statement's figures equal to the claim's whose own label of what they count the claim holds: "families"
 * of "400,000 families purchase their first home" in "help 400,000 families buy their first home". Only a label
 * the claim holds counts; a figure with none says nothing of what it counts.
 */
function countedByClaim(finder: SentenceFinder, figure: ClaimFigure, sentence: IndexedSentence): FigureRef[] {
  const claimed = new Set(terms(figure.words));
  return sentence.figures.filter(
    (ref) =>
      ref.figure.counts !== null &&
      sameFigure(figure, ref.figure) &&
      finder.share(finder.expand(ref.figure.counts), claimed) >= COUNTED_MIN_SHARE,
  );
}

/**
 * The statement's equal figures that count what the claim names: by the statement's own label, or where the
 * claim clips the sheet's noun ("340,000 vets" for "340,000 veterans"), by the equal figure itself. A sheet
 * that counts the claim's own noun with some figure has its own word for that thing, and is not read so. An
 * equal figure that names nothing it counts, in a statement holding much of the claim, counts what the claim's
 * figure does in the claim's own words ("$50 billion to help communities cope" for "securing more than $50
 * billion … to help communities").
 */
function namedOrRenamed(
  finder: SentenceFinder,
  figure: ClaimFigure,
  heads: string[],
  { sentence, coverage }: { sentence: IndexedSentence; coverage: number },
): FigureRef[] {
  const named = countedByClaim(finder, figure, sentence);
  if (named.length > 0) return named;
  const equal = sentence.figures.filter((ref) => sameFigure(figure, ref.figure));
  const unlabelled = coverage >= ALONE_MIN_COVERAGE ? equal.filter((ref) => !ref.figure.counts) : [];
  if (unlabelled.length > 0) return unlabelled;
  return holdsForm(sentence.terms, heads[0] ?? '') && !countsHead(sentence.document, heads) ? equal : [];
}

/** The shortest stem taken as a clipped form of a longer one ("vet" of "veteran"), or as a compound's last part. */
const MIN_FORM = 3;
/**
 * Whether a sentence holds another form of a claim's noun: a longer word the noun clips ("veteran" for "vet"),
 * or the compound's last part ("fire" of "wildfire", whose stem "wildfir" drops the e). A shorter word the noun
 * starts with is often a verb ("make" of "maker"), and is not taken.
 */
function holdsForm(stems: TermSet, head: string): boolean {
  if (head.length < MIN_FORM) return false;
  const lastPart = (stem: string) => stem.length > MIN_FORM && head.endsWith(stem.replace(/e$/, ''));
  for (const stem of stems) if (stem !== head && (stem.startsWith(head) || lastPart(stem))) return true;
  return false;
}

/** Whether any figure of a sheet counts one of the heads: worked out once a sheet and claim noun. */
function countsHead(document: Document, heads: string[]): boolean {
  const key = heads.join(' ');
  let known = countedHeads.get(document);
  if (!known) countedHeads.set(document, (known = new Map<string, boolean>()));
  let counts = known.get(key);
  if (counts === undefined) {
    counts = document.figures.some(({ counts }) => counts !== null && terms(counts).some((s) => heads.includes(s)));
    known.set(key, counts);
  }
  return counts;
}
const countedHeads = new WeakMap<Document, Map<string, boolean>>();

/**
 * What differs beside the amount, said rather than hidden: a unit converted ("100 km is about 62 miles"),
 * a rate per another period, a time frame the claim gives that the statement does not share.
 */
function comparisonNotes(claimed: ClaimFigure, stated: Figure | undefined): string[] {
  if (!stated) return [];
  const notes = [conversionNote(claimed, stated)];
  const [claimedPeriod, statedPeriod] = [periodOf(claimed), statedPeriodOf(stated)];
  if (claimedPeriod && statedPeriod && claimedPeriod !== statedPeriod)
    notes.push(`The claim gives a figure per ${claimedPeriod}; the statement, per ${statedPeriod}`);
  else if (claimedPeriod && !statedPeriod)
    notes.push(
      `The claim gives a figure per ${claimedPeriod}; the statement gives ${stated.timeframe ? `it for “${stated.timeframe}”` : 'no period'}`,
    );
  else if (claimed.timeframe && !claimedPeriod && !sameWords(claimed.timeframe, stated.timeframe))
    notes.push(
      stated.timeframe
        ? `Time frames differ: the claim says “${claimed.timeframe}”, the statement “${stated.timeframe}”`
        : `The claim says “${claimed.timeframe}”; the statement gives no such time frame`,
    );
  return notes.filter((note): note is string => note !== null);
}

/** One time frame says what the other does when its words are all in it ("since last May", "since May of last year"). */
const sameWords = (claimed: string, stated: string | null) => {
  const statedWords = new Set(terms(stated ?? ''));
  return stated !== null && terms(claimed).every((word) => statedWords.has(word));
};

/**
 * Whether the sentence names what the claim's figure counts ("new companies" against "new jobs"): itself, or
 * with the sentence it refers back to ("… struggling with student loan debt. That is why we have forgiven $144
 * billion"), or not at all.
 */
function speaksOf(
  finder: SentenceFinder,
  counted: Alternative[][],
  sentence: IndexedSentence,
): 'itself' | 'referred' | false {
  if (counted.length === 0 || finder.share(counted, sentence.terms) >= COUNTED_MIN_SHARE) return 'itself';
  if (!sentence.referred) return false;
  const held = new Set([...sentence.terms, ...sentence.referred]);
  return finder.share(counted, held) >= COUNTED_MIN_SHARE ? 'referred' : false;
}

/**
 * The sentence's figures about what the claim's figure counts, of those `compared` comparable with it (same kind of
 * unit): `closest` are those whose own words (what they count, the words around them) hold the most of the
 * claim figure's, `matching` those close enough to be the equal one. A sentence's only figure may be the
 * equal one even when its own words do not match, if the sentence holds enough of the claim.
 */
function figuresAbout(
  finder: SentenceFinder,
  figure: ClaimFigure,
  own: Alternative[][],
  sentence: IndexedSentence,
  compared: readonly FigureRef[],
  coverage: number,
): { matching: FigureRef[]; closest: FigureRef[] } {
  const ofKind = compared.filter((ref) => kindOf(ref.figure.unit) === kindOf(figure.unit));
  // An exact figure is compared with exact ones only: a vague amount ("thousands") neither states "5,000" nor
  // contradicts it.
  const comparable = figure.value !== null ? ofKind.filter((ref) => ref.figure.value !== null) : ofKind;
  // The figure the claim compares its own with ("5% instead of 3.8%") is no other figure for it.
  const other = (ref: FigureRef) => figure.otherEnd !== null && sameFigure(figure.otherEnd, ref.figure);
  if (own.length === 0) return { matching: comparable, closest: comparable.filter((ref) => !other(ref)) };
  const scores = comparable.map((ref) => ownScore(finder, own, ref, sentence));
  const best = Math.max(0, ...scores);
  // An equal number is evidence enough for a sentence's only figure; another number is not.
  if (best === 0)
    return { matching: comparable.length === 1 && coverage >= ALONE_MIN_COVERAGE ? comparable : [], closest: [] };
  return {
    matching: comparable.filter((_, i) => scores[i]! >= best * MATCHING_SHARE_OF_BEST),
    closest: comparable.filter((ref, i) => scores[i]! >= best - 1e-9 && !other(ref)),
  };
}

/**
 * How well a document's figure's own words hold the claim figure's: what it counts and the words after it
 * (up to the next figure) count fully, the words before it (back to the previous figure) less, since in
 * "$60 million to Chicago, $22 million to Dallas" the words before a figure are its neighbour's; fully for a
 * figure with no label of what it counts, whose verb stands before it.
 */
function ownScore(finder: SentenceFinder, own: Alternative[][], ref: FigureRef, sentence: IndexedSentence): number {
  const { text } = ref.document;
  const [start, end] = ref.figure.span;
  const spans = sentence.figures.map((other) => other.figure.span);
  const [at, found] = [sentence.figures.indexOf(ref), sentence.figures.map(({ figure }) => figure)];
  // The second end of a change has the first's words before it: "raises Medicare tax rates from 3.8 percent to 5".
  const first = secondEnd(text, found, at) ? spans[at - 1]![0] : start;
  const previous = Math.max(sentence.span[0], ...spans.filter((s) => s[1] <= first).map((s) => s[1]));
  // A part's own words run on over its whole: "86 of the 100 grants announced …" are 86's words too.
  const until = partOf(text, found, at) ? spans[at + 1]![1] : end;
  const next = Math.min(sentence.span[1], ...spans.filter((s) => s[0] >= until).map((s) => s[0]));
  // Read as a reader sees them: a link's address after a figure ("[$3.6 million](https://…)") is no words of it.
  const plain = (from: number, to: number) => plainTextOf(ref.document, text.slice(from, to));
  const after = new Set([...terms(ref.figure.counts ?? ''), ...terms(firstWords(clause(plain(end, next))))]);
  const before = new Set(terms(lastWords(plain(previous, first))));
  // A figure that names nothing it counts is known by what is done before it: "… mortgage will save $1,200 per year".
  const beforeWeight = ref.figure.counts ? BEFORE_WEIGHT : 1;
  return finder.share(own, after) + beforeWeight * finder.share(own, before);
}

/**
 * Whether a text says something is not so: a statement that "the President banned" does not state that
 * "the President did not ban" (the words matched leave "not" out). Only a negated claim asks for a negated
 * statement: statements say "not" in passing too often ("not just those with a degree") to ask the reverse.
 */
const negates = (text: string) => /\b(?:not|never|no longer|none)\b|n['’]t\b/i.test(text);

/** The same sentence in several documents is quoted once (the newest, as the finder orders them). */
function withoutRepeats(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter(({ sentence }) => !seen.has(sentence.key) && seen.add(sentence.key));
}

/**
 * A claim without figures: "stated" when a sentence holds (nearly) all it says, else "not-found". A number
 * the recognizer does not take for a figure ("12 Modular Airborne Fire Fighting Systems") must still be in
 * the sentence: its other words alone do not say it.
 */
function checkWords(finder: SentenceFinder, claim: string, documentId?: string): ClaimCheck['words'] {
  const words = analyseQuery(claim).words;
  const groups = finder.expand(words);
  const numbers = terms(words, { remember: false }).filter((term) => /^\d/.test(term));
  const covering = (groups.length ? finder.covering(groups, documentId, WORDS_MIN_COVERAGE) : []).filter(
    ({ sentence }) =>
      (!negates(claim) || negates(sentence.key)) && numbers.every((number) => sentence.terms.has(number)),
  );
  const evidence = covering.map(({ sentence, coverage }) => ({ sentence, bold: [], coverage }));
  const shown = withoutRepeats(evidence).slice(0, MAX_EVIDENCE);
  return { verdict: shown.length ? 'stated' : 'not-found', evidence: shown };
}
