// Every button's custom id is written and read here, and nowhere else: one type a kind of button, encoded as
// "<command>:<kind>:<fields>" within Discord's 100 characters, and read back only when every field is well formed.
// A button keeps nothing in a process, so its id carries what a press needs. A document is named by a key made
// from its stable id, so a press after a reload that reorders or adds documents still names the same one.
import type { DateRange } from './library/dates.js';

/** Discord's cap on a custom id. */
export const MAX_CUSTOM_ID = 100;

/** A custom id made by this codec: the only strings a button may carry (see commands/shared/buttons.ts). */
export type CustomId = string & { readonly madeBy: 'custom-id.ts' };

/** Previous/Next of a paged answer (a preview's too), or "Post to channel" of a preview's page. */
export interface PageButton {
  kind: 'page';
  command: string;
  action: 'page' | 'preview' | 'post';
  page: number;
  /** The document's key (documentKey), or null for every document. */
  document: string | null;
  range: DateRange | null;
  /** The query itself, or a check of it when it is too long to carry (read back from the message). */
  query: { text: string } | { check: string };
}

/** Cite: a quote's place, and a check of the words there, so a changed document is noticed. */
export interface CiteButton {
  kind: 'cite';
  command: string;
  documentId: string;
  span: readonly [number, number];
  check: string;
}

/** /section: turn a section's page, or show one section of a list that shares a name. */
interface SectionButton {
  kind: 'section';
  command: string;
  action: 'page' | 'show';
  documentId: string;
  section: number;
  /** The page to show, or (show) 1 when the list was private. */
  more: number;
}

/** "Post to channel" of a check: it posts what its message shows. */
interface PostButton {
  kind: 'post';
  command: string;
}

export type ButtonId = PageButton | CiteButton | SectionButton | PostButton;

/** FNV-1a, in base 36: a short check that text read back (a quote, a query, an id) is the text a button was made for. */
export function textCheck(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** A document's key in a button: a check of its stable id, short enough to leave the query room. */
export const documentKey = (document: { readonly id: string }): string => textCheck(document.id);

/** The one document a key names; null when none does, or when two served documents share the key (fail closed). */
export function documentByKey<D extends { readonly id: string }>(documents: readonly D[], key: string): D | null {
  const named = documents.filter((document) => documentKey(document) === key);
  return named.length === 1 ? named[0]! : null;
}

const PAGE_ACTIONS = { page: 'p', preview: 'v', post: 's' } as const;
const CHECK = /^[0-9a-z]{1,7}$/;
const DOCUMENT_ID = /^[0-9a-z-]{1,100}$/;
const RANGE = /^(\d{8})?~(\d{8})?$/;
const PAGE = /^-?\d{1,3}$/;
const COUNT = /^\d{1,6}$/;
const BASE36 = /^[0-9a-z]{1,8}$/;

/** The range in an id: "20250101~20251231", "20250101~", "" for none. */
function rangeText(range: DateRange | null): string {
  if (!range) return '';
  const compact = (date: string | null) => (date ?? '').replace(/-/g, '');
  return `${compact(range.from)}~${compact(range.to)}`;
}

function rangeOf(text: string): DateRange | null | undefined {
  if (text === '') return null;
  const match = RANGE.exec(text);
  if (!match || (!match[1] && !match[2])) return undefined;
  const expand = (compact: string | undefined) =>
    compact ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6)}` : null;
  return { from: expand(match[1]), to: expand(match[2]) };
}

function fields(id: ButtonId): Array<string | number> {
  switch (id.kind) {
    case 'page': {
      const query = 'text' in id.query ? `=${id.query.text}` : `#${id.query.check}`;
      return [PAGE_ACTIONS[id.action], id.page, id.document ?? '', rangeText(id.range), query];
    }
    case 'cite':
      return ['cite', id.documentId, id.span[0].toString(36), id.span[1].toString(36), id.check];
    case 'section':
      return [id.action, id.documentId, id.section, id.more];
    case 'post':
      return ['post'];
  }
}

/** The id a button carries, or null when it would not fit Discord's 100 characters. */
export function encodeCustomId(id: ButtonId): CustomId | null {
  const text = [id.command, ...fields(id)].join(':');
  return text.length <= MAX_CUSTOM_ID && !id.command.includes(':') ? (text as CustomId) : null;
}

/** The command a custom id belongs to: what comes before its first colon. */
export const commandOfCustomId = (customId: string): string => customId.split(':')[0] ?? '';

function pageButton(command: string, parts: string[]): PageButton | null {
  const [actionText = '', pageText = '', document = '', range = '', ...rest] = parts;
  const action = (Object.keys(PAGE_ACTIONS) as Array<PageButton['action']>).find((a) => PAGE_ACTIONS[a] === actionText);
  const query = rest.join(':');
  const dates = rangeOf(range);
  if (!action || !PAGE.test(pageText) || (document !== '' && !CHECK.test(document)) || dates === undefined) return null;
  if (query.startsWith('#') && !CHECK.test(query.slice(1))) return null;
  if (!query.startsWith('=') && !query.startsWith('#')) return null;
  const carried = query.startsWith('=') ? { text: query.slice(1) } : { check: query.slice(1) };
  return {
    kind: 'page',
    command,
    action,
    page: Number(pageText),
    document: document || null,
    range: dates,
    query: carried,
  };
}

function citeButton(command: string, parts: string[]): CiteButton | null {
  const [, documentId = '', start = '', end = '', check = '', ...rest] = parts;
  if (rest.length || !DOCUMENT_ID.test(documentId) || !BASE36.test(start) || !BASE36.test(end)) return null;
  if (!CHECK.test(check)) return null;
  return { kind: 'cite', command, documentId, span: [parseInt(start, 36), parseInt(end, 36)], check };
}

function sectionButton(command: string, parts: string[]): SectionButton | null {
  const [action = '', documentId = '', section = '', more = '', ...rest] = parts;
  if (rest.length || (action !== 'page' && action !== 'show') || !DOCUMENT_ID.test(documentId)) return null;
  if (!COUNT.test(section) || !/^-?\d{1,6}$/.test(more)) return null;
  return { kind: 'section', command, action, documentId, section: Number(section), more: Number(more) };
}

/** The button a custom id names, or null for anything this codec did not write (a tampered or an old id). */
export function decodeCustomId(customId: string): ButtonId | null {
  if (customId.length > MAX_CUSTOM_ID) return null;
  const [command = '', ...parts] = customId.split(':');
  if (!command) return null;
  const kind = parts[0];
  if (kind === 'cite') return citeButton(command, parts);
  if (kind === 'post') return parts.length === 1 ? { kind: 'post', command } : null;
  if (kind === 'page' || kind === 'show') return sectionButton(command, parts);
  return pageButton(command, parts);
}
