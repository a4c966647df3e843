// Whose figure a claim gives, and who does what to whom: the parties it names (Mexico, the Caribbean, the
// U.S.), in order. A statement gives the same figure for the same thing only when it (or what it stands in:
// its statement, list lead-in, heading, document title) names each party, and names them in the same order
// ("the U.S. is providing the Caribbean with …" is not "the Caribbean is providing the U.S. with …").
import { MONTHS } from '../document/figures/vocabulary.js';
import type { Document } from '../document/types.js';
import { learnAcronyms, type Acronyms } from './acronyms.js';
import type { IndexedSentence, TermSet } from './figure-search.js';
import { terms } from './search.js';

/** A name ("Caribbean Development Bank"): its stems, the words as written, and the word written before it. */
interface Name {
  stems: string[];
  words: string[];
  before?: string;
  /** Whether a verb's helper follows the name: "Canada is hitting", "Japan will charge". */
  subject?: boolean;
  /** Whether it only says whose a thing is ("American farm products"): it stands in no order of who does what. */
  modifier?: boolean;
}

/** Who does what to whom: the one doing it, the one it is done to, or not said by where the name stands. */
type Role = 'actor' | 'patient' | null;

/** Names in the order a text gives them; names joined by "and", "or" or commas share a place. */
type Parties = Name[][];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.&'’-]*/gu;
/** The United States however it is written ("U.S.", "US", "United States", "America", "American"): one party. */
const HOME = 'us';
const HOME_WRITTEN = /\b(?:united\s+states|america(?:ns?)?|us)\b/giu;

/** Words before a name that say it is the one a thing is done to: "a tariff on Canada", "imports from Mexico". */
const DIRECTED = new Set(['on', 'against', 'into', 'to', 'toward', 'towards']);
/** A verb's helper right after a name makes it the one doing what the clause says. */
const HELPER_AFTER = /^\s+(?:is|are|was|were|has|have|had|will|would|can|could|shall|should|must|may|might)\b/u;
/**
 * Words that make the name after them part of a noun phrase, not the clause's subject: in "people with Medicare
 * would have saved" and "people on Medicare would" the helper belongs to "people".
 */
const PREPOSITIONS = new Set(['with', 'on', 'of', 'in', 'for', 'from', 'at', 'under', 'without', 'by', ...DIRECTED]);
/**
 * "American" before a noun says whose a thing is, not who does what to whom: "Japan will buy $8 billion of American
 * farm products" is stated by "American farmers … benefit from … Japan's commitment to purchase $8 billion". Only
 * an equal figure is read so: another figure needs the claim's order ("the U.S. … deficit with China").
 */
const MODIFIER = /^American$/u;
/** Words before a name that make it a time, not a party: "since Trump's first term", "during the Obama years". */
const TIME_BEFORE = new Set(['since', 'during', 'until', 'throughout']);
/** A fiscal year is a time, not a party: "in FY2023", "FY 2024", "in Fiscal Year 2025". */
const FISCAL_YEAR = /^(?:FY\d*|Fiscal Years?)$/u;

/** Words between names that join them in one place. */
const JOINING = new Set(['and', 'or', 'the']);

const ARTICLES = new Set(['The', 'A', 'An']);
/** Words that open sentences and name nobody ("Only 10 miles", "There is"). */
const FUNCTION_WORDS = new Set(
  terms('only there this these those some many most more less just even about over under nearly almost', {
    remember: false,
  }),
);
/** Months and days name a time, not a party ("Since February, Australia has contributed …"). */
const CALENDAR = new RegExp(String.raw`^(?:${MONTHS}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$`, 'u');
const isCapitalized = (word: string) =>
  /^(?:\p{Lu}|\p{L}+\p{N})/u.test(word) &&
  !CALENDAR.test(word) &&
  !terms(word, { remember: false }).every((stem) => FUNCTION_WORDS.has(stem));
const bare = (word: string) => word.replace(/['’]s?$|\.$/u, '');
const stemsOf = (words: string[]) => terms(words.join(' ').replace(/\./g, '').replace(HOME_WRITTEN, HOME));
/** The stems of a claim's names, worked out once: each is asked of every statement a claim reaches. */
const stemsMemo = new Map<string, string[]>();
function namedStems(words: string[]): string[] {
  const key = words.join(' ');
  let stems = stemsMemo.get(key);
  if (!stems) {
    if (stemsMemo.size >= 4096) stemsMemo.clear();
    stemsMemo.set(key, (stems = stemsOf(words)));
  }
  return stems;
}

/**
 * The names a text gives, in order: runs of capitalized words. Names joined by "and" or "or" share a place; a name after "by" is the one doing it ("tariffs on China by the U.S."), so it goes first.
 */
export function partiesOf(text: string): Parties {
  const groups: Parties = [];
  let run: string[] = [];
  // The words since the last name (none before the first).
  const since: string[] = [];
  let named = false;
  // The last word before the name being read, "the" aside.
  let before: string | undefined;
  let runEnd = 0;
  const close = () => {
    const stems = stemsOf(run);
    if (stems.length > 0 && !TIME_BEFORE.has(before ?? '') && !FISCAL_YEAR.test(run.join(' '))) {
      const subject = !PREPOSITIONS.has(before ?? '') && HELPER_AFTER.test(text.slice(runEnd));
      const modifier = MODIFIER.test(run.join(' ')) && /^\s+\p{Ll}/u.test(text.slice(runEnd));
      const name = { words: run, stems, before, subject, modifier };
      const last = since.filter((word) => word !== 'the').at(-1);
      const joined = named && since.some((word) => word !== 'the') && since.every((word) => JOINING.has(word));
      if (joined) groups.at(-1)!.push(name);
      else if (last === 'by') groups.unshift([name]);
      else groups.push([name]);
      since.length = 0;
      named = true;
    }
    // The word before the next name is one after this: "(PACT)" in "Promise to Address Comprehensive Toxics (PACT)
    // Act" is not the one done to.
    if (run.length > 0) before = undefined;
    run = [];
  };
  let end = 0;
  for (const match of text.matchAll(WORD)) {
    const word = bare(match[0]);
    if (/[^\s]/u.test(text.slice(end, match.index))) close();
    end = match.index + match[0].length;
    if (isCapitalized(word) && !(run.length === 0 && ARTICLES.has(word))) {
      run.push(word);
      runEnd = end;
    } else {
      close();
      if (named) since.push(word.toLowerCase());
      if (word.toLowerCase() !== 'the') before = word.toLowerCase();
    }
  }
  close();
  return firstMentions(groups);
}

/**
 * Each name at its first place only: a name said again ("Indonesia's tariff on U.S. goods was 8% while the U.S.
 * tariff was 3.3%") is the same party, and its second mention says nothing of who does what to whom.
 */
function firstMentions(groups: Parties): Parties {
  const seen = new Set<string>();
  return groups
    .map((group) => group.filter(({ stems }) => !seen.has(stems.join(' ')) && seen.add(stems.join(' '))))
    .filter((group) => group.length > 0);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word, not part of one. */
const wholeWord = (pattern: string, flags = 'u') =>
  new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, flags);
const HOME_TEXT = wholeWord(String.raw`(?:U\.S\.|US|United\s+States|America|Americans?)`);

/** What a document says of a word, looked up once a check: written in lower case (a common word), or at all. */
function lookUp(document: Document, word: string, seen: Map<string, boolean>, test: () => boolean): boolean {
  const key = `${document.id}\u0000${word}`;
  let found = seen.get(key);
  if (found === undefined) seen.set(key, (found = test()));
  return found;
}

/** Whether a document writes a word in lower case anywhere: then it is a common word, not a name. */
const writesLower = (document: Document, word: string, seen: Map<string, boolean>) =>
  lookUp(document, word, seen, () => IN_PROSE(`${escaped(rootOf(word))}\\p{Ll}*`).test(document.text));
/** What a word's forms share ("replac" of "Replacing", "replaced"): the start its stem has in common with it. */
function rootOf(word: string): string {
  const lower = word.toLowerCase();
  const stem = terms(lower)[0] ?? lower;
  let n = 0;
  while (n < lower.length && lower[n] === stem[n]) n++;
  return lower.slice(0, Math.max(n, Math.min(3, lower.length)));
}
/** A word in the prose, not in a link's address ("…/leaders-of-the-caribbean-community/"). */
const IN_PROSE = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}/-])${pattern}(?![\\p{L}\\p{N}/-])`, 'u');

/**
 * Whether two words name one party: the same, or a place and its people ("Canada" and "Canadian", "Mexico" and
 * "Mexican", "China" and "Chinese"), which differ only past a shared start of four letters or more.
 */
export function sameName(a: string, b: string): boolean {
  const [x, y] = [folded(a), folded(b)];
  if (x === y) return true;
  let n = 0;
  while (n < x.length && x[n] === y[n]) n++;
  if (n < 4) return false;
  // "Turkey" and "Turkish", "Türkiye" and "Turkish": a people's word ends the shared start with its suffix.
  const people = (one: string, other: string) => PEOPLE_SUFFIX.test(one.slice(n)) && other.length - n <= 3;
  // Past the shared start, the shorter word keeps a letter at most and the longer a people's ending or a letter,
  // perhaps plural: "Canad-a", "Canad-ians"; "Medica-re" and "Medica-id" are two programmes.
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const ending = long.slice(n).replace(/s$/u, '');
  const oneWord = n >= short.length - 1 && (ending.length <= 1 || PEOPLE_SUFFIX.test(ending));
  return oneWord || people(x, y) || people(y, x);
}

/**
 * How English names a place's people after the place's start: Turk-ish, Japan-ese, Ukrain-ian, Israel-i,
 * Wisconsin-ite (stemmed "wisconsinit"), New York-er.
 */
const PEOPLE_SUFFIX = /^(?:ish|ian|an|ese|es|ean|i|ite?|er)$/u;
/** A name without its accents, in lower case: "Türkiye" is written "Turkiye" too. */
const folded = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether a document writes a word naming the same party as `word` ("Canada" for "Canadian"). */
function writesSameName(document: Document, word: string): boolean {
  for (const [written] of document.text.matchAll(wholeWord(`${escaped(word.slice(0, 4))}\\p{L}*`, 'gu')))
    if (sameName(written, word)) return true;
  return false;
}

/** An agency goes by many names ("USDA", "the Department of Agriculture", "EVs"): an acronym asks for none. */
const isAcronym = (word: string) => /^\p{Lu}{2,6}s?$/u.test(word);

/** Whether a document names a party's word: as written, spelled out when an acronym, or as the U.S. */
const namesWord = (document: Document, word: string, seen: Map<string, boolean>) =>
  lookUp(document, `\u0001${word}`, seen, () => {
    if (namedStems([word])[0] === HOME) return HOME_TEXT.test(document.text);
    // In any case: a heading writes names in capitals ("THE ZERO HUNGER PLAN").
    if (wholeWord(escaped(word), 'iu').test(document.text) || writesSameName(document, word)) return true;
    return isAcronym(word);
  });

/**
 * Whether a statement is about a party's word: its sentence or what the sentence stands in names it (its
 * statement, list lead-in, the sentence it refers back to, its heading, the document's title). A document that
 * names Japan in one section and the EU's 15% tariff in another does not give Japan's tariff.
 */
function namedAround(sentence: IndexedSentence, word: string): boolean {
  const [stem] = namedStems([word]);
  if (stem === undefined || stem === HOME || HOME_TEXT.test(word) || isAcronym(word)) return true;
  if (holdsName(sentence.terms, stem) || sentence.context.some((stems) => contextHolds(stems, stem))) return true;
  if (namedByAcronym(sentence, stem)) return true;
  // "The President’s Budget" in a sheet that writes "President Biden" speaks of Biden; the sheet's title is
  // left out, since a sheet may give the title to several ("President Biden called President Erdogan").
  const around = [sentence.terms, ...sentence.context.slice(0, -1)];
  return titlesOf(sentence.document, word).some((title) => around.some((stems) => stems.has(title)));
}

/**
 * Whether the statement or what it stands in writes a short form its document spells out with the name: "DOI"
 * after "Department of the Interior (DOI)" names Interior.
 */
function namedByAcronym(sentence: IndexedSentence, stem: string): boolean {
  for (const [acronym, full] of acronymsDefinedIn(sentence.document))
    if (full.stems.includes(stem) && [sentence.terms, ...sentence.context].some((stems) => stems.has(acronym)))
      return true;
  return false;
}

/** The short forms a document defines, learned once a document. */
const definedIn = new WeakMap<Document, Acronyms>();
function acronymsDefinedIn(document: Document): Acronyms {
  let acronyms = definedIn.get(document);
  if (!acronyms) definedIn.set(document, (acronyms = learnAcronyms([document])));
  return acronyms;
}

/** Up to three capitalized words right before a name, on its line: "President Joseph R. Biden ". */
const TITLE_BEFORE = /(?:^|[^\p{L}\p{N}])((?:\p{Lu}[\p{L}.]*[ \t]+){1,3})$/u;
const NAME_END = /^[^\p{L}\p{N}]|^$/u;
const titlesMemo = new WeakMap<Document, Map<string, string[]>>();

/**
 * The titles a document gives a name, as stems: "presid" where it writes "President Biden". Learned from the
 * document's own "Title Name" pairs, not from a list of titles; a title naming nothing ("The") has no stem.
 */
function titlesOf(document: Document, word: string): string[] {
  let known = titlesMemo.get(document);
  if (!known) titlesMemo.set(document, (known = new Map<string, string[]>()));
  let titles = known.get(word);
  if (!titles) {
    const written: string[] = [];
    const { text } = document;
    // Found by indexOf, then read back: a pattern tried at every capital of a long sheet is slower.
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      if (!NAME_END.test(text.slice(at + word.length, at + word.length + 1))) continue;
      const title = TITLE_BEFORE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
      if (title) written.push(title);
    }
    known.set(word, (titles = [...new Set(terms(written.join(' '), { remember: false }))]));
  }
  return titles;
}

/** Whether a set of stems holds a name: as it is, or a place for its people ("canada" for "canadian"). */
function holdsName(stems: Iterable<string> & { has(stem: string): boolean }, stem: string): boolean {
  if (stems.has(stem)) return true;
  for (const own of stems) if (sameName(own, stem)) return true;
  return false;
}

/** The same, remembered: a statement's, section's and document's stems are shared by all their sentences. */
const heldByContext = new WeakMap<object, Map<string, boolean>>();
function contextHolds(stems: TermSet, stem: string): boolean {
  let known = heldByContext.get(stems);
  if (!known) heldByContext.set(stems, (known = new Map<string, boolean>()));
  let held = known.get(stem);
  if (held === undefined) known.set(stem, (held = holdsName(stems, stem)));
  return held;
}

/**
 * The names of a statement in order, less the words its document also writes in lower case, which open a
 * sentence rather than name a party ("Today, President Trump …"): read once a statement (every claim that
 * reaches it asks), as neither changes.
 */
const namedPlaces = new WeakMap<IndexedSentence, Parties>();
function namedPlacesIn(sentence: IndexedSentence, statementText: string): Parties {
  let places = namedPlaces.get(sentence);
  if (!places) {
    const seen = new Map<string, boolean>();
    places = partiesOf(statementText)
      .map((group) => group.filter((name) => !name.words.every((word) => writesLower(sentence.document, word, seen))))
      .filter((group) => group.length > 0);
    namedPlaces.set(sentence, places);
  }
  return places;
}

/**
 * The role of the names at place i: the one a thing is done to after "on", "against", "to" ("a tariff on
 * Canada"); the one doing it after "by", or first of all with a verb's helper after it ("Canada is hitting U.S.
 * goods"); else not said ("The DACA rule", "Wisconsin's grant program").
 */
function roleAt(parties: Parties, i: number): Role {
  const name = parties[i]?.[0];
  if (DIRECTED.has(name?.before ?? '')) return 'patient';
  return name?.before === 'by' || (i === 0 && name?.subject) ? 'actor' : null;
}

/**
 * Whether the statement gives the parties the claim's roles (who does what to whom): a party the claim has
 * doing something is not one the statement has it done to ("Canada is hitting U.S. goods with a 35% tariff"
 * against "the tariff on Canada … 35%"), and the other way round. A claim of what another party does to the
 * U.S. needs a statement that names that party itself ("Japan is charging American cars a 15% tariff" is not
 * stated by "the EU … accepting a 15% tariff rate" in a sheet about Japan too).
 */
function sameRoles(claimed: Parties, places: Parties, placeOf: (name: Name) => number): boolean {
  for (let i = 0; i < claimed.length; i++) {
    const role = roleAt(claimed, i);
    for (const name of claimed[i]!) {
      const at = placeOf(name);
      if (at < 0 || role === null) continue;
      const stated = roleAt(places, at);
      if (stated !== null && stated !== role) return false;
    }
  }
  // Fact sheets speak from the U.S. side: a figure of what another party does to the U.S. is that party's only
  // where the statement names it.
  const actor = roleAt(claimed, 0) === 'actor' ? claimed[0]?.find((name) => !name.stems.includes(HOME)) : undefined;
  const toHome = claimed.some((group, i) => i > 0 && group.some((name) => name.stems.includes(HOME)));
  return !(toHome && actor && placeOf(actor) < 0);
}

/**
 * Whether a statement can give the claim's figure for the same parties: it names each party of the claim (of
 * a name, the words its document writes in lower case too are common words: "Seniors", "Government"), and
 * those it names in its own sentence stand in the claim's order.
 */
export function sameParties(
  claimed: Parties,
  sentence: IndexedSentence,
  statementText: string,
  seen: Map<string, boolean>,
  { modifiersAside = false } = {},
): boolean {
  const { document } = sentence;
  const parties = claimed.map((group) =>
    group
      .map((name) => ({ name, words: name.words.filter((word) => !writesLower(document, word, seen)) }))
      .filter(({ words }) => words.length > 0)
      // "United States" stays the U.S. when its document writes "states" in lower case.
      .map(({ name, words }) => ({
        words,
        stems: name.stems.includes(HOME) ? [HOME] : namedStems(words),
        before: name.before,
        subject: name.subject,
        modifier: name.modifier,
      })),
  );
  // Each word of a name in the document ("Zero Hunger Caribbean Plan"), and one at least around the statement.
  const named = (name: Name) =>
    name.words.every((w) => namesWord(document, w, seen)) &&
    (name.stems.includes(HOME) || name.words.some((w) => namedAround(sentence, w)));
  if (parties.some((group) => !group.every(named))) return false;
  // A word the document writes in lower case too opens a sentence, not a name ("Today, President Trump …").
  const places = namedPlacesIn(sentence, statementText);
  // A name's place is that of the statement's name holding all its words ("U.S." in "the U.S. Government"), an
  // acronym beside other words aside: "Europe's LNG" stands where "Europe" does, not where "U.S. LNG" does.
  const placeOf = (name: Name) => {
    const named = name.words.filter((word) => !isAcronym(word));
    const stems = named.length > 0 && !name.stems.includes(HOME) ? namedStems(named) : name.stems;
    return places.findIndex((group) =>
      group.some((own) => stems.every((stem) => own.stems.some((o) => sameName(o, stem)))),
    );
  };
  // A statement's name after "by" stands first as the one doing it, but may do something else than give the claim's
  // figure ("reserves … more than five times the threshold set by Congress"): its role is checked, not its place.
  const ordered = (place: number) => place >= 0 && places[place]![0]!.before !== 'by';
  const inOrder = (name: Name) => !(name.modifier && modifiersAside);
  const order = parties.map((group) => group.filter(inOrder).map(placeOf).filter(ordered));
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) if (order[i]!.some((a) => order[j]!.some((b) => a > b))) return false;
  return sameRoles(parties, places, placeOf);
}

/**
 * Whether a statement is about every party the claim names, each word of each name, acronyms too: what "a
 * different figure" asks, since another figure says "this claim is wrong" only of the same party's. A statement
 * near one word of "Coast Guard" ("Puerto Rico National Guard") or in a sheet silent on "NASA" is no such
 * statement. An acronym is named as written or by the full name its document spells it out with ("(OSHA)").
 */
export function namesEveryParty(claimed: Parties, sentence: IndexedSentence, seen: Map<string, boolean>): boolean {
  const named = (word: string) =>
    writesLower(sentence.document, word, seen) ||
    (isAcronym(word) ? acronymAround(sentence, word, seen) : namedAround(sentence, word));
  // The U.S. however written ("United States", "US GDP") is the side fact sheets speak from.
  const ownWords = (name: Name) => name.words.join(' ').replace(HOME_WRITTEN, ' ').split(/\s+/u).filter(Boolean);
  return claimed.every((group) => group.every((name) => ownWords(name).every(named)));
}

/**
 * Whether a statement is about an acronym's party: it names it around the statement, or its document writes it
 * or spells it out (capitalized words whose initials spell it: "U.S. Department of Agriculture" for USDA).
 */
function acronymAround(sentence: IndexedSentence, acronym: string, seen: Map<string, boolean>): boolean {
  const stem = terms(acronym, { remember: false })[0] ?? acronym.toLowerCase();
  if ([sentence.terms, ...sentence.context].some((stems) => stems.has(stem))) return true;
  const letters = acronym.replace(/s$/u, '');
  return lookUp(sentence.document, `\u0002${letters}`, seen, () => {
    const { text } = sentence.document;
    return wholeWord(escaped(letters)).test(text) || initialsOf(sentence.document).some((run) => run.includes(letters));
  });
}

/** The initials of each run of capitalized words a document writes ("USDA" of "U.S. Department of Agriculture"). */
function initialsOf(document: Document): string[] {
  let runs = initialsMemo.get(document);
  if (!runs) {
    runs = [];
    for (const [run] of document.text.matchAll(CAPITALIZED_RUN))
      runs.push(
        run
          .split(/[\s.]+/u)
          .filter((word) => /^\p{Lu}/u.test(word))
          .map((word) => word[0])
          .join(''),
      );
    initialsMemo.set(document, runs);
  }
  return runs;
}
const initialsMemo = new WeakMap<Document, string[]>();
/** Capitalized words in a row, small words of a name between them ("Department of the Interior"), a line wrapped. */
const GAP = String.raw`(?:[ \t]+|[ \t]*\n[ \t]*)`;
const CAPITALIZED_RUN = new RegExp(
  String.raw`\p{Lu}[\p{L}.]*(?:${GAP}(?:(?:of|and|the|for|on|&)${GAP})*\p{Lu}[\p{L}.]*)+`,
  'gu',
);

/**
 * The parties without a capital that only opens the text: "Real wages … are up 2.4%" names no party "Real" when
 * the documents write "real" as a common word (in lower case, far more often than capitalized; a word they never
 * write is kept). Only the first
 * name, at the very start, is read so; a name's later words and names further on keep their capitals.
 */
export function withoutOpeningCapital(parties: Parties, text: string, isCommon: (stem: string) => boolean): Parties {
  const first = parties[0]?.[0];
  if (!first || first.before !== undefined || !text.trimStart().startsWith(first.words[0]!)) return parties;
  const common = (word: string) => terms(word, { remember: false }).every(isCommon);
  const from = first.words.findIndex((word) => !common(word));
  if (from === 0) return parties;
  const rest = [parties[0]!.slice(1), ...parties.slice(1)].filter((group) => group.length > 0);
  if (from < 0) return rest;
  const kept = first.words.slice(from);
  return [[{ ...first, words: kept, stems: stemsOf(kept) }, ...parties[0]!.slice(1)], ...parties.slice(1)];
}
