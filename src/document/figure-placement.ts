// Places the figures that figures.ts finds in each sentence into the document: each gets an id and the
// section, statement and sentence it comes from, so a quote can show a figure in its context.
import { findFigures } from './figures.js';
import { isPartOfAList } from './figures/filters.js';
import { statementsOf } from './sections.js';
import type { Figure, FoundFigure, Point, Section } from './types.js';

/** Every figure in the document, in reading order. Sentences must already be split. */
export function placeFigures(text: string, sections: readonly Section[]): Figure[] {
  return sections.flatMap((section) => statementsOf(section).flatMap((point) => figuresIn(text, section, point)));
}

/** The figures of one statement, numbered from 1 across its sentences: `<point id>-f<n>`. */
function figuresIn(text: string, section: Section, point: Point): Figure[] {
  const found = point.sentences.flatMap((sentence) =>
    findFigures(text, sentence[0], sentence[1]).map((figure) => ({ figure, sentence })),
  );
  const placed: Figure[] = [];
  // Each reads the one placed before it, so a figure that refers back to one that referred back keeps the thing.
  for (const [i, { figure, sentence }] of found.entries())
    placed.push({
      id: `${point.id}-f${i + 1}`,
      text: text.slice(figure.span[0], figure.span[1]),
      ...figure,
      counts: figure.counts ?? countedBefore(text, figure, placed.at(-1)),
      sectionId: section.id,
      pointId: point.id,
      sentenceSpan: sentence,
    });
  return placed;
}

/**
 * "more" with no noun after it, or "of them", "of whom", "of which": a figure that names no thing of its own
 * ("Thousands more are …", "20 partners pledged, 18 of whom are from Africa").
 */
const REFERS_BACK = /^\s+(?:more(?!\s+(?:than|[a-z]+s)\b)|of\s+(?:them|whom|which))\b/i;

/**
 * A count or share with a verb right after it names no thing either ("500 million doses, including 200 million to
 * be delivered this year", "the remaining 300 million will be", "13 are MDIs"). Money with a verb after it ("$2
 * billion will be for food aid") is most often for a purpose of its own, so it is left as found.
 */
const VERB_AFTER = /^\s+(?:to\s+be|will|would|are|were|have|had)\b/i;

/**
 * "Utilities have 30,000 personnel ready. Thousands more are on the way": a figure that refers back counts what
 * the statement's figure before it counts, when both measure alike (the same unit, or none).
 */
function countedBefore(text: string, figure: FoundFigure, previous: FoundFigure | undefined): string | null {
  if (!previous?.counts || previous.unit !== figure.unit) return null;
  const next = text.slice(figure.span[1], figure.span[1] + 40);
  const part =
    figure.unit === null && isPartOfAList(text.slice(Math.max(0, figure.span[0] - 12), figure.span[0]), next);
  return REFERS_BACK.test(next) || (figure.unit !== '$' && VERB_AFTER.test(next)) || part ? previous.counts : null;
}
