// The one fact sheet the end-to-end following tests publish on a local feed, and what they read back: its page and
// an Atom feed naming it, changed at a time with a figure in its results; each channel's announcements.
import { expect } from 'vitest';
import { factSheet } from '../db/fact-sheets.js';
import type { DiscordStandIn } from './discord-stand-in.js';
import { serve, type FeedServer } from './feed-server.js';
import { corpusPage, wordpressPage } from './wordpress-page.js';

export const ITEM_ID = 'fact-sheet-president-buys-aircraft';
export const ITEM_PATH = `/fact-sheets/${ITEM_ID}/`;
export const ITEM_TITLE = 'Fact Sheet: President Buys Aircraft';

/** The item's page and the Atom feed (/feed.xml) naming it, changed at `time` with `figure` in its results. */
export function publish(feeds: FeedServer, time: Date, figure: string): void {
  const day = time.toISOString().slice(0, 10);
  const markdown = factSheet(ITEM_ID, ITEM_TITLE, day, `- The order buys ${figure} aircraft.`);
  const page = { ...corpusPage(markdown), url: feeds.url(ITEM_PATH), modifiedTime: time.toISOString() };
  feeds.route(ITEM_PATH, serve(wordpressPage(page), 'text/html; charset=utf-8'));
  const at = time.toISOString();
  const entry = `<entry><title>${ITEM_TITLE}</title><link rel="alternate" href="${feeds.url(ITEM_PATH)}"/><id>${ITEM_PATH}</id><published>${at}</published><updated>${at}</updated></entry>`;
  const atom = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Fact Sheets</title><id>urn:f</id><updated>${at}</updated>${entry}</feed>\n`;
  feeds.route('/feed.xml', serve(atom, 'application/atom+xml', `"${time.getTime()}"`));
}

/** A channel's announcements ("New fact sheet: title"), checked against Discord's schema. */
export function announced(standIn: DiscordStandIn, channelId: string): string[] {
  expect(standIn.violations).toEqual([]);
  return standIn.channelMessages
    .filter((m) => m.channelId === channelId)
    .map((m) => (m.body.embeds as Array<{ title: string; author: { name: string } }>)[0]!)
    .map((e) => `${e.author.name}: ${e.title}`);
}
