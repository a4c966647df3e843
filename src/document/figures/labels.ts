// What a figure counts, as a short noun phrase from its sentence: "criminal aliens", "miles of wall", "drop
// in border apprehensions". When no phrase reads well on its own, no label: an empty label is better than a
// wrong one ("U", "President Trump", "Starting").
import { FUNCTION_WORDS } from './vocabulary.js';

/** How far a label may be looked for, either side of the figure: a phrase is a few words. */
export const LABEL_WINDOW = 160;
const MAX_WORDS = 6;
const WORD = /^[A-Za-z][\w'’-]*$/;
const PEOPLE =
  /^(?:President|Vice|Secretary|Governor|Senator|Representative|Mayor|Mr|Mrs|Ms|Dr|Administrator|Chairman|Director)\b/;
/** Money words: the label is what the money is for ("billions of dollars in water infrastructure"). */
const MONEY = /^(?:dollars?|funding|funds)$/i;

function tokensOf(text: string): string[] {
  return text.match(/[A-Za-z][\w'’-]*|\S/g)?.slice(0, 16) ?? [];
}

/** A phrase a reader can take as a label, or null. */
function readable(words: string[]): string | null {
  if (words.length === 0) return null;
  const phrase = words.join(' ');
  if (phrase.length <= 2) return null;
  if (PEOPLE.test(phrase)) return null;
  // Only names ("Donald Trump", "Silicon Valley Bank") or only a verb form: not what a figure counts.
  if (words.every((w) => /^[A-Z]/.test(w)) && words.length > 1 && !words.some((w) => /^[A-Z]{2,}s?$/.test(w)))
    return null;
  if (words.length === 1 && /(?:ly|ing|ed)$/.test(words[0]!.toLowerCase())) return null;
  return phrase;
}

/** Noun-phrase words from `index` on: stops at a function word, a verb form or punctuation. */
function phraseFrom(tokens: string[], start: number): string[] {
  const words: string[] = [];
  let linked = false;
  for (let index = start; index < tokens.length && words.length < MAX_WORDS; index++) {
    const token = tokens[index]!;
    const lower = token.toLowerCase();
    if (!WORD.test(token)) break;
    if ((lower === 'of' || lower === 'in') && words.length > 0 && !linked) {
      const next = tokens[index + 1];
      if (next && WORD.test(next) && !FUNCTION_WORDS.has(next.toLowerCase())) {
        linked = true;
        words.push(token);
        continue;
      }
      break;
    }
    if (FUNCTION_WORDS.has(lower)) break;
    if (words.length > 0 && /(?:ed|ing)$/.test(lower) && lower.length > 4) break;
    words.push(token);
  }
  while (words.length && /^(?:of|in)$/i.test(words[words.length - 1]!)) words.pop();
  return words;
}

/** The noun phrase right after the figure. */
export function countedPhrase(after: string, ofFollows: boolean): string | null {
  const tokens = tokensOf(after.slice(0, LABEL_WINDOW));
  let index = 0;
  if (ofFollows && tokens[0]?.toLowerCase() === 'of') index = 1; // "thousands of troops", "40% of counties"
  if (tokens[index]?.toLowerCase() === 'more') index++; // "thousands more workers"
  if (/^as$/i.test(tokens[index] ?? '') && /^(?:many|much)$/i.test(tokens[index + 1] ?? '')) index += 2; // "twice as many"
  const words = phraseFrom(tokens, index);
  if (words.length === 1 && MONEY.test(words[0]!)) {
    // "$5 billion in grants", "billions of dollars for roads": what the money is.
    const next = tokens[index + 1]?.toLowerCase();
    if (next === 'in' || next === 'for' || next === 'to') return readable(phraseFrom(tokens, index + 2)) ?? words[0]!;
  }
  return readable(words);
}

/** When nothing follows the figure ("dropped by 75% since May"), what it measures is the clause's subject. */
export function subjectOf(before: string): string | null {
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(', ') + 1, 0));
  const tokens = tokensOf(clause.slice(-LABEL_WINDOW));
  let index = 0;
  while (index < tokens.length && /^(?:the|a|an|[;,])$/i.test(tokens[index]!)) index++;
  const words: string[] = [];
  for (; index < tokens.length && words.length < 5; index++) {
    const token = tokens[index]!;
    if (!WORD.test(token) || FUNCTION_WORDS.has(token.toLowerCase())) break;
    if (/ed$/.test(token.toLowerCase()) && words.length > 0) break;
    words.push(token);
  }
  return readable(words);
}
