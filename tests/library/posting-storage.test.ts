// Issue 21, point 4: an index's postings grew a push at a time in plain arrays (8 bytes a number, and up to half
// as many again unused) and were kept so. Once built they are typed arrays of 2 or 4 bytes a number, or plain
// arrays trimmed to their length when short; what a search finds is the same. Storage is inspected, never timed.
import { describe, expect, it } from 'vitest';
import { ContextRanking } from '../../src/library/context-ranking.js';
import { FieldIndex, TextIndex } from '../../src/library/search.js';
import { finish } from '../../src/library/steps.js';

/** Entry n's terms: "tariff" in every entry (twice in every third), a word of its own, "rare" in entry 7 only. */
function termsOf(n: number): string[] {
  return ['tariff', `word${n}`, ...(n % 3 === 0 ? ['tariff'] : []), ...(n === 7 ? ['rare'] : [])];
}

function builtField(entries: number, firstId = 0): FieldIndex {
  const field = new FieldIndex();
  for (let n = 0; n < entries; n++) field.add(firstId + n, termsOf(n));
  return field;
}

const plain = (posting: { ids: ArrayLike<number>; counts: ArrayLike<number> } | undefined) => ({
  ids: Array.from(posting!.ids),
  counts: Array.from(posting!.counts),
});

describe("an index's postings, once built", () => {
  it('hold a long posting in a typed array of 2 bytes a number while ids fit, 4 past that', () => {
    for (const [firstId, kind] of [
      [0, Uint16Array],
      [100_000, Int32Array],
    ] as const) {
      const field = builtField(200, firstId);
      const before = plain(field.postings.get('tariff'));
      finish(field.compactSteps());
      const posting = field.postings.get('tariff')!;
      expect(posting.ids).toBeInstanceOf(kind);
      expect(posting.counts).toBeInstanceOf(Uint16Array);
      expect(plain(posting)).toEqual(before);
      expect(before.counts.filter((c) => c === 2)).toHaveLength(67);
    }
  });

  it('keep a short posting a plain array of its numbers', () => {
    const field = builtField(200);
    finish(field.compactSteps());
    const rare = field.postings.get('rare')!;
    expect(Array.isArray(rare.ids)).toBe(true);
    expect(plain(rare)).toEqual({ ids: [7], counts: [1] });
  });

  it('still take an entry added after', () => {
    const field = builtField(200);
    finish(field.compactSteps());
    field.add(500, ['tariff', 'rare']);
    expect(plain(field.postings.get('tariff')).ids.slice(-2)).toEqual([199, 500]);
    expect(plain(field.postings.get('rare'))).toEqual({ ids: [7, 500], counts: [1, 1] });
  });

  it('find what they found before, ranked the same', () => {
    const index = () => {
      const built = new TextIndex([{ name: 'text', weight: 1 }]);
      for (let n = 0; n < 300; n++) built.add(n, { text: termsOf(n) });
      return built;
    };
    const growing = index();
    const found = growing.search('tariff rare', 50);
    const compacted = index().prepare();
    expect(compacted.search('tariff rare', 50)).toEqual(found);
    expect(found[0]!.id).toBe(7);
  });

  it("hold /stat's context ranking typed once prepared, scoring by BM25", () => {
    const built = new ContextRanking([{ weight: 1, shared: false }]);
    for (let n = 0; n < 300; n++) built.add([termsOf(n).join(' ')]);
    const candidates = [3, 7, 9];
    const groups = [
      [{ term: 'tariff', weight: 1, kind: 'word' as const }],
      [{ term: 'rare', weight: 1, kind: 'word' as const }],
    ];
    const prepared = built.prepare();
    const field = (prepared as unknown as { fields: Array<{ index: FieldIndex }> }).fields[0]!.index;
    expect(field.postings.get('tariff')!.ids).toBeInstanceOf(Uint16Array);
    const [three, seven, nine] = Array.from(prepared.scores(groups, candidates));
    expect(seven).toBeGreaterThan(three!);
    expect(three).toBe(nine);
  });
});
