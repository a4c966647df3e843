// The search indexes a library builds once, with the weight of each field named and explained here.
import { plainText } from '../document/text.js';
import type { Document } from '../document/types.js';
import type { Collected } from './refs.js';
import { TextIndex } from './search.js';
import { finish, type Steps } from './steps.js';
import { SYNONYMS } from './vocabulary.js';

/** Field weights: how much a match in each field counts against the others of the same index. */
export const WEIGHTS = {
  /** A section is found by its title far more than by its lead sentence. */
  sectionTitle: 4,
  sectionLead: 1,
} as const;

export interface Indexes {
  documents: TextIndex;
  sections: TextIndex;
  statements: TextIndex;
}

/** Words to index: Markdown loses its markup first (link targets are not words of the document). */
const readerText = (document: Document, text: string) =>
  document.format === 'markdown' ? plainText(text, true) : text;

export function buildIndexes(documents: Document[], parts: Collected): Indexes {
  return finish(indexSteps(documents, parts));
}

/** The indexes built entry by entry, yielding after each (a reload builds them in slices: see steps.ts). */
export function* indexSteps(documents: Document[], parts: Collected): Steps<Indexes> {
  const documentIndex = new TextIndex([{ name: 'title', weight: 1, prefix: true }], SYNONYMS);
  for (const [i, d] of documents.entries()) {
    documentIndex.add(i, { title: d.title });
    yield;
  }
  const sectionIndex = new TextIndex(
    [
      { name: 'title', weight: WEIGHTS.sectionTitle, prefix: true },
      { name: 'lead', weight: WEIGHTS.sectionLead },
    ],
    SYNONYMS,
  );
  for (const [i, ref] of parts.sections.entries()) {
    sectionIndex.add(i, {
      title: ref.section.title,
      lead: ref.section.lead ? readerText(ref.document, ref.section.lead.text) : '',
    });
    yield;
  }
  const statementIndex = new TextIndex([{ name: 'text', weight: 1 }], SYNONYMS);
  for (const [i, ref] of parts.statements.entries()) {
    statementIndex.add(i, { text: readerText(ref.document, ref.point.text) });
    yield;
  }
  for (const index of [documentIndex, sectionIndex, statementIndex]) yield* index.prepareSteps();
  return { documents: documentIndex, sections: sectionIndex, statements: statementIndex };
}
