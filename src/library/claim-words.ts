// The words of a claim as people write them in chat: the framing around what is claimed ("Did you know …?",
// "BREAKING:", "So apparently", "lol", emoji) is no part of it, verbs of change stand for their kin
// ("declined" for "dropped", "grew" for "rose") with the direction kept, and everyday words for a sheet's
// ("kids" for "children", everyday-words.ts).
import { sheetWordsFor, withKinOf } from './everyday-words.js';
import { terms, type Alternative } from './search.js';

/** Quote marks, emphasis and list marks before a claim's first word. */
const LEADING_MARKS = String.raw`^[\s"“‘*_>-]*`;
const INTERJECTIONS = String.raw`(?:(?:so|ok|okay|wow|wait|hey|lol|omg|ngl|tbh|fyi|and|but|yo)\b[\s,!.]*)*`;
const HEARSAY = String.raw`did\s+you\s+know|apparently|reportedly|allegedly|(?:i\s+)?heard|you\s+know`;
/** Openings that frame a claim rather than say it: a lead-in ending in a colon, a question's "did you know". */
const OPENING = new RegExp(
  [
    String.raw`${LEADING_MARKS}(?:[\p{L}'’ ]{1,20}:\s+)`, // "BREAKING: ", "fun fact: ", "PSA: "
    String.raw`${LEADING_MARKS}(?:according\s+to|per)\s+[\p{L}.’' ]{1,40},\s*`, // "According to the White House, "
    String.raw`${LEADING_MARKS}${INTERJECTIONS}(?:(?:${HEARSAY})\b(?:\s+that\b)?[\s,]*)?`,
  ].join('|'),
  'iu',
);
/** Who said it, before what they said: 'My uncle keeps saying "…"', 'Someone said …'. */
const SAYING = String.raw`says?|said|saying|claims?|claimed|claiming|tweeted|posted|wrote|told\s+me`;
/** Someone unnamed, who says what follows without quote marks: "Someone said …", "my uncle says that …". */
const UNNAMED = String.raw`someone|somebody|people|everyone|they|(?:my|a|some)\s+[\p{Ll}\s]{1,25}?`;
const ATTRIBUTION = new RegExp(
  [
    String.raw`^[^"“\n]{0,40}?\b(?:${SAYING})\b(?:\s+that\b)?[\s,:]*(?=["“])`,
    String.raw`^\s*(?:${UNNAMED})\s+(?:keeps?\s+|are\s+|is\s+)?(?:${SAYING})\b(?:\s+that\b)?[\s,:]*`,
  ].join('|'),
  'iu',
);
/** Closings that react rather than claim: "lol", "smh", emoji, runs of "?!", who said it ("according to …"). */
const REACTIONS = String.raw`lol|lmao|rofl|smh|omg|wow|fr|ngl|tbh|lmfao|haha+`;
const SOURCE = String.raw`(?:per\s+the|according\s+to(?:\s+the)?)\s+[\p{L}.’' ]{1,30}`;
const CLOSING = new RegExp(String.raw`(?:[\s,]*(?:${REACTIONS}|${SOURCE})\b)+[^\p{L}\p{N}]*$`, 'iu');
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu;

/** The claim with its chat framing blanked (the same length, so spans into it still hold). */
export function withoutFraming(claim: string): string {
  const blank = (text: string) => ' '.repeat(text.length);
  return claim
    .split('\n')
    .map((line) => {
      let text = line.replace(EMOJI, blank);
      for (const pattern of [ATTRIBUTION, OPENING]) text = text.replace(pattern, blank);
      return text.replace(CLOSING, blank);
    })
    .join('\n');
}

/** Verbs of change by direction: each stands for the others of its kind, never for those of the other. */
const FALLING = new Set(
  terms('fell fall fallen declined dropped down cut reduced decreased slashed lowered plunged shrank'),
);
const RISING = new Set(terms('rose risen rise up increased grew grown climbed jumped raised boosted soared'));

/** Whether a stem is a verb of change, of either direction. */
export const isVerbOfChange = (term: string) => FALLING.has(term) || RISING.has(term);

/** "up" says no direction alone: statements say "up to" of an amount. */
const UP = terms('up')[0]!;

/** The direction of change a text's words state: 1 up, -1 down, 0 none or both. */
export function changeDirection(words: Iterable<string>): number {
  let up = false;
  let down = false;
  for (const word of words) {
    up ||= RISING.has(word) && word !== UP;
    down ||= FALLING.has(word);
  }
  return up === down ? 0 : up ? 1 : -1;
}

/**
 * The words a word stands for besides itself: the verbs of change of its direction, or the sheet's words for an
 * everyday one; none for another word.
 */
export const kinOf = (term: string): string[] => [
  ...([FALLING, RISING].find((family) => family.has(term)) ?? sheetWordsFor(term)),
];

/** A claim's words with each verb of change standing also for its kin of the same direction, and each everyday word for the sheet's. */
export const withKin = (groups: Alternative[][]): Alternative[][] => withKinOf(groups, kinOf);
