// Short forms learned from the documents: "Full Name (FN)" defines FN, and /trend reads either for the other.
import { describe, expect, it } from 'vitest';
import { fullNameBefore, learnAcronyms, namesSpelling, otherSpellings } from '../../src/library/acronyms.js';
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
});
