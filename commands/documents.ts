// /documents [title:<words>]: the documents served, newest first, each with its date, its sections and figures
// and a link to its source; eight a page with Previous/Next; title: keeps those whose title has the words.
import { ApplicationCommandOptionType, InteractionResponseType, type APIEmbed } from 'discord-api-types/v10';
import { buttonExpired, pressedByOwner, defineCommand } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import { dateSpan, newerFirst, shownDate } from '../src/library/dates.js';
import type { Library } from '../src/library/library.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { COLORS, notice, reply } from '../src/render/reply.js';
import { maskedLink, MAX_INLINE_LINK, sourceUrl } from '../src/render/source.js';
import { escapeUserText, groupThousands, plural, truncate } from '../src/render/text.js';
import { expiredResponse, MAX_CUSTOM_ID, pageButtons, rowsOf } from './shared/buttons.js';
import { privateOption } from './shared/options.js';

export const PAGE_SIZE = 8;

/** The documents whose titles hold the words (all without words), newest first. */
function listed(library: Library, words: string): Document[] {
  const found = words ? library.findDocuments(words) : library.documents;
  return found
    .map((document, order) => ({ document, order }))
    .sort((a, b) => newerFirst(a.document, b.document) || a.order - b.order)
    .map(({ document }) => document);
}

/** "**1.** [Title](source)" and, under it, "2026-03-13 · 3 sections · 12 figures" (and the file when unlinked). */
function entry(document: Document, number: number): string {
  const title = escapeUserText(truncate(document.title, 200));
  const url = sourceUrl(document);
  const linked = url && url.length <= MAX_INLINE_LINK;
  const details = [
    shownDate(document) ?? 'undated',
    plural(document.sections.length, 'section'),
    plural(document.figures.length, 'figure'),
    linked ? '' : escapeUserText(document.file),
  ].filter(Boolean);
  return `**${number}.** ${linked ? maskedLink(title, url) : `**${title}**`}\n${details.join(' · ')}`;
}

function pageEmbed(library: Library, documents: Document[], words: string, page: number): APIEmbed {
  const pages = Math.max(1, Math.ceil(documents.length / PAGE_SIZE));
  const shown = documents.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const footer = [
    pages > 1 ? `Page ${page + 1} of ${pages}` : '',
    words ? `${plural(documents.length, 'document')} of ${groupThousands(library.documents.length)}` : '',
    words ? '' : plural(documents.length, 'document'),
    dateSpan(documents) ?? '',
  ].filter(Boolean);
  return {
    title: truncate(
      words ? `Documents titled with “${escapeUserText(truncate(words, 80))}”` : 'Documents served',
      LIMITS.embedTitle,
    ),
    description: shown.map((document, i) => entry(document, page * PAGE_SIZE + i + 1)).join('\n\n'),
    color: COLORS.answer,
    footer: { text: footer.join(' · ') },
  };
}

/** "documents:<page>:<title words>": a page button keeps no state. */
const pageId = (page: number, words: string) => `documents:${page}:${words}`;

function pageReply(library: Library, words: string, page: number, ephemeral: boolean) {
  const documents = listed(library, words);
  const pages = Math.max(1, Math.ceil(documents.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const data = reply([pageEmbed(library, documents, words, current)], { ephemeral });
  const ids = { previous: pageId(current - 1, words), next: pageId(current + 1, words) };
  if (pages > 1 && ids.next.length <= MAX_CUSTOM_ID) data.components = rowsOf(pageButtons(ids, current, pages));
  return data;
}

export const documents = defineCommand({
  name: 'documents',
  description: 'List the documents served, newest first, each with its date and a link to its source',
  example: '/documents title:border',
  options: {
    title: {
      type: ApplicationCommandOptionType.String,
      description: 'Only documents whose title has these words, e.g. border',
      maxLength: 80,
    },
    private: privateOption,
  },
  pure: true,
  run(library, args) {
    const words = args.title ?? '';
    const ephemeral = args.private === true;
    if (words && library.findDocuments(words).length === 0) {
      const more = ['Run /documents with no title to list them all.'];
      return reply([notFoundEmbed({ title: 'No document found', what: 'document title', query: words, more })], {
        ephemeral: true,
      });
    }
    return pageReply(library, words, 0, ephemeral);
  },
  component(library, customId, context) {
    if (buttonExpired(context)) return expiredResponse('list', '/documents', context);
    if (!pressedByOwner(context)) {
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: notice('Not your list', 'Only the person who asked can page it. Run /documents yourself.'),
      };
    }
    const [, pageText = '0', ...rest] = customId.split(':');
    const data = pageReply(library, rest.join(':'), Number.parseInt(pageText, 10) || 0, false);
    delete data.flags; // an update keeps the message's own visibility
    return { type: InteractionResponseType.UpdateMessage, data };
  },
});
