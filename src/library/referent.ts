// What a sentence refers back to. A sentence opening with a pronoun or a demonstrative ("This agreement will
// support 18,000 jobs", "He has served in the Navy for 20 years") names its subject in the sentence before it,
// often the last one of the statement above ("… signed the Pacific Shipbuilding Agreement."): that sentence
// tells what the figure is about, as a list's lead-in does for its items.
import { plainTextOf } from '../document/formats/index.js';
import type { Document, Point, Section, Span } from '../document/types.js';

/**
 * Words that stand for something named before them: personal pronouns and demonstratives, a closed class of
 * English grammar (not a list of topics).
 */
const REFERRING = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those']);

/** The first word of a text, markup and quote marks aside, in lower case. */
const firstWord = (text: string) => /\p{L}+/u.exec(text)?.[0].toLowerCase() ?? '';

/**
 * The sentence a sentence of `point` refers back to, as plain text: the one before it in its statement, or the
 * last of the statement before it in the same section; null when it names its own subject.
 */
export function referredSentence(document: Document, section: Section, point: Point, span: Span): string | null {
  const text = (at: Span) => plainTextOf(document, document.text.slice(...at));
  if (!REFERRING.has(firstWord(text(span)))) return null;
  const earlier = point.sentences.filter((s) => s[1] <= span[0]).at(-1);
  if (earlier) return text(earlier);
  const points = section.lead ? [section.lead, ...section.points] : section.points;
  const before = points[points.indexOf(point) - 1]?.sentences.at(-1);
  return before ? text(before) : null;
}
