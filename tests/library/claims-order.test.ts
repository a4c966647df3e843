// A claim's verdict depends on the claim and the documents only: never on what was checked or asked before in
// the process (a memo, a cache, state shared between checks). The tune split's claims are checked forwards on a
// library warmed by every /stat and /search question, backwards on a fresh library, and backwards again in a
// fresh process, as a one-off script checks them; every verdict, note and quoted sentence must agree.
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../eval/gold/load.js';
import { checkClaim } from '../../src/library/claims.js';
import type { Library } from '../../src/library/library.js';
import { verdictsOf } from '../support/claim-verdicts.js';
import { runScript } from '../support/run.js';

const checkedInOrder = (library: Library, claims: string[]) =>
  Object.fromEntries(claims.map((claim) => [claim, verdictsOf(checkClaim(library.claims, claim))]));

describe('/check verdicts and the order claims come in', () => {
  it('gives each claim the same verdicts forwards on a warm library, backwards on a fresh one and in a fresh process', () => {
    const warm = loadGold('tune');
    for (const { q } of warm.questions) {
      warm.library.search.figureSentences(q);
      warm.library.search.statementHits(q);
    }
    const claims = [...new Set(warm.claims.map((c) => c.claim))];
    expect(claims.length).toBeGreaterThan(400);
    const forwards = checkedInOrder(warm.library, claims);
    const backwards = [...claims].reverse();
    expect(checkedInOrder(loadGold('tune').library, backwards)).toEqual(forwards);
    const cold = runScript('tests/support/check-claims-cold.ts', [], {
      input: JSON.stringify(backwards),
      timeout: 120_000,
    });
    expect(cold.status, cold.stderr).toBe(0);
    expect(JSON.parse(cold.stdout)).toEqual(forwards);
  }, 240_000);
});
