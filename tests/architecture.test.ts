// The shape of the code, checked: layers point one way, and no function grows past what one reading holds.
// docs/architecture.md draws the layers this test keeps.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_FUNCTION_LINES = 60;
/** A pattern longer than this on one line is split into named pieces. */
const MAX_PATTERN_CHARACTERS = 120;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sourceFiles('src'), ...sourceFiles('commands')];

/**
 * Every module a source text reaches: `import … from`, `export … from`, `import '…'`, dynamic `import('…')`
 * and `typeof import('…')`, read from the syntax tree so no form slips past a pattern.
 */
function modulesIn(source: string): string[] {
  const tree = ts.createSourceFile('checked.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const specifier = moduleSpecifier(node);
    if (specifier) found.push(specifier);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function moduleSpecifier(node: ts.Node): string | null {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
    return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [first] = node.arguments;
    return first && ts.isStringLiteralLike(first) ? first.text : null;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
    return node.argument.literal.text;
  return null;
}

const imports = (file: string) => modulesIn(readFileSync(file, 'utf8'));

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

/** Regex literals and String.raw pieces longer than MAX_PATTERN_CHARACTERS, with where they are. */
function longPatterns(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const raw = ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw';
    if ((raw || ts.isRegularExpressionLiteral(node)) && node.getText().length > MAX_PATTERN_CHARACTERS) {
      const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${file}:${line} (${node.getText().length} characters)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
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

  it('sees every form of import when checking the layers', () => {
    const fixture = [
      "import { a } from './static.js';",
      "import type { B } from './type-only.js';",
      "import './side-effect.js';",
      "export { c } from './re-exported.js';",
      "export * from './all-re-exported.js';",
      "const d = await import('./dynamic.js');",
      "type E = typeof import('./type-query.js');",
      'const f = () => import(`./template.js`);',
    ].join('\n');
    expect(modulesIn(fixture)).toEqual([
      './static.js',
      './type-only.js',
      './side-effect.js',
      './re-exported.js',
      './all-re-exported.js',
      './dynamic.js',
      './type-query.js',
      './template.js',
    ]);
  });

  it(`has no pattern over ${MAX_PATTERN_CHARACTERS} characters on one line in src/ and commands/`, () => {
    expect(files.flatMap((file) => longPatterns(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('measures regex literals and String.raw pieces alike', () => {
    const long = 'a|'.repeat(60);
    const fixture = [`const A = /${long}/;`, `const B = String.raw\`${long}\`;`, `const C = '${long}';`].join('\n');
    expect(longPatterns('fixture.ts', fixture)).toEqual([
      'fixture.ts:1 (122 characters)',
      'fixture.ts:2 (132 characters)',
    ]);
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

  it('answers PING in one place: the HTTP endpoint, the one transport Discord pings', () => {
    const answering = files.filter((file) => readFileSync(file, 'utf8').includes('InteractionResponseType.Pong'));
    expect(answering).toEqual(['src/transport/http.ts']);
  });

  it('builds every button’s custom id in the codec (src/custom-id.ts), nowhere else', () => {
    expect(files.flatMap(customIdsBuilt)).toEqual([]);
    // The button maker takes only what the codec makes.
    expect(readFileSync(BUTTON_MAKER, 'utf8')).toMatch(/customId: CustomId,/);
  });

  it('reads every custom id through the codec: no split on ":" and no length limit of its own elsewhere', () => {
    const ownReading = (file: string) =>
      file === CODEC
        ? []
        : [/\.split\(\s*['"]:['"]\s*\)/, /MAX_CUSTOM_ID\s*=/].filter((r) => r.test(readFileSync(file, 'utf8')));
    expect(files.filter((file) => ownReading(file).length > 0)).toEqual([]);
  });

  it('has the transports take their notices from src/render/notices.ts, not passed on by the router', () => {
    expect(readFileSync(join('src', 'respond.ts'), 'utf8')).not.toMatch(/^export \{[^}]*\} from/m);
  });
});
