// Property: for generated fact sheets (random headings, statements, figures; up to 1 MB) and random queries,
// every reply of every command keeps Discord's limits and validates against its schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionResponseType } from 'discord-api-types/v10';
import { checkMessage } from '../../commands/check-message.js';
import { commands, definitions } from '../../commands/index.js';
import type { SlashCommand } from '../../src/command.js';
import { parseDocument } from '../../src/document/parse.js';
import { createLibrary } from '../../src/library/library.js';
import { responseProblems } from '../support/discord-contract.js';
import { documentText, word } from '../support/generated-documents.js';
import { context, pressContext } from '../support/library.js';

const slash = (name: string) => commands.get(name) as SlashCommand;

const query = fc.oneof(word, fc.string({ maxLength: 200 }), fc.constantFrom('', ' ', 'x'.repeat(6000)));

/**
 * For every registered command: no options, then each string option given the query (or a section key), with
 * every boolean option set: a command added to the registry is exercised the day it lands.
 */
function runsFor(q: string, flag: boolean, sectionKey: string): Array<[string, Record<string, string | boolean>]> {
  return definitions.flatMap((definition) => {
    // Message commands take a message, not options: exercised on their own below.
    if (!('options' in definition) && definition.type === ApplicationCommandType.Message) return [];
    const options = ('options' in definition ? definition.options : undefined) ?? [];
    const booleans = Object.fromEntries(
      options.filter((o) => o.type === ApplicationCommandOptionType.Boolean).map((o) => [o.name, flag]),
    );
    const strings = options.filter((o) => o.type === ApplicationCommandOptionType.String && o.name !== 'document');
    return [
      [definition.name, {}],
      ...strings.map((o): [string, Record<string, string | boolean>] => [
        definition.name,
        { [o.name]: q, ...booleans },
      ]),
      ...strings.map((o): [string, Record<string, string | boolean>] => [definition.name, { [o.name]: sectionKey }]),
    ];
  });
}

describe('every reply keeps Discord’s rules (property)', () => {
  it('for generated fact sheets and queries', () => {
    let cases = 0;
    let largest = 0;
    fc.assert(
      fc.property(documentText, query, fc.boolean(), fc.nat(), (text, q, isPrivate, pick) => {
        cases++;
        largest = Math.max(largest, text.length);
        const document = parseDocument(text, { file: 'generated.txt' });
        const library = createLibrary([document]);
        const sectionKey = library.parts().sections.length
          ? library.lookup.sectionKey(library.parts().sections[pick % library.parts().sections.length]!)
          : q;
        const runs = runsFor(q, isPrivate, sectionKey);
        for (const [name, options] of runs) {
          const ctx = context();
          const data = slash(name).run(library, options, ctx);
          const problems = responseProblems({ type: InteractionResponseType.ChannelMessageWithSource, data });
          if (problems.length)
            throw new Error(`/${name} ${JSON.stringify(options).slice(0, 200)}: ${problems.join('; ')}`);
          // Press every enabled button of the reply (search pages), as its asker.
          for (const row of (data.components ?? []) as Array<{
            components: Array<{ custom_id: string; disabled?: boolean }>;
          }>) {
            for (const button of row.components.filter((b) => !b.disabled)) {
              const pressed = slash(name).component!(library, button.custom_id, pressContext({ random: ctx.random }));
              const buttonProblems = responseProblems(pressed);
              if (buttonProblems.length)
                throw new Error(`/${name} button ${button.custom_id}: ${buttonProblems.join('; ')}`);
            }
          }
        }
        const message = { content: q, embeds: [{ title: q.slice(0, 50), description: `${q} nearly 2,000` }] };
        const checked = checkMessage.run(library, message, context());
        const messageProblems = responseProblems({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: checked,
        });
        if (messageProblems.length) throw new Error(`Check against documents: ${messageProblems.join('; ')}`);
        for (const [name, option] of [
          ['section', 'name'],
          ['stat', 'query'],
          ['quote', 'section'],
          ['check', 'document'],
        ] as const) {
          for (const value of [q, '', q.slice(0, 3)]) {
            const data = slash(name).autocomplete(library, { name: option, value }, {});
            const problems = responseProblems({
              type: InteractionResponseType.ApplicationCommandAutocompleteResult,
              data,
            });
            if (problems.length)
              throw new Error(`/${name} autocomplete ${JSON.stringify(value).slice(0, 100)}: ${problems.join('; ')}`);
          }
        }
      }),
      { numRuns: 1000, seed: Number(process.env.PROPERTY_SEED ?? 20261128) },
    );
    console.log(
      `property: ${cases} generated fact sheets (largest ${(largest / 1e6).toFixed(2)} MB), every reply valid`,
    );
    expect(cases).toBeGreaterThanOrEqual(1000);
  }, 300_000);
});
