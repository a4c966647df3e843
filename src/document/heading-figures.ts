// Figures a section's heading states ("Humanitarian Relief ($255M)", "Invest $3 Billion to Prepare for Future
// Pandemics"): a heading is no statement, so the statements' figures leave them out. Each is placed with the
// section's first statement, which the heading sums up, and quoted as the heading itself.
import { findFigures } from './figures.js';
import { statementsOf } from './sections.js';
import type { Figure, Section } from './types.js';

/** The figures of every section's heading, in reading order. */
export function headingFigures(text: string, sections: readonly Section[]): Figure[] {
  return sections.flatMap((section) => figuresOfHeading(text, section));
}

/** A heading's figures, numbered `<section id>-h<n>`; none for a heading with nothing under it. */
function figuresOfHeading(text: string, section: Section): Figure[] {
  const first = statementsOf(section)[0];
  const span = section.headingSpan;
  if (!span || !first) return [];
  return findFigures(text, span[0], span[1]).map((figure, i) => ({
    id: `${section.id}-h${i + 1}`,
    text: text.slice(figure.span[0], figure.span[1]),
    ...figure,
    counts: namedBeforeBracket(text.slice(span[0], figure.span[0])) ?? figure.counts,
    sectionId: section.id,
    pointId: first.id,
    sentenceSpan: span,
  }));
}

/**
 * "Humanitarian Relief ($255M)", "Increase Economic Opportunity ($48 million total)": an amount in brackets after a
 * heading's words is what the section under that name is given; the words name what it counts.
 */
function namedBeforeBracket(before: string): string | null {
  const named = BRACKET_AFTER_WORDS.exec(before);
  return named ? named[1]!.replace(/<[^>]*>|[*_]/g, '').trim() || null : null;
}
const BRACKET_AFTER_WORDS = /^[\s*_]*([^()\n]{3,120}?)[\s*_]*\([\s*_]*$/;

/** Two lists of figures, each in reading order, as one in reading order. */
export function inReadingOrder(a: readonly Figure[], b: readonly Figure[]): Figure[] {
  if (a.length === 0 || b.length === 0) return [...a, ...b];
  return [...a, ...b].sort((x, y) => x.span[0] - y.span[0]);
}
