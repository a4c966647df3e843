// The main content's HTML to the Markdown the parser reads (src/document/formats/markdown.ts): "-" bullets with
// nested ones indented, **bold** leads, inline links, "#" headings; tables kept as HTML, which the parser
// skips as it skips the tables in the corpus. docs/libraries.md says why turndown.
import TurndownService from 'turndown';

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  emDelimiter: '*',
  strongDelimiter: '**',
  codeBlockStyle: 'fenced',
  hr: '* * *',
});
turndown.addRule('table', {
  filter: 'table',
  replacement: (_content, node) => `\n\n${tableLines(node.outerHTML)}\n\n`,
});
turndown.remove(['img', 'picture', 'figure', 'video', 'audio', 'head']);
// Underlined words stay as HTML, as pandoc keeps them in the corpus: "**<u>Name</u>**: text" is a lead in its
// paragraph there, where "**Name**: text" would read as a heading.
turndown.addRule('underline', { filter: 'u', replacement: (content) => `<u>${content}</u>` });

/** A table as HTML with a line for each row part and cell, as pandoc writes it: short lines, as the corpus has. */
function tableLines(html: string): string {
  return html
    .replace(/\s*(<\/?(?:table|thead|tbody|tfoot|tr|caption|colgroup|col)\b[^>]*>)\s*/gi, '\n$1\n')
    .replace(/\s*(<t[dh]\b)/gi, '\n$1')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The corpus's own width: pandoc wraps at 72 columns, and the parser reads wrapped lines as the corpus has them. */
const WIDTH = 72;

export function toMarkdown(content: Element): string {
  const markdown = turndown.turndown(content as unknown as HTMLElement);
  return finishMarkdown(markdown);
}

/** Any converter's Markdown tidied and wrapped as the corpus is (bench/feeds.ts compares converters with it). */
export function finishMarkdown(markdown: string): string {
  return wrapLines(tidy(markdown));
}

/** Each long line of text wrapped at spaces, its continuation indented under its text (past a bullet). */
function wrapLines(markdown: string): string {
  let inHtml = false;
  return markdown
    .split('\n')
    .flatMap((line) => {
      if (/^\s*<table/i.test(line)) inHtml = true;
      const keep = inHtml || line.length <= WIDTH || /^\s*(```|\||#)/.test(line);
      if (/<\/table>\s*$/i.test(line)) inHtml = false;
      return keep ? [line] : wrapLine(line);
    })
    .join('\n');
}

function wrapLine(line: string): string[] {
  const lead = /^(\s*)(?:([-*+]|\d+[.)])(\s+))?/.exec(line)!;
  const hanging = ' '.repeat(lead[0].length);
  const hardBreak = / {2}$/.test(line) ? '  ' : '';
  const words = line.slice(lead[0].length).trim().split(/ +/);
  const lines: string[] = [];
  let current = lead[0];
  for (const word of words) {
    const empty = current.trim() === '' || current === lead[0];
    if (!empty && current.length + 1 + word.length > WIDTH) {
      lines.push(current);
      current = hanging + word;
    } else current = empty ? current + word : `${current} ${word}`;
  }
  lines.push(current + hardBreak);
  return lines;
}

/** No-break spaces as plain ones, and no run of blank lines longer than one. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? '  ' : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
