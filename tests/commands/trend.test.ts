import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHART_FILE, NO_CHART, POINTS_SHOWN, trend } from '../../commands/trend.js';
import { withChartsDrawn } from '../../src/chart/draw.js';
import { chartData } from '../../src/chart/spec.js';
import { filesDescribed, withoutFiles } from '../../src/command.js';
import { findTrend, MAX_TREND_FIGURES } from '../../src/library/trend-series.js';
import { sheetsLibrary, type Sheet } from '../support/dated-sheets.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, pressContext } from '../support/library.js';

const SHEETS: Sheet[] = [
  { date: '2025-01-10', statements: ['Border agents seized 1,200 pounds of fentanyl.'] },
  {
    date: '2025-03-10',
    statements: [
      'Border agents seized more than 2,000 pounds of fentanyl.',
      'Agents seized 3,000 pounds of fentanyl at ports in March.',
    ],
  },
  { date: null, statements: ['Border agents seized 900 pounds of fentanyl.'] },
  { date: '2025-06-10', statements: ['Border agents seized thousands of pounds of fentanyl.'] },
];
const library = sheetsLibrary(SHEETS);
/**
 * 50 dated seizures more than a broad query reads (MAX_TREND_FIGURES), five points a page; values of one order (a
 * figure tenfold below its series' middle is set apart).
 */
const broad = sheetsLibrary(
  Array.from({ length: MAX_TREND_FIGURES + 50 }, (_, i) => ({
    date: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    statements: [`Border agents seized ${(5000 + i).toLocaleString('en-US')} pounds of fentanyl.`],
  })),
);
type Buttons = Array<{ components: Array<{ custom_id: string; label: string }> }>;
const buttonsOf = (data: { components?: unknown }) => ((data.components ?? []) as Buttons).flatMap((r) => r.components);
const run = (options: Record<string, string | boolean>, lib = library) => trend.run(lib, options, context());
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });

describe('/trend', () => {
  it('attaches the chart and quotes each point in date order, listing what it leaves out', async () => {
    const reply = run({ query: 'pounds of fentanyl' });
    const { body, files } = withoutFiles(asResponse(reply));
    expectValidResponse(body);
    expect(files.map((f) => [f.name, f.contentType, f.description])).toEqual([
      [CHART_FILE, 'image/png', 'Chart of pounds of fentanyl (pounds) by document date'],
    ]);
    expect(reply.attachments).toEqual([
      { id: '0', filename: CHART_FILE, description: 'Chart of pounds of fentanyl (pounds) by document date' },
    ]);
    const embed = reply.embeds![0]!;
    expect(embed.image).toEqual({ url: 'attachment://trend.png', width: 800, height: 450 });
    expect(embed.title).toBe('Trend of “pounds of fentanyl” — pounds');
    expect(embed.description).toBe(
      [
        '*Each point is a quoted statement; see below.*',
        '**1.** 2025-01-10 · 1,200\n> Border agents seized **1,200** pounds of fentanyl.\n— *Border and Jobs · Fact Sheet 1 · 2025-01-10* · sheet-1.md, line 8',
        '**2.** 2025-03-10 · more than 2,000; 3,000\n> Border agents seized **more than 2,000** pounds of fentanyl.\n— *Border and Jobs · Fact Sheet 2 · 2025-03-10* · sheet-2.md, line 8 · 1 more sentence of this document at this point',
        '*1 vague figure ("thousands") not drawn.*\n*Not on the chart, no date: sheet-3.md.*',
      ].join('\n\n'),
    );
    expect(embed.footer).toEqual({ text: '2 points · 2025-01-10 to 2025-03-10' });
    // The command names the chart; the transport draws it before the reply goes.
    expect(files[0]!.chart).toBeDefined();
    const drawn = withoutFiles(await withChartsDrawn(asResponse(reply))).files;
    expect(drawn[0]!.chart).toBeUndefined();
    const png = PNG.sync.read(Buffer.from(drawn[0]!.data));
    expect([png.width, png.height]).toEqual([800, 450]);
  });

  it('draws only points the reply quotes, each at a value its quoted figures state', () => {
    const reply = run({ query: 'pounds of fentanyl' });
    const series = findTrend(library, 'pounds of fentanyl').series;
    const description = reply.embeds![0]!.description!.replace(/\*\*/g, '');
    for (const datum of chartData(series)) {
      const point = series[datum.point[0]]!.points[datum.point[1]]!;
      const quoted = point.figures.filter((f) => description.includes(f.document.text.slice(...f.figure.sentenceSpan)));
      expect(quoted.length).toBeGreaterThan(0);
      expect(point.figures.map((f) => f.figure.value)).toContain(datum.value);
      expect(description).toContain(`${datum.date} ·`);
    }
  });

  it('describes the attachment in JSON by name, size and type, never its bytes', async () => {
    const described = filesDescribed(await withChartsDrawn(asResponse(run({ query: 'pounds of fentanyl' }))));
    const files = (described.data as { files: Array<{ size: number }> }).files;
    expect(files).toEqual([{ name: CHART_FILE, size: expect.any(Number) as number, contentType: 'image/png' }]);
    expect(files[0]!.size).toBeGreaterThan(1000);
  });

  it('gives no chart for one comparable point: the quote and why', () => {
    const one = sheetsLibrary([SHEETS[0]!]);
    const reply = run({ query: 'pounds of fentanyl' }, one);
    expectValidResponse(asResponse(reply));
    expect(reply.attachments).toBeUndefined();
    expect(reply.files).toBeUndefined();
    expect(reply.embeds![0]!.description).toBe(
      `*${NO_CHART}*\n\n**1.** 2025-01-10 · 1,200\n> Border agents seized **1,200** pounds of fentanyl.\n— *Border and Jobs* · sheet-1.md, line 8`,
    );
  });

  it('gives no chart for points of one day from two documents: one date shows no movement', () => {
    const oneDay = sheetsLibrary([
      { date: '2025-01-10', statements: ['Border agents seized 1,200 pounds of fentanyl.'] },
      { date: '2025-01-10', statements: ['Border agents seized 1,300 pounds of fentanyl.'] },
    ]);
    const reply = run({ query: 'pounds of fentanyl' }, oneDay);
    expect(reply.files).toBeUndefined();
    expect(reply.embeds![0]!.description).toBe(
      [
        `*${NO_CHART}*`,
        '**1.** 2025-01-10 · 1,200\n> Border agents seized **1,200** pounds of fentanyl.\n— *Border and Jobs · Fact Sheet 1 · 2025-01-10* · sheet-1.md, line 8',
        '**2.** 2025-01-10 · 1,300\n> Border agents seized **1,300** pounds of fentanyl.\n— *Border and Jobs · Fact Sheet 2 · 2025-01-10* · sheet-2.md, line 8',
      ].join('\n\n'),
    );
  });

  it('quotes figures of undated documents, off the chart, when nothing is dated', () => {
    const undated = sheetsLibrary([SHEETS[2]!]);
    expect(run({ query: 'pounds of fentanyl' }, undated).embeds![0]!.description).toBe(
      [
        `*${NO_CHART}*`,
        '**1.** no date · 900\n> Border agents seized **900** pounds of fentanyl.\n— *Border and Jobs* · sheet-1.md, line 5',
        '*Not on the chart, no date: sheet-1.md.*',
      ].join('\n\n'),
    );
  });

  it('draws no series whose figures do not say what they count', () => {
    const unnamed = sheetsLibrary([
      { date: '2024-01-01', statements: ['For the border wall, the total was $3 billion.'] },
      { date: '2024-06-01', statements: ['For the border wall, the total was $5 billion.'] },
    ]);
    const trendFound = findTrend(unnamed, 'border wall');
    expect(trendFound.series.map((s) => [s.key, s.points.length])).toEqual([['$|||', 2]]);
    const reply = run({ query: 'border wall' }, unnamed);
    expect(reply.files).toBeUndefined();
    expect(reply.embeds![0]!.title).toBe('No figures to chart');
  });

  it('quotes nothing that counts another thing than the query names ("a 10% tariff" for "trade deficit")', () => {
    const tariffs = sheetsLibrary([
      { date: '2025-04-02', statements: ['To cut the trade deficit, the President imposed a 10% tariff.'] },
      { date: '2025-05-08', statements: ['To cut the trade deficit, the President kept a 10% tariff.'] },
    ]);
    expect(findTrend(tariffs, 'trade deficit').series.map((s) => [s.key, s.named])).toEqual([['%|tariff||', 0]]);
    const reply = run({ query: 'trade deficit' }, tariffs);
    expect(reply.files).toBeUndefined();
    expect(reply.embeds![0]!.description).toBe(
      'No figure counting “trade deficit” found. /stat query:<words> finds single figures; /search finds statements.',
    );
  });

  it('says how many goals, earlier years or single awards it left off the chart', () => {
    const chargers = sheetsLibrary([
      { date: '2021-04-10', statements: ['The country passed 100,000 public chargers.'] },
      { date: '2023-05-10', statements: ['There are now 130,000 public chargers.'] },
      { date: '2023-06-10', statements: ['The plan will build 500,000 public chargers.'] },
    ]);
    const { description } = run({ query: 'public chargers' }, chargers).embeds![0]!;
    expect(description).toContain('*1 goal, earlier year or one award not drawn: no point of a series.*');
    expect(description).not.toContain('500,000');
  });

  it('draws the thing the query names, not one counted with other words beside it', () => {
    const jobs = sheetsLibrary([
      { date: '2023-01-01', statements: ['The law created 170,000 clean energy jobs.'] },
      { date: '2023-06-01', statements: ['The law created 210,000 clean energy jobs.'] },
      { date: '2023-07-01', statements: ['The new energy law created 2,000 construction jobs.'] },
      { date: '2023-08-01', statements: ['The new energy law created 3,000 construction jobs.'] },
    ]);
    const reply = run({ query: 'clean energy jobs created' }, jobs);
    expect(reply.attachments).toEqual([
      { id: '0', filename: CHART_FILE, description: 'Chart of clean energy jobs (clean energy jobs) by document date' },
    ]);
    const description = reply.embeds![0]!.description!;
    expect(description.match(/^\*\*\d+\.\*\* .*$/gm)).toEqual([
      '**1.** 2023-01-01 · 170,000',
      '**2.** 2023-06-01 · 210,000',
    ]);
    expect(description).toContain('*1 other series not drawn (other units, things or periods).*');
  });

  it('draws beside the first series the same thing worded otherwise, never a bare or other counted word', () => {
    const investment = sheetsLibrary([
      { date: '2023-01-01', statements: ['Companies announced $300 billion in announced private investment.'] },
      { date: '2023-06-01', statements: ['Companies announced $400 billion in announced private investment.'] },
      { date: '2023-07-01', statements: ['Since 2021, $450 billion in private sector investments were announced.'] },
      { date: '2023-08-01', statements: ['Since 2021, $500 billion in private sector investments were announced.'] },
      { date: '2023-09-01', statements: ['A plant announced a $2 billion investment since 2021.'] },
      { date: '2023-10-01', statements: ['A mill announced a $3 billion investment since 2021.'] },
      { date: '2023-11-01', statements: ['Announced private investment reached $9 billion in public investments.'] },
      { date: '2023-12-01', statements: ['Announced private investment reached $8 billion in public investments.'] },
    ]);
    const reply = run({ query: 'announced private investment' }, investment);
    expect(reply.attachments![0]!.description).toBe(
      'Chart of announced private investment, private sector investments (dollars) by document date',
    );
    expect(reply.embeds![0]!.description!.match(/^\*\*\d+\.\*\* .*$/gm)).toEqual([
      '**1.** 2023-01-01 · $300 billion — announced private investment',
      '**2.** 2023-06-01 · $400 billion — announced private investment',
      '**3.** 2023-07-01 · $450 billion — private sector investments',
      '**4.** 2023-08-01 · $500 billion — private sector investments',
    ]);
  });

  it('draws a bare counted word beside the fuller one when its sentences name the rest', () => {
    const applications = sheetsLibrary([
      { date: '2023-01-01', statements: ['Americans filed 10 million new business applications.'] },
      { date: '2023-06-01', statements: ['Americans filed 12 million new business applications.'] },
      { date: '2023-09-01', statements: ['Americans filed 14 million applications to start new businesses.'] },
      { date: '2023-12-01', statements: ['Americans filed 16 million applications to start new businesses.'] },
    ]);
    const reply = run({ query: 'new business applications' }, applications);
    expect(reply.attachments![0]!.description).toBe(
      'Chart of new business applications, applications (new business applications) by document date',
    );
  });

  it('draws no bare counted word beside the fuller one when its sentences name another thing', () => {
    const jobs = sheetsLibrary([
      { date: '2023-01-01', statements: ['The clean energy law created 170,000 clean energy jobs.'] },
      { date: '2023-06-01', statements: ['The clean energy law created 210,000 clean energy jobs.'] },
      { date: '2023-07-01', statements: ['The clean energy plant created 5,000 jobs in Ohio.'] },
      ...['2023-08', '2023-09', '2023-10', '2023-11', '2023-12'].map((month, i) => ({
        date: `${month}-01`,
        statements: [`The new mill created ${800 + i * 100} jobs.`],
      })),
    ]);
    const reply = run({ query: 'clean energy jobs created' }, jobs);
    expect(reply.attachments![0]!.description).toBe('Chart of clean energy jobs (clean energy jobs) by document date');
  });

  it('draws no bare counted word whose sentence names the rest elsewhere or in the label opening it', () => {
    const jobs = sheetsLibrary([
      { date: '2023-01-01', statements: ['The clean energy law created 170,000 clean energy jobs.'] },
      { date: '2023-06-01', statements: ['The clean energy law created 210,000 clean energy jobs.'] },
      { date: '2023-07-01', statements: ['Homes run on clean energy, and the new mill will create 5,000 jobs.'] },
      { date: '2023-08-01', statements: ['**Clean Energy Future:** The battery park will create 8,100 jobs.'] },
      { date: '2023-09-01', statements: ['The new mill created 900 jobs.'] },
      { date: '2023-10-01', statements: ['The new mill created 1,000 jobs.'] },
    ]);
    const reply = run({ query: 'clean energy jobs created' }, jobs);
    expect(reply.attachments![0]!.description).toBe('Chart of clean energy jobs (clean energy jobs) by document date');
    expect(reply.embeds![0]!.description!.match(/^\*\*\d+\.\*\* .*$/gm)).toEqual([
      '**1.** 2023-01-01 · 170,000',
      '**2.** 2023-06-01 · 210,000',
    ]);
  });

  it('says "no figures to chart" privately when nothing is found', () => {
    const reply = run({ query: 'tariffs' });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds![0]!.title).toBe('No figures to chart');
  });

  it('answers an empty, a huge query and dates in the wrong order with a private note', () => {
    expect(run({}).embeds![0]!.title).toBe('Nothing to chart');
    expect(run({ query: 'x'.repeat(201) }).embeds![0]!.title).toBe('Query too long');
    const swapped = run({ query: 'pounds of fentanyl', after: '2025-06-01', before: '2025-01-01' });
    expect([swapped.flags, swapped.embeds![0]!.title]).toEqual([MessageFlags.Ephemeral, 'No day is both']);
  });

  it('keeps to the dates asked for', () => {
    const reply = run({ query: 'pounds of fentanyl', after: '2025-02-01' });
    expect(reply.embeds![0]!.title).toBe('Trend of “pounds of fentanyl” · dated from 2025-02-01');
    expect(reply.embeds![0]!.description!.startsWith(`*${NO_CHART}*`)).toBe(true);
  });

  it('quotes the first points and counts the rest, and caps what a broad query reads', () => {
    const reply = run({ query: 'pounds of fentanyl' }, broad);
    expectValidResponse(withoutFiles(asResponse(reply)).body);
    const description = reply.embeds![0]!.description!;
    expect(description.match(/^\*\*\d+\.\*\*/gm)).toHaveLength(POINTS_SHOWN);
    expect(description).toContain('*50 more figures matched; only the best-ranked 4000 were read.*');
    expect(reply.embeds![0]!.footer!.text).toMatch(/^Page 1 of 800 · 4,000 points · /);
    expect(buttonsOf(reply).map((b) => b.label)).toContain('Next');
  });

  it('pages the points with Next, keeping the chart the first page attached', () => {
    const first = run({ query: 'pounds of fentanyl' }, broad);
    expect(withoutFiles(asResponse(first)).files.map((f) => f.name)).toEqual([CHART_FILE]);
    const next = buttonsOf(first).find((b) => b.label === 'Next')!;
    const pressed = trend.component!(broad, next.custom_id, pressContext()) as { type: number; data: typeof first };
    expect(pressed.type).toBe(InteractionResponseType.UpdateMessage);
    expectValidResponse(pressed);
    // No files and no `attachments`: Discord keeps the message's chart, which the page's embed still shows.
    expect(withoutFiles(pressed).files).toEqual([]);
    expect(pressed.data).not.toHaveProperty('attachments');
    const embed = pressed.data.embeds![0]!;
    expect(embed.image).toEqual({ url: 'attachment://trend.png', width: 800, height: 450 });
    expect(embed.description!.match(/^\*\*\d+\.\*\*/gm)).toEqual(['**6.**', '**7.**', '**8.**', '**9.**', '**10.**']);
    expect(embed.footer!.text).toMatch(/^Page 2 of 800 · 4,000 points · /);
    // Date order runs on across pages.
    const dates = (page: typeof first) =>
      [...page.embeds![0]!.description!.matchAll(/^\*\*\d+\.\*\* (\S+)/gm)].map((m) => m[1]!);
    expect(dates(pressed.data)[0]! >= dates(first)[4]!).toBe(true);
  });

  it.each(HOSTILE_INPUTS.map((input) => [input.slice(0, 30), input]))(
    'answers hostile input %j validly',
    (_, input) => {
      const reply = run({ query: input });
      expectValidResponse(withoutFiles(asResponse(reply)).body);
    },
  );
});
