// Sections: each heading opens one, with an id unique in the document, and the warnings about the shape the
// sections came out in.
import type { Heading } from './headings.js';
import type { Line } from './lines.js';
import { markdown } from './formats/markdown.js';
import { boundedTitle, documentCasings, slugify, titleCase } from './text.js';
import type { Point, Section, SectionDraft, Warning } from './types.js';

/** The sections of one document, in order; a heading met twice gets a numbered id and a warning. */
export class SectionList {
  readonly sections: SectionDraft[] = [];
  private readonly seenIds = new Map<string, number>();

  private casings: Map<string, string> | null = null;
  /** The one warning that names the first duplicate heading and counts them all. */
  private duplicates: { warning: { line: number; message: string }; first: string; count: number } | null = null;

  constructor(
    private readonly warnings: Warning[],
    /** The document's text, read for the way it writes acronyms and names (only when a heading is in capitals). */
    private readonly text = '',
  ) {}

  private titleOf(heading: string): string {
    if (/[a-z]/.test(heading)) return titleCase(heading);
    this.casings ??= documentCasings(this.text);
    return titleCase(heading, this.casings);
  }

  /**
   * The first duplicate heading is named; later ones are counted in that same warning, so a file of 979
   * repeated headings logs one line at every reload, not 979.
   */
  private warnDuplicate(title: string, id: string, line: Line): void {
    if (!this.duplicates) {
      const warning = { line: line.number, message: `duplicate heading "${title}": its section id is ${id}` };
      this.warnings.push(warning);
      this.duplicates = { warning, first: `"${title}" (${id})`, count: 1 };
      return;
    }
    const duplicates = this.duplicates;
    duplicates.count++;
    duplicates.warning.message = `${duplicates.count} duplicate headings, the first ${duplicates.first}: their section ids are numbered`;
  }

  /** Opens a section under `heading`, or the unheaded "Overview" when there is none. */
  start(heading: Heading | null, line: Line): SectionDraft {
    // A heading may carry Markdown emphasis or links whatever the document's format: read it as Markdown.
    const title = heading ? boundedTitle(this.titleOf(markdown.plainText(heading.heading))) : 'Overview';
    const base = heading ? slugify(title, 'section') : 'overview';
    const seen = this.seenIds.get(base) ?? 0;
    this.seenIds.set(base, seen + 1);
    const id = seen ? `${base}-${seen + 1}` : base;
    if (seen > 0 && heading) this.warnDuplicate(title, id, line);
    const section: SectionDraft = {
      id,
      number: this.sections.length + 1,
      heading: heading ? heading.heading : null,
      headingSpan: heading ? heading.headingSpan : null,
      title,
      lead: null,
      points: [],
      line: line.number,
    };
    this.sections.push(section);
    return section;
  }
}

/** A section's statements in reading order, its lead first. */
export function statementsOf<P extends Point>(section: { lead: P | null; points: readonly P[] }): readonly P[] {
  return section.lead ? [section.lead, ...section.points] : section.points;
}

/** What a reader should know about the document's shape: nothing in it, no headings, empty headings. */
export function shapeWarnings(sections: readonly Section[]): Warning[] {
  const warnings: Warning[] = [];
  if (sections.length === 0) {
    warnings.push({ line: 1, message: 'no statements found: the document is empty' });
  } else if (sections.every((s) => s.heading === null)) {
    warnings.push({
      line: sections[0]!.line,
      message: 'no headings found: the whole document is served as one section',
    });
  }
  for (const section of sections) {
    if (section.heading !== null && !section.lead && section.points.length === 0) {
      warnings.push({ line: section.line, message: `heading "${section.title}" has nothing under it` });
    }
  }
  return warnings;
}
