import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { parseQuery, search } from '../../commands/search.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, seedLibrary } from '../support/library.js';
import { multiDocumentLibrary } from '../support/corpus-fixtures.js';

const library = seedLibrary();
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
type Buttons = Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
const buttonsOf = (data: { components?: unknown }) => ((data.components ?? []) as Buttons).flatMap((r) => r.components);
const hitsOf = (description: string) =>
  description
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2));

describe('/search', () => {
  it('ranks statements and quotes each with the matched words in bold and its section', () => {
    const reply = search.run(library, { query: 'criminal aliens' }, context());
    expectValidResponse(asResponse(reply));
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('Search: “criminal aliens”');
    expect(hitsOf(embed.description!)[0]).toMatch(/\*\*criminal\*\* \*\*aliens\*\*/);
    expect(embed.description).toContain('— *Saving American Lives*');
    expect(embed.footer!.text).toMatch(/^Page 1 of 1 · \d+ statements? · Border Security and Immigration$/);
    for (const hit of hitsOf(embed.description!))
      expect(library.documents[0]!.text).toContain(hit.replace(/\*\*/g, ''));
  });

  it('bolds word forms: "arrests" finds and marks "arrested"', () => {
    const reply = search.run(library, { query: 'arrests' }, context());
    expect(reply.embeds![0]!.description).toContain('**arrested**');
  });

  it('matches "quoted phrases" as phrases', () => {
    expect(parseQuery('"border crisis" wall')).toEqual({ words: ' border crisis  wall', phrases: ['border crisis'] });
    const phrase = search.run(library, { query: '"border crisis"' }, context());
    const hits = hitsOf(phrase.embeds![0]!.description!);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toContain('the height of the **border** **crisis**');
    // The words alone match more statements than the phrase.
    expect(
      hitsOf(search.run(library, { query: 'border crisis' }, context()).embeds![0]!.description!).length,
    ).toBeGreaterThan(1);
  });

  it('pages five at a time with Previous/Next buttons that only the person who asked can use', () => {
    const ctx = context('c', undefined, { userId: 'asker' });
    const first = search.run(library, { query: 'president trump' }, ctx);
    expectValidResponse(asResponse(first));
    expect(hitsOf(first.embeds![0]!.description!)).toHaveLength(5);
    const [previous, next] = buttonsOf(first);
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', disabled: false });
    const pressed = search.component!(library, next!.custom_id, ctx) as unknown as {
      type: number;
      data: { embeds: Array<{ description: string; footer: { text: string } }> };
    };
    expect(pressed.type).toBe(7);
    expectValidResponse(pressed);
    expect(pressed.data.embeds[0]!.footer.text).toMatch(/^Page 2 of \d+/);
    expect(hitsOf(pressed.data.embeds[0]!.description)[0]).not.toBe(hitsOf(first.embeds![0]!.description!)[0]);
    const someoneElse = search.component!(library, next!.custom_id, { ...ctx, userId: 'other' });
    expect(someoneElse).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Not your search' }] },
    });
  });

  it('stops paging once the buttons have expired', () => {
    let now = 1_000_000;
    const ctx = context('c', undefined, { userId: 'asker', now: () => now, buttonTimeoutMs: 60_000 });
    const first = search.run(library, { query: 'president' }, ctx);
    now += 61_000;
    expect(search.component!(library, buttonsOf(first)[1]!.custom_id, ctx)).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This search has expired' }] },
    });
    expect(search.component!(library, 'search:unknown:1', ctx)).toMatchObject({
      data: { embeds: [{ title: 'This search has expired' }] },
    });
  });

  it('preview:true shows it only to the asker, with "Post to channel" that shares it', () => {
    const ctx = context('c', undefined, { userId: 'asker' });
    const preview = search.run(library, { query: 'wall', preview: true }, ctx);
    expectValidResponse(asResponse(preview));
    expect(preview.flags).toBe(MessageFlags.Ephemeral);
    const post = buttonsOf(preview).find((b) => b.label === 'Post to channel')!;
    expect(preview.embeds![0]!.footer!.text).toContain('Preview: only you can see this');
    const posted = search.component!(library, post.custom_id, ctx) as unknown as {
      type: number;
      data: { flags?: number; embeds: Array<{ footer: { text: string } }> };
    };
    expectValidResponse(posted);
    expect(posted.type).toBe(4);
    expect(posted.data.flags).toBeUndefined();
    expect(posted.data.embeds[0]!.footer.text).not.toContain('Preview');
    expect(JSON.stringify(posted)).not.toContain('Post to channel');
  });

  it('answers no match privately, with advice', () => {
    const reply = search.run(library, { query: 'zebra giraffe' }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds![0]!.description).toContain('No statement matches “zebra giraffe”.');
  });

  it('names each hit’s document when several are served, and can keep to one', () => {
    const several = multiDocumentLibrary();
    const all = search.run(several, { query: 'American families' }, context());
    expectValidResponse(asResponse(all));
    // Section · document · date, linked to the sentence.
    expect(all.embeds![0]!.description).toMatch(/— \[.+ · .+ · \d{4}-\d{2}-\d{2}\]\(https:/);
    const one = search.run(several, { query: 'American families', document: 'mortgage-credit' }, context());
    for (const line of one.embeds![0]!.description!.split('\n').filter((l) => l.startsWith('— '))) {
      expect(line).toContain('Promotes Access to Mortgage Credit');
    }
  });

  it.each(HOSTILE_INPUTS.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'keeps Discord’s rules for hostile query %s',
    (_label, input) => {
      expectValidResponse(asResponse(search.run(library, { query: input }, context())));
      expectValidResponse(asResponse(search.run(library, { query: input, preview: true }, context())));
      const response = search.component!(library, `search:${input}`, context());
      expectValidResponse(response);
    },
  );
});
