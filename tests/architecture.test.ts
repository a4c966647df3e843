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

/** Where a file sets a button's custom id, or claims a string is one, other than through the codec. */
function customIdsBuilt(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  const visit = (node: ts.Node) => {
    // A button's id is set in one place, the button maker, from a CustomId the codec made; ids a press carries
    // (the console's) are passed on, never written.
    if (ts.isPropertyAssignment(node) && node.name.getText().replace(/['"]/g, '') === 'custom_id') {
      const value = node.initializer;
      const written = ts.isTemplateExpression(value) || ts.isBinaryExpression(value) || ts.isStringLiteralLike(value);
      const isButton = ts.isObjectLiteralExpression(node.parent) && /\b(label|style):/.test(node.parent.getText());
      if (written || (isButton && file !== BUTTON_MAKER)) at(node, node.getText());
    }
    if (ts.isCallExpression(node) && node.expression.getText().endsWith('setCustomId')) at(node, node.getText());
    if (ts.isAsExpression(node) && node.type.getText() === 'CustomId' && file !== CODEC) at(node, node.getText());
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const CODEC = join('src', 'custom-id.ts');
const BUTTON_MAKER = join('commands', 'shared', 'buttons.ts');

describe('architecture', () => {
  it(`has no function over ${MAX_FUNCTION_LINES} lines in src/ and commands/`, () => {
    const long = files.flatMap(functionLengths).filter((f) => f.lines > MAX_FUNCTION_LINES);
    expect(long.map((f) => `${f.name} (${f.lines} lines)`)).toEqual([]);
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

  it('builds every button’s custom id in the codec (src/custom-id.ts), nowhere else', () => {
    expect(files.flatMap(customIdsBuilt)).toEqual([]);
    // The button maker takes only what the codec makes.
    expect(readFileSync(BUTTON_MAKER, 'utf8')).toMatch(/customId: CustomId,/);
  });
});
