// /search [document] query:<text>: full text over every statement, ranked, five a page with Previous/Next
// buttons; "quoted phrases" match as phrases; preview:true shows it only to you with a "Post to channel" button.
import {
  ApplicationCommandOptionType,
  ButtonStyle,
  InteractionResponseType,
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { defineCommand, DEFAULT_BUTTON_TIMEOUT_MS, Recent, type CommandContext } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import { plainText } from '../src/document/text.js';
import { datedWithin, dateSpan, shownDate, type DateRange } from '../src/library/dates.js';
import { MAX_STATEMENT_HITS, type Library, type Scope, type StatementRef } from '../src/library/library.js';
import { normalizeTerm } from '../src/library/search.js';
import { documentFooter } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { choices, COLORS, notice, reply } from '../src/render/reply.js';
import { attribution } from '../src/render/source.js';
import { blockquote, documentText, escapeUserText, plural, truncate } from '../src/render/text.js';
import { button, pageButtons, rowsOf } from './shared/buttons.js';
import { citeButton, citeResponse, isCiteId } from './shared/cite.js';
import { dateOptions, describeRange, readDateRange } from './shared/dates.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';

export const PAGE_SIZE = 5;
/** Statements a quoted phrase is checked in, at most: a phrase of common words still answers quickly. */
const PHRASE_SCAN = 5000;

/** A search whose buttons still work: what it asked, where, and who may press them. */
export interface SearchSession {
  query: string;
  documentId: string | null;
  /** The dates asked for with after/before; null for any. */
  range: DateRange | null;
  userId: string;
  createdAt: number;
  preview: boolean;
}

/** A statement found, and the other documents that state it word for word (it is shown once). */
export interface SearchHit {
  ref: StatementRef;
  alsoIn: Document[];
}

/** What a search found: each statement once, and whether more match than were ranked (the cap). */
export interface SearchResult {
  hits: SearchHit[];
  more: boolean;
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

function scopeOf(session: Pick<SearchSession, 'documentId' | 'range'>): Scope {
  const { documentId, range } = session;
  return { documentId: documentId ?? undefined, within: range ? (d) => datedWithin(d, range) : undefined };
}

/** A statement found in several documents is one hit, first where it ranks best, listing the others. */
function mergeRepeats(refs: StatementRef[]): SearchHit[] {
  const byText = new Map<string, SearchHit>();
  const hits: SearchHit[] = [];
  for (const ref of refs) {
    const key = textOf(ref).toLowerCase();
    const seen = byText.get(key);
    if (!seen) {
      const hit = { ref, alsoIn: [] };
      byText.set(key, hit);
      hits.push(hit);
    } else if (seen.ref.document !== ref.document && !seen.alsoIn.includes(ref.document)) {
      seen.alsoIn.push(ref.document);
    }
  }
  return hits;
}

/** Every statement matching the query, best first, phrases checked against the text, each shown once. */
function searchHits(library: Library, session: Pick<SearchSession, 'query' | 'documentId' | 'range'>): SearchResult {
  const { words, phrases } = parseQuery(session.query);
  const limit = phrases.length ? PHRASE_SCAN : MAX_STATEMENT_HITS;
  const { refs, total } = library.statementHits(words, scopeOf(session), limit);
  const matching = refs.filter((ref) => {
    if (phrases.length === 0) return true;
    const text = textOf(ref).toLowerCase();
    return phrases.every((p) => text.includes(p));
  });
  const more = total > refs.length || matching.length > MAX_STATEMENT_HITS;
  return { hits: mergeRepeats(matching.slice(0, MAX_STATEMENT_HITS)), more };
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

/** " · also in 2 more documents (2021-03-04 to 2025-01-10)": where else it is said, first and last dated. */
function alsoIn(hit: SearchHit): string {
  if (hit.alsoIn.length === 0) return '';
  const span = dateSpan([hit.ref.document, ...hit.alsoIn]);
  return ` · also in ${plural(hit.alsoIn.length, 'more document')}${span ? ` (${span})` : ''}`;
}

function hitBlock(library: Library, hit: SearchHit, number: number, stems: Set<string>): string {
  const { ref } = hit;
  const where =
    library.documents.length > 1
      ? [ref.section.title, ref.document.title, shownDate(ref.document)].filter(Boolean).join(' · ')
      : ref.section.title;
  const under = `${attribution(where, ref.document, ref.point.span)}${alsoIn(hit)}`;
  const room = Math.max(200, Math.floor((LIMITS.embedDescription - 200) / PAGE_SIZE) - under.length - 10);
  return `**${number}.**\n${blockquote(truncate(highlighted(ref, stems), room))}\n${under}`;
}

/** "Page 1 of 3 · 12 statements", then the one document's title and date, or the dates the hits span. */
function footerText(library: Library, result: SearchResult, page: number, preview: boolean): string {
  const pages = Math.max(1, Math.ceil(result.hits.length / PAGE_SIZE));
  const counted = result.more
    ? `more than ${plural(MAX_STATEMENT_HITS, 'statement')}`
    : plural(result.hits.length, 'statement');
  const documents = [...new Set(result.hits.map((h) => h.ref.document))];
  const footer = [`Page ${page + 1} of ${pages}`, counted];
  if (library.documents.length === 1) footer.push(documentFooter(library.documents[0]!).text);
  else if (documents.length > 1) footer.push(dateSpan(documents) ?? '');
  if (preview) footer.push('Preview: only you can see this');
  return footer.filter(Boolean).join(' · ');
}

function pageEmbed(
  library: Library,
  session: SearchSession,
  result: SearchResult,
  page: number,
  preview: boolean,
): APIEmbed {
  const stems = library.statementQueryTerms(parseQuery(session.query).words);
  const blocks = result.hits
    .slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE)
    .map((hit, i) => hitBlock(library, hit, page * PAGE_SIZE + i + 1, stems));
  // A query that is one quoted phrase keeps its own quotes: Search: "border crisis", not “"border crisis"”.
  const asked = /^["“].*["”]$/.test(session.query)
    ? `Search: ${escapeUserText(session.query)}`
    : `Search: “${escapeUserText(session.query)}”`;
  const dated = session.range ? ` · ${describeRange(session.range)}` : '';
  return {
    title: truncate(`${asked}${dated}`, LIMITS.embedTitle),
    description: blocks.join('\n\n'),
    color: COLORS.answer,
    footer: { text: footerText(library, result, page, preview) },
  };
}

/** Previous, Next (and "Post to channel" in a preview) in one row; a Cite for each statement shown below. */
function buttons(key: string, result: SearchResult, page: number, pages: number, preview: boolean) {
  const paging: APIButtonComponent[] =
    pages > 1 || preview
      ? pageButtons({ previous: `search:${key}:${page - 1}`, next: `search:${key}:${page + 1}` }, page, pages)
      : [];
  if (preview) paging.push(button('Post to channel', `search:${key}:${page}:post`, { style: ButtonStyle.Primary }));
  const cites = result.hits.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).flatMap((hit, i) => {
    const label = result.hits.length > 1 ? `Cite ${page * PAGE_SIZE + i + 1}` : 'Cite';
    return citeButton('search', hit.ref.document, hit.ref.point.span, label) ?? [];
  });
  return [...rowsOf(paging), ...rowsOf(cites)];
}

function notFound(query: string, document: string | null, range: DateRange | null): APIEmbed {
  return notFoundEmbed({
    title: 'Nothing found',
    what: 'statement',
    query,
    within: [document, range && `documents ${describeRange(range)}`].filter(Boolean).join(', ') || null,
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
  result = searchHits(library, session),
) {
  const pages = Math.max(1, Math.ceil(result.hits.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const preview = session.preview && ephemeral;
  const data = reply([pageEmbed(library, session, result, current, preview)], { ephemeral });
  const rows = buttons(key, result, current, pages, preview);
  if (rows.length) data.components = rows;
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
  example: '/search query:"border wall"',
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
    ...dateOptions,
    private: privateOption,
  },
  run(library, args, context) {
    const { document, notFound: noDocument } = chosenDocument(library, args.document);
    if (noDocument) return noDocument;
    const { range, problem } = readDateRange(args);
    if (problem) return problem;
    const query = args.query;
    const preview = args.preview === true;
    const ephemeral = preview || args.private === true;
    if (!query)
      return notice('What should I search for?', 'Give some words: /search query:border wall, or a "quoted phrase".');
    const session: SearchSession = {
      query,
      documentId: document?.id ?? null,
      range,
      userId: context.userId,
      createdAt: context.now(),
      preview,
    };
    const result = searchHits(library, session);
    if (result.hits.length === 0) return reply([notFound(query, document?.title ?? null, range)], { ephemeral: true });
    const key = newKey(context);
    context.state.slot('search', openSearches).set(key, session);
    return pageReply(library, key, session, 0, ephemeral, result);
  },
  autocomplete(library, focused) {
    return focused.name === 'document' ? choices(documentChoices(library, focused.value)) : { choices: [] };
  },
  component(library, customId, context) {
    if (isCiteId(customId)) return citeResponse(library, customId);
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
