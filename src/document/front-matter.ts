// Front matter: the YAML block ("---" ... "---") a Markdown fact sheet may open with, for its title, date and
// source. A block that is opened but never closed is read as text, with a warning, so nothing is lost.
import { parse as parseYaml } from 'yaml';
import { isBlank, type Line } from './lines.js';
import { collapseWhitespace } from './text.js';
import type { Warning } from './types.js';

export interface FrontMatter {
  /** Whether a closed block opens the document: only Markdown has one. */
  found: boolean;
  title: string | null;
  date: string | null;
  source: string | null;
  /** Index of the first line after the block (0 when there is none): where the body starts. */
  bodyStart: number;
  warnings: Warning[];
}

/** The fields front matter may give, each a one-line string or null. */
type Fields = Pick<FrontMatter, 'title' | 'date' | 'source'>;

const NO_FIELDS: Fields = { title: null, date: null, source: null };
const CLOSING_LINE = /^(---|\.\.\.)\s*$/;

export function readFrontMatter(lines: readonly Line[]): FrontMatter {
  const none: FrontMatter = { found: false, ...NO_FIELDS, bodyStart: 0, warnings: [] };
  const open = lines.findIndex((l) => !isBlank(l.text));
  if (open < 0 || lines[open]!.text.replace(/^\ufeff/, '').trim() !== '---') return none;
  const openLine = lines[open]!.number;
  const close = lines.findIndex((l, i) => i > open && CLOSING_LINE.test(l.text));
  if (close < 0) {
    return {
      ...none,
      warnings: [{ line: openLine, message: 'front matter opened with --- is never closed; read as text' }],
    };
  }
  const yaml = lines
    .slice(open + 1, close)
    .map((l) => l.text)
    .join('\n');
  const { fields, warnings } = readYaml(yaml, openLine);
  return { found: true, ...fields, bodyStart: close + 1, warnings };
}

/** The fields from the YAML; invalid YAML gives none, and a warning at the line it fails on. */
function readYaml(yaml: string, openLine: number): { fields: Fields; warnings: Warning[] } {
  try {
    const data: unknown = parseYaml(yaml);
    return {
      fields: data && typeof data === 'object' ? fieldsOf(data as Record<string, unknown>) : NO_FIELDS,
      warnings: [],
    };
  } catch (error) {
    const yamlLine = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    const message = `front matter is not valid YAML: ${firstLine(String((error as Error).message))}`;
    return { fields: NO_FIELDS, warnings: [{ line: openLine + yamlLine, message }] };
  }
}

function fieldsOf(record: Record<string, unknown>): Fields {
  return {
    title: stringOrNull(record.title),
    date: stringOrNull(record.date),
    // Converters name the source link differently.
    source: stringOrNull(record.source_url ?? record.source ?? record.url),
  };
}

/** YAML reads a bare date as a Date and a bare year as a number: both are kept as the text a reader expects. */
function stringOrNull(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return collapseWhitespace(String(value)) || null;
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
