// Short forms learned from the documents: "Full Name (FN)" defines FN, and /trend reads either for the other.
import { describe, expect, it } from 'vitest';
import {
  countNamesByInitials,
  fullNameBefore,
  learnAcronyms,
  mostWritten,
  namesSpelling,
  otherSpellings,
  SpelledNames,
  type NameCounts,
} from '../../src/library/acronyms.js';
import type { Document } from '../../src/document/types.js';
import { findTrend } from '../../src/library/trend-series.js';
import { sheetsLibrary } from '../support/dated-sheets.js';

const DEFINING = sheetsLibrary([
  { date: '2023-01-10', statements: ['Sales of electric vehicles (EVs) doubled, and 1,000 chargers opened.'] },
  { date: '2023-02-10', statements: ['Households joined the Affordable Connectivity Program (ACP) this year.'] },
  { date: '2023-03-10', statements: ['The Department of Energy (DOE) hired staff; the program (XYZ) did not.'] },
]);

describe('acronyms', () => {
  it('reads the full name whose initials spell the short form, small words skipped or counted', () => {
    expect(fullNameBefore('households in the Affordable Connectivity Program', 'ACP')).toBe(
      'Affordable Connectivity Program',
    );
    expect(fullNameBefore('support for Historically Black Colleges and Universities', 'HBCU')).toBe(
      'Historically Black Colleges and Universities',
    );
    expect(fullNameBefore('The Department of Energy', 'DOE')).toBe('Department of Energy');
    expect(fullNameBefore('announced the program', 'XYZ')).toBeNull();
  });

  it('learns what the documents define, and writes a query the other way', () => {
    const acronyms = learnAcronyms(DEFINING.documents);
    expect(Object.fromEntries([...acronyms].map(([stem, full]) => [stem, full.stems.join(' ')]))).toEqual({
      ev: 'electr vehicl',
      acp: 'afford connect program',
      doe: 'depart energi',
    });
    expect(otherSpellings('ACP enrollment', acronyms)).toEqual(['Affordable Connectivity Program enrollment']);
    expect(otherSpellings('electric vehicles on the road', acronyms)).toEqual(['EV on the road']);
    expect(otherSpellings('jobs created', acronyms)).toEqual([]);
  });

  it('draws "EVs" on the road in the series of electric vehicles a query names', () => {
    const library = sheetsLibrary([
      { date: '2022-01-10', statements: ['Our factories build electric vehicles (EVs) for export.'] },
      { date: '2022-06-10', statements: ['There are now more than 2 million electric vehicles on the road.'] },
      { date: '2023-02-10', statements: ['There are now more than 3 million EVs on the road.'] },
      { date: '2024-01-10', statements: ['There are now 4.5 million EVs on the road.'] },
    ]);
    const [first] = findTrend(library, 'electric vehicles on the road').series;
    expect(first!.points.map((p) => [p.date, p.value])).toEqual([
      ['2022-06-10', 2_000_000],
      ['2023-02-10', 3_000_000],
      ['2024-01-10', 4_500_000],
    ]);
  });

  it('finds the names a document spells out for initials it never writes, small words and hyphens read', () => {
    const text =
      'Over 120,000 workers in United Food and Commercial Workers plans, and more under Income-Driven\n' +
      'Repayment. United Food workers.';
    expect([...namesSpelling(text, 'ufcw')]).toEqual([['United Food and Commercial Workers', 1]]);
    expect([...namesSpelling(text, 'idr')]).toEqual([['Income-Driven Repayment', 1]]);
    expect([...namesSpelling(text, 'ir')]).toEqual([['Income-Driven Repayment', 1]]);
    // Initials across a full stop, or in words not capitalized, spell no name.
    expect([...namesSpelling(text, 'ruf')]).toEqual([]);
    expect([...namesSpelling(text, 'owi')]).toEqual([]);
  });

  it('counts in one pass every name namesSpelling finds for initials of three to six letters', () => {
    const text =
      'The United Food and Commercial Workers and Income-Driven Repayment plans. Income-Driven Repayment, ' +
      'the Strategic Petroleum Reserve, the Strategic Preparedness and Response office, the Strategic Petroleum ' +
      'Reserve again; Build Back Better. Biden’s Bipartisan Infrastructure Law of the Day-To-Day Office.';
    const counts: NameCounts = new Map();
    countNamesByInitials(text, counts);
    for (const letters of ['ufcw', 'idr', 'spr', 'bbb', 'bbil', 'dtdo', 'ddo', 'fcw', 'tufcw', 'ruf', 'xyz'])
      expect(counts.get(letters) ?? new Map(), letters).toEqual(namesSpelling(text, letters));
    // Two-letter initials are not asked for.
    expect(counts.has('ir')).toBe(false);
  });

  it('spells out each initials as the name written most often, at least twice as often as the next', () => {
    const text =
      'Strategic Petroleum Reserve. Strategic Preparedness and Response. ' +
      'Build Back Better. Back Better Business. Better Business Bureau. ' +
      'Income-Driven Repayment and Income-Driven Repayment.';
    const names = SpelledNames.of([{ text } as Document]);
    expect(names.nameOf('spr')).toBeNull();
    expect(names.nameOf('bbb')).toBeNull();
    expect(names.nameOf('idr')).toBe('Income-Driven Repayment');
    expect(names.nameOf('bbbu')).toBeNull();
    expect(names.nameOf('id')).toBeNull();
    expect(names.nameOf('zzz')).toBeNull();
    expect(names.nameOf('aaa')).toBeNull();
    expect(
      mostWritten(
        new Map([
          ['Strategic Petroleum Reserve', 2],
          ['Strategic Preparedness and Response', 1],
        ]),
      ),
    ).toBe('Strategic Petroleum Reserve');
    // Each line found by its initials wherever it lies among the sorted lines.
    const many = 'Alpha Beta Gamma. Beta Gamma Delta. Gamma Delta Epsilon. Delta Epsilon Zeta. Omega Psi Chi.';
    const sorted = SpelledNames.of([{ text: many } as Document]);
    for (const [letters, name] of [
      ['abg', 'Alpha Beta Gamma'],
      ['bgd', 'Beta Gamma Delta'],
      ['gde', 'Gamma Delta Epsilon'],
      ['dez', 'Delta Epsilon Zeta'],
      ['opc', 'Omega Psi Chi'],
    ])
      expect(sorted.nameOf(letters!), letters).toBe(name);
    expect(sorted.nameOf('bgc')).toBeNull();
  });
});
