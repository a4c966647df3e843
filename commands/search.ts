// /search [document] query:<text>: full text over every statement, ranked, five a page with Previous/Next
// buttons; "quoted phrases" match as phrases; preview:true shows it only to you with a "Post to channel" button.
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import { textCheck } from '../src/custom-id.js';
import type { Document } from '../src/document/types.js';
import { plainTextOf } from '../src/document/formats/index.js';
import { dateSpan, shownDate, type DateRange } from '../src/library/dates.js';
import { MAX_STATEMENT_HITS, type Library, type StatementRef } from '../src/library/library.js';
import { normalizeTerm } from '../src/library/search.js';
import { foldNearSame } from '../src/library/near-same.js';
import { documentFooter } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { choices, COLORS, notice, reply } from '../src/render/reply.js';
import { attribution } from '../src/render/source.js';
import { documentText, escapeUserText, plural, truncate, unescapeUserText } from '../src/render/text.js';
import { dateOptions, describeRange, scopeOf } from './shared/dates.js';
import { documentChoices, documentOption, privateOption } from './shared/options.js';
import { alsoIn, hitLabel, pagedAnswer, quoteBlock, type Ask, type PageView, whereAsked } from './shared/paged.js';

export const PAGE_SIZE = 5;
/** Statements a quoted phrase is checked in, at most: a phrase of common words still answers quickly. */
const PHRASE_SCAN = 5000;

/** A statement found, and the other documents that state it word for word (it is shown once). */
export interface SearchHit {
  ref: StatementRef;
  alsoIn: Document[];
}

/** What a search found: each statement once, and whether more match than were ranked (the cap). */
export interface SearchResult {
  hits: SearchHit[];
  more: boolean;
}

/** Splits a query into its words and its "quoted phrases". */
export function parseQuery(query: string): { words: string; phrases: string[] } {
  const phrases: string[] = [];
  const words = query.replace(/"([^"]*)"|“([^”]*)”/g, (_m, a?: string, b?: string) => {
    const phrase = (a ?? b ?? '').replace(/\s+/g, ' ').trim();
    if (phrase) phrases.push(phrase.toLowerCase());
    return ` ${phrase} `;
  });
  return { words: words.replace(/["“”]/g, ' '), phrases };
}

function textOf(ref: StatementRef): string {
  return plainTextOf(ref.document, ref.point.text);
}

/**
 * A statement found in several documents is one hit, first where it ranks best, listing the others; so is a
 * near-identical one (the same numbers, nearly the same words: src/library/near-same.ts).
 */
function mergeRepeats(library: Library, refs: StatementRef[]): SearchHit[] {
  const hits = refs.map((ref): SearchHit => ({ ref, alsoIn: [] }));
  return foldNearSame(
    hits,
    (hit) => library.search.statementShape(hit.ref),
    (kept, repeat) => {
      for (const document of [repeat.ref.document, ...repeat.alsoIn])
        if (document !== kept.ref.document && !kept.alsoIn.includes(document)) kept.alsoIn.push(document);
    },
  );
}

/** Every statement matching the query, best first, phrases checked against the text, each shown once. */
function searchHits(library: Library, ask: Ask): SearchResult {
  const { words, phrases } = parseQuery(ask.query);
  const limit = phrases.length ? PHRASE_SCAN : MAX_STATEMENT_HITS;
  const { refs, total } = library.search.statementHits(words, scopeOf(ask), limit);
  const matching = refs.filter((ref) => {
    if (phrases.length === 0) return true;
    const text = textOf(ref).toLowerCase();
    return phrases.every((p) => text.includes(p));
  });
  const more = total > refs.length || matching.length > MAX_STATEMENT_HITS;
  return { hits: mergeRepeats(library, matching.slice(0, MAX_STATEMENT_HITS)), more };
}

/**
 * The statement with the words the query looks for in bold. The text is escaped once; escaping leaves letters
 * and digits alone, so the words can then be found and bolded in the escaped text.
 */
function highlighted(ref: StatementRef, stems: Set<string>): string {
  return documentText(ref.document, ref.point.span).replace(
    /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}'’,.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu,
    (word) => {
      const stem = normalizeTerm(word);
      return stem && stems.has(stem) ? `**${word}**` : word;
    },
  );
}

/** A statement with the words asked in bold, under its number, and where it is from. */
function hitBlock(library: Library, hit: SearchHit, number: number, stems: Set<string>, room: number): string {
  const { ref } = hit;
  const where =
    library.documents.length > 1
      ? [ref.section.title, ref.document.title, shownDate(ref.document)].filter(Boolean).join(' · ')
      : ref.section.title;
  const under = `${attribution(where, ref.document, ref.point.span)}${alsoIn(ref.document, hit.alsoIn)}`;
  return quoteBlock(hitLabel(number), () => highlighted(ref, stems), under, room);
}

/** "Page 1 of 3 · 12 statements", then the one document's title and date, or the dates the hits span. */
function footerText(library: Library, view: PageView<SearchHit>): string {
  const { ranked: result, page, pages, preview } = view;
  const counted = result.more
    ? `more than ${plural(MAX_STATEMENT_HITS, 'statement')}`
    : plural(result.hits.length, 'statement');
  const documents = [...new Set(result.hits.map((h) => h.ref.document))];
  const footer = [`Page ${page + 1} of ${pages}`, counted];
  if (library.documents.length === 1) footer.push(documentFooter(library.documents[0]!).text);
  else if (documents.length > 1) footer.push(dateSpan(documents) ?? '');
  if (preview) footer.push('Preview: only you can see this');
  return footer.filter(Boolean).join(' · ');
}

const TITLE_START = 'Search: ';

const datedSuffix = (range: DateRange | null) => (range ? ` · ${describeRange(range)}` : '');

/** "Search: “wall” · dated from 2025-01-01": what was asked, as the title shows it and buttons read it back. */
function titleOf(query: string, range: DateRange | null): string {
  // A query that is one quoted phrase keeps its own quotes: Search: "border crisis", not “"border crisis"”.
  const shown = /^["“].*["”]$/.test(query) ? escapeUserText(query) : `“${escapeUserText(query)}”`;
  return truncate(`${TITLE_START}${shown}${datedSuffix(range)}`, LIMITS.embedTitle);
}

/**
 * The query a title shows, read back for a button whose id holds only the query's check: the reading whose
 * check matches and whose own title is this very title. A title cut short, or text escaping changed, gives null.
 */
function queryFromTitle(title: unknown, range: DateRange | null, check: string): string | null {
  const dated = datedSuffix(range);
  if (typeof title !== 'string' || title.length > LIMITS.embedTitle) return null;
  if (!title.startsWith(TITLE_START) || !title.endsWith(dated)) return null;
  const shown = title.slice(TITLE_START.length, title.length - dated.length);
  const readings = [shown, /^“[^]*”$/.test(shown) ? shown.slice(1, -1) : ''].map(unescapeUserText);
  return readings.find((q) => q && textCheck(q) === check && titleOf(q, range) === title) ?? null;
}

function pageEmbed(library: Library, ask: Ask, view: PageView<SearchHit>): APIEmbed {
  // Rare: a long query full of characters escaping changes cannot be carried nor read back.
  const note = !view.pageable && (view.pages > 1 || view.preview) ? 'Shorten the query to page it or post it' : null;
  const footer = [footerText(library, view), note].filter(Boolean).join(' · ');
  return {
    title: titleOf(ask.query, ask.range),
    description: view.blocks.join('\n\n'),
    color: COLORS.answer,
    footer: { text: footer },
  };
}

/**
 * Statements, five a page; a preview adds "Post to channel". The buttons carry the search: its query whole when
 * it fits Discord's 100 characters, else a check of it, read back from the message's title.
 */
const statementPages = pagedAnswer<SearchHit>({
  command: 'search',
  pageSize: PAGE_SIZE,
  // Room for the page's own lines.
  reserved: 200,
  what: 'search',
  othersNote: 'Only the person who searched can use these buttons. Run /search yourself to search.',
  rank: searchHits,
  renderer: (library, ask) => {
    const stems = library.search.statementTerms(parseQuery(ask.query).words);
    return (hit, number, room) => hitBlock(library, hit, number, stems, room);
  },
  frame: pageEmbed,
  quoted: (hit) => ({ document: hit.ref.document, span: hit.ref.point.span }),
  readBack: { title: (ask) => titleOf(ask.query, ask.range), query: queryFromTitle },
  postable: true,
});

function notFound(query: string, document: string | null, range: DateRange | null): APIEmbed {
  return notFoundEmbed({
    title: 'Nothing found',
    what: 'statement',
    query,
    within: [document, range && `documents ${describeRange(range)}`].filter(Boolean).join(', ') || null,
    more: ['Try fewer words, another word form, or a phrase without quotes. /section with no name lists the sections.'],
  });
}

export const search = defineCommand({
  name: 'search',
  description: 'Search every statement; "quoted phrases" match as phrases',
  example: '/search query:"border wall"',
  options: {
    query: {
      type: ApplicationCommandOptionType.String,
      description: 'Words to find, e.g. border wall or "criminal aliens"',
      required: true,
      maxLength: 200,
    },
    document: documentOption,
    preview: {
      type: ApplicationCommandOptionType.Boolean,
      description: 'Only you see it first, with a button to post it to the channel',
    },
    ...dateOptions,
    private: privateOption,
  },
  // No randomness and no state: the buttons carry the search, so the same options give the same reply.
  pure: true,
  run(library, args) {
    const { document, range, problem } = whereAsked(library, args);
    if (problem) return problem;
    const query = args.query;
    const preview = args.preview === true;
    const ephemeral = preview || args.private === true;
    if (!query)
      return notice('What should I search for?', 'Give some words: /search query:border wall, or a "quoted phrase".');
    const ask: Ask = { query, document, range, preview };
    const result = searchHits(library, ask);
    if (result.hits.length === 0) return reply([notFound(query, document?.title ?? null, range)], { ephemeral: true });
    return statementPages.reply(library, ask, 0, ephemeral, result);
  },
  autocomplete(library, focused) {
    return focused.name === 'document' ? choices(documentChoices(library, focused.value)) : { choices: [] };
  },
  component: statementPages.press,
});
