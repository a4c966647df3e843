// Links to the exact sentence: each text fragment, decoded, matches the sentence as a browser shows the page
// (markup removed, whitespace collapsed), and is encoded as the text-fragments spec wants.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import type { Document, Span } from '../../src/document/types.js';
import {
  attribution,
  citation,
  encodeDirectiveText,
  fileAndLine,
  linkTo,
  textDirective,
} from '../../src/render/source.js';
import { CORPUS_FIXTURES } from '../support/corpus-fixtures.js';
import { loadSeed, ROOT } from '../support/documents.js';

/** The page as a reader's browser shows it: written here apart from the bot's own plainText, to check it. */
function asBrowserShows(markdown: string): string {
  const entities: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', rsquo: '’', ldquo: '“', rdquo: '”' };
  // An escaped character is text; a private-use stand-in keeps it apart from emphasis until the end.
  const escaped: string[] = [];
  return (
    markdown
      .replace(/\\([^\sA-Za-z0-9])/g, (_m, c: string) => `\ue000${escaped.push(c) - 1}\ue001`)
      .replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
      // A sentence may start inside a link (after "[" alone on the line above): the page shows its words only.
      .replace(/^([^[\]]*)\]\([^)]*\)/, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/&(\w+);/g, (m, name: string) => entities[name] ?? m)
      .replace(/\*+|_{2,}/g, '')
      .replace(/\ue000(\d+)\ue001/g, (_m, i: string) => escaped[Number(i)]!)
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
  );
}

function load(path: string): Document {
  return parseDocument(readFileSync(path, 'utf8'), { file: path.replace(/^.*\//, '') });
}

/** Every statement and every figure's sentence of a document: what answers quote. */
function quotedSpans(document: Document): Span[] {
  const statements = document.sections.flatMap((s) => (s.lead ? [s.lead, ...s.points] : s.points)).map((p) => p.span);
  return [...statements, ...document.figures.map((f) => f.sentenceSpan)];
}

/** What is wrong with the link to one quoted span; null when it is right. */
function fragmentProblem(document: Document, span: Span): string | null {
  const link = linkTo(document, span);
  if (!link) return 'no link';
  // A statement with no words a browser shows (an image, a table) links to the page itself.
  if (!asBrowserShows(document.text.slice(span[0], span[1]))) return link === document.source ? null : link;
  const directive = link.split('#:~:text=')[1];
  if (directive === undefined) return `no text directive in ${link}`;
  const parts = directive.split(',');
  if (parts.some((p) => /[^A-Za-z0-9%]/.test(p))) return `unencoded characters in ${directive}`;
  const [start, end] = parts.map(decodeURIComponent);
  const sentence = asBrowserShows(document.text.slice(span[0], span[1]));
  if (parts.length === 1) return start === sentence ? null : `"${start}" is not "${sentence}"`;
  if (parts.length !== 2) return `${parts.length} parts in ${directive}`;
  if (!sentence.startsWith(start!) || !sentence.endsWith(end!)) return `"${start}…${end}" does not frame "${sentence}"`;
  // Whole words at both ends, and the two ends apart: a browser matches words, from start to end.
  const afterStart = sentence[start!.length];
  const beforeEnd = sentence[sentence.length - end!.length - 1];
  if (afterStart !== ' ' || beforeEnd !== ' ') return `"${start}" or "${end}" cuts a word of "${sentence}"`;
  return start!.length + end!.length < sentence.length ? null : `the ends overlap in "${sentence}"`;
}

function problemsOf(documents: Document[]): string[] {
  return documents.flatMap((document) =>
    quotedSpans(document).flatMap((span) => {
      const problem = fragmentProblem(document, span);
      return problem ? [`${document.file}: ${problem}`] : [];
    }),
  );
}

const fixtures = [
  ...CORPUS_FIXTURES.filter((f) => f.endsWith('.md')).map((f) => load(`${ROOT}tests/fixtures/corpus/${f}`)),
  ...['qatar-boeing.md', 'tariffs.md'].map((f) => load(`${ROOT}tests/fixtures/stat/${f}`)),
];

describe('links to the exact sentence', () => {
  it('decode, for every quoted sentence of the fixtures, to the sentence as the page shows it', () => {
    expect(fixtures.every((d) => d.source?.startsWith('https://'))).toBe(true);
    expect(problemsOf(fixtures)).toEqual([]);
  });

  it('match a short sentence whole and a long one by its first and last words', () => {
    expect(textDirective('Apprehensions have declined for 8 consecutive months.')).toBe(
      'text=Apprehensions%20have%20declined%20for%208%20consecutive%20months%2E',
    );
    expect(textDirective('one two three four five six seven eight nine ten eleven twelve')).toBe(
      'text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve',
    );
  });

  it('escape the characters the directive and Markdown links use: "-", ",", "&", parentheses, spaces', () => {
    expect(encodeDirectiveText('a-b, c&d (e) f’')).toBe('a%2Db%2C%20c%26d%20%28e%29%20f%E2%80%99');
  });

  it('say where a quote stands when the document has no address: file name and line', () => {
    const seed = loadSeed();
    const point = seed.sections[1]!.points[2]!;
    expect(linkTo(seed, point.span)).toBeNull();
    expect(fileAndLine(seed, point.span)).toBe('border-security-and-immigration.txt, line 23');
    expect(attribution('Saving American Lives', seed, point.span)).toBe(
      '— *Saving American Lives* · border-security-and-immigration.txt, line 23',
    );
  });

  it('give a citation ready to paste: sentence, title, date, address with the fragment', () => {
    const [mortgage] = fixtures;
    const figure = mortgage!.figures[0]!;
    const text = citation(mortgage!, figure.sentenceSpan);
    expect(text).toMatch(
      /^“.+” — Fact Sheet: President Donald J\. Trump Promotes Access to Mortgage Credit, 2026-03-13\. https:\/\/www\.whitehouse\.gov\/fact-sheets\/2026\/03\/fact-sheet-president-donald-j-trump-promotes-access-to-mortgage-credit\/#:~:text=\S+$/,
    );
    expect(citation(loadSeed(), loadSeed().sections[0]!.points[0]!.span)).toBe(
      '“President Trump has taken action to end catch and release and stop the surge of migrants flooding to our border.” — Border Security and Immigration, undated. border-security-and-immigration.txt, line 5',
    );
  });
});

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) console.log(`text fragments on the corpus skipped: ${CORPUS} is not here`);

/** Every tenth Markdown file of the corpus: real layouts, in a few seconds. */
function corpusSample(dir: string, every = 10): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'README.md') continue;
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(dir);
  return files.filter((_, i) => i % every === 0);
}

describe.skipIf(!corpusPresent)('links to the exact sentence on the real corpus', () => {
  it('decode to the sentence for every statement and figure of a tenth of the corpus', () => {
    const documents = corpusSample(CORPUS).map(load);
    expect(documents.length).toBeGreaterThan(100);
    expect(problemsOf(documents)).toEqual([]);
  });
});
