// The documents being served, with their search indexes: what every command reads. A Library is immutable
// once built; reloading builds a new one and swaps it in whole (see reload.ts).
import type { Document, Figure, Point, Section } from '../document/types.js';
import { plainText } from '../document/text.js';
import { TextIndex, type Hit, type Range } from './search.js';

export interface SectionRef {
  document: Document;
  section: Section;
}

export interface FigureRef {
  document: Document;
  section: Section;
  figure: Figure;
}

export interface StatementRef {
  document: Document;
  section: Section;
  point: Point;
}

export interface Library {
  documents: Document[];
  sections: SectionRef[];
  figures: FigureRef[];
  statements: StatementRef[];
  /** The sections, figures and statements of one document (by id), or of all when none is given. */
  parts(documentId?: string | null): { sections: SectionRef[]; figures: FigureRef[]; statements: StatementRef[] };
  /** Best first; `documentId` limits the search to one document. */
  findSections(query: string, documentId?: string): SectionRef[];
  findFigures(query: string, documentId?: string): FigureRef[];
  searchStatements(query: string, documentId?: string): StatementRef[];
  findDocuments(query: string): Document[];
  /** The stems a full-text query looks for (synonyms and typo corrections included), for highlighting. */
  statementQueryTerms(query: string): Set<string>;
  /** A document by its id or exact title, ignoring case. */
  documentById(id: string): Document | null;
  /** A section by its id ("saving-american-lives"), "document/section", or exact title, ignoring case. */
  sectionById(id: string, documentId?: string): SectionRef | null;
  figureById(id: string): FigureRef | null;
  /** The shortest key that finds this section again: its id, or "document/section" when ids repeat. */
  sectionKey(ref: SectionRef): string;
  figureKey(ref: FigureRef): string;
}

/**
 * Results scoring well below the best are noise for a reader: "homicides" matches its own figure through what
 * it counts, and the three other figures of the same sentence only through the sentence.
 */
function closeToBest(hits: Hit[], ratio = 0.35): Hit[] {
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * ratio);
}

/** Builds the library from parsed documents: every index is built once, here. */
export function createLibrary(documents: Document[]): Library {
  const sections: SectionRef[] = [];
  const figures: FigureRef[] = [];
  const statements: StatementRef[] = [];
  // Which statement each figure stands in: a figure also matches through its statement's words.
  const statementOfFigure: number[] = [];
  const ranges = new Map<string, { sections: Range; figures: Range; statements: Range }>();
  for (const document of documents) {
    const start = { sections: sections.length, figures: figures.length, statements: statements.length };
    const sectionOf = new Map<string, Section>();
    const statementOf = new Map<string, number>();
    for (const section of document.sections) {
      sectionOf.set(section.id, section);
      sections.push({ document, section });
      for (const point of section.lead ? [section.lead, ...section.points] : section.points) {
        statementOf.set(point.id, statements.length);
        statements.push({ document, section, point });
      }
    }
    for (const figure of document.figures) {
      statementOfFigure.push(statementOf.get(figure.pointId)!);
      figures.push({ document, figure, section: sectionOf.get(figure.sectionId)! });
    }
    ranges.set(document.id, {
      sections: [start.sections, sections.length],
      figures: [start.figures, figures.length],
      statements: [start.statements, statements.length],
    });
  }

  // A document's sections, figures and statements sit together in those lists: each is a range of them.
  const byDocument = new Map<string, { sections: SectionRef[]; figures: FigureRef[]; statements: StatementRef[] }>();
  for (const document of documents) {
    const range = ranges.get(document.id)!;
    byDocument.set(document.id, {
      sections: sections.slice(...range.sections),
      figures: figures.slice(...range.figures),
      statements: statements.slice(...range.statements),
    });
  }
  const everything = { sections, figures, statements };
  const none = { sections: [], figures: [], statements: [] };

  // Words to index: Markdown loses its markup first (link targets are not words of the document); plain text
  // goes straight to the tokenizer, which ignores line breaks anyway.
  const plain = (document: Document, text: string) => (document.format === 'markdown' ? plainText(text, true) : text);
  const documentIndex = new TextIndex([{ name: 'title', weight: 1, prefix: true }]);
  documents.forEach((d, i) => documentIndex.add(i, { title: d.title }));
  const sectionIndex = new TextIndex([
    { name: 'title', weight: 4, prefix: true },
    { name: 'lead', weight: 1 },
  ]);
  sections.forEach((ref, i) =>
    sectionIndex.add(i, {
      title: ref.section.title,
      lead: ref.section.lead ? plain(ref.document, ref.section.lead.text) : '',
    }),
  );
  // Figures are found by what they count, their own text and section; the words of their sentence come from
  // the statement index below, so no text is indexed twice.
  const figureIndex = new TextIndex([
    { name: 'counts', weight: 4, prefix: true },
    { name: 'figure', weight: 3 },
    { name: 'section', weight: 0.5 },
  ]);
  figures.forEach((ref, i) =>
    figureIndex.add(i, {
      counts: ref.figure.counts ?? '',
      figure: plain(ref.document, ref.figure.text),
      section: ref.section.title,
    }),
  );
  const statementIndex = new TextIndex([{ name: 'text', weight: 1 }]);
  statements.forEach((ref, i) => statementIndex.add(i, { text: plain(ref.document, ref.point.text) }));
  const figuresOfStatement = new Map<number, number[]>();
  statementOfFigure.forEach((statement, figure) => {
    const list = figuresOfStatement.get(statement);
    if (list) list.push(figure);
    else figuresOfStatement.set(statement, [figure]);
  });

  for (const index of [documentIndex, sectionIndex, figureIndex, statementIndex]) index.prepare();

  /** Figure hits from the figure fields, plus every figure of each statement whose words match. */
  const searchFigures = (query: string, limit: number, documentId?: string): Hit[] => {
    const range = documentId ? ranges.get(documentId) : undefined;
    const scores = new Map<number, number>();
    for (const hit of figureIndex.search(query, limit, range?.figures)) scores.set(hit.id, hit.score);
    for (const hit of statementIndex.search(query, limit, range?.statements)) {
      for (const figure of figuresOfStatement.get(hit.id) ?? [])
        scores.set(figure, (scores.get(figure) ?? 0) + hit.score);
    }
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
  };

  const documentsById = new Map<string, Document>();
  for (const d of documents)
    for (const key of [d.id, d.title.toLowerCase()]) if (!documentsById.has(key)) documentsById.set(key, d);
  const sectionsById = new Map<string, SectionRef>();
  for (const ref of sections) {
    for (const key of [ref.section.id, ref.section.title.toLowerCase(), `${ref.document.id}/${ref.section.id}`]) {
      if (!sectionsById.has(key)) sectionsById.set(key, ref);
    }
  }
  const figuresById = new Map<string, FigureRef>();
  for (const ref of figures) {
    for (const key of [ref.figure.id, `${ref.document.id}/${ref.figure.id}`])
      if (!figuresById.has(key)) figuresById.set(key, ref);
  }

  // With a document chosen, look further down the ranking so its matches are not crowded out by others'.
  const lookup = <T>(
    search: (query: string, limit: number, documentId?: string) => Hit[],
    refs: T[],
    query: string,
    documentId?: string,
  ): T[] => {
    if (documentId && !ranges.has(documentId)) return [];
    return closeToBest(search(query, 100, documentId)).map((h) => refs[h.id]!);
  };

  return {
    documents,
    sections,
    figures,
    statements,
    parts: (documentId) => (documentId ? (byDocument.get(documentId) ?? none) : everything),
    findSections: (query, documentId) =>
      lookup(
        (q, n, d) => sectionIndex.search(q, n, d ? ranges.get(d)!.sections : undefined),
        sections,
        query,
        documentId,
      ),
    findFigures: (query, documentId) => lookup(searchFigures, figures, query, documentId),
    searchStatements: (query, documentId) => {
      if (documentId && !ranges.has(documentId)) return [];
      return statementIndex
        .search(query, 500, documentId ? ranges.get(documentId)!.statements : undefined)
        .map((h) => statements[h.id]!);
    },
    findDocuments: (query) => documentIndex.search(query).map((h) => documents[h.id]!),
    statementQueryTerms: (query) => statementIndex.queryTerms(query),
    documentById: (id) => documentsById.get(id.trim().toLowerCase()) ?? null,
    sectionById: (id, documentId) => {
      const key = id.trim().toLowerCase();
      if (documentId)
        return (
          sectionsById.get(`${documentId}/${key}`) ??
          sections.find((r) => r.document.id === documentId && r.section.title.toLowerCase() === key) ??
          null
        );
      return sectionsById.get(key) ?? null;
    },
    figureById: (id) => figuresById.get(id.trim()) ?? null,
    sectionKey: (ref) =>
      sectionsById.get(ref.section.id) === ref ? ref.section.id : `${ref.document.id}/${ref.section.id}`,
    figureKey: (ref) =>
      figuresById.get(ref.figure.id) === ref ? ref.figure.id : `${ref.document.id}/${ref.figure.id}`,
  };
}

/** "report.txt" and "report.md" both slug to "report": the second becomes "report-2", in file-name order. */
export function uniqueIds(documents: Document[]): Document[] {
  const ids = new Set<string>();
  for (const document of documents) {
    const base = document.id;
    for (let n = 2; ids.has(document.id); n++) document.id = `${base}-${n}`;
    ids.add(document.id);
  }
  return documents;
}
