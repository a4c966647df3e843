// Raw items, as a feed or listing page gives them, to entries the caller can trust: absolute http(s) URLs,
// dates in ISO 8601 (a date in the future is dropped, not believed), each item once.
import { believableDate, normalizeDate } from './dates.js';
import type { FeedEntry } from './types.js';

export interface RawEntry {
  url?: string;
  title?: string;
  published?: string;
  modified?: string;
}

export interface EntryRules {
  /** The address the items were read from: relative links resolve against it. */
  base: string;
  now: number;
  futureToleranceMs: number;
}

export function cleanEntries(raw: readonly RawEntry[], rules: EntryRules): FeedEntry[] {
  const byUrl = new Map<string, FeedEntry>();
  for (const item of raw) {
    const entry = cleanEntry(item, rules);
    // The same item twice (a feed that repeats itself, or an item on two listing pages) counts once: the first.
    if (entry && !byUrl.has(entry.url)) byUrl.set(entry.url, entry);
  }
  return [...byUrl.values()];
}

function cleanEntry(item: RawEntry, rules: EntryRules): FeedEntry | undefined {
  const url = absoluteUrl(item.url, rules.base);
  if (!url) return undefined;
  const entry: FeedEntry = { url, title: collapse(item.title) || url };
  const published = believableDate(normalizeDate(item.published), rules.now, rules.futureToleranceMs);
  const modified = believableDate(normalizeDate(item.modified), rules.now, rules.futureToleranceMs);
  if (published) entry.published = published;
  // Kept when it equals the publication: the feed says the item has not changed since, so it is not read again.
  if (modified) entry.modified = modified;
  return entry;
}

/** The item's address made absolute, without its fragment; undefined unless http(s). */
function absoluteUrl(url: string | undefined, base: string): string | undefined {
  if (!url?.trim()) return undefined;
  try {
    const absolute = new URL(url.trim(), base);
    absolute.hash = '';
    return /^https?:$/.test(absolute.protocol) ? absolute.href : undefined;
  } catch {
    return undefined;
  }
}

function collapse(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
