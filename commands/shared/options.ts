// Options several commands declare the same way, and the lookups behind them.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Document } from '../../src/document/types.js';
import type { Library } from '../../src/library/library.js';
import { documentNotFound } from '../../src/render/document.js';
import type { Reply } from '../../src/render/reply.js';

/** The `document` option every command takes first (after required ones); autocomplete on titles. */
export const documentOption = {
  type: ApplicationCommandOptionType.String,
  description: 'Only this document (when several are served)',
  autocomplete: true,
  maxLength: 200,
} as const;

export const privateOption = {
  type: ApplicationCommandOptionType.Boolean,
  description: 'Only you see the reply',
} as const;

/**
 * The document chosen with the `document` option: null when none was given (search them all), or a
 * not-found reply listing the documents.
 */
export function chosenDocument(
  library: Library,
  wanted: string | undefined,
): { document: Document | null; notFound: Reply | null } {
  if (!wanted) return { document: null, notFound: null };
  const document = library.lookup.document(wanted) ?? library.search.documents(wanted)[0] ?? null;
  return document ? { document, notFound: null } : { document: null, notFound: documentNotFound(library, wanted) };
}

/** Document titles for autocomplete. */
export function documentChoices(library: Library, typed: string): Array<{ name: string; value: string }> {
  const documents = typed.trim() ? library.search.documents(typed) : library.documents;
  return documents.map((d) => ({ name: d.title, value: d.id }));
}
