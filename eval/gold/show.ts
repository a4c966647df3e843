// Prints a document's plain blocks, numbered, for annotators: `npm run gold:show -- tests/fixtures/gold/docs/X.md`.
import { readFileSync } from 'node:fs';
import { plainBlocks } from './plain.js';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  console.log(`# ${file}`);
  for (const block of plainBlocks(text, file.endsWith('.txt') ? 'text' : 'markdown'))
    console.log(`[${block.n}] ${block.text}`);
}
