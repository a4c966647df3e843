// Splits the gold set into a test half and a tune half by document (tests/fixtures/gold/split.json): a seeded
// draw of half the corpus documents; the bundled seed stays in tune, since the unit tests use it everywhere.
// `npm run gold:split` writes the same split every time.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../tests/support/random.js';
import { GOLD } from './check.js';

const SEED = 20261206;
const next = seededRandom(SEED);
const pool = readdirSync(join(GOLD, 'docs'))
  .filter((file) => /^\d{4}-/.test(file))
  .sort();
const half = Math.floor(pool.length / 2);
const test: string[] = [];
while (test.length < half) test.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
writeFileSync(join(GOLD, 'split.json'), `${JSON.stringify({ seed: SEED, test: test.sort() }, null, 2)}\n`);
console.log(`${test.length} gold documents in the test half, ${pool.length} and the seed in tune`);
