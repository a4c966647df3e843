// One paged answer, what /stat, /search and /documents share: hits ranked by the command, a page of them rendered
// by the command's hit renderer within one budget of room, Previous/Next (and "Post to channel" for a preview),
// a Cite for each quote shown, and the presses: Cite first (it never expires), then the buttons' time, then the
// owner, then the page the id names, turned in place with the message's own visibility.
import {
  ButtonStyle,
  InteractionResponseType,
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { buttonExpired, pressedByOwner, type CommandContext, type TargetMessage } from '../../src/command.js';
import {
  decodeCustomId,
  documentByKey,
  documentKey,
  encodeCustomId,
  textCheck,
  type CustomId,
  type PageButton,
} from '../../src/custom-id.js';
import type { Document, Span } from '../../src/document/types.js';
import { dateSpan, type DateRange } from '../../src/library/dates.js';
import type { Library } from '../../src/library/library.js';
import { LIMITS } from '../../src/render/limits.js';
import { reply, type Reply } from '../../src/render/reply.js';
import { blockquote, plural, truncate } from '../../src/render/text.js';
import { button, expiredResponse, pageButtons, privately, rowsOf, type ButtonRow } from './buttons.js';
import { citeButton, citePress } from './cite.js';
import { readDateRange } from './dates.js';
import { chosenDocument } from './options.js';

/** What a paged answer was asked: words, and where to look. */
export interface Ask {
  query: string;
  document: Document | null;
  range: DateRange | null;
  /** Shown to the asker alone first, with "Post to channel" (an answer that allows posting). */
  preview?: boolean;
}

/** The hits of an ask, best first; `more` when the ranking stopped at its cap. */
interface Ranked<Hit> {
  hits: Hit[];
  more?: boolean;
}

/** The page being shown: its hits rendered, and where it stands. */
export interface PageView<Hit> {
  ranked: Ranked<Hit>;
  blocks: string[];
  page: number;
  pages: number;
  preview: boolean;
  /** False when no button can carry the ask (a query too long to read back): the page has no Previous/Next. */
  pageable: boolean;
}

/** Renders one hit, numbered as the answer numbers it, in at most `room` characters of the page. */
type HitRenderer<Hit> = (hit: Hit, number: number, room: number) => string;

/** What a paged command says of itself: everything else of a paged answer is here. */
interface PagedSpec<Hit> {
  command: string;
  pageSize: number;
  /** Characters of a page's description that are not hits (a note above them, a count under them). */
  reserved: number;
  /** What the answer is called in notes: "This lookup has expired", "Not your lookup". */
  what: string;
  /** Told to anyone but the asker who presses: "Only the person who asked can page it. Run /x yourself." */
  othersNote: string;
  rank(library: Library, ask: Ask): Ranked<Hit>;
  renderer(library: Library, ask: Ask, ranked: Ranked<Hit>): HitRenderer<Hit>;
  /** The page's embed around the rendered hits: title, counts, footer. */
  frame(library: Library, ask: Ask, view: PageView<Hit>): APIEmbed;
  /** Where a hit quotes from, for its Cite button; absent: no Cite buttons. */
  quoted?: (hit: Hit) => { document: Document; span: Span };
  /** A query too long for a button, carried as a check and read back from the title the page shows. */
  readBack?: { title(ask: Ask): string; query(title: unknown, range: DateRange | null, check: string): string | null };
  /** A preview may be posted to the channel with a button. */
  postable?: boolean;
}

interface Paged<Hit> {
  /** Room for one hit on a page: the description's room less `reserved`, shared by the page's hits. */
  roomPerHit: number;
  /** A page of the answer; `ranked` when the command has ranked the hits already (to tell none from some). */
  reply: (library: Library, ask: Ask, page: number, ephemeral: boolean, ranked?: Ranked<Hit>) => Reply;
  /** A press of any of the answer's buttons: the command's `component`. */
  press: (library: Library, customId: string, context: CommandContext) => APIInteractionResponse;
}

/** Where an ask looks, from the `document`, `after` and `before` options; `problem` is the reply when one is wrong. */
export function whereAsked(
  library: Library,
  args: { readonly document?: string; readonly after?: string; readonly before?: string },
): { document: Document | null; range: DateRange | null; problem: Reply | null } {
  const { document, notFound } = chosenDocument(library, args.document);
  if (notFound) return { document: null, range: null, problem: notFound };
  const { range, problem } = readDateRange(args);
  return { document, range, problem };
}

/** " · also in 2 more documents (2021-03-04 to 2025-01-10)": where else a hit is, first and last dated. */
export function alsoIn(document: Document, others: readonly Document[]): string {
  if (others.length === 0) return '';
  const span = dateSpan([document, ...others]);
  return ` · also in ${plural(others.length, 'more document')}${span ? ` (${span})` : ''}`;
}

/** A quote and, under it, where it is from: the quote cut to the room its label and place leave. */
export function quoteBlock(label: string, quote: (room: number) => string, under: string, room: number): string {
  const fits = Math.max(200, room - under.length - label.length - 10);
  return `${label}${blockquote(truncate(quote(fits), fits))}\n${under}`;
}

/** "**3.**" above a numbered hit; nothing above a lone one. */
export const hitLabel = (number: number | null): string => (number === null ? '' : `**${number}.**\n`);

type IdMaker = (action: PageButton['action'], page: number) => CustomId | null;

/** The ids of an ask's buttons: its query carried whole, or as a check the title gives back; null when neither. */
function idMaker<Hit>(spec: PagedSpec<Hit>, ask: Ask): IdMaker | null {
  const { command, readBack } = spec;
  const base = { kind: 'page', command, document: ask.document && documentKey(ask.document), range: ask.range };
  const make = (query: PageButton['query']) => (action: PageButton['action'], page: number) =>
    encodeCustomId({ ...base, kind: 'page', action, page, query });
  const whole = make({ text: ask.query });
  // The longest id an answer makes: a three-digit page.
  if (whole(spec.postable ? 'post' : 'page', 999)) return whole;
  const check = textCheck(ask.query);
  if (!readBack || readBack.query(readBack.title(ask), ask.range, check) !== ask.query) return null;
  return make({ check });
}

/** "Cite" under a lone hit; "Cite 1" to "Cite 5" under a page of them, numbered as the page numbers them. */
function citeButtons<Hit>(spec: PagedSpec<Hit>, hits: Hit[], page: number): APIButtonComponent[] {
  const { quoted } = spec;
  if (!quoted) return [];
  const first = page * spec.pageSize;
  return hits.slice(first, first + spec.pageSize).flatMap((hit, i) => {
    const { document, span } = quoted(hit);
    return citeButton(spec.command, document, span, hits.length > 1 ? `Cite ${first + i + 1}` : 'Cite') ?? [];
  });
}

/** Previous, Next (and "Post to channel" in a preview) in one row; a Cite for each quote shown below. */
function buttonRows<Hit>(spec: PagedSpec<Hit>, id: IdMaker | null, view: PageView<Hit>): ButtonRow[] {
  const { page, pages, preview } = view;
  const turn = preview ? 'preview' : 'page';
  const [previous, next, post] = id ? [id(turn, page - 1), id(turn, page + 1), id('post', page)] : [];
  const paging = previous && next && (pages > 1 || preview) ? pageButtons({ previous, next }, page, pages) : [];
  if (paging.length && post && preview) paging.push(button('Post to channel', post, { style: ButtonStyle.Primary }));
  return [...rowsOf(paging), ...rowsOf(citeButtons(spec, view.ranked.hits, page))];
}

const roomPerHit = (spec: Pick<PagedSpec<unknown>, 'reserved' | 'pageSize'>) =>
  Math.floor((LIMITS.embedDescription - spec.reserved) / spec.pageSize);

function pageReply<Hit>(
  spec: PagedSpec<Hit>,
  library: Library,
  ask: Ask,
  page: number,
  options: { ephemeral: boolean; ranked?: Ranked<Hit> },
): Reply {
  const { ephemeral, ranked = spec.rank(library, ask) } = options;
  const pages = Math.max(1, Math.ceil(ranked.hits.length / spec.pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const first = current * spec.pageSize;
  const render = spec.renderer(library, ask, ranked);
  const room = roomPerHit(spec);
  const blocks = ranked.hits.slice(first, first + spec.pageSize).map((hit, i) => render(hit, first + i + 1, room));
  const id = idMaker(spec, ask);
  const preview = spec.postable === true && ask.preview === true && ephemeral;
  const view: PageView<Hit> = { ranked, blocks, page: current, pages, preview, pageable: id !== null };
  const data = reply([spec.frame(library, ask, view)], { ephemeral });
  const rows = buttonRows(spec, id, view);
  if (rows.length) data.components = rows;
  return data;
}

/** The ask a page button names, its query read from the message when need be; 'gone' when its document is. */
function askOf<Hit>(
  spec: PagedSpec<Hit>,
  library: Library,
  id: PageButton,
  message?: TargetMessage,
): Ask | 'gone' | null {
  const document = id.document === null ? null : documentByKey(library.documents, id.document);
  if (document === null && id.document !== null) return 'gone';
  const embeds: unknown = message?.embeds;
  const title = Array.isArray(embeds) ? (embeds[0] as { title?: unknown } | null)?.title : undefined;
  const query = 'text' in id.query ? id.query.text : spec.readBack?.query(title, id.range, id.query.check);
  if (query === null || query === undefined) return null;
  return { query, document, range: id.range, preview: id.action === 'preview' };
}

function pressPage<Hit>(
  spec: PagedSpec<Hit>,
  library: Library,
  customId: string,
  context: CommandContext,
): APIInteractionResponse {
  const rerun = `Run /${spec.command} again.`;
  const id = decodeCustomId(customId);
  const ask = id?.kind === 'page' && id.command === spec.command ? askOf(spec, library, id, context.message) : null;
  if (ask === 'gone')
    return privately('This document is no longer served', `It was removed since this ${spec.what}. ${rerun}`);
  if (!ask || id?.kind !== 'page' || (id.action === 'post' && !spec.postable))
    return privately('This button no longer works', `It names no ${spec.what} the bot can read. ${rerun}`);
  if (id.action === 'post') {
    // Shares the page in the channel, for everyone; the poster can still page it.
    const data = pageReply(spec, library, { ...ask, preview: false }, id.page, { ephemeral: false });
    return { type: InteractionResponseType.ChannelMessageWithSource, data };
  }
  // An update keeps the message's own visibility: it carries no flags, and a preview stays a preview.
  const data = pageReply(spec, library, ask, id.page, { ephemeral: ask.preview === true });
  delete data.flags;
  return { type: InteractionResponseType.UpdateMessage, data };
}

/** A paged answer made from what its command says of itself. */
export function pagedAnswer<Hit>(spec: PagedSpec<Hit>): Paged<Hit> {
  return {
    roomPerHit: roomPerHit(spec),
    reply: (library, ask, page, ephemeral, ranked) => pageReply(spec, library, ask, page, { ephemeral, ranked }),
    press: (library, customId, context) => {
      const cited = citePress(library, customId);
      if (cited) return cited;
      if (buttonExpired(context)) return expiredResponse(spec.what, `/${spec.command}`, context);
      if (!pressedByOwner(context)) return privately(`Not your ${spec.what}`, spec.othersNote);
      return pressPage(spec, library, customId, context);
    },
  };
}
