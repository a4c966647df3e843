// Corpus Markdown back to a page in the publisher's shape (WordPress block markup), so the feed pipeline can be
// tried on real fact sheets: the round trip in tests/feeds/round-trip.test.ts and bench/feeds.ts. It renders
// the Markdown the corpus holds (pandoc's strict Markdown: paragraphs, "-" and "1." lists nested by indent,
// "#" headings, **bold**, *emphasis*, links, escapes, raw HTML such as tables), not Markdown at large.
import { parse as parseYaml } from 'yaml';

export interface CorpusPage {
  title: string;
  url: string;
  date: string;
  publishedTime?: string;
  modifiedTime?: string;
  /** The article body as HTML. */
  bodyHtml: string;
}

export function corpusPage(markdown: string, fallbackUrl = 'https://www.whitehouse.gov/fact-sheets/x/'): CorpusPage {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const fields = (match ? parseYaml(match[1]!) : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  return {
    title: text(fields.title) ?? 'Untitled',
    url: text(fields.source_url) ?? fallbackUrl,
    date: text(fields.date) ?? '2025-01-01',
    publishedTime: text(fields.published_time),
    modifiedTime: text(fields.modified_time),
    bodyHtml: markdownToHtml(match ? markdown.slice(match[0].length) : markdown),
  };
}

/** The whole page: head with the meta tags the publisher sets, the topper, the body in <main>. */
export function wordpressPage(page: CorpusPage, charset = 'utf-8'): string {
  const meta = (property: string, content: string | undefined) =>
    content ? `<meta property="${property}" content="${escapeAttribute(content)}" />` : '';
  return `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="${charset}" />
<title>${escapeHtml(page.title)} – The White House</title>
${meta('og:title', page.title)}
${meta('article:published_time', page.publishedTime)}
${meta('article:modified_time', page.modifiedTime)}
<script>window.dataLayer = [];</script>
</head><body class="wp-singular post-template-default">
<header class="wp-block-template-part"><nav><ul><li><a href="/news/">News</a></li><li><a href="/administration/">Administration</a></li></ul></nav></header>
<main id="wp--skip-link--target" class="wp-block-group">
<div class="wp-block-whitehouse-topper"><div class="wp-block-whitehouse-topper__content"><p><a href="/fact-sheets/" rel="tag">Fact Sheets</a></p><h1 class="wp-block-whitehouse-topper__title">${escapeHtml(page.title)}</h1><div class="wp-block-post-date"><time datetime="${page.publishedTime ?? page.date}">${page.date}</time></div></div></div>
<div class="entry-content wp-block-post-content is-layout-flow">
${page.bodyHtml}
</div>
</main>
<footer class="wp-block-template-part"><p>The White House, 1600 Pennsylvania Ave NW, Washington, DC 20500</p></footer>
</body></html>
`;
}

interface ListingItem {
  url: string;
  title: string;
  published?: string;
}

/** A listing page ("/news/", "/fact-sheets/page/2/"): each post an li.wp-block-post, the next page linked. */
export function listingPage(items: readonly ListingItem[], next?: string): string {
  const posts = items.map(
    (item) => `<li class="wp-block-post post type-post status-publish">
<div class="wp-block-group"><h2 class="wp-block-post-title has-heading-4-font-size"><a href="${escapeAttribute(item.url)}" target="_self">${escapeHtml(item.title)}</a></h2>
<div class="wp-block-group"><div class="taxonomy-category wp-block-post-terms"><a href="https://www.whitehouse.gov/fact-sheets/" rel="tag">Fact Sheets</a></div>
${item.published ? `<div class="wp-block-post-date"><time datetime="${item.published}">${item.published.slice(0, 10)}</time></div>` : ''}</div></div></li>`,
  );
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8" /><title>Fact Sheets – The White House</title>
${next ? `<link rel="next" href="${escapeAttribute(next)}" />` : ''}</head><body><main>
<ul class="wp-block-post-template is-layout-flow">${posts.join('\n')}</ul></main></body></html>`;
}

/** RSS 2.0 as the public archive writes its rss.xml: prettified, a value on its own indented line. */
export function rssFeed(items: ReadonlyArray<ListingItem & { pubDate?: string }>): string {
  const element = (name: string, value: string | undefined) =>
    value === undefined ? '' : `   <${name}>\n    ${escapeHtml(value)}\n   </${name}>\n`;
  const entries = items.map(
    (item) =>
      `  <item>\n${element('title', item.title)}${element('guid', item.url)}${element('pubDate', item.pubDate ?? item.published)}${element('link', item.url)}${element('category', 'fact-sheets')}  </item>\n`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n <channel>\n  <title>\n   The White House Briefing Room\n  </title>\n  <link>\n   https://www.whitehouse.gov/briefing-room/\n  </link>\n${entries.join('')} </channel>\n</rss>\n`;
}

/** Atom 1.0. */
export function atomFeed(items: readonly ListingItem[]): string {
  const entries = items.map(
    (item) =>
      `<entry><title type="html">${escapeHtml(item.title)}</title><link rel="alternate" type="text/html" href="${escapeAttribute(item.url)}"/><id>${escapeHtml(item.url)}</id>${item.published ? `<published>${item.published}</published><updated>${item.published}</updated>` : ''}</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Fact Sheets</title><id>urn:fact-sheets</id><updated>2026-01-01T00:00:00Z</updated>${entries.join('')}</feed>\n`;
}

// --- Markdown blocks -------------------------------------------------------------------------------------

/**
 * A mark, then text: a mark alone before a hard break is text ("2022.  " ending a wrapped item, "*  " opening
 * pandoc's "<em><br>Words</em>"), as pandoc never writes an empty item and the parser reads it as text.
 */
const LIST_ITEM = /^( *)([-*+]|\d+[.)])( +)([^ ].*)$/;

function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
    } else if (/^\s*</.test(line) && !/^\s*<(u|span|b|i|em|strong|a|sup|sub)\b/i.test(line)) {
      const end = blockEnd(lines, i);
      html.push(lines.slice(i, end).join('\n'));
      i = end;
    } else if (/^#{1,6}\s/.test(line)) {
      const level = /^#+/.exec(line)![0].length;
      html.push(
        `<h${level} class="wp-block-heading">${inline(line.replace(/^#+\s*/, '').replace(/\s#+\s*$/, ''))}</h${level}>`,
      );
      i++;
    } else if (LIST_ITEM.test(line)) {
      const { html: list, end } = renderList(lines, i, indentOf(line));
      html.push(list);
      i = end;
    } else {
      const end = blockEnd(lines, i);
      html.push(`<p>${paragraph(lines.slice(i, end))}</p>`);
      i = end;
    }
  }
  return html.join('\n');
}

/** A paragraph or raw block runs to the next blank line (or to a list that starts under it). */
function blockEnd(lines: readonly string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && lines[end]!.trim() && !interruptsParagraph(lines[end]!)) end++;
  return end;
}

/**
 * A list starts under a paragraph with a bullet and some text, or at "1.": a wrapped line that happens to start
 * with "2)" or a lone "*" (the end of emphasis broken across a hard break) carries the paragraph on.
 */
function interruptsParagraph(line: string): boolean {
  const match = LIST_ITEM.exec(line);
  if (!match || !match[4]!.trim()) return false;
  return /^[-*+]$|^1[.)]$/.test(match[2]!);
}

/** A list at `indent`: its items, their continuation lines and nested lists; pandoc's "<!-- -->" between. */
function renderList(lines: readonly string[], start: number, indent: number): { html: string; end: number } {
  const ordered = /^\s*\d/.test(lines[start]!);
  const items: string[] = [];
  let i = start;
  while (i < lines.length) {
    const match = LIST_ITEM.exec(lines[i]!);
    if (!match || match[1]!.length !== indent) break;
    const contentIndent = indent + match[2]!.length + match[3]!.length;
    const item = renderItem(lines, i, contentIndent, match[4]!);
    items.push(item.html);
    i = nextItem(lines, item.end, indent);
  }
  const tag = ordered ? 'ol' : 'ul';
  return { html: `<${tag} class="wp-block-list">${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`, end: i };
}

function renderItem(
  lines: readonly string[],
  start: number,
  contentIndent: number,
  first: string,
): { html: string; end: number } {
  const text = [first];
  const parts: string[] = [];
  let loose = false;
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      if (i + 1 < lines.length && indentOf(lines[i + 1]!) >= contentIndent && lines[i + 1]!.trim()) {
        // A blank line inside the item: the text after it is a paragraph of its own, as on the site.
        flush(text, parts);
        loose = true;
        i++;
        continue;
      }
      break;
    }
    if (indentOf(line) < contentIndent && !(!LIST_ITEM.test(line) && text.length && indentOf(line) > 0)) break;
    if (LIST_ITEM.test(line) && indentOf(line) >= contentIndent) {
      flush(text, parts);
      const nested = renderList(lines, i, indentOf(line));
      parts.push(nested.html);
      i = nested.end;
      continue;
    }
    if (/^\s*<!--/.test(line)) {
      i++;
      continue;
    }
    text.push(line.trim());
    i++;
  }
  flush(text, parts);
  const nested = /^<[ou]l class="wp-block-list">/;
  const html = loose ? parts.map((part) => (nested.test(part) ? part : `<p>${part}</p>`)) : parts;
  return { html: html.join(''), end: i };
}

function flush(text: string[], parts: string[]): void {
  if (text.length) parts.push(paragraph(text));
  text.length = 0;
}

/** After an item: blank lines and pandoc's "<!-- -->" separators until the next item of the same list. */
function nextItem(lines: readonly string[], from: number, indent: number): number {
  let i = from;
  while (i < lines.length && (!lines[i]!.trim() || /^\s*<!--.*-->\s*$/.test(lines[i]!))) i++;
  const match = i < lines.length ? LIST_ITEM.exec(lines[i]!) : null;
  return match && match[1]!.length === indent ? i : from;
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** Lines of one paragraph: a line ending in two spaces (or a backslash) is a hard break. */
function paragraph(lines: readonly string[]): string {
  const joined = lines
    .map((line, n) => {
      const last = n === lines.length - 1;
      const hard = !last && (/ {2,}$/.test(line) || /\\$/.test(line));
      return line.trim().replace(/\\$/, '') + (hard ? '\uE002' : last ? '' : '\n');
    })
    .join('');
  return inline(joined).replace(/\uE002/g, '<br>');
}

// --- Inline markup ---------------------------------------------------------------------------------------

const ESCAPED = /\\([\\`*_{}[\]()#+\-.!$|>~"'<&])/g;

function inline(text: string): string {
  const literals: string[] = [];
  const hold = (html: string) => `\uE000${literals.push(html) - 1}\uE001`;
  let out = text.replace(ESCAPED, (_m, c: string) => hold(escapeHtml(c)));
  out = out.replace(/<\/?[a-zA-Z][^<>]*>/g, (tag) => hold(tag));
  out = out.replace(/&(#?\w+);/g, (entity) => hold(entity));
  out = escapeHtml(out);
  out = out.replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, label: string, href: string) =>
    hold(`<a href="${href}">${emphasis(label)}</a>`),
  );
  out = emphasis(out);
  for (let round = 0; round < 3 && out.includes('\uE000'); round++) {
    out = out.replace(/\uE000(\d+)\uE001/g, (_m, n: string) => literals[Number(n)]!);
  }
  return out;
}

/**
 * Asterisk runs toggle emphasis in the order they come, as pandoc wrote them from the site's tags: "** **" is the
 * site's "<strong> </strong>", "****" an empty <strong>, "*** ***" both around a space, and a space may stand
 * inside a delimiter ("** clear rules**"). A run left open at the end was never the site's tag: it shows nothing,
 * as the parser reads it.
 */
function emphasis(text: string): string {
  const open = { em: -1, strong: -1 };
  const pieces: string[] = [];
  const toggle = (tag: 'em' | 'strong') => {
    pieces.push(open[tag] < 0 ? `<${tag}>` : `</${tag}>`);
    open[tag] = open[tag] < 0 ? pieces.length - 1 : -1;
  };
  for (const part of text.split(/(\*+)/)) {
    if (!part.startsWith('*')) {
      pieces.push(part);
      continue;
    }
    const strongs = Math.floor(part.length / 2);
    for (let n = 0; n < strongs; n++) toggle('strong');
    if (part.length % 2) toggle('em');
  }
  for (const unclosed of [open.em, open.strong]) if (unclosed >= 0) pieces[unclosed] = '';
  return pieces.join('').replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
