// /search [document] query:<text>: full text over every statement, ranked, five a page with Previous/Next
// buttons; "quoted phrases" match as phrases; preview:true shows it only to you with a "Post to channel" button.
import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { defineCommand, DEFAULT_BUTTON_TIMEOUT_MS, Recent, type CommandContext } from '../src/command.js';
import { plainText } from '../src/document/text.js';
import type { Library, StatementRef } from '../src/library/library.js';
import { normalizeTerm } from '../src/library/search.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { choices, COLORS, notice, reply } from '../src/render/reply.js';
import { blockquote, documentText, escapeUserText, truncate } from '../src/render/text.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';

export const PAGE_SIZE = 5;

/** A search whose buttons still work: what it asked, where, and who may press them. */
export interface SearchSession {
  query: string;
  documentId: string | null;
  userId: string;
  createdAt: number;
  preview: boolean;
}

/** Open searches by key, the last thousand (older ones answer "This search has expired"). */
const openSearches = () => new Recent<SearchSession>(1000);

/** Splits a query into its words and its "quoted phrases". */
export function parseQuery(query: string): { words: string; phrases: string[] } {
  const phrases: string[] = [];
  const words = query.replace(/"([^"]*)"|“([^”]*)”/g, (_m, a?: string, b?: string) => {
    const phrase = (a ?? b ?? '').replace(/\s+/g, ' ').trim();
    if (phrase) phrases.push(phrase.toLowerCase());
    return ` ${phrase} `;
  });
  return { words: words.replace(/["“”]/g, ' '), phrases };
}

function textOf(ref: StatementRef): string {
  return plainText(ref.point.text, ref.document.format === 'markdown');
}

/** Every statement matching the query, best first, phrases checked against the text. */
function searchHits(library: Library, session: Pick<SearchSession, 'query' | 'documentId'>): StatementRef[] {
  const { words, phrases } = parseQuery(session.query);
  const hits = library.searchStatements(words, session.documentId ?? undefined);
  if (phrases.length === 0) return hits;
  return hits.filter((ref) => {
    const text = textOf(ref).toLowerCase();
    return phrases.every((p) => text.includes(p));
  });
}

/**
 * The statement with the words the query looks for in bold. The text is escaped once; escaping leaves letters
 * and digits alone, so the words can then be found and bolded in the escaped text.
 */
function highlighted(ref: StatementRef, stems: Set<string>): string {
  return documentText(ref.document, ref.point.span).replace(
    /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}'’,.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu,
    (word) => {
      const stem = normalizeTerm(word);
      return stem && stems.has(stem) ? `**${word}**` : word;
    },
  );
}

function pageEmbed(
  library: Library,
  session: SearchSession,
  hits: StatementRef[],
  page: number,
  preview: boolean,
): APIEmbed {
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const stems = library.statementQueryTerms(parseQuery(session.query).words);
  const several = library.documents.length > 1;
  const blocks = hits.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE).map((ref, i) => {
    const where = several ? `${ref.section.title} · ${ref.document.title}` : ref.section.title;
    const quote = truncate(
      highlighted(ref, stems),
      Math.floor((LIMITS.embedDescription - 200) / PAGE_SIZE) - where.length,
    );
    return `**${page * PAGE_SIZE + i + 1}.**\n${blockquote(quote)}\n— *${escapeUserText(where)}*`;
  });
  const footer = [`Page ${page + 1} of ${pages}`, `${hits.length} statement(s)`];
  if (preview) footer.push('Preview: only you can see this');
  return {
    // A query that is one quoted phrase keeps its own quotes: Search: "border crisis", not “"border crisis"”.
    title: truncate(
      /^["“].*["”]$/.test(session.query)
        ? `Search: ${escapeUserText(session.query)}`
        : `Search: “${escapeUserText(session.query)}”`,
      LIMITS.embedTitle,
    ),
    description: blocks.join('\n\n'),
    color: COLORS.answer,
    footer: { text: footer.join(' · ') },
  };
}

function buttons(
  key: string,
  page: number,
  pages: number,
  preview: boolean,
): APIActionRowComponent<APIButtonComponent>[] {
  const row: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Previous',
      custom_id: `search:${key}:${page - 1}`,
      disabled: page <= 0,
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Next',
      custom_id: `search:${key}:${page + 1}`,
      disabled: page >= pages - 1,
    },
  ];
  if (preview)
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Post to channel',
      custom_id: `search:${key}:${page}:post`,
    });
  return [{ type: ComponentType.ActionRow, components: row }];
}

function notFound(query: string, document: string | null): APIEmbed {
  return notFoundEmbed({
    title: 'Nothing found',
    what: 'statement',
    query,
    within: document,
    more: ['Try fewer words, another word form, or a phrase without quotes. /section with no name lists the sections.'],
  });
}

/** A page of results with its buttons; `preview` is the private view with "Post to channel". */
function pageReply(
  library: Library,
  key: string,
  session: SearchSession,
  page: number,
  ephemeral: boolean,
  hits = searchHits(library, session),
) {
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const data = reply([pageEmbed(library, session, hits, current, session.preview && ephemeral)], { ephemeral });
  if (pages > 1 || (session.preview && ephemeral))
    data.components = buttons(key, current, pages, session.preview && ephemeral);
  return data;
}

function newKey(context: CommandContext): string {
  const part = () =>
    Math.floor(context.random() * 36 ** 5)
      .toString(36)
      .padStart(5, '0');
  return `${part()}${part()}`;
}

const ephemeralNotice = (title: string, description: string): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data: notice(title, description),
});

export const search = defineCommand({
  name: 'search',
  description: 'Search every statement; "quoted phrases" match as phrases',
  options: {
    query: {
      type: ApplicationCommandOptionType.String,
      description: 'Words to find, e.g. border wall or "criminal aliens"',
      required: true,
      maxLength: 200,
    },
    document: documentOption,
    preview: {
      type: ApplicationCommandOptionType.Boolean,
      description: 'Only you see it first, with a button to post it to the channel',
    },
    private: privateOption,
  },
  run(library, args, context) {
    const { document, notFound: noDocument } = chosenDocument(library, args.document);
    if (noDocument) return noDocument;
    const query = args.query;
    const preview = args.preview === true;
    const ephemeral = preview || args.private === true;
    if (!query)
      return notice('What should I search for?', 'Give some words: /search query:border wall, or a "quoted phrase".');
    const session: SearchSession = {
      query,
      documentId: document?.id ?? null,
      userId: context.userId,
      createdAt: context.now(),
      preview,
    };
    const hits = searchHits(library, session);
    if (hits.length === 0) return reply([notFound(query, document?.title ?? null)], { ephemeral: true });
    const key = newKey(context);
    context.state.slot('search', openSearches).set(key, session);
    return pageReply(library, key, session, 0, ephemeral, hits);
  },
  autocomplete(library, focused) {
    return focused.name === 'document' ? choices(documentChoices(library, focused.value)) : { choices: [] };
  },
  component(library, customId, context) {
    const [, key = '', pageText = '0', action] = customId.split(':');
    const session = context.state.slot('search', openSearches).get(key);
    if (!session || context.now() - session.createdAt > (context.buttonTimeoutMs ?? DEFAULT_BUTTON_TIMEOUT_MS)) {
      return ephemeralNotice('This search has expired', 'Its buttons only work for a while. Run /search again.');
    }
    if (session.userId !== context.userId) {
      return ephemeralNotice(
        'Not your search',
        'Only the person who searched can use these buttons. Run /search yourself to search.',
      );
    }
    const page = Number.parseInt(pageText, 10) || 0;
    if (action === 'post') {
      // Shares the page in the channel, for everyone; the poster can still page it.
      const shared: SearchSession = { ...session, preview: false };
      const sharedKey = newKey(context);
      context.state.slot('search', openSearches).set(sharedKey, shared);
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: pageReply(library, sharedKey, shared, page, false),
      };
    }
    const data = pageReply(library, key, session, page, Boolean(session.preview));
    delete data.flags; // an update keeps the message's own visibility
    return { type: InteractionResponseType.UpdateMessage, data };
  },
});
