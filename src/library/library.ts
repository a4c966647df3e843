// The documents being served, with their search indexes: what every command reads.
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Document, Figure, Section } from '../document/types.js';
import { plainText } from '../document/text.js';
import { DOCUMENT_EXTENSIONS, DocumentError, readDocument } from './read.js';
import { TextIndex } from './search.js';

export interface SectionRef {
  document: Document;
  section: Section;
}

export interface FigureRef {
  document: Document;
  section: Section;
  figure: Figure;
}

export interface Library {
  documents: Document[];
  sections: SectionRef[];
  figures: FigureRef[];
  findSections(query: string): SectionRef[];
  findFigures(query: string): FigureRef[];
  /** Looks a section up by its id ("saving-american-lives") or its exact title, ignoring case. */
  sectionById(id: string): SectionRef | null;
  figureById(id: string): FigureRef | null;
  /** The shortest key that finds this section again: its id, or "document/section" when ids repeat. */
  sectionKey(ref: SectionRef): string;
  figureKey(ref: FigureRef): string;
}

/** Builds the library from parsed documents: indexes built once, here. */
export function createLibrary(documents: Document[]): Library {
  const sections: SectionRef[] = documents.flatMap((document) => document.sections.map((section) => ({ document, section })));
  const sectionOf = new Map(sections.map((ref) => [`${ref.document.id}\u0000${ref.section.id}`, ref.section]));
  const figures: FigureRef[] = documents.flatMap((document) =>
    document.figures.map((figure) => ({ document, figure, section: sectionOf.get(`${document.id}\u0000${figure.sectionId}`)! })),
  );

  const sectionIndex = new TextIndex(['title', 'lead'], { title: 4, lead: 1 });
  sectionIndex.addAll(
    sections.map((ref, i) => ({
      id: String(i),
      title: ref.section.title,
      lead: ref.section.lead ? plainText(ref.section.lead.text, ref.document.format === 'markdown') : '',
    })),
  );
  const figureIndex = new TextIndex(['counts', 'figure', 'sentence', 'section'], { counts: 4, figure: 3, sentence: 1, section: 0.5 });
  figureIndex.addAll(
    figures.map((ref, i) => {
      const md = ref.document.format === 'markdown';
      return {
        id: String(i),
        counts: ref.figure.counts ?? '',
        figure: plainText(ref.figure.text, md),
        sentence: plainText(ref.document.text.slice(ref.figure.sentenceSpan[0], ref.figure.sentenceSpan[1]), md),
        section: ref.section.title,
      };
    }),
  );

  const sectionsById = new Map<string, SectionRef>();
  for (const ref of sections) {
    for (const key of [ref.section.id, ref.section.title.toLowerCase(), `${ref.document.id}/${ref.section.id}`]) {
      if (!sectionsById.has(key)) sectionsById.set(key, ref);
    }
  }
  const figuresById = new Map<string, FigureRef>();
  for (const ref of figures) {
    for (const key of [ref.figure.id, `${ref.document.id}/${ref.figure.id}`]) if (!figuresById.has(key)) figuresById.set(key, ref);
  }

  return {
    documents,
    sections,
    figures,
    findSections: (query) => sectionIndex.search(query).map((r) => sections[Number(r.id)]!),
    findFigures: (query) => closeToBest(figureIndex.search(query)).map((r) => figures[Number(r.id)]!),
    sectionById: (id) => sectionsById.get(id.trim().toLowerCase()) ?? null,
    figureById: (id) => figuresById.get(id.trim()) ?? null,
    sectionKey: (ref) => (sectionsById.get(ref.section.id) === ref ? ref.section.id : `${ref.document.id}/${ref.section.id}`),
    figureKey: (ref) => (figuresById.get(ref.figure.id) === ref ? ref.figure.id : `${ref.document.id}/${ref.figure.id}`),
  };
}

/**
 * Results scoring well below the best are noise for a reader: "homicides" matches its own figure through what
 * it counts, and the three other figures of the same sentence only through the sentence.
 */
function closeToBest<T extends { score: number }>(results: T[], ratio = 0.35): T[] {
  const best = results[0]?.score ?? 0;
  return results.filter((r) => r.score >= best * ratio);
}

export interface LoadResult {
  library: Library;
  /** One per file that could not be served, naming the file and line. */
  errors: DocumentError[];
  /** Parse warnings, as "file:line: message". */
  warnings: string[];
}

/** Loads every document in a folder. A bad file is reported and skipped; the others are served. */
export async function loadLibrary(dir: string): Promise<LoadResult> {
  const names = (await readdir(dir)).filter((n) => DOCUMENT_EXTENSIONS.includes(extname(n).toLowerCase()) && !n.startsWith('.')).sort();
  const documents: Document[] = [];
  const errors: DocumentError[] = [];
  const warnings: string[] = [];
  const ids = new Set<string>();
  for (const name of names) {
    try {
      const document = await readDocument(join(dir, name));
      // "report.txt" and "report.md" both slug to "report": keep ids distinct.
      for (let n = 2; ids.has(document.id); n++) document.id = `${document.id.replace(/-\d+$/, '')}-${n}`;
      ids.add(document.id);
      documents.push(document);
      for (const w of document.warnings) warnings.push(`${name}:${w.line}: ${w.message}`);
    } catch (error) {
      errors.push(error instanceof DocumentError ? error : new DocumentError(name, null, `could not be read (${(error as Error).message})`));
    }
  }
  return { library: createLibrary(documents), errors, warnings };
}
