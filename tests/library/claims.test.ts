// The verdicts of /check on the seed and on corpus fact sheets: each verdict, the written forms that are one
// figure, qualifiers, units of one kind, what is counted, several figures in one claim, claims without
// figures, and that every quote is a sentence of its document.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/document/formats/index.js';
import { checkClaim, MAX_FIGURES, type ClaimCheck } from '../../src/library/claims.js';
import { multiDocumentLibrary } from '../support/corpus-fixtures.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { seedLibrary } from '../support/library.js';

const seed = seedLibrary();
const corpus = multiDocumentLibrary();

const verdicts = (check: ClaimCheck) => check.figures.map((f) => f.verdict);
const bolded = (check: ClaimCheck, i = 0) =>
  check.figures[i]!.evidence.flatMap((e) => e.bold.map((b) => b.figure.text));

describe('checkClaim on the seed', () => {
  it('finds a figure stated in other words, with or without its qualifier', () => {
    for (const claim of [
      'ICE arrested more than 120,000 criminal aliens last year',
      'Last year Immigration and Customs Enforcement arrested 120,000 criminal aliens',
      'ICE arrested about 120k criminal aliens last year',
    ]) {
      const check = checkClaim(seed.claims, claim);
      expect(verdicts(check), claim).toEqual(['stated']);
      expect(bolded(check), claim).toEqual(['more than 120,000']);
    }
  });

  it('takes equal values in any written form: 75 percent is 75%, eight is 8', () => {
    expect(verdicts(checkClaim(seed.claims, 'Border apprehensions are down 75 percent since last May'))).toEqual([
      'stated',
    ]);
    expect(verdicts(checkClaim(seed.claims, 'Apprehensions have declined for eight consecutive months'))).toEqual([
      'stated',
    ]);
  });

  it('gives the documents’ figure when the claim changes the number, the qualifier or the unit', () => {
    for (const claim of [
      'ICE arrested 200,000 criminal aliens last year',
      'ICE arrested fewer than 120,000 criminal aliens last year',
      'Apprehensions have declined for 8 consecutive weeks',
      'More than 100 kilometers of border wall have been constructed',
    ]) {
      const check = checkClaim(seed.claims, claim);
      expect(verdicts(check), claim).toEqual(['different']);
      expect(check.figures[0]!.evidence.length, claim).toBeGreaterThan(0);
    }
  });

  it('bolds the figure for the same thing among several in one statement', () => {
    const check = checkClaim(seed.claims, 'These criminals committed more than 45,000 burglaries');
    expect(verdicts(check)).toEqual(['different']);
    expect(bolded(check)).toEqual(['more than 10,000']);
  });

  it('finds nothing for a thing the documents do not count, even with a number they state', () => {
    expect(verdicts(checkClaim(seed.claims, 'ICE arrested more than 120,000 drug smugglers last year'))).toEqual([
      'not-found',
    ]);
    expect(verdicts(checkClaim(seed.claims, 'NASA’s budget this year is $25 billion'))).toEqual(['not-found']);
  });

  it('gives one verdict a figure, in the order the claim states them', () => {
    const check = checkClaim(
      seed.claims,
      'Criminal aliens were responsible for more than 5,000 sexual assaults and more than 12,000 burglaries, and 3 million cats',
    );
    expect(check.figures.map((f) => f.text)).toEqual(['more than 5,000', 'more than 12,000', '3 million']);
    expect(verdicts(check)).toEqual(['stated', 'different', 'not-found']);
  });

  it('checks a claim without figures by its words', () => {
    const said = checkClaim(seed.claims, 'Mexico enhanced its border security efforts.');
    expect(said.figures).toEqual([]);
    expect(said.words?.verdict).toBe('stated');
    expect(checkClaim(seed.claims, 'The government has banned TikTok nationwide.').words?.verdict).toBe('not-found');
  });

  it('does not take a statement for its negation', () => {
    expect(checkClaim(seed.claims, 'Mexico did not enhance its border security efforts.').words?.verdict).toBe(
      'not-found',
    );
    expect(verdicts(checkClaim(seed.claims, 'ICE did not arrest 120,000 criminal aliens last year'))).toEqual([
      'not-found',
    ]);
  });

  it('reads each line of a chat message on its own, and checks at most MAX_FIGURES figures', () => {
    const lines = Array.from({ length: MAX_FIGURES + 3 }, (_, i) => `ICE arrested ${i + 1},000 criminal aliens`);
    const check = checkClaim(seed.claims, lines.join('\n'));
    expect(check.figures).toHaveLength(MAX_FIGURES);
    expect(check.unchecked).toBe(3);
  });
});

describe('checkClaim on corpus fact sheets', () => {
  it('gives each verdict, limited to one document when asked', () => {
    const claim = 'Fannie Mae and Freddie Mac were directed to purchase $200 billion in mortgage-backed securities';
    expect(verdicts(checkClaim(corpus.claims, claim))).toEqual(['stated']);
    expect(verdicts(checkClaim(corpus.claims, claim, 'ratepayer-protection'))).toEqual(['not-found']);
    expect(
      verdicts(
        checkClaim(corpus.claims, 'Fannie Mae and Freddie Mac will buy $200 million in mortgage-backed securities'),
      ),
    ).toEqual(['different']);
    expect(verdicts(checkClaim(corpus.claims, 'President Trump took action to save 74 coal power plants'))).toEqual([
      'stated',
    ]);
    expect(verdicts(checkClaim(corpus.claims, 'President Trump took action to save 47 coal power plants'))).toEqual([
      'different',
    ]);
    expect(verdicts(checkClaim(corpus.claims, 'The Eiffel Tower is 330 meters tall'))).toEqual(['not-found']);
  });

  it('quotes whole sentences of the document, never anything else', () => {
    const claims = [
      'Deregulation in 2025 will save Americans a collective $212 billion',
      'President Trump took action to save 47 coal power plants',
      'ICE arrested 200,000 criminal aliens last year',
      'Mexico enhanced its border security efforts.',
    ];
    for (const claim of claims) {
      const check = checkClaim(corpus.claims, claim);
      const evidence = [...check.figures.flatMap((f) => f.evidence), ...(check.words?.evidence ?? [])];
      expect(evidence.length, claim).toBeGreaterThan(0);
      for (const { sentence, bold } of evidence) {
        const { document, span } = sentence;
        const text = document.text.slice(...span);
        expect(plainTextOf(document, text).toLowerCase()).toBe(sentence.key);
        for (const ref of bold) {
          expect(ref.document).toBe(document);
          expect(ref.figure.span[0]).toBeGreaterThanOrEqual(span[0]);
          expect(ref.figure.span[1]).toBeLessThanOrEqual(span[1]);
        }
      }
    }
  });

  it('answers every hostile input without throwing', () => {
    for (const input of HOSTILE_INPUTS) expect(() => checkClaim(corpus.claims, input)).not.toThrow();
  });
});
