// /quote [section]: a random statement or the epigraph, attributed; never the same one twice in a row in a channel.
import { ApplicationCommandOptionType, InteractionResponseType, type APIEmbed } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import type { Document, Point, Section } from '../src/document/types.js';
import { documentFooter, sectionNotFound } from '../src/render/document.js';
import { choices, COLORS, notice, reply } from '../src/render/reply.js';
import { attribution } from '../src/render/source.js';
import { blockquote, documentText } from '../src/render/text.js';
import { rowsOf } from './shared/buttons.js';
import { citeButton, citePress } from './shared/cite.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';
import { resolveSection, sectionChoices } from './shared/sections.js';

/**
 * The last excerpt posted in each channel, so /quote does not repeat itself: a shared value, so that two
 * replicas answering the same channel in turn do not repeat each other either. Forgotten after a day.
 */
const lastExcerptKey = (channelId: string) => `quote:last:${channelId}`;
const LAST_EXCERPT_TTL_MS = 24 * 60 * 60_000;

interface Excerpt {
  key: string;
  document: Document;
  section: Section | null;
  point: Point | null;
}

interface ExcerptPool {
  size: number;
  at(index: number): Excerpt;
}

function excerptsOf(document: Document, section: Section): Excerpt[] {
  return (section.lead ? [section.lead, ...section.points] : section.points).map((point) => ({
    key: `${document.id}/${point.id}`,
    document,
    section,
    point,
  }));
}

/** Every statement and epigraph, picked by index rather than copied into a list at each call. */
function everyExcerpt(
  statements: ReadonlyArray<{ document: Document; section: Section; point: Point }>,
  documents: readonly Document[],
): ExcerptPool {
  const epigraphs = documents.filter((d) => d.epigraph);
  return {
    size: epigraphs.length + statements.length,
    at: (i) => {
      if (i < epigraphs.length)
        return { key: `${epigraphs[i]!.id}/epigraph`, document: epigraphs[i]!, section: null, point: null };
      const { document, section, point } = statements[i - epigraphs.length]!;
      return { key: `${document.id}/${point.id}`, document, section, point };
    },
  };
}

/** The excerpt's place in its document: what a link or a citation points at. */
const spanOf = ({ document, point }: Excerpt) => point?.span ?? document.epigraph!.span;

/** The quote, then who said it (an epigraph) or its section, linked to the exact words. */
function excerptEmbed(excerpt: Excerpt): APIEmbed {
  const { document, section, point } = excerpt;
  if (!point) {
    const epigraph = document.epigraph!;
    return {
      description: `${blockquote(documentText(document, epigraph.span))}\n${attribution(epigraph.attribution ?? 'Epigraph', document, epigraph.span)}`,
      color: COLORS.answer,
      footer: documentFooter(document, 'Epigraph'),
    };
  }
  const where = section?.title ?? document.title;
  return {
    description: `${blockquote(documentText(document, point.span))}\n${attribution(where, document, point.span)}`,
    color: COLORS.answer,
    footer: documentFooter(
      document,
      section ? `Section ${section.number} of ${document.sections.length}: ${section.title}` : undefined,
    ),
  };
}

export const quote = defineCommand({
  name: 'quote',
  description: 'Post a random excerpt of the documents, attributed',
  example: '/quote section:Saving American Lives',
  options: {
    document: documentOption,
    section: {
      type: ApplicationCommandOptionType.String,
      description: 'Only from this section (start typing to choose)',
      autocomplete: true,
      maxLength: 200,
    },
    private: privateOption,
  },
  sharedKeys: ({ channelId }) => [lastExcerptKey(channelId)],
  run(library, args, context) {
    const { document: chosen, notFound } = chosenDocument(library, args.document);
    if (notFound) return notFound;
    const ephemeral = args.private === true;
    let pool: ExcerptPool;
    if (args.section) {
      const ref = resolveSection(library, args.section, chosen);
      if (!ref) return reply([sectionNotFound(library, args.section, chosen)], { ephemeral: true });
      const excerpts = excerptsOf(ref.document, ref.section);
      pool = { size: excerpts.length, at: (i) => excerpts[i]! };
    } else pool = everyExcerpt(library.parts(chosen?.id).statements, chosen ? [chosen] : library.documents);
    if (pool.size === 0) return notice('Nothing to quote', 'That section has a heading and nothing under it.');
    const last = context.shared.get(lastExcerptKey(context.channelId));
    let index = Math.min(pool.size - 1, Math.floor(context.random() * pool.size));
    // Never the same excerpt twice in a row in one channel.
    if (pool.size > 1 && pool.at(index).key === last) index = (index + 1) % pool.size;
    const excerpt = pool.at(index);
    if (!ephemeral) context.shared.set(lastExcerptKey(context.channelId), excerpt.key, LAST_EXCERPT_TTL_MS);
    const data = reply([excerptEmbed(excerpt)], { ephemeral });
    const cite = citeButton('quote', excerpt.document, spanOf(excerpt));
    if (cite) data.components = rowsOf([cite]);
    return data;
  },
  autocomplete(library, focused, args) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    return sectionChoices(library, focused.value, chosenDocument(library, args.document).document);
  },
  component(library, customId) {
    return (
      citePress(library, customId) ?? {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: notice('Unknown button', 'Run /quote again.'),
      }
    );
  },
});
