import type { Span } from './types.js';

// A period after one of these does not end a sentence ("Donald J. Trump", "U.S. Army", "voter I.D. laws").
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'adm',
  'hon',
  'no',
  'nos',
  'sec',
  'secs',
  'vs',
  'v',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'dept',
  'reg',
  'approx',
  'est',
  'fig',
  'art',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'd.c',
  'i.d',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'e.o',
  'h.r',
  's',
  'pub',
  'l',
  'stat',
  'c.f.r',
  'u.s.c',
  'ph.d',
]);

/**
 * Splits `source.slice(start, end)` into sentence spans (absolute offsets, trimmed of surrounding space).
 * A sentence ends at . ! or ? (and any closing quotes or brackets) followed by space and a capital, a digit
 * or an opening quote, unless the word before the period is a known abbreviation or a single capital.
 */
export function splitSentences(source: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]['"’”)\]*_]*(?=[\s\u00a0]+['"‘“(*_]*[A-Z0-9$])/g;
  const text = source.slice(start, end);
  let sentenceStart = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (text[match.index] === '.') {
      const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, match.index - 12), match.index));
      const word = before?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /^([a-z]\.)+[a-z]$/i.test(word)) continue;
      // "86 Fed. Reg. 1279": a citation of the Federal Register, its volume and page, is no sentence's end.
      if (word === 'fed' && /^\.\s+Reg\b/.test(text.slice(match.index, match.index + 8))) continue;
    }
    const stop = match.index + match[0].length;
    pushTrimmed(spans, source, start + sentenceStart, start + stop);
    sentenceStart = stop;
  }
  pushTrimmed(spans, source, start + sentenceStart, end);
  return spans;
}

function pushTrimmed(spans: Span[], source: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /[\s\u00a0]/.test(source[s]!)) s++;
  while (e > s && /[\s\u00a0]/.test(source[e - 1]!)) e--;
  if (e > s) spans.push([s, e]);
}
