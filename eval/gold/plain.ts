// A plain-text view of a Markdown or text document, cut into numbered blocks (paragraphs, list items,
// headings), built without the bot's parser so that gold annotations do not depend on it. Annotators read
// `npm run gold:show -- FILE`; the eval maps the parser's spans back to these blocks through `start`/`end`.

export interface Block {
  /** 1-based block number, as annotations cite it. */
  n: number;
  /** [start, end) of the block in the source text. */
  start: number;
  end: number;
  /** The block as a reader sees it: markup removed, whitespace collapsed. */
  text: string;
}

/** Removes Markdown markup a reader does not see: emphasis, links to their text, escapes, underline tags. */
export function stripMarkup(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?u>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s])/g, '$1$2')
    .replace(/([^*_\s])[*_](?=[\s).,;:!?]|$)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!$<>"'|])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+/;
const HEADING = /^\s*#{1,6}\s/;

/** Front matter's end offset, or 0 when the text has none. */
function frontMatterEnd(text: string): number {
  if (!text.startsWith('---\n')) return 0;
  const close = text.indexOf('\n---', 4);
  if (close < 0) return 0;
  const lineEnd = text.indexOf('\n', close + 4);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

/** Markdown joins wrapped lines into one block; plain text (`.txt`) has one statement a line. */
export function plainBlocks(text: string, format: 'markdown' | 'text' = 'markdown'): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start < 0) return;
    const shown = stripMarkup(text.slice(start, end).replace(BULLET, ''));
    if (shown !== '') blocks.push({ n: blocks.length + 1, start, end, text: shown });
    start = -1;
  };
  let offset = frontMatterEnd(text);
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    if (stripMarkup(line) === '') flush();
    else {
      if (format === 'text' || BULLET.test(line) || HEADING.test(line)) flush();
      if (start < 0) start = offset;
      end = lineEnd;
      if (HEADING.test(line)) flush();
    }
    offset = lineEnd + 1;
  }
  flush();
  return blocks;
}

/** The block holding a source offset, or undefined in front matter or between blocks. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end) lo = mid + 1;
    else return block;
  }
  return undefined;
}
