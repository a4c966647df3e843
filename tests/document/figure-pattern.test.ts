// The figure pattern's named groups: read only by typed names, and the list of names is the pattern's own.
import { describe, expect, it } from 'vitest';
import { FIGURE, FIGURE_GROUPS, figureGroups } from '../../src/document/figures/pattern.js';

describe('figure pattern groups', () => {
  it('lists exactly the named groups the pattern has', () => {
    const inPattern = [...FIGURE.source.matchAll(/\(\?<([A-Za-z]\w*)>/g)].map((m) => m[1]);
    expect([...inPattern].sort()).toEqual([...FIGURE_GROUPS].sort());
  });

  it('reads a match by its typed names, and a misspelt name does not compile', () => {
    const match = new RegExp(FIGURE).exec('about $1.4 billion')!;
    const groups = figureGroups(match);
    expect([groups.qualifier, groups.currency, groups.num, groups.scale]).toEqual(['about', '$', '1.4', ' billion']);
    // @ts-expect-error: "scales" is no group of the pattern (npm run typecheck fails if it compiles)
    expect(groups.scales).toBeUndefined();
  });
});
