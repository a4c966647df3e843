// Trimming a span to the words it quotes. Spans only ever shrink, so a quote stays verbatim source text.
import type { Span } from './types.js';

const SPACE = /[\s\u00a0\u200b]/;
const BOLD_MARK = /\*\*/g;

/** Shrinks a span past the whitespace (no-break and zero-width spaces included) at either end. */
export function trimSpace(text: string, [start, end]: Span): Span {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * Shrinks a span past whitespace and the Markdown left at its edges: a hard-break backslash, a trailing
 * "&nbsp;", and bold opened or closed outside the span ("**Today," / "legislation.**"). Each cut may uncover
 * more, so it repeats until nothing comes off.
 */
export function trimMarkup(text: string, span: Span): Span {
  let current = span;
  for (;;) {
    const next = trimMarkupOnce(text, trimSpace(text, current));
    if (next[0] === current[0] && next[1] === current[1]) return next;
    current = next;
  }
}

function trimMarkupOnce(text: string, [start, end]: Span): Span {
  let s = start;
  let e = end;
  if (text[e - 1] === '\\') e--;
  if (text.startsWith('&nbsp;', e - 6) && e - 6 >= s) e -= 6;
  // An odd number of "**" means one of them pairs with a mark outside the span.
  const inner = text.slice(s, e);
  const marks = (inner.match(BOLD_MARK) ?? []).length;
  if (marks % 2 === 1) {
    if (inner.startsWith('**')) s += 2;
    else if (inner.endsWith('**')) e -= 2;
  }
  return [s, e];
}
