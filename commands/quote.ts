// /quote [section]: a random statement or the epigraph, attributed; never the same one twice in a row in a channel.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { APIEmbed } from 'discord-api-types/v10';
import {
  addDocumentOption,
  chosenDocument,
  documentChoices,
  isPrivate,
  stringOption,
  type Command,
} from '../src/command.js';
import type { Document, Point, Section } from '../src/document/types.js';
import { documentFooter, sectionNotFound } from '../src/render/document.js';
import { choices, COLORS, reply } from '../src/render/reply.js';
import { blockquote, documentText, escapeDocumentText } from '../src/render/text.js';
import { resolveSection, sectionChoices } from './section.js';

export const definition = addDocumentOption(
  new SlashCommandBuilder().setName('quote').setDescription('Post a random excerpt of the document, attributed'),
)
  .addStringOption((o) =>
    o
      .setName('section')
      .setDescription('Only from this section (start typing to choose)')
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the reply'))
  .toJSON();

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

function excerptEmbed({ document, section, point }: Excerpt): APIEmbed {
  if (!point) {
    const epigraph = document.epigraph!;
    const by = epigraph.attribution ? `\n— ${escapeDocumentText(epigraph.attribution)}` : '';
    return {
      description: `${blockquote(documentText(document, epigraph.span))}${by}`,
      color: COLORS.answer,
      footer: documentFooter(document, 'Epigraph'),
    };
  }
  return {
    description: blockquote(documentText(document, point.span)),
    color: COLORS.answer,
    footer: documentFooter(
      document,
      section ? `Section ${section.number} of ${document.sections.length}: ${section.title}` : undefined,
    ),
  };
}

export const quote: Command = {
  definition,
  run(library, options, context) {
    const { document: chosen, notFound } = chosenDocument(library, options);
    if (notFound) return notFound;
    const name = stringOption(options, 'section');
    const ephemeral = isPrivate(options);
    let pool: ExcerptPool;
    if (name) {
      const ref = resolveSection(library, name, chosen);
      if (!ref) return reply([sectionNotFound(library, name, chosen)], { ephemeral: true });
      const excerpts = excerptsOf(ref.document, ref.section);
      pool = { size: excerpts.length, at: (i) => excerpts[i]! };
    } else {
      // Every statement and epigraph, picked by index rather than copied into a list at each call.
      const { statements } = library.parts(chosen?.id);
      const epigraphs = (chosen ? [chosen] : library.documents).filter((d) => d.epigraph);
      pool = {
        size: epigraphs.length + statements.length,
        at: (i) => {
          if (i < epigraphs.length)
            return { key: `${epigraphs[i]!.id}/epigraph`, document: epigraphs[i]!, section: null, point: null };
          const { document, section, point } = statements[i - epigraphs.length]!;
          return { key: `${document.id}/${point.id}`, document, section, point };
        },
      };
    }
    if (pool.size === 0) {
      return reply(
        [
          {
            title: 'Nothing to quote',
            description: 'That section has a heading and nothing under it.',
            color: COLORS.notice,
          },
        ],
        { ephemeral: true },
      );
    }
    const last = context.recent.get(context.channelId);
    let index = Math.min(pool.size - 1, Math.floor(context.random() * pool.size));
    // Never the same excerpt twice in a row in one channel.
    if (pool.size > 1 && pool.at(index).key === last) index = (index + 1) % pool.size;
    const excerpt = pool.at(index);
    if (!ephemeral) context.recent.set(context.channelId, excerpt.key);
    return reply([excerptEmbed(excerpt)], { ephemeral });
  },
  autocomplete(library, focused, options) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    return sectionChoices(library, focused.value, options);
  },
};
