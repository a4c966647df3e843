// What a replica loads at start: the feed readers (about 20 MB of RSS, issue 21's memory per replica) only once a
// feed is polled. Walks the static imports from the bot's entry (type-only imports and import() left out, as
// neither loads anything at start) and names the packages reached.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The modules a source file loads when it is loaded: its value imports and re-exports. */
function loadedAtOnce(file: string): string[] {
  const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifier = (node: ts.Statement): string | null => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
      return (node.moduleSpecifier as ts.StringLiteral).text;
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier)
      return (node.moduleSpecifier as ts.StringLiteral).text;
    return null;
  };
  return tree.statements.map(specifier).filter((found): found is string => found !== null);
}

/** Every package the entry loads at start, through any chain of the project's own modules. */
function packagesLoadedFrom(entry: string): Set<string> {
  const [seen, packages, todo] = [new Set<string>(), new Set<string>(), [entry]];
  for (let file = todo.pop(); file; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of loadedAtOnce(file)) {
      if (target.startsWith('.')) {
        const source = join(dirname(file), target.replace(/\.js$/, '.ts'));
        if (existsSync(source)) todo.push(source);
      } else if (!target.startsWith('node:'))
        packages.add(
          target
            .split('/')
            .slice(0, target.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  }
  return packages;
}

const FEED_READERS = ['linkedom', '@mozilla/readability', 'turndown', 'fast-xml-parser'];

describe('what a replica loads at start', () => {
  it('loads the feed readers only when a feed is polled', () => {
    const loaded = packagesLoadedFrom('src/main.ts');
    expect(loaded.has('pino')).toBe(true);
    expect(FEED_READERS.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('finds a package reached through the project’s own modules', () => {
    expect([...packagesLoadedFrom('src/feeds/index.ts')]).toEqual(expect.arrayContaining(FEED_READERS));
  });
});
