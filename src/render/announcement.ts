// A new or updated fact sheet as a channel sees it: the title linked to its source, its date, two sentences
// quoted from its opening, its three most telling figures quoted verbatim (each linked to its sentence), and
// how to ask about it. Pure: from a parsed document to Discord's message JSON. What does not fit the handful a
// channel gets at once is summed up in one message of titles.
import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { Document, Figure, Span } from '../document/types.js';
import { shownDate } from '../library/dates.js';
import { LIMITS } from './limits.js';
import { COLORS } from './reply.js';
import { attribution, maskedLink, readerText, sourceUrl } from './source.js';
import { blockquote, escapeUserText, plural, truncate } from './text.js';

export interface AnnouncedDocument {
  document: Document;
  /** A newer version of a document announced before. */
  updated: boolean;
}

export type MessageBody = RESTPostAPIChannelMessageJSONBody;

const FIGURES_SHOWN = 3;
const SUMMARY_SENTENCES = 2;
const QUOTE_MAX = 700;

/** The opening's first two sentences: the first statement of the first section (a lead, else its first point). */
function summarySpans(document: Document): Span[] {
  const first = document.sections.find((s) => s.lead ?? s.points.length);
  const point = first?.lead ?? first?.points[0];
  return point ? point.sentences.slice(0, SUMMARY_SENTENCES) : [];
}

/**
 * The figures that tell most: those that say what they count, with a value, then with a unit or qualifier; in
 * the document's order among equals; one a sentence.
 */
export function tellingFigures(document: Document): Figure[] {
  const score = (f: Figure) => Number(f.counts !== null) * 4 + Number(f.value !== null) * 2 + Number(f.unit !== null);
  const ranked = document.figures.map((figure, order) => ({ figure, order, score: score(figure) }));
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  const seen = new Set<number>();
  const chosen: Figure[] = [];
  for (const { figure } of ranked) {
    if (chosen.length === FIGURES_SHOWN) break;
    if (seen.has(figure.sentenceSpan[0])) continue;
    seen.add(figure.sentenceSpan[0]);
    chosen.push(figure);
  }
  return chosen.sort((a, b) => a.sentenceSpan[0] - b.sentenceSpan[0]);
}

function figureLine(document: Document, figure: Figure): string {
  const sentence = truncate(readerText(document, figure.sentenceSpan), QUOTE_MAX);
  const section = document.sections.find((s) => s.id === figure.sectionId);
  return `${blockquote(escapeUserText(sentence))}\n${attribution(section?.title ?? document.title, document, figure.sentenceSpan)}`;
}

export function announcementEmbed({ document, updated }: AnnouncedDocument): APIEmbed {
  const summary = summarySpans(document)
    .map((span) => readerText(document, span))
    .join(' ');
  const figures = tellingFigures(document).map((f) => figureLine(document, f));
  const date = shownDate(document);
  const parts = [date ? `*${escapeUserText(date)}*` : null, summary ? blockquote(escapeUserText(summary)) : null];
  if (figures.length) parts.push(`**Figures**\n${figures.join('\n')}`);
  const url = sourceUrl(document);
  return {
    author: { name: updated ? 'Updated fact sheet' : 'New fact sheet' },
    title: truncate(document.title, LIMITS.embedTitle),
    ...(url ? { url } : {}),
    description: truncate(parts.filter(Boolean).join('\n\n'), LIMITS.embedDescription),
    color: COLORS.answer,
    footer: { text: truncate(`Ask: /stat document:${document.id} query:…`, LIMITS.footerText) },
  };
}

export function announcementMessage(item: AnnouncedDocument): MessageBody {
  return { embeds: [announcementEmbed(item)], allowed_mentions: { parse: [] } };
}

/** The ones past a channel's handful, in one message: each title (linked), updated ones marked. */
export function summedUpMessage(items: readonly AnnouncedDocument[]): MessageBody {
  const lines = items.map(({ document, updated }) => {
    const url = sourceUrl(document);
    const title = escapeUserText(truncate(document.title, 200));
    const date = shownDate(document);
    return `• ${url ? maskedLink(title, url) : title}${date ? ` · ${escapeUserText(date)}` : ''}${updated ? ' · updated' : ''}`;
  });
  let description = '';
  for (const [i, line] of lines.entries()) {
    const more = `\n…and ${lines.length - i} more`;
    if (description.length + line.length + 1 + more.length > LIMITS.embedDescription) {
      description += more;
      break;
    }
    description += (description ? '\n' : '') + line;
  }
  return {
    embeds: [{ title: `${plural(items.length, 'more fact sheet')}`, description, color: COLORS.answer }],
    allowed_mentions: { parse: [] },
  };
}
