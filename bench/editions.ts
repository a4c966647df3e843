// The corpus served n times over, for the benchmarks that measure growth (scaling.ts, rss-per-mb.ts): each copy
// an edition of every document with its title, date and numbers changed, so no copy is served as a duplicate of
// another (src/library/duplicates.ts hashes the title and the body).
import { linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Every Markdown file under the folder, as paths relative to it. */
export function filesUnder(dir: string, folder = ''): string[] {
  return readdirSync(join(dir, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return filesUnder(dir, path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * Edition `n` of a document (0 is the document itself): "Edition n" before its title, its date n years on,
 * and the last digit of every number of two or more digits in its body moved on by n. The title alone makes
 * it a different document to the duplicate check; the numbers make its figures differ as well.
 */
function edition(text: string, n: number): string {
  if (n === 0) return text;
  const end = text.startsWith('---') ? text.indexOf('\n---', 3) + 4 : 0;
  const frontMatter = text
    .slice(0, end)
    .replace(/^title: (["']?)/m, `title: $1Edition ${n}: `)
    .replace(/^date: '(\d{4})/m, (_, year: string) => `date: '${Number(year) + n}`);
  const body = text.slice(end).replace(/\d{2,}/g, (digits) => digits.slice(0, -1) + ((Number(digits.at(-1)) + n) % 10));
  return frontMatter + body;
}

/** Folders `x1`, `x2`, ... under `into`, folder `xk` holding editions 0 to k-1 (hard links to one copy each). */
export function writeEditions(corpusDir: string, into: string, multiples: number[]): Map<number, string> {
  const files = filesUnder(corpusDir);
  const most = Math.max(...multiples);
  for (let n = 0; n < most; n++) {
    for (const file of files) {
      const path = join(into, 'editions', String(n), file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, edition(readFileSync(join(corpusDir, file), 'utf8'), n));
    }
  }
  const folders = new Map<number, string>();
  for (const multiple of multiples) {
    const folder = join(into, `x${multiple}`);
    for (let n = 0; n < multiple; n++) {
      for (const file of files) {
        const path = join(folder, `edition-${n}`, file);
        mkdirSync(dirname(path), { recursive: true });
        linkSync(join(into, 'editions', String(n), file), path);
      }
    }
    folders.set(multiple, folder);
  }
  return folders;
}
