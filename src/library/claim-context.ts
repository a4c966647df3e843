// What a statement is about beyond its own sentence, as /stat reads it: the sentence before it in its statement,
// its list's lead-in, its section's heading and its document's title. A subject named there ("This agreement
// will support …" after a sentence naming the agreement) is the statement's subject; one named only far away
// in the document is not.
import { plainTextOf } from '../document/formats/index.js';
import type { Point, Section } from '../document/types.js';
import { leadIn, type IndexedSentence } from './figure-search.js';

/** The texts around a figure sentence that say what it speaks of (none for a sentence without figures). */
export function contextTexts(sentence: IndexedSentence): string[] {
  const ref = sentence.figures[0];
  if (!ref) return [];
  const { document, section, figure } = ref;
  const point = [section.lead, ...section.points].find((p) => p?.id === figure.pointId);
  const lead = point ? (leadIn(section, point) ?? paragraphBefore(section, point)) : null;
  const before = point?.sentences.filter((span) => span[1] <= sentence.span[0]).at(-1);
  return [
    ...(before ? [plainTextOf(document, document.text.slice(...before))] : []),
    ...(lead ? [plainTextOf(document, lead.text)] : []),
    section.title,
    document.title,
  ];
}

/**
 * The paragraph a list hangs from when no colon or indent says so: a list (a group of several statements) after
 * a statement standing alone ("The following actions will be carried out under the new … Plan." then items).
 */
function paragraphBefore(section: Section, point: Point): Point | null {
  const group = section.points.filter((p) => p.group === point.group);
  const before = section.points[section.points.indexOf(group[0]!) - 1];
  if (group.length < 2 || !before) return null;
  return section.points.filter((p) => p.group === before.group).length === 1 ? before : null;
}
