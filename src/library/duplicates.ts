// Two files holding the same document (same title and text, as a second download or a copy under another name
// leaves them) are served once: served twice, every answer from it would come twice. The one whose name sorts
// first without its extension is kept ("report.md" over "report-2.md"), the same one at every start.
import { createHash } from 'node:crypto';
import type { Document } from '../document/types.js';
import type { Steps } from './steps.js';

export interface Duplicate {
  kept: Document;
  dropped: Document;
}

/** Where the document's own words start: its epigraph or first section (front matter and date lines aside). */
function bodyStart(document: Document): number {
  const first = document.sections[0];
  const starts = [
    document.epigraph?.span[0],
    first?.headingSpan?.[0],
    (first?.lead ?? first?.points[0])?.span[0],
  ].filter((n): n is number => n !== undefined);
  return starts.length > 0 ? Math.min(...starts) : 0;
}

// A document's fingerprint never changes; a reload after one edit hashes that one file, not the whole corpus.
const fingerprints = new WeakMap<Document, string>();

/** Title and text, hashed: two files with the same words under different front matter are the same document. */
export function fingerprint(document: Document): string {
  let hash = fingerprints.get(document);
  if (hash === undefined) fingerprints.set(document, (hash = hashOf(document)));
  return hash;
}

/** The fingerprint saved with a document read back (saved-documents.ts): not worked out again from its text. */
export function knownFingerprint(document: Document, hash: string): void {
  fingerprints.set(document, hash);
}

function hashOf(document: Document): string {
  return createHash('sha256')
    .update(document.title)
    .update('\u0000')
    .update(document.text.slice(bodyStart(document)).replace(/\r\n?/g, '\n').trim())
    .digest('hex');
}

/** The file name without its extension: "report.md" sorts before its copy "report-2.md". */
const stem = (document: Document) => document.file.replace(/\.[^./]+$/, '');
const byName = (a: Document, b: Document) =>
  stem(a) < stem(b) ? -1 : stem(a) > stem(b) ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

export interface Deduplicated {
  documents: Document[];
  duplicates: Duplicate[];
}

/**
 * The documents (in their order) with each repeat left out, and which file each repeat repeats; a document a
 * step (hashing the corpus takes about 50 ms; see steps.ts).
 */
export function* duplicateSteps(documents: readonly Document[]): Steps<Deduplicated> {
  const first = new Map<string, Document>();
  const duplicates: Duplicate[] = [];
  for (const document of [...documents].sort(byName)) {
    const key = fingerprint(document);
    const original = first.get(key);
    if (original) duplicates.push({ kept: original, dropped: document });
    else first.set(key, document);
    yield;
  }
  const dropped = new Set(duplicates.map((d) => d.dropped));
  return { documents: documents.filter((d) => !dropped.has(d)), duplicates };
}

/** The warning naming both files. */
export function duplicateWarning({ kept, dropped }: Duplicate): string {
  return `${dropped.file}: not served: the same document (“${kept.title}”) as ${kept.file}, which is served`;
}
