// The search indexes a library builds once, with the weight of each field named and explained here.
import { plainText } from '../document/text.js';
import type { Document } from '../document/types.js';
import type { Collected } from './refs.js';
import { TextIndex } from './search.js';
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
  const documentIndex = new TextIndex([{ name: 'title', weight: 1, prefix: true }], SYNONYMS);
  documents.forEach((d, i) => documentIndex.add(i, { title: d.title }));
  const sectionIndex = new TextIndex(
    [
      { name: 'title', weight: WEIGHTS.sectionTitle, prefix: true },
      { name: 'lead', weight: WEIGHTS.sectionLead },
    ],
    SYNONYMS,
  );
  parts.sections.forEach((ref, i) =>
    sectionIndex.add(i, {
      title: ref.section.title,
      lead: ref.section.lead ? readerText(ref.document, ref.section.lead.text) : '',
    }),
  );
  const statementIndex = new TextIndex([{ name: 'text', weight: 1 }], SYNONYMS);
  parts.statements.forEach((ref, i) => statementIndex.add(i, { text: readerText(ref.document, ref.point.text) }));
  for (const index of [documentIndex, sectionIndex, statementIndex]) index.prepare();
  return { documents: documentIndex, sections: sectionIndex, statements: statementIndex };
}
