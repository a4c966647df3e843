// Small fact sheets in the publisher's Markdown shape, parsed, for announcement tests.
import { parseDocument } from '../../src/document/parse.js';
import type { Announceable } from '../../src/announce/plan.js';

export function factSheet(id: string, title: string, date: string, extra = ''): string {
  return [
    '---',
    `date: '${date}'`,
    `source_url: https://www.whitehouse.gov/fact-sheets/${id}/`,
    `title: '${title}'`,
    '---',
    '',
    `**PROTECTING AMERICAN WORKERS: **Today, President Donald J. Trump signed an order on ${title.toLowerCase()}. It takes effect at once. A third sentence follows.`,
    '',
    '**THE RESULTS:**',
    '',
    '- Border crossings fell by 95% since January.',
    '- More than 120,000 criminal aliens were removed last year.',
    '- The Department hired 2,500 new officers in six months.',
    '- Some 40 states joined.',
    extra,
    '',
  ].join('\n');
}

/** An announceable document published at `publishedAt`, version "v1" unless said. */
export function announceable(
  id: string,
  title: string,
  publishedAt: number,
  options: Partial<Announceable> = {},
): Announceable {
  const date = new Date(publishedAt).toISOString().slice(0, 10);
  const document = parseDocument(factSheet(id, title, date), { file: `${id}.md` });
  return { document: { ...document, id }, version: 'v1', updated: false, publishedAt, ...options };
}
