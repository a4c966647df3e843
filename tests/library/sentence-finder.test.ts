// /check's every-sentence matcher (a claim without figures): built in slices after a reload's library, the same
// as one built at once, with the event loop let in meanwhile.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';
import { plainTextOf } from '../../src/document/formats/index.js';
import type { Document } from '../../src/document/types.js';
import { checkClaim, type ClaimCheck } from '../../src/library/claims.js';
import type { IndexedSentence } from '../../src/library/figure-search.js';
import { terms } from '../../src/library/search.js';
import { buildLibrary, createLibrary, sentenceFinderBuilt, uniqueIds } from '../../src/library/library.js';
import { seededRandom } from '../support/library.js';
import { runScript } from '../support/run.js';
import { timerGaps } from '../support/timer-gaps.js';

const GOLD = join(import.meta.dirname, '../fixtures/gold');

function goldDocuments(): Document[] {
  const files = readdirSync(join(GOLD, 'docs')).sort();
  return uniqueIds(files.map((file) => parseDocument(readFileSync(join(GOLD, 'docs', file), 'utf8'), { file })));
}

/** The gold claims without figures (those the every-sentence matcher checks), and a few made up. */
function wordClaims(): string[] {
  const gold = JSON.parse(readFileSync(join(GOLD, 'claims.json'), 'utf8')) as Array<{
    claim: string;
    verdict?: string;
  }>;
  const claims = gold.filter((c) => c.verdict).map((c) => c.claim);
  expect(claims.length).toBeGreaterThan(20);
  return [...claims, 'The President did not sign the order', 'wildfire response in California', 'zzz qqq'];
}

/** What a reader sees of a check: the verdicts and the sentences quoted, by document and span. */
function shown(check: ClaimCheck) {
  const quote = (s: IndexedSentence) => `${s.document.id}:${s.span.join('-')}`;
  return {
    words: check.words && {
      verdict: check.words.verdict,
      evidence: check.words.evidence.map((e) => [quote(e.sentence), e.coverage]),
    },
    figures: check.figures.map((f) => [f.verdict, f.evidence.map((e) => quote(e.sentence))]),
  };
}

/** A fact sheet of 40 sections of 30 statements, two sentences each, in words drawn from 2,000 made-up ones. */
function factSheet(seed: number): string {
  const random = seededRandom(seed + 1);
  const word = () => `w${Math.floor(random() * 2000).toString(36)}`;
  const sentence = () => `The ${Array.from({ length: 12 }, word).join(' ')} grew ${Math.floor(random() * 900)} times.`;
  const out: string[] = [];
  for (let s = 0; s < 40; s++) {
    out.push(`SECTION ${s} ${word().toUpperCase()}`, '');
    for (let p = 0; p < 30; p++) out.push(`- ${sentence()} ${sentence()}`);
    out.push('');
  }
  return out.join('\n');
}

const sentencesOf = (sentences: IndexedSentence[]) =>
  sentences.map((s) => ({ id: s.document.id, span: s.span, terms: [...s.terms], key: s.key }));

describe("/check's every-sentence matcher", () => {
  it('built in slices after the library holds the same sentences and gives the same checks as one built at once', async () => {
    const atOnce = createLibrary(goldDocuments());
    const sliced = await buildLibrary(goldDocuments());
    await sentenceFinderBuilt(sliced);
    expect(sentencesOf(sliced.claims.everySentence().sentences)).toEqual(
      sentencesOf(atOnce.claims.everySentence().sentences),
    );
    const checks = wordClaims().map((claim) => [claim, checkClaim(sliced.claims, claim)] as const);
    for (const [claim, check] of checks) {
      expect(shown(check), claim).toEqual(shown(checkClaim(atOnce.claims, claim)));
      expect(check.words).not.toBeNull();
    }
    expect(checks.some(([, check]) => check.words!.verdict === 'stated')).toBe(true);
  });

  it("keeps each sentence's stems and key as its plain text gives them", () => {
    const { sentences } = createLibrary(goldDocuments()).claims.everySentence();
    const vocabulary = [...new Set(sentences.slice(0, 20).flatMap((s) => [...s.terms]))];
    for (const sentence of sentences) {
      const text = plainTextOf(sentence.document, sentence.document.text.slice(...sentence.span));
      const stems = new Set(terms(text));
      expect([...sentence.terms]).toEqual([...stems].sort());
      const probes = [...vocabulary, 'zz-absent', ''];
      expect(probes.filter((term) => sentence.terms.has(term))).toEqual(probes.filter((term) => stems.has(term)));
      expect(sentence.key).toBe(text.toLowerCase());
    }
  });

  it('asked for before its slices are done, is finished at once, once: the same matcher, the same answers', async () => {
    const atOnce = createLibrary(goldDocuments());
    const sliced = await buildLibrary(goldDocuments());
    const claim = wordClaims()[0]!;
    expect(shown(checkClaim(sliced.claims, claim))).toEqual(shown(checkClaim(atOnce.claims, claim)));
    const finder = sliced.claims.everySentence();
    await sentenceFinderBuilt(sliced);
    expect(sliced.claims.everySentence()).toBe(finder);
    expect(sentencesOf(finder.sentences)).toEqual(sentencesOf(atOnce.claims.everySentence().sentences));
  });

  it('is built in slices: a main-thread timer keeps firing while the matcher of a large library is built', async () => {
    const documents = () =>
      Array.from({ length: 12 }, (_, i) => parseDocument(factSheet(i), { file: `sheet-${i}.txt` }));
    const atOnce = createLibrary(uniqueIds(documents()));
    atOnce.claims.everySentence();
    const library = await buildLibrary(uniqueIds(documents()));
    // The library is served from here on, its matcher built in slices meanwhile: a timer keeps firing. Built at
    // once, it could fire only after the whole build. Counted, not timed, so a busy machine cannot fail it.
    const { ticks } = await timerGaps(() => sentenceFinderBuilt(library), 1);
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(library.claims.everySentence().sentences).toHaveLength(atOnce.claims.everySentence().sentences.length);
  });

  it('does not keep a process alive: one that has answered and has nothing left to do exits meanwhile', () => {
    const ran = runScript('tests/support/one-shot-build.ts', []);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe('served\n');
  });
});
