// The chart: a PNG that decodes at its declared size, drawn from SVG whose every word is a label of the spec
// or an axis's tick label, with every mark a point of the trend.
import { PNG } from 'pngjs';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartData, chartLabels, CHART_SIZE, trendSpec } from '../../src/chart/spec.js';
import { chartSvg, renderChart } from '../../src/chart/render.js';
import { findTrend } from '../../src/library/trend-series.js';
import { sheetsLibrary } from '../support/dated-sheets.js';

const library = sheetsLibrary([
  { date: '2025-01-10', statements: ['Border agents seized 1,200 pounds of fentanyl.'] },
  { date: '2025-03-10', statements: ['Border agents seized more than 2,000 pounds of fentanyl.'] },
  { date: '2025-05-10', statements: ['Border agents seized nearly 2,500 pounds of fentanyl.'] },
  { date: '2025-07-10', statements: ['Border agents seized from 2,000 to 3,500 pounds of fentanyl.'] },
  { date: '2025-08-10', statements: ['Border agents seized 5,000 pounds of fentanyl powder.'] },
  { date: '2025-09-10', statements: ['Border agents seized 6,000 pounds of fentanyl powder.'] },
]);
const series = findTrend(library, 'pounds of fentanyl seized').series;
const TITLE = 'Fentanyl seized at the border';

/** The words an SVG draws, entities read back. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

describe('chart', () => {
  it('groups the sheets into the two series the chart draws', () => {
    expect(series.map((s) => [s.name, s.points.length])).toEqual([
      ['pounds of fentanyl', 4],
      ['pounds of fentanyl powder', 2],
    ]);
  });

  it('is a PNG that decodes at the declared size', () => {
    const { png } = renderChart(trendSpec(TITLE, series));
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    // Drawn, not blank: many colours, the background's among them.
    const colours = new Set<number>();
    for (let i = 0; i < decoded.data.length; i += 4) colours.add(decoded.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(20);
  });

  it('draws the labels of the spec and no other words besides tick labels', () => {
    const svg = chartSvg(trendSpec(TITLE, series));
    const drawn = svgTexts(svg);
    const labels = chartLabels(TITLE, series);
    expect(labels).toEqual([
      TITLE,
      'Each point is a quoted statement; see below',
      'Date of the document',
      'pounds',
      'Figure given as',
      'as stated',
      'more than (at least)',
      'nearly (at most)',
      'Series',
      'pounds of fentanyl',
      'pounds of fentanyl powder',
    ]);
    for (const label of labels) expect(drawn).toContain(label);
    const ticks = drawn.filter((t) => !labels.includes(t));
    expect(ticks.length).toBeGreaterThan(4);
    for (const tick of ticks) expect(tick).toMatch(/^(\d{4}-\d{2}-\d{2}|\$?\d+(\.\d+)?[kMBT]?%?)$/);
  });

  it('draws one mark a point of the trend, at its value', () => {
    const data = chartData(series);
    expect(data.map((d) => [d.series, d.date, d.value, d.top, d.bound])).toEqual([
      ['pounds of fentanyl', '2025-01-10', 1200, 1200, 'as stated'],
      ['pounds of fentanyl', '2025-03-10', 2000, 2000, 'more than (at least)'],
      ['pounds of fentanyl', '2025-05-10', 2500, 2500, 'nearly (at most)'],
      ['pounds of fentanyl', '2025-07-10', 2000, 3500, 'as stated'],
      ['pounds of fentanyl powder', '2025-08-10', 5000, 5000, 'as stated'],
      ['pounds of fentanyl powder', '2025-09-10', 6000, 6000, 'as stated'],
    ]);
    for (const datum of data) {
      const point = series[datum.point[0]]!.points[datum.point[1]]!;
      expect(point.figures.map((f) => f.figure.value)).toContain(datum.value);
    }
    // The picture's points, as vega labels them for screen readers: date and value of each mark.
    const svg = chartSvg(trendSpec(TITLE, series));
    const marks = [
      ...svg.matchAll(
        /aria-label="Date of the document: ([\d-]+); pounds: ([\d.]+);[^"]*" role="graphics-symbol" aria-roledescription="point"/g,
      ),
    ];
    expect(marks.map((m) => [m[1], Number(m[2])])).toEqual(data.map((d) => [d.date, d.middle]));
  });

  it('leaves no toJSON on Set, which vega-lite adds as it loads (discord.js fails to load beside it)', () => {
    chartSvg(trendSpec(TITLE, series));
    expect(Object.hasOwn(Set.prototype, 'toJSON')).toBe(false);
    expect(JSON.stringify({ held: new Set([1]) })).toBe('{"held":{}}');
  });

  it('writes the same SVG synchronously as vega does asynchronously', async () => {
    const spec = trendSpec(TITLE, series);
    const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
    expect(chartSvg(spec)).toBe(await view.toSVG());
    view.finalize();
  });
});
