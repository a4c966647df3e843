// /help: what each command does, with one example each, and what is served. It lists the registry it is
// handed (commands/index.ts), so a new command shows up here without anyone remembering to add it.
import type { APIEmbedField } from 'discord-api-types/v10';
import { defineCommand, type Command } from '../src/command.js';
import { dateSpan } from '../src/library/dates.js';
import { COLORS, reply } from '../src/render/reply.js';
import { plural } from '../src/render/text.js';

function commandField(command: Command): APIEmbedField {
  if (command.kind === 'message')
    return {
      name: command.definition.name,
      value: 'Right-click a message > Apps: checks its figures against the documents.',
    };
  const { name, description, options = [] } = command.definition;
  const lines = [description];
  if (options.length > 0) lines.push(`Options: ${options.map((o) => o.name).join(', ')}`);
  if (command.example) lines.push(`Example: \`${command.example}\``);
  return { name: `/${name}`, value: lines.join('\n') };
}

/** /help over the commands `listed` gives (itself included). */
export function helpCommand(listed: () => readonly Command[]): Command {
  return defineCommand({
    name: 'help',
    description: 'What each command does, with an example, and which documents are served',
    example: '/help',
    options: {},
    pure: true,
    privateByDefault: true,
    run(library) {
      const span = dateSpan(library.documents);
      const served = `Serving ${plural(library.documents.length, 'document')}${span ? `, dated ${span}` : ''}.`;
      const how =
        'Every answer quotes the documents word for word and links to the exact sentence; its **Cite** button ' +
        'gives you a citation ready to paste.';
      return reply(
        [
          {
            title: 'factsheet-bot',
            description: `${served}\n${how}`,
            fields: listed().map(commandField),
            color: COLORS.answer,
          },
        ],
        { ephemeral: true },
      );
    },
  });
}
