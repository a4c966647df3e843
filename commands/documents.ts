// /documents [title:<words>]: the documents served, newest first, each with its date, its sections and figures
// and a link to its source; eight a page with Previous/Next; title: keeps those whose title has the words.
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import { dateSpan, newerFirst, shownDate } from '../src/library/dates.js';
import type { Library } from '../src/library/library.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { COLORS, reply } from '../src/render/reply.js';
import { maskedLink, MAX_INLINE_LINK, sourceUrl } from '../src/render/source.js';
import { escapeUserText, groupThousands, plural, truncate } from '../src/render/text.js';
import { privateOption } from './shared/options.js';
import { pagedAnswer, type PageView } from './shared/paged.js';

export const PAGE_SIZE = 8;

/** The documents whose titles hold the words (all without words), newest first. */
function listed(library: Library, words: string): Document[] {
  const found = words ? library.search.documents(words) : library.documents;
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

function pageEmbed(library: Library, words: string, view: PageView<Document>): APIEmbed {
  const { ranked, page, pages } = view;
  const documents = ranked.hits;
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
    description: view.blocks.join('\n\n'),
    color: COLORS.answer,
    footer: { text: footer.join(' · ') },
  };
}

/** The documents, eight a page; the buttons carry the title words. */
const documentPages = pagedAnswer<Document>({
  command: 'documents',
  pageSize: PAGE_SIZE,
  reserved: 0,
  what: 'list',
  othersNote: 'Only the person who asked can page it. Run /documents yourself.',
  rank: (library, ask) => ({ hits: listed(library, ask.query) }),
  renderer: () => entry,
  frame: (library, ask, view) => pageEmbed(library, ask.query, view),
});

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
    if (words && library.search.documents(words).length === 0) {
      const more = ['Run /documents with no title to list them all.'];
      return reply([notFoundEmbed({ title: 'No document found', what: 'document title', query: words, more })], {
        ephemeral: true,
      });
    }
    return documentPages.reply(library, { query: words, document: null, range: null }, 0, ephemeral);
  },
  component: documentPages.press,
});
