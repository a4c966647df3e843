// Draws the gold documents from the corpus: a seeded random draw, stratified by year and by layout, so the
// draw can be repeated (`npm run gold:draw -- ../shared/corpus`) and checked. Copies each drawn file into
// tests/fixtures/gold/docs/ (public domain) so the eval runs on a clone without the corpus.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../../tests/support/random.js';

const SEED = 20261128;
const PER_YEAR = 7; // 6 years (2021-2026) x 7 = 42 drawn
/** Longer files are left out so that every figure of every drawn document can be annotated by hand. */
const MAX_BYTES = 16_000;

export function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listMarkdown(path);
      return entry.name.endsWith('.md') ? [path] : [];
    })
    .sort();
}

/** A coarse layout class read from the raw text: what shapes of heading and body the parser must handle. */
export function layoutOf(text: string): string {
  const bullets = /^\s*-\s{1,3}\S/m.test(text);
  const headed = /^(?:#+\s|\*\*[^*\n]+\*\*\s*$|\*\*[A-Z][A-Z’' ,&-]+:?\*\*)/m.test(text);
  return `${headed ? 'headed' : 'unheaded'}-${bullets ? 'bullets' : 'prose'}`;
}

/**
 * A seeded draw stratified by year and layout: `perYear` documents a year, round-robin over the year's layouts so
 * that each shape is drawn, then at random within a layout. Files over `maxBytes`, or that `skip` names, are left
 * out.
 */
export function drawStratified(
  corpus: string,
  options: { seed: number; perYear: number; maxBytes: number; skip?: (file: string) => boolean },
): string[] {
  const next = seededRandom(options.seed);
  const strata = new Map<string, string[]>();
  for (const file of listMarkdown(corpus)) {
    if (!/^\d{4}-/.test(basename(file)) || statSync(file).size > options.maxBytes || options.skip?.(file)) continue;
    const key = `${basename(file).slice(0, 4)}/${layoutOf(readFileSync(file, 'utf8'))}`;
    strata.set(key, [...(strata.get(key) ?? []), file]);
  }
  const years = [...new Set([...strata.keys()].map((key) => key.slice(0, 4)))].sort();
  const drawn: string[] = [];
  for (const year of years) {
    const layouts = [...strata.keys()].filter((key) => key.startsWith(year)).sort();
    for (let i = 0; i < options.perYear; i++) {
      const pool = strata.get(layouts[i % layouts.length]!)!;
      if (pool.length > 0) drawn.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    }
  }
  return drawn;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

function main(): void {
  const corpus = process.argv[2] ?? '../shared/corpus';
  const out = 'tests/fixtures/gold/docs';
  mkdirSync(out, { recursive: true });
  for (const file of drawStratified(corpus, { seed: SEED, perYear: PER_YEAR, maxBytes: MAX_BYTES })) {
    copyFileSync(file, join(out, basename(file)));
    console.log(`${relative(corpus, file)}\t${layoutOf(readFileSync(file, 'utf8'))}`);
  }
}
