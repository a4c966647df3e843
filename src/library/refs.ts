// The parts of the documents a library serves, as flat lists of references, and where each document's parts
// sit in them: a document's sections, figures and statements are added together, so each is a range. A document
// read back from the saved documents comes with its outline (how many sections, statements and figures, and their
// keys): its references are made from that and hold places, not parts, so that its sections and figures are made
// only when a command first reads one (saved-documents.ts).
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

/** What a document read back holds, without making its parts: each section's id, title and statements, each figure's. */
export interface Outline {
  /** Per section: its id, its title and how many statements it holds (its lead first, when it has one). */
  readonly sections: readonly (readonly [id: string, title: string, statements: number])[];
  /** Per figure: its id and its section's place in the document. */
  readonly figures: readonly (readonly [id: string, section: number])[];
}

const outlines = new WeakMap<Document, Outline>();

/** The document's references are made from its outline (its parts then made only when one is read). */
export function outlined(document: Document, outline: Outline): Document {
  outlines.set(document, outline);
  return document;
}

/** The document under another id; one read back stays so (its accessors copied, not read: no body is made). */
export function renamed(document: Document, id: string): Document {
  const outline = outlines.get(document);
  if (!outline) return { ...document, id };
  const descriptors = { ...Object.getOwnPropertyDescriptors(document), id: { value: id, enumerable: true } };
  return outlined(Object.freeze(Object.defineProperties({}, descriptors)) as Document, outline);
}

/** The outline of a document read back; of another, worked out from its parts (to save it). */
export function outlineOf(document: Document): Outline {
  const known = outlines.get(document);
  if (known) return known;
  const sectionAt = new Map(document.sections.map((section, i) => [section.id, i]));
  return {
    sections: document.sections.map((s) => [s.id, s.title, s.points.length + (s.lead ? 1 : 0)] as const),
    figures: document.figures.map((f) => [f.id, sectionAt.get(f.sectionId)!] as const),
  };
}

/** A section of a document read back: its place, its section made when read. */
class SectionAt implements SectionRef {
  constructor(
    readonly document: Document,
    readonly at: number,
  ) {}

  get section(): Section {
    return this.document.sections[this.at]!;
  }

  /** Written as the reference a built library holds (its places are no part of what it refers to). */
  toJSON(): SectionRef {
    return { document: this.document, section: this.section };
  }
}

/** A statement of a document read back: its section's place and its own in it (the lead first). */
class StatementAt implements StatementRef {
  constructor(
    readonly document: Document,
    readonly at: number,
    readonly within: number,
  ) {}

  get section(): Section {
    return this.document.sections[this.at]!;
  }

  get point(): Point {
    const { lead, points } = this.section;
    return lead ? (this.within === 0 ? lead : points[this.within - 1]!) : points[this.within]!;
  }

  toJSON(): StatementRef {
    return { document: this.document, section: this.section, point: this.point };
  }
}

/** A figure of a document read back: its place and its section's. */
class FigureAt implements FigureRef {
  constructor(
    readonly document: Document,
    readonly at: number,
    readonly sectionAt: number,
  ) {}

  get section(): Section {
    return this.document.sections[this.sectionAt]!;
  }

  get figure(): Figure {
    return this.document.figures[this.at]!;
  }

  toJSON(): FigureRef {
    return { document: this.document, figure: this.figure, section: this.section };
  }
}

/** A section's id and title, from the outline for a document read back (its section is not made for it). */
export function sectionNames(ref: SectionRef): { id: string; title: string } {
  if (!(ref instanceof SectionAt)) return ref.section;
  const [id, title] = outlines.get(ref.document)!.sections[ref.at]!;
  return { id, title };
}

/** A figure's id, from the outline for a document read back. */
export function figureId(ref: FigureRef): string {
  return ref instanceof FigureAt ? outlines.get(ref.document)!.figures[ref.at]![0] : ref.figure.id;
}

/** A document read back: its references made from its outline, holding places. */
function* collectOutlined(document: Document, outline: Outline, into: Collected): Steps<void> {
  // Counted loops: a warm start makes some 84,000 references here, and an entries() iterator's pair a part more.
  const { sections, figures } = outline;
  for (let i = 0; i < sections.length; i++) {
    into.sections.push(new SectionAt(document, i));
    const statements = sections[i]![2];
    for (let k = 0; k < statements; k++) into.statements.push(new StatementAt(document, i, k));
    if (i % SECTIONS_PER_STEP === SECTIONS_PER_STEP - 1) yield;
  }
  for (let i = 0; i < figures.length; i++) into.figures.push(new FigureAt(document, i, figures[i]![1]));
}

function* collectParts(document: Document, into: Collected): Steps<void> {
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
}

function* collectDocument(document: Document, into: Collected): Steps<void> {
  const start = { sections: into.sections.length, figures: into.figures.length, statements: into.statements.length };
  const outline = outlines.get(document);
  yield* outline ? collectOutlined(document, outline, into) : collectParts(document, into);
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
