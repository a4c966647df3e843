// Finding a section by what a user typed: /section and /quote both take one.
import type { Document } from '../../src/document/types.js';
import type { Library, SectionRef } from '../../src/library/library.js';
import { choices } from '../../src/render/reply.js';

/** A section by its id or exact title (what autocomplete sends), else the best search match. */
export function resolveSection(library: Library, query: string, document: Document | null): SectionRef | null {
  return library.sectionById(query, document?.id) ?? library.findSections(query, document?.id)[0] ?? null;
}

/** Section titles for autocomplete: all of them (first 25) when nothing is typed, else the best matches. */
export function sectionChoices(library: Library, typed: string, document: Document | null) {
  const refs = typed.trim() ? library.findSections(typed, document?.id) : library.parts(document?.id).sections;
  const label = (ref: SectionRef) =>
    library.documents.length > 1 && !document ? `${ref.section.title} — ${ref.document.title}` : ref.section.title;
  return choices(refs.slice(0, 25).map((ref) => ({ name: label(ref), value: library.sectionKey(ref) })));
}
