// /stat query:<words>: the figures the documents state, each sentence quoted once with its figures in bold.
// A query that no sentence covers gets "No figure found", not a guess (see src/library/figure-search.ts).
import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import type { FigureHit, FigureRef, Library } from '../src/library/library.js';
import { documentFooter, figureLabel, figureWhere } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { choices, COLORS, notice, reply } from '../src/render/reply.js';
import { closest } from '../src/render/similar.js';
import { blockquote, escapeDocumentText, escapeUserText, sentenceWithBolds, truncate } from '../src/render/text.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';

/** Sentences a page: enough to compare, few enough to read. */
export const PAGE_SIZE = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function hitBlock(library: Library, hit: FigureHit): string {
  const { document, span } = hit.sentence;
  const quote = sentenceWithBolds(
    document,
    span,
    hit.bold.map((ref) => ref.figure.span),
  );
  const where = figureWhere(library, hit.sentence.figures[0]!);
  const dates = hit.alsoIn.map((d) => d.date).filter((d): d is string => Boolean(d));
  const also = hit.alsoIn.length
    ? ` · also in ${plural(hit.alsoIn.length, 'more document')}${dates.length ? ` (${[...dates].sort()[0]}…${[...dates].sort().at(-1)})` : ''}`
    : '';
  return `${blockquote(truncate(quote, 900))}\n— *${escapeUserText(where)}*${also}`;
}

function pageEmbed(library: Library, query: string, hits: FigureHit[], page: number): APIEmbed {
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const shown = hits.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((hit) => hitBlock(library, hit));
  const documents = new Set(hits.map((h) => h.sentence.document));
  const counted = [pages > 1 ? `Page ${page + 1} of ${pages}` : '', `${plural(hits.length, 'sentence')} with figures`];
  const only = documents.size === 1 ? hits[0]!.sentence.document : null;
  // One document: the footer names it, and the page count goes under the quotes.
  if (only && pages > 1) shown.push(`*${counted.filter(Boolean).join(' · ')}*`);
  return {
    title: truncate(`Figures for “${escapeUserText(truncate(query, 100))}”`, LIMITS.embedTitle),
    description: shown.join('\n\n'),
    color: COLORS.answer,
    footer: only ? documentFooter(only) : { text: counted.filter(Boolean).join(' · ') },
  };
}

/**
 * "stat:<page>:<document index>:<query>": everything a page button needs, so no state is kept; who may press
 * it comes from the message itself (Discord names who ran the command).
 */
function pageId(page: number, documentIndex: number, query: string): string {
  return `stat:${page}:${documentIndex < 0 ? '' : documentIndex}:${query}`;
}

function pageButtons(ids: { previous: string; next: string }, page: number, pages: number) {
  const button = (label: string, custom_id: string, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id,
    disabled,
  });
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [button('Previous', ids.previous, page <= 0), button('Next', ids.next, page >= pages - 1)],
  };
  return [row];
}

function pageReply(
  library: Library,
  query: string,
  hits: FigureHit[],
  page: number,
  documentIndex: number,
  ephemeral: boolean,
) {
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const data = reply([pageEmbed(library, query, hits, current)], { ephemeral });
  const previous = pageId(current - 1, documentIndex, query);
  const next = pageId(current + 1, documentIndex, query);
  // A query too long for a button's 100 characters shows its first page only.
  if (pages > 1 && next.length <= 100) data.components = pageButtons({ previous, next }, current, pages);
  return data;
}

/** Every figure, grouped by section: one field a section, one embed a document. */
function allFiguresEmbeds(library: Library, documents: Document[]): APIEmbed[] {
  return documents
    .filter((d) => d.figures.length > 0)
    .slice(0, LIMITS.embeds)
    .map((document) => {
      const bySection = new Map<string, string[]>();
      for (const ref of library.parts(document.id).figures) {
        const lines = bySection.get(ref.section.title) ?? [];
        lines.push(`• ${boldLabel(ref)}`);
        bySection.set(ref.section.title, lines);
      }
      const fields = [...bySection].map(([title, lines]) => ({ name: title, value: lines.join('\n') }));
      const hidden = fields.length - LIMITS.fields;
      return {
        title: `Figures in ${document.title}`,
        description: `${plural(document.figures.length, 'figure')}. /stat query:<words> quotes the sentence each comes from.`,
        fields: fields.slice(0, LIMITS.fields),
        color: COLORS.answer,
        footer: documentFooter(document, hidden > 0 ? `${plural(hidden, 'more section')} not shown` : undefined),
      };
    });
}

/** "**nearly 2,000** — homicides", or the figure alone when what it counts is not known. */
function boldLabel(ref: FigureRef): string {
  const [text, counts] = figureLabel(ref).split(' — ');
  return `**${escapeDocumentText(text!)}**${counts ? ` — ${escapeDocumentText(counts)}` : ''}`;
}

function notFound(library: Library, query: string, document: Document | null): APIEmbed {
  const counted = [
    ...new Set(
      library
        .parts(document?.id)
        .figures.slice(0, 300)
        .map((r) => r.figure.counts)
        .filter((c): c is string => Boolean(c)),
    ),
  ];
  const nearest = closest(query, counted, (c) => c);
  const examples = counted.slice(0, 8).map((c) => escapeDocumentText(c.replace(/\s+/g, ' ')));
  const statements = query ? library.searchStatements(query, document?.id).length : 0;
  const more = [
    examples.length ? `Figures count, for example: ${examples.join(', ')}.` : 'The documents served state no figures.',
  ];
  if (statements > 0)
    more.push(
      '',
      `/search query:${escapeUserText(truncate(query, 100))} finds ${plural(statements, 'statement')} with these words.`,
    );
  more.push('', 'Run /stat with no query to list every figure.');
  return notFoundEmbed({
    title: 'No figure found',
    what: 'figure',
    query,
    suggestion: nearest && escapeDocumentText(nearest),
    more,
  });
}

/** The figure an autocomplete choice names, quoted alone. */
function exactFigure(library: Library, ref: FigureRef, ephemeral: boolean) {
  const hit: FigureHit = {
    sentence: {
      document: ref.document,
      span: ref.figure.sentenceSpan,
      figures: [ref],
      terms: new Set(),
      context: [],
      key: '',
    },
    bold: [ref],
    alsoIn: [],
  };
  const embed: APIEmbed = {
    title: truncate(figureLabel(ref), LIMITS.embedTitle),
    description: hitBlock(library, hit),
    color: COLORS.answer,
    footer: documentFooter(ref.document),
  };
  return reply([embed], { ephemeral });
}

export const stat = defineCommand({
  name: 'stat',
  description: 'Find the figures the document states, quoted with their sentence',
  options: {
    document: documentOption,
    query: {
      type: ApplicationCommandOptionType.String,
      description: 'What the figure counts, e.g. homicides (start typing to choose)',
      autocomplete: true,
      maxLength: 200,
    },
    private: privateOption,
  },
  pure: true,
  run(library, args) {
    const { document, notFound: noDocument } = chosenDocument(library, args.document);
    if (noDocument) return noDocument;
    const ephemeral = args.private === true;
    const query = args.query;
    if (!query) {
      const embeds = allFiguresEmbeds(library, document ? [document] : library.documents);
      return embeds.length
        ? reply(embeds, { ephemeral })
        : reply([notFound(library, '', document)], { ephemeral: true });
    }
    const exact = library.figureById(query);
    if (exact && (!document || exact.document === document)) return exactFigure(library, exact, ephemeral);
    const hits = library.findFigureSentences(query, document?.id);
    if (hits.length === 0) return reply([notFound(library, query, document)], { ephemeral: true });
    return pageReply(library, query, hits, 0, document ? library.documents.indexOf(document) : -1, ephemeral);
  },
  autocomplete(library, focused, args) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    const { document } = chosenDocument(library, args.document);
    const refs = focused.value.trim()
      ? library.findFigureSentences(focused.value, document?.id, true).flatMap((hit) => hit.bold)
      : library.parts(document?.id).figures;
    const several = library.documents.length > 1 && !document;
    const named = refs.map((ref) => ({
      name: several ? `${figureLabel(ref)} · ${ref.document.title}` : figureLabel(ref),
      value: library.figureKey(ref),
    }));
    // The same label twice helps nobody: keep the first of each.
    return choices(named.filter((c, i) => named.findIndex((o) => o.name === c.name) === i).slice(0, 25));
  },
  component(library, customId, context) {
    const [, pageText = '0', documentText = '', ...rest] = customId.split(':');
    const query = rest.join(':');
    if (context.messageOwnerId && context.messageOwnerId !== context.userId) {
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: notice('Not your lookup', 'Only the person who asked can page these figures. Run /stat yourself.'),
      };
    }
    const document = documentText === '' ? undefined : library.documents[Number(documentText)];
    const hits = query ? library.findFigureSentences(query, document?.id) : [];
    const index = document ? library.documents.indexOf(document) : -1;
    const data = pageReply(library, query, hits, Number.parseInt(pageText, 10) || 0, index, false);
    delete data.flags; // an update keeps the message's own visibility
    return { type: InteractionResponseType.UpdateMessage, data };
  },
});
