// /settings [private_replies] [document] [all_documents]: this server's choices for every command, stored in the
// database and applied by every replica. With no option it shows them.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { GuildSettings } from '../src/guild.js';
import type { Library } from '../src/library/library.js';
import { choices } from '../src/render/reply.js';
import { escapeUserText } from '../src/render/text.js';
import { done, defineManagerCommand } from './shared/guild.js';
import { chosenDocument, documentChoices, documentOption } from './shared/options.js';

function describe(library: Library, settings: GuildSettings): string {
  const document = settings.defaultDocument ? library.lookup.document(settings.defaultDocument) : null;
  const scope = settings.defaultDocument
    ? `Commands look in **${escapeUserText(document?.title ?? settings.defaultDocument)}** unless told another document.`
    : 'Commands look in every document.';
  const privacy = settings.privateReplies
    ? 'Replies are private (only the asker sees them) unless a command’s `private` option is false.'
    : 'Replies are public unless a command’s `private` option is true.';
  return `${privacy}\n${scope}`;
}

export const settings = defineManagerCommand({
  name: 'settings',
  description: 'This server’s defaults for every command (Manage Server)',
  example: '/settings private_replies:true',
  options: {
    private_replies: {
      type: ApplicationCommandOptionType.Boolean,
      description: 'Replies only the asker sees, by default',
    },
    document: { ...documentOption, description: 'The document commands look in by default' },
    all_documents: { type: ApplicationCommandOptionType.Boolean, description: 'Commands look in every document again' },
  },
  manage(library, args, guild) {
    const { document, notFound } = chosenDocument(library, args.document);
    if (notFound) return notFound;
    const next: GuildSettings = {
      privateReplies: args.private_replies ?? guild.settings.privateReplies,
      defaultDocument: args.all_documents ? null : (document?.id ?? guild.settings.defaultDocument),
    };
    const changed =
      next.privateReplies !== guild.settings.privateReplies || next.defaultDocument !== guild.settings.defaultDocument;
    if (changed) guild.request({ kind: 'settings', settings: next });
    return done(changed ? 'Settings saved' : 'Settings', describe(library, next));
  },
  autocomplete(library, focused) {
    return choices(documentChoices(library, focused.value));
  },
});
