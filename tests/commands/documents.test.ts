// /documents and /help: finding your way around what is served.
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { SlashCommand } from '../../src/command.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { documents, PAGE_SIZE } from '../../commands/documents.js';
import { stat } from '../../commands/stat.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { multiDocumentLibrary } from '../support/corpus-fixtures.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, pressContext, libraryOf, seedLibrary } from '../support/library.js';

const library = multiDocumentLibrary();
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
type Buttons = Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
const buttonsOf = (data: { components?: unknown }) => ((data.components ?? []) as Buttons).flatMap((r) => r.components);

/** Forty small fact sheets, one a month from January 2022. */
function manyDocuments() {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    const month = `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    files[`sheet-${String(i).padStart(2, '0')}.md`] =
      `---\ntitle: 'Fact Sheet: ${i % 2 ? 'Parks' : 'Roads'} Report ${i}'\ndate: '${month}-15'\nsource_url: https://example.gov/${i}\n---\n\n**WORK:** The city built ${i + 1} things.\n`;
  }
  return libraryOf(files);
}

describe('/documents', () => {
  it('lists the documents newest first, each with its date, sections and figures, linked to its source', () => {
    const reply = documents.run(library, {}, context());
    expectValidResponse(asResponse(reply));
    const description = reply.embeds![0]!.description!;
    // The mortgage sheet's heading "… REVERSING MORE THAN A DECADE OF MARKET DISTORTION" states one of its 8.
    expect(description.split('\n\n')).toEqual([
      '**1.** [Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit](https://www.whitehouse.gov/fact-sheets/2026/03/fact-sheet-president-donald-j-trump-promotes-access-to-mortgage-credit/)\n2026-03-13 · 3 sections · 8 figures',
      expect.stringMatching(
        /^\*\*2\.\*\* \[Fact Sheet: .*Ratepayer Protection Pledge\]\(https:.*\)\n2026-03-04 · 3 sections · 4 figures$/,
      ),
      // No address: the file it comes from instead.
      '**3.** **Border Security and Immigration**\nundated · 3 sections · 9 figures · border-security-and-immigration.txt',
    ]);
    expect(reply.embeds![0]!.footer!.text).toBe('3 documents · 2026-03-04 to 2026-03-13');
  });

  it('pages with Previous/Next, and filters by words of the title', () => {
    const many = manyDocuments();
    const first = documents.run(many, {}, context());
    expectValidResponse(asResponse(first));
    expect(first.embeds![0]!.description).toMatch(/^\*\*1\.\*\* \[Fact Sheet: Parks Report 39\]/);
    expect(first.embeds![0]!.footer!.text).toBe('Page 1 of 5 · 40 documents · 2022-01-15 to 2025-04-15');
    const next = buttonsOf(first).find((b) => b.label === 'Next')!;
    const second = documents.component!(many, next.custom_id, pressContext()) as { type: number; data: typeof first };
    expect(second.type).toBe(7);
    expectValidResponse(second);
    expect(second.data.embeds![0]!.description).toMatch(new RegExp(`^\\*\\*${PAGE_SIZE + 1}\\.\\*\\* `));
    const parks = documents.run(many, { title: 'parks' }, context());
    expect(parks.embeds![0]!.title).toBe('Documents titled with “parks”');
    expect(parks.embeds![0]!.footer!.text).toMatch(/^Page 1 of 3 · 20 documents of 40 · /);
    expect(parks.embeds![0]!.description).not.toContain('Roads');
    const none = documents.run(many, { title: 'zebras' }, context());
    expect(none.flags).toBe(MessageFlags.Ephemeral);
    expect(none.embeds![0]!.title).toBe('No document found');
  });

  it('only the asker pages the list', () => {
    const many = manyDocuments();
    const next = buttonsOf(documents.run(many, {}, context())).find((b) => b.label === 'Next')!;
    const stranger = documents.component!(many, next.custom_id, pressContext({ messageOwnerId: 'someone' }));
    expect(stranger).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Not your list' }] },
    });
  });

  it.each(HOSTILE_INPUTS.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'keeps Discord’s rules for hostile title %s',
    (_label, input) => {
      expectValidResponse(asResponse(documents.run(library, { title: input }, context())));
      expectValidResponse(documents.component!(library, `documents:1:${input}`, pressContext()));
    },
  );
});

describe('/help', () => {
  it('says what each command does with one example, and how many documents are served', () => {
    const reply = commands.get('help')!.run(library, {}, context());
    expectValidResponse(asResponse(reply));
    const embed = reply.embeds![0]!;
    expect(embed.description).toMatch(/^Serving 3 documents, dated 2026-03-04 to 2026-03-13\./);
    // Slash commands as typed, with an example; a message command by its menu name.
    const listed = [...commands.values()].map((c) =>
      c.kind === 'slash' ? `/${c.definition.name}` : c.definition.name,
    );
    expect(embed.fields!.map((f) => f.name)).toEqual(listed);
    for (const field of embed.fields!.filter((f) => f.name.startsWith('/')))
      expect(field.value).toMatch(/\nExample: `\/\w+.*`$/);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(commands.get('help')!.run(seedLibrary(), {}, context()).embeds![0]!.description).toMatch(
      /^Serving 1 document\./,
    );
  });

  it('gives examples that answer on the seed', () => {
    const seed = seedLibrary();
    for (const command of commands.values()) {
      if (command.kind !== 'slash') continue; // a message command is run from a message, not typed
      const [name, ...rest] = command.example!.slice(1).split(' ');
      const option = /^(\w+):(.*)$/.exec(rest.join(' '));
      const args = option ? { [option[1]!]: option[2]! } : {};
      const reply = (commands.get(name!) as SlashCommand).run(seed, args, context());
      expectValidResponse(asResponse(reply));
      expect(reply.embeds![0]!.title ?? '').not.toMatch(/not found|Nothing found|No figure|No document/);
    }
    expect(stat.run(seed, { query: 'homicides' }, context()).embeds![0]!.title).toBe('Figures for “homicides”');
  });
});
