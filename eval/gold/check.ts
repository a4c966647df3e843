// Checks the gold annotations against the documents: every block exists, every heading and figure text is
// in its block, every answer points at a real block. `npm run gold:check` exits 1 on any problem.
import { pathToFileURL } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainBlocks, type Block } from './plain.js';
import type { GoldClaim, GoldDocument, GoldQuestion } from './types.js';

/** The gold set's folder: the tune split by default, `GOLD_DIR=tests/fixtures/gold-test` for the frozen test split. */
export const GOLD = process.env.GOLD_DIR ?? 'tests/fixtures/gold';

export function readDoc(file: string, dir = GOLD): { text: string; blocks: Block[] } {
  const text = readFileSync(join(dir, 'docs', file), 'utf8');
  return { text, blocks: plainBlocks(text, file.endsWith('.txt') ? 'text' : 'markdown') };
}

export function readAnnotations(dir = GOLD): GoldDocument[] {
  const folder = join(dir, 'annotations');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as GoldDocument);
}

export function readQuestions(dir = GOLD): GoldQuestion[] {
  const folder = join(dir, 'questions');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as GoldQuestion[]);
}

/** The claims of a gold set: claims.json, and chat-claims.json (the same claims as chat messages) where it has one. */
export function readClaims(dir = GOLD): GoldClaim[] {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldClaim[];
  return [...read('claims.json'), ...(existsSync(join(dir, 'chat-claims.json')) ? read('chat-claims.json') : [])];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').toLowerCase();

export function checkGold(): string[] {
  const problems: string[] = [];
  const blocksOf = new Map<string, Block[]>();
  for (const doc of readAnnotations()) {
    let blocks: Block[];
    try {
      blocks = readDoc(doc.file).blocks;
    } catch {
      problems.push(`${doc.file}: no such document in ${GOLD}/docs`);
      continue;
    }
    blocksOf.set(doc.file, blocks);
    const inBlock = (kind: string, block: number, text: string) => {
      const shown = blocks[block - 1]?.text;
      if (shown === undefined) problems.push(`${doc.file}: ${kind} "${text}": no block ${block}`);
      else if (!fold(shown).includes(fold(text)))
        problems.push(`${doc.file}: ${kind} "${text}" not in block ${block}: ${shown.slice(0, 80)}`);
    };
    if (doc.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(doc.date))
      problems.push(`${doc.file}: date ${doc.date} is not YYYY-MM-DD`);
    for (const heading of doc.headings) inBlock('heading', heading.block, heading.text);
    for (const figure of doc.figures) {
      inBlock('figure', figure.block, figure.text);
      if (figure.value !== null && !Number.isFinite(figure.value))
        problems.push(`${doc.file}: figure "${figure.text}" value is not a number`);
      for (const key of ['counts', 'timeframe', 'qualifier', 'unit'] as const) {
        if (figure[key] === undefined) problems.push(`${doc.file}: figure "${figure.text}" lacks ${key} (use null)`);
      }
      if (figure.counts && !fold(blocks[figure.block - 1]?.text ?? '').includes(fold(figure.counts).split(' ')[0]!)) {
        problems.push(
          `${doc.file}: figure "${figure.text}" counts "${figure.counts}": its first word is not in the block`,
        );
      }
    }
  }
  for (const question of readQuestions()) {
    for (const answer of question.answers) {
      const blocks = blocksOf.get(answer.file);
      const shown = blocks?.[answer.block - 1]?.text;
      if (shown === undefined)
        problems.push(`question "${question.q}": no annotated block ${answer.file}#${answer.block}`);
      else if (answer.figure !== undefined && !fold(shown).includes(fold(answer.figure))) {
        problems.push(`question "${question.q}": figure "${answer.figure}" not in ${answer.file}#${answer.block}`);
      }
    }
  }
  return problems;
}

// Run directly (not imported by a test): the file URL form also holds for paths that need encoding.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkGold();
  const docs = readAnnotations();
  const questions = readQuestions();
  console.log(
    `${docs.length} documents, ${docs.reduce((n, d) => n + d.headings.length, 0)} headings, ` +
      `${docs.reduce((n, d) => n + d.figures.length, 0)} figures, ${questions.length} questions ` +
      `(${questions.filter((q) => q.answers.length === 0).length} with no answer)`,
  );
  for (const problem of problems) console.log(problem);
  process.exit(problems.length > 0 ? 1 : 0);
}
