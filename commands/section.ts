// /section name:<heading>: a section quoted in full; no name: the table of contents.
import { SlashCommandBuilder } from '@discordjs/builders';
import { isPrivate, stringOption, type Command } from '../src/command.js';
import type { Library, SectionRef } from '../src/library/library.js';
import { sectionEmbed, sectionNotFound, tocEmbeds } from '../src/render/document.js';
import { choices, reply } from '../src/render/reply.js';

export const definition = new SlashCommandBuilder()
  .setName('section')
  .setDescription('Quote a section of the document, or list the sections')
  .addStringOption((o) => o.setName('name').setDescription('Section title (start typing to choose)').setAutocomplete(true).setMaxLength(200))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the reply'))
  .toJSON();

/** A section by its id or exact title (what autocomplete sends), else the best search match. */
export function resolveSection(library: Library, query: string): SectionRef | null {
  return library.sectionById(query) ?? library.findSections(query)[0] ?? null;
}

export const section: Command = {
  definition,
  run(library, options) {
    const name = stringOption(options, 'name');
    const ephemeral = isPrivate(options);
    if (!name) return reply(tocEmbeds(library), { ephemeral });
    const ref = resolveSection(library, name);
    if (!ref) return reply([sectionNotFound(library, name)], { ephemeral: true });
    return reply([sectionEmbed(ref)], { ephemeral });
  },
  autocomplete(library, focused) {
    return sectionChoices(library, focused.value);
  },
};

/** Section titles for autocomplete: all of them (first 25) when nothing is typed, else the best matches. */
export function sectionChoices(library: Library, typed: string) {
  const refs = typed.trim() ? library.findSections(typed) : library.sections;
  const label = (ref: SectionRef) => (library.documents.length > 1 ? `${ref.section.title} — ${ref.document.title}` : ref.section.title);
  return choices(refs.slice(0, 25).map((ref) => ({ name: label(ref), value: library.sectionKey(ref) })));
}
