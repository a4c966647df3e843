// Document parts -> embeds. Every quote is the document's own words (see documentText), with its source.
import type { APIEmbed } from 'discord-api-types/v10';
import { plainText } from '../document/text.js';
import type { Document, Point } from '../document/types.js';
import type { FigureRef, Library, SectionRef } from '../library/library.js';
import { LIMITS } from './limits.js';
import { COLORS, reply, type Reply } from './reply.js';
import { notFoundEmbed } from './not-found.js';
import { closest } from './similar.js';
import { blockquote, documentText, escapeDocumentText, escapeUserText, sentenceWithBold, truncate } from './text.js';

/** Title links to the document's source when it has a web address. */
function sourceUrl(document: Document): string | undefined {
  return document.source && /^https?:\/\/\S+$/.test(document.source) && document.source.length <= 2000
    ? document.source
    : undefined;
}

export function documentFooter(document: Document, prefix?: string): { text: string } {
  const parts = [prefix, document.title, document.date].filter(Boolean);
  return { text: parts.join(' · ') };
}

function pointLine(document: Document, point: Point): string {
  const indent = point.depth > 0 ? '\u2003'.repeat(point.depth) + '◦ ' : '';
  return indent + documentText(document, point.span);
}

/** A section quoted in full: lead and statements as blockquotes, groups kept apart, cut at Discord's limit. */
export function sectionEmbed(ref: SectionRef): APIEmbed {
  const { document, section } = ref;
  const blocks: string[] = [];
  if (section.lead) blocks.push(blockquote(`**${documentText(document, section.lead.span)}**`));
  let group: string[] = [];
  let groupNumber = section.points[0]?.group ?? 0;
  for (const point of section.points) {
    if (point.group !== groupNumber && group.length) {
      blocks.push(blockquote(group.join('\n')));
      group = [];
    }
    groupNumber = point.group;
    group.push(pointLine(document, point));
  }
  if (group.length) blocks.push(blockquote(group.join('\n')));
  let description = '';
  let shown = 0;
  for (const block of blocks) {
    const next = description ? `${description}\n\n${block}` : block;
    if (next.length > LIMITS.embedDescription - 60) {
      description = description || truncate(block, LIMITS.embedDescription - 60);
      break;
    }
    description = next;
    shown++;
  }
  if (shown < blocks.length)
    description += `\n\n*… ${blocks.length - shown} more group(s) of statements not shown: the section is longer than one message.*`;
  return {
    title: section.title,
    url: sourceUrl(document),
    description: description || '*This section has a heading and nothing under it.*',
    color: COLORS.answer,
    footer: documentFooter(document, `Section ${section.number} of ${document.sections.length}`),
  };
}

/** The table of contents of each document: one embed a document, up to Discord's 10. */
export function tocEmbeds(documents: Document[]): APIEmbed[] {
  const shown = documents.slice(0, LIMITS.embeds);
  return shown.map((document, i) => {
    const lines = document.sections.map(
      (s) => `${s.number}. ${escapeUserText(s.title)} — ${s.points.length + (s.lead ? 1 : 0)} statement(s)`,
    );
    return {
      title: document.title,
      url: sourceUrl(document),
      description: truncate(lines.join('\n'), LIMITS.embedDescription),
      color: COLORS.answer,
      footer: {
        text: `${document.sections.length} section(s) · /section name:<title> quotes one${i === shown.length - 1 && documents.length > shown.length ? ` · ${documents.length - shown.length} more document(s): choose one with document:` : ''}`,
      },
    };
  });
}

function sectionList(library: Library, refs: SectionRef[], max = 25): string {
  const lines = refs
    .slice(0, max)
    .map(
      (ref) =>
        `• ${escapeUserText(ref.section.title)}${library.documents.length > 1 ? ` — ${escapeUserText(ref.document.title)}` : ''}`,
    );
  if (refs.length > max) lines.push(`… and ${refs.length - max} more`);
  return lines.join('\n');
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

/** One figure: its sentence quoted, the figure in bold, and where it comes from. */
export function figureQuote(ref: FigureRef, library: Library): string {
  const { document, figure, section } = ref;
  const where = library.documents.length > 1 ? `${section.title} · ${document.title}` : section.title;
  return `${blockquote(sentenceWithBold(document, figure.sentenceSpan, figure.span))}\n— *${escapeUserText(where)}*`;
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
  const text = plainText(ref.figure.text, ref.document.format === 'markdown');
  return ref.figure.counts ? `${text} — ${plainText(ref.figure.counts, false)}` : text;
}

/** Where a figure's sentence stands: its section, and its document and date when several are served. */
export function figureWhere(library: Library, ref: FigureRef): string {
  const { document, section } = ref;
  if (library.documents.length <= 1) return section.title;
  return [section.title, document.title, document.date].filter(Boolean).join(' · ');
}
