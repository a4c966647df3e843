// The shape of the code, checked: layers point one way, and no function grows past what one reading holds.
// docs/architecture.md draws the layers this test keeps.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_FUNCTION_LINES = 60;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sourceFiles('src'), ...sourceFiles('commands')];

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/**
 * Lines that tell a format by its name: a comparison with a format's name (`format === 'markdown'`,
 * `'text' !== doc.format`) or a switch on one. Only src/document/formats/ may; everything else asks the format.
 */
function formatNameTests(source: string): string[] {
  const name = String.raw`['"\`](?:markdown|text)['"\`]`;
  const comparison = new RegExp(String.raw`format\s*[!=]==?\s*${name}|${name}\s*[!=]==?\s*[\w.?]*format\b`);
  const switchOn = /switch\s*\([^)]*format\s*\)/;
  return source.split('\n').filter((line) => comparison.test(line) || switchOn.test(line));
}

/** Every function, method and arrow function with its length in lines. */
function functionLengths(file: string): Array<{ name: string; lines: number }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ name: string; lines: number }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText() ?? node.parent.getChildAt(0)?.getText().slice(0, 40) ?? '(anonymous)';
      found.push({ name: `${file}:${start + 1} ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture', () => {
  it(`has no function over ${MAX_FUNCTION_LINES} lines in src/ and commands/`, () => {
    const long = files.flatMap(functionLengths).filter((f) => f.lines > MAX_FUNCTION_LINES);
    expect(long.map((f) => `${f.name} (${f.lines} lines)`)).toEqual([]);
  });

  it('lets no code outside src/document/formats/ tell a format by its name', () => {
    const offenders = files
      .filter((file) => !file.startsWith(join('src', 'document', 'formats')))
      .flatMap((file) => formatNameTests(readFileSync(file, 'utf8')).map((line) => `${file}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('catches each way of telling a format by its name', () => {
    const fixture = [
      "const md = document.format === 'markdown';",
      'if (ref.document.format !== "text") return;',
      "const plain = 'markdown' === document.format ? strip(text) : text;",
      'switch (document.format) {',
      "const kept = { format: 'markdown' };",
    ].join('\n');
    expect(formatNameTests(fixture)).toHaveLength(4);
  });

  it('keeps the command contract free of renderers and of any particular command', () => {
    expect(imports('src/command.ts').filter((i) => i.includes('render') || i.includes('commands/'))).toEqual([]);
  });

  it('keeps transports and the router free of particular commands', () => {
    const transports = [...sourceFiles('src/transport'), 'src/respond.ts'];
    const offenders = transports.flatMap((file) =>
      imports(file)
        .filter((i) => i.includes('commands/'))
        .map((i) => `${file} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets no command import another (what they share lives in commands/shared/)', () => {
    const offenders = sourceFiles('commands')
      .filter((file) => !file.includes('shared') && !file.endsWith('index.ts'))
      .flatMap((file) =>
        imports(file)
          .filter((i) => i.startsWith('./') && !i.startsWith('./shared/'))
          .map((i) => `${file} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the document model free of everything above it', () => {
    const offenders = sourceFiles('src/document').flatMap((file) =>
      imports(file)
        .filter((i) => /library|render|transport|command|discord/.test(i))
        .map((i) => `${file} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
