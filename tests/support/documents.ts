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
export function expectAllSpansVerbatim(document: Document): void {
  const { text } = document;
  const slice = (span: readonly [number, number]) => text.slice(span[0], span[1]);
  if (document.epigraph) expect(slice(document.epigraph.span)).toBe(document.epigraph.text);
  for (const section of document.sections) {
    if (section.heading !== null) expect(slice(section.headingSpan!)).toBe(section.heading);
    for (const point of section.lead ? [section.lead, ...section.points] : section.points) {
      expect(slice(point.span)).toBe(point.text);
      for (const sentence of point.sentences) {
        expect(sentence[0]).toBeGreaterThanOrEqual(point.span[0]);
        expect(sentence[1]).toBeLessThanOrEqual(point.span[1]);
      }
    }
  }
  for (const figure of document.figures) {
    expect(slice(figure.span)).toBe(figure.text);
    expect(figure.span[0]).toBeGreaterThanOrEqual(figure.sentenceSpan[0]);
    expect(figure.span[1]).toBeLessThanOrEqual(figure.sentenceSpan[1]);
  }
}
