// Finding a section by what a user typed: /section and /quote both take one. In order: its number ("2",
// "section 2"), its id or exact title, the closest titles (typos allowed), and, when no title matches, the
// section whose statements hold the words ("wall" finds the section about the border wall). A name several
// documents share ("Overview") finds them all, for the user to choose from.
import type { Document } from '../../src/document/types.js';
import { newerFirst } from '../../src/library/dates.js';
import type { Library, SectionRef } from '../../src/library/library.js';
import { choices } from '../../src/render/reply.js';

export type SectionMatch =
  | { kind: 'one'; ref: SectionRef; byContent: boolean }
  | { kind: 'several'; refs: readonly SectionRef[] }
  | { kind: 'none' };

const SECTION_NUMBER = /^(?:(?:section|sec\.?|§|#|no\.?)\s*)?(\d{1,4})$/i;

/** One section, or the choice between several in different documents (newest first). */
function oneOrSeveral(refs: readonly SectionRef[]): SectionMatch {
  if (refs.length === 0) return { kind: 'none' };
  const documents = new Set(refs.map((r) => r.document));
  if (documents.size === 1) return { kind: 'one', ref: refs[0]!, byContent: false };
  const sorted = refs
    .map((ref, order) => ({ ref, order }))
    .sort((a, b) => newerFirst(a.ref.document, b.ref.document) || a.order - b.order)
    .map(({ ref }) => ref);
  return { kind: 'several', refs: sorted };
}

/** "2" or "section 2": the second section of each document in scope. */
function byNumber(library: Library, query: string, document: Document | null): SectionMatch {
  const number = SECTION_NUMBER.exec(query.trim())?.[1];
  if (number === undefined) return { kind: 'none' };
  const wanted = Number(number);
  return oneOrSeveral(library.parts(document?.id).sections.filter((ref) => ref.section.number === wanted));
}

/** A section's id or title typed in full ("Overview", "saving-american-lives"), or "document/section". */
function byName(library: Library, query: string, document: Document | null): SectionMatch {
  const key = query.trim().toLowerCase();
  const named = library
    .parts(document?.id)
    .sections.filter((ref) => ref.section.title.toLowerCase() === key || ref.section.id === key);
  if (named.length > 0) return oneOrSeveral(named);
  const keyed = library.lookup.section(query, document?.id);
  return keyed ? { kind: 'one', ref: keyed, byContent: false } : { kind: 'none' };
}

/** The closest titles; the best one's title shared by sections of several documents is a choice. */
function byTitle(library: Library, query: string, document: Document | null): SectionMatch {
  const [best, ...rest] = library.search.sections(query, document?.id);
  if (!best) return { kind: 'none' };
  const title = best.section.title.toLowerCase();
  return oneOrSeveral([best, ...rest.filter((ref) => ref.section.title.toLowerCase() === title)]);
}

/** No title matches: the section holding the statement that best matches the words. */
function byContent(library: Library, query: string, document: Document | null): SectionMatch {
  const [best] = library.search.statements(query, { documentId: document?.id });
  if (!best) return { kind: 'none' };
  const ref = library.parts(best.document.id).sections.find((r) => r.section === best.section);
  return ref ? { kind: 'one', ref, byContent: true } : { kind: 'none' };
}

/** The section (or sections to choose from) a user's words name. */
export function lookUpSection(library: Library, query: string, document: Document | null): SectionMatch {
  // A number names a section by its place or nothing: "7" in a document of three sections is not a search.
  if (SECTION_NUMBER.test(query.trim())) return byNumber(library, query, document);
  for (const find of [byName, byTitle, byContent]) {
    const match = find(library, query, document);
    if (match.kind !== 'none') return match;
  }
  return { kind: 'none' };
}

/** One section for the words: the newest when several share a name. */
export function resolveSection(library: Library, query: string, document: Document | null): SectionRef | null {
  const match = lookUpSection(library, query, document);
  return match.kind === 'one' ? match.ref : match.kind === 'several' ? match.refs[0]! : null;
}

/** Section titles for autocomplete: all of them (first 25) when nothing is typed, else the best matches. */
export function sectionChoices(library: Library, typed: string, document: Document | null) {
  const refs = typed.trim() ? library.search.sections(typed, document?.id) : library.parts(document?.id).sections;
  const label = (ref: SectionRef) =>
    library.documents.length > 1 && !document ? `${ref.section.title} — ${ref.document.title}` : ref.section.title;
  return choices(refs.slice(0, 25).map((ref) => ({ name: label(ref), value: library.lookup.sectionKey(ref) })));
}
