// /section [document] name:<title, number or words>: a section quoted in full, a page at a time when it is
// longer than one message; a name several documents share gives a list to choose from; no name: the table of
// contents.
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { buttonExpired, pressedByOwner, defineCommand } from '../src/command.js';
import type { Library, SectionRef } from '../src/library/library.js';
import { sectionChoiceEmbed, sectionEmbed, sectionNotFound, sectionPages, tocEmbeds } from '../src/render/document.js';
import { choices, notice, reply } from '../src/render/reply.js';
import { escapeUserText, truncate } from '../src/render/text.js';
import { decodeCustomId, encodeCustomId } from '../src/custom-id.js';
import { button, expiredResponse, pageButtons, rowsOf } from './shared/buttons.js';
import { citeButton, citePress } from './shared/cite.js';
import { chosenDocument, documentChoices, documentOption, privateOption } from './shared/options.js';
import { lookUpSection, sectionChoices } from './shared/sections.js';

/** Sections offered when a name is shared: two rows of numbered buttons. */
const CHOICES_SHOWN = 10;

/** A section's place and what to show of it, so buttons keep no state; null when it does not fit. */
const sectionId = (action: 'page' | 'show', ref: SectionRef, more: number) =>
  encodeCustomId({
    kind: 'section',
    command: 'section',
    action,
    documentId: ref.document.id,
    section: ref.section.number,
    more,
  });

function sectionAt(library: Library, customId: string): { ref: SectionRef | null; action: string; more: number } {
  const id = decodeCustomId(customId);
  if (id?.kind !== 'section') return { ref: null, action: '', more: 0 };
  const document = library.documents.find((d) => d.id === id.documentId);
  const section = document?.sections.find((s) => s.number === id.section);
  return { ref: document && section ? { document, section } : null, action: id.action, more: id.more };
}

/** A page of the section, with Previous/Next when it has several and a Cite for its heading. */
function sectionReply(ref: SectionRef, page: number, { ephemeral, note }: { ephemeral: boolean; note?: string }) {
  const pages = sectionPages(ref).length;
  const current = Math.min(Math.max(0, page), Math.max(0, pages - 1));
  const data = reply([sectionEmbed(ref, current, note)], { ephemeral });
  const previous = sectionId('page', ref, current - 1);
  const next = sectionId('page', ref, current + 1);
  const paging = pages > 1 && previous && next ? pageButtons({ previous, next }, current, pages) : [];
  const cited = ref.section.headingSpan ?? (ref.section.lead ?? ref.section.points[0])?.span;
  const cite = cited ? citeButton('section', ref.document, cited) : null;
  const rows = rowsOf([...paging, ...(cite ? [cite] : [])]);
  if (rows.length > 0) data.components = rows;
  return data;
}

/** The sections sharing a name, numbered, a button for each: only the asker sees the list. */
function choiceReply(query: string, refs: readonly SectionRef[], ephemeral: boolean) {
  const shown = refs.slice(0, CHOICES_SHOWN);
  const data = reply([sectionChoiceEmbed(query, refs, shown.length)], { ephemeral: true });
  const buttons = shown.flatMap((ref, i) => {
    const id = sectionId('show', ref, ephemeral ? 1 : 0);
    return id ? [button(String(i + 1), id)] : [];
  });
  if (buttons.length > 0) data.components = rowsOf(buttons);
  return data;
}

function changed(): APIInteractionResponse {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: notice('This section has changed', 'Its document was edited or removed since. Run /section again.'),
  };
}

export const section = defineCommand({
  name: 'section',
  description: 'Quote a section by title, number or what it says; no name lists the sections',
  example: '/section name:2',
  options: {
    document: documentOption,
    name: {
      type: ApplicationCommandOptionType.String,
      description: 'Section title or number, or words it holds (start typing to choose)',
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
    const match = lookUpSection(library, args.name, document);
    if (match.kind === 'none') return reply([sectionNotFound(library, args.name, document)], { ephemeral: true });
    if (match.kind === 'several') return choiceReply(args.name, match.refs, ephemeral);
    const note = match.byContent
      ? `*No section title matches “${escapeUserText(truncate(args.name, 100))}”; this section’s statements do.*`
      : undefined;
    return sectionReply(match.ref, 0, { ephemeral, note });
  },
  autocomplete(library, focused, args) {
    if (focused.name === 'document') return choices(documentChoices(library, focused.value));
    return sectionChoices(library, focused.value, chosenDocument(library, args.document).document);
  },
  component(library, customId, context) {
    const cited = citePress(library, customId);
    if (cited) return cited;
    if (buttonExpired(context)) return expiredResponse('section', '/section', context);
    const { ref, action, more } = sectionAt(library, customId);
    if (!ref) return changed();
    // A choice from a list posts the section as a message of its own, private only if the list asked so.
    if (action === 'show')
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: sectionReply(ref, 0, { ephemeral: more === 1 }),
      };
    if (!pressedByOwner(context)) {
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: notice('Not your section', 'Only the person who asked can page it. Run /section yourself.'),
      };
    }
    const data = sectionReply(ref, more, { ephemeral: false });
    delete data.flags; // an update keeps the message's own visibility
    return { type: InteractionResponseType.UpdateMessage, data };
  },
});
