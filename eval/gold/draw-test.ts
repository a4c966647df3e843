// Draws the frozen test split (tests/fixtures/gold-test/): corpus documents that no fixture, gold document,
// test, benchmark or doc of the project uses, drawn with its own seed, stratified by year and layout like the
// gold draw. Its questions and claims are written by reading these documents before any ranking change and are
// never tuned on (docs/gold-annotation.md). `npm run gold:draw-test -- ../shared/corpus`
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { drawStratified, layoutOf } from './draw.js';

const SEED = 20261206;
const PER_YEAR = 4; // 6 years (2021-2026) x 4 = 24 drawn
const MAX_BYTES = 16_000;
const SPLIT_DIR = 'tests/fixtures/gold-test';
const OUT = `${SPLIT_DIR}/docs`;

/** Every source URL, title and file name the project's own files mention: those documents are not blind. */
function usedAnywhere(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|txt|json|ts|js)$/.test(entry.name) && !path.startsWith(SPLIT_DIR)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/whitehouse\.gov\/[\w/.-]+/g)) used.add(m[0].replace(/\/$/, ''));
        for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md/g)) used.add(m[0]);
        for (const m of text.matchAll(/^title: ['"]?(.+?)['"]?$/gm)) used.add(m[1]!);
      }
    }
  };
  walk('.');
  return used;
}

function isUsed(file: string, used: Set<string>): boolean {
  const text = readFileSync(file, 'utf8');
  const url = /^source_url: (\S+)/m
    .exec(text)?.[1]
    ?.replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/$/, '');
  const title = /^title: ['"]?(.+?)['"]?$/m.exec(text)?.[1];
  return used.has(basename(file)) || (url !== undefined && used.has(url)) || (title !== undefined && used.has(title));
}

function draw(corpus: string): string[] {
  const used = usedAnywhere();
  return drawStratified(corpus, { seed: SEED, perYear: PER_YEAR, maxBytes: MAX_BYTES, skip: (f) => isUsed(f, used) });
}

const corpus = process.argv[2] ?? '../shared/corpus';
mkdirSync(OUT, { recursive: true });
for (const file of draw(corpus)) {
  copyFileSync(file, join(OUT, basename(file)));
  console.log(`${relative(corpus, file)}\t${layoutOf(readFileSync(file, 'utf8'))}\t${statSync(file).size}`);
}
