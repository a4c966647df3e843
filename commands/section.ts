// /section [document] name:<heading>: a section quoted in full; no name: the table of contents.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import { sectionEmbed, sectionNotFound, tocEmbeds } from '../src/render/document.js';
import { choices, reply } from '../src/render/reply.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';
import { resolveSection, sectionChoices } from './shared/sections.js';

export const section = defineCommand({
  name: 'section',
  description: 'Quote a section of the document, or list the sections',
  options: {
    document: documentOption,
    name: {
      type: ApplicationCommandOptionType.String,
      description: 'Section title (start typing to choose)',
      autocomplete: true,
      maxLength: 200,
    },
    private: privateOption,
  },
  pure: true,
  run(library, args) {
    const { document, notFound } = chosenDocument(library, args.document);
    if (notFound) return notFound;
    const ephemeral = args.private === true;
    if (!args.name) return reply(tocEmbeds(document ? [document] : library.documents), { ephemeral });
    const ref = resolveSection(library, args.name, document);
    if (!ref) return reply([sectionNotFound(library, args.name, document)], { ephemeral: true });
    return reply([sectionEmbed(ref)], { ephemeral });
  },
  autocomplete(library, focused, args) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    return sectionChoices(library, focused.value, chosenDocument(library, args.document).document);
  },
});
