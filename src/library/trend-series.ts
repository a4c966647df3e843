// /trend's series: the figures /stat finds for a query, grouped by what they measure so that a series never
// mixes units, counted things or periods ("per month" with "per year"), and placed against their documents'
// dates. A document states a series once on its day: several figures of one series in one document are one
// point carrying every quote (a range from the lowest to the highest when they differ).
import { plainTextOf } from '../document/formats/index.js';
import { UNITS } from '../document/figures/vocabulary.js';
import type { Document } from '../document/types.js';
import { acronymsOf, otherSpellings, stemsWrittenOut, writtenOut, type Acronyms } from './acronyms.js';
import { documentDate } from './dates.js';
import { sheetWordsFor } from './everyday-words.js';
import { fitsKind, type FigureCandidate } from './figure-search.js';
import type { FigureRef, Library, Scope } from './library.js';
import { terms } from './search.js';
import {
  TIME_STEMS,
  appliedFor,
  asksChange,
  deathCauseOf,
  isAverted,
  isAward,
  isChange,
  isEarlierYear,
  isGoal,
  isForeseen,
  isOneYear,
  openingPartyOf,
  partOf,
  saysAskedVerb,
  saysOpposedVerb,
  sentenceText,
  startsElsewhere,
  verbKindsAsked,
} from './trend-scope.js';
import { namesParties, partiesOf, partyWays } from './trend-party.js';
import { lowerBound } from './sorted.js';

export type Period = 'day' | 'week' | 'month' | 'year';
/** How a figure's qualifier bounds it: "more than" (at least), "nearly" (at most), "about", or exact. */
export type Bound = 'atLeast' | 'atMost' | 'about' | 'exact';

export interface TrendPoint {
  document: Document;
  /** The document's date, YYYY-MM-DD. */
  date: string;
  value: number;
  /** The top of a range ("25% to 50%", or several figures of one document); null for one value. */
  valueMax: number | null;
  bound: Bound;
  /** The figures this point stands for, each with its sentence: what the reply quotes. */
  figures: FigureRef[];
}

export interface TrendSeries {
  /** Unit, counted thing and period: two figures with the same key measure the same thing. */
  key: string;
  /** What the documents call it: the words most of its figures count ("construction jobs"). */
  name: string;
  unit: string | null;
  per: Period | null;
  /** How many of the query's words what it counts names; none when the word it counts is not one of them. */
  named: number;
  /** How well its points fit the query: their coverage of the query summed (ranks series naming as much). */
  fit: number;
  /** Oldest first. */
  points: TrendPoint[];
}

export interface Trend {
  /** Best first: the series naming most of the query's words, then the one whose points hold most of it. */
  series: TrendSeries[];
  /** Figures from documents without a date: listed, never drawn. */
  undated: FigureRef[];
  /** Figures with no value to draw ("thousands"). */
  vague: FigureRef[];
  /** Figures no series compares: stated for an earlier year than their sheet's, or money given to one recipient. */
  apart: FigureRef[];
  /** Figures found in all, and how many past MAX_TREND_FIGURES were left out. */
  found: number;
  leftOut: number;
}

/** A figure no series compares: an earlier year, an award, a goal, what was averted, might be or came from. */
const isApart = (ref: FigureRef) =>
  isEarlierYear(ref) || isAward(ref) || isGoal(ref) || isAverted(ref) || isForeseen(ref) || isFromFigure(ref);

/**
 * "removed fuel from 8.7 million acres", "up from 2.1 million": where a thing came from, not what was counted. A
 * range "from 2,000 to 3,500" is one figure of what was counted.
 */
const isFromFigure = (ref: FigureRef) =>
  ref.figure.valueMax === null && WORD_RIGHT_BEFORE.exec(sentenceText(ref, 'before'))?.[1]?.toLowerCase() === 'from';

/**
 * Figures grouped at most: every one a query finds in the corpus (2,000 for the broadest asked on tune, which a cut
 * at 400 best covered left out of the series they belong to); only a query matching more is cut, and says so.
 */
export const MAX_TREND_FIGURES = 4000;
/** Queries longer than this are not looked up: nobody names a series in more. */
export const MAX_TREND_QUERY = 200;
/** Sentences holding less of the query's words than this share are not read (chosen on the tune split). */
const MIN_TREND_COVERAGE = 0.5;

const AT_LEAST = /^(more than|greater than|over|at least|upwards of|just over|well over|in excess of|above|exceeding)$/;
const AT_MOST = /^(fewer than|less than|nearly|almost|under|at most|up to|as many as|as much as|just under|below)$/;
const ABOUT = /^(about|approximately|around|roughly|an estimated|close to|some|as few as)$/;

export function boundOf(qualifier: string | null): Bound {
  const q = qualifier?.toLowerCase().replace(/\s+/g, ' ').trim() ?? '';
  if (AT_LEAST.test(q)) return 'atLeast';
  if (AT_MOST.test(q)) return 'atMost';
  return ABOUT.test(q) ? 'about' : 'exact';
}

const PERIOD_WORDS: ReadonlyArray<[RegExp, Period]> = [
  [/\b(?:per|a|an|each|every) day\b|\bdaily\b/i, 'day'],
  [/\b(?:per|a|each|every) week\b|\bweekly\b/i, 'week'],
  [/\b(?:per|a|each|every) month\b|\bmonthly\b/i, 'month'],
  [/\b(?:per|a|an|each|every) (?:year|annum)\b|\bannually\b|\byearly\b|\bannual\b/i, 'year'],
];

/**
 * "per month", "each year", "annually" in what the figure counts, its time frame or the words right after it; a
 * figure stated for one year ("75,000 deaths in 2023") is a yearly amount, never a running total.
 */
export function periodOf(ref: FigureRef): Period | null {
  const { figure, document } = ref;
  // "16 million households now saving $500 million per month": the words after the next figure are its own.
  const next = nextFigureStart(document, figure.span[1]);
  const after = document.text.slice(figure.span[1], Math.min(figure.sentenceSpan[1], figure.span[1] + 40, next));
  const timeframe = ownTimeframe(ref, next);
  // "Daily COVID-19 deaths are down 90%": a share's counted words say what it is a share of, not its own period.
  const counted = figure.unit === '%' ? '' : (figure.counts ?? '');
  const around = [counted, timeframe, after].join(' \n ');
  return PERIOD_WORDS.find(([pattern]) => pattern.test(around))?.[1] ?? (isOneYear(ref) ? 'year' : null);
}

const squashed = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/** A figure's time frame, unless its sentence states it only after the next figure, whose it is. */
function ownTimeframe(ref: FigureRef, next: number): string {
  const { figure } = ref;
  const timeframe = squashed(figure.timeframe ?? '');
  if (!timeframe || next >= figure.sentenceSpan[1]) return timeframe;
  const [before, after] = [squashed(sentenceText(ref, 'before')), sentenceText(ref, 'after')];
  if (!`${before} ${squashed(after)}`.includes(timeframe)) return timeframe;
  return `${before} ${squashed(after.slice(0, next - figure.span[1]))}`.includes(timeframe) ? timeframe : '';
}

/** Each document's figures' starts, in order: where the next figure after a point of its text begins. */
const figureStarts = new WeakMap<Document, number[]>();

/** Where the first figure starting at or after `from` begins; the text's end when none does. */
function nextFigureStart(document: Document, from: number): number {
  let starts = figureStarts.get(document);
  if (!starts) figureStarts.set(document, (starts = document.figures.map((f) => f.span[0]).sort((a, b) => a - b)));
  return starts[lowerBound(starts, from)] ?? document.text.length;
}

/** Words that say how what follows is measured, not what is counted ("pounds of fentanyl" counts fentanyl). */
const MEASURE_OF = /^(?:[\p{L}-]+\s+){0,3}?of\s+/u;
const PREPOSITION =
  /\s(?:in|for|at|since|by|from|to|on|across|through|over|under|with|into|during|per|each|this|last)\s.*$/i;

/** What a figure counts, as stems: the whole phrase before a preposition, modifiers kept ("jobs in Syracuse" → "job"). */
export function countedOf(ref: FigureRef, acronyms: Acronyms = NONE): string {
  return countedStems(ref, acronyms).join(' ');
}

const NONE: Acronyms = new Map();
const DEATH = terms('deaths', { remember: false })[0]!;
const APPLICATION = terms('applications', { remember: false })[0]!;
/** Query words asking for deaths: "overdose deaths", "Americans killed by fentanyl". */
const DEATH_WORDS = new Set(terms('deaths died killed', { remember: false }));

/** The counted phrase's stems, short forms the documents define written out ("EVs" counts electric vehicles). */
function countedStems(ref: FigureRef, acronyms: Acronyms): string[] {
  // "104,000 Americans died due to a drug overdose" counts drug overdose deaths.
  const cause = deathCauseOf(ref);
  if (cause !== null) return [...writtenOut(cause, acronyms), DEATH];
  const counts = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
  const unitWords = ref.figure.unit && /^[a-z]/i.test(ref.figure.unit) ? unitStemsOf(ref.figure.unit) : [];
  let words = counts.replace(PREPOSITION, '');
  // "pounds of fentanyl": the unit is pounds, the thing fentanyl.
  if (unitWords.includes(terms(words)[0] ?? '')) words = words.replace(MEASURE_OF, '');
  // "clean energy jobs" and "construction jobs" are different things: every word of the phrase names it.
  const stems = stemsWrittenOut(words, acronyms).filter((t) => !/^\d/.test(t) && !unitWords.includes(t));
  // "applied to start 10.5 million new businesses" counts new business applications.
  return stems.length > 0 && appliedFor(ref) ? [...stems, APPLICATION] : stems;
}

/** Each unit's stems, every way the documents write it ("GW", "gigawatts"): a unit's word is no counted word. */
const UNIT_STEMS = new Map<string, string[]>();
for (const [word, unit] of Object.entries(UNITS))
  UNIT_STEMS.set(unit, [
    ...(UNIT_STEMS.get(unit) ?? terms(unit, { remember: false })),
    ...terms(word, { remember: false }),
  ]);

const unitStemsOf = (unit: string) => UNIT_STEMS.get(unit) ?? terms(unit);

/** Unit, counted thing, period and the part of it named after a preposition ("jobs in Ohio": ohio). */
export function seriesKeyOf(ref: FigureRef, acronyms: Acronyms = NONE): string {
  const part = writtenOut(partOf(ref), acronyms).join(' ');
  return [ref.figure.unit ?? 'count', countedOf(ref, acronyms), periodOf(ref) ?? '', part].join('|');
}

/**
 * How many of the query's words (as its sentence holds them) what a figure counts names; none unless the thing it
 * counts is one of them: "500,000 electric vehicle chargers" counts chargers, whatever "electric vehicles" asks.
 */
function namedOf(ref: FigureRef, found: ReadonlySet<string>, acronyms: Acronyms): number {
  const stems = countedStems(ref, acronyms);
  // "The trade deficit in automobile parts" counts a part of what "trade deficit" asks for.
  const part = writtenOut(partOf(ref), acronyms);
  if (!found.has(stems.at(-1) ?? '') || part.some((t) => !found.has(t))) return 0;
  return stems.filter((t) => found.has(t)).length + part.length;
}

/** A bare counted word joins a series worded more fully when this share of its points say the rest after it. */
const COMPLETED_SHARE = 0.5;

/**
 * Whether a series counts the same thing as the first, worded another way: the same counted word, and a modifier in
 * common ("announced private investment", "private sector investments"); a bare "applications" when its figures
 * are followed by the first's modifiers ("applications to start new businesses"). "Construction jobs" is another
 * thing, and so are "5,000 jobs" in a sentence that names clean energy elsewhere, or under a label that does.
 */
export function sameThingAs(first: TrendSeries, other: TrendSeries): boolean {
  const [words, otherWords] = [first.key.split('|')[1]!.split(' '), other.key.split('|')[1]!.split(' ')];
  if (words.at(-1) !== otherWords.at(-1) || partOfKey(first) !== partOfKey(other)) return false;
  const [modifiers, otherModifiers] = [words.slice(0, -1), otherWords.slice(0, -1)];
  if (modifiers.length === 0) return otherModifiers.length === 0;
  if (otherModifiers.length > 0) return otherModifiers.some((m) => modifiers.includes(m));
  const holding = other.points.filter((p) => p.figures.some((f) => clauseAfterHolds(f, modifiers)));
  return holding.length >= other.points.length * COMPLETED_SHARE;
}

/** Where the clause a figure opens ends: a comma before a space, a semicolon, colon, dash or bracket. */
const CLAUSE_END = /,\s|[;:()\u2013\u2014]/;

/**
 * Whether the words after a figure, to the end of its clause, hold every stem: what completes the counted word
 * follows it there ("applications to start new businesses"); words elsewhere in the sentence, or in a run-in
 * label opening it ("Clean Energy: ... 5,000 jobs"), speak of something else.
 */
function clauseAfterHolds(ref: FigureRef, stems: readonly string[]): boolean {
  const after = sentenceText(ref, 'after');
  // A link the figure opens ("[170,000 jobs](https://...)") closes after it: its address is no word of the text.
  const clause = plainTextOf(ref.document, after.replace(/\]\([^)]*\)/g, '')).split(CLAUSE_END)[0]!;
  const held = new Set(terms(clause));
  return stems.every((t) => held.has(t));
}

/** A figure worth a point: how many of the query's words what it counts names, and how much its sentence holds. */
interface Found {
  ref: FigureRef;
  named: number;
  coverage: number;
  /** From a sentence holding less than MIN_TREND_COVERAGE: it joins the series counting the query's head only. */
  joinsOnly: boolean;
}

/**
 * The figures a query finds, best covered first, at most MAX_TREND_FIGURES: every sentence /stat weighs that
 * holds at least MIN_TREND_COVERAGE of the query (confident answers or not, one a document), keeping the figures
 * of the kind asked for that count something the query names, or that say nothing of what they count.
 */
function figuresFound(library: Library, query: string, scope: Scope | undefined, acronyms: Acronyms) {
  const all: Found[] = [];
  const joining: Found[] = [];
  const changes = asksChange(query);
  const candidates = candidatesOf(library, query, scope, acronyms);
  const parties = queryParties(query, candidates, acronyms);
  const group = queryGroup(query, candidates, acronyms);
  const asksDeaths = writtenOut(terms(query), acronyms).some((t) => DEATH_WORDS.has(t));
  const verbs = verbKindsAsked(query);
  for (const { figures, coverage, found, kind } of candidates) {
    // "Japan investment commitment": a sentence naming no Japan states another party's commitment.
    if (parties.length > 0 && !namesParties(found, parties)) continue;
    for (const ref of figures) {
      if (kind ? !fitsKind(ref.figure, kind) : isTimeFrame(ref)) continue;
      // "Jobs created for Black workers": "13.5 million jobs, including 4 million for Black workers" states 4 million.
      if (group.length > 0 && !namesParties(clauseStems(ref, acronyms), group)) continue;
      if (!changes && isChange(ref)) continue;
      // "Doses donated": "secured 270 million doses" counts doses, but not those given.
      if (saysOpposedVerb(verbBefore(ref), verbs)) continue;
      // "Americans died" says the deaths the query asks for, in other words.
      const said = asksDeaths && deathCauseOf(ref) !== null ? new Set([...found, DEATH]) : found;
      const named = namedOf(ref, said, acronyms);
      const joinsOnly = coverage < MIN_TREND_COVERAGE;
      // Under the share, a figure is read only for what it counts: something the query names.
      if (joinsOnly && named === 0) continue;
      (joinsOnly ? joining : all).push({ ref, named, coverage, joinsOnly });
    }
  }
  return { figures: all.slice(0, MAX_TREND_FIGURES), found: all.length, joining };
}

/**
 * /stat's candidates for the query as written and as written with its short forms the other way ("ACP" and
 * "Affordable Connectivity Program"), a sentence once at its best coverage, best covered first; the words found
 * with short forms written out, as counted phrases are.
 */
function candidatesOf(library: Library, query: string, scope: Scope | undefined, acronyms: Acronyms) {
  const within = typeof scope === 'object' ? scope : undefined;
  const best = new Map<FigureCandidate['sentence'], FigureCandidate>();
  for (const spelling of [query, ...otherSpellings(query, acronyms)]) {
    for (const candidate of library.search.figureCandidates(spelling, within)) {
      const found = new Set([...candidate.found, ...writtenOut(candidate.found, acronyms)]);
      const seen = best.get(candidate.sentence);
      if (seen) for (const stem of found) seen.found.add(stem);
      if (!seen || seen.coverage < candidate.coverage)
        best.set(candidate.sentence, { ...candidate, found: seen ? new Set([...seen.found, ...found]) : found });
    }
  }
  return [...best.values()].sort((a, b) => b.coverage - a.coverage);
}

/**
 * The parties a query names beside what it counts: names in its counted phrase ("Japan" in "Japan investment
 * commitment in the US"), the last word, what it counts, and words of time aside.
 */
function queryParties(query: string, candidates: FigureCandidate[], acronyms: Acronyms): string[][][] {
  const phrase = queryPhrase(query).filter((stem) => !TIME_STEMS.has(stem) && !/^\d/.test(stem));
  const parties = partiesOf(
    phrase.slice(0, -1),
    candidates.map((c) => c.sentence),
    acronyms,
  );
  return partyWays(parties, acronyms);
}

/** A group a query names after "for" or "among" ("jobs created for Black workers"), up to the next preposition. */
const GROUP_ASKED = /\s(?:for|among)\s+(.*)$/i;

/**
 * The group a query asks a figure for ("jobs created for Black workers", "uninsured rate among veterans"): the words
 * of it the documents write as names ("Black"), or every word when none is one, words of time aside ("HBCUs total").
 * Each, as partyWays gives them, must be named in the clause of a figure that answers.
 */
function queryGroup(query: string, candidates: FigureCandidate[], acronyms: Acronyms): string[][][] {
  const group = groupAsked(query);
  if (group.length === 0) return recipientAsked(query, candidates, acronyms);
  const names = partiesOf(
    group,
    candidates.map((c) => c.sentence),
    acronyms,
  );
  return partyWays(names.length > 0 ? names : [group], acronyms);
}

/** A place or party a query names as where a figure went ("doses donated to southeast asia"), to its end. */
const RECIPIENT_ASKED = /\sto\s+(.*)$/i;

/**
 * The names a query gives after "to" ("covid doses donated to southeast asia"), as the documents write names: each
 * must be named in the clause of a figure that answers. Words that are no names ("to other countries") ask nothing.
 */
function recipientAsked(query: string, candidates: FigureCandidate[], acronyms: Acronyms): string[][][] {
  const asked = RECIPIENT_ASKED.exec(query.trim());
  if (!asked) return [];
  const words = terms(asked[1]!, { remember: false }).filter((stem) => !TIME_STEMS.has(stem) && !/^\d/.test(stem));
  const names = partiesOf(
    words,
    candidates.map((c) => c.sentence),
    acronyms,
  );
  return names.length > 0 ? partyWays(names, acronyms) : [];
}

/** The stems of the group a query names after "for" or "among", words of time aside; none when it names none. */
function groupAsked(query: string): string[] {
  const asked = GROUP_ASKED.exec(query.trim());
  if (!asked) return [];
  const words = terms(` ${asked[1]!} `.replace(PREPOSITION, ' '), { remember: false });
  return words.filter((stem) => !TIME_STEMS.has(stem) && !/^\d/.test(stem));
}

/** The stems of the clause a figure stands in, before and after it, with the short forms there written out. */
function clauseStems(ref: FigureRef, acronyms: Acronyms): Set<string> {
  const before = plainTextOf(ref.document, sentenceText(ref, 'before')).split(CLAUSE_END).at(-1)!;
  const after = plainTextOf(ref.document, sentenceText(ref, 'after').replace(/\]\([^)]*\)/g, '')).split(CLAUSE_END)[0]!;
  const stems = terms(`${before} ${after}`, { remember: false });
  return new Set([...stems, ...writtenOut(stems, acronyms)]);
}

/** "Decreased for five months in a row": a length of time is when a thing was counted, not what; unless asked for. */
const isTimeFrame = (ref: FigureRef) => fitsKind(ref.figure, 'duration');

/** A series' fit: the query words its name holds, and each document's best-covered figure's coverage, summed. */
function fitOf(all: Found[]): { named: number; fit: number } {
  // Figures that only join rank nothing: a series stands where the sentences holding the query put it.
  const found = all.filter((f) => !f.joinsOnly);
  const best = new Map<Document, number>();
  for (const { ref, coverage } of found) best.set(ref.document, Math.max(coverage, best.get(ref.document) ?? 0));
  const named = Math.max(...found.map((f) => f.named));
  return { named, fit: [...best.values()].reduce((sum, coverage) => sum + coverage, 0) };
}

/** The series a query's figures form, best first, with the figures that cannot be drawn set aside. */
export function findTrend(library: Library, query: string, scope?: Scope): Trend {
  const trimmed = query.trim();
  const empty: Trend = { series: [], undated: [], vague: [], apart: [], found: 0, leftOut: 0 };
  if (!trimmed || trimmed.length > MAX_TREND_QUERY) return empty;
  const acronyms = acronymsOf(library.documents);
  const { figures, found, joining } = figuresFound(library, trimmed, scope, acronyms);
  const groups = new Map<string, Found[]>();
  const trend: Trend = { ...empty, found, leftOut: found - figures.length };
  for (const figure of figures) {
    const { ref } = figure;
    if (ref.figure.value === null) trend.vague.push(ref);
    else if (documentDate(ref.document) === null) trend.undated.push(ref);
    else if (isApart(ref)) trend.apart.push(ref);
    else {
      const key = seriesKeyOf(ref, acronyms);
      groups.set(key, [...(groups.get(key) ?? []), figure]);
    }
  }
  for (const series of groups.values()) trend.apart.push(...outliersOf(series));
  const said = saidOfSeries(trimmed, groups, acronyms);
  const head = said ? null : headOf(trimmed, groups, acronyms);
  joinHeadSeries(groups, joining, head, acronyms);
  trend.series = ranked(groups, head, said?.keys);
  const [first] = trend.series.filter((s) => s.named > 0 && thingOf(s) !== '');
  if (first && said && joinSaid(groups, first, said)) trend.series = ranked(groups, head, said.keys);
  if (first && joinRecipients(groups, first, groupAsked(trimmed))) trend.series = ranked(groups, head, said?.keys);
  if (first && joinUnnamed(groups, first, writtenOut(terms(trimmed), acronyms)))
    trend.series = ranked(groups, head, said?.keys);
  if (first && joinSameFigures(groups, first)) trend.series = ranked(groups, head, said?.keys);
  const [joined] = trend.series.filter((s) => s.named > 0 && thingOf(s) !== '');
  if (joined && joinKindred(groups, joined, writtenOut(terms(trimmed), acronyms)))
    trend.series = ranked(groups, head, said?.keys);
  const [thenFirst] = trend.series.filter((s) => s.named > 0 && thingOf(s) !== '');
  if (thenFirst && joinThingAfter(groups, thenFirst, writtenOut(terms(trimmed), acronyms)))
    trend.series = ranked(groups, head, said?.keys);
  const [lastFirst] = trend.series.filter((s) => s.named > 0 && thingOf(s) !== '');
  if (lastFirst && joinOwnWords(groups, lastFirst, trimmed, acronyms)) trend.series = ranked(groups, head, said?.keys);
  const [verbFirst] = trend.series.filter((s) => s.named > 0 && thingOf(s) !== '');
  if (verbFirst && joinAskedVerb(groups, verbFirst, verbKindsAsked(trimmed)))
    trend.series = ranked(groups, head, said?.keys);
  return trend;
}

/**
 * The series counting the query's head first (what it asks to count: "projects" in "Bipartisan Infrastructure Law
 * projects announced"), then those naming most of what was asked, then the one whose points hold most of it.
 */
function ranked(groups: Map<string, Found[]>, head: string | null, said?: ReadonlySet<string>): TrendSeries[] {
  const series = [...groups].map(([key, found]) => seriesOf(key, found));
  const countsHead = (s: TrendSeries) =>
    said?.has(s.key) || (s.named > 0 && head !== null && thingOf(s).split(' ').at(-1) === head) ? 1 : 0;
  return series.sort((a, b) => countsHead(b) - countsHead(a) || b.named - a.named || b.fit - a.fit);
}

/**
 * Figures of sentences holding less of the query join a series already formed when they count the same thing and
 * that thing is the query's head: "$500 billion in private sector investments" read in a sentence that tells
 * how, not since when ("since Biden took office"). They never start a series nor rank one.
 */
/** Query words a joining figure's counted phrase names at least: one ("applications", "drop") says too little. */
const JOIN_NAMED = 2;

function joinHeadSeries(groups: Map<string, Found[]>, joining: Found[], head: string | null, acronyms: Acronyms) {
  if (head === null) return;
  for (const figure of joining) {
    const { ref } = figure;
    if (ref.figure.value === null || documentDate(ref.document) === null) continue;
    if (isApart(ref)) continue;
    const key = seriesKeyOf(ref, acronyms);
    const series = groups.get(key);
    if (!series || figure.named < JOIN_NAMED || key.split('|')[1]!.split(' ').at(-1) !== head) continue;
    if (ofSameOrder(ref.figure.value, series)) series.push(figure);
  }
}

/** How far from its series' middle value a joining figure may lie: a series moves, but not tenfold between sheets. */
const JOIN_ORDER = 3;

/**
 * Whether a value lies within JOIN_ORDER of the middle of the series' values read from sentences holding the query:
 * "$4.3 billion in private sector investment" in one state is a part of a $500 billion series, not a point of it.
 */
function ofSameOrder(value: number, series: Found[]): boolean {
  const values = series.filter((f) => !f.joinsOnly).map((f) => f.ref.figure.value!);
  const middle = values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return withinOrder(value, middle, JOIN_ORDER);
}

/** How far below its series' middle value a figure may lie: a level moves, but not tenfold between sheets. */
const SERIES_ORDER = 10;

/**
 * The figures of a series of three or more lying more than SERIES_ORDER below its middle value, taken out of it:
 * "nearly $4.3 billion in private sector investment" in one state's sentence is a part of a $500 billion series,
 * whoever the sentence names. A part is smaller than its whole; a figure far above the rest is left to the reader.
 */
function outliersOf(series: Found[]): FigureRef[] {
  if (series.length < 3) return [];
  const values = series.map((f) => f.ref.figure.value!).sort((a, b) => a - b);
  const middle = values[Math.floor(values.length / 2)]!;
  const outliers = series.filter(({ ref }) => ref.figure.value! < middle / SERIES_ORDER);
  for (const outlier of outliers) series.splice(series.indexOf(outlier), 1);
  return outliers.map((f) => f.ref);
}

const withinOrder = (value: number, middle: number, order: number) =>
  value >= middle / order && value <= middle * order;

/**
 * Where the words naming what a query counts end, beside a preposition (PREPOSITION): "among", "of" or a past
 * participle and the adverb before it ("clean energy jobs created", "Americans fully vaccinated").
 */
const QUERY_PHRASE_END = /\s(?:among|of|(?:[a-z]+ly\s+)?[a-z]{2,}[^e\s]ed)\s.*$/i;

/**
 * The word a query asks to count: English puts a noun phrase's head last, so the last word before its first
 * preposition that some found figure counts ("Law projects announced": projects), a word of time aside ("border
 * encounters biden years"); null when none is counted.
 */
function headOf(query: string, groups: Map<string, Found[]>, acronyms: Acronyms): string | null {
  const counted = new Set([...groups.keys()].map((key) => key.split('|')[1]!.split(' ').at(-1)!));
  return (
    writtenOut(queryPhrase(query), acronyms)
      .flatMap((stem) => [stem, ...sheetWordsFor(stem)].reverse())
      .reverse()
      .find((stem) => counted.has(stem) && !TIME_STEMS.has(stem)) ?? null
  );
}

/** The stems of the words naming what a query counts: up to PREPOSITION or QUERY_PHRASE_END. */
const queryPhrase = (query: string) =>
  terms(` ${query} `.replace(PREPOSITION, ' ').replace(QUERY_PHRASE_END, ' '), { remember: false });

/**
 * The word a query asks for as typed, as its stems ("sign-ups": sign, up): the last of its phrase (PREPOSITION,
 * QUERY_PHRASE_END) that is no word of time ("sign-ups record"), unless it asks how a figure changed; null when none.
 */
function lastAskedOf(query: string, acronyms: Acronyms): string[] | null {
  const phrase = ` ${query} `.replace(PREPOSITION, ' ').replace(QUERY_PHRASE_END, ' ');
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((word) => writtenOut(terms(word, { remember: false }), acronyms));
  const last = words.reverse().find((stems) => stems.length > 0 && !stems.every((t) => TIME_STEMS.has(t)));
  return !last || last.some((t) => TIME_STEMS.has(t) || asksChange(t)) ? null : last;
}

/** Share of a series' points whose figure's clause must say the asked word for the series to answer it. */
const SAID_SHARE = 1 / 3;

/**
 * A query asking for a word no figure counts nor measures in ("ACP internet program enrollment") asks for the number of what that
 * word is said of: "10 million households are enrolled in the ACP" answers it, "48 million households qualify" does
 * not. Series counting a thing the query does not name, of two points or more, at least SAID_SHARE of whose points
 * say the word in their figure's clause, count what the query asks for: they are named by it, and rank first.
 */
function saidOfSeries(query: string, groups: Map<string, Found[]>, acronyms: Acronyms) {
  const asked = lastAskedOf(query, acronyms);
  // "pounds of fentanyl": a word some figure counts, or measures in, is no word said of another thing.
  const counted = [...groups.keys()].flatMap((key) => [
    key.split('|')[1]!.split(' ').at(-1),
    ...unitStemsOf(key.split('|')[0]!),
  ]);
  if (asked === null || asked.some((t) => counted.includes(t))) return null;
  const keys = new Set<string>();
  for (const [key, found] of groups) {
    if (key.split('|')[1] === '' || found.some((f) => f.named > 0)) continue;
    const documents = new Set(found.map((f) => f.ref.document));
    const saying = new Set(found.filter((f) => clauseHolds(f.ref, asked)).map((f) => f.ref.document));
    if (saying.size < 2 || saying.size < documents.size * SAID_SHARE) continue;
    for (const figure of found) figure.named = 1;
    keys.add(key);
  }
  return keys.size > 0 ? { asked, keys } : null;
}

/** Whether the clause a figure stands in, on one side of it, holds every stem. */
function clauseHolds(ref: FigureRef, stems: readonly string[]): boolean {
  const before = new Set(
    terms(plainTextOf(ref.document, sentenceText(ref, 'before')).split(CLAUSE_END).at(-1)!, { remember: false }),
  );
  return stems.every((t) => before.has(t)) || clauseAfterHolds(ref, stems);
}

/**
 * A figure saying nothing of what it counts joins only from a sentence holding all of the query (chosen on the
 * tune split: 0.75 let in as many wrong points as right ones).
 */
const JOIN_COVERAGE = 1;

/** "**Lower Costs:** ", "__Trade:__ ": a bold label running into its paragraph, which it heads as a title would. */
const RUN_IN_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,160}?(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*/;

/**
 * Whether the words before the figure in its sentence hold every stem: what a figure counts comes first. A label
 * opening the sentence is not among them: it says what the paragraph is about, not what this figure counts.
 */
function leadHolds(ref: FigureRef, stems: string[]): boolean {
  const lead = sentenceText(ref, 'before');
  const held = new Set(terms(lead.replace(RUN_IN_LABEL, '')));
  return stems.every((t) => held.has(t));
}

/** A word right before a figure, nothing but spaces between: its verb ("to invest $550 billion"), not a label's. */
const WORD_RIGHT_BEFORE = /([\p{L}’'-]+)\s+$/u;

/** The stem of the word right before a figure in its sentence, if one stands there. */
function verbBefore(ref: FigureRef): string | undefined {
  const word = WORD_RIGHT_BEFORE.exec(sentenceText(ref, 'before'))?.[1];
  return word === undefined ? undefined : terms(word, { remember: false })[0];
}

const thingOf = (series: TrendSeries) => series.key.split('|')[1]!;
const partOfKey = (series: TrendSeries) => series.key.split('|')[3]!;

/**
 * Figures that say nothing of what they count ("our trade deficit in goods exceeded $1 trillion") join the series
 * the query names when they are measured the same way, their sentence holds all of the query, and the words
 * before them every word of that series' thing the query names; or when one of those words stands right before
 * them as their verb ("Japan has agreed to invest $550 billion" states an investment commitment), of the order of
 * its middle value. Whether any joined.
 */
function joinUnnamed(groups: Map<string, Found[]>, first: TrendSeries, asked: readonly string[]): boolean {
  const thing = thingOf(first).split(' ');
  const named = thing.filter((stem) => asked.includes(stem));
  const [unit, , per, part] = first.key.split('|');
  const unnamedKey = [unit, '', per, part].join('|');
  const unnamed = groups.get(unnamedKey) ?? [];
  const middle = middleValue(first);
  const joining = unnamed.filter(
    (f) =>
      (f.coverage >= JOIN_COVERAGE && leadHolds(f.ref, named)) ||
      (named.includes(verbBefore(f.ref) ?? '') && withinOrder(f.ref.figure.value!, middle, JOIN_ORDER)),
  );
  if (named.length === 0 || joining.length === 0) return false;
  groups.set(first.key, [...groups.get(first.key)!, ...joining]);
  const left = unnamed.filter((f) => !joining.includes(f));
  if (left.length > 0) groups.set(unnamedKey, left);
  else groups.delete(unnamedKey);
  return true;
}

/**
 * Figures counting the first series' word bare ("shipped nearly 160 million doses" beside "COVID-19 vaccine doses"),
 * measured the same way, join it when the verb right before them is of the kind the query asks by ("donated") and
 * their value of the order of its middle one: the query's verb says which of the word's counts it asks for.
 * Whether any joined.
 */
function joinAskedVerb(groups: Map<string, Found[]>, first: TrendSeries, asked: ReadonlySet<string>): boolean {
  const [unit, thing, per, part] = first.key.split('|');
  const bareKey = [unit, thing!.split(' ').at(-1), per, part].join('|');
  const bare = bareKey === first.key ? [] : (groups.get(bareKey) ?? []);
  const middle = middleValue(first);
  const modifiers = thing!.split(' ').slice(0, -1);
  const joining = bare.filter(
    (f) =>
      saysAskedVerb(verbBefore(f.ref), asked) &&
      withinOrder(f.ref.figure.value!, middle, JOIN_ORDER) &&
      sentenceHolds(f.ref, modifiers),
  );
  if (joining.length === 0) return false;
  groups.set(first.key, [...groups.get(first.key)!, ...joining]);
  const left = bare.filter((f) => !joining.includes(f));
  if (left.length > 0) groups.set(bareKey, left);
  else groups.delete(bareKey);
  return true;
}

/** Whether a figure's sentence holds every stem, anywhere in it. */
function sentenceHolds(ref: FigureRef, stems: readonly string[]): boolean {
  const held = new Set(terms(plainTextOf(ref.document, sentenceText(ref, 'around')), { remember: false }));
  return stems.every((t) => held.has(t));
}

/**
 * Figures counting the first series' word with other modifiers ("over 40,000 specific projects" beside "40,000
 * infrastructure projects"), measured the same way, join it when they state a value one of its figures states: the
 * documents name that same figure both ways. Their other figures stay apart, and so does a bare word ("1,000 jobs"
 * beside "1,000 construction jobs" is a coincidence or a part). Whether any joined.
 */
function joinSameFigures(groups: Map<string, Found[]>, first: TrendSeries): boolean {
  const values = new Set(first.points.flatMap((p) => p.figures.map((f) => f.figure.value)));
  const words = first.key.split('|')[1]!.split(' ');
  // A bare word counts any kind of the thing, and a kind a part of the bare word: the same value says nothing.
  if (words.length < 2) return false;
  return joinInto(groups, first, (otherWords, found) =>
    otherWords.at(-1) === words.at(-1) && otherWords.length >= 2
      ? found.filter((f) => values.has(f.ref.figure.value))
      : [],
  );
}

/**
 * Series counting the first one's thing in other words join it: the same counted word with a modifier in common
 * ("publicly available electric vehicle chargers" beside "public electric vehicle chargers"), measured the same
 * way: those of its figures whose value is of the order of the first's middle one. Whether any joined.
 */
function joinKindred(groups: Map<string, Found[]>, first: TrendSeries, query: readonly string[]): boolean {
  const words = first.key.split('|')[1]!.split(' ');
  const asked = words.slice(0, -1).filter((w) => query.includes(w));
  if (asked.length === 0) return false;
  const middle = middleValue(first);
  return joinInto(groups, first, (otherWords, found) =>
    otherWords.at(-1) === words.at(-1) && asked.every((w) => otherWords.some((o) => sameWord(o, w)))
      ? found.filter((f) => withinOrder(f.ref.figure.value!, middle, JOIN_ORDER))
      : [],
  );
}

/**
 * Figures counting another word join the first series when the clause after them names its thing: "private companies
 * have announced $470 billion in manufacturing and clean energy investments" states private investment announced.
 * The clause after the figure holds the first's counted word; the words before it, what it counts and that clause
 * every modifier of it the query asks for; measured the same way, of the order of its middle value. Whether any
 * joined.
 */
function joinThingAfter(groups: Map<string, Found[]>, first: TrendSeries, query: readonly string[]): boolean {
  const words = first.key.split('|')[1]!.split(' ');
  const asked = words.slice(0, -1).filter((w) => query.includes(w));
  const middle = middleValue(first);
  return joinInto(groups, first, (otherWords, found) =>
    otherWords.at(-1) === words.at(-1)
      ? []
      : found.filter(
          (f) => withinOrder(f.ref.figure.value!, middle, JOIN_ORDER) && thingAfter(f.ref, words.at(-1)!, asked),
        ),
  );
}

/**
 * Series the query's asked word is said of count one thing in other words ("16.3 million Americans signing up",
 * "24 million consumers have signed up" beside "21 million people signed up"): into the first of them join, figure by
 * figure, those that say the asked word of what they count, right after it, of the order of its middle value.
 */
function joinSaid(groups: Map<string, Found[]>, first: TrendSeries, said: { asked: string[]; keys: Set<string> }) {
  if (!said.keys.has(first.key)) return false;
  const middle = middleValue(first);
  return joinInto(groups, first, (_, found, key) =>
    said.keys.has(key)
      ? found.filter((f) => withinOrder(f.ref.figure.value!, middle, JOIN_ORDER) && saidRightAfter(f.ref, said.asked))
      : [],
  );
}

/**
 * Figures whose counted phrase is the group the query asks for, or nothing ("13.5 million jobs, including around 4
 * million for Latino workers"): the thing they count is the first series' word before them, said once for both.
 * They join it when the words before them in their sentence hold that word, of the order of its middle value.
 */
function joinRecipients(groups: Map<string, Found[]>, first: TrendSeries, group: readonly string[]): boolean {
  if (group.length === 0) return false;
  const counted = thingOf(first).split(' ').at(-1)!;
  const middle = middleValue(first);
  return joinInto(groups, first, (otherWords, found) =>
    otherWords.every((w) => w === '' || group.includes(w))
      ? found.filter((f) => withinOrder(f.ref.figure.value!, middle, JOIN_ORDER) && leadHolds(f.ref, [counted]))
      : [],
  );
}

/**
 * Figures counting the first series' word in words of their own join it on the evidence of their own words: "private
 * companies have announced $470 billion in manufacturing and clean energy investments" states private investment
 * announced, "$240 billion in investments to bring semiconductor manufacturing" semiconductor investment. Their own
 * stretch of the sentence (ownClauseStems) holds the first's counted word and every modifier of it the query asks,
 * none of them one kind of a list (listedAfter); measured the same way, of the order of its middle value; counted
 * from where the query counts (startsElsewhere); and no one-word name the query does not name opens their sentence
 * ("Georgia has seen over $9 billion in private investment" is one state's). Series drawn beside the first keep
 * their figures. Whether any joined.
 */
function joinOwnWords(groups: Map<string, Found[]>, first: TrendSeries, query: string, acronyms: Acronyms) {
  const words = thingMeasured(first);
  const counted = words.at(-1)!;
  const queryWords = writtenOut(terms(query), acronyms);
  const asked = words.slice(0, -1).filter((w) => queryWords.includes(w));
  // A bare word ("jobs") counts any kind of its thing: only words beside it are evidence of which.
  if (asked.length === 0) return false;
  const middle = middleValue(first);
  const says = (f: Found) => {
    const held = [...ownClauseStems(f.ref, acronyms), ...countedStems(f.ref, acronyms)];
    if (![counted, ...asked].every((w) => held.some((t) => sameWord(t, w)))) return false;
    if (asked.some((w) => listedAfter(f.ref, w)) || startsElsewhere(f.ref, query)) return false;
    const party = openingPartyOf(f.ref);
    return party === null || queryWords.includes(party);
  };
  return joinInto(groups, first, (otherWords, found, key) =>
    wordsMeasured(otherWords, first.unit).at(-1) === counted && !drawnBeside(first, seriesOf(key, found))
      ? found.filter((f) => withinOrder(f.ref.figure.value!, middle, JOIN_ORDER) && says(f))
      : [],
  );
}

/** Words saying a thing is stated as a share: in percent, "the tariff rate" is the tariff. */
const SHARE_WORDS = new Set(terms('rate percent percentage share', { remember: false }));

/** The words a series counts, less a last one its unit already says ("steel tariff rate" in percent: steel tariff). */
const thingMeasured = (series: TrendSeries) => wordsMeasured(thingOf(series).split(' '), series.unit);

/** Counted words less a last one the unit already says: in percent, "unemployment rate" counts unemployment. */
const wordsMeasured = (words: string[], unit: string | null) =>
  unit === '%' && words.length > 1 && SHARE_WORDS.has(words.at(-1)!) ? words.slice(0, -1) : words;

/**
 * Whether a series is drawn beside the first (commands/trend.ts drawnSeries): the same thing, on two points or more,
 * beside a first of two dates or more. Beside a first of one date nothing is drawn, and its points are all it shows.
 */
const drawnBeside = (first: TrendSeries, other: TrendSeries) =>
  new Set(first.points.map((p) => p.date)).size >= 2 && other.points.length >= 2 && sameThingAs(first, other);

/**
 * The stems of a figure's own stretch of its sentence: from the figure before it, or the sentence's start (the
 * clause before a semicolon, colon, dash or bracket), to the next figure, or its clause's end. "Over 670,000
 * construction jobs and 210,000 clean energy jobs": the first says nothing of clean energy; "Bipartisan
 * Infrastructure Law funding, including over 32,000 specific projects": the projects are the law's.
 */
function ownClauseStems(ref: FigureRef, acronyms: Acronyms): Set<string> {
  const { document, figure } = ref;
  const lead = sentenceText(ref, 'before');
  const from = previousFigureEnd(document, figure.span[0]) - (figure.span[0] - lead.length);
  const next = nextFigureStart(document, figure.span[1]);
  const after = sentenceText(ref, 'after').slice(0, Math.max(0, next - figure.span[1]));
  const ownBefore = plainTextOf(document, lead.slice(Math.max(0, from)))
    .split(/[;:()\u2013\u2014]/)
    .at(-1)!;
  const ownAfter = plainTextOf(document, after.replace(/\]\([^)]*\)/g, '')).split(CLAUSE_END)[0]!;
  const stems = terms(`${ownBefore} ${ownAfter}`, { remember: false });
  return new Set([...stems, ...writtenOut(stems, acronyms)]);
}

/** Words after a listed kind within which the comma closing it stands, and after that comma the next item's end. */
const LIST_WITHIN = [3, 5] as const;

/**
 * Whether a word stands after a figure as one kind of a list of three or more ("$200 billion in investments in
 * manufacturing of semiconductors, electric vehicles, aircraft, and batteries"): the figure counts them together,
 * not that kind.
 */
function listedAfter(ref: FigureRef, stem: string): boolean {
  const next = nextFigureStart(ref.document, ref.figure.span[1]);
  const after = sentenceText(ref, 'after').slice(0, Math.max(0, next - ref.figure.span[1]));
  const tokens =
    plainTextOf(ref.document, after)
      .toLowerCase()
      .match(/[\p{L}\p{N}’'&-]+|,/gu) ?? ([] as string[]);
  return tokens.some((token, at) => {
    if (!terms(token, { remember: false }).some((t) => sameWord(t, stem))) return false;
    const comma = tokens.indexOf(',', at + 1);
    if (comma < 0 || comma > at + LIST_WITHIN[0]) return false;
    return tokens.slice(comma + 1, comma + 1 + LIST_WITHIN[1]).some((t) => t === ',' || t === 'and' || t === 'or');
  });
}

/** Each document's figures' ends, in order: where the last figure before a point of its text ends. */
const figureEnds = new WeakMap<Document, number[]>();

/** Where the last figure ending at or before `to` ends; 0 when none does. */
function previousFigureEnd(document: Document, to: number): number {
  let ends = figureEnds.get(document);
  if (!ends) figureEnds.set(document, (ends = document.figures.map((f) => f.span[1]).sort((a, b) => a - b)));
  // Offsets are whole numbers: the first end past `to` is the first at or after to + 1.
  return ends[lowerBound(ends, to + 1) - 1] ?? 0;
}

/** Words after a figure within which a word is said of what it counts ("24 million consumers have signed up"). */
const SAID_WITHIN = 6;

/** Whether every stem stands in the first SAID_WITHIN words after a figure, in its clause. */
function saidRightAfter(ref: FigureRef, stems: readonly string[]): boolean {
  const after = plainTextOf(ref.document, sentenceText(ref, 'after').replace(/\]\([^)]*\)/g, '')).split(CLAUSE_END)[0]!;
  const held = new Set(terms(after.trim().split(/\s+/).slice(0, SAID_WITHIN).join(' '), { remember: false }));
  return stems.every((t) => held.has(t));
}

/** A series' middle value (the upper one of an even count). */
function middleValue(series: TrendSeries): number {
  return series.points.map((p) => p.value).sort((a, b) => a - b)[Math.floor(series.points.length / 2)]!;
}

/**
 * Moves into the first series what `pick` takes of each other series measured the same way (unit, period, part),
 * given the words that series counts. Whether any moved.
 */
function joinInto(
  groups: Map<string, Found[]>,
  first: TrendSeries,
  pick: (otherWords: string[], found: Found[], key: string) => Found[],
): boolean {
  const [unit, , per, part] = first.key.split('|');
  let joined = false;
  for (const [key, found] of [...groups]) {
    const [otherUnit, otherThing, otherPer, otherPart] = key.split('|');
    if (key === first.key || otherUnit !== unit || otherPer !== per || otherPart !== part) continue;
    const moved = pick(otherThing!.split(' '), found, key);
    if (moved.length === 0) continue;
    groups.set(first.key, [...groups.get(first.key)!, ...moved]);
    const left = found.filter((f) => !moved.includes(f));
    if (left.length > 0) groups.set(key, left);
    else groups.delete(key);
    joined = true;
  }
  return joined;
}

/** "in manufacturing and clean energy investments since 2021": what an amount went into, up to a preposition. */
const INTO = /^\s*(?:in|of)\s+(.*)$/i;

/**
 * Whether the phrase an amount went into ("$470 billion in ... investments") ends with the counted word, and the
 * sentence up to the end of that clause holds the modifiers.
 */
function thingAfter(ref: FigureRef, counted: string, modifiers: readonly string[]): boolean {
  const after = plainTextOf(ref.document, sentenceText(ref, 'after').replace(/\]\([^)]*\)/g, '')).split(CLAUSE_END)[0]!;
  const into = INTO.exec(after.replace(/\s+/g, ' '));
  if (!into || terms(` ${into[1]!} `.replace(PREPOSITION, ' '), { remember: false }).at(-1) !== counted) return false;
  const lead = sentenceText(ref, 'before').replace(RUN_IN_LABEL, '');
  const held = terms(`${plainTextOf(ref.document, lead)} ${after}`, { remember: false });
  return modifiers.every((m) => held.some((t) => sameWord(t, m)));
}

/** Two stems of one word's forms: equal, or one opening the other ("public", "publicli"). */
const sameWord = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

function seriesOf(key: string, found: Found[]): TrendSeries {
  const refs = found.map((f) => f.ref);
  const byDocument = new Map<Document, FigureRef[]>();
  for (const ref of refs) byDocument.set(ref.document, [...(byDocument.get(ref.document) ?? []), ref]);
  const points = [...byDocument].map(([document, figures]) => pointOf(document, figures));
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = refs[0]!;
  // A series is named by the figures counting its thing as its key says, not by those joined to it in other words.
  const own = refs.filter((ref) => countedOf(ref) === key.split('|')[1]);
  const name = nameOf(own.length > 0 ? own : refs);
  return { key, name, unit: first.figure.unit, per: periodOf(first), ...fitOf(found), points };
}

/** One document's figures of a series: one value, or the range they span. */
function pointOf(document: Document, figures: FigureRef[]): TrendPoint {
  const lows = figures.map((f) => f.figure.value!);
  const highs = figures.map((f) => f.figure.valueMax ?? f.figure.value!);
  const value = Math.min(...lows);
  const top = Math.max(...highs);
  const bounds = new Set(figures.map((f) => boundOf(f.figure.qualifier)));
  const bound = bounds.size === 1 ? [...bounds][0]! : 'exact';
  return { document, date: documentDate(document)!, value, valueMax: top === value ? null : top, bound, figures };
}

/** The words most of the figures count, as the documents write them; the shortest of equally common ones. */
function nameOf(refs: FigureRef[]): string {
  const seen = new Map<string, number>();
  for (const ref of refs) {
    const words = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
    if (words) seen.set(words, (seen.get(words) ?? 0) + 1);
  }
  const ranked = [...seen].sort(([a, m], [b, n]) => n - m || a.length - b.length);
  return ranked[0]?.[0] ?? (refs[0]!.figure.unit === '%' ? 'percent' : 'figures');
}
