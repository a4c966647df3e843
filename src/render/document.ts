// Document parts -> embeds. Every quote is the document's own words (see documentText), with its source.
import type { APIEmbed } from 'discord-api-types/v10';
import { plainTextOf } from '../document/formats/index.js';
import { collapseWhitespace } from '../document/text.js';
import type { Document, Point } from '../document/types.js';
import { shownDate } from '../library/dates.js';
import type { FigureRef, Library, SectionRef } from '../library/library.js';
import { LIMITS } from './limits.js';
import { COLORS, reply, type Reply } from './reply.js';
import { notFoundEmbed } from './not-found.js';
import { closest } from './similar.js';
import { linkTo, sourceUrl } from './source.js';
import {
  blockquote,
  documentText,
  escapeDocumentText,
  escapeUserText,
  groupThousands,
  plural,
  truncate,
} from './text.js';

export function documentFooter(document: Document, prefix?: string): { text: string } {
  const parts = [prefix, document.title, shownDate(document)].filter(Boolean);
  return { text: parts.join(' · ') };
}

function pointLine(document: Document, point: Point): string {
  const indent = point.depth > 0 ? '\u2003'.repeat(point.depth) + '◦ ' : '';
  return indent + documentText(document, point.span);
}

/** Room for one page of a section, leaving space for a note above it and Discord's other limits. */
const SECTION_PAGE_ROOM = LIMITS.embedDescription - 300;

/** The section in reading order: its lead, then each group of statements, each group a list of lines. */
function sectionGroups({ document, section }: SectionRef): string[][] {
  const groups: string[][] = section.lead ? [[`**${documentText(document, section.lead.span)}**`]] : [];
  let groupNumber: number | null = null;
  for (const point of section.points) {
    if (point.group !== groupNumber) groups.push([]);
    groupNumber = point.group;
    groups[groups.length - 1]!.push(pointLine(document, point));
  }
  return groups;
}

/** Pages being filled, each at most `room` characters of quoted blocks. */
class PageFiller {
  readonly pages: string[] = [];
  private page = '';
  constructor(private readonly room: number) {}

  private joined(block: string): string {
    return this.page ? `${this.page}\n\n${block}` : block;
  }

  fits(block: string): boolean {
    return this.joined(block).length <= this.room;
  }

  add(block: string): void {
    this.page = this.joined(block);
  }

  turn(): void {
    if (this.page) this.pages.push(this.page);
    this.page = '';
  }

  done(): string[] {
    this.turn();
    return this.pages;
  }
}

/** A group longer than a page: its lines fill this page and then the next, each page's share quoted apart. */
function addByLines(filler: PageFiller, lines: string[]): void {
  let run: string[] = [];
  for (const line of lines) {
    if (filler.fits(blockquote([...run, line].join('\n')))) {
      run.push(line);
      continue;
    }
    if (run.length > 0) filler.add(blockquote(run.join('\n')));
    filler.turn();
    run = [line];
  }
  if (run.length > 0) filler.add(blockquote(run.join('\n')));
}

/**
 * Groups quoted and packed into pages of at most `room` characters. A group that fits goes whole on this page
 * or the next; one longer than a page is split at its lines; a line longer than a page is cut at a word.
 */
export function packPages(groups: string[][], room: number): string[] {
  const filler = new PageFiller(room);
  for (const group of groups) {
    const lines = group.map((line) => truncate(line, room - 2));
    const block = blockquote(lines.join('\n'));
    if (filler.fits(block)) filler.add(block);
    else if (block.length <= room) {
      filler.turn();
      filler.add(block);
    } else addByLines(filler, lines);
  }
  return filler.done();
}

/** The pages a section takes: lead and statements as blockquotes, groups kept apart and together. */
export function sectionPages(ref: SectionRef): string[] {
  return packPages(sectionGroups(ref), SECTION_PAGE_ROOM);
}

/** The title's link: the source at the section's heading, or the source itself. */
function headingLink({ document, section }: SectionRef): string | undefined {
  const url = section.headingSpan ? linkTo(document, section.headingSpan) : null;
  return url && url.length <= 2000 ? url : sourceUrl(document);
}

/**
 * One page of a section (the first by default), quoted in full; `note` goes above it (how it was found).
 * The footer names the section's place, the page when there are several, the document and its date.
 */
export function sectionEmbed(ref: SectionRef, page = 0, note?: string): APIEmbed {
  const { document, section } = ref;
  const pages = sectionPages(ref);
  const current = Math.min(Math.max(0, page), Math.max(0, pages.length - 1));
  const place = `Section ${section.number} of ${document.sections.length}`;
  const description = [note, pages[current]].filter(Boolean).join('\n\n');
  return {
    title: section.title,
    url: headingLink(ref),
    description: description || '*This section has a heading and nothing under it.*',
    color: COLORS.answer,
    footer: documentFooter(document, pages.length > 1 ? `${place} · Page ${current + 1} of ${pages.length}` : place),
  };
}

/** The table of contents of each document: one embed a document, up to Discord's 10. */
export function tocEmbeds(documents: readonly Document[]): APIEmbed[] {
  const shown = documents.slice(0, LIMITS.embeds);
  return shown.map((document, i) => {
    const lines = document.sections.map(
      (s) => `${s.number}. ${escapeUserText(s.title)} — ${plural(s.points.length + (s.lead ? 1 : 0), 'statement')}`,
    );
    return {
      title: document.title,
      url: sourceUrl(document),
      description: truncate(lines.join('\n'), LIMITS.embedDescription),
      color: COLORS.answer,
      footer: {
        text: `${[plural(document.sections.length, 'section'), shownDate(document)].filter(Boolean).join(' · ')} · /section name:<title or number> quotes one${i === shown.length - 1 && documents.length > shown.length ? ` · ${plural(documents.length - shown.length, 'more document')}: choose one with document:` : ''}`,
      },
    };
  });
}

function sectionList(library: Library, refs: readonly SectionRef[], max = 25): string {
  const lines = refs
    .slice(0, max)
    .map(
      (ref) =>
        `• ${escapeUserText(ref.section.title)}${library.documents.length > 1 ? ` — ${escapeUserText(ref.document.title)}` : ''}`,
    );
  if (refs.length > max) lines.push(`… and ${refs.length - max} more`);
  return lines.join('\n');
}

/**
 * Several sections answer to the name, in different documents: a numbered list to choose from (the buttons
 * under it carry the numbers), each with its document and date, newest first.
 */
export function sectionChoiceEmbed(query: string, refs: readonly SectionRef[], shown: number): APIEmbed {
  const lines = refs.slice(0, shown).map((ref, i) => {
    const date = shownDate(ref.document);
    return `**${i + 1}.** ${escapeUserText(ref.section.title)} — *${escapeUserText(truncate(ref.document.title, 150))}*${date ? ` · ${date}` : ''}`;
  });
  const more = refs.length - shown;
  return {
    title: truncate(
      `${plural(refs.length, 'section')} answer to “${escapeUserText(truncate(query, 100))}”`,
      LIMITS.embedTitle,
    ),
    description: [
      ...lines,
      '',
      more > 0
        ? `…and ${groupThousands(more)} more. Press a number, or narrow it down with document: or more of the title.`
        : 'Press a number to show that section.',
    ].join('\n'),
    color: COLORS.notice,
  };
}

/** No section matched: say so, list the sections (of the chosen document), suggest the closest. */
export function sectionNotFound(library: Library, query: string, document: Document | null = null): APIEmbed {
  const refs = library.parts(document?.id).sections;
  // Suggestions from the first 300 titles: enough to be useful, bounded in time.
  const suggestion = closest(query, refs.slice(0, 300), (ref) => ref.section.title);
  return notFoundEmbed({
    title: 'Section not found',
    what: 'section',
    query,
    within: document?.title,
    suggestion: suggestion && escapeUserText(suggestion.section.title),
    more: ['**Sections:**', sectionList(library, refs)],
  });
}

/** The `document` option named no served document. */
export function documentNotFound(library: Library, query: string): Reply {
  const suggestion = closest(query, library.documents.slice(0, 300), (d) => d.title);
  const listed = library.documents.slice(0, 25).map((d) => `• ${escapeUserText(d.title)}`);
  if (library.documents.length > 25) listed.push(`… and ${library.documents.length - 25} more`);
  const embed = notFoundEmbed({
    title: 'Document not found',
    what: 'document',
    query,
    suggestion: suggestion && escapeUserText(suggestion.title),
    more: ['**Documents served:**', ...listed],
  });
  return reply([embed], { ephemeral: true });
}

/**
 * Where a quote comes from: the document's title, linked to its source when it has a web address, and its
 * date. Brackets leave the title so that it cannot end the link early.
 */
export function documentCitation(document: Document): string {
  const title = escapeDocumentText(document.title.replace(/\[/g, '(').replace(/\]/g, ')'));
  const url = sourceUrl(document);
  return [url ? `[${title}](${url})` : title, document.date].filter(Boolean).join(' · ');
}

/** "nearly 2,000 — homicides": how a figure is named in lists and autocomplete (no dash without a label). */
export function figureLabel(ref: FigureRef): string {
  const text = plainTextOf(ref.document, ref.figure.text);
  return ref.figure.counts ? `${text} — ${collapseWhitespace(ref.figure.counts)}` : text;
}

/** Where a figure's sentence stands: its section, and its document and date when several are served. */
export function figureWhere(library: Library, ref: FigureRef): string {
  const { document, section } = ref;
  if (library.documents.length <= 1) return section.title;
  return [section.title, document.title, shownDate(document)].filter(Boolean).join(' · ');
}
