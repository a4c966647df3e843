// What looks like a figure and is not: years and dates, times, list and section numbers, phone numbers,
// citations ("Section 232 and 301"), model numbers ("787 order"), spelled numbers that count nothing ("one
// of"). Each rule reads a short window around the match, so a very long sentence costs no more per figure.
import { FUNCTION_WORDS, UNITS } from './vocabulary.js';
import { MONTH_AFTER, MONTH_BEFORE, type Groups } from './pattern.js';

/** The text around a match: `before` ends where the number (after its qualifier) starts; `next` follows it. */
export interface Window {
  before: string;
  next: string;
}

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'personnel', 'staff', 'youth', 'aircraft']);
/** "jets", "people", and a model in the plural ("787s", "F-35s"). */
const isPlural = (word: string) =>
  IRREGULAR_PLURALS.has(word.toLowerCase()) ||
  (/[a-z]s$/i.test(word) && !/ss$/i.test(word) && word.length > 2) ||
  /\ds$/.test(word);
/**
 * Up to six words after a number: "three separate historic sites", "12 Boeing 787s", "25 Boeing 737 MAX jets",
 * "474 Sam’s Club Hearing Aid Center locations", "three additional CL-415 aerial firefighting aircraft".
 */
const AFTER_WORD = String.raw`(?:,?\s+([\w'’.-]+))?`;
const WORDS_AFTER = new RegExp(String.raw`^\s+([\w'’.-]+)${AFTER_WORD.repeat(5)}`);

/** "U.S.", "D.C.": a period that ends an abbreviation, not the sentence ("40 U.S. states"). */
const ABBREVIATION = /^(?:[A-Z]\.){2,}$/;

/**
 * Whether a plural noun follows within a few words that qualify or name it, no small word between: a count. Two
 * modifiers joined by "and" or "or" qualify it together ("300 new and existing centers", "40 new or expanded
 * programs"), and so do modifiers parted by commas ("500 new, good-quality, union manufacturing jobs").
 */
function countsAPlural(next: string): boolean {
  const words = WORDS_AFTER.exec(next)?.slice(1) ?? [];
  let joined = false;
  for (const [index, token] of words.entries()) {
    const word = token?.replace(/\.$/, '');
    joined ||= index === 1 && !!word && /^(?:and|or)$/.test(word) && /^[a-z][a-z-]+$/.test(words[0]!);
    if (joined && index === 1) continue;
    if (!word || FUNCTION_WORDS.has(word.toLowerCase())) return false;
    // After "and", "crisis" or "bus" is no plural: "988 suicide and crisis lifeline" names a line.
    if (isPlural(word)) return !joined || !/(?:is|us)$/.test(word);
    if (word !== token && !ABBREVIATION.test(token)) return false; // the sentence ends
  }
  return false;
}
/** "seven-figure packages", "double-digit growth": how many digits, never an amount. */
const DIGITS_WORD = /^-(?:figures?|digits?)$/i;
const isYear = (num: string) => /^(1[89]|20)\d\d$/.test(num);
const isSentenceStart = (text: string) => /^[\s"“'‘(*_>-]*$/.test(text) || /[.!?:;]["”’)*]*\s*$/.test(text);

/** "24 hours a day, seven days a week": when something is open, not an amount. */
const ROUND_THE_CLOCK = /^\s+(?:hours\s+a\s+day|days\s+a\s+week)\b/i;

/** "(855) 411-CFPB": a phone number ending in letters; "12-MONTH" in capitals is a duration still. */
const isPhoneWord = (hyphenUnit: string | undefined) =>
  hyphenUnit !== undefined && /^-[A-Z]{2,}$/.test(hyphenUnit) && UNITS[hyphenUnit.slice(1).toLowerCase()] === undefined;

/** A number grouped in thousands: "600,000". */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

/**
 * "costs [less than $10](…) a vial": money or a hedged number that ends a link's text is an amount; the masked
 * target after it is no suffix ("5G"), as it is after a number in a table's tag ("<td>50</td>"). So is a number
 * grouped in thousands ("more than [600,000](…) women"): an order's or a rule's number is never written so.
 */
const endsLinkedAmount = (groups: Groups, before: string, next: string) =>
  next.startsWith('~') &&
  Boolean(groups.currency || groups.qualifier || THOUSANDS.test(groups.num ?? '')) &&
  /\[[^\]]*$/.test(before);

/** A number read as an identifier: a year, a date, a time, a list or section number, a phone number. */
function isIdentifier(groups: Groups, { before, next }: Window, plain: boolean): boolean {
  const num = groups.num!;
  // A year stays a year before a hyphenated month ("2022-May"); "2025-year" is not a thing documents say.
  if (plain && isYear(num.replace('+', '')) && !/^-[a-z]+$/.test(groups.hyphenUnit ?? '')) return true;
  // "in 2019 to $19 million": a year never opens a range of amounts.
  if (groups.range && isYear(num) && !groups.currency && !groups.pct1) return true;
  if (/\b(?:FY|fiscal\s+year)\s*$/i.test(before)) return true;
  if (/^[A-Za-z~]/.test(next) && !groups.percent && !groups.scale && !endsLinkedAmount(groups, before, next)) {
    return true; // "5G", "1st", "1990s"
  }
  if (/^[:/]\d|^\.\d|^-\d/.test(next) || /^\s*[ap]\.?m\.?\b/i.test(next)) return true; // "9/11", "1.4.1", "1-800"
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(next)) return true;
  if (groups.range && /^\d{3}-\d{4}$/.test(`${num}${groups.range.trim()}`)) return true; // "659-2955"
  if (/\(\s*$/.test(before) && /^\)\s*\d{3}/.test(next)) return true; // "(800) 659-2955"
  if (ROUND_THE_CLOCK.test(next)) return true;
  if (isPhoneWord(groups.hyphenUnit)) return true;
  if (/^\d{2}$/.test(num) && /['‘’]$/.test(before)) return true; // "Fiscal Year ‘24", "the class of ’25"
  if (/\b(?:No|Nos|Number|Nr)\.?\s*$|[#§]\s*$/.test(before)) return true;
  if (plain && isCitation(before, next)) return true;
  if (/\b(?:day|phase|tier|level|stage|step|page|chapter|round|grade|district|zone)\s+$/i.test(before)) return true;
  return false;
}

/**
 * "section 212(f)", "1321(a)(2)": a subsection in parentheses right after the number cites a law; "19 U.S.C.",
 * "40 CFR", "86 Fed. Reg. 1279": the title or volume of a code of laws or of the Federal Register, and the
 * section or page after it.
 */
const isCitation = (before: string, next: string) =>
  /^\([a-z\d]{1,4}\)/i.test(next) || CODE_OF_LAWS.test(next) || CITED_IN.test(before);
const CODE = String.raw`(?:U\.\s?S\.\s?C\.|USC\b|C\.\s?F\.\s?R\.|CFR\b|Fed\.\s?Reg\b\.?|F\.\s?R\.)`;
const CODE_OF_LAWS = new RegExp(String.raw`^\s+${CODE}`);
const CITED_IN = new RegExp(String.raw`\d\s+${CODE}\s*(?:§+\s*)?$`);

/** "(1)", "\(2\)", "1) Participation", "1. Defend Critical Infrastructure". */
function isListNumber(groups: Groups, { before, next }: Window, plain: boolean): boolean {
  if (!plain || groups.range || groups.num!.length > 2) return false;
  if (/\\?\(\s*$/.test(before) && /^\s*\\?\)/.test(next)) return true;
  if (/^\\?\)/.test(next) && !endsAParenthesis(before)) return true;
  // "GOAL 1: PROTECT OUR PEOPLE", "Step 2: Apply": the number of a label that opens the line.
  if (/^:/.test(next) && LABEL_WORD_FIRST.test(before)) return true;
  return isSentenceStart(before) && /^[.)](?:\s|$)/.test(next);
}

/**
 * "(down from age 50)": the number ends a parenthesis opened before it, after a word that it measures, so it is
 * no "1)" mark. After "and", "of" or a capital ("Press 1)") it is a mark, a scale or a key.
 */
function endsAParenthesis(before: string): boolean {
  const word = /(?:^|[\s(])([a-z]+)\s+$/.exec(before)?.[1];
  return before.lastIndexOf('(') > before.lastIndexOf(')') && word !== undefined && !FUNCTION_WORDS.has(word);
}

const LABEL_WORD_FIRST = /^[\s"“'‘(*_>-]*[A-Z][A-Za-z]{1,15}\s+$/;

/** "Provided 200 ventilators", "Helped 40 million women": a verb in the past opening the sentence names nothing. */
function opensWithVerb(before: string, named: RegExpExecArray): boolean {
  const at = named.index + named[0].indexOf(named[1]!);
  return /^[A-Z][a-z]{2,}ed$/.test(named[1]!) && isSentenceStart(before.slice(0, at));
}

/**
 * "12 Urban Search and Rescue teams": a name in capitals, "and" or "of" inside it, then a plural it qualifies; a
 * number opening a sentence so counts those, where "3 Department of Defense" numbers a list.
 */
const NAME_THEN_PLURAL = /^\s+(?:[A-Z][\w.'’-]*\s+(?:(?:and|of|&)\s+)?){1,5}([a-z]+)\b/;
const countsAfterName = (next: string) => {
  const noun = NAME_THEN_PLURAL.exec(next)?.[1];
  return noun !== undefined && isPlural(noun) && !FUNCTION_WORDS.has(noun);
};

/** "Section 232", "Title 42", "Section 232 and 301 tariffs", "Boeing 787 Dreamliner", "largest-ever 787 order". */
function isNamedNumber(groups: Groups, { before, next }: Window): boolean {
  // "Amtrak 50 years ago", "Route 66 miles": a unit after it makes a measure, whatever names it before.
  const unit = /^\s+([A-Za-z]+)\b/.exec(next)?.[1]?.toLowerCase();
  if (unit && unit !== 'times' && UNITS[unit] !== undefined) return false;
  const named = /(?:^|[\s(])([A-Z][\w.]*\.?)\s+$/.exec(before);
  if (
    named &&
    !FUNCTION_WORDS.has(named[1]!.toLowerCase().replace(/\.$/, '')) &&
    !isSentenceStart(before.slice(0, named.index + 1)) &&
    !opensWithVerb(before, named)
  )
    return true;
  if (/[A-Z][\w.]*\s+\d+\s*(?:,|and|or)\s*$/.test(before)) return true;
  if (groups.qualifier) return false;
  // "Boeing 787 Dreamliner" names a model; "40 Airbus jets", "12 Boeing 787s" count the maker's products.
  const model = /^\s+([A-Z][\w.]*)/.exec(next);
  if (model && !/s$/.test(model[1]!) && !UNITS[model[1]!.toLowerCase()] && !countsAPlural(next))
    return !(isSentenceStart(before) && countsAfterName(next));
  // A three-digit number before one singular noun names a thing ("787 order"); counts take plurals. An adverb
  // ("135 mainly Native Hawaiian men") is no noun.
  const noun = /^\s+([a-z]+)\b(?!\s+[a-z]+s\b)/.exec(next);
  if (noun && /ly$/.test(noun[1]!)) return false;
  // "200 state-of-the-art ventilators", "300 federal medical personnel": words that qualify a plural count it.
  return (
    /^\d{3,}$/.test(groups.num!) &&
    !!noun &&
    !isPlural(noun[1]!) &&
    !UNITS[noun[1]!] &&
    !FUNCTION_WORDS.has(noun[1]!) &&
    !countsAPlural(next)
  );
}

/** Hedges that compare with one: "at least one", "less than one day"; "under one roof" is a place. */
const COMPARED_WITH_ONE = /^(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|nearly|almost|up\s+to)$/i;

/**
 * "one" is mostly a pronoun or an article ("one of the", "a one-stop-shop"); it is an amount before a unit ("one
 * day", "one-year", "one dollar"), after a hedge that compares ("at least one"), and in "one or more".
 */
function isOneAnAmount(groups: Groups, next: string): boolean {
  if (groups.hyphenUnit) return UNITS[groups.hyphenUnit.slice(1).toLowerCase()] !== undefined;
  if (groups.qualifier && COMPARED_WITH_ONE.test(groups.qualifier.trim())) return true;
  const first = /^\s+([A-Za-z]+)\b/.exec(next)?.[1]?.toLowerCase();
  return /^\s+or\s+more\b/.test(next) || (first !== undefined && first !== 'times' && UNITS[first] !== undefined);
}

/**
 * "zero" counts ("ZERO illegal crossings", "charging American companies zero."), but mostly names a goal or a kind:
 * "net-zero", "net zero by 2050", "zero-emission", "zero emissions", "zero tolerance", "Vision Zero".
 */
function isZeroAnAmount(groups: Groups, { before, next }: Window): boolean {
  if (groups.hyphenUnit) return UNITS[groups.hyphenUnit.slice(1).toLowerCase()] !== undefined;
  if (/\bnet[\s-]*$/i.test(before) || /^\s+emissions?\b/i.test(next)) return false;
  // "Vision Zero plans", "Race to Zero": capitalized inside a sentence, it is part of a name.
  if (/^Zero$/.test(groups.word!) && !isSentenceStart(before)) return false;
  return /^\s*(?:[.,;!?)]|$)/.test(next) || countsAPlural(next);
}

/** Spelled numbers only as amounts: "three countries", "two small plants", "ten times", "six-month". */
function isSpelledAmount(groups: Groups, window: Window): boolean {
  const { before, next } = window;
  const word = groups.word!.toLowerCase();
  if (groups.scale || groups.percent || groups.range || groups.dozen) return true;
  if (word === 'one') return isOneAnAmount(groups, next);
  if (word === 'zero') return isZeroAnAmount(groups, window);
  if (groups.hyphenUnit) return true;
  const first = /^\s+([A-Za-z][\w'’-]*)/.exec(next)?.[1]?.toLowerCase();
  if (!first) return false;
  if (first === 'times') return true;
  if (ROUND_THE_CLOCK.test(next)) return false;
  if (first === 'of') return /\ball\s+$/i.test(before);
  return countsAPlural(next) || isPartOfAList(before, next);
}

/**
 * "including 125 from FEMA and four from USFS", "with three in Texas and two in New York", "30 to Vermont": a count
 * listed after "including", "with", "and" or a comma, with where its part is from, in or goes to, is a part of the
 * count before it and counts what that one counts.
 */
export const isPartOfAList = (before: string, next: string) => LISTED_BEFORE.test(before) && PART_FROM.test(next);
const LISTED_BEFORE = /(?:\b(?:including|with|and)|,)\s+$/i;
const PART_FROM = /^\s+(?:from|in|to)\s+(?:the\s+)?[A-Z]/;

/** Figures without digits stand only where they read as amounts. */
function isWordFigure(groups: Groups, { before, next }: Window): boolean {
  if (groups.articleWord && /^(?:year|month|week|day|hour|dollar|inch|mile)$/i.test(groups.articleWord))
    return !!groups.qualifier;
  if (groups.half) {
    if (groups.halfScale || groups.qualifier) return true;
    if (/\b(?:first|second|last|the)\s+$/i.test(before)) return false;
    return /^\s+(?:of|the|all|a|an)\b/i.test(next) || /\bin\s+$/i.test(before);
  }
  if (groups.multiplier) return !groups.hyphenUnit;
  // "in the three-quarters of 2021": a part of a year is a time, not a share of something.
  if (groups.fraction) return !/^\s+of\s+(?:19|20)\d\d\b/.test(next);
  return true;
}

export function isNotAFigure(groups: Groups, window: Window): boolean {
  if (groups.hyphenUnit && DIGITS_WORD.test(groups.hyphenUnit)) return true;
  if (groups.num) {
    // "27 per 100,000 residents", "27.54 per 100K": the base of a rate, not an amount of its own.
    if (/\bper\s+$/i.test(window.before) && !groups.currency && !groups.percent && !groups.range) return true;
    const plain = !groups.currency && !groups.percent && !groups.pct1 && !groups.scale && !groups.cents;
    if (isIdentifier(groups, window, plain) || isListNumber(groups, window, plain)) return true;
    return plain && !groups.num.includes(',') && isNamedNumber(groups, window);
  }
  if (groups.word) return !isSpelledAmount(groups, window);
  return !isWordFigure(groups, window);
}
