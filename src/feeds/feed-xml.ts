// RSS 2.0 and Atom to entries. fast-xml-parser's validator first, so a malformed feed is one clear error
// (with its line) rather than a half-read list; entity expansion stays within the parser's default bounds.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawEntry } from './entries.js';

export type XmlFeed = { ok: true; entries: RawEntry[] } | { ok: false; error: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  trimValues: true,
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

export function readXmlFeed(xml: string): XmlFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    return { ok: false, error: `malformed XML at line ${line}: ${msg}` };
  }
  const root = parser.parse(xml) as Record<string, unknown>;
  const rss = record(root.rss) ?? record(root.RDF);
  if (rss) return { ok: true, entries: list(record(rss.channel)?.item ?? rss.item).map(rssEntry) };
  const feed = record(root.feed);
  if (feed) return { ok: true, entries: list(feed.entry).map(atomEntry) };
  return { ok: false, error: `XML but neither RSS nor Atom (root <${Object.keys(root).find(isElement) ?? '?'}>)` };
}

function rssEntry(value: unknown): RawEntry {
  const item = record(value) ?? {};
  const guid = record(item.guid);
  const permalink = guid?.['@isPermaLink'] !== 'false' ? text(guid) : undefined;
  return {
    url: text(list(item.link)[0]) ?? permalink,
    title: text(item.title),
    published: text(item.pubDate) ?? text(item.date),
    modified: text(item.updated) ?? text(item.modified),
  };
}

function atomEntry(value: unknown): RawEntry {
  const entry = record(value) ?? {};
  const links = list(entry.link).map((link) => record(link) ?? {});
  const alternate = links.find((link) => (link['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return {
    url: text(alternate?.['@href']),
    title: text(entry.title),
    published: text(entry.published) ?? text(entry.updated),
    modified: text(entry.updated),
  };
}

/** An element's text: a string, or the `#text` of one with attributes. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  const inner = record(value)?.['#text'];
  return inner === undefined ? undefined : text(inner);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isElement(key: string): boolean {
  return !key.startsWith('?') && !key.startsWith('#');
}
