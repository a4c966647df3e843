// /stat query:<words>: the figures the document states, each in bold inside its quoted sentence.
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import type { Document } from '../src/document/types.js';
import type { FigureRef, Library } from '../src/library/library.js';
import { documentFooter, figureLabel, figureQuote } from '../src/render/document.js';
import { LIMITS } from '../src/render/limits.js';
import { choices, COLORS, reply } from '../src/render/reply.js';
import { notFoundEmbed } from '../src/render/not-found.js';
import { closest } from '../src/render/similar.js';
import { escapeDocumentText, escapeUserText, truncate } from '../src/render/text.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';

/** Matches shown for a query: enough to compare, few enough to read. */
const MAX_RESULTS = 5;

function matchesEmbed(library: Library, query: string, refs: FigureRef[]): APIEmbed {
  const blocks: string[] = [];
  let length = 0;
  for (const ref of refs) {
    const block = figureQuote(ref, library);
    if (length + block.length + 2 > LIMITS.embedDescription - 100) break;
    blocks.push(block);
    length += block.length + 2;
  }
  const documents = new Set(refs.map((r) => r.document));
  return {
    title: truncate(refs.length === 1 && !query ? figureLabel(refs[0]!) : `Figures for “${query}”`, LIMITS.embedTitle),
    description: blocks.join('\n\n'),
    color: COLORS.answer,
    footer: documents.size === 1 ? documentFooter(refs[0]!.document) : { text: `${documents.size} documents` },
  };
}

/** Every figure, grouped by section: one field a section, one embed a document. */
function allFiguresEmbeds(library: Library, documents: Document[]): APIEmbed[] {
  return documents
    .filter((d) => d.figures.length > 0)
    .slice(0, LIMITS.embeds)
    .map((document) => {
      const bySection = new Map<string, string[]>();
      for (const ref of library.parts(document.id).figures) {
        const lines = bySection.get(ref.section.title) ?? [];
        lines.push(`• ${escapeDocumentText(figureLabel(ref)).replace(/^(.*?) — /, '**$1** — ')}`);
        bySection.set(ref.section.title, lines);
      }
      const fields = [...bySection].map(([title, lines]) => ({ name: title, value: lines.join('\n') }));
      return {
        title: `Figures in ${document.title}`,
        description: `${document.figures.length} figure(s). /stat query:<words> quotes the sentence each comes from.`,
        fields: fields.slice(0, LIMITS.fields),
        color: COLORS.answer,
        footer: documentFooter(
          document,
          fields.length > LIMITS.fields ? `${fields.length - LIMITS.fields} more section(s) not shown` : undefined,
        ),
      };
    });
}

function notFound(library: Library, query: string, document: Document | null): APIEmbed {
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
  return notFoundEmbed({
    title: 'No figure found',
    what: 'figure',
    query,
    suggestion: nearest && escapeDocumentText(nearest),
    more: [
      examples.length
        ? `Figures count, for example: ${examples.join(', ')}.`
        : 'The documents served state no figures.',
      '',
      'Run /stat with no query to list every figure.',
    ],
  });
}

export const stat = defineCommand({
  name: 'stat',
  description: 'Find the figures the document states, quoted with their sentence',
  options: {
    document: documentOption,
    query: {
      type: ApplicationCommandOptionType.String,
      description: 'What the figure counts, e.g. homicides (start typing to choose)',
      autocomplete: true,
      maxLength: 200,
    },
    private: privateOption,
  },
  pure: true,
  run(library, args) {
    const { document, notFound: noDocument } = chosenDocument(library, args.document);
    if (noDocument) return noDocument;
    const query = args.query;
    const ephemeral = args.private === true;
    if (!query) {
      const embeds = allFiguresEmbeds(library, document ? [document] : library.documents);
      if (embeds.length === 0) return reply([notFound(library, '', document)], { ephemeral: true });
      return reply(embeds, { ephemeral });
    }
    const exact = library.figureById(query);
    if (exact && (!document || exact.document === document))
      return reply([matchesEmbed(library, '', [exact])], { ephemeral });
    const refs = library.findFigures(query, document?.id).slice(0, MAX_RESULTS);
    if (refs.length === 0) return reply([notFound(library, query, document)], { ephemeral: true });
    return reply([matchesEmbed(library, escapeUserText(truncate(query, 100)), refs)], { ephemeral });
  },
  autocomplete(library, focused, args) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    const { document } = chosenDocument(library, args.document);
    const refs = focused.value.trim()
      ? library.findFigures(focused.value, document?.id)
      : library.parts(document?.id).figures;
    return choices(refs.slice(0, 25).map((ref) => ({ name: figureLabel(ref), value: library.figureKey(ref) })));
  },
});
