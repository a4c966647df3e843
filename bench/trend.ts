// /trend's costs: the chart's render time (median, p99) and memory, beside drawing a like chart on a canvas
// (@napi-rs/canvas, the alternative docs/libraries.md weighs), and a whole /trend on the corpus, which must
// answer within Discord's 3 s without a deferral in the median case.
//   node --expose-gc --import tsx bench/trend.ts [corpus folder]
import { existsSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { trend, drawnSeries } from '../commands/trend.js';
import { renderChart } from '../src/chart/render.js';
import { chartData, CHART_SIZE, trendSpec } from '../src/chart/spec.js';
import { findTrend, type TrendSeries } from '../src/library/trend-series.js';
import { sharedContext } from '../src/command.js';
import { corpusLibrary } from '../eval/trend.js';

/** Queries people ask of a figure over time, written for the bench (not the annotated questions). */
const QUERIES = [
  'jobs created',
  'pounds of fentanyl seized',
  'private investment announced',
  'tariff rate',
  'households enrolled',
  'border encounters',
  'gas prices',
  'uninsured rate',
  'construction jobs',
  'overdose deaths',
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (n: number) => n.toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function timed(rounds: number, run: () => void): { median: number; p99: number; heapMb: string; rssMb: string } {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  const after = process.memoryUsage();
  globalThis.gc?.();
  return {
    median: percentile(times, 50),
    p99: percentile(times, 99),
    heapMb: mb(Math.max(0, after.heapUsed - before.heapUsed)),
    rssMb: mb(after.rss),
  };
}

/** The same chart drawn by hand on a canvas: a line, a mark a point, two axis titles, the caption. */
function canvasChart(series: TrendSeries[]): Buffer {
  const { width, height } = CHART_SIZE;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#e8ebef';
  g.fillRect(0, 0, width, height);
  const data = chartData(series);
  const times = data.map((d) => Date.parse(d.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times) || 1];
  const top = Math.max(...data.map((d) => d.top)) || 1;
  const x = (t: number) => 60 + ((t - t0) / Math.max(1, t1 - t0)) * (width - 90);
  const y = (v: number) => height - 60 - (v / top) * (height - 130);
  g.strokeStyle = '#2b6cb0';
  g.beginPath();
  data.forEach((d, i) => (i === 0 ? g.moveTo(x(times[i]!), y(d.middle)) : g.lineTo(x(times[i]!), y(d.middle))));
  g.stroke();
  g.fillStyle = '#1a202c';
  for (const [i, d] of data.entries()) g.fillRect(x(times[i]!) - 4, y(d.middle) - 4, 8, 8);
  g.font = '18px sans-serif';
  g.fillText(series[0]!.name, 16, 28);
  g.font = '13px sans-serif';
  g.fillText('Each point is a quoted statement; see below', 16, 48);
  g.fillText('Date of the document', width / 2 - 60, height - 16);
  return canvas.toBuffer('image/png');
}

export function benchTrend(corpusDir?: string): void {
  if (corpusDir && !existsSync(corpusDir)) return void console.log(`/trend bench: skipped, ${corpusDir} is absent`);
  const started = performance.now();
  const library = corpusLibrary();
  if (!library) return void console.log('/trend bench: skipped, the corpus is absent');
  console.log(
    `\n/trend on the corpus (${library.documents.length} documents, loaded in ${fmt((performance.now() - started) / 1000)} s)`,
  );
  const series = drawnSeries(findTrend(library, 'private investment announced'));
  const points = series.reduce((n, s) => n + s.points.length, 0);
  const spec = trendSpec(series[0]!.name, series);
  for (let i = 0; i < 3; i++) renderChart(spec); // warm
  const vega = timed(40, () => renderChart(spec));
  const canvas = timed(40, () => canvasChart(series));
  const context = { ...sharedContext(), channelId: 'bench', userId: 'bench' };
  for (const query of QUERIES) trend.run(library, { query }, context); // warm: the first lookups build tables
  const whole = timed(
    3 * QUERIES.length,
    (() => {
      let i = 0;
      return () => trend.run(library, { query: QUERIES[i++ % QUERIES.length]! }, context);
    })(),
  );
  console.log('| what | median | p99 | heap grown | RSS after |');
  console.log('|---|---|---|---|---|');
  const row = (what: string, r: ReturnType<typeof timed>) =>
    console.log(`| ${what} | ${fmt(r.median)} ms | ${fmt(r.p99)} ms | ${r.heapMb} MB | ${r.rssMb} MB |`);
  row(`chart: Vega-Lite → vega SVG → resvg PNG (${points} points)`, vega);
  row('chart: drawn on @napi-rs/canvas by hand (same points, no axes or legend)', canvas);
  row(`/trend, whole reply with its chart (${QUERIES.length} queries × 3)`, whole);
  console.log(`Discord's 3 s without deferral: ${whole.median < 3000 ? 'met' : 'NOT met'} in the median case.`);
}

if (process.argv[1]?.endsWith('bench/trend.ts')) benchTrend(process.argv[2]);
