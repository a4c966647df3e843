// A process that builds a library as a reload does, says "served", and ends with nothing left to do: the
// every-sentence matcher's slices must not keep it alive (tests/library/sentence-finder.test.ts).
import { parseDocument } from '../../src/document/parse.js';
import { buildLibrary, sentenceFinderBuilt } from '../../src/library/library.js';

const statements = Array.from({ length: 4000 }, (_, i) => `- The program ${i} hired workers in town ${i % 97}.`);
const library = await buildLibrary([parseDocument(`JOBS\n\n${statements.join('\n')}\n`, { file: 'jobs.txt' })]);
void sentenceFinderBuilt(library).then(() => console.log('matcher built'));
console.log('served');
