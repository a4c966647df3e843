// What keeps a figure out of a /trend series, or in a series of its own: a part named after its counted phrase
// ("the uninsured rate among rural Americans" is not the uninsured rate), a figure stated for an earlier year than
// its sheet's ("from 30% in 2013"), and money given to one recipient ("$27 million to HBCUs" is one award, not a
// level that moves).
import { plainTextOf } from '../document/formats/index.js';
import { documentDate } from './dates.js';
import type { FigureRef } from './library.js';
import { terms } from './search.js';

/**
 * At most this much of a figure's sentence is read on each side of it: a document without full stops makes one
 * sentence of a whole section, and each of its thousands of figures would read all of it.
 */
const WITHIN_SENTENCE = 600;

/** The raw text of a figure's sentence before it, after it, or around it: at most WITHIN_SENTENCE a side. */
export function sentenceText(ref: FigureRef, side: 'before' | 'after' | 'around'): string {
  const { document, figure } = ref;
  const from = side === 'after' ? figure.span[1] : Math.max(figure.sentenceSpan[0], figure.span[0] - WITHIN_SENTENCE);
  const to = side === 'before' ? figure.span[0] : Math.min(figure.sentenceSpan[1], figure.span[1] + WITHIN_SENTENCE);
  return document.text.slice(from, to);
}

/**
 * A preposition naming a part of what is counted: "2 million workers among them"; after its figure, "for" and "in"
 * say what the amount is for or went into ("10.5 million applications for new businesses", "$470 billion in
 * private investments in clean energy"), the thing itself.
 */
const SUBGROUP = /^\s*among\s+([^,;:()\u2013\u2014]*)/i;
/**
 * Before its figure, "for", "in" and "with" name a part too ("the uninsured rate for the self-employed has fallen
 * to", "the trade deficit in automobile parts reached $93.5 billion", "the trade deficit with China was").
 */
const SUBGROUP_BEFORE = /^\s*(?:among|for|in|with)\s+([^,;:()\u2013\u2014]*)/i;
/** Where a part's words end: the next preposition, or a verb ("reached", "has fallen"). */
const PART_END_WORDS = [
  'in for at since by from to on across through over under with into during per each this last',
  'than and or that which who',
]
  .join(' ')
  .split(' ')
  .join('|');
const PART_END = new RegExp(String.raw`\s(?:${PART_END_WORDS})\s.*$`, 'i');
const VERB = /^(?:is|was|were|are|be|been|has|have|had|will|would|can|could|hit|rose|fell|grew|stood|now|[a-z]+ed)$/i;
/** Words of a time frame, not of a part: "in 2024", "in March", "for the first time", "in a row". */
export const TIME_STEMS = new Set(
  terms(
    'year years month months week weeks day days time times first last past next recent quarter fiscal decade ' +
      'decades total row record history today date january february march april may june july august ' +
      'september october november december',
    { remember: false },
  ),
);

const NUMBER_STEMS = new Set(
  terms('one two three four five six seven eight nine ten twelve hundred thousand million billion', {
    remember: false,
  }),
);

/**
 * The stems of the part a figure's counted phrase names after a preposition, else of the party its sentence is
 * about ("Marriott International is committing ..."); none when it names none.
 */
export function partOf(ref: FigureRef): string[] {
  const named = namedSubjectOf(ref);
  if (named.length > 0) return named;
  const after = partAfterCounted(ref);
  return after.length > 0 ? after : placeAfterCounted(ref);
}

/**
 * A place named right after what a figure counts, where it went or stands: "166 million vaccine doses with 48
 * countries in Africa", "doses to the Indo-Pacific", "to countries across Latin America and the Caribbean". A name
 * (capitalized words, "and the" between them, no number after them: "in FY 2022" says when) after "to", "in",
 * "across" or "throughout", five words into its clause at most.
 */
const PLACE_AFTER = new RegExp(
  String.raw`^\s*(?:[\p{L}\d,’'-]+\s+){0,5}?(?:to|in|across|throughout)\s+(?:the\s+)?` +
    String.raw`(\p{Lu}[\p{L}-]*(?:\s+(?:and\s+(?:the\s+)?)?\p{Lu}[\p{L}-]*)*)(?![\p{L}-])(?!\s*\d)`,
  'u',
);
/** The country the documents speak for: a figure there is the whole, not a part. */
const WHOLE = /^(?:United States(?: of America)?|America|U|US|USA|Nation)$/;
/** The last word of a program's or a body's name, not a place's ("enrolled in the Connectivity Program"). */
const INSTITUTION = new Set(
  terms(
    'program programs act law plan initiative fund facility agency department administration office service corps ' +
      'partnership alliance coalition council commission bank summit project network center centers',
    { remember: false },
  ),
);
/** A short form alone names a program or a body ("enrolled in the ACP", "awarded to HBCUs"), not a place. */
const SHORT_FORM = /^\p{Lu}{2,}\p{Ll}?$/u;
/** A title opens a person's name, not a place's ("commitment to President Trump"). */
const TITLE = /^(?:President|Vice|Secretary|Senator|Governor|Mayor|Congress|Mr|Mrs|Ms|Dr)\b/;

/** The stems of the place named right after what a figure counts (PLACE_AFTER), the whole country aside; or none. */
function placeAfterCounted(ref: FigureRef): string[] {
  const tail = tailAfterCounted(ref);
  if (tail === null || tail.before) return [];
  const place = PLACE_AFTER.exec(tail.text.replace(/\s+/g, ' '));
  const stems = place && !TITLE.test(place[1]!) ? terms(place[1]!, { remember: false }) : [];
  if (WHOLE.test(place?.[1] ?? '') || stems.some((t) => TIME_STEMS.has(t))) return [];
  return INSTITUTION.has(stems.at(-1) ?? '') || SHORT_FORM.test(place?.[1] ?? '') ? [] : stems;
}

function partAfterCounted(ref: FigureRef): string[] {
  const tail = tailAfterCounted(ref);
  const match = tail === null ? null : (tail.before ? SUBGROUP_BEFORE : SUBGROUP).exec(tail.text);
  if (!match) return [];
  const words: string[] = [];
  for (const word of match[1]!.replace(PART_END, '').split(/\s+/)) {
    if (VERB.test(word)) break;
    words.push(word);
  }
  const stems = terms(words.join(' '), { remember: false });
  // "in 2024", "in just two years", "for the first time": when, not which part.
  return stems.some((t) => /^\d/.test(t) || TIME_STEMS.has(t) || NUMBER_STEMS.has(t)) ? [] : stems;
}

/** Words a name may hold uncapitalized ("Department of Energy", "Bed and Breakfast"). */
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', '&']);
/** Words opening a clause that is not a subject ("Since the President took office, ..."). */
const CLAUSE_OPENER = new RegExp(
  String.raw`^(?:${PART_END_WORDS}|as|while|when|after|before|if|because|although|once|until|among|of|a|an)$`,
  'i',
);
/** A sentence's opening phrase ("Today, ", "In 2024, "): when, not who. */
const OPENING = /^(?:[^\s,]+\s+){0,2}[^\s,]+,\s+/;

/**
 * The party a figure's sentence is about, when its subject is a name of two words or more that the document's title
 * does not name: "Marriott International is committing ... 4,100 EV chargers" counts a company's chargers,
 * "The Department of Energy Loan Program Office closed a loan of $2.5 billion" an office's loan, not the nation's
 * total the sheet's author reports. One capitalized word ("Companies", "Americans") opens sentences too often to be
 * read as a name.
 */
export function namedSubjectOf(ref: FigureRef): string[] {
  const { document } = ref;
  const lead = plainTextOf(document, sentenceText(ref, 'before'));
  // "the Census Bureau released data that showed that Americans have applied": the source, not the party counted.
  if (REPORTED.test(lead)) return [];
  const subject: string[] = [];
  for (const word of lead.replace(/\s+/g, ' ').trim().replace(OPENING, '').split(' ')) {
    if (VERB.test(word)) break;
    if (!/^\p{Lu}/u.test(word) && !NAME_JOINERS.has(word)) return [];
    subject.push(word);
  }
  const names = subject.filter((w) => /^\p{Lu}/u.test(w) && w !== 'The');
  if (names.length < 2 || CLAUSE_OPENER.test(subject[0]!) || subject.length === lead.trim().split(/\s+/).length)
    return [];
  const title = new Set(terms(document.title, { remember: false }));
  const stems = terms(subject.join(' '), { remember: false });
  return stems.some((t) => title.has(t)) ? [] : stems;
}

/** Words saying the subject reports what the figure's clause states: a source, not the party the figure is of. */
const REPORTED =
  /\b(?:data|reports?|reported|reporting|estimates?|estimated|found|finds|shows?|showed|showing)\s+that\b/i;

/** "In Georgia, companies have announced ...": a place the opening phrase puts the sentence in. */
const PLACE_OPENING = /^(?:In|Across|Throughout)\s+(\p{Lu}\p{Ll}+),\s/u;

/**
 * The one-word name opening a figure's sentence as its subject, right before a verb ("Georgia has seen over $…",
 * "Intel has announced"), or the place its opening phrase names ("In Ohio, companies have"): the party the figure is
 * said of, as a stem. A name by the document's own writing: never in lower case there, and capitalized inside a
 * sentence at least once. A plural ("Americans", "Companies") names a people or a kind of party, not one. Null when
 * none.
 */
export function openingPartyOf(ref: FigureRef): string | null {
  const lead = plainTextOf(ref.document, sentenceText(ref, 'before')).replace(/\s+/g, ' ').trim();
  const place = PLACE_OPENING.exec(lead)?.[1];
  if (place && writtenAsName(ref.document.text, place)) return terms(place, { remember: false })[0] ?? null;
  const [word, next] = lead.replace(OPENING, '').split(' ');
  if (!word || !next || !VERB.test(next) || !/^\p{Lu}\p{Ll}+$/u.test(word) || word.endsWith('s')) return null;
  if (CLAUSE_OPENER.test(word) || !writtenAsName(ref.document.text, word)) return null;
  return terms(word, { remember: false })[0] ?? null;
}

/** Whether a text writes a word capitalized wherever it stands, and at least once after a word in lower case. */
function writtenAsName(text: string, word: string): boolean {
  const writings = [...text.matchAll(new RegExp(`(\\p{L}*)[^\\p{L}\\n]{1,3}(${escaped(word)})\\b`, 'giu'))];
  const inside = writings.filter((m) => /^\p{Ll}/u.test(m[1]!));
  return inside.length > 0 && writings.every((m) => m[2] === word);
}

/** "Americans have applied to start 10.5 million new businesses": the figure counts applications for them. */
const APPLIED_TO = /\b(?:applied|apply|applying)\s+to\s+(?:start|open|form|launch|create)\s*$/i;

/** Whether the words right before a figure say it counts applications for what it names (APPLIED_TO). */
export function appliedFor(ref: FigureRef): boolean {
  return APPLIED_TO.test(plainTextOf(ref.document, sentenceText(ref, 'before')).replace(/\s+/g, ' '));
}

/** Words counting people: "104,000 Americans died" counts deaths when the sentence says they died. */
const PEOPLE = new Set(
  terms('people persons Americans lives individuals residents adults children men women', { remember: false }),
);
/** "Americans died due to a drug overdose", "people have died from", "were killed in": the people died of what follows. */
const DIED = new RegExp(
  String.raw`^\s*(?:have\s+|had\s+|were\s+|are\s+)?(?:died|killed|lost\s+their\s+lives)\b` +
    String.raw`(?:\s+(?:due\s+to|of|from|because\s+of|in)\s+(?:an?\s+|the\s+)?([\p{L}\s-]+?)` +
    String.raw`(?=\s+(?:in|for|at|since|during|over|between|across|from|each|every|per|this|last|and|or)\b` +
    String.raw`|[,.;:()\u2013\u2014]|$))?`,
  'iu',
);
/** "claiming 106,854 lives", "killing roughly 75,000 Americans": the people the sentence's subject killed. */
const KILLING = /\b(?:claiming|claimed|killing|killed|taking|took|costing)(?:\s+\p{L}+){0,2}\s*$/iu;
/** A sentence's subject: its words before the first verb, at most this many, none of them "and" (one cause). */
const SUBJECT_WORDS = 3;

/**
 * Deaths a figure counts in other words: people its sentence says died, of what ("104,000 Americans died due to a
 * drug overdose": drug overdose), or whom its subject killed ("drug overdoses have taken a heartbreaking toll,
 * claiming 106,854 lives": drug overdoses). The stems of the cause, none when the sentence names none in few words;
 * null when the figure counts no people who died.
 */
export function deathCauseOf(ref: FigureRef): string[] | null {
  const counted = terms(ref.figure.counts ?? '', { remember: false });
  if (counted.length !== 1 || !PEOPLE.has(counted[0]!)) return null;
  const { document } = ref;
  const counts = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
  const after = plainTextOf(document, sentenceText(ref, 'after')).replace(/\s+/g, ' ');
  const rest = after.trimStart().startsWith(counts) ? after.trimStart().slice(counts.length) : null;
  const died = rest === null ? null : DIED.exec(rest);
  if (died) return died[1] ? terms(died[1], { remember: false }) : [];
  const before = plainTextOf(document, sentenceText(ref, 'before')).replace(/\s+/g, ' ');
  if (!KILLING.test(before)) return null;
  const subject: string[] = [];
  for (const word of before.replace(OPENING, '').split(' ')) {
    if (VERB.test(word) || /[,;:]$/.test(word)) break;
    subject.push(word);
  }
  const stems = terms(subject.join(' '), { remember: false });
  return subject.length > SUBJECT_WORDS || subject.includes('and') ? [] : stems;
}

/** "since President Biden signed the CHIPS Act": a clause saying from when an amount runs, to its clause's end. */
const SINCE = /\bsince\s+([^,;:()\u2013\u2014.]*)/gi;

/**
 * Whether a figure's sentence counts from another starting point than the query's: the query says since when ("since
 * Biden took office") and a "since" clause of the sentence says it with a verb the query does not ("since President
 * Biden signed the CHIPS Act", "since the President was elected"). A clause with no verb ("since the beginning of the
 * Administration", "since January 2021") or the query's own ("since the President took office") starts where asked.
 */
export function startsElsewhere(ref: FigureRef, query: string): boolean {
  const asked = /\bsince\s+(.*)$/i.exec(query)?.[1];
  if (asked === undefined) return false;
  const askedWords = new Set(asked.toLowerCase().split(/\s+/));
  const sentence = plainTextOf(ref.document, sentenceText(ref, 'around')).replace(/\s+/g, ' ');
  return [...sentence.matchAll(SINCE)].some((clause) =>
    clause[1]!.split(' ').some((word) => /^[a-z]{2,}ed$/.test(word) && !askedWords.has(word)),
  );
}

/**
 * The words after the counted phrase: within it when it holds a preposition ("investment in manufacturing"), else
 * in the sentence after it, up to the figure when the phrase comes first, else up to the sentence's end.
 */
function tailAfterCounted(ref: FigureRef): { text: string; before: boolean } | null {
  const counts = ref.figure.counts?.replace(/\s+/g, ' ').trim();
  if (!counts) return null;
  const within = /\samong\s.*$/i.exec(counts);
  if (within) return { text: within[0], before: false };
  const { document } = ref;
  const pattern = new RegExp(counts.split(' ').map(escaped).join('\\s+'), 'gi');
  const after = sentenceText(ref, 'after');
  const later = pattern.exec(after);
  if (later) return { text: plainTextOf(document, after.slice(later.index + later[0].length)), before: false };
  const before = sentenceText(ref, 'before');
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(before); m; m = pattern.exec(before)) last = m;
  return last ? { text: plainTextOf(document, before.slice(last.index + last[0].length)), before: true } : null;
}

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "in 2013", "fiscal year 2023": the one year a time frame names, or null. */
function singleYearOf(timeframe: string | null): number | null {
  const match = /^(?:in|during|for)?\s*(?:(?:fiscal|calendar) year\s*|FY\s*)?((?:19|20)\d\d)$/i.exec(
    timeframe?.replace(/\s+/g, ' ').trim() ?? '',
  );
  return match ? Number(match[1]) : null;
}

/**
 * A figure for a year before the one its sheet could report last: "from 30% in 2013 to 20.5% in 2019" in a 2022
 * sheet is history, not that sheet's point; "in 2024" in a 2025 sheet is the latest there is.
 */
export function isEarlierYear(ref: FigureRef): boolean {
  const year = oneYearOf(ref);
  const date = documentDate(ref.document);
  return year !== null && date !== null && year < Number(date.slice(0, 4)) - 1;
}

/** The one year a figure is stated for, or null (none, or a span such as "in 2021 and 2022"). */
function oneYearOf(ref: FigureRef): number | null {
  const year = singleYearOf(ref.figure.timeframe);
  return year === null || runsOn(ref, year) ? null : year;
}

/** "In 2021 and 2022", "from 2021 through 2024": the year named is where a span starts, not where it ends. */
function runsOn(ref: FigureRef, year: number): boolean {
  const { document } = ref;
  const sentence = plainTextOf(document, sentenceText(ref, 'around')).replace(/\s+/g, ' ');
  return new RegExp(`\\b${year}\\s*,?\\s*(?:and|to|through|-|\u2013)\\s*(?:19|20)\\d\\d`).test(sentence);
}

/** A year named by where it stands, not by its number: "last fiscal year", "the past year", "his first year". */
const YEAR_BACK = /\b(?:last|past|previous|prior|first)\s+(?:(?:fiscal|calendar)\s+)?year\b/i;

/**
 * Whether a figure is stated for one year: "in 2023", or a year its time frame or the words before it name by where
 * it stands ("In just the last year, CBP seized nearly 15,000 pounds"), unless they say the amount runs on ("since").
 * A yearly amount, never a running total.
 */
export function isOneYear(ref: FigureRef): boolean {
  if (oneYearOf(ref) !== null) return true;
  const lead = plainTextOf(ref.document, sentenceText(ref, 'before'));
  return (YEAR_BACK.test(ref.figure.timeframe ?? '') || YEAR_BACK.test(lead)) && !RUNNING_TOTAL.test(lead);
}

/** Words saying an amount adds up over time: a running total, comparable from sheet to sheet. */
const RUNNING_TOTAL = /\b(?:cumulative|in total|to date|so far|since|all told|altogether|a total of|record)\b/i;

/**
 * Money given to a recipient ("$10 billion to HBCUs", "$5.5 million for HBCUs to conduct research"): one award,
 * which a chart would set beside other awards as if one amount moved; unless the sentence says it is a total.
 */
export function isAward(ref: FigureRef): boolean {
  const { document, figure } = ref;
  if (figure.unit !== '$' || !figure.counts) return false;
  const after = plainTextOf(document, sentenceText(ref, 'after'));
  if (!/^\s*(?:to|for)\s/i.test(after)) return false;
  const sentence = plainTextOf(document, sentenceText(ref, 'around'));
  return !RUNNING_TOTAL.test(sentence);
}

/** "by 2030", "by the end of 2024": a date the figure is to be reached by. */
const BY_YEAR = /^by (?:the end of )?(?:(?:fiscal|calendar) year )?((?:19|20)\d\d)$/i;
/** Words before a figure in its clause saying it is aimed at, not reached: "the goal of", "plans to install". */
const AIMING = /\b(?:aims?|aiming|plans?|planning|pledges?|pledging|commits?|committing|commitments?) to\b/i;
const AIMED = /\b(?:goals?|targets?|will|would|on track to|expected to|projected to)\b/i;
/** "to build 500,000 chargers": what is to be done, not what was. */
const TO_DO = /\bto (?:build|install|deploy|create|produce|sell|reach|achieve|add)\b/i;
/** A clause opening with an infinitive ("To advance the build-out of our network of 500,000 chargers"): its aim. */
const PURPOSE = /^\s*(?:in order )?to (?!date\b)\p{L}+/iu;

/**
 * A goal or a projection: a figure to be reached by a later year ("500,000 chargers by 2030"), or one its clause
 * says is aimed at ("the goal of building 500,000 chargers", "will produce 1 million chargers"). A chart of what
 * the documents said was reached has no place for it.
 */
export function isGoal(ref: FigureRef): boolean {
  const { document, figure } = ref;
  const by = BY_YEAR.exec(figure.timeframe?.replace(/\s+/g, ' ').trim() ?? '');
  const date = documentDate(document);
  if (by && date !== null && Number(by[1]) >= Number(date.slice(0, 4))) return true;
  const before = plainTextOf(document, sentenceText(ref, 'before'));
  const clause = before.split(/,\s|[;:()\u2013\u2014]/).at(-1) ?? '';
  return [AIMING, AIMED, TO_DO, PURPOSE].some((words) => words.test(clause));
}

/** "preventing more than 600,000 overdose deaths": what did not happen, before the figure in its clause. */
const AVERTED_BEFORE = new RegExp(
  String.raw`\b(?:prevent|prevents|prevented|preventing|avert|averts|averted|averting|avoid|avoids|avoided|avoiding)` +
    String.raw`(?:\s+(?:about|nearly|almost|over|more than|roughly|approximately|an estimated|up to|at least))?\s*$`,
  'i',
);
/** "2,000 premature deaths avoided": the same, said after what the figure counts. */
const AVERTED_AFTER = /^\s*(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:avoided|averted|prevented)\b/i;

/**
 * A figure of what did not happen ("preventing more than 600,000 overdose deaths", "2,000 premature deaths
 * avoided"): a count of things averted is no level of those things, and no chart of them has a place for it.
 */
export function isAverted(ref: FigureRef): boolean {
  const { document } = ref;
  const before = plainTextOf(document, sentenceText(ref, 'before')).replace(/\s+/g, ' ');
  if (AVERTED_BEFORE.test(before.split(/,\s|[;:()\u2013\u2014]/).at(-1) ?? '')) return true;
  const counts = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
  const after = plainTextOf(document, sentenceText(ref, 'after')).replace(/\s+/g, ' ').trimStart();
  return counts !== '' && after.startsWith(counts) && AVERTED_AFTER.test(after.slice(counts.length));
}

/** "1 million illegal aliens could cost", "30 gigawatts of wind will help": a modal right after what is counted. */
const FORESEEN_AFTER = /^\s*(?:could|would|might|may|will)\b/i;

/**
 * A figure of what might be or will be ("providing welfare to one million illegal aliens could cost $3 billion",
 * "deploying 30 gigawatts of offshore wind will help power 10 million homes"): things supposed or aimed at, not
 * counted, so no point of their series.
 */
export function isForeseen(ref: FigureRef): boolean {
  const counts = (ref.figure.counts ?? '').replace(/\s+/g, ' ').trim();
  const after = plainTextOf(ref.document, sentenceText(ref, 'after')).replace(/\s+/g, ' ').trimStart();
  return counts !== '' && after.startsWith(counts) && FORESEEN_AFTER.test(after.slice(counts.length));
}

/** Words before a figure saying it is a change: "fell by 8%", "down 90 percent", "an additional 24,000". */
const CHANGE_BEFORE = /\b(?:by|down|up)(?:\s+(?:about|nearly|almost|over|more than|roughly|approximately|some))?\s*$/i;
const CHANGE_AFTER =
  /^\s*(?:percent\s+|%\s*)?(?:increase|decrease|drop|decline|rise|jump|reduction|cut|fall|growth|lower|higher)\b/i;
/** "a decline in overdose deaths of 10%": a change named before what changed, its size after "of". */
const CHANGE_OF = new RegExp(
  String.raw`\b(?:increase|decrease|decline|drop|rise|jump|reduction|fall|growth)\s+(?:in\s+[^,;:()]{1,80}?\s+)?of` +
    String.raw`(?:\s+(?:about|nearly|almost|over|more than|roughly|approximately|some))?\s*$`,
  'i',
);
/** Words anywhere before a figure in its clause saying it adds to an earlier amount. */
const ADDED = /\b(?:additional|another|an extra)\b/i;
/** Query words asking how a figure changed. */
const CHANGE_ASKED = new Set(
  terms('change drop down decline decrease fall fell increase rise rose cut reduce reduction grow growth jump', {
    remember: false,
  }),
);

/**
 * A change, not a level: "increased enrollments by about 35%", "a 90 percent drop", "an additional 24,000
 * chargers". Beside levels of the same unit it reads as one; the query must ask how the figure changed.
 */
export function isChange(ref: FigureRef): boolean {
  const { document } = ref;
  const before = plainTextOf(document, sentenceText(ref, 'before'));
  const after = plainTextOf(document, sentenceText(ref, 'after'));
  const clause = before.split(/,\s|[;:()\u2013\u2014]/).at(-1) ?? '';
  return CHANGE_BEFORE.test(before) || CHANGE_OF.test(clause) || CHANGE_AFTER.test(after) || ADDED.test(clause);
}

/** Whether the query asks how a figure changed ("covid deaths down", "apprehensions drop"). */
export const asksChange = (query: string) => terms(query, { remember: false }).some((t) => CHANGE_ASKED.has(t));

/**
 * Verbs of what was done with a counted thing, by kind: doses donated and doses secured, jobs created and jobs
 * supported, are different counts of the same word. A Map: a query's "constructor" is no key.
 */
const VERB_KINDS: ReadonlyMap<string, string> = new Map(
  [
    'given: donated donating shipped shared sharing delivered sent gave given provided distributed',
    'gotten: secured purchased bought procured received acquired',
    'made: created creating added',
    'kept: supported sustained saved retained',
  ].flatMap((line) => {
    const [kind, words] = line.split(': ') as [string, string];
    return terms(words, { remember: false }).map((stem) => [stem, kind] as const);
  }),
);
/** The kind of verb that answers another question than each kind asked. */
const OPPOSED_KIND = new Map([
  ['given', 'gotten'],
  ['gotten', 'given'],
  ['made', 'kept'],
  ['kept', 'made'],
]);

/** The kinds of verb a query asks by ("doses donated": given); none when it names no such verb. */
export function verbKindsAsked(query: string): Set<string> {
  return new Set(terms(query, { remember: false }).flatMap((t) => VERB_KINDS.get(t) ?? []));
}

/** Whether a figure's verb (a stem) is of a kind the query asks by ("shipped 160 million doses" for "donated"). */
export const saysAskedVerb = (verb: string | undefined, asked: ReadonlySet<string>): boolean =>
  verb !== undefined && asked.has(VERB_KINDS.get(verb) ?? '');

/**
 * Whether a figure's verb (a stem) is of the kind opposed to one the query asks by ("secured 270 million doses" for
 * "doses donated"), and of none it asks: it counts something else done with the same thing.
 */
export function saysOpposedVerb(verb: string | undefined, asked: ReadonlySet<string>): boolean {
  const kind = verb === undefined ? undefined : VERB_KINDS.get(verb);
  if (kind === undefined || asked.has(kind)) return false;
  return [...asked].some((k) => OPPOSED_KIND.get(k) === kind);
}
