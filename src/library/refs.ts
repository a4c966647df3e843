// The parts of the documents a library serves, as flat lists of references, and where each document's parts
// sit in them: a document's sections, figures and statements are added together, so each is a range.
import type { Document, Figure, Point, Section } from '../document/types.js';
import type { Range } from './search.js';
import type { Steps } from './steps.js';

/** Sections collected between two steps: a document of 20,000 headings is collected in slices too. */
const SECTIONS_PER_STEP = 200;

export interface SectionRef {
  document: Document;
  section: Section;
}

export interface FigureRef {
  document: Document;
  section: Section;
  figure: Figure;
}

export interface StatementRef {
  document: Document;
  section: Section;
  point: Point;
}

/** Which documents a lookup covers: one document (by id), and/or those `within` accepts (a date range, say). */
export interface Scope {
  readonly documentId?: string;
  readonly within?: (document: Document) => boolean;
}

export interface Parts {
  readonly sections: readonly SectionRef[];
  readonly figures: readonly FigureRef[];
  readonly statements: readonly StatementRef[];
}

export interface DocumentRanges {
  sections: Range;
  figures: Range;
  statements: Range;
}

/** The flat lists while they are collected; the library hands them out as Parts, frozen. */
export interface Collected extends Parts {
  sections: SectionRef[];
  figures: FigureRef[];
  statements: StatementRef[];
  ranges: Map<string, DocumentRanges>;
}

function* collectDocument(document: Document, into: Collected): Steps<void> {
  const start = { sections: into.sections.length, figures: into.figures.length, statements: into.statements.length };
  const sectionOf = new Map<string, Section>();
  for (const [i, section] of document.sections.entries()) {
    sectionOf.set(section.id, section);
    into.sections.push({ document, section });
    for (const point of section.lead ? [section.lead, ...section.points] : section.points) {
      into.statements.push({ document, section, point });
    }
    if (i % SECTIONS_PER_STEP === SECTIONS_PER_STEP - 1) yield;
  }
  for (const figure of document.figures) {
    into.figures.push({ document, figure, section: sectionOf.get(figure.sectionId)! });
  }
  into.ranges.set(document.id, {
    sections: [start.sections, into.sections.length],
    figures: [start.figures, into.figures.length],
    statements: [start.statements, into.statements.length],
  });
}

/** Every document's parts, a document (or SECTIONS_PER_STEP sections of one) a step: see steps.ts. */
export function* collectPartSteps(documents: readonly Document[]): Steps<Collected> {
  const collected: Collected = { sections: [], figures: [], statements: [], ranges: new Map() };
  for (const document of documents) {
    yield* collectDocument(document, collected);
    yield;
  }
  return collected;
}

/** Each document's parts as their own lists (slices of the flat ones). */
export function partsByDocument(collected: Collected): Map<string, Parts> {
  const byDocument = new Map<string, Parts>();
  for (const [id, range] of collected.ranges) {
    byDocument.set(id, {
      sections: Object.freeze(collected.sections.slice(...range.sections)),
      figures: Object.freeze(collected.figures.slice(...range.figures)),
      statements: Object.freeze(collected.statements.slice(...range.statements)),
    });
  }
  return byDocument;
}
