// /check against the gold claims (tests/fixtures/gold/claims.json): per verdict, how often the bot's verdict
// is right when it gives it (precision) and how often it gives it when a reader would (recall). The claims
// written after the thresholds were chosen (heldOut) are also scored apart: the honest figure for new text.
import { checkClaim, type ClaimCheck } from '../src/library/claims.js';
import type { GoldSet } from './gold/load.js';
import type { GoldClaim, GoldVerdict } from './gold/types.js';

const VERDICTS: GoldVerdict[] = ['stated', 'different', 'not-found'];

export interface VerdictScore {
  verdict: GoldVerdict;
  expected: number;
  given: number;
  right: number;
  precision: number;
  recall: number;
}

export interface ClaimScores {
  claims: number;
  /** One a figure, or one a claim without figures. */
  verdicts: number;
  accuracy: number;
  byVerdict: VerdictScore[];
}

export interface ClaimEval {
  all: ClaimScores;
  heldOut: ClaimScores;
  failures: string[];
}

interface Pair {
  gold: GoldClaim;
  text: string;
  expected: GoldVerdict;
  given: GoldVerdict | 'none';
}

/** The verdict given for the figure written `text`; a claim read by its words answers for all its figures. */
function givenFor(check: ClaimCheck, claim: string, text: string): GoldVerdict | 'none' {
  if (check.words) return check.words.verdict;
  const wanted = text.toLowerCase();
  const written = (span: readonly [number, number]) => claim.slice(...span).toLowerCase();
  // Else the figure read where the gold text stands ("about $70" for "$70 a year"): the gold writes a figure
  // with its unit or period, the bot may read it with its qualifier.
  const at = claim.toLowerCase().indexOf(wanted);
  const figure =
    check.figures.find((f) => written(f.span) === wanted) ??
    check.figures.find((f) => written(f.span).includes(wanted) || wanted.includes(written(f.span))) ??
    check.figures.find((f) => at >= 0 && f.span[0] < at + wanted.length && at < f.span[1]);
  return figure?.verdict ?? 'none';
}

/** Every (expected, given) pair of the set: one a figure, or one for a claim without figures. */
function pairs(set: GoldSet, claims: GoldClaim[]): Pair[] {
  return claims.flatMap((gold) => {
    const check = checkClaim(set.library.claims, gold.claim);
    if (gold.verdict) return [{ gold, text: '', expected: gold.verdict, given: check.words?.verdict ?? 'none' }];
    return Object.entries(gold.figures ?? {}).map(([text, expected]) => ({
      gold,
      text,
      expected,
      given: givenFor(check, gold.claim, text),
    }));
  });
}

function score(all: Pair[]): ClaimScores {
  const byVerdict = VERDICTS.map((verdict) => {
    const expected = all.filter((p) => p.expected === verdict).length;
    const given = all.filter((p) => p.given === verdict).length;
    const right = all.filter((p) => p.given === verdict && p.expected === verdict).length;
    return {
      verdict,
      expected,
      given,
      right,
      precision: right / Math.max(1, given),
      recall: right / Math.max(1, expected),
    };
  });
  return {
    claims: new Set(all.map((p) => p.gold)).size,
    verdicts: all.length,
    accuracy: all.filter((p) => p.given === p.expected).length / Math.max(1, all.length),
    byVerdict,
  };
}

export function scoreClaims(set: GoldSet, claims = set.claims): ClaimEval {
  const all = pairs(set, claims);
  const failures = all
    .filter((p) => p.given !== p.expected)
    .map(
      (p) =>
        `claim ${p.gold.heldOut ? '(held out) ' : ''}${p.gold.kind}: "${p.gold.claim}"${p.text ? ` [${p.text}]` : ''}: ${p.given}, expected ${p.expected}`,
    );
  return { all: score(all), heldOut: score(all.filter((p) => p.gold.heldOut)), failures };
}
