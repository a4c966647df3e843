// The one shape of every "not found" answer: what was not found, in which document, a suggestion, and what
// to try instead. Private to the person who asked, in the notice colour.
import type { APIEmbed } from 'discord-api-types/v10';
import { COLORS } from './reply.js';
import { escapeUserText, truncate } from './text.js';

export interface NotFound {
  /** The embed title: "Section not found". */
  title: string;
  /** What was looked for, in the sentence "No … matches": "section", "figure". */
  what: string;
  query: string;
  /** The document the search was limited to, if any. */
  within?: string | null;
  /** The closest thing the documents do have, escaped for Discord by the caller. */
  suggestion?: string | null;
  /** Lines after a blank line: a list to choose from, what to try instead. */
  more?: string[];
}

export function notFoundEmbed({ title, what, query, within, suggestion, more = [] }: NotFound): APIEmbed {
  const where = within ? ` in ${escapeUserText(within)}` : '';
  const lines = [`No ${what} matches “${escapeUserText(truncate(query, 200))}”${where}.`];
  if (suggestion) lines.push(`Did you mean **${suggestion}**?`);
  if (more.length > 0) lines.push('', ...more);
  return { title, description: lines.join('\n'), color: COLORS.notice };
}
