// Shared test helpers: load the bundled seed and fixtures, and check that every quote is a verbatim span.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import type { Document } from '../../src/document/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_FILE = 'border-security-and-immigration.txt';
export const SEED_PATH = `${ROOT}seeds/${SEED_FILE}`;

export function loadSeed(): Document {
  return parseDocument(readFileSync(SEED_PATH, 'utf8'), { file: SEED_FILE });
}

export function loadFixture(name: string): Document {
  return parseDocument(readFileSync(`${ROOT}tests/fixtures/layouts/${name}`, 'utf8'), { file: name });
}

/** Every statement, lead, epigraph, heading, sentence and figure is exactly `source.slice(span)`. */
export function spanProblems(document: Document): string[] {
  const { text } = document;
  const problems: string[] = [];
  const check = (what: string, span: readonly [number, number], expected: string) => {
    if (text.slice(span[0], span[1]) !== expected)
      problems.push(`${document.file}: ${what} ${JSON.stringify(expected.slice(0, 40))} is not its span`);
  };
  const within = (what: string, inner: readonly [number, number], outer: readonly [number, number]) => {
    if (inner[0] < outer[0] || inner[1] > outer[1])
      problems.push(`${document.file}: ${what} [${inner.join(',')}] lies outside [${outer.join(',')}]`);
  };
  if (document.epigraph) check('epigraph', document.epigraph.span, document.epigraph.text);
  for (const section of document.sections) {
    if (section.heading !== null) check('heading', section.headingSpan!, section.heading);
    for (const point of section.lead ? [section.lead, ...section.points] : section.points) {
      check('statement', point.span, point.text);
      for (const sentence of point.sentences) within('sentence', sentence, point.span);
    }
  }
  for (const figure of document.figures) {
    check('figure', figure.span, figure.text);
    within('figure', figure.span, figure.sentenceSpan);
  }
  return problems;
}

export function expectAllSpansVerbatim(document: Document): void {
  expect(spanProblems(document)).toEqual([]);
}
