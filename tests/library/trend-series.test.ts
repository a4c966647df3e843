// /trend's series: figures grouped so that a series never mixes units, counted things or periods, one point a
// document, undated and vague figures set aside, and a cap on what a broad query reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundOf,
  countedOf,
  findTrend,
  MAX_TREND_FIGURES,
  periodOf,
  seriesKeyOf,
  type Trend,
} from '../../src/library/trend-series.js';
import { shownSeries } from '../../commands/trend.js';
import { sheetsLibrary, type Sheet } from '../support/dated-sheets.js';
import { libraryOf } from '../support/library.js';

const texts = (trend: Trend) =>
  trend.series.map((s) => ({
    name: s.name,
    points: s.points.map((p) => [p.date, p.value, p.valueMax, p.bound, p.figures.map((f) => f.figure.text)]),
  }));

const SEIZURES: Sheet[] = [
  { date: '2025-01-10', statements: ['Border agents seized 1,200 pounds of fentanyl last month.'] },
  {
    date: '2025-03-10',
    statements: [
      'Border agents seized more than 2,000 pounds of fentanyl.',
      'Agents seized 3,000 pounds of fentanyl at ports in March.',
    ],
  },
  { date: '2025-05-10', statements: ['Border agents seized nearly 2,500 pounds of fentanyl.'] },
  { date: null, statements: ['Border agents seized 900 pounds of fentanyl.'] },
  { date: '2025-06-10', statements: ['Border agents seized thousands of pounds of fentanyl.'] },
];

describe('trend series', () => {
  it('puts one document on one day as one point with all its quotes, a range when they differ', () => {
    const trend = findTrend(sheetsLibrary(SEIZURES), 'pounds of fentanyl seized');
    expect(texts(trend)).toEqual([
      {
        name: 'pounds of fentanyl',
        points: [
          ['2025-01-10', 1200, null, 'exact', ['1,200']],
          ['2025-03-10', 2000, 3000, 'exact', ['more than 2,000', '3,000']],
          ['2025-05-10', 2500, null, 'atMost', ['nearly 2,500']],
        ],
      },
    ]);
  });

  it('sets aside figures of undated documents and vague figures, listing them', () => {
    const trend = findTrend(sheetsLibrary(SEIZURES), 'pounds of fentanyl seized');
    expect(trend.undated.map((r) => [r.document.file, r.figure.text])).toEqual([['sheet-4.md', '900']]);
    expect(trend.vague.map((r) => [r.document.file, r.figure.text])).toEqual([['sheet-5.md', 'thousands']]);
  });

  it("gives a sentence repeated in later sheets a point on each sheet's day", () => {
    const repeated = 'More than 10 million households are enrolled in the broadband program.';
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-02-14', statements: [repeated] },
        { date: '2022-03-01', statements: [repeated] },
        {
          date: '2022-05-09',
          statements: ['More than 11.5 million households are enrolled in the broadband program.'],
        },
      ]),
      'households enrolled in the broadband program',
    );
    expect(texts(trend)).toEqual([
      {
        name: 'households',
        points: [
          ['2022-02-14', 10_000_000, null, 'atLeast', ['More than 10 million']],
          ['2022-03-01', 10_000_000, null, 'atLeast', ['More than 10 million']],
          ['2022-05-09', 11_500_000, null, 'atLeast', ['More than 11.5 million']],
        ],
      },
    ]);
  });

  it('keeps apart things counted with other words, the one the query names first', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-01', statements: ['The law created 170,000 clean energy jobs.'] },
        { date: '2023-06-01', statements: ['The law created 210,000 clean energy jobs.'] },
        { date: '2023-07-01', statements: ['The clean energy law created 2,000 construction jobs.'] },
        { date: '2023-08-01', statements: ['The clean energy law created 3,000 construction jobs.'] },
      ]),
      'clean energy jobs created',
    );
    expect(trend.series.map((s) => [s.name, s.points.map((p) => p.value)])).toEqual([
      ['clean energy jobs', [170_000, 210_000]],
      ['construction jobs', [2_000, 3_000]],
    ]);
  });

  it('reads statements that hold enough of the query beyond the confident answers', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-02-14', statements: ['More than 10 million households are enrolled in the broadband program.'] },
        { date: '2022-07-21', statements: ['About 13 million households have signed up for the broadband program.'] },
      ]),
      'households enrolled in the broadband program',
    );
    expect(trend.series.map((s) => [s.name, s.points.map((p) => p.value)])).toEqual([
      ['households', [10_000_000, 13_000_000]],
    ]);
  });

  it('ranks first a series whose counted word the query names, not one it names as a modifier', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-01-01', statements: ['The plan builds 500,000 electric vehicle chargers on the road.'] },
        { date: '2022-06-01', statements: ['The plan builds 600,000 electric vehicle chargers on the road.'] },
        { date: '2023-01-01', statements: ['There are 2 million electric vehicles on the road.'] },
        { date: '2023-06-01', statements: ['There are 3 million electric vehicles on the road.'] },
      ]),
      'electric vehicles on the road',
    );
    expect(trend.series.map((s) => [s.name, s.named, s.points.map((p) => p.value)])).toEqual([
      ['electric vehicles', 2, [2_000_000, 3_000_000]],
      ['electric vehicle chargers', 0, [500_000, 600_000]],
    ]);
  });

  it('reads no length of time as a value unless the query asks how long', () => {
    const sheets: Sheet[] = [
      { date: '2023-01-01', statements: ['Overdose deaths fell for 5 months in a row.'] },
      { date: '2023-06-01', statements: ['Overdose deaths fell for 7 months in a row.'] },
    ];
    expect(findTrend(sheetsLibrary(sheets), 'overdose deaths fell').series).toEqual([]);
    const asked = findTrend(sheetsLibrary(sheets), 'how long overdose deaths fell');
    expect(asked.series.map((s) => [s.unit, s.points.map((p) => p.value)])).toEqual([['months', [5, 7]]]);
  });

  it('never puts "per month" and "per year" in one series', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2024-01-01', statements: ['The program costs $10 million per month.'] },
        { date: '2024-02-01', statements: ['The program costs $12 million per month.'] },
        { date: '2024-03-01', statements: ['The program costs $150 million per year.'] },
      ]),
      'program costs',
    );
    expect(trend.series.map((s) => [s.per, s.points.map((p) => p.value)])).toEqual([
      ['month', [10_000_000, 12_000_000]],
      ['year', [150_000_000]],
    ]);
  });

  it('reads what is counted past a unit and before a place', () => {
    const lib = sheetsLibrary([
      {
        date: '2024-01-01',
        statements: ['We seized 4,000 pounds of fentanyl.', 'The plant will create 2,000 construction jobs in Ohio.'],
      },
    ]);
    expect(lib.parts().figures.map((ref) => [ref.figure.text, countedOf(ref), seriesKeyOf(ref)])).toEqual([
      ['4,000', 'fentanyl', 'pounds|fentanyl||'],
      ['2,000', 'construct job', 'count|construct job||'],
    ]);
  });

  it('reads a unit written short ("GW") as the unit, not as what is counted: one thing however it is written', () => {
    const lib = sheetsLibrary([
      {
        date: '2024-01-01',
        statements: ['Public lands host 4.6 GW of clean energy.', 'They host 10 gigawatts of clean energy.'],
      },
    ]);
    expect(lib.parts().figures.map((ref) => seriesKeyOf(ref))).toEqual([
      'gigawatts|clean energi||',
      'gigawatts|clean energi||',
    ]);
  });

  it('ranks first the thing a query counts, never one whose clause only says its short unit ("GW")', () => {
    const library = sheetsLibrary([
      { date: '2024-01-10', statements: ['The agency has approved 10 GW of offshore wind.'] },
      { date: '2024-06-10', statements: ['The agency has now approved 15 GW of offshore wind.'] },
      { date: '2024-03-10', statements: ['Offshore wind areas could bring 4.6 GW of clean energy.'] },
      { date: '2024-04-10', statements: ['Offshore wind leases may bring 5 GW of clean energy.'] },
    ]);
    const [first] = findTrend(library, 'how many GW of offshore wind approved').series;
    expect(first!.points.map((p) => [p.date, p.value])).toEqual([
      ['2024-01-10', 10],
      ['2024-06-10', 15],
    ]);
  });

  it('reads periods and bounds as written', () => {
    const lib = sheetsLibrary([
      { date: '2024-01-01', statements: ['Crossings fell to 8,000 a month.', 'Crossings were 2 million annually.'] },
    ]);
    expect(lib.parts().figures.map(periodOf)).toEqual(['month', 'year']);
    expect(['more than', 'over', 'nearly', 'up to', 'about', null].map(boundOf)).toEqual([
      'atLeast',
      'atLeast',
      'atMost',
      'atMost',
      'about',
      'exact',
    ]);
  });

  it('reads no period off what a share counts: "daily deaths are down 90 percent" is no daily amount', () => {
    const lib = sheetsLibrary([
      {
        date: '2024-01-01',
        statements: [
          'Daily COVID-19 deaths are down 90 percent.',
          'Monthly crossings fell 40%.',
          'Daily COVID-19 deaths fell to 300.',
          'The rate fell 5% each month.',
        ],
      },
    ]);
    expect(lib.parts().figures.map((ref) => [ref.figure.text, periodOf(ref)])).toEqual([
      ['90 percent', null],
      ['40%', null],
      ['300', 'day'],
      ['5%', 'month'],
    ]);
  });

  it('gives "per month" after a second figure to that figure, not to the one before it', () => {
    const lib = sheetsLibrary([
      {
        date: '2024-01-01',
        statements: [
          'Over 16 million households now save $500 million per month on internet bills.',
          'About 2 million households save $30 each month.',
          'Crossings fell to 8,000 a month, from 10,000.',
        ],
      },
    ]);
    expect(lib.parts().figures.map((ref) => [ref.figure.text, periodOf(ref)])).toEqual([
      ['Over 16 million', null],
      ['$500 million', 'month'],
      ['About 2 million', null],
      ['$30', 'month'],
      ['8,000', 'month'],
      ['10,000', null],
    ]);
  });

  it('reads at most MAX_TREND_FIGURES figures and counts the rest as left out', () => {
    const sheets = Array.from({ length: MAX_TREND_FIGURES + 20 }, (_, i) => ({
      date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`,
      // "2,010" with its comma: no year.
      statements: [`Border agents seized ${(i + 1).toLocaleString('en-US')} pounds of fentanyl.`],
    }));
    const trend = findTrend(sheetsLibrary(sheets), 'pounds of fentanyl');
    expect(trend.found).toBe(MAX_TREND_FIGURES + 20);
    expect(trend.leftOut).toBe(20);
  });

  it('groups every figure of a query a thousand sheets state: no cut to the best covered before grouping', () => {
    const sheets = Array.from({ length: 1000 }, (_, i) => ({
      date: `2024-01-01`,
      // Values of one order: a figure tenfold below the middle is a part, set apart.
      statements: [`Border agents seized ${(1000 + i).toLocaleString('en-US')} pounds of fentanyl.`],
    }));
    const trend = findTrend(sheetsLibrary(sheets), 'pounds of fentanyl');
    expect([trend.found, trend.leftOut, trend.series[0]!.points.length]).toEqual([1000, 0, 1000]);
  });

  it('answers an empty or huge query with nothing', () => {
    const lib = sheetsLibrary(SEIZURES);
    expect(findTrend(lib, '  ').series).toEqual([]);
    expect(findTrend(lib, 'fentanyl '.repeat(100)).series).toEqual([]);
  });
});

// Statements from parts that give units, counted things and periods in many combinations.
const amount = fc.oneof(
  fc.integer({ min: 1, max: 90_000 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n}%`),
  fc.integer({ min: 1, max: 900 }).map((n) => `$${n} million`),
  fc.constantFrom('more than 1,000', 'nearly 700', 'from 400 to 1,200', 'about 3 million'),
);
const thing = fc.constantFrom('jobs', 'construction jobs', 'pounds of fentanyl', 'migrants', 'jobs in Ohio', 'tariffs');
const period = fc.constantFrom('', ' per month', ' a year', ' each week', ' annually');
const statement = fc
  .tuple(amount, thing, period)
  .map(([a, t, p]) => `Officials reported ${a} ${t}${p} in the border and jobs program.`);
const sheet = fc.record({
  date: fc.option(
    fc
      .date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { freq: 8 },
  ),
  statements: fc.array(statement, { minLength: 1, maxLength: 4 }),
});

describe('trend series, property', () => {
  it('never mixes units, counted things or periods in a series; every point is its figures', () => {
    fc.assert(
      fc.property(
        fc.array(sheet, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('jobs', 'border program', 'fentanyl', 'migrants'),
        (sheets, query) => {
          const trend = findTrend(sheetsLibrary(sheets), query);
          for (const series of trend.series) {
            const figures = series.points.flatMap((p) => p.figures);
            expect(new Set(figures.map((f) => f.figure.unit ?? 'count')).size).toBe(1);
            expect(new Set(figures.map((f) => countedOf(f))).size).toBe(1);
            expect(new Set(figures.map(periodOf)).size).toBe(1);
            expect(new Set(series.points.map((p) => p.document)).size).toBe(series.points.length);
            for (const point of series.points) {
              const values = point.figures.flatMap((f) => [f.figure.value!, f.figure.valueMax ?? f.figure.value!]);
              expect([point.value, point.valueMax ?? point.value]).toEqual([Math.min(...values), Math.max(...values)]);
              expect(point.figures.every((f) => f.document === point.document)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150, seed: Number(process.env.PROPERTY_SEED ?? 1) },
    );
  });
});

describe('trend series, figures saying nothing of what they count', () => {
  it('joins them to the series the query names when their sentence holds all of it, the thing before them', () => {
    const library = sheetsLibrary([
      { date: '2022-01-10', statements: ['The country ran a $800 billion trade deficit.'] },
      { date: '2023-01-10', statements: ['The country ran a $900 billion trade deficit.'] },
      { date: '2024-01-10', statements: ['Our trade deficit exceeded $1 trillion.'] },
      { date: '2024-06-10', statements: ['Spending reached $2 trillion despite the trade deficit.'] },
    ]);
    const [first, ...others] = findTrend(library, 'trade deficit').series;
    expect(first!.points.map((p) => [p.date, p.value])).toEqual([
      ['2022-01-10', 800e9],
      ['2023-01-10', 900e9],
      ['2024-01-10', 1e12],
    ]);
    expect(others.flatMap((s) => s.points.map((p) => p.value))).toEqual([2e12]);
  });

  it('never reads the bold label opening the paragraph as what they count: it heads it, as a title would', () => {
    const library = sheetsLibrary([
      { date: '2022-01-10', statements: ['The country ran a $800 billion trade deficit.'] },
      { date: '2023-01-10', statements: ['The country ran a $900 billion trade deficit.'] },
      { date: '2024-01-10', statements: ['**Trade Deficit:** In 2024, our trade deficit exceeded $1 trillion.'] },
      { date: '2024-06-10', statements: ['**Trade Deficit:** In 2024, spending reached $2 trillion.'] },
    ]);
    const [first, ...others] = findTrend(library, 'trade deficit').series;
    expect(first!.points.map((p) => [p.date, p.value])).toEqual([
      ['2022-01-10', 800e9],
      ['2023-01-10', 900e9],
      ['2024-01-10', 1e12],
    ]);
    expect(others.flatMap((s) => s.points.map((p) => p.value))).toEqual([2e12]);
  });
});

describe('trend series, what keeps a figure in a series', () => {
  const keyed = (trend: Trend) => trend.series.map((s) => [s.key, s.named, s.points.map((p) => p.value)]);
  const apart = (trend: Trend) => trend.apart.map((r) => r.figure.text);

  it('keeps a part named before the figure ("among rural Americans") out of the whole, unnamed by the query', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-01-10', statements: ['The uninsured rate fell to 9%.'] },
        { date: '2022-08-10', statements: ['The uninsured rate fell to 8%.'] },
        { date: '2022-09-10', statements: ['The uninsured rate among rural Americans fell to 16%.'] },
        { date: '2022-10-10', statements: ['The uninsured rate for the self-employed fell to 20%.'] },
      ]),
      'uninsured rate',
    );
    expect(keyed(trend)).toEqual([
      ['%|uninsur rate||', 2, [9, 8]],
      ['%|uninsur rate||rural american', 0, [16]],
      ['%|uninsur rate||self emploi', 0, [20]],
    ]);
  });

  it('names a part the query asks for, and reads "in" before a figure as a part, after it as the thing', () => {
    const library = sheetsLibrary([
      { date: '2025-01-10', statements: ['The trade deficit in automobile parts reached $90 billion.'] },
      { date: '2025-03-10', statements: ['The trade deficit in automobile parts reached $93 billion.'] },
      { date: '2025-04-10', statements: ['Companies announced $470 billion in private investment in factories.'] },
    ]);
    expect(keyed(findTrend(library, 'trade deficit in automobile parts'))).toEqual([
      ['$|trade deficit||automobil part', 4, [90e9, 93e9]],
    ]);
    expect(keyed(findTrend(library, 'private investment announced'))).toEqual([['$|privat invest||', 2, [470e9]]]);
  });

  it('keeps a place named right after what a figure counts out of the whole; the country, a year, a program stay', () => {
    const library = sheetsLibrary([
      { date: '2022-01-10', statements: ['The United States has shared 400 million vaccine doses to date.'] },
      {
        date: '2022-03-10',
        statements: ['The United States has shared 166 million vaccine doses with 48 countries in Africa.'],
      },
      {
        date: '2022-05-10',
        statements: ['The United States has shared 540 million vaccine doses across the United States and abroad.'],
      },
      {
        date: '2022-06-10',
        statements: [
          'The United States has shared 65 million vaccine doses to countries across Latin America and the Caribbean.',
        ],
      },
      {
        date: '2022-09-10',
        statements: ['The United States has shared 620 million vaccine doses through the COVAX Facility.'],
      },
      { date: '2022-10-10', statements: ['The United States has shared 630 million vaccine doses in the ACP.'] },
      {
        date: '2023-12-10',
        statements: ['The United States has delivered 200 million vaccine doses across Africa since 2021.'],
      },
    ]);
    const doses = (query: string) =>
      keyed(findTrend(library, query)).filter(([key]) => String(key).startsWith('count|vaccin dose'));
    expect(doses('vaccine doses shared')).toEqual([
      ['count|vaccin dose||', 2, [400e6, 540e6, 620e6, 630e6]],
      ['count|vaccin dose||africa', 0, [166e6, 200e6]],
      ['count|vaccin dose||latin america caribbean', 0, [65e6]],
    ]);
    expect(doses('vaccine doses shared in Africa')[0]).toEqual(['count|vaccin dose||africa', 3, [166e6, 200e6]]);
  });

  it('reads a query\'s everyday words as a claim\'s: "shots" for the vaccine doses a sheet counts, not back', () => {
    const library = sheetsLibrary([
      { date: '2022-01-10', statements: ['The United States has shared 400 million COVID-19 vaccine doses.'] },
      { date: '2022-06-10', statements: ['The United States has shared 540 million COVID-19 vaccine doses.'] },
      { date: '2022-09-10', statements: ['The clinic gave 300 flu shots this fall.'] },
    ]);
    expect(keyed(findTrend(library, 'covid shots shared'))[0]).toEqual([
      'count|covid vaccin dose||',
      3,
      [400e6, 540e6],
    ]);
    expect(keyed(findTrend(library, 'flu vaccine doses given'))).toEqual([]);
    // "The US sent 166 million vaccines" says doses, as people write it.
    expect(keyed(findTrend(library, 'covid vaccines shared'))[0]).toEqual([
      'count|covid vaccin dose||',
      3,
      [400e6, 540e6],
    ]);
  });

  it('keeps a partner named with "with" before the figure out of the whole: a deficit with one country', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2025-01-10', statements: ['The goods trade deficit was $1.2 trillion in 2024.'] },
        { date: '2025-02-10', statements: ['The goods trade deficit was $1.1 trillion in 2025.'] },
        { date: '2025-05-12', statements: ['The goods trade deficit with China was $295.4 billion in 2024.'] },
      ]),
      'goods trade deficit',
    );
    expect(keyed(trend)).toEqual([
      ['$|good trade deficit|year|', 3, [1.2e12, 1.1e12]],
      ['$|good trade deficit|year|china', 0, [295.4e9]],
    ]);
  });

  it('sets aside a figure stated for a year before its sheet could report last; the latest year stays', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-05-10', statements: ['The uninsured rate was 30% in 2013.'] },
        { date: '2022-06-10', statements: ['The uninsured rate was 8% in 2021.'] },
        { date: '2023-06-10', statements: ['The uninsured rate was 7.7% in 2022.'] },
      ]),
      'uninsured rate',
    );
    expect(apart(trend)).toEqual(['30%']);
    expect(keyed(trend)).toEqual([['%|uninsur rate|year|', 2, [8, 7.7]]]);
  });

  it('reads "in 2021 and 2022" as a span ending in its last year, not as the earlier year alone', () => {
    const trend = findTrend(
      sheetsLibrary([
        {
          date: '2023-05-01',
          statements: ['In 2021 and 2022, a record 10.5 million business applications were filed.'],
        },
        { date: '2023-08-01', statements: ['Americans have filed 12.6 million business applications.'] },
      ]),
      'business applications',
    );
    expect(apart(trend)).toEqual([]);
    expect(keyed(trend)).toEqual([['count|busi applic||', 2, [10.5e6, 12.6e6]]]);
  });

  it('never puts a figure for one year ("in 2023") beside a running total', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2024-01-10', statements: ['Fentanyl killed 75,000 Americans in 2023.'] },
        { date: '2024-02-10', statements: ['Fentanyl has killed 200,000 Americans since 2021.'] },
        { date: '2024-03-10', statements: ['Fentanyl has killed 210,000 Americans.'] },
      ]),
      'Americans killed by fentanyl',
    );
    expect(keyed(trend)).toEqual([
      ['count|fentanyl death||', 2, [200_000, 210_000]],
      ['count|fentanyl death|year|', 2, [75_000]],
    ]);
  });

  it('sets aside money given to one recipient, unless the sentence says it is a total', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-01-10', statements: ['The Department awarded $27 million to HBCUs for research.'] },
        { date: '2022-02-10', statements: ['The bill provides $10 billion to HBCUs and Tribal Colleges.'] },
        { date: '2022-03-10', statements: ['To date, the Administration has delivered $5.8 billion to HBCUs.'] },
        { date: '2024-03-10', statements: ['In total, the Administration has delivered $16 billion to HBCUs.'] },
      ]),
      'money for HBCUs',
    );
    expect(apart(trend)).toEqual(['$27 million', '$10 billion']);
    expect(trend.series.flatMap((s) => s.points.map((p) => p.value))).toEqual([5.8e9, 16e9]);
  });

  it('sets aside goals and projections: a later year to reach, or a clause saying it is aimed at', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2021-03-10', statements: ['The plan will build a network of 500,000 public chargers.'] },
        { date: '2021-04-10', statements: ['The country passed 100,000 public chargers.'] },
        { date: '2021-05-10', statements: ['States have the goal of 400,000 public chargers.'] },
        { date: '2022-05-10', statements: ['Companies are committing to install 20,000 public chargers by 2026.'] },
        { date: '2023-05-10', statements: ['The plan builds on 130,000 public chargers.'] },
      ]),
      'public chargers',
    );
    expect(apart(trend)).toEqual(['500,000', '400,000', '20,000']);
    expect(keyed(trend)).toEqual([['count|public charger||', 2, [100_000, 130_000]]]);
  });

  it('sets aside what might be or will be: a modal verb right after what the figure counts', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2025-03-10', statements: ['The agency has deported 500,000 illegal aliens.'] },
        { date: '2025-04-10', statements: ['Housing one million illegal aliens could cost taxpayers $3 billion.'] },
        { date: '2025-05-10', statements: ['Deporting 2 million illegal aliens will save taxpayers billions.'] },
        { date: '2025-08-10', statements: ['The agency has deported 900,000 illegal aliens.'] },
      ]),
      'illegal aliens deported',
    );
    expect(apart(trend).sort()).toEqual(['2 million', 'one million']);
    expect(keyed(trend)[0]).toEqual(['count|illeg alien||', 2, [500_000, 900_000]]);
  });

  it('sets aside a figure right after "from": where something came from, not what was counted', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-03-10', statements: ['The Administration has conserved 20 million acres of lands.'] },
        { date: '2023-09-10', statements: ['Crews removed hazardous fuel from 8 million acres of lands.'] },
        { date: '2024-03-10', statements: ['The Administration has conserved 40 million acres of lands.'] },
      ]),
      'acres of lands conserved',
    );
    expect(apart(trend)).toEqual(['8 million']);
    expect(trend.series[0]!.points.map((p) => p.value)).toEqual([20e6, 40e6]);
  });

  it('keeps a range written "from … to …": one figure of what was counted', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-03-10', statements: ['The Administration has conserved 20 million acres of lands.'] },
        { date: '2023-09-10', statements: ['The Administration has conserved from 25 to 30 million acres of lands.'] },
        { date: '2024-03-10', statements: ['The Administration has conserved 40 million acres of lands.'] },
      ]),
      'acres of lands conserved',
    );
    expect(apart(trend)).toEqual([]);
    expect(trend.series[0]!.points).toHaveLength(3);
  });

  it('leaves out a figure whose verb is the opposite kind of the asked one: doses secured are not donated', () => {
    const sheets: Sheet[] = [
      { date: '2021-08-10', statements: ['The United States has donated 110 million vaccine doses.'] },
      { date: '2022-02-10', statements: ['The Administration has secured over 270 million vaccine doses.'] },
      { date: '2022-09-10', statements: ['The United States has shipped over 600 million vaccine doses.'] },
    ];
    const points = (query: string) => findTrend(sheetsLibrary(sheets), query).series[0]!.points.map((p) => p.value);
    expect(points('vaccine doses donated')).toEqual([110e6, 600e6]);
    expect(points('vaccine doses secured')).toEqual([270e6]);
    expect(points('vaccine doses')).toEqual([110e6, 270e6, 600e6]);
  });

  it("joins a bare counted word said with the asked verb's kind to the series the query names", () => {
    const sheets: Sheet[] = [
      { date: '2021-08-10', statements: ['The United States has donated 110 million covid vaccine doses.'] },
      {
        date: '2022-09-10',
        statements: ['Against covid, the United States has shipped over 600 million doses, the most vaccines of any.'],
      },
      { date: '2023-05-10', statements: ['The United States has donated 690 million covid vaccine doses.'] },
    ];
    const points = (query: string) => findTrend(sheetsLibrary(sheets), query).series[0]!.points.map((p) => p.value);
    expect(points('covid vaccine doses donated')).toEqual([110e6, 600e6, 690e6]);
    expect(points('covid vaccine doses')).toEqual([110e6, 690e6]);
  });
});

describe('trend series, whose figure it is', () => {
  const keyed = (trend: Trend) => trend.series.map((s) => [s.key, s.named, s.points.map((p) => p.value)]);
  const apart = (trend: Trend) => trend.apart.map((r) => r.figure.text);

  it('keeps the figures of a party the sentence names as its subject out of the whole', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['Companies have installed 100,000 public chargers.'] },
        {
          date: '2023-06-10',
          statements: ['Since the President entered office, the country has 130,000 public chargers.'],
        },
        {
          date: '2023-09-10',
          statements: ['Marriott International has installed 40,000 public chargers.'],
        },
        { date: '2023-10-10', statements: ['Today, the Department of Energy counted 150,000 public chargers.'] },
      ]),
      'public chargers',
    );
    expect(keyed(trend)).toEqual([
      ['count|public charger||', 2, [100_000, 130_000]],
      ['count|public charger||marriott intern', 0, [40_000]],
      ['count|public charger||depart energi', 0, [150_000]],
    ]);
  });

  it('reads a subject reporting what the clause states as its source, not the party counted', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['Companies have installed 100,000 public chargers.'] },
        { date: '2023-06-10', statements: ['The Census Bureau released data that showed 130,000 public chargers.'] },
        { date: '2023-09-10', statements: ['Marriott International has installed 40,000 public chargers.'] },
      ]),
      'public chargers',
    );
    expect(keyed(trend)).toEqual([
      ['count|public charger||', 2, [100_000, 130_000]],
      ['count|public charger||marriott intern', 0, [40_000]],
    ]);
  });

  it("reads the name as the sheet's own when its title names it", () => {
    const library = libraryOf({
      'sheet-1.md':
        "---\ndate: '2023-01-10'\ntitle: 'Marriott International Charges Ahead'\n---\n\nMarriott International has installed 40,000 public chargers.\n",
      'sheet-2.md':
        "---\ndate: '2023-02-10'\ntitle: 'Marriott International Charges On'\n---\n\nMarriott International has installed 50,000 public chargers.\n",
    });
    expect(keyed(findTrend(library, 'public chargers'))).toEqual([['count|public charger||', 2, [40_000, 50_000]]]);
  });

  it('sets aside a figure in a clause opening with "to": what it aims at', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-01-10', statements: ['The country passed 100,000 public chargers.'] },
        {
          date: '2022-03-07',
          statements: ['To advance the build-out of our network of 500,000 public chargers, states get new funds.'],
        },
        { date: '2022-06-10', statements: ['To date the country has passed 120,000 public chargers.'] },
      ]),
      'public chargers',
    );
    expect(apart(trend)).toEqual(['500,000']);
    expect(keyed(trend)).toEqual([['count|public charger||', 2, [100_000, 120_000]]]);
  });

  it('sets aside a figure tenfold below the middle of its series: a part of the whole, not a level', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['Companies announced $470 billion in private investment.'] },
        { date: '2023-06-10', statements: ['Companies announced $500 billion in private investment.'] },
        { date: '2023-09-10', statements: ['Ohio has drawn nearly $4.3 billion in private investment.'] },
        { date: '2024-01-10', statements: ['Companies announced $6 trillion in private investment.'] },
      ]),
      'private investment',
    );
    expect(apart(trend)).toEqual(['nearly $4.3 billion']);
    expect(keyed(trend)).toEqual([['$|privat invest||', 2, [470e9, 500e9, 6e12]]]);
  });
});

describe('trend series, the party the query names', () => {
  const points = (trend: Trend) =>
    shownSeries(trend).flatMap((s) => s.points.map((p) => [p.date, p.value, p.figures[0]!.document.file]));
  const PLEDGES: Sheet[] = [
    {
      date: '2025-07-10',
      statements: ['In July, Japan made a $550 billion investment commitment to the United States.'],
    },
    { date: '2025-08-10', statements: ['Last month Japan made a $550 billion investment commitment to America.'] },
    { date: '2025-09-10', statements: ['This year brought a $600 billion investment commitment from Saudi Arabia.'] },
    { date: '2025-10-10', statements: ['The deals include a $1 trillion investment commitment from the Gulf.'] },
  ];

  it('reads only sentences naming the party the query names beside what it counts, as the documents write names', () => {
    expect(points(findTrend(sheetsLibrary(PLEDGES), 'Japan investment commitment'))).toEqual([
      ['2025-07-10', 550e9, 'sheet-1.md'],
      ['2025-08-10', 550e9, 'sheet-2.md'],
    ]);
  });

  it('reads a party named by the short form the documents define, or by one word of its name', () => {
    const library = sheetsLibrary([
      {
        date: '2025-07-10',
        statements: ['Under the deal, the European Union (EU) made a $600 billion investment pledge.'],
      },
      { date: '2025-08-10', statements: ['Months later, the EU repeated its $600 billion investment pledge.'] },
      {
        date: '2025-09-10',
        statements: ['This month the deal with the European Union kept a $600 billion investment pledge.'],
      },
      { date: '2025-10-10', statements: ['That deal with the Union kept a $600 billion investment pledge.'] },
      { date: '2025-11-10', statements: ['In Geneva, donors made a $15 billion investment pledge.'] },
    ]);
    expect(points(findTrend(library, 'European Union investment pledge'))).toEqual([
      ['2025-07-10', 600e9, 'sheet-1.md'],
      ['2025-08-10', 600e9, 'sheet-2.md'],
      ['2025-09-10', 600e9, 'sheet-3.md'],
      ['2025-10-10', 600e9, 'sheet-4.md'],
    ]);
  });

  it('reads an amount right after its counted word as a verb ("agreed to invest $550 billion") as that thing', () => {
    const library = sheetsLibrary([
      PLEDGES[0]!,
      PLEDGES[1]!,
      { date: '2025-09-10', statements: ['Japan has agreed to invest $550 billion in the United States.'] },
      { date: '2025-10-10', statements: ['Japan has agreed to spend $500 billion on American energy.'] },
    ]);
    expect(points(findTrend(library, 'Japan investment commitment'))).toEqual([
      ['2025-07-10', 550e9, 'sheet-1.md'],
      ['2025-08-10', 550e9, 'sheet-2.md'],
      ['2025-09-10', 550e9, 'sheet-3.md'],
    ]);
  });
});

describe('trend series, one thing in other words', () => {
  it('joins to the first series a figure counting its word in other words when it states one of its values', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['The law has funded 20,000 infrastructure projects.'] },
        { date: '2023-06-10', statements: ['The law has funded 32,000 infrastructure projects.'] },
        { date: '2023-07-10', statements: ['The infrastructure law has funded over 32,000 specific projects.'] },
        { date: '2023-10-10', statements: ['The infrastructure law has funded 40,000 specific projects.'] },
      ]),
      'infrastructure projects',
    );
    // 40,000 joins too, its own words naming infrastructure (the join on a figure's own words, below).
    expect(trend.series.map((s) => [s.key, s.points.map((p) => [p.date, p.value])])).toEqual([
      [
        'count|infrastructur project||',
        [
          ['2023-01-10', 20_000],
          ['2023-06-10', 32_000],
          ['2023-07-10', 32_000],
          ['2023-10-10', 40_000],
        ],
      ],
    ]);
  });
});

describe('trend series, deaths said of the people who died', () => {
  const sheets = sheetsLibrary([
    { date: '2022-03-01', statements: ['More than 104,000 Americans died due to a drug overdose.'] },
    { date: '2022-08-01', statements: ['Over 100,000 people have died from drug overdoses, many from fentanyl.'] },
    { date: '2022-09-01', statements: ['Drug overdoses have taken a heartbreaking toll, claiming 107,000 lives.'] },
    { date: '2022-10-01', statements: ['Over 100 million Americans have health coverage through the program.'] },
    ...[3, 4, 5, 6, 7, 8].map((n) => ({ date: '2023-09-01', statements: [`The city opened ${n} parks.`] })),
  ]);

  it('reads people who died of a cause, or whom it killed, as deaths of that cause', () => {
    const trend = findTrend(sheets, 'drug overdose deaths');
    expect(trend.series.map((s) => [s.key, s.named, s.points.map((p) => p.value)])[0]).toEqual([
      'count|drug overdos death||',
      3,
      [104_000, 100_000, 107_000],
    ]);
    expect(trend.series.some((s) => s.points.some((p) => p.value === 100e6))).toBe(false);
  });
});

describe('trend series, applications said of what was applied for', () => {
  it('reads "applied to start 10.5 million new businesses" as new business applications', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2022-01-10', statements: ['Americans filed 9 million new business applications.'] },
        { date: '2023-02-10', statements: ['Americans have applied to start 10.5 million new businesses.'] },
        { date: '2023-06-10', statements: ['Americans filed 12 million new business applications.'] },
        { date: '2023-07-10', statements: ['Americans have started 5 million new businesses.'] },
        ...[3, 4, 5, 6, 7, 8].map((n) => ({ date: '2023-09-01', statements: [`The city opened ${n} parks.`] })),
      ]),
      'new business applications',
    );
    expect(trend.series[0]!.key).toBe('count|new busi applic||');
    expect(trend.series[0]!.points.map((p) => p.value)).toEqual([9e6, 10.5e6, 12e6]);
  });
});

describe('trend series, changes and levels', () => {
  const values = (trend: Trend) => trend.series.map((s) => s.points.map((p) => p.value));
  const sheets = sheetsLibrary([
    { date: '2022-02-14', statements: ['More than 10 million households are enrolled in the program.'] },
    { date: '2022-07-21', statements: ['Efforts increased households enrolled in the program by about 35%.'] },
    { date: '2022-08-21', statements: ['About 13 million households are enrolled in the program.'] },
    { date: '2022-09-21', statements: ['The program enrolled an additional 2 million households.'] },
    { date: '2022-10-21', statements: ['Households enrolled in the program saw a 20% drop in bills.'] },
    { date: '2022-11-21', statements: ['Data show a decline in households enrolled in the program of 10%.'] },
    {
      date: '2022-12-21',
      statements: ['The program prevented 600,000 households enrolled in it from losing service.'],
    },
  ]);

  it('reads no change ("by about 35%", "an additional 2 million", "a 20% drop", "a decline in ... of 10%") as a level', () => {
    expect(values(findTrend(sheets, 'households enrolled in the program'))).toEqual([[10_000_000, 13_000_000]]);
  });

  it('reads changes when the query asks how the figure changed', () => {
    const trend = findTrend(sheets, 'households enrolled in the program increase');
    expect(trend.series.flatMap((s) => s.points.map((p) => p.value)).sort((a, b) => a - b)).toEqual([
      10, 20, 35, 2_000_000, 10_000_000, 13_000_000,
    ]);
  });

  it('sets aside what did not happen ("prevented 600,000 households ... from"), whatever the query asks', () => {
    const trend = findTrend(sheets, 'households enrolled in the program');
    expect(trend.apart.map((r) => r.figure.text)).toContain('600,000');
  });

  it("ranks first the series counting the query's head, the last word before a preposition or participle", () => {
    const sheets: Sheet[] = ['2023-01-10', '2024-01-10'].map((date, i) => ({
      date,
      statements: [
        `Drivers own ${i + 2} million electric vehicles, served by public chargers installed across the country.`,
        `There are ${i + 1}00,000 public chargers installed across the country for electric vehicle drivers.`,
      ],
    }));
    sheets.push({ date: '2024-06-10', statements: ['The city bought 40 buses.'] });
    const library = sheetsLibrary(sheets);
    // "electric vehicles" names two words of the query, "public chargers" one: the head decides.
    for (const query of ['electric vehicle chargers installed', 'electric vehicle chargers across the country']) {
      const trend = findTrend(library, query);
      expect(trend.series.map((s) => [s.name, s.points.map((p) => p.value)])).toEqual([
        ['public chargers', [100_000, 200_000]],
        ['electric vehicles', [2_000_000, 3_000_000]],
      ]);
    }
  });

  it('lets a sentence holding less of the query add a point to the series counting its head, of the same order', () => {
    const sheets: Sheet[] = [
      ...[500, 600].map((amount, i) => ({
        date: `2023-0${i + 1}-10`,
        statements: [`Since the President took office, companies announced $${amount} billion in private investment.`],
      })),
      ...[800, 900].map((amount, i) => ({
        date: `2023-1${i + 1}-10`,
        statements: [`Since the President took office, firms announced $${amount} billion in investment.`],
      })),
      {
        date: '2023-09-10',
        statements: [
          // Joins: counts "private investment", of the order of the series' own points.
          'Factories drew $650 billion in private investment.',
          // One state's share: a part, a hundred times smaller.
          'Ohio drew $4 billion in private investment.',
          // Names one word of the query only: too little to join "investment".
          'Factories announced $700 billion in investment.',
        ],
      },
    ];
    const trend = findTrend(sheetsLibrary(sheets), 'private investment announced since the President took office');
    expect(trend.series.map((s) => [s.name, s.points.map((p) => [p.date, p.value, p.valueMax])])).toEqual([
      [
        'private investment',
        [
          ['2023-01-10', 500e9, null],
          ['2023-02-10', 600e9, null],
          ['2023-09-10', 650e9, null],
        ],
      ],
      [
        'investment',
        [
          ['2023-11-10', 800e9, null],
          ['2023-12-10', 900e9, null],
        ],
      ],
    ]);
  });

  it('ranks a series by the sentences holding the query, never by the figures that joined it', () => {
    const stated = (words: string, amounts: number[], from: number) =>
      amounts.map((amount, i) => ({ date: `2023-0${from + i}-10`, statements: [words.replace('N', String(amount))] }));
    const sheets: Sheet[] = [
      ...stated(
        'Since the President took office, companies announced $N billion in private investment.',
        [500, 600],
        1,
      ),
      ...stated('Since the President took office, firms put $N billion in private sector investment.', [80, 90], 3),
      // Three more points of the second series, from sentences holding little of the query.
      ...stated('Factories drew $N billion in private sector investment.', [70, 75, 85], 5),
      ...[3, 4, 5, 6, 7, 8].map((n) => ({ date: '2023-09-01', statements: [`The city opened ${n} parks.`] })),
    ];
    const trend = findTrend(sheetsLibrary(sheets), 'private investment announced since the President took office');
    expect(trend.series.map((s) => [s.name, s.points.map((p) => p.value / 1e9)])).toEqual([
      ['private investment', [500, 600]],
      ['private sector investment', [80, 90, 70, 75, 85]],
    ]);
  });
});

describe('trend series, what the query asks for said of what a figure counts', () => {
  // "Enrollment" is counted by no figure: the households it is said of are what the query asks for.
  const sheets: Sheet[] = [
    { date: '2022-02-14', statements: ['More than 10 million households are enrolled in the Connectivity Program.'] },
    { date: '2022-05-09', statements: ['About 11 million households have signed up for the Connectivity Program.'] },
    {
      date: '2022-11-15',
      statements: ['To date, the program has enrolled 14 million households in the Connectivity Program.'],
    },
    {
      date: '2023-02-27',
      statements: ['Experts estimate that 48 million households can join the Connectivity Program.'],
    },
    { date: '2023-05-12', statements: ['Today 17 million households use the Connectivity Program.'] },
    {
      date: '2023-06-12',
      statements: ['Officials approved 40 state broadband programs under the Connectivity Program.'],
    },
    {
      date: '2023-07-12',
      statements: ['Officials approved 52 state broadband programs under the Connectivity Program.'],
    },
  ];
  const shown = (query: string) =>
    shownSeries(findTrend(sheetsLibrary(sheets), query)).map((s) => [s.name, s.points.map((p) => p.value)]);

  it('draws the series its last word is said of in a third of its points, when no figure counts that word', () => {
    // Not "state broadband programs": "program" is a word of the query, not what it asks for.
    expect(shown('Connectivity Program enrollment')).toEqual([['households', [10e6, 11e6, 14e6, 48e6, 17e6]]]);
  });

  it('draws nothing for a word said of one point only; the series counting the word the query ends with', () => {
    expect(shown('Connectivity Program joining')).toEqual([]);
    expect(shown('state programs under the Connectivity Program')).toEqual([['state broadband programs', [40, 52]]]);
  });
});

describe('trend series, one thing in other words, joined', () => {
  it('joins a series naming every modifier the query asks of the first, in any word form, of the same order', () => {
    const sheets: Sheet[] = [
      { date: '2023-01-10', statements: ['There are 100,000 public electric vehicle chargers across the country.'] },
      { date: '2023-06-10', statements: ['There are 130,000 public electric vehicle chargers across the country.'] },
      {
        date: '2024-01-10',
        statements: ['There are 170,000 publicly available electric vehicle chargers across the country.'],
      },
      // A hundred times smaller: a part, not a point.
      {
        date: '2024-02-10',
        statements: ['National parks offer 1,700 publicly available electric vehicle chargers across the country.'],
      },
      // Names "electric" but not "public": another thing.
      { date: '2024-03-10', statements: ['Drivers use 150,000 private electric vehicle chargers across the country.'] },
    ];
    const trend = findTrend(sheetsLibrary(sheets), 'public electric vehicle chargers across the country');
    expect(trend.series.map((s) => [s.name, s.points.map((p) => p.value)])).toEqual([
      ['public electric vehicle chargers', [100_000, 130_000, 170_000]],
      ['publicly available electric vehicle chargers', [1_700]],
      ['private electric vehicle chargers', [150_000]],
    ]);
  });
});

describe('trend series, the thing named after the figure', () => {
  it('joins a figure counting another word when the clause after it names the first series’ thing', () => {
    const sheets: Sheet[] = [
      { date: '2023-01-10', statements: ['Companies announced $500 billion in private investment.'] },
      { date: '2023-03-10', statements: ['Companies announced $550 billion in private investment.'] },
      // Joins: "of ... investments" after the figure, "private" before it (an amount "in" a thing counts that thing).
      {
        date: '2023-05-10',
        statements: ['Private companies have announced $600 billion of manufacturing and clean energy investments.'],
      },
      // Another thing after the figure.
      { date: '2023-07-10', statements: ['Private companies have announced $650 billion in new factories.'] },
      // Investments, but ten times smaller: a part.
      {
        date: '2023-09-10',
        statements: ['Private companies have announced $40 billion in battery and solar investments.'],
      },
      // "investments" stands in another clause.
      {
        date: '2023-11-10',
        statements: ['Private companies have announced $700 billion, in factories and investments.'],
      },
    ];
    const trend = findTrend(sheetsLibrary(sheets), 'private investment announced');
    expect(trend.series.map((s) => [s.name, s.points.map((p) => p.value / 1e9)])).toEqual([
      ['private investment', [500, 550, 600]],
      ['battery and solar investments', [40]],
      ['Private companies', [700]],
      ['new factories', [650]],
    ]);
  });
});

describe('trend series, what a query asks for, read past its grammar', () => {
  const shown = (sheets: Sheet[], query: string) =>
    shownSeries(findTrend(sheetsLibrary(sheets), query)).map((s) => [s.name, s.points.map((p) => [p.date, p.value])]);

  it('reads an adverb before a participle as no word of what the query counts ("Americans fully vaccinated")', () => {
    const sheets: Sheet[] = [
      { date: '2021-05-01', statements: ['More than 100 million Americans are fully vaccinated.'] },
      { date: '2021-07-01', statements: ['Over 160 million Americans are fully vaccinated.'] },
      { date: '2021-09-01', statements: ['Now 180 million Americans are fully vaccinated.'] },
      // People among Americans: a part, counted as people; the query counts Americans.
      { date: '2021-06-01', statements: ['Among older Americans, 20 million people are fully vaccinated.'] },
      { date: '2021-08-01', statements: ['Among older Americans, 25 million people are fully vaccinated.'] },
    ];
    expect(shown(sheets, 'Americans fully vaccinated')).toEqual([
      [
        'Americans',
        [
          ['2021-05-01', 100e6],
          ['2021-07-01', 160e6],
          ['2021-09-01', 180e6],
        ],
      ],
    ]);
  });

  it('reads the last word before a word of time as what is asked, all its stems said ("sign-ups record")', () => {
    const sheets: Sheet[] = [
      { date: '2023-02-01', statements: ['A record 16 million people signed up for Marketplace coverage.'] },
      { date: '2024-02-01', statements: ['Over 21 million people signed up for Marketplace coverage.'] },
      { date: '2025-01-10', statements: ['Nearly 24 million people have signed up for Marketplace coverage.'] },
    ];
    expect(shown(sheets, 'Marketplace sign-ups record')).toEqual([
      [
        'people',
        [
          ['2023-02-01', 16e6],
          ['2024-02-01', 21e6],
          ['2025-01-10', 24e6],
        ],
      ],
    ]);
  });
});

describe('trend series, the group a query asks a figure for', () => {
  const sheets: Sheet[] = [
    { date: '2024-02-01', statements: ['The recovery created 2.6 million jobs for Black workers.'] },
    { date: '2024-07-01', statements: ['Since 2021 the recovery created 2.3 million jobs for Black workers.'] },
    {
      date: '2024-09-01',
      statements: ['The recovery created 15 million jobs, including 2.4 million jobs for Black workers.'],
    },
    { date: '2024-10-01', statements: ['The recovery created 16 million jobs for workers.'] },
  ];

  it('keeps only figures whose clause names the group the query asks for after "for"', () => {
    const trend = findTrend(sheetsLibrary(sheets), 'jobs created for Black workers');
    expect(shownSeries(trend).map((s) => [s.name, s.points.map((p) => [p.date, p.value, p.valueMax])])).toEqual([
      [
        'jobs',
        [
          ['2024-02-01', 2.6e6, null],
          ['2024-07-01', 2.3e6, null],
          ['2024-09-01', 2.4e6, null],
        ],
      ],
    ]);
  });

  it('keeps only figures whose clause names the place a query names after "to"; words no name ask nothing', () => {
    const library = sheetsLibrary([
      {
        date: '2022-03-01',
        statements: ['The United States has donated 115 million vaccine doses in Southeast Asia.'],
      },
      { date: '2022-05-01', statements: ['The United States has donated 2 million vaccine doses to Ethiopia.'] },
      {
        date: '2023-09-01',
        statements: ['The United States has donated 125 million vaccine doses in Southeast Asia.'],
      },
      { date: '2023-10-01', statements: ['The United States has donated 700 million vaccine doses to the world.'] },
      ...[3, 4, 5, 6, 7, 8].map((n) => ({ date: '2023-11-01', statements: [`The city opened ${n} parks.`] })),
    ]);
    const values = (query: string) =>
      findTrend(library, query)
        .series.flatMap((s) => s.points.map((p) => p.value))
        .sort((a, b) => a - b);
    expect(values('vaccine doses donated to southeast asia')).toEqual([115e6, 125e6]);
    expect(values('vaccine doses donated to the world')).toEqual([2e6, 115e6, 125e6, 700e6]);
  });
});

describe('trend series, short forms', () => {
  it('reads a word written in small letters as that word, not as the short form it spells ("lead", "LEAD")', () => {
    const library = sheetsLibrary([
      { date: '2024-01-10', statements: ['The Low-Income Energy Affordability Data (LEAD) tool maps energy costs.'] },
      { date: '2024-05-10', statements: ['Over 300,000 lead pipes have been replaced nationwide.'] },
      { date: '2024-10-10', statements: ['Over 367,000 lead pipes have been replaced nationwide.'] },
    ]);
    expect(findTrend(library, 'lead pipes replaced').series.map((s) => [s.key, s.points.length])).toEqual([
      ['count|lead pipe||', 2],
    ]);
  });
});

describe('trend series, a year named by where it stands', () => {
  it('reads "last fiscal year" and "in just the last year" as one year\'s amount, unless it runs "since"', () => {
    const trend = findTrend(
      sheetsLibrary([
        {
          date: '2023-02-07',
          statements: ['In just the last year, border agents seized nearly 15,000 pounds of fentanyl.'],
        },
        {
          date: '2025-02-01',
          statements: ['Last fiscal year, border agents seized more than 21,000 pounds of fentanyl.'],
        },
        {
          date: '2024-01-10',
          statements: ['Since the last year of the old policy, border agents seized 60,000 pounds of fentanyl.'],
        },
        { date: '2024-03-10', statements: ['Border agents have seized 70,000 pounds of fentanyl.'] },
      ]),
      'pounds of fentanyl seized',
    );
    expect(trend.series.map((s) => [s.key, s.points.map((p) => [p.date, p.value])])).toEqual([
      [
        'pounds|fentanyl|year|',
        [
          ['2023-02-07', 15_000],
          ['2025-02-01', 21_000],
        ],
      ],
      [
        'pounds|fentanyl||',
        [
          ['2024-01-10', 60_000],
          ['2024-03-10', 70_000],
        ],
      ],
    ]);
  });
});

describe('trend series, one thing said of in other words', () => {
  it('joins the series the asked word is said of, figure by figure where their clause says it', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2024-02-01', statements: ['Over 21 million people signed up for Marketplace coverage.'] },
        { date: '2023-02-01', statements: ['A record 16 million people signed up for Marketplace coverage.'] },
        { date: '2025-01-10', statements: ['Nearly 24 million consumers have signed up for Marketplace coverage.'] },
        { date: '2023-12-01', statements: ['Some 19 million consumers signed up for Marketplace coverage.'] },
      ]),
      'Marketplace sign-ups',
    );
    expect(shownSeries(trend).map((s) => [s.name, s.points.map((p) => [p.date, p.value])])).toEqual([
      [
        'people',
        [
          ['2023-02-01', 16e6],
          ['2023-12-01', 19e6],
          ['2024-02-01', 21e6],
          ['2025-01-10', 24e6],
        ],
      ],
    ]);
  });
});

describe('trend series, figures counting the group they are for', () => {
  it('joins a figure whose counted phrase is the asked group, or nothing, when its sentence says the thing first', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2024-02-01', statements: ['The recovery created 2.6 million jobs for Latino workers.'] },
        { date: '2024-05-01', statements: ['The recovery created 2.3 million jobs for Latino workers.'] },
        {
          date: '2023-09-29',
          statements: ['The recovery created 13.5 million jobs, including around 4 million for Latino workers.'],
        },
        {
          date: '2024-07-17',
          statements: ['The recovery created 15 million jobs, with 5 million created for Latinos.'],
        },
      ]),
      'jobs created for Latino workers',
    );
    expect(shownSeries(trend).map((s) => [s.name, s.points.map((p) => [p.date, p.value])])).toEqual([
      [
        'jobs',
        [
          ['2023-09-29', 4e6],
          ['2024-02-01', 2.6e6],
          ['2024-05-01', 2.3e6],
          ['2024-07-17', 5e6],
        ],
      ],
    ]);
  });
});

describe('trend series, a figure joined on its own words', () => {
  const TOOK_OFFICE = 'since the President took office';
  const sheets: Sheet[] = [
    {
      date: '2023-01-10',
      statements: [`Companies announced $100 billion in semiconductor investments ${TOOK_OFFICE}.`],
    },
    {
      date: '2023-03-10',
      statements: [`Companies announced $120 billion in semiconductor investments ${TOOK_OFFICE}.`],
    },
    // Joins: the clause after the figure names the kind.
    {
      date: '2023-05-10',
      statements: [
        `Companies have announced $150 billion in private investments to bring semiconductor factories home ${TOOK_OFFICE}.`,
      ],
    },
    // Joins: the words before it do.
    {
      date: '2023-07-10',
      statements: [`${cap(TOOK_OFFICE)}, semiconductor companies have announced $160 billion in private investments.`],
    },
    // Joins: the words before it, across a comma, do.
    {
      date: '2023-08-10',
      statements: [`Semiconductor companies grew ${TOOK_OFFICE}, announcing $155 billion in private investments.`],
    },
    // One kind of a list of three: the figure counts them together.
    {
      date: '2023-09-10',
      statements: [
        `Companies have announced $170 billion in private investments in semiconductors, batteries, and solar ${TOOK_OFFICE}.`,
      ],
    },
    // Another starting point.
    {
      date: '2023-11-10',
      statements: [
        'Since the President signed the CHIPS Act, semiconductor companies have announced $140 billion in private investments.',
      ],
    },
    // One state's, named as the sentence's subject.
    {
      date: '2024-01-10',
      statements: [
        `Arizona has seen $130 billion in private investments in semiconductors ${TOOK_OFFICE}.`,
        'New factories in Arizona are hiring.',
      ],
    },
    // One state's, named by the opening phrase.
    {
      date: '2024-02-10',
      statements: [
        `In Ohio, semiconductor companies have announced $135 billion in private investments ${TOOK_OFFICE}.`,
        'New factories in Ohio are hiring.',
      ],
    },
    // The kind is said of the figure beside it.
    {
      date: '2024-03-10',
      statements: [
        `Companies have announced $190 billion in private investments and $175 billion in semiconductor factories ${TOOK_OFFICE}.`,
      ],
    },
    {
      date: '2024-05-10',
      statements: [
        `Semiconductor factories drew $175 billion and companies announced $185 billion in private investments ${TOOK_OFFICE}.`,
      ],
    },
  ];

  it('joins a figure counting the first series’ word when its own stretch of the clause names the asked kind', () => {
    const trend = findTrend(sheetsLibrary(sheets), 'semiconductor investment since the President took office');
    expect(shownSeries(trend).map((s) => [s.name, s.points.map((p) => [p.date, p.value / 1e9])])).toEqual([
      [
        'semiconductor investments',
        [
          ['2023-01-10', 100],
          ['2023-03-10', 120],
          ['2023-05-10', 150],
          ['2023-07-10', 160],
          ['2023-08-10', 155],
        ],
      ],
    ]);
  });
});

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

describe('trend series, a kindred figure of one point', () => {
  it('joins the first series when its own words name the kind: a series of one point is never drawn beside it', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['Companies announced $100 billion in semiconductor investments.'] },
        { date: '2023-03-10', statements: ['Companies announced $120 billion in semiconductor investments.'] },
        {
          date: '2023-05-10',
          statements: ['Companies announced $150 billion in investments in semiconductor plants.'],
        },
      ]),
      'semiconductor investment',
    );
    expect(shownSeries(trend).map((s) => [s.name, s.points.map((p) => [p.date, p.value / 1e9])])).toEqual([
      [
        'semiconductor investments',
        [
          ['2023-01-10', 100],
          ['2023-03-10', 120],
          ['2023-05-10', 150],
        ],
      ],
    ]);
  });
});

describe('trend series, a share named by its rate', () => {
  it('reads a tariff in percent as its tariff rate when its own words name what the query asks', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2025-01-10', statements: ['Importers paid a 10% steel tariff rate last winter.'] },
        { date: '2025-02-10', statements: ['The President restored a true 25% tariff on steel.'] },
        // Another thing's tariff, and another thing's rate.
        {
          date: '2025-03-10',
          statements: ['The President set a 20% tariff on lumber and a 30% tariff rate on copper.'],
        },
      ]),
      'tariff rate on steel',
    );
    expect(shownSeries(trend).map((s) => [s.name, s.points.map((p) => [p.date, p.value])])).toEqual([
      [
        'steel tariff rate',
        [
          ['2025-01-10', 10],
          ['2025-02-10', 25],
        ],
      ],
    ]);
  });
});

describe('trend series, a group’s rate said in its own clause', () => {
  it('joins a rate whose clause names the group to a first series of one date, and leaves other groups’ out', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['A survey shows a military spouse unemployment rate of about 22%.'] },
        {
          date: '2023-06-10',
          statements: ['Military spouses are skilled, yet they face a 21 percent unemployment rate.'],
        },
        {
          date: '2023-09-10',
          statements: ['Military spouses are skilled, yet they face a 20 percent unemployment rate.'],
        },
        // Another group's rate.
        { date: '2023-10-10', statements: ['People leaving prison face a 27 percent unemployment rate.'] },
      ]),
      'military spouse unemployment rate',
    );
    expect(shownSeries(trend).map((s) => s.points.map((p) => [p.date, p.value]))).toEqual([
      [
        ['2023-01-10', 22],
        ['2023-06-10', 21],
        ['2023-09-10', 20],
      ],
    ]);
  });
});

describe('trend series, a head asked in everyday words', () => {
  it('ranks first the series counting the sheets’ word for the query’s everyday head ("vets": veterans)', () => {
    const trend = findTrend(
      sheetsLibrary([
        { date: '2023-01-10', statements: ['More than 4 million veterans have received toxic exposure screenings.'] },
        { date: '2023-06-10', statements: ['VA has screened more than 5 million veterans for toxic exposure.'] },
        // Screenings, not veterans: another count of the same words.
        { date: '2023-09-10', statements: ['VA has completed 7 million free toxic exposure screenings.'] },
      ]),
      'vets screened for toxic exposure',
    );
    expect(shownSeries(trend).map((s) => s.points.map((p) => [p.date, p.value / 1e6]))).toEqual([
      [
        ['2023-01-10', 4],
        ['2023-06-10', 5],
      ],
    ]);
  });
});
