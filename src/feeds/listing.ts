// The publisher's listing pages (WordPress block markup): each post an `li.wp-block-post` with an `h2` link and
// a `time datetime`; the next page in `<link rel="next">`.
import { parseHTML } from 'linkedom';
import type { RawEntry } from './entries.js';

export interface ListingPage {
  entries: RawEntry[];
  next?: string;
}

export function readListingPage(html: string): ListingPage | undefined {
  const { document } = parseHTML(html);
  const posts = [...document.querySelectorAll('li.wp-block-post')];
  if (posts.length === 0) return undefined;
  const entries = posts.map((post): RawEntry => {
    const link = post.querySelector('h2 a') ?? post.querySelector('a[href]');
    return {
      url: link?.getAttribute('href') ?? undefined,
      title: (post.querySelector('h2') ?? link)?.textContent ?? undefined,
      published: post.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    };
  });
  return { entries, next: document.querySelector('link[rel="next"]')?.getAttribute('href') ?? undefined };
}
