// A fact sheet's page to its main content and what the page says about itself. The article body is the
// page's <main> (the topper, with the title and date repeated, and anything that is not text taken out);
// a page without one falls back to Readability's guess at the article; a page with neither, or with only
// images, has no content.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageContent {
  /** The element whose content becomes the document's body. */
  body: Element;
  title?: string;
  publishedTime?: string;
  modifiedTime?: string;
}

/** Not the fact sheet's words: the topper repeats title and date, the rest is page furniture. */
const NOT_CONTENT = [
  '.wp-block-whitehouse-topper',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'form',
  'iframe',
  'svg',
  'button',
].join(',');

/** Fewer words than this is a page with no article in it (an error page, a shell filled by scripts). */
const MIN_WORDS = 5;
export const NO_CONTENT = 'no main content';
/**
 * A page that is only pictures (an infographic): the bot answers by quoting text, and an image's alt text is
 * not the fact sheet's words, so there is nothing to serve or announce; refused by name, not kept empty.
 */
export const ONLY_IMAGES = 'only images, no text to quote,';

/** The page's content, or why it has none: no article at all, or an article of images with no text to quote. */
export function readPage(html: string): PageContent | string {
  const { document } = parseHTML(html);
  const meta = (property: string) =>
    document.querySelector(`meta[property="${property}"]`)?.getAttribute('content')?.trim() || undefined;
  const body = mainContent(document) ?? readableContent(html);
  if (!body) return NO_CONTENT;
  for (const furniture of body.querySelectorAll(NOT_CONTENT)) furniture.remove();
  if (wordCount(body.textContent ?? '') < MIN_WORDS) return body.querySelector('img') ? ONLY_IMAGES : NO_CONTENT;
  return {
    body,
    title: meta('og:title') ?? document.querySelector('title')?.textContent?.trim() ?? undefined,
    publishedTime: meta('article:published_time'),
    modifiedTime: meta('article:modified_time'),
  };
}

function mainContent(document: Document): Element | undefined {
  return document.querySelector('main') ?? document.querySelector('[role="main"]') ?? undefined;
}

/** Readability on a fresh copy (it changes the document it reads); its article's HTML in a new document. */
function readableContent(html: string): Element | undefined {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  if (!article?.content) return undefined;
  const { document: content } = parseHTML(`<!doctype html><html><body><div>${article.content}</div></body></html>`);
  return content.querySelector('body > div') ?? undefined;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\w/.test(word)).length;
}
