// /section [document] name:<heading>: a section quoted in full; no name: the table of contents.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  addDocumentOption,
  chosenDocument,
  documentChoices,
  isPrivate,
  stringOption,
  type Command,
  type CommandOptions,
} from '../src/command.js';
import type { Document } from '../src/document/types.js';
import type { Library, SectionRef } from '../src/library/library.js';
import { sectionEmbed, sectionNotFound, tocEmbeds } from '../src/render/document.js';
import { choices, reply } from '../src/render/reply.js';

export const definition = addDocumentOption(
  new SlashCommandBuilder().setName('section').setDescription('Quote a section of the document, or list the sections'),
)
  .addStringOption((o) =>
    o.setName('name').setDescription('Section title (start typing to choose)').setAutocomplete(true).setMaxLength(200),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the reply'))
  .toJSON();

/** A section by its id or exact title (what autocomplete sends), else the best search match. */
export function resolveSection(library: Library, query: string, document: Document | null): SectionRef | null {
  return library.sectionById(query, document?.id) ?? library.findSections(query, document?.id)[0] ?? null;
}

export const section: Command = {
  definition,
  pure: true,
  run(library, options) {
    const { document, notFound } = chosenDocument(library, options);
    if (notFound) return notFound;
    const name = stringOption(options, 'name');
    const ephemeral = isPrivate(options);
    if (!name) return reply(tocEmbeds(document ? [document] : library.documents), { ephemeral });
    const ref = resolveSection(library, name, document);
    if (!ref) return reply([sectionNotFound(library, name, document)], { ephemeral: true });
    return reply([sectionEmbed(ref)], { ephemeral });
  },
  autocomplete(library, focused, options) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    return sectionChoices(library, focused.value, options);
  },
};

/** Section titles for autocomplete: all of them (first 25) when nothing is typed, else the best matches. */
export function sectionChoices(library: Library, typed: string, options: CommandOptions) {
  const { document } = chosenDocument(library, options);
  const refs = typed.trim() ? library.findSections(typed, document?.id) : library.parts(document?.id).sections;
  const label = (ref: SectionRef) =>
    library.documents.length > 1 && !document ? `${ref.section.title} — ${ref.document.title}` : ref.section.title;
  return choices(refs.slice(0, 25).map((ref) => ({ name: label(ref), value: library.sectionKey(ref) })));
}
