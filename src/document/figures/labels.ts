// What a figure counts, as a short noun phrase from its sentence: "criminal aliens", "miles of wall", "drop
// in border apprehensions". When no phrase reads well on its own, no label: an empty label is better than a
// wrong one ("U", "President Trump", "Starting").
import { FUNCTION_WORDS, SCALES, SMALL_NUMBERS, UNITS } from './vocabulary.js';

/** How far a label may be looked for, either side of the figure: a phrase is a few words. */
export const LABEL_WINDOW = 160;
const MAX_WORDS = 6;
/** A word, initials ("U.S.") or initials joined to a word ("U.S.-based"). */
const WORD = /^(?:[A-Za-z][\w'’-]*|(?:[A-Z]\.){2,}(?:-[a-z]+)?)$/;
const PEOPLE =
  /^(?:President|Vice|Secretary|Governor|Senator|Representative|Mayor|Mr|Mrs|Ms|Dr|Administrator|Chairman|Director)\b/;
/** Money words: the label is what the money is for ("billions of dollars in water infrastructure"). */
const MONEY = /^(?:dollars?|funding|funds)$/i;

/** Emphasis marks at a word's edge ("*de minimis* shipments"): markup, not words or punctuation. */
const EMPHASIS = /(?<![\w*_])[*_]+(?=\w)|(?<=\w)[*_]+(?![\w*_])/g;

/**
 * Words, with "U.S." and "D.C." kept whole (and "U.S.-based") so that "40 U.S. states" reads on to "states", and numbers whole so
 * that "for 70,000 vouchers" skips the count.
 */
function tokensOf(text: string): string[] {
  return (
    text
      .replace(EMPHASIS, '')
      .match(/(?:[A-Z]\.){2,}(?:-[a-z]+)?|\d[\d,.]*\d(?![\w'’-])|[A-Za-z0-9][\w'’-]*|\S/g)
      ?.slice(0, 16) ?? []
  );
}

/** "70,000 Emergency Housing Vouchers", "Black Americans": names that end in a plural are things counted. */
const endsInPlural = (words: string[]) => /^[A-Z][a-z]+[^su'’]s$/.test(words[words.length - 1] ?? '');

/** A model after its maker's name: "Boeing 787s", "Boeing 737 MAX". */
const isModelAfterName = (token: string, words: string[]) =>
  /^\d[\w-]*$/.test(token) && /^[A-Z]/.test(words[words.length - 1] ?? '');

/** A measure's own word ("months", "percent"). */
const isMeasure = (word: string) => /^percent$/i.test(word) || (UNITS[word.toLowerCase()] ?? '$') !== '$';

/**
 * "years ago", "consecutive months", "percent faster", "square miles": the measure and a word about it, not what
 * is measured ("miles of wall", "GHz bands" say what).
 */
const isOnlyAMeasure = (words: string[]) =>
  words.length > 1 &&
  !words.some((w) => /^(?:of|in)$/i.test(w)) &&
  (isMeasure(words.at(-1)!) || (isMeasure(words[0]!) && COMPARED.test(words.at(-1)!)));

/**
 * A word that compares or places a measure ("70 cents below", "25 percent faster", "20 years ago"), or says which
 * dimension it measures ("five years old", "30 miles long", "five times different").
 */
const COMPARED =
  /^(?:below|above|ago|more|less|fewer|over|under|[a-z]+er|old|long|tall|wide|deep|high|apart|away|different)$/i;

/**
 * A phrase a reader can take as a label, or null. `named`: the phrase is what an amount goes to ("$1 billion for
 * the Safe Streets Program"), where a programme's name is the label, not a person or an agency said of it.
 */
function readable(words: string[], named = false): string | null {
  if (words.length === 0) return null;
  // The unit alone ("years", "barrels", "times") says how it is measured, not what.
  if (words.length === 1 && (UNITS[words[0]!.toLowerCase()] || MONEY.test(words[0]!))) return null;
  if (isOnlyAMeasure(words)) return null;
  // "House Republicans’ long-term CR", "FEMP’s": whose it is, not what; the words after the last one are the thing.
  const whose = words.map((w) => /\w(?:['’]s|s['’])$/.test(w)).lastIndexOf(true);
  if (whose >= 0) return whose < words.length - 1 ? readable(words.slice(whose + 1), named) : null;
  const phrase = words.join(' ');
  // "U" is a fragment; a two-letter acronym ("a six-month CR") is a thing.
  if (phrase.length <= 2 && !/^[A-Z]{2}$/.test(phrase)) return null;
  // "U.S.", "D.C." alone are places, what a figure is of, not what it counts.
  if (/^(?:[A-Z]\.){2,}$/.test(phrase)) return null;
  if (PEOPLE.test(phrase)) return null;
  // Only names ("Donald Trump", "Silicon Valley Bank") or only a verb form: not what a figure counts.
  if (!named && words.every((w) => /^[A-Z]/.test(w)) && words.length > 1 && !words.some((w) => /^[A-Z]{2,}s?$/.test(w)))
    return null;
  // "in financing" is a thing; "Starting", "helping", "reportedly" are not.
  if (words.length === 1 && /(?:ly|ing|ed)$/.test(words[0]!.toLowerCase()) && !ING_NOUNS.has(words[0]!)) return null;
  if (words.length === 1 && PARTICIPLES.test(words[0]!)) return null;
  return phrase;
}

/** Participles not in -ed: "has fallen", "have risen" are verbs, never what a figure counts. */
const PARTICIPLES = /^(?:fallen|risen|grown|taken|given|driven|shown|seen|known|done|gone|been|made|paid)$/i;

/** Words in -ing that fact sheets use as nouns ("formula funding", "affordable housing"). */
const ING_NOUNS = new Set(
  'funding housing training building spending financing lending screening manufacturing planning testing hearing meeting reporting warning offering processing permitting'.split(
    ' ',
  ),
);
/** "arrested", "helping" end a noun phrase; "high-speed", "need", "funding" do not. */
const isVerbForm = (word: string) =>
  word.length > 4 && /(?:ed|ing)$/.test(word) && !word.includes('-') && !/eed$/.test(word) && !ING_NOUNS.has(word);
/** Words before a noun that say which, not what: skipped at the start of a label ("40% of the nation's …"). */
const DETERMINERS = /^(?:the|a|an|its|their|our|his|her|all|this|these|those|each|every)$/i;

/** Common verbs that end a noun phrase though they look like nouns ("Americans works", "prices rose"). */
const PLAIN_VERBS = new Set(
  (
    'fell rose grew went saw made paid took gave got came led ran won lost met built cut put set spent sent ' +
    'work works pay pays get gets go goes fall falls rise rises grow grows need needs face faces hold holds ' +
    'serve serves help helps use uses say says take takes show shows remain remains reach reaches'
  ).split(' '),
);

/** Verbs fact sheets put between a subject and an amount ("The Framework invests $55 billion"). */
const AMOUNT_VERBS = new Set(
  (
    'invests provides includes meets delivers creates supports allocates makes brings adds saves costs offers ' +
    'requires directs gives contains commits secures totals reaches exceeds has have had is are was were ' +
    'received receives spent spends awarded announced approved funded invested provided'
  ).split(' '),
);

/**
 * "school feeding projects", "food processing plants": an -ing word between a singular noun and a plural one is
 * part of a compound, not the verb that ends the phrase ("Americans receiving benefits" stops at "receiving").
 * So is an -ed word between a modifier and a compound that ends in a plural ("long needed infrastructure
 * projects").
 */
function isCompoundIng(tokens: string[], index: number): boolean {
  const [before, word, after] = [tokens[index - 1] ?? '', tokens[index]!, tokens[index + 1] ?? ''];
  const plural = (token: string) => /^[a-z]{3,}[^s]s$/.test(token) && !isVerbForm(token);
  const inside = /^[a-z]+[^s]$/.test(before) && !FUNCTION_WORDS.has(before);
  if (/^[a-z]{3,}ed$/.test(word))
    return inside && /^[a-z]+[^s]$/.test(after) && !FUNCTION_WORDS.has(after) && plural(tokens[index + 2] ?? '');
  return /^[a-z]{3,}ing$/.test(word) && inside && plural(after);
}

/** "70 cents below where they were", "$1,000 above this amount": a comparison, not a thing counted. */
const RELATIONS = /^(?:below|above|beyond)$/;
/** What follows a participle used as a verb ("reported in", "approved by"); "registered patients" is a noun's. */
const AFTER_VERB = /^(?:in|by|for|to|at|on|from|with|earlier|later|since|during)$/i;
/** Words that open a verb's object: "erodes the", "puts us", "strengthen its". */
const OBJECT_START = /^(?:the|a|an|its|their|our|his|her|us|them|your|my)$/;

/**
 * "a six-month CR erodes the advantage", "the agreement provides American producers": a lower-case word between a
 * noun and an object (a determiner, a pronoun, or a name after a verb in -s) is a verb, and ends the phrase.
 */
function isVerbBeforeObject(tokens: string[], index: number): boolean {
  const [before, word, after] = [tokens[index - 1] ?? '', tokens[index]!, tokens[index + 1] ?? ''];
  if (!/^[a-z]+$/.test(word)) return false;
  if (OBJECT_START.test(after)) return true;
  return /^[a-z]+[^sui'’]s$/.test(word) && /[^s]$/.test(before) && /^[A-Z$]/.test(after);
}

/** "jobs in April", "contracts in fiscal year 2024", "trainings in FY 2023": "in" or "of" a time says when, not what. */
const TIME_WORD =
  /^(?:fiscal|FY|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** "(SNAP)" after a capitalized word and before a lower-case one that goes on with the phrase. */
const isShortFormAfterName = (tokens: string[], index: number, words: string[]) =>
  tokens[index] === '(' &&
  /^[A-Z]{2,}s?$/.test(tokens[index + 1] ?? '') &&
  tokens[index + 2] === ')' &&
  /^[A-Z]/.test(words.at(-1) ?? '') &&
  /^[a-z]/.test(tokens[index + 3] ?? '');

/** Noun-phrase words from `index` on: stops at a function word, a verb form or punctuation. */
function phraseFrom(tokens: string[], start: number): string[] {
  const words: string[] = [];
  let linked = false;
  for (let index = start; index < tokens.length && words.length < MAX_WORDS; index++) {
    const token = tokens[index]!;
    const lower = token.toLowerCase();
    // "the Supplemental Nutrition Assistance Program (SNAP) benefit increase": a name's short form is read past.
    if (isShortFormAfterName(tokens, index, words)) {
      index += 2;
      continue;
    }
    if (!WORD.test(token) && !isModelAfterName(token, words)) break;
    if ((lower === 'of' || lower === 'in') && words.length > 0 && !linked) {
      const next = tokens[index + 1];
      if (next && WORD.test(next) && !FUNCTION_WORDS.has(next.toLowerCase()) && !TIME_WORD.test(next)) {
        linked = true;
        words.push(token);
        continue;
      }
      break;
    }
    if (FUNCTION_WORDS.has(lower) || RELATIONS.test(lower)) break;
    // "reported in FY 2020", "approved in seven loans": a past participle names no thing.
    if (words.length === 0 && /^[a-z]{3,}ed$/.test(token) && AFTER_VERB.test(tokens[index + 1] ?? '')) break;
    if (words.length > 0 && (isVerbForm(lower) || PLAIN_VERBS.has(lower)) && !isCompoundIng(tokens, index)) break;
    if (words.length > 0 && isVerbBeforeObject(tokens, index)) break;
    // "5 million kids ages 5-11": the age is a figure of its own.
    if (words.length > 0 && /^ag(?:e|es|ed)$/.test(lower) && /^\d/.test(tokens[index + 1] ?? '')) break;
    // "Hispanic Americans live within …": a lower-case word after a plural name is its verb.
    if (endsInPlural(words) && /^[a-z]/.test(token)) break;
    words.push(token);
  }
  while (words.length && /^(?:of|in)$/i.test(words[words.length - 1]!)) words.pop();
  return words;
}

/**
 * "$831 million approved in seven loans", "$3 billion together in mineral projects": a participle or an adverb
 * between an amount and what it is for says how it is given; the purpose after it is still the label.
 */
const GIVEN_HOW = /^(?:[a-z]{3,}(?:ed|ly)|together)$/;

/** The noun phrase right after the figure; `money`: an amount, whose label may be the programme it goes to. */
export function countedPhrase(after: string, ofFollows: boolean, money = false): string | null {
  // "3% identify as disabled": a verb follows; what it names is read by complementOf, or nothing is.
  if (IS_A.test(after)) return null;
  const tokens = tokensOf(after.slice(0, LABEL_WINDOW));
  let index = 0;
  if (ofFollows && tokens[0]?.toLowerCase() === 'of') index = 1; // "thousands of troops", "40% of counties"
  if (tokens[index]?.toLowerCase() === 'more') index++; // "thousands more workers"
  // "ten times the levels", "four times as many tests": "times" says how, the words after it what.
  const afterTimes = tokens[index + 1] ?? '';
  if (/^times$/i.test(tokens[index] ?? '') && (DETERMINERS.test(afterTimes) || /^as$/i.test(afterTimes))) index++;
  if (/^as$/i.test(tokens[index] ?? '') && /^(?:many|much)$/i.test(tokens[index + 1] ?? '')) index += 2; // "twice as many"
  while (DETERMINERS.test(tokens[index] ?? '') && index < 3) index++;
  if (money && /^["“‘[]$/.test(tokens[index] ?? '')) index++; // "$750 million “Advanced Energy Program”"
  if (money && /^or$/i.test(tokens[index] ?? '') && /^(?:less|more)$/i.test(tokens[index + 1] ?? '')) index += 2; // "$12,000 or less in loans"
  if (money && /^worth$/i.test(tokens[index] ?? '') && /^of$/i.test(tokens[index + 1] ?? '')) index += 2; // "$3 million worth of shares"
  if (money && GIVEN_HOW.test(tokens[index] ?? '') && PURPOSE.test(tokens[index + 1] ?? '')) index++;
  if (money && /^of$/i.test(tokens[index] ?? '') && MONEY.test(tokens[index + 1] ?? '')) index++; // "$2 billion of funding for"
  const words = withCoordinate(tokens, index, phraseFrom(tokens, index));
  if (isCurrencyInParentheses(tokens, index, words)) return null;
  // "$55 billion in clean drinking water", "$300 million for schools": what the money goes to.
  if (words.length === 0 && PURPOSE.test(tokens[index] ?? '') && (money || !ofFollows || /^for$/i.test(tokens[index]!)))
    return purposeAfter(tokens, index, money);
  // "$60 million to Chicago", "$150 million to the Global Fund": where the money goes, when it is named.
  if (words.length === 0 && /^to$/i.test(tokens[index] ?? '')) return recipientOrPurpose(tokens, index);
  // "spent $19 billion on rural hospitals": what it is spent on ("on average", "on top of" say how much).
  if (money && words.length === 0 && /^on$/i.test(tokens[index] ?? '') && !NOT_SPENT_ON.test(tokens[index + 1] ?? ''))
    return readable(phraseFrom(tokens, index + 1));
  if (words.length > 0 && MONEY.test(words[0]!)) {
    // "$5 billion in grants", "billions of dollars for roads": what the money is.
    const next = tokens[index + 1]?.toLowerCase();
    if (next === 'in' || next === 'for' || next === 'of') return readable(phraseFrom(tokens, index + 2));
    // "two billion dollars to COVAX": who it goes to, as for "$2 billion to COVAX".
    if (next === 'to') return recipientOrPurpose(tokens, index + 1);
    // "billions of dollars required for water infrastructure": the participle says how, the noun after it what.
    if (/^[a-z]+ed$/.test(next ?? '') && PURPOSE.test(tokens[index + 2] ?? ''))
      return purposeAfter(tokens, index + 2, true);
    // "dollars on gasoline": what it is spent on ("on Tuesday" says when).
    if (next === 'on' && /^[a-z]/.test(tokens[index + 2] ?? '')) return readable(phraseFrom(tokens, index + 2));
    return null;
  }
  // "33% of Special Financial Assistance": what a share is of is its label, a name as well as a noun.
  const shareOf = ofFollows && index > 0 && /^of$/i.test(tokens[0]!);
  return readable(words, money || shareOf || endsInPlural(words));
}

/** After "on", words that say how much or when, not what money is spent on; a capital is a day or a name. */
const NOT_SPENT_ON = /^(?:average|top|track|time|behalf|hand|the|a|an|[A-Z].*)$/;

/**
 * "Canada ($1.21 billion Canadian)": one capitalized word that closes the parentheses after an amount says in what
 * currency or from where; the name before the parentheses is what the amount is of.
 */
const isCurrencyInParentheses = (tokens: string[], index: number, words: string[]) =>
  words.length === 1 && index === 0 && /^[A-Z][a-z]+$/.test(words[0]!) && tokens[1] === ')';

/**
 * "$60 million to Chicago", "$150 million to the Global Fund": who the money goes to, when it is named; "$1 billion
 * to the U.S. Government to expand the submarine base": what it is to do, when that follows the recipient.
 */
function recipientOrPurpose(tokens: string[], index: number): string | null {
  const named = /^the$/i.test(tokens[index + 1] ?? '') ? index + 2 : index + 1;
  if (!/^[A-Z]/.test(tokens[named] ?? '')) return null;
  const recipient = phraseFrom(tokens, named);
  const next = named + recipient.length;
  const purpose = /^to$/.test(tokens[next] ?? '') ? fundedThing(tokens.slice(next).join(' ')) : null;
  return purpose ?? readable(recipient, named > index + 1);
}

/**
 * Words after an amount that say what it is for ("in grants", "for schools", "towards care"). Not "of": "$8 billion
 * of U.S. goods" would read as the goods, and /check then holds a claim's figure to that label alone (measured: two
 * tune claims lost their "different" verdict).
 */
const PURPOSE = /^(?:in|for|toward|towards)$/i;

/**
 * What follows "in", "for" or "towards" after an amount: "$3 billion in the clean water program", "$2.2 billion in
 * financing", "$7 billion in funding to accelerate battery
 * innovations" (the funding's purpose). A percentage takes "for" only ("2.4% for construction workers").
 */
function purposeAfter(tokens: string[], index: number, money: boolean): string | null {
  let from = index + 1;
  // "for the X" is read after a noun the amount is said to be of ("losses of $90 billion for the state").
  while (!/^for$/i.test(tokens[index]!) && DETERMINERS.test(tokens[from] ?? '') && from < index + 3) from++;
  // "in the Inflation Reduction Act" may name where the money comes from, not what it is for; "in March", when.
  if ((from > index + 1 && /^[A-Z]/.test(tokens[from] ?? '')) || TIME_WORD.test(tokens[from] ?? '')) return null;
  const start = afterCount(tokens, from);
  const funded = withCoordinate(tokens, start, phraseFrom(tokens, start));
  if (funded.length === 1 && MONEY.test(funded[0]!)) return fundedThing(tokens.slice(from + 1).join(' '));
  return readable(funded, (money && /^for$/i.test(tokens[index]!)) || endsInPlural(funded));
}

/**
 * "a dozen technical and high-level meetings", "$640 billion in clean energy and manufacturing investments", "new,
 * high-paying jobs": one or two words that are not plurals, then "and", "or" or a comma and a phrase that ends in
 * one, are a single phrase ("jobs and wages" stays "jobs").
 */
function withCoordinate(tokens: string[], index: number, words: string[]): string[] {
  const next = index + words.length;
  // "faith-based and community stakeholders": a hyphened word is one modifier; "110 mph and" a measure.
  const single =
    words.length > 0 && words.length <= 2 && words.every((w) => /^[a-z][a-z-]*[^s-]$/.test(w) && !UNITS[w]);
  if (!single || !/^(?:and|or|,)$/.test(tokens[next] ?? '')) return words;
  const phrase = phraseFrom(tokens, next + 1);
  const short = phrase.length > 0 && phrase.length <= 3 && isPluralWord(phrase[phrase.length - 1]!);
  if (tokens[next] === ',')
    // "new, high-paying jobs": adjectives listed with a comma.
    return short ? [...words.slice(0, -1), `${words.at(-1)!},`, ...phrase] : words;
  const rest = short ? phrase : joinedModified(phrase);
  if (!rest || (IRREGULAR_PLURALS.test(words[0]!) && rest.length > 1)) return words;
  return [...words, tokens[next]!, ...rest];
}
/**
 * "women and girls", but "people and create good-paying jobs": after a plural noun, "and" joins another noun, and
 * words before one may be a verb.
 */
const IRREGULAR_PLURALS = /^(?:people|children|women|men|staff|personnel)$/;
const isPluralWord = (word: string) => /^[a-z][\w-]*[^s'’]s$/.test(word);

/**
 * After "and" or "or", the rest of "two regional or global outbreaks of mpox", "eight wind and solar power purchase
 * agreements", "women and girls in ten African countries": up to five words that end in a plural, before "of", "in"
 * or a name. Null for another amount or another thing ("thousands of", "other provisions").
 */
function joinedModified(phrase: string[]): string[] | null {
  const place = phrase.findIndex((word) => /^(?:of|in)$/.test(word));
  const words = place >= 0 ? phrase.slice(0, place) : phrase;
  let end = words.length;
  while (end > 1 && /^[A-Z]/.test(words[end - 1]!) && !isPluralWord(words[end - 1]!)) end--;
  const rest = words.slice(0, end);
  if (rest.length === 0 || rest.length > 5 || !isPluralWord(rest[rest.length - 1]!)) return null;
  // "extension and allows survivors": a word in -s before the noun is a verb.
  if (rest.slice(0, -1).some(isPluralWord)) return null;
  const counted = (word: string) => VAGUE_AMOUNT.test(word) || SMALL_NUMBERS[word] !== undefined || /\d/.test(word);
  return rest.some(counted) || /^other$/i.test(rest[0]!) ? null : rest;
}
const VAGUE_AMOUNT = /^(?:hundreds|thousands|millions|billions|dozens|tens)$/i;

/**
 * "$1 billion for the “Safe Streets” Program": the programme an amount goes to, named after "for the" ("in the
 * Inflation Reduction Act" may be where it comes from). Weaker than a noun the amount is said to be of ("investments
 * of $600 billion in the United States"), so it is read after that one.
 */
export function fundedName(after: string): string | null {
  const tokens = tokensOf(after.slice(0, LABEL_WINDOW));
  if (!/^for$/i.test(tokens[0] ?? '') || !/^the$/i.test(tokens[1] ?? '')) return null;
  const start = /^["“‘]$/.test(tokens[2] ?? '') ? 3 : 2;
  if (/^[A-Z]/.test(tokens[start] ?? '')) return readable(phraseFrom(tokens, start), true);
  // "US$77 million for the provision of vaccines": a thing done with the money, linked by "of" to what it is
  // done to ("for the first time", "for the year" say when).
  const done = phraseFrom(tokens, start);
  return done.includes('of') && !ORDINAL_OR_TIME.test(done[0]!) ? readable(done) : null;
}
const ORDINAL_OR_TIME =
  /^(?:first|second|third|final|same|whole|entire|rest|remainder|year|month|week|day|period|duration|life|length)$/i;

/** "for eight new projects": the count is a figure of its own, the label starts after it. */
function afterCount(tokens: string[], index: number): number {
  const token = tokens[index]?.toLowerCase() ?? '';
  return /^\d[\d,.]*$/.test(token) || SMALL_NUMBERS[token] !== undefined ? index + 1 : index;
}

/**
 * What money is spent on when a purpose follows it: "$1 billion to modernize and repair gas pipelines" funds
 * the pipelines. The verbs (one, or two joined by "and") are skipped; the thing they act on is the label.
 */
export function fundedThing(after: string): string | null {
  const tokens = tokensOf(after.slice(0, LABEL_WINDOW));
  const isVerb = (token: string | undefined) => !!token && /^[a-z]+$/.test(token) && !FUNCTION_WORDS.has(token);
  // "12 months to submit relocation plans": the time is given for the plans, as money is for what it funds.
  const from = UNITS[tokens[0]?.toLowerCase() ?? ''] ? 1 : 0;
  if (tokens[from] !== 'to' || !isVerb(tokens[from + 1])) return null;
  let index = tokens[from + 2] === 'and' && isVerb(tokens[from + 3]) ? from + 4 : from + 2;
  // "$3 billion to prepare for future pandemics": what the verb acts on follows its preposition.
  if (/^(?:for|against)$/.test(tokens[index] ?? '')) index++;
  while (DETERMINERS.test(tokens[index] ?? '') && index < 6) index++;
  const thing = phraseFrom(tokens, index);
  // "to help Indonesia strengthen its health systems": who is helped, then the verb; the thing is its object.
  const verbAt = index + thing.length;
  if (thing.length > 0 && isVerbBeforeObject(tokens, verbAt)) return readable(phraseFrom(tokens, verbAt + 2));
  return readable(thing);
}

/** "a total of", "an average of": words that say how a figure is taken, not what it counts. */
const HOW_TAKEN = /^(?:total|sum|average|maximum|minimum|number|amount|figure|rate|level|value)s?$/i;

/**
 * Up to four words, then "(", a dash, "by", "of", "totaling", "valued at" or "worth" right before the figure. An
 * opening parenthesis may hold "to" and a currency sign the figure leaves out: "its commitment (to $100 million)",
 * "Germany (€1.3 billion)", "France (nearly €1.6 billion)"; bold around the figure is read as spaces ("(**$60 million**)").
 */
const NAMED_BEFORE = new RegExp(
  String.raw`([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3})\s*` +
    String.raw`(?:(\()\s*(?:to\s+)?(?:(?:[a-z]+\s+){0,2}[€£¥])?|[—–]\s*|\b(?:by|of|totall?ing|valued at|worth)\s+)$`,
);

/**
 * "the strongest showing for new business applications on record—12.6 million", "the largest investment in our
 * Nation’s history ($X)": how far back a comparison reaches, closing the phrase before a dash or a bracket, not what
 * is counted.
 */
const SINCE_WHEN = /\s+(?:on record|in (?:[\p{L}.’']+\s+){0,2}history|to date|of all time|ever)(\s*[—–(]\s*)$/iu;

/**
 * What the words before a figure name: "recycling projects ($60 million)" names the projects, "reduce methane
 * emissions by 30 percent" the emissions, "a monthly payment of $0" the payment, "two spectrum bands—2.69-2.9
 * GHz" the bands, "a package of grants totaling $486 million" the grants.
 */
export function namedBefore(before: string): string | null {
  const changed = changedTo(before) ?? changedObject(before);
  if (changed) return changed;
  const lead = NAMED_BEFORE.exec(before.slice(-LABEL_WINDOW).replace(SINCE_WHEN, '$1'));
  if (!lead) return null;
  const words = lead[1]!.split(/\s+/);
  const parenthesized = lead[2] !== undefined;
  // "their pledge by two-thirds (to $10 million)": the level a change reached, said of a thing named before the
  // change and before its own figure; read from that far it misled /trend (measured), so no label.
  if (parenthesized && words.at(-2) === 'by') return null;
  // "their taxes increased by almost $1,200", "inventory down by 8.6%": past the word of the change, what changed;
  // "to grow by $1,100": a verb, whose subject is read instead.
  if (/\bby\s+$/.test(before) && PLAIN_VERBS.has(words.at(-1)!)) return null;
  if (words.length > 1 && /^(?:[a-z]{3,}ed|up|down)$/.test(words.at(-1)!) && /\bby\s+$/.test(before)) words.pop();
  const kept = nounAtEnd(words);
  if (kept.length === 1 && HOW_TAKEN.test(kept[0]!)) return null;
  // "the European Commission (€715 million)": a figure in parentheses is said of the name before it.
  return readable(kept, parenthesized);
}

/** Verbs that move a thing to a new level: "bringing the total to", "increase investments to", "cut times to". */
const TO_LEVEL = new Set(
  (
    'bring brings bringing brought raise raises raised raising increase increases increased increasing reduce ' +
    'reduces reduced reducing lower lowers lowered lowering boost boosts boosted boosting cut cuts cutting'
  ).split(' '),
);

/**
 * "reduce homelessness 25 percent by 2025", "cut emissions 50%": a figure right after a verb of change and its
 * object measures the change of that object. Words of another kind between them ("for families") leave no label.
 */
export function changedObject(before: string): string | null {
  const tail = before.slice(-LABEL_WINDOW).trimEnd().split(/\s+/).slice(-5);
  let verb = tail.length - 1;
  while (verb >= 0 && !TO_LEVEL.has(tail[verb]!.toLowerCase())) verb--;
  const words = tail.slice(verb + 1);
  if (verb < 0 || words.length === 0 || !words.every((word) => /^[A-Za-z][\w'’-]*$/.test(word))) return null;
  while (words.length > 1 && DETERMINERS.test(words[0]!)) words.shift();
  const kept = nounAtEnd(words);
  return kept.length === words.length ? readable(kept) : null;
}

/**
 * "bringing the total security assistance to $1 billion", "cut permitting times for residential solar to less than
 * one day": a figure a thing is moved to measures that thing, the object of the verb of the change (up to eight
 * words, no punctuation between).
 */
export function changedTo(before: string): string | null {
  const words = before.slice(-LABEL_WINDOW).trim().split(/\s+/);
  if (words.pop()?.toLowerCase() !== 'to') return null;
  let verb = words.length - 1;
  while (verb >= 0 && verb >= words.length - 9 && !TO_LEVEL.has(words[verb]!.toLowerCase())) {
    if (!/^[A-Za-z][\w'’.-]*$/.test(words[verb]!)) return null;
    verb--;
  }
  if (verb < 0 || verb < words.length - 9 || verb === words.length - 1) return null;
  const object = words.slice(verb + 1);
  while (object.length > 1 && DETERMINERS.test(object[0]!)) object.shift();
  return readable(object);
}

/** What opens a clause: its start, punctuation, or a word that joins clauses. */
const CLAUSE_OPENS = /(?:^|[,;:(—–]|\b(?:and|but|while|whereas))\s*$/i;
/** A verb that says what a share of people is: "58% are women", "18% identify as Latino". */
const IS_A = /^\s*(?:are|were|is|was|identify\s+as|identified\s+as)\s+/i;

/**
 * "58% are women", "1 in 3 are former educators", "and half identify as non-white": a share that opens its clause,
 * of a group named elsewhere, counts the group its verb names after it.
 */
export function complementOf(before: string, after: string): string | null {
  const verb = IS_A.exec(after);
  if (!verb || !CLAUSE_OPENS.test(before)) return null;
  const tokens = tokensOf(after.slice(verb[0].length, LABEL_WINDOW));
  const start = DETERMINERS.test(tokens[0] ?? '') ? 1 : 0;
  // "40% is paid by states", "is funded by": a verb, not a group ("are naturalized citizens" is one).
  const first = tokens[start]?.toLowerCase() ?? '';
  if (PLAIN_VERBS.has(first) || (/^[a-z]{3,}ed$/.test(first) && AFTER_VERB.test(tokens[start + 1] ?? ''))) return null;
  return readable(phraseFrom(tokens, start), true);
}

/**
 * "within three days of departure", "within 30 days of receipt": a deadline counted from an event; the event is
 * not what the duration counts.
 */
export function isDeadline(before: string, after: string): boolean {
  const event = /^\s*(?:([A-Za-z]+)\s+)?of\b/.exec(after);
  return /\bwithin\s+$/i.test(before) && !!event && (!event[1] || !!UNITS[event[1].toLowerCase()]);
}

/**
 * A duration says how long something lasts; a clause's subject is what lasts only when the duration follows the
 * change it measures ("Apprehensions have declined for 8 consecutive months"). "Eligible families ... in the last two
 * years", "The credit has been around for twenty years": the subject is not what the years count.
 */
export function lastedSubject(before: string): string | null {
  return /\b[a-z]+(?:ed|en)\s+for\s+$/i.test(before) ? subjectOf(before) : null;
}

/**
 * "The average lifespan of a magnolia is 100 years": a duration said of a subject by "is" or "was", and closing
 * its clause, measures that subject. One with a word about it ("five years old", "20 years ago") is left alone.
 */
export function measuredSubject(before: string, after: string): string | null {
  return /\b(?:is|was|are|were)\s+$/i.test(before) && CLAUSE_ENDS.test(after) ? subjectOf(before) : null;
}
/** The rest of a duration's clause: its unit, then a stop, a comma or the end. */
const CLAUSE_ENDS = /^\s*(?:[a-z]+\s*)?(?:[.,;:)]|$)/i;

/** Words that link a noun to what it is of or on: "tariff on Canada", "amount of income". */
const LINK = /^(?:on|of|for)$/i;

/**
 * "increasing the tariff on Canada from 25% to 35%", "the cost share to be increased from 75% to 100%": a range
 * from one figure to another says how a thing changed, and the thing is the noun phrase right before it, with one
 * "on", "of" or "for" in it, or before the verb of the change.
 */
export function changedThing(before: string): string | null {
  const words = before.slice(-LABEL_WINDOW).trim().split(/\s+/);
  if (words.pop()?.toLowerCase() !== 'from') return null;
  // "prices fell from", "the share to be increased from": the verb of the change, and its helpers, are left out.
  if (/^[a-z]+ed$/.test(words.at(-1) ?? '') || PLAIN_VERBS.has(words.at(-1) ?? '')) words.pop();
  while (words.length > 1 && /^(?:to|be|been|was|were|is|are|has|have|had|will|would)$/.test(words.at(-1)!))
    words.pop();
  if (!/^[A-Za-z][\w'’-]*$/.test(words.at(-1) ?? '')) return null;
  const tail = nounAtEnd(words);
  const link = words.length - tail.length - 1;
  const head = LINK.test(words[link] ?? '') ? nounAtEnd(words.slice(0, link)) : [];
  // "raised the Child Tax Credit from": a thing changed by an amount may be a programme's name.
  return readable(head.length > 0 && tail.length > 0 ? [...head, words[link]!, ...tail] : tail, true);
}

/** A verb of change and "by" (an aside between them: "drop, on average, by"), or "down" or "up" alone before a figure. */
const MOVED = new RegExp(
  String.raw`(?:\b(?:fall|falls|fell|fallen|drop|drops|dropped|rise|rises|rose|risen|grow|grows|grew|grown|climb|` +
    String.raw`climbs|climbed|jump|jumps|jumped|decline|declines|declined|increase|increases|increased|decrease|` +
    String.raw`decreases|decreased)(?:\s*,[^,]{1,30},)?\s+by|\b(?:down|up))\s+$`,
  'i',
);
/** Helpers between a subject and its verb: "might fall", "has fallen", "is expected to rise". */
const HELPERS =
  /^(?:to|be|been|was|were|is|are|has|have|had|will|would|could|might|may|can|should|must|already|also|expected)$/i;

/**
 * "Border apprehensions at the southern border have dropped": the words after a preposition place the thing that
 * moved, which stands before it (subjectOf reads it). After a word that only says how it is taken ("the price for
 * some arthritis medicines"), they are the thing.
 */
function qualifiesAnother(words: string[]): boolean {
  let at = words.length - 1;
  while (at > 0 && DETERMINERS.test(words[at]!)) at--;
  const head = words[at - 1] ?? '';
  if (!PLACES.test(words[at] ?? '') || !/^[A-Za-z][\w'’-]*$/.test(head) || FUNCTION_WORDS.has(head.toLowerCase()))
    return false;
  return !HOW_TAKEN.test(head) && !/^(?:price|cost)s?$/i.test(head);
}
const PLACES = /^(?:at|in|on|for|from|across|along|near|within|among|with)$/i;

/** "make up 2% of", "making up 20 percent": a verb with "up" says what a share is of, and moves nothing. */
const PHRASAL_UP = /^(?:make|makes|made|making|add|adds|added|adding|end|ends|ended|ending|sum|sums|summed)$/;
/** "are on track to", "is expected to": how likely the change is, between the thing and its verb. */
const ON_COURSE = /\s(?:(?:is|are|was|were)\s+)?(?:on\s+track|set|likely|expected|projected|poised)\s+to\s*$/i;

/**
 * "out of pocket costs fall by at least $9,000", "premiums drop, on average, by 40 percent", "robbery down 46%":
 * an amount a thing moves by measures that thing, the noun phrase right before the verb (or "down", "up").
 */
export function movedSubject(before: string, percent: boolean): string | null {
  const moved = MOVED.exec(before);
  // "down" and "up" alone move a share ("robbery down 46%"); before a count they end a verb ("stand up a dozen").
  if (!moved || (!percent && !/by\s+$/i.test(moved[0]))) return null;
  const head = before.slice(0, moved.index).replace(ON_COURSE, ' ');
  const words = clauseBefore(head).trim().split(/\s+/);
  while (words.length > 0 && HELPERS.test(words.at(-1)!)) words.pop();
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 4; i--) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    if (!/^[A-Za-z][\w'’-]*$/.test(word)) break;
    if (FUNCTION_WORDS.has(lower)) {
      if (kept.length > 0 && qualifiesAnother(words.slice(0, i + 1))) return null;
      break;
    }
    // Right before the verb stands the thing that moves ("costs fall"); a verb further back ends the phrase.
    const verb = PLAIN_VERBS.has(lower) || AMOUNT_VERBS.has(lower) || isVerbForm(lower);
    if (verb && (kept.length > 0 || lower.endsWith('ed') || !/by\s+$/i.test(moved[0]))) {
      // "people experiencing homelessness rose by 3%": the words kept are a participle's object; the subject
      // is further back (subjectOf reads it).
      if (kept.length > 0 && isVerbForm(lower)) return null;
      break;
    }
    if (kept.length === 0 && PHRASAL_UP.test(lower)) break;
    kept.unshift(word);
  }
  // "the days from onset to test have decreased by 35%": one word after "to" is a verb, not the thing.
  if (kept.length === 1 && /^to$/i.test(words[words.length - 2] ?? '')) return null;
  while (kept.length > 0 && DETERMINERS.test(kept[0]!)) kept.shift();
  return readable(kept);
}

/** The last words up to a function word or a verb, less a leading determiner or count: "two children". */
function nounAtEnd(words: string[]): string[] {
  const kept: string[] = [];
  for (
    let i = words.length - 1;
    i >= 0 &&
    !FUNCTION_WORDS.has(words[i]!.toLowerCase()) &&
    !isVerbForm(words[i]!.toLowerCase()) &&
    !PLAIN_VERBS.has(words[i]!);
    i--
  )
    kept.unshift(words[i]!);
  while (kept.length && (DETERMINERS.test(kept[0]!) || afterCount(kept, 0) > 0 || SCALES[kept[0]!.toLowerCase()]))
    kept.shift();
  return kept;
}

/**
 * "children under 18", "kids under 6", "Americans over 65": a bare number hedged by "under" or "over" right after a
 * plural is the age of those it names.
 */
export function agedPlural(before: string): string | null {
  const words = before.trimEnd().split(/\s+/).slice(-3);
  const last = words.at(-1) ?? '';
  if (!/^[A-Za-z]+$/.test(last) || !(/[^su'’]s$/i.test(last) || /^(?:children|people|men|women)$/i.test(last)))
    return null;
  return readable(nounAtEnd(words));
}

/** "two children under age 13", "kids age 6-17", "adults aged 65": an age is said of who is that age. */
export function agedNoun(before: string): string | null {
  const lead = /((?:[A-Za-z][\w'’-]*\s+){1,3})ag(?:e|es|ed)\s+$/i.exec(before.slice(-LABEL_WINDOW));
  if (!lead) return null;
  const words = lead[1]!.trim().split(/\s+/);
  if (/^(?:under|over|below|above)$/i.test(words[words.length - 1]!)) words.pop();
  const noun = nounAtEnd(words);
  return noun.length === 1 && HOW_TAKEN.test(noun[0]!) ? null : readable(noun);
}

/**
 * "The Memorandum instructs", "The Plan calls": after "the" and one name in the singular, a word in -s is the
 * verb that agrees with it, not a plural that the name qualifies.
 */
const isVerbAfterName = (words: string[], token: string) =>
  words.length === 1 && /^[A-Z][a-z]+$/.test(words[0]!) && !/s$/.test(words[0]!) && /^[a-z]+[^su]s$/.test(token);

/** "and the number of …", "while the share …": a joining word before a determiner opens a clause of its own. */
const JOINED_CLAUSE = /\b(?:and|but|while|whereas)\s+(?=(?:the|a|an)\s)/gi;

/**
 * The clause a figure ends: after the last semicolon, comma or joining word before a determiner, with asides
 * between dashes left out ("the number of people—including people in cars—rose by 3%").
 */
function clauseBefore(before: string): string {
  const text = before.replace(/\s*[—–][^—–]*[—–]\s*/g, ' ');
  const joined = [...text.matchAll(JOINED_CLAUSE)].at(-1);
  const joinedAt = joined ? joined.index + joined[0].length : 0;
  return text.slice(Math.max(text.lastIndexOf(';'), text.lastIndexOf(', ') + 1, joinedAt, 0));
}

/** When nothing follows the figure ("dropped by 75% since May"), what it measures is the clause's subject. */
export function subjectOf(before: string): string | null {
  const clause = clauseBefore(before);
  const tokens = tokensOf(clause.slice(-LABEL_WINDOW));
  // A window cut inside a word ("…ents") starts with a fragment: leave it out.
  if (clause.length > LABEL_WINDOW && /\w/.test(clause.charAt(clause.length - LABEL_WINDOW - 1))) tokens.shift();
  let index = 0;
  while (index < tokens.length && /^(?:[;,]|the|a|an)$/i.test(tokens[index]!)) index++;
  const determined = index > 0 && /^[A-Za-z]/.test(tokens[index - 1]!);
  const words: string[] = [];
  let numbered = false;
  for (; index < tokens.length && words.length < 5; index++) {
    const token = tokens[index]!;
    // "the number of people": how they are taken, not what. ("the Fund’s partners": readable leaves whose out.)
    numbered ||= /^of$/i.test(token) && words.length === 1 && HOW_TAKEN.test(words[0]!);
    if (numbered && words.length === 1 && HOW_TAKEN.test(words[0]!)) {
      words.length = 0;
      continue;
    }
    if (!WORD.test(token) || FUNCTION_WORDS.has(token.toLowerCase())) break;
    if ((/ed$/.test(token.toLowerCase()) || PLAIN_VERBS.has(token.toLowerCase())) && words.length > 0) break;
    if ((determined && isVerbAfterName(words, token)) || (words.length > 0 && isVerbBeforeObject(tokens, index))) break;
    words.push(token);
  }
  // Words that run up to the figure end in the verb that takes it ("the Budget proposes $2 billion").
  if (index === tokens.length && words.length > 0) words.pop();
  // "people experiencing unsheltered homelessness": a participle cut from its object does not end a label.
  while (words.length > 1 && isVerbForm(words.at(-1)!.toLowerCase())) words.pop();
  while (words.length > 1 && AMOUNT_VERBS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  // One word before the verb is an agency, a name or a pronoun more often than what is counted; a plural that
  // opens the sentence is capitalized only for that ("Apprehensions have declined for 8 consecutive months").
  const opens = words.length === 1 && clause === before && before.trimStart().startsWith(words[0]!);
  if (words.length === 1 && !numbered && !(opens ? /^[A-Za-z][a-z]{3,}[^s]s$/ : /^[a-z]{4,}s$/).test(words[0]!))
    return null;
  return readable(words);
}

/**
 * "losses over $1 billion", "a monthly payment less than $100": before a hedged figure, the noun it is said of,
 * when "with" or "a" introduces it. A bare plural after a verb is its object ("save homeowners up to $1500"
 * says who saves, not what), and a verb names nothing ("withdrew approximately 2.8 million acres").
 */
export function hedgedNoun(before: string): string | null {
  const tokens = tokensOf(before.slice(-60)).reverse();
  const words: string[] = [];
  let introduced = false;
  for (const token of tokens.slice(0, 5)) {
    const lower = token.toLowerCase();
    // After "the" a verb may follow ("the agency withdrew"); after "a" or "with", a noun.
    if (/^(?:an?|with|without)$/.test(lower)) introduced = words.length > 0;
    if (!WORD.test(token) || FUNCTION_WORDS.has(lower) || isVerbForm(lower) || /['’]/.test(token)) break;
    if (words.length === 0 && (AMOUNT_VERBS.has(lower) || PLAIN_VERBS.has(lower))) break;
    words.unshift(token);
  }
  if (!introduced || (words.length === 1 && HOW_TAKEN.test(words[0]!))) return null;
  return readable(words);
}

/** One more figure of a list: ", 5.03-5.091 GHz", ", and 37.0-37.6", " and $3,600". */
const LIST_ITEM =
  /(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)\$?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?(?:\s+([A-Za-z]+))?/y;

/**
 * "the 3.1-3.45 GHz, 5.03-5.091 GHz, and 37.0-37.6 GHz bands": figures listed before one noun share it. The
 * words after the list's last figure, or null when no list follows.
 */
export function afterList(after: string): string | null {
  const unit = /^\s+([A-Za-z]+)/.exec(after);
  let at = unit && UNITS[unit[1]!.toLowerCase()] ? unit[0].length : 0;
  let items = 0;
  for (LIST_ITEM.lastIndex = at; at < LABEL_WINDOW; LIST_ITEM.lastIndex = at) {
    const item = LIST_ITEM.exec(after);
    if (!item) break;
    const word = item[1];
    // The word after the last figure is its unit or scale ("GHz", "million") or already the shared noun ("bands").
    const ofTheFigure = word && (UNITS[word.toLowerCase()] || SCALES[word.toLowerCase()]);
    at = word && !ofTheFigure ? item.index + item[0].length - word.length - 1 : item.index + item[0].length;
    items++;
  }
  // "8% and 5.2 million of Americans": what follows belongs to the last figure alone, not to a shared noun.
  const first = /^\s*([A-Za-z][\w'’-]*)/.exec(after.slice(at))?.[1];
  return items > 0 && first && !FUNCTION_WORDS.has(first.toLowerCase()) ? after.slice(at) : null;
}

/** Units of time: "$10 a month" and "$500 a year" say how often, not what of. */
const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades']);
/** After the thing of a rate, its sentence goes on with punctuation, its end or a small word ("per gallon of gas"). */
const RATE = /^\s*(?:a|an|per|each)\s+([a-z]+)(?=\s*$|\s*[^\w\s]|\s+([a-z]+))/;

/**
 * "$3.30 a gallon", "$799 per pair", "10 cents per gallon of gas": money for each of a thing is labelled with the
 * thing it is per, in the sentence's words ("per gallon"); money per day or per year is a sum over time instead.
 */
export function perThing(after: string): string | null {
  const rate = RATE.exec(after);
  // "per annum" is Latin for a year, which the units do not list.
  if (!rate || TIME_UNITS.has(UNITS[rate[1]!] ?? '') || rate[1] === 'annum' || FUNCTION_WORDS.has(rate[1]!))
    return null;
  if (rate[2] && !FUNCTION_WORDS.has(rate[2])) return null;
  return `per ${rate[1]}`;
}

/** "1 million barrels per day", "500,000 barrels a day": an amount of a thing for each span of time. */
export function flowOf(after: string, unit: string): string | null {
  const flow = /^\s*[a-z]+\s+(?:a|per|each)\s+([a-z]+)\b/i.exec(after);
  const time = flow ? UNITS[flow[1]!.toLowerCase()] : undefined;
  return time && TIME_UNITS.has(time) ? `${unit} per ${flow![1]!.toLowerCase()}` : null;
}

/**
 * "The network of over 100,000 public chargers operates with …": a count after "of" is not the clause's subject, so
 * a word in -s right after its plural noun agrees with the noun before "of": it is that noun's verb, and what the
 * figure counts stops before it. The words after the figure, cut there.
 */
export function beforeAgreeingVerb(before: string, after: string): string {
  if (!OF_AT_END.test(before)) return after;
  const verb = AGREEING_VERB.exec(after);
  return verb ? after.slice(0, verb[1]!.length) : after;
}
const OF_AT_END = /\b[a-z]+\s+of\s*$/i;
/**
 * Up to five words ending in a plural, then a word in -s with no noun's ending ("organizations", "laboratories",
 * "leaders" head a phrase such as "standards organizations"), then a word that opens what a verb goes on to.
 */
const AGREEING_VERB = new RegExp(
  String.raw`^((?:\s+[\w'’-]+){0,4}?\s+[a-z]{2,}[^sui\W]s)\s+` +
    String.raw`(?![a-z]*(?:ions|ments|ies|ors|ers|ists|ics|ants|ness|ships)\b)[a-z]{2,}[^sui\W]s\s+` +
    String.raw`(?:with|in|to|for|on|at|by|from|across|through|the|a|an|its|their|more|about|over|nearly)\b`,
);
