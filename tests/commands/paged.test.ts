// A new paged command is one file and a line: the smallest one, as docs/architecture.md shows it, registered
// beside the others and pressed through respond as Discord delivers presses.
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.js';
import { pagedAnswer } from '../../commands/shared/paged.js';
import { defineCommand, sharedContext } from '../../src/command.js';
import type { SectionRef } from '../../src/library/library.js';
import { COLORS } from '../../src/render/reply.js';
import { escapeUserText } from '../../src/render/text.js';
import { respond } from '../../src/respond.js';
import { toInteraction, parseCommandLine } from '../../src/transport/parse-command.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { libraryOf } from '../support/library.js';
import { buttonPress, messageOf } from '../support/pressed.js';

// --- commands/sections.ts, as docs/architecture.md shows it ---
const pages = pagedAnswer<SectionRef>({
  command: 'sections',
  pageSize: 10,
  reserved: 0,
  what: 'list',
  othersNote: 'Only the person who asked can page it. Run /sections yourself.',
  rank: (library, ask) => ({ hits: library.search.sections(ask.query) }),
  renderer: () => (ref, number) => `**${number}.** ${escapeUserText(ref.section.title)}`,
  frame: (_library, ask, view) => ({
    title: `Sections with “${escapeUserText(ask.query)}”`,
    description: view.blocks.join('\n'),
    color: COLORS.answer,
    footer: { text: `Page ${view.page + 1} of ${view.pages}` },
  }),
});

export const sections = defineCommand({
  name: 'sections',
  description: 'List the sections whose titles hold some words',
  options: {
    words: { type: ApplicationCommandOptionType.String, description: 'e.g. parks', required: true, maxLength: 80 },
    private: { type: ApplicationCommandOptionType.Boolean, description: 'Only you see the reply' },
  },
  pure: true,
  run: (library, args) =>
    pages.reply(library, { query: args.words ?? '', document: null, range: null }, 0, args.private === true),
  component: pages.press,
});
// --- and its line in commands/index.ts ---
const commands = new Map([...registry, ['sections', sections]]);

/** Twenty-four sections about parks, one a fact sheet: three pages of ten. */
const library = libraryOf(
  Object.fromEntries(
    Array.from({ length: 24 }, (_, i) => [
      `park-${i}.md`,
      `# Park ${i}\n\n## Parks of ward ${i}\n\nThe ward has ${i} parks.\n`,
    ]),
  ),
);
const ask = (line: string) =>
  toInteraction(
    parseCommandLine(
      line,
      [...commands.values()].map((c) => c.definition),
    ),
    'command',
  );
type Data = APIInteractionResponseCallbackData;
type Buttons = Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
const next = (data: { components?: unknown }) =>
  ((data.components ?? []) as Buttons).flatMap((r) => r.components).find((b) => b.label === 'Next')!;

describe('a paged command of one file', () => {
  it('answers a page with Previous/Next, and turns it in place keeping the message private', () => {
    const first = respond(library, ask('/sections words:parks private:true'), sharedContext(), commands) as {
      type: number;
      data: Data;
    };
    expectValidResponse(first);
    expect(first.data.flags).toBe(MessageFlags.Ephemeral);
    expect(first.data.embeds![0]!.footer!.text).toBe('Page 1 of 3');
    const pressed = respond(
      library,
      buttonPress(next(first.data).custom_id, messageOf(first.data)),
      sharedContext(),
      commands,
    ) as {
      type: number;
      data: Data;
    };
    expectValidResponse(pressed);
    expect(pressed.type).toBe(InteractionResponseType.UpdateMessage);
    // An update carries no flags: Discord keeps the message's own visibility.
    expect(pressed.data.flags).toBeUndefined();
    expect(pressed.data.embeds![0]!.footer!.text).toBe('Page 2 of 3');
    expect(pressed.data.embeds![0]!.description).toMatch(/^\*\*11\.\*\* /);
  });

  it('refuses another user, a late press and a tampered id, each with a private note', () => {
    const first = respond(library, ask('/sections words:parks'), sharedContext(), commands) as { data: Data };
    const id = next(first.data).custom_id;
    const old = messageOf(first.data, { madeAt: Date.now() - 10 * 60_000 });
    const cases: Array<[ReturnType<typeof buttonPress>, string]> = [
      [buttonPress(id, messageOf(first.data), 'someone-else'), 'Not your list'],
      [buttonPress(id, old), 'This list has expired'],
      [buttonPress('sections:p:x:::=parks', messageOf(first.data)), 'This button no longer works'],
    ];
    for (const [press, title] of cases)
      expect(respond(library, press, sharedContext(), commands), title).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral, embeds: [{ title }] },
      });
  });

  it('is the very example docs/architecture.md shows', () => {
    const example = (text: string, from: string, to: string) =>
      text
        .slice(text.indexOf(from) + from.length, text.indexOf(to))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n');
    const here = example(
      readFileSync('tests/commands/paged.test.ts', 'utf8'),
      '// --- commands/sections.ts',
      '// --- and',
    );
    const docs = example(readFileSync('docs/architecture.md', 'utf8'), 'in `commands/index.ts`:\n\n  ```ts', '  ```\n');
    expect(docs).toBe(here.slice(here.indexOf('\n') + 1));
  });
});
