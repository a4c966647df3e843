// /search [document] query:<text>: full text over every statement, ranked, five a page with Previous/Next
// buttons; "quoted phrases" match as phrases; preview:true shows it only to you with a "Post to channel" button.
import {
  ApplicationCommandOptionType,
  ButtonStyle,
  InteractionResponseType,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord-api-types/v10';
import { buttonExpired, pressedByOwner, defineCommand, type TargetMessage } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import { plainTextOf } from '../src/document/formats/index.js';
import { datedWithin, dateSpan, shownDate, type DateRange } from '../src/library/dates.js';
import { MAX_STATEMENT_HITS, type Library, type Scope, type StatementRef } from '../src/library/library.js';
import { normalizeTerm } from '../src/library/search.js';
import { foldNearSame, shapeOf } from '../src/library/near-same.js';
import { documentFooter } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { choices, COLORS, notice, reply } from '../src/render/reply.js';
import { attribution } from '../src/render/source.js';
import { blockquote, documentText, escapeUserText, plural, truncate, unescapeUserText } from '../src/render/text.js';
import {
  button,
  expiredResponse,
  MAX_CUSTOM_ID,
  pageButtons,
  privately,
  rowsOf,
  textCheck,
  type ButtonRow,
} from './shared/buttons.js';
import { citeButton, citeResponse, isCiteId } from './shared/cite.js';
import { dateOptions, describeRange, rangeFromKey, rangeKey, readDateRange } from './shared/dates.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';

export const PAGE_SIZE = 5;
/** Statements a quoted phrase is checked in, at most: a phrase of common words still answers quickly. */
const PHRASE_SCAN = 5000;

/** What a search asked: the words, where, and whether it is a private preview. Its buttons carry all of it. */
export interface SearchAsk {
  query: string;
  document: Document | null;
  /** The dates asked for with after/before; null for any. */
  range: DateRange | null;
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
  return plainTextOf(ref.document, ref.point.text);
}

function scopeOf({ document, range }: Pick<SearchAsk, 'document' | 'range'>): Scope {
  return { documentId: document?.id, within: range ? (d) => datedWithin(d, range) : undefined };
}

/**
 * A statement found in several documents is one hit, first where it ranks best, listing the others; so is a
 * near-identical one (the same numbers, nearly the same words: src/library/near-same.ts).
 */
function mergeRepeats(refs: StatementRef[]): SearchHit[] {
  const hits = refs.map((ref): SearchHit => ({ ref, alsoIn: [] }));
  return foldNearSame(
    hits,
    (hit) => shapeOf(textOf(hit.ref)),
    (kept, repeat) => {
      for (const document of [repeat.ref.document, ...repeat.alsoIn])
        if (document !== kept.ref.document && !kept.alsoIn.includes(document)) kept.alsoIn.push(document);
    },
  );
}

/** Every statement matching the query, best first, phrases checked against the text, each shown once. */
function searchHits(library: Library, ask: Omit<SearchAsk, 'preview'>): SearchResult {
  const { words, phrases } = parseQuery(ask.query);
  const limit = phrases.length ? PHRASE_SCAN : MAX_STATEMENT_HITS;
  const { refs, total } = library.statementHits(words, scopeOf(ask), limit);
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

/** What a button does: turn a page of a public answer or of a preview, or post a preview's page. */
const ACTIONS = { page: 'p', previewPage: 'v', post: 's' } as const;
const TITLE_START = 'Search: ';
/** Letters of a document id's check in a button: enough to tell the documents apart, few enough to leave room. */
const DOCUMENT_CHECK = 4;

const datedSuffix = (range: DateRange | null) => (range ? ` · ${describeRange(range)}` : '');

/** "Search: “wall” · dated from 2025-01-01": what was asked, as the title shows it and buttons read it back. */
function titleOf(query: string, range: DateRange | null): string {
  // A query that is one quoted phrase keeps its own quotes: Search: "border crisis", not “"border crisis"”.
  const shown = /^["“].*["”]$/.test(query) ? escapeUserText(query) : `“${escapeUserText(query)}”`;
  return truncate(`${TITLE_START}${shown}${datedSuffix(range)}`, LIMITS.embedTitle);
}

/**
 * The query a title shows, read back for a button whose id holds only the query's check: the reading whose
 * check matches and whose own title is this very title. A title cut short, or text escaping changed, gives null.
 */
function queryFromTitle(title: unknown, range: DateRange | null, check: string): string | null {
  const dated = datedSuffix(range);
  if (typeof title !== 'string' || title.length > LIMITS.embedTitle) return null;
  if (!title.startsWith(TITLE_START) || !title.endsWith(dated)) return null;
  const shown = title.slice(TITLE_START.length, title.length - dated.length);
  const readings = [shown, /^“[^]*”$/.test(shown) ? shown.slice(1, -1) : ''].map(unescapeUserText);
  return readings.find((q) => q && textCheck(q) === check && titleOf(q, range) === title) ?? null;
}

/** "<index>.<check>": the document's place in the library, and a check of its id in case the library changed. */
function documentKey(library: Library, document: Document | null): string {
  if (!document) return '';
  return `${library.documents.indexOf(document).toString(36)}.${textCheck(document.id).slice(0, DOCUMENT_CHECK)}`;
}

/** The document a key names (null for all); undefined when it is no longer served. */
function documentFromKey(library: Library, key: string): Document | null | undefined {
  if (key === '') return null;
  const [indexText = '', check] = key.split('.');
  const matches = (d: Document) => textCheck(d.id).slice(0, DOCUMENT_CHECK) === check;
  const at = library.documents[Number.parseInt(indexText, 36)];
  return at && matches(at) ? at : library.documents.find(matches);
}

/**
 * "search:<action>:<page>:<document>:<dates>:<query>": everything a button needs, so no process keeps a thing.
 * The query goes in as "=<query>" when it fits Discord's 100 characters, else as "#<check>" and is read back
 * from the message's title; null when neither works (a long query escaping changes). Who may press a button
 * comes from its message, and how old it is from the message's id.
 */
function idMaker(library: Library, ask: SearchAsk): ((action: string, page: number) => string) | null {
  const head = (action: string, page: number) =>
    ['search', action, page, documentKey(library, ask.document), rangeKey(ask.range)].join(':');
  // The longest id an answer makes: a three-digit page.
  if (`${head(ACTIONS.post, 999)}:=${ask.query}`.length <= MAX_CUSTOM_ID)
    return (action, page) => `${head(action, page)}:=${ask.query}`;
  const check = textCheck(ask.query);
  if (queryFromTitle(titleOf(ask.query, ask.range), ask.range, check) !== ask.query) return null;
  return (action, page) => `${head(action, page)}:#${check}`;
}

interface Press {
  ask: SearchAsk;
  action: string;
  page: number;
}

/** The search a button names, its query read from the message when need be; 'gone' when its document is. */
function pressOf(library: Library, customId: string, message: TargetMessage | undefined): Press | 'gone' | null {
  const [, action = '', pageText = '', documentText = '', rangeText = '', ...rest] = customId.split(':');
  const queryText = rest.join(':');
  const range = rangeFromKey(rangeText);
  const actions: string[] = Object.values(ACTIONS);
  if (!actions.includes(action) || !/^-?\d{1,3}$/.test(pageText) || (rangeText && !range)) return null;
  const document = documentFromKey(library, documentText);
  if (document === undefined) return 'gone';
  const embeds: unknown = message?.embeds;
  const title = Array.isArray(embeds) ? (embeds[0] as { title?: unknown } | null)?.title : undefined;
  const query = queryText.startsWith('=')
    ? queryText.slice(1)
    : queryText.startsWith('#') && queryFromTitle(title, range, queryText.slice(1));
  if (!query) return null;
  return { ask: { query, document, range, preview: action === ACTIONS.previewPage }, action, page: Number(pageText) };
}

function pageEmbed(
  library: Library,
  ask: SearchAsk,
  result: SearchResult,
  page: number,
  preview: boolean,
  note: string | null,
): APIEmbed {
  const stems = library.statementQueryTerms(parseQuery(ask.query).words);
  const blocks = result.hits
    .slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE)
    .map((hit, i) => hitBlock(library, hit, page * PAGE_SIZE + i + 1, stems));
  const footer = [footerText(library, result, page, preview), note].filter(Boolean).join(' · ');
  return {
    title: titleOf(ask.query, ask.range),
    description: blocks.join('\n\n'),
    color: COLORS.answer,
    footer: { text: footer },
  };
}

/** Previous, Next (and "Post to channel" in a preview) in one row; a Cite for each statement shown below. */
function buttons(
  id: ReturnType<typeof idMaker>,
  result: SearchResult,
  page: number,
  pages: number,
  preview: boolean,
): ButtonRow[] {
  const turn = preview ? ACTIONS.previewPage : ACTIONS.page;
  const paging: APIButtonComponent[] =
    id && (pages > 1 || preview)
      ? pageButtons({ previous: id(turn, page - 1), next: id(turn, page + 1) }, page, pages)
      : [];
  if (id && preview) paging.push(button('Post to channel', id(ACTIONS.post, page), { style: ButtonStyle.Primary }));
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
  ask: SearchAsk,
  page: number,
  ephemeral: boolean,
  result = searchHits(library, ask),
) {
  const pages = Math.max(1, Math.ceil(result.hits.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const preview = ask.preview && ephemeral;
  const id = idMaker(library, ask);
  // Rare: a long query full of characters escaping changes cannot be carried nor read back.
  const note = !id && (pages > 1 || preview) ? 'Shorten the query to page it or post it' : null;
  const data = reply([pageEmbed(library, ask, result, current, preview, note)], { ephemeral });
  const rows = buttons(id, result, current, pages, preview);
  if (rows.length) data.components = rows;
  return data;
}

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
  // No randomness and no state: the buttons carry the search, so the same options give the same reply.
  pure: true,
  run(library, args) {
    const { document, notFound: noDocument } = chosenDocument(library, args.document);
    if (noDocument) return noDocument;
    const { range, problem } = readDateRange(args);
    if (problem) return problem;
    const query = args.query;
    const preview = args.preview === true;
    const ephemeral = preview || args.private === true;
    if (!query)
      return notice('What should I search for?', 'Give some words: /search query:border wall, or a "quoted phrase".');
    const ask: SearchAsk = { query, document, range, preview };
    const result = searchHits(library, ask);
    if (result.hits.length === 0) return reply([notFound(query, document?.title ?? null, range)], { ephemeral: true });
    return pageReply(library, ask, 0, ephemeral, result);
  },
  autocomplete(library, focused) {
    return focused.name === 'document' ? choices(documentChoices(library, focused.value)) : { choices: [] };
  },
  component(library, customId, context) {
    if (isCiteId(customId)) return citeResponse(library, customId);
    if (buttonExpired(context)) return expiredResponse('search', '/search', context);
    if (!pressedByOwner(context))
      return privately(
        'Not your search',
        'Only the person who searched can use these buttons. Run /search yourself to search.',
      );
    const press = pressOf(library, customId, context.message);
    if (press === 'gone')
      return privately('This document is no longer served', 'It was removed since this search. Run /search again.');
    if (!press)
      return privately('This button no longer works', 'It names no search the bot can read. Run /search again.');
    if (press.action === ACTIONS.post) {
      // Shares the page in the channel, for everyone; the poster can still page it.
      const data = pageReply(library, { ...press.ask, preview: false }, press.page, false);
      return { type: InteractionResponseType.ChannelMessageWithSource, data };
    }
    const data = pageReply(library, press.ask, press.page, press.ask.preview);
    delete data.flags; // an update keeps the message's own visibility
    return { type: InteractionResponseType.UpdateMessage, data };
  },
});
