// /trend query:<words>: how a figure moved, as the documents stated it. The figures /stat finds, grouped into
// series that never mix units, counted things or periods (src/library/trend-series.ts), drawn against their
// documents' dates as a PNG chart, and below it the points in date order, each quoted with its figure in bold
// and linked to its sentence, five a page with Previous/Next (the shared paged answer). The chart is attached to
// the first page only: a page turn is an update without files nor `attachments`, which Discord answers by keeping
// the message's attachment, so every page's embed still shows it. Fewer than two comparable points: no chart, the
// quotes and why.
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand, type Reply } from '../src/command.js';
import { CHART_SIZE, trendSpec, unitLabel } from '../src/chart/spec.js';
import type { Document } from '../src/document/types.js';
import { dateSpan, datedWithin } from '../src/library/dates.js';
import type { Library } from '../src/library/library.js';
import {
  findTrend,
  MAX_TREND_QUERY,
  sameThingAs,
  type Trend,
  type TrendPoint,
  type TrendSeries,
} from '../src/library/trend-series.js';
import { figureWhere } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { COLORS, notice, withFiles } from '../src/render/reply.js';
import { attribution } from '../src/render/source.js';
import { blockquote, escapeDocumentText, escapeUserText, plural, quoteAround, truncate } from '../src/render/text.js';
import { dateOptions, describeRange, readDateRange } from './shared/dates.js';
import { privateOption } from './shared/options.js';
import { pagedAnswer, type Ask, type PageView } from './shared/paged.js';

/** Points quoted a page; Previous/Next turn to the rest. */
export const POINTS_SHOWN = 5;
/** Series drawn together: those sharing the first one's unit and period, so one axis reads for all. */
export const MAX_SERIES_DRAWN = 3;
export const CHART_FILE = 'trend.png';
export const NO_CHART =
  'No chart: the documents give fewer than two comparable points (the same unit, thing and period).';
/** Characters of a page's description that are not points: the lead line and what was left off the chart. */
const RESERVED = 600;
/** The chart as an embed shows it: the attachment the first page sent, which page turns keep. */
const CHART_IMAGE = { url: `attachment://${CHART_FILE}`, width: CHART_SIZE.width, height: CHART_SIZE.height };

/**
 * The series that fits the query best, and those measured the same way (same unit and period) that name as much
 * of it ("new clean energy jobs" beside "clean energy jobs"): they share its axis.
 */
export function drawnSeries(trend: Trend): TrendSeries[] {
  // A series whose figures do not say what they count could mix things, and one counting a thing the query does
  // not name answers another question: neither is drawn.
  const [first] = namingSeries(trend);
  // Points of one day, from several documents, show no movement: a chart needs two dates.
  if (!first || new Set(first.points.map((p) => p.date)).size < 2) return [];
  const alike = trend.series.filter(
    (s) =>
      s.unit === first.unit &&
      s.per === first.per &&
      sameThingAs(first, s) &&
      s.points.length >= 2 &&
      s.key.split('|')[1] !== '',
  );
  return alike.slice(0, MAX_SERIES_DRAWN);
}

/** The series that say what they count, and count a thing the query names; best first. */
const namingSeries = (trend: Trend) => trend.series.filter((s) => s.named > 0 && s.key.split('|')[1] !== '');

/**
 * The series quoted: those drawn, else the first that names what the query asks for; never one counting another
 * thing ("a 10% tariff" for "trade deficit") nor figures that say nothing of what they count.
 */
export function shownSeries(trend: Trend): TrendSeries[] {
  const drawn = drawnSeries(trend);
  return drawn.length > 0 ? drawn : namingSeries(trend).slice(0, 1);
}

/** "over 43,000 pounds of fentanyl": a point's figures as written, the first two, then how many more. */
function figuresText(point: TrendPoint): string {
  const texts = [...new Set(point.figures.map((f) => f.figure.text.replace(/\s+/g, ' ')))];
  const shown = texts.slice(0, 2).map(escapeDocumentText).join('; ');
  return texts.length > 2 ? `${shown}; ${texts.length - 2} more` : shown;
}

/** One point: its date and figures, then its first sentence quoted with the figures in bold, and its link. */
function pointBlock(
  library: Library,
  point: TrendPoint,
  number: number,
  series: TrendSeries | null,
  room: number,
): string {
  const first = point.figures[0]!;
  const sentence = first.figure.sentenceSpan;
  const bolds = point.figures.filter((f) => f.figure.sentenceSpan === sentence).map((f) => f.figure.span);
  const under = attribution(figureWhere(library, first), point.document, sentence);
  const others = new Set(point.figures.map((f) => f.figure.sentenceSpan)).size - 1;
  const more = others > 0 ? ` · ${plural(others, 'more sentence')} of this document at this point` : '';
  const name = series ? ` — ${escapeDocumentText(series.name)}` : '';
  const head = `**${number}.** ${point.date} · ${figuresText(point)}${name}`;
  const fits = Math.max(200, room - head.length - under.length - more.length - 10);
  const quote = quoteAround(point.document, sentence, bolds, Math.floor(fits * 0.8));
  return `${head}\n${blockquote(truncate(quote, fits))}\n${under}${more}`;
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
  if (trend.apart.length > 0)
    lines.push(`${plural(trend.apart.length, 'goal, earlier year or one award')} not drawn: no point of a series.`);
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

/** What the whole answer found, shared by its points: what a page's frame says beside the page's points. */
interface Found {
  trend: Trend;
  drawn: TrendSeries[];
  /** The series quoted: those drawn, or the first when none is. */
  shown: TrendSeries[];
}

/** A point as the pages quote it: its series (named when several are quoted), and what the answer found. */
interface TrendHit {
  point: TrendPoint;
  series: TrendSeries | null;
  found: Found;
}

/** The points of an ask in date order; nothing dated: the undated figures instead (they stay off any chart). */
function trendHits(library: Library, ask: Ask): { hits: TrendHit[] } {
  const { range } = ask;
  const trend = findTrend(library, ask.query, { within: range ? (d: Document) => datedWithin(d, range) : undefined });
  const drawn = drawnSeries(trend);
  const shown = shownSeries(trend);
  const ordered = shown.length > 0 ? pointsInOrder(shown) : undatedPoints(trend);
  const found = { trend, drawn, shown };
  return { hits: ordered.map(({ point, series }) => ({ point, series: shown.length > 1 ? series : null, found })) };
}

function titleOf(ask: Ask, drawn: TrendSeries[]): string {
  const dated = ask.range ? ` · ${describeRange(ask.range)}` : '';
  const what = drawn[0] ? ` — ${unitLabel(drawn[0])}` : '';
  return truncate(`Trend of “${escapeUserText(truncate(ask.query, 80))}”${what}${dated}`, LIMITS.embedTitle);
}

/** A page's embed: its points, what was left off the chart, and the chart the first page attached. */
function pageEmbed(ask: Ask, view: PageView<TrendHit>): APIEmbed {
  const { hits } = view.ranked;
  // The documents changed since the first page and nothing matches now.
  if (!hits[0]) return nothingFound(ask).embeds![0]!;
  const { trend, drawn, shown } = hits[0].found;
  const lead = drawn.length > 0 ? '*Each point is a quoted statement; see below.*' : `*${NO_CHART}*`;
  // A query too long for a button's id gives no Previous/Next: the points past the page are counted instead.
  const rest = view.pageable ? 0 : hits.length - view.blocks.length;
  const tail = [...(rest > 0 ? [`${plural(rest, 'more point')} not shown here.`] : []), ...notDrawn(trend, shown)];
  const documents = [...new Set(hits.map((h) => h.point.document))];
  const page = view.pages > 1 ? `Page ${view.page + 1} of ${view.pages}` : '';
  const embed: APIEmbed = {
    title: titleOf(ask, drawn),
    description: [lead, ...view.blocks, ...(tail.length ? [tail.map((l) => `*${l}*`).join('\n')] : [])].join('\n\n'),
    color: COLORS.answer,
    footer: { text: [page, plural(hits.length, 'point'), dateSpan(documents)].filter(Boolean).join(' · ') },
  };
  if (drawn.length > 0) embed.image = CHART_IMAGE;
  return embed;
}

const trendPages = pagedAnswer<TrendHit>({
  command: 'trend',
  pageSize: POINTS_SHOWN,
  reserved: RESERVED,
  what: 'trend',
  othersNote: 'Only the person who asked can page this trend. Run /trend yourself.',
  rank: trendHits,
  renderer: (library) => (hit, number, room) => pointBlock(library, hit.point, number, hit.series, room),
  frame: (_library, ask, view) => pageEmbed(ask, view),
  quoted: (hit) => ({ document: hit.point.document, span: hit.point.figures[0]!.figure.sentenceSpan }),
});

/** The first page with its chart attached, when there is one to draw. */
function withChart(page: Reply, ask: Ask, found: Found): Reply {
  const { drawn } = found;
  if (drawn.length === 0) return page;
  const title = drawn.length > 1 ? `Trend of “${truncate(ask.query, 60)}”` : drawn[0]!.name;
  const chart = trendSpec(title, drawn);
  const description = `Chart of ${drawn.map((s) => s.name).join(', ')} (${unitLabel(drawn[0]!)}) by document date`;
  // Drawn by the transport before the reply goes (src/chart/draw.ts), so the renderer loads on the first /trend.
  const data = new Uint8Array(0);
  const file = { name: CHART_FILE, data, description: truncate(description, 1024), contentType: 'image/png', chart };
  return withFiles(page, [file]);
}

function nothingFound(ask: Ask): Reply {
  const within = ask.range ? ` in documents ${describeRange(ask.range)}` : '';
  return notice(
    'No figures to chart',
    `No figure counting “${escapeUserText(truncate(ask.query, 100))}” found${within}. /stat query:<words> finds single figures; /search finds statements.`,
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
    const ask: Ask = { query, document: null, range };
    const ranked = trendHits(library, ask);
    if (!ranked.hits[0]) return nothingFound(ask);
    return withChart(trendPages.reply(library, ask, 0, args.private === true, ranked), ask, ranked.hits[0].found);
  },
  component: trendPages.press,
});
