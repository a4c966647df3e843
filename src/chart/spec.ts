// A trend as a Vega-Lite chart spec: pure data, no rendering. Every mark is a point of the trend, and every
// word drawn is one of the labels listed here (chartLabels), so tests can hold the picture to the spec.
// Colours: a solid light-grey card with dark text, readable on Discord's dark and light themes alike.
import type { Bound, Period, TrendSeries } from '../library/trend-series.js';

export const CHART_SIZE = { width: 800, height: 450 } as const;
export const CAPTION = 'Each point is a quoted statement; see below';
export const DATE_AXIS = 'Date of the document';
export const FONT_FAMILY = 'DejaVu Sans';
const BACKGROUND = '#e8ebef';
const INK = '#1a202c';
const SERIES_COLORS = ['#2b6cb0', '#c05621', '#2f855a'];

/** How each bound is marked and named in the legend. */
export const BOUND_MARKS: Record<Bound, { shape: string; label: string }> = {
  exact: { shape: 'circle', label: 'as stated' },
  atLeast: { shape: 'triangle-up', label: 'more than (at least)' },
  atMost: { shape: 'triangle-down', label: 'nearly (at most)' },
  about: { shape: 'diamond', label: 'about' },
};

const UNIT_WORDS: Record<string, string> = {
  $: 'dollars',
  '%': 'percent',
  '×': 'times (multiple)',
  fraction: 'share (fraction)',
};

/** One drawn point: a trend point with its place on the chart. */
export interface ChartDatum {
  series: string;
  date: string;
  value: number;
  /** The top of a range; equal to value for one figure. */
  top: number;
  /** Where the line passes: the middle of a range. */
  middle: number;
  bound: string;
  /** Which trend point (series index, point index) this datum draws. */
  point: [number, number];
}

/** "dollars per year", "people", "percent": the y axis says what the numbers are. */
export function unitLabel(series: TrendSeries): string {
  const unit = series.unit === null ? series.name : (UNIT_WORDS[series.unit] ?? series.unit);
  return series.per ? `${unit} per ${series.per satisfies Period}` : unit;
}

export function chartData(series: TrendSeries[]): ChartDatum[] {
  return series.flatMap((s, i) =>
    s.points.map((p, j) => {
      const top = p.valueMax ?? p.value;
      return {
        series: s.name,
        date: p.date,
        value: p.value,
        top,
        middle: (p.value + top) / 2,
        bound: BOUND_MARKS[p.bound].label,
        point: [i, j] as [number, number],
      };
    }),
  );
}

/** The y axis's number labels: "$1.2B", "40%", "3M". */
function numberLabels(unit: string | null): string {
  const short = "replace(replace(format(datum.value, '~s'), 'G', 'B'), 'µ', 'u')";
  if (unit === '$') return `'$' + ${short}`;
  if (unit === '%') return `${short} + '%'`;
  return short;
}

/** The spec: series drawn against documents' dates, ranges as bars, bounds as marker shapes. */
export function trendSpec(title: string, series: TrendSeries[]): Record<string, unknown> {
  const values = chartData(series);
  const bounds = [...new Set(values.map((v) => v.bound))];
  const shapeOf = (label: string) => Object.values(BOUND_MARKS).find((m) => m.label === label)!.shape;
  const x = {
    field: 'date',
    type: 'temporal',
    title: DATE_AXIS,
    scale: { padding: 16 },
    axis: { format: '%Y-%m-%d', labelAngle: -30 },
  };
  const y = { type: 'quantitative', title: unitLabel(series[0]!), axis: { labelExpr: numberLabels(series[0]!.unit) } };
  const color = {
    field: 'series',
    type: 'nominal',
    title: series.length > 1 ? 'Series' : null,
    scale: { domain: series.map((s) => s.name), range: SERIES_COLORS.slice(0, series.length) },
    legend: series.length > 1 ? { orient: 'bottom', direction: 'vertical', labelLimit: 300 } : null,
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 16,
    background: BACKGROUND,
    title: { text: title, subtitle: CAPTION, anchor: 'start', color: INK, subtitleColor: INK, fontSize: 18 },
    config: chartConfig(),
    data: { values },
    encoding: { x, color },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { ...y, field: 'middle' } } },
      {
        mark: { type: 'rule', strokeWidth: 3, opacity: 0.6 },
        transform: [{ filter: 'datum.top > datum.value' }],
        encoding: { y: { ...y, field: 'value' }, y2: { field: 'top' } },
      },
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y: { ...y, field: 'middle' },
          shape: {
            field: 'bound',
            type: 'nominal',
            title: 'Figure given as',
            scale: { domain: bounds, range: bounds.map(shapeOf) },
            legend: { orient: 'bottom', direction: 'vertical', labelLimit: 200 },
          },
        },
      },
    ],
  };
}

function chartConfig() {
  const text = { labelColor: INK, titleColor: INK, labelFont: FONT_FAMILY, titleFont: FONT_FAMILY };
  return {
    font: FONT_FAMILY,
    view: { stroke: '#a0aec0' },
    axis: { ...text, gridColor: '#cbd5e0', domainColor: '#4a5568', tickColor: '#4a5568', labelFontSize: 12 },
    legend: { ...text, labelFontSize: 12 },
    title: { font: FONT_FAMILY, subtitleFont: FONT_FAMILY, subtitleFontSize: 13 },
  };
}

/** Every word the spec asks to draw besides the axes' tick labels: what the picture's text must hold. */
export function chartLabels(title: string, series: TrendSeries[]): string[] {
  const bounds = new Set(chartData(series).map((d) => d.bound));
  return [
    title,
    CAPTION,
    DATE_AXIS,
    unitLabel(series[0]!),
    'Figure given as',
    ...bounds,
    ...(series.length > 1 ? ['Series', ...series.map((s) => s.name)] : []),
  ];
}
