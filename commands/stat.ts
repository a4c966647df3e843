// /stat query:<words>: the figures the documents state, each sentence quoted once with its figures in bold.
// A query that no sentence covers gets the closest figure sentences, said to be only that, or "No figure found"
// when nothing is close: never a guess passed off as an answer (see src/library/figure-search.ts).
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import { datedWithin, dateSpan } from '../src/library/dates.js';
import type { FigureHit, FigureRef, Library } from '../src/library/library.js';
import { documentFooter, figureLabel, figureWhere } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { choices, COLORS, reply } from '../src/render/reply.js';
import { closest } from '../src/render/similar.js';
import { attribution } from '../src/render/source.js';
import { escapeDocumentText, escapeUserText, plural, quoteAround, truncate } from '../src/render/text.js';
import { rowsOf } from './shared/buttons.js';
import { citeButton } from './shared/cite.js';
import { dateOptions, describeRange, scopeOf } from './shared/dates.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';
import { alsoIn, hitLabel, pagedAnswer, quoteBlock, type Ask, type PageView, whereAsked } from './shared/paged.js';

/** Sentences a page: enough to compare, few enough to read. */
export const PAGE_SIZE = 5;
/** Said above the closest figures: no sentence holds enough of what was asked to be called an answer. */
export const MAY_NOT_ANSWER =
  '*No sentence states all of what you asked. These hold some of it and may not answer the question.*';
/** Said above the closest figures that fill a confident answer's first page: they are not the answer. */
export const CLOSEST_AFTER = '*Closest figures, which hold only part of what you asked and may not answer it:*';
/** What a lookup covers: one document or all, and the dates asked for. */
type Lookup = Ask;

/** A quoted sentence with its answering figures in bold, its link or file and line, and where else it is. */
function hitBlock(library: Library, hit: FigureHit, number: number | null, room: number): string {
  const { document, span } = hit.sentence;
  const under = `${attribution(figureWhere(library, hit.sentence.figures[0]!), document, span)}${alsoIn(document, hit.alsoIn)}`;
  // A long sentence is shown around the figures asked about, with room left for bold and escapes.
  const bolds = hit.bold.map((ref) => ref.figure.span);
  return quoteBlock(
    hitLabel(number),
    (fits) => quoteAround(document, span, bolds, Math.floor(fits * 0.8)),
    under,
    room,
  );
}

function pageEmbed(lookup: Lookup, view: PageView<FigureHit>): APIEmbed {
  const { ranked, page, pages } = view;
  const hits = ranked.hits;
  const shown = [...view.blocks];
  const documents = [...new Set(hits.map((h) => h.sentence.document))];
  const counted = [
    pages > 1 ? `Page ${page + 1} of ${pages}` : '',
    `${plural(hits.length, 'sentence')} with figures`,
    documents.length > 1 ? (dateSpan(documents) ?? '') : '',
  ].filter(Boolean);
  const only = documents.length === 1 ? documents[0]! : null;
  // One document: the footer names it, and the page count goes under the quotes.
  if (only && pages > 1) shown.push(`*${counted.join(' · ')}*`);
  const dated = lookup.range ? ` · ${describeRange(lookup.range)}` : '';
  const doubtful = hits[0] !== undefined && !hits[0].confident;
  if (doubtful) shown.unshift(MAY_NOT_ANSWER);
  else markClosest(shown, hits.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
  const heading = doubtful ? 'Closest figures to' : 'Figures for';
  return {
    title: truncate(`${heading} “${escapeUserText(truncate(lookup.query, 100))}”${dated}`, LIMITS.embedTitle),
    description: shown.join('\n\n'),
    color: COLORS.answer,
    footer: only ? documentFooter(only) : { text: counted.join(' · ') },
  };
}

/** The note before the first closest figure of a confident answer's page, in place among the page's quotes. */
function markClosest(shown: string[], pageHits: FigureHit[]): void {
  const first = pageHits.findIndex((hit) => !hit.confident);
  if (first >= 0) shown.splice(first, 0, CLOSEST_AFTER);
}

/** Sentences with figures, five a page, each numbered when there are several; the buttons carry the lookup. */
const figurePages = pagedAnswer<FigureHit>({
  command: 'stat',
  pageSize: PAGE_SIZE,
  // The page count and one note: that the closest figures may not answer, or where they begin.
  reserved: 100 + Math.max(MAY_NOT_ANSWER.length, CLOSEST_AFTER.length),
  what: 'lookup',
  othersNote: 'Only the person who asked can page these figures. Run /stat yourself.',
  rank: (library, lookup) => ({
    hits: lookup.query ? library.search.figureSentences(lookup.query, scopeOf(lookup)) : [],
  }),
  renderer:
    (library, _lookup, { hits }) =>
    (hit, number, room) =>
      hitBlock(library, hit, hits.length > 1 ? number : null, room),
  frame: (_library, lookup, view) => pageEmbed(lookup, view),
  quoted: (hit) => hit.sentence,
});

/** Every figure, grouped by section: one field a section, one embed a document. */
function allFiguresEmbeds(library: Library, documents: Document[]): APIEmbed[] {
  return documents
    .filter((d) => d.figures.length > 0)
    .slice(0, LIMITS.embeds)
    .map((document) => {
      const bySection = new Map<string, string[]>();
      for (const ref of library.parts(document.id).figures) {
        const lines = bySection.get(ref.section.title) ?? [];
        lines.push(`• ${boldLabel(ref)}`);
        bySection.set(ref.section.title, lines);
      }
      const fields = [...bySection].map(([title, lines]) => ({ name: title, value: lines.join('\n') }));
      const hidden = fields.length - LIMITS.fields;
      return {
        title: `Figures in ${document.title}`,
        description: `${plural(document.figures.length, 'figure')}. /stat query:<words> quotes the sentence each comes from.`,
        fields: fields.slice(0, LIMITS.fields),
        color: COLORS.answer,
        footer: documentFooter(document, hidden > 0 ? `${plural(hidden, 'more section')} not shown` : undefined),
      };
    });
}

/** "**nearly 2,000** — homicides", or the figure alone when what it counts is not known. */
function boldLabel(ref: FigureRef): string {
  const [text, counts] = figureLabel(ref).split(' — ');
  return `**${escapeDocumentText(text!)}**${counts ? ` — ${escapeDocumentText(counts)}` : ''}`;
}

/** The /search that would find statements with these words, written out to run as it is. */
function searchToRun(lookup: Lookup): string {
  const { query, document, range } = lookup;
  const parts = [`/search query:${escapeUserText(truncate(query, 100))}`];
  if (document) parts.push(`document:${document.id}`);
  if (range?.from) parts.push(`after:${range.from}`);
  if (range?.to) parts.push(`before:${range.to}`);
  return parts.join(' ');
}

function notFound(library: Library, lookup: Lookup): APIEmbed {
  const { query, document, range } = lookup;
  const counted = [
    ...new Set(
      library
        .parts(document?.id)
        .figures.slice(0, 300)
        .map((r) => r.figure.counts)
        .filter((c): c is string => Boolean(c)),
    ),
  ];
  const nearest = closest(query, counted, (c) => c);
  const examples = counted.slice(0, 8).map((c) => escapeDocumentText(c.replace(/\s+/g, ' ')));
  const statements = query ? library.search.statementHits(query, scopeOf(lookup), 0).total : 0;
  const more = [
    examples.length ? `Figures count, for example: ${examples.join(', ')}.` : 'The documents served state no figures.',
  ];
  if (statements > 0)
    more.push('', `${searchToRun(lookup)} finds ${plural(statements, 'statement')} with these words.`);
  more.push('', 'Run /stat with no query to list every figure.');
  return notFoundEmbed({
    title: 'No figure found',
    what: 'figure',
    query,
    within: [document?.title, range && `documents ${describeRange(range)}`].filter(Boolean).join(', ') || null,
    suggestion: nearest && escapeDocumentText(nearest),
    more,
  });
}

/** The figure an autocomplete choice names, quoted alone. */
function exactFigure(library: Library, ref: FigureRef, ephemeral: boolean) {
  const hit: FigureHit = {
    sentence: {
      document: ref.document,
      span: ref.figure.sentenceSpan,
      figures: [ref],
      terms: new Set(),
      context: [],
      key: '',
    },
    bold: [ref],
    alsoIn: [],
    confident: true,
  };
  const embed: APIEmbed = {
    title: truncate(figureLabel(ref), LIMITS.embedTitle),
    description: hitBlock(library, hit, null, figurePages.roomPerHit),
    color: COLORS.answer,
    footer: documentFooter(ref.document),
  };
  const data = reply([embed], { ephemeral });
  const cite = citeButton('stat', ref.document, ref.figure.sentenceSpan);
  if (cite) data.components = rowsOf([cite]);
  return data;
}

/** Every figure of the documents in scope, grouped by section; a note when none states any. */
function everyFigure(library: Library, lookup: Lookup, ephemeral: boolean) {
  const { document, range } = lookup;
  const documents = (document ? [document] : library.documents).filter((d) => !range || datedWithin(d, range));
  const embeds = allFiguresEmbeds(library, documents);
  return embeds.length ? reply(embeds, { ephemeral }) : reply([notFound(library, lookup)], { ephemeral: true });
}

export const stat = defineCommand({
  name: 'stat',
  description: 'Find the figures the documents state, quoted with their sentence',
  example: '/stat query:homicides',
  // No randomness and no state: the buttons carry the lookup, so the same options give the same reply.
  pure: true,
  options: {
    document: documentOption,
    query: {
      type: ApplicationCommandOptionType.String,
      description: 'What the figure counts, e.g. homicides (start typing to choose)',
      autocomplete: true,
      maxLength: 200,
    },
    ...dateOptions,
    private: privateOption,
  },
  run(library, args) {
    const { document, range, problem } = whereAsked(library, args);
    if (problem) return problem;
    const ephemeral = args.private === true;
    const lookup: Lookup = { query: args.query ?? '', document, range };
    if (!lookup.query) return everyFigure(library, lookup, ephemeral);
    const exact = library.lookup.figure(lookup.query);
    if (exact && (!document || exact.document === document) && (!range || datedWithin(exact.document, range)))
      return exactFigure(library, exact, ephemeral);
    const hits = library.search.figureSentences(lookup.query, scopeOf(lookup));
    if (hits.length === 0) return reply([notFound(library, lookup)], { ephemeral: true });
    return figurePages.reply(library, lookup, 0, ephemeral, { hits });
  },
  autocomplete(library, focused, args) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    if (focused.name !== 'query') return { choices: [] };
    const { document } = chosenDocument(library, args.document);
    const refs = focused.value.trim()
      ? library.search
          .figureSentences(focused.value, { documentId: document?.id }, { typing: true })
          .filter((hit) => hit.confident)
          .flatMap((hit) => hit.bold)
      : library.parts(document?.id).figures;
    const several = library.documents.length > 1 && !document;
    const named = refs.map((ref) => ({
      name: several ? `${figureLabel(ref)} · ${ref.document.title}` : figureLabel(ref),
      value: library.lookup.figureKey(ref),
    }));
    // The same label twice helps nobody: keep the first of each.
    return choices(named.filter((c, i) => named.findIndex((o) => o.name === c.name) === i).slice(0, 25));
  },
  component: figurePages.press,
});
