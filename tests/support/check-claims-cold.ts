// Checks the tune split's claims in a fresh process, in the order given on stdin (a JSON list of claims), and
// prints each claim's verdicts as JSON: /check as a one-off script sees it, with no cache or memo warmed.
import { loadGold } from '../../eval/gold/load.js';
import { checkClaim } from '../../src/library/claims.js';
import { readFileSync } from 'node:fs';
import { verdictsOf } from './claim-verdicts.js';

const claims = JSON.parse(readFileSync(0, 'utf8')) as string[];
const { library } = loadGold('tune');
const out: Record<string, string> = {};
for (const claim of claims) out[claim] = verdictsOf(checkClaim(library.claims, claim));
process.stdout.write(JSON.stringify(out));
