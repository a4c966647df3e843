// Which fact sheets go to which following channel: those whose title or text holds the channel's words, none
// published before the channel followed, newest first; the first handful announced one by one, the rest summed
// up in one message. Pure.
import type { Document } from '../document/types.js';
import type { Subscription } from '../guild.js';

/** A fetched document ready to announce: parsed, with its version (content hash) and when it was published. */
export interface Announceable {
  document: Document;
  version: string;
  updated: boolean;
  /** Its modified time, else the end of its date, else when it was fetched (ms). */
  publishedAt: number;
}

export interface ChannelPlan {
  subscription: Subscription;
  /** Announced one by one, newest first. */
  each: Announceable[];
  /** Summed up in one message after them. */
  rest: Announceable[];
}

/** Announcements one channel gets one by one in a poll; the rest are summed up in one message. */
export const HANDFUL = 5;
const DAY_MS = 86_400_000;

/** When a fetched item counts as published: its modified time, else the end of its day, else when it was fetched. */
export function publishedAt(date: string | null, modifiedTime: string | undefined, fetchedAt: number): number {
  const modified = modifiedTime ? Date.parse(modifiedTime) : NaN;
  if (Number.isFinite(modified)) return modified;
  const day = date && /^\d{4}-\d{2}-\d{2}/.test(date) ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : NaN;
  return Number.isFinite(day) ? day + DAY_MS - 1 : fetchedAt;
}

/** Every word of the filter, as the start of a word, anywhere in the title or the text (case aside). */
export function matchesWords(document: Document, words: string | null): boolean {
  if (!words) return true;
  const wanted = words.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const haystack = `${document.title}\n${document.text}`.toLowerCase();
  return wanted.every((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word}`, 'u').test(haystack));
}

export function planAnnouncements(
  items: readonly Announceable[],
  subscriptions: readonly Subscription[],
): ChannelPlan[] {
  const newestFirst = [...items].sort((a, b) => b.publishedAt - a.publishedAt);
  return subscriptions
    .filter((s) => !s.pausedReason)
    .map((subscription) => {
      const due = newestFirst.filter(
        (item) => item.publishedAt >= subscription.createdAt && matchesWords(item.document, subscription.words),
      );
      return { subscription, each: due.slice(0, HANDFUL), rest: due.slice(HANDFUL) };
    })
    .filter((plan) => plan.each.length > 0);
}
