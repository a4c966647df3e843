import { MessageFlags, InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { section } from '../../commands/section.js';
import { collapseWhitespace } from '../../src/document/text.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, hugeDocument, libraryOf, seedLibrary } from '../support/library.js';

const library = seedLibrary();
const run = (options: Record<string, string | boolean>) => section.run(library, options, context());
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });

describe('/section', () => {
  it('quotes a section by name: title, lead and every statement verbatim, footer "Section n of N · title"', () => {
    const reply = run({ name: 'Saving American Lives' });
    expectValidResponse(asResponse(reply));
    const [embed] = reply.embeds!;
    expect(embed!.title).toBe('Saving American Lives');
    expect(embed!.footer!.text).toBe('Section 2 of 3 · Border Security and Immigration');
    const ref = library.lookup.section('saving-american-lives')!;
    for (const point of [ref.section.lead!, ...ref.section.points]) {
      expect(embed!.description).toContain(collapseWhitespace(point.text).replace(/"/g, '"'));
    }
    expect(embed!.description).toMatch(/^> \*\*President Trump is committed/);
    expect(reply.flags).toBeUndefined();
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('finds a section by its autocomplete value, a partial title, or a typo', () => {
    expect(run({ name: 'securing-our-border' }).embeds![0]!.title).toBe('Securing Our Border');
    expect(run({ name: 'immigration system' }).embeds![0]!.title).toBe(
      'Reforming Our Immigration System to Put America First',
    );
    expect(run({ name: 'Savng Amercan' }).embeds![0]!.title).toBe('Saving American Lives');
  });

  it('with no name, lists the table of contents', () => {
    const reply = run({});
    expectValidResponse(asResponse(reply));
    expect(reply.embeds![0]!.title).toBe('Border Security and Immigration');
    expect(reply.embeds![0]!.description).toBe(
      [
        '1. Securing Our Border — 8 statements',
        '2. Saving American Lives — 8 statements',
        '3. Reforming Our Immigration System to Put America First — 4 statements',
      ].join('\n'),
    );
  });

  it('with no match, answers privately with the sections and the closest one', () => {
    const reply = run({ name: 'Saving Americn Livs zzzz qqqq' });
    expectValidResponse(asResponse(reply));
    const found = run({ name: 'qqqqqq' });
    expect(found.flags).toBe(MessageFlags.Ephemeral);
    expect(found.embeds![0]!.title).toBe('Section not found');
    expect(found.embeds![0]!.description).toContain('No section matches “qqqqqq”.');
    expect(found.embeds![0]!.description).toContain('• Saving American Lives');
    const near = run({ name: 'Savings' });
    expect(
      near.embeds![0]!.title === 'Saving American Lives' ||
        near.embeds![0]!.description!.includes('Did you mean **Saving American Lives**?'),
    ).toBe(true);
  });

  it('private:true makes the reply ephemeral', () => {
    expect(run({ name: 'border', private: true }).flags).toBe(MessageFlags.Ephemeral);
  });

  it('escapes what the user typed, and mentions nobody', () => {
    const reply = run({ name: '@everyone **bold** ||x||' });
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/(?<!\\u200b)@everyone/);
    expect(reply.embeds![0]!.description).toContain('\\*\\*bold\\*\\*');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it.each(HOSTILE_INPUTS.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'keeps Discord’s rules for hostile name %s',
    (_label, input) => {
      expectValidResponse(asResponse(run({ name: input })));
      expectValidResponse({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: section.autocomplete(library, { name: 'name', value: input }, {}),
      });
    },
  );

  it('keeps Discord’s limits on a huge document, cutting at a word with "…"', () => {
    const huge = libraryOf({ 'huge.txt': hugeDocument() });
    const toc = section.run(huge, {}, context());
    expectValidResponse(asResponse(toc));
    const ref = huge.parts().sections[0]!;
    const reply = section.run(huge, { name: ref.section.id }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.embeds![0]!.description!.length).toBeLessThanOrEqual(4096);
    expect(reply.embeds![0]!.title!.length).toBeLessThanOrEqual(256);
    // Longer than one message: it pages (it used to end with "… not shown").
    expect(reply.embeds![0]!.footer!.text).toMatch(/^Section 1 of 40 · Page 1 of \d+ · /);
    expect(reply.components).toBeDefined();
    const choices = section.autocomplete(huge, { name: 'name', value: '' }, {});
    expect(choices.choices).toHaveLength(25);
    expectValidResponse({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: choices });
  });

  it('autocompletes on section titles as you type', () => {
    expect(section.autocomplete(library, { name: 'name', value: 'sav' }, {}).choices).toEqual([
      { name: 'Saving American Lives', value: 'saving-american-lives' },
    ]);
    expect(section.autocomplete(library, { name: 'name', value: '' }, {}).choices!.map((c) => c.name)).toEqual([
      'Securing Our Border',
      'Saving American Lives',
      'Reforming Our Immigration System to Put America First',
    ]);
  });
});
