import { InteractionResponseType, MessageFlags, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseQuery, search } from '../../commands/search.js';
import { sharedContext } from '../../src/command.js';
import { respond } from '../../src/respond.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, libraryOf, pressContext, seedLibrary, nearSameLibrary } from '../support/library.js';
import { multiDocumentLibrary } from '../support/corpus-fixtures.js';
import { buttonPress, messageOf } from '../support/pressed.js';

const library = seedLibrary();
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
type Buttons = Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
const buttonsOf = (data: { components?: unknown }): Buttons[number]['components'] =>
  ((data.components ?? []) as Buttons).flatMap((r) => r.components);
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

  it('pages five at a time; the buttons carry the search, so a fresh process (a restart) turns the page', () => {
    const first = search.run(library, { query: 'president trump' }, context());
    expectValidResponse(asResponse(first));
    expect(hitsOf(first.embeds![0]!.description!)).toHaveLength(5);
    const [previous, next] = buttonsOf(first);
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', disabled: false });
    for (const button of buttonsOf(first)) expect(button.custom_id.length).toBeLessThanOrEqual(100);
    // Another process, with nothing kept from the first: only the message and the id it carries.
    const pressed = respond(library, buttonPress(next!.custom_id, messageOf(first)), sharedContext(), commands) as {
      type: number;
      data: { embeds: Array<{ title: string; description: string; footer: { text: string } }> };
    };
    expect(pressed.type).toBe(InteractionResponseType.UpdateMessage);
    expectValidResponse(pressed);
    expect(pressed.data.embeds[0]!.title).toBe('Search: “president trump”');
    expect(pressed.data.embeds[0]!.footer.text).toMatch(/^Page 2 of \d+/);
    expect(hitsOf(pressed.data.embeds[0]!.description)[0]).not.toBe(hitsOf(first.embeds![0]!.description!)[0]);
  });

  it('refuses another user’s press, by the message’s own owner', () => {
    const first = search.run(library, { query: 'president trump' }, context());
    const next = buttonsOf(first)[1]!.custom_id;
    const message = messageOf(first, { owner: 'asker' });
    expect(respond(library, buttonPress(next, message, 'other'), sharedContext(), commands)).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Not your search' }] },
    });
    expect(respond(library, buttonPress(next, message, 'asker'), sharedContext(), commands)).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
    });
  });

  it('expires by the time in the message’s id, whatever process answers', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const ctx = sharedContext({ now: () => now, buttonTimeoutMs: 60_000 });
    const first = search.run(library, { query: 'president' }, context());
    const next = buttonsOf(first)[1]!.custom_id;
    const at = (madeAt: number) => respond(library, buttonPress(next, messageOf(first, { madeAt })), ctx, commands);
    expect(at(now - 59_000)).toMatchObject({ type: InteractionResponseType.UpdateMessage });
    const late = at(now - 61_000);
    expectValidResponse(late);
    expect(late).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This search has expired' }] },
    });
    expect(JSON.stringify(late)).toContain('Its buttons work for 1 minute after it is answered. Run /search again.');
    // Cite buttons name their quote themselves and never expire.
    const cite = buttonsOf(first).find((b) => b.label.startsWith('Cite'))!;
    expect(
      JSON.stringify(respond(library, buttonPress(cite.custom_id, messageOf(first, { madeAt: 0 })), ctx, commands)),
    ).toContain('Citation, ready to paste');
  });

  it('carries the document and the dates in the buttons', () => {
    const several = multiDocumentLibrary();
    const asked = { query: 'American', document: 'mortgage-credit', after: '2000' };
    const first = search.run(several, asked, context());
    const next = buttonsOf(first).find((b) => b.label === 'Next');
    expect(next, 'enough hits for a second page').toBeDefined();
    const pressed = respond(several, buttonPress(next!.custom_id, messageOf(first)), sharedContext(), commands) as {
      data: { embeds: Array<{ title: string; description: string }> };
    };
    expect(pressed.data.embeds[0]!.title).toBe(first.embeds![0]!.title);
    for (const line of pressed.data.embeds[0]!.description.split('\n').filter((l) => l.startsWith('— ')))
      expect(line).toContain('Promotes Access to Mortgage Credit');
  });

  it('reads a query too long for a custom id back from the message’s title, checked against the id', () => {
    for (const query of [
      'president '.repeat(11).trim(),
      '**President** _Trump_ '.repeat(5).trim(),
      'President Trump <t:0:R> @everyone https://x.test # heading '.repeat(2).trim(),
    ]) {
      const first = search.run(library, { query }, context());
      const next = buttonsOf(first).find((b) => b.label === 'Next')!;
      expect(next.custom_id.length).toBeLessThanOrEqual(100);
      expect(next.custom_id).not.toContain('resident');
      const pressed = respond(library, buttonPress(next.custom_id, messageOf(first)), sharedContext(), commands) as {
        data: { embeds: Array<{ title: string; footer: { text: string } }> };
      };
      expect(pressed.data.embeds[0]!.title).toBe(first.embeds![0]!.title);
      expect(pressed.data.embeds[0]!.footer.text).toMatch(/^Page 2 of 3/);
      // The same id on a message that shows another search, or a title longer than Discord allows, does not page;
      // on no message at all it counts as expired (fail closed).
      const other = search.run(library, { query: `${query} border` }, context());
      const overlong = { ...messageOf(first), embeds: [{ title: `${first.embeds![0]!.title!}${' '.repeat(300)}` }] };
      for (const message of [messageOf(other), overlong])
        expect(respond(library, buttonPress(next.custom_id, message), sharedContext(), commands)).toMatchObject({
          data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This button no longer works' }] },
        });
      expect(respond(library, buttonPress(next.custom_id, undefined), sharedContext(), commands)).toMatchObject({
        data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This search has expired' }] },
      });
    }
    // A control character is dropped from the title, so the title cannot give the query back: no page buttons,
    // and the footer says why.
    const unreadable = search.run(library, { query: 'president\u0001 '.repeat(11).trim() }, context());
    expect(buttonsOf(unreadable).filter((b) => !b.label.startsWith('Cite'))).toEqual([]);
    expect(unreadable.embeds![0]!.footer!.text).toContain('Shorten the query to page it or post it');
  });

  it('preview:true shows it only to the asker, with "Post to channel" that shares it', () => {
    for (const query of ['wall', 'president '.repeat(11).trim()]) {
      const preview = search.run(library, { query, preview: true }, context());
      expectValidResponse(asResponse(preview));
      expect(preview.flags).toBe(MessageFlags.Ephemeral);
      const post = buttonsOf(preview).find((b) => b.label === 'Post to channel')!;
      expect(preview.embeds![0]!.footer!.text).toContain('Preview: only you can see this');
      const message = messageOf(preview, { owner: 'asker' });
      const posted = respond(library, buttonPress(post.custom_id, message, 'asker'), sharedContext(), commands) as {
        type: number;
        data: APIInteractionResponseCallbackData;
      };
      expectValidResponse(posted);
      expect(posted.type).toBe(4);
      expect(posted.data.flags).toBeUndefined();
      expect(posted.data.embeds![0]!.footer!.text).not.toContain('Preview');
      expect(JSON.stringify(posted)).not.toContain('Post to channel');
      expect(respond(library, buttonPress(post.custom_id, message, 'other'), sharedContext(), commands)).toMatchObject({
        data: { embeds: [{ title: 'Not your search' }] },
      });
      // The posted message is the poster's, and pages publicly.
      const next = buttonsOf(posted.data).find((b) => b.label === 'Next');
      if (!next) continue;
      const paged = respond(library, buttonPress(next.custom_id, messageOf(posted.data)), sharedContext(), commands);
      expect(paged).toMatchObject({ type: InteractionResponseType.UpdateMessage });
      expect(JSON.stringify(paged)).not.toContain('Preview');
    }
  });

  it('turns a preview’s page in place: still a preview, with no flags in the update', () => {
    const preview = search.run(library, { query: 'president trump', preview: true }, context());
    const next = buttonsOf(preview).find((b) => b.label === 'Next')!;
    const turned = respond(library, buttonPress(next.custom_id, messageOf(preview)), sharedContext(), commands) as {
      type: number;
      data: APIInteractionResponseCallbackData;
    };
    expectValidResponse(turned);
    expect(turned.type).toBe(InteractionResponseType.UpdateMessage);
    expect(turned.data.flags).toBeUndefined();
    expect(turned.data.embeds![0]!.footer!.text).toMatch(/^Page 2 of \d+ · .* · Preview: only you can see this$/);
    expect(buttonsOf(turned.data).map((b) => b.label)).toContain('Post to channel');
  });

  it('answers tampered and stale ids with a clear private note', () => {
    const first = search.run(library, { query: 'president trump' }, context());
    const message = messageOf(first);
    const cases: Array<[string, string]> = [
      ['search:unknown:1', 'This button no longer works'],
      ['search:x:1:::=wall', 'This button no longer works'],
      ['search:p:NaN:::=wall', 'This button no longer works'],
      ['search:p:1:::', 'This button no longer works'],
      ['search:p:1::2025~bad:=wall', 'This button no longer works'],
      ['search:p:1:::#zzzz', 'This button no longer works'],
      ['search:p:1:zzzz::=wall', 'This document is no longer served'],
    ];
    for (const [customId, title] of cases) {
      const response = respond(library, buttonPress(customId, message), sharedContext(), commands);
      expectValidResponse(response);
      expect(response, customId).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral, embeds: [{ title }] },
      });
    }
    // A page past either end shows the nearest page.
    expect(JSON.stringify(search.component!(library, 'search:p:99:::=president trump', pressContext()))).toMatch(
      /Page (\d+) of \1/,
    );
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
      for (const customId of [`search:${input}`, `search:p:1:::=${input}`, `search:v:0:::#${input}`])
        expectValidResponse(search.component!(library, customId, pressContext()));
    },
  );
});

describe('/search never repeats a paragraph on a page', () => {
  it('shows near-identical statements from different documents as one hit, "also in" the other', () => {
    const near = nearSameLibrary();
    const description = search.run(near, { query: 'leading economists' }, context()).embeds![0]!.description!;
    expect(hitsOf(description).map((hit) => hit.replace(/\*\*/g, ''))).toEqual([
      'The plan is backed by 12 leading economists across the country.',
      'The plan is backed by 17 of the leading economists across the country.',
    ]);
    expect(description).toContain('also in 1 more document (2025-03-03 to 2025-04-03)');
  });
});

describe('/search fills its first page with a looser match', () => {
  const sheet = libraryOf({
    'water.md': [
      'The water sector action plan was drafted long before the rule, with utilities.',
      '',
      'The Water Sector Action Plan runs for 100 days.',
      '',
      'Utilities report incidents to the agency within a day.',
      '',
    ].join('\n'),
  });

  it('shows a statement holding every word but one ("how long") after those holding them all', () => {
    const reply = search.run(sheet, { query: 'how long is the water sector action plan' }, context());
    const hits = hitsOf(reply.embeds![0]!.description!).map((hit) => hit.replace(/\*\*/g, ''));
    expect(hits).toEqual([
      'The water sector action plan was drafted long before the rule, with utilities.',
      'The Water Sector Action Plan runs for 100 days.',
    ]);
    expect(reply.embeds![0]!.footer!.text).toMatch(/^Page 1 of 1 · 2 statements/);
  });

  it('adds nothing to a two-word query: one word of two is half the question', () => {
    const reply = search.run(sheet, { query: 'water utilities' }, context());
    const hits = hitsOf(reply.embeds![0]!.description!).map((hit) => hit.replace(/\*\*/g, ''));
    expect(hits).toEqual(['The water sector action plan was drafted long before the rule, with utilities.']);
  });
});
