// /trend query:<words>: how a figure moved, as the documents stated it. The figures /stat finds, grouped into
// series that never mix units, counted things or periods (src/library/trend-series.ts), drawn against their
// documents' dates as a PNG chart, and below it the points in date order, each quoted with its figure in bold
// and linked to its sentence. Fewer than two comparable points: no chart, the quotes and why.
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand, type Reply } from '../src/command.js';
import { CHART_SIZE, trendSpec, unitLabel } from '../src/chart/spec.js';
import { renderChart } from '../src/chart/render.js';
import type { Document } from '../src/document/types.js';
import { dateSpan, datedWithin, type DateRange } from '../src/library/dates.js';
import type { Library } from '../src/library/library.js';
import {
  findTrend,
  MAX_TREND_QUERY,
  type Trend,
  type TrendPoint,
  type TrendSeries,
} from '../src/library/trend-series.js';
import { figureWhere } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { COLORS, notice, reply, withFiles } from '../src/render/reply.js';
import { attribution } from '../src/render/source.js';
import { blockquote, escapeDocumentText, escapeUserText, plural, quoteAround, truncate } from '../src/render/text.js';
import { dateOptions, describeRange, readDateRange } from './shared/dates.js';
import { privateOption } from './shared/options.js';

/** Points quoted on the first page; the rest are counted (Previous/Next come with the shared paged answer). */
export const POINTS_SHOWN = 5;
/** Series drawn together: those sharing the first one's unit and period, so one axis reads for all. */
export const MAX_SERIES_DRAWN = 3;
export const CHART_FILE = 'trend.png';
export const NO_CHART =
  'No chart: the documents give fewer than two comparable points (the same unit, thing and period).';
/** Room for one point's block, so that the page's points fit in an embed's 4,096 characters. */
const POINT_ROOM = Math.floor((LIMITS.embedDescription - 600) / POINTS_SHOWN);

/** The first series and those measured the same way (same unit and period) that can share its axis. */
export function drawnSeries(trend: Trend): TrendSeries[] {
  // A series whose figures do not say what they count could mix things: quoted, never drawn.
  const [first] = trend.series.filter((s) => s.key.split('|')[1] !== '');
  if (!first || first.points.length < 2) return [];
  const alike = trend.series.filter(
    (s) => s.unit === first.unit && s.per === first.per && s.points.length >= 2 && s.key.split('|')[1] !== '',
  );
  return alike.slice(0, MAX_SERIES_DRAWN);
}

/** "over 43,000 pounds of fentanyl": a point's figures as written, the first two, then how many more. */
function figuresText(point: TrendPoint): string {
  const texts = [...new Set(point.figures.map((f) => f.figure.text.replace(/\s+/g, ' ')))];
  const shown = texts.slice(0, 2).map(escapeDocumentText).join('; ');
  return texts.length > 2 ? `${shown}; ${texts.length - 2} more` : shown;
}

/** One point: its date and figures, then its first sentence quoted with the figures in bold, and its link. */
function pointBlock(library: Library, point: TrendPoint, number: number, series: TrendSeries | null): string {
  const first = point.figures[0]!;
  const sentence = first.figure.sentenceSpan;
  const bolds = point.figures.filter((f) => f.figure.sentenceSpan === sentence).map((f) => f.figure.span);
  const under = attribution(figureWhere(library, first), point.document, sentence);
  const others = new Set(point.figures.map((f) => f.figure.sentenceSpan)).size - 1;
  const more = others > 0 ? ` · ${plural(others, 'more sentence')} of this document at this point` : '';
  const name = series ? ` — ${escapeDocumentText(series.name)}` : '';
  const head = `**${number}.** ${point.date} · ${figuresText(point)}${name}`;
  const room = Math.max(200, POINT_ROOM - head.length - under.length - more.length - 10);
  const quote = quoteAround(point.document, sentence, bolds, Math.floor(room * 0.8));
  return `${head}\n${blockquote(truncate(quote, room))}\n${under}${more}`;
}

/** Points of the drawn series in date order (ties: series order), each with its series. */
function pointsInOrder(series: TrendSeries[]): Array<{ point: TrendPoint; series: TrendSeries }> {
  const all = series.flatMap((s) => s.points.map((point) => ({ point, series: s })));
  return all.sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : 0));
}

/** What was found but is not drawn: figures past the cap, vague ones, undated documents, other series. */
function notDrawn(trend: Trend, drawn: TrendSeries[]): string[] {
  const lines: string[] = [];
  if (trend.leftOut > 0)
    lines.push(
      `${plural(trend.leftOut, 'more figure')} matched; only the best-ranked ${trend.found - trend.leftOut} were read.`,
    );
  const others = trend.series.filter((s) => !drawn.includes(s)).length;
  if (others > 0) lines.push(`${others} other series not drawn (other units, things or periods).`);
  if (trend.vague.length > 0) lines.push(`${plural(trend.vague.length, 'vague figure')} ("thousands") not drawn.`);
  const undated = [...new Set(trend.undated.map((ref) => ref.document))];
  if (undated.length > 0) lines.push(`Not on the chart, no date: ${undatedList(undated)}.`);
  return lines;
}

function undatedPoints(trend: Trend): Array<{ point: TrendPoint; series: null }> {
  return trend.undated.map((ref) => ({
    point: { document: ref.document, date: 'no date', value: 0, valueMax: null, bound: 'exact', figures: [ref] },
    series: null,
  }));
}

function undatedList(documents: Document[]): string {
  const names = documents.slice(0, 5).map((d) => escapeDocumentText(d.file));
  return documents.length > 5 ? `${names.join(', ')} and ${documents.length - 5} more` : names.join(', ');
}

interface Asked {
  query: string;
  range: DateRange | null;
}

function titleOf(asked: Asked, drawn: TrendSeries[]): string {
  const dated = asked.range ? ` · ${describeRange(asked.range)}` : '';
  const what = drawn[0] ? ` — ${unitLabel(drawn[0])}` : '';
  return truncate(`Trend of “${escapeUserText(truncate(asked.query, 80))}”${what}${dated}`, LIMITS.embedTitle);
}

/** The embed: the points in date order, the first POINTS_SHOWN quoted, and what was left off the chart. */
function trendEmbed(library: Library, asked: Asked, trend: Trend, drawn: TrendSeries[]): APIEmbed {
  const shown = drawn.length > 0 ? drawn : trend.series.slice(0, 1);
  // Nothing dated: the undated figures are quoted instead (they stay off any chart).
  const ordered = shown.length > 0 ? pointsInOrder(shown) : undatedPoints(trend);
  const several = shown.length > 1;
  const blocks = ordered
    .slice(0, POINTS_SHOWN)
    .map(({ point, series }, i) => pointBlock(library, point, i + 1, several ? series : null));
  const rest = ordered.length - POINTS_SHOWN;
  const lead = drawn.length > 0 ? '*Each point is a quoted statement; see below.*' : `*${NO_CHART}*`;
  const tail = [...(rest > 0 ? [`${plural(rest, 'more point')} not shown here.`] : []), ...notDrawn(trend, shown)];
  const documents = [...new Set(ordered.map((o) => o.point.document))];
  return {
    title: titleOf(asked, drawn),
    description: [lead, ...blocks, ...(tail.length ? [tail.map((l) => `*${l}*`).join('\n')] : [])].join('\n\n'),
    color: COLORS.answer,
    footer: { text: [plural(ordered.length, 'point'), dateSpan(documents)].filter(Boolean).join(' · ') },
  };
}

function chartReply(library: Library, asked: Asked, trend: Trend, ephemeral: boolean): Reply {
  const drawn = drawnSeries(trend);
  const embed = trendEmbed(library, asked, trend, drawn);
  if (drawn.length === 0) return reply([embed], { ephemeral });
  const title = drawn.length > 1 ? `Trend of “${truncate(asked.query, 60)}”` : drawn[0]!.name;
  const { png } = renderChart(trendSpec(title, drawn));
  embed.image = { url: `attachment://${CHART_FILE}`, width: CHART_SIZE.width, height: CHART_SIZE.height };
  const description = `Chart of ${drawn.map((s) => s.name).join(', ')} (${unitLabel(drawn[0]!)}) by document date`;
  const file = { name: CHART_FILE, data: png, description: truncate(description, 1024), contentType: 'image/png' };
  return withFiles(reply([embed], { ephemeral }), [file]);
}

function nothingFound(asked: Asked): Reply {
  const within = asked.range ? ` in documents ${describeRange(asked.range)}` : '';
  return notice(
    'No figures to chart',
    `No figure found for “${escapeUserText(truncate(asked.query, 100))}”${within}. /stat query:<words> finds single figures; /search finds statements.`,
  );
}

export const trend = defineCommand({
  name: 'trend',
  description: 'Chart a figure over time, each point a quoted statement',
  example: '/trend query:miles of wall',
  options: {
    query: {
      type: ApplicationCommandOptionType.String,
      description: 'What the figure counts, e.g. construction jobs',
      required: true,
      maxLength: MAX_TREND_QUERY,
    },
    ...dateOptions,
    private: privateOption,
  },
  pure: true,
  run(library, args) {
    const { range, problem } = readDateRange(args);
    if (problem) return problem;
    const query = args.query ?? '';
    if (!query) return notice('Nothing to chart', 'Say what the figure counts: /trend query:construction jobs');
    if (query.length > MAX_TREND_QUERY)
      return notice('Query too long', `Name what the figure counts in at most ${MAX_TREND_QUERY} characters.`);
    const within = range ? (d: Document) => datedWithin(d, range) : undefined;
    const found = findTrend(library, query, { within });
    const asked = { query, range };
    const drawable = found.series.length + found.undated.length;
    if (drawable === 0) return nothingFound(asked);
    return chartReply(library, asked, found, args.private === true);
  },
});
