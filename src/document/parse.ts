// Text -> Document. Pure: no I/O. Every span points into the text exactly as given (BOM and CRLF included).
import { findFigures } from './figures.js';
import { chooseFormat } from './formats/index.js';
import { readFrontMatter } from './front-matter.js';
import { readPreamble } from './preamble.js';
import { headingAt, wrappedHeadingAt, type Heading } from './headings.js';
import { BULLET, isBlank, looksWrapped, splitLines, type Body, type Line } from './lines.js';
import { splitSentences } from './sentences.js';
import { plainText, slugify, titleCase } from './text.js';
import type { Document, Figure, Point, Section, Warning } from './types.js';

const CLOSING_MARK = /^\s*(?:\\?#\s*\\?#\s*\\?#|-\s*30\s*-|\*\s*\*\s*\*|-{3,}|_{3,}|\*{3,})\s*$/;
const HTML_LINE = /^\s*<\/?(?:!--|[a-zA-Z][\w-]*(?:\s[^>]*)?\/?>?)/;
const TERMINAL = /[.!?:;"”’)\]*_]\s*$/;

export interface ParseOptions {
  /** File name, for the id, the fallback title and the format. */
  file: string;
}

export function parseDocument(text: string, { file }: ParseOptions): Document {
  const lines = splitLines(text);
  const frontMatter = readFrontMatter(lines);
  const warnings: Warning[] = [...frontMatter.warnings];
  const meta = { title: frontMatter.title, date: frontMatter.date, source: frontMatter.source };
  const format = chooseFormat({ file, frontMatter: frontMatter.found });

  const body = lines.slice(frontMatter.bodyStart);
  const wrapped = looksWrapped(body);
  const page: Body = { text, lines: body, wrapped };

  const preamble = readPreamble(page);
  meta.title ??= preamble.title;
  meta.date ??= preamble.date;
  const epigraph = preamble.epigraph;
  let index = preamble.end;

  // Sections and their statements.
  const sections: Section[] = [];
  const usedIds = new Map<string, number>();
  let current: Section | null = null;
  let group = 0;
  let sawBlank = false;
  let open: { point: Point; indent: number; bullet: boolean } | null = null;
  const htmlLines: number[] = [];

  const startSection = (heading: Heading | null, line: Line): Section => {
    const title = heading ? titleCase(plainText(heading.heading, true)) : 'Overview';
    const base = heading ? slugify(title, 'section') : 'overview';
    const seen = usedIds.get(base) ?? 0;
    usedIds.set(base, seen + 1);
    if (seen > 0 && heading)
      warnings.push({
        line: line.number,
        message: `duplicate heading "${title}": its section id is ${base}-${seen + 1}`,
      });
    const section: Section = {
      id: seen ? `${base}-${seen + 1}` : base,
      number: sections.length + 1,
      heading: heading ? heading.heading : null,
      headingSpan: heading ? heading.headingSpan : null,
      title,
      lead: null,
      points: [],
      line: line.number,
    };
    sections.push(section);
    group = 0;
    sawBlank = false;
    return section;
  };

  const addPoint = (
    section: Section,
    start: number,
    end: number,
    line: Line,
    depth: number,
    isLead: boolean,
  ): Point | null => {
    const span = format.trimStatement(text, [start, end]);
    if (span[1] <= span[0] || !/[\p{L}\p{N}]/u.test(text.slice(span[0], span[1]))) return null;
    if (!isLead && sawBlank && section.points.length > 0) group++;
    sawBlank = false;
    const point: Point = {
      id: isLead ? `${section.id}-lead` : `${section.id}-${section.points.length + 1}`,
      text: text.slice(span[0], span[1]),
      span,
      line: line.number,
      group: isLead ? -1 : group,
      depth,
      sentences: [],
    };
    if (isLead) section.lead = point;
    else section.points.push(point);
    return point;
  };

  const extend = (point: Point, end: number): void => {
    const span = format.trimStatement(text, [point.span[0], end]);
    point.span = span;
    point.text = text.slice(span[0], span[1]);
  };

  for (; index < body.length; index++) {
    const line = body[index]!;
    if (isBlank(line.text)) {
      sawBlank = true;
      if (open && !open.bullet) open = null;
      continue;
    }
    if (CLOSING_MARK.test(line.text)) {
      open = null;
      continue;
    }
    if (HTML_LINE.test(line.text)) {
      if (!/^\s*<!--.*-->\s*$/.test(line.text)) htmlLines.push(line.number);
      continue;
    }
    let heading = wrappedHeadingAt(page, index);
    if (heading) index++;
    else heading = headingAt(page, index);
    if (heading) {
      current = startSection(heading, line);
      open = null;
      if (heading.leadStart !== null) {
        const lead = addPoint(current, heading.leadStart, body[index]!.end, line, 0, true);
        if (lead) open = { point: lead, indent: 0, bullet: false };
      }
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(line.text)) {
      if (/^[\s*_#\\>|:-]*$/.test(line.text)) continue; // stray Markdown markup
      warnings.push({
        line: line.number,
        message: `line ${line.number} could not be placed: it holds no text (${JSON.stringify(line.text.trim().slice(0, 20))})`,
      });
      continue;
    }
    current ??= startSection(null, line);
    const bullet = BULLET.exec(line.text);
    const indent = /^[ \t]*/.exec(line.text)![0].replace(/\t/g, '    ').length;
    if (bullet) {
      const depth = Math.min(3, Math.floor(indent / 2) > 0 ? Math.max(1, Math.floor(indent / 4)) : 0);
      const point = addPoint(current, line.start + bullet[0].length, line.end, line, depth, false);
      open = point ? { point, indent, bullet: true } : null;
      continue;
    }
    const previousLine = body[index - 1];
    const continues =
      open &&
      previousLine &&
      (open.bullet ? indent > open.indent || !isBlank(previousLine.text) : !isBlank(previousLine.text)) &&
      !/(?: {2}|\\)$/.test(previousLine.text) &&
      (wrapped ||
        (open.bullet && indent > open.indent) ||
        (!TERMINAL.test(previousLine.text) && /^\s*[a-z0-9(]/.test(line.text)));
    if (continues && open) {
      extend(open.point, line.end);
      continue;
    }
    const point = addPoint(current, line.start, line.end, line, 0, false);
    open = point ? { point, indent, bullet: false } : null;
  }

  if (htmlLines.length > 0) {
    warnings.push({
      line: htmlLines[0]!,
      message: `${htmlLines.length} line(s) of HTML skipped (tables, images), the first at line ${htmlLines[0]}`,
    });
  }
  if (sections.length === 0) {
    warnings.push({ line: 1, message: 'no statements found: the document is empty' });
  } else if (sections.every((s) => s.heading === null)) {
    warnings.push({
      line: sections[0]!.line,
      message: 'no headings found: the whole document is served as one section',
    });
  }
  for (const section of sections) {
    if (section.heading !== null && !section.lead && section.points.length === 0) {
      warnings.push({ line: section.line, message: `heading "${section.title}" has nothing under it` });
    }
  }

  warnings.sort((a, b) => a.line - b.line);

  // Sentences and figures.
  const figures: Figure[] = [];
  for (const section of sections) {
    for (const point of section.lead ? [section.lead, ...section.points] : section.points) {
      point.sentences = splitSentences(text, point.span[0], point.span[1]);
      let n = 0;
      for (const sentence of point.sentences) {
        for (const found of findFigures(text, sentence[0], sentence[1])) {
          n++;
          figures.push({
            id: `${point.id}-f${n}`,
            text: text.slice(found.span[0], found.span[1]),
            ...found,
            sectionId: section.id,
            pointId: point.id,
            sentenceSpan: sentence,
          });
        }
      }
    }
  }

  const id = slugify(file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), 'document');
  return {
    id,
    file,
    format: format.name,
    title: meta.title ?? titleFromFileName(file),
    source: meta.source,
    date: meta.date,
    epigraph,
    sections,
    figures,
    warnings,
    text,
  };
}

function titleFromFileName(file: string): string {
  const base = file
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/^\d+[_-]/, '');
  return titleCase(base.replace(/[-_]+/g, ' ').toUpperCase()) || 'Untitled';
}
