// A parsed Document crosses from a parse worker to the main thread through the structured clone, whose cost on
// the receiving side grows with the objects it holds: a document of 20,000 headings took about 90 ms to receive
// in one message, and every reply waited for it. So a large document is sent in parts of a bounded number of
// objects, and the main thread takes its turns between them. A part holds whole statements with their figures (a
// figure's sentence span is its statement's own array, and stays shared within one message); a section with more
// statements than one part holds continues in the next.
import type { Document, Figure, Point, Section, Warning, Writable } from '../document/types.js';

/** Objects one part holds at most (a few ms to receive on a busy core), unless one statement alone holds more. */
export const OBJECTS_PER_PART = 5_000;

/**
 * A document as the transport joins it: fresh objects (a structured clone, or the head splitDocument makes),
 * its lists and its last section filled in place as parts arrive.
 */
export type Received = Omit<Writable<Document>, 'sections'> & { sections: Writable<Section>[] };

export interface DocumentPart {
  /** Its first section continues the last one received: its statements follow that section's. */
  continued: boolean;
  sections: Writable<Section>[];
  figures: Figure[];
  warnings: Warning[];
}

/** A section, its heading's span and its list of statements. */
const SECTION_OBJECTS = 3;
/** A figure and its span (its sentence span is its statement's). */
const FIGURE_OBJECTS = 2;

/** A statement's objects with its figures': itself, its span, its list of sentences and each sentence's span. */
function statementObjects(point: Point, figures: number): number {
  return 3 + point.sentences.length + figures * FIGURE_OBJECTS;
}

/** The document without its sections, figures and warnings, and those in parts (one at least). */
export function splitDocument(
  document: Document,
  maxObjects = OBJECTS_PER_PART,
): { head: Received; parts: DocumentPart[] } {
  const splitter = new Splitter(maxObjects, document.figures);
  for (const section of document.sections) splitter.addSection(section);
  for (const warning of document.warnings) splitter.addWarning(warning);
  return { head: { ...document, sections: [], figures: [], warnings: [] }, parts: splitter.done() };
}

/**
 * The document with each statement's text a slice of the document's own text. A structured clone copies every
 * string, so a statement's text arrives as a copy of its span of the document (about 40 MB across the corpus);
 * a slice of a long string is a view onto it in V8, so the copy goes. Only a text that reads exactly as its span
 * is replaced.
 */
export function sharingText<T extends Pick<Document, 'text' | 'sections'>>(document: T): T {
  const share = (point: Point) => {
    const slice = document.text.slice(point.span[0], point.span[1]);
    if (slice === point.text) (point as Writable<Point>).text = slice;
  };
  for (const section of document.sections) {
    if (section.lead) share(section.lead);
    section.points.forEach(share);
  }
  return document;
}

/** Adds a part to the document received so far (the head first, then each part in order). */
export function joinPart(document: Received, part: DocumentPart): Received {
  part.sections.forEach((section, i) => {
    const last = document.sections.at(-1);
    if (i === 0 && part.continued && last) for (const point of section.points) last.points.push(point);
    else document.sections.push(section);
  });
  for (const figure of part.figures) document.figures.push(figure);
  for (const warning of part.warnings) document.warnings.push(warning);
  return document;
}

class Splitter {
  private readonly parts: DocumentPart[] = [];
  private part = emptyPart(false);
  private objects = 0;
  /** The next figure to place: figures come in reading order, statement by statement. */
  private nextFigure = 0;

  constructor(
    private readonly maxObjects: number,
    private readonly figures: readonly Figure[],
  ) {}

  addSection(section: Section): void {
    const leadFigures = section.lead ? this.figuresOf(section.lead) : [];
    this.makeRoom(SECTION_OBJECTS + (section.lead ? statementObjects(section.lead, leadFigures.length) : 0));
    let piece: Writable<Section> = { ...section, points: [] };
    this.part.sections.push(piece);
    this.part.figures.push(...leadFigures);
    for (const point of section.points) {
      const figures = this.figuresOf(point);
      if (this.makeRoom(statementObjects(point, figures.length), { continued: true })) {
        piece = { ...section, lead: null, points: [] };
        this.part.sections.push(piece);
        this.objects += SECTION_OBJECTS;
      }
      piece.points.push(point);
      this.part.figures.push(...figures);
    }
  }

  addWarning(warning: Warning): void {
    this.makeRoom(1);
    this.part.warnings.push(warning);
  }

  done(): DocumentPart[] {
    // Figures are placed statement by statement; any left over (none, in a parsed document) go last.
    this.part.figures.push(...this.figures.slice(this.nextFigure));
    this.parts.push(this.part);
    return this.parts;
  }

  /** Counts `objects` into the part, starting a new one first if they would not fit: whether it did. */
  private makeRoom(objects: number, { continued = false } = {}): boolean {
    const full = this.objects > 0 && this.objects + objects > this.maxObjects;
    if (full) {
      this.parts.push(this.part);
      this.part = emptyPart(continued);
      this.objects = 0;
    }
    this.objects += objects;
    return full;
  }

  private figuresOf(point: Point): Figure[] {
    const start = this.nextFigure;
    while (this.figures[this.nextFigure]?.pointId === point.id) this.nextFigure++;
    return this.figures.slice(start, this.nextFigure);
  }
}

function emptyPart(continued: boolean): DocumentPart {
  return { continued, sections: [], figures: [], warnings: [] };
}
