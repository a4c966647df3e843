// Text -> Document. Pure: no I/O. Every span points into the text exactly as given (BOM and CRLF included).
// The parse runs in phases, each its own module: lines and front matter, the format, the preamble (title,
// date, epigraph), the body (sections and statements), then sentences and figures.
import { readBody } from './body.js';
import { placeFigures } from './figure-placement.js';
import { headingFigures, inReadingOrder } from './heading-figures.js';
import { chooseFormat } from './formats/index.js';
import { readFrontMatter } from './front-matter.js';
import { looksWrapped, splitLines, wrapWidth, type Body } from './lines.js';
import { readPreamble } from './preamble.js';
import { shapeWarnings, statementsOf } from './sections.js';
import { splitSentences } from './sentences.js';
import { boundedTitle, slugify, titleCase } from './text.js';
import type { Document, SectionDraft } from './types.js';

export interface ParseOptions {
  /** File name, for the id, the fallback title and the format. */
  file: string;
}

export function parseDocument(text: string, { file }: ParseOptions): Document {
  const lines = splitLines(text);
  const frontMatter = readFrontMatter(lines);
  const format = chooseFormat({ file, frontMatter: frontMatter.found });
  const bodyLines = lines.slice(frontMatter.bodyStart);
  const body: Body = { text, lines: bodyLines, wrapped: looksWrapped(bodyLines), width: wrapWidth(bodyLines) };
  const preamble = readPreamble(body);
  const { sections, warnings } = readBody(body, preamble.end, format);
  addSentences(text, sections);
  return {
    id: slugify(baseName(file), 'document'),
    file,
    format: format.name,
    // Front matter says it best; the title line comes next, the file name last.
    title: boundedTitle(frontMatter.title ?? preamble.title ?? titleFromFileName(file)),
    source: frontMatter.source,
    date: frontMatter.date ?? preamble.date,
    epigraph: preamble.epigraph,
    sections,
    figures: inReadingOrder(headingFigures(text, sections), placeFigures(text, sections)),
    // Sorting is stable: warnings on one line keep the order the phases found them in.
    warnings: [...frontMatter.warnings, ...warnings, ...shapeWarnings(sections)].sort((a, b) => a.line - b.line),
    text,
  };
}

/** Each statement's sentences: quotes and figures are cut along them. */
function addSentences(text: string, sections: readonly SectionDraft[]): void {
  for (const section of sections) {
    for (const point of statementsOf(section)) point.sentences = splitSentences(text, point.span[0], point.span[1]);
  }
}

/** The file name without its folder or extension. */
function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** "03_border-security.txt" -> "Border Security": a file-name title drops a leading number. */
function titleFromFileName(file: string): string {
  const base = baseName(file).replace(/^\d+[_-]/, '');
  return titleCase(base.replace(/[-_]+/g, ' ').toUpperCase()) || 'Untitled';
}
