import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands, definitions } from '../commands/index.js';
import { isSlashDefinition, sharedContext } from '../src/command.js';
import { REPLY_CACHE_BYTES, REPLY_CACHE_SIZE, respond, reusedReplies, reusedReplyBytes } from '../src/respond.js';
import { parseCommandLine, toInteraction } from '../src/transport/parse-command.js';
import { context, libraryOf, seedLibrary, watchedStatSearch } from './support/library.js';
import { buttonPress, messageOf } from './support/pressed.js';

const ask = (line: string) => toInteraction(parseCommandLine(line, definitions), 'command');

describe('respond', () => {
  it('reuses the reply of a pure command asked the same thing of the same library', () => {
    const library = seedLibrary();
    const context = sharedContext();
    const first = respond(library, ask('/stat query:homicides'), context, commands);
    expect(respond(library, ask('/stat query:homicides'), context, commands)).toBe(first);
    expect(respond(library, ask('/stat query:homicides private:true'), context, commands)).not.toBe(first);
    expect(respond(library, ask('/stat query:wall'), context, commands)).not.toBe(first);
  });

  it('never serves a reply from an older library (after a reload)', () => {
    const context = sharedContext();
    const before = libraryOf({ 'parks.txt': 'PARKS: The city opened 12 parks.\n' });
    const after = libraryOf({ 'parks.txt': 'PARKS: The city opened 15 parks.\n' });
    expect(JSON.stringify(respond(before, ask('/stat query:parks'), context, commands))).toContain('**12**');
    expect(JSON.stringify(respond(after, ask('/stat query:parks'), context, commands))).toContain('**15**');
  });

  it('does not reuse replies of commands that pick at random', () => {
    const library = seedLibrary();
    const context = sharedContext();
    expect(respond(library, ask('/quote'), context, commands)).not.toBe(
      respond(library, ask('/quote'), context, commands),
    );
  });

  it('reuses /search replies: its buttons carry the search, so nothing is kept between interactions', () => {
    const library = seedLibrary();
    expect(respond(library, ask('/search query:border'), sharedContext(), commands)).toBe(
      respond(library, ask('/search query:border'), sharedContext(), commands),
    );
  });

  // Issue 14, part 5: the reused replies are keyed by what users type, so distinct queries must not grow them.
  it(`keeps at most ${REPLY_CACHE_SIZE} replies a library over ${2 * REPLY_CACHE_SIZE} distinct not-found queries`, () => {
    const library = seedLibrary();
    const context = sharedContext();
    const asked = (i: number) => respond(library, ask(`/stat query:zq${i.toString(36)} unknown`), context, commands);
    const first = asked(0);
    expect(JSON.stringify(first)).toContain('No figure found');
    let largest = 0;
    for (let i = 1; i < 2 * REPLY_CACHE_SIZE; i++) {
      asked(i);
      largest = Math.max(largest, reusedReplies(library));
    }
    expect(largest).toBe(REPLY_CACHE_SIZE);
    const last = 2 * REPLY_CACHE_SIZE - 1;
    expect(asked(last)).toBe(asked(last)); // the newest are still reused
    expect(asked(0)).not.toBe(first); // the oldest made room
    // A full cache drops its oldest tenth at once (src/budgeted-map.ts).
    expect(reusedReplies(library)).toBeGreaterThanOrEqual(0.9 * REPLY_CACHE_SIZE);
    expect(reusedReplies(library)).toBeLessThanOrEqual(REPLY_CACHE_SIZE);
  });

  // Issue 22, memory: a /search reply holds up to 6,000 characters, so 500 of them would take far more than meant.
  it(`keeps at most ${REPLY_CACHE_BYTES / 2 ** 20} MB of replies over 1,000 distinct found searches`, () => {
    const library = seedLibrary();
    const context = sharedContext();
    let largest = 0;
    for (let i = 0; i < 1_000; i++) {
      const found = respond(library, ask(`/search query:border zq${i.toString(36)}`), context, commands);
      if (i === 0) expect(JSON.stringify(found)).toContain('Search: “border');
      largest = Math.max(largest, reusedReplyBytes(library));
    }
    expect(largest).toBeGreaterThan(REPLY_CACHE_BYTES / 2);
    expect(largest).toBeLessThanOrEqual(REPLY_CACHE_BYTES);
    expect(reusedReplies(library)).toBeLessThan(REPLY_CACHE_SIZE);
  });

  describe('option lengths', () => {
    // Discord refuses options longer than their definition allows, but the console (and any transport that does
    // not check) would hand a 10,000-word query to the search: respond holds the line itself.
    const words = (n: number) => Array.from({ length: n }, (_, i) => `zq${i.toString(36)}x`).join(' ');

    it('answers a string option over its max_length with a private note naming the option and the limit', () => {
      const { library, searched } = watchedStatSearch();
      const response = respond(library, ask(`/stat query:${words(10_000)}`), sharedContext(), commands);
      expect(searched).not.toHaveBeenCalled();
      expect(response).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      const text = JSON.stringify(response);
      expect(text).toContain('query');
      expect(text).toContain('200');
      expect(text).not.toContain('zq0x');
    });

    it('checks every command and every string option against its own definition', () => {
      for (const definition of definitions.filter(isSlashDefinition)) {
        for (const option of (definition.options ?? []) as Array<{ name: string; type: number; max_length?: number }>) {
          if (option.type !== 3 || option.max_length === undefined) continue;
          const over = 'a'.repeat(option.max_length + 1);
          const at = 'a'.repeat(option.max_length);
          const tooLong = JSON.stringify(
            respond(seedLibrary(), ask(`/${definition.name} ${option.name}:${over}`), sharedContext(), commands),
          );
          expect(tooLong, `/${definition.name} ${option.name}`).toContain(
            `at most ${option.max_length.toLocaleString('en-US')}`,
          );
          const fits = JSON.stringify(
            respond(seedLibrary(), ask(`/${definition.name} ${option.name}:${at}`), sharedContext(), commands),
          );
          expect(fits, `/${definition.name} ${option.name}`).not.toContain('at most');
        }
      }
    });

    it('counts characters as Discord does: 200 emoji fit an option of 200', () => {
      const response = JSON.stringify(
        respond(seedLibrary(), ask(`/stat query:${'😀'.repeat(200)}`), sharedContext(), commands),
      );
      expect(response).not.toContain('at most');
    });

    it('gives an over-long autocomplete no choices, without searching', () => {
      const { library, searched } = watchedStatSearch();
      const response = respond(
        library,
        toInteraction(parseCommandLine(`/stat query:${words(10_000)}`, definitions), 'autocomplete'),
        sharedContext(),
        commands,
      );
      expect(searched).not.toHaveBeenCalled();
      expect(response).toEqual({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: [] },
      });
    });
  });

  it('fails closed on a press whose message does not name its owner or has no id', () => {
    const library = seedLibrary();
    const first = commands.get('search')!.run(library, { query: 'president' }, context());
    const next = JSON.stringify(first.components).match(/"custom_id":"(search:[^"]+)"/)![1]!;
    const title = (response: ReturnType<typeof respond>) =>
      (response as { data: { embeds: Array<{ title: string }> } }).data.embeds[0]!.title;
    const press = (message: Record<string, unknown>) =>
      respond(library, buttonPress(next, message), sharedContext(), commands);
    const unowned = { ...messageOf(first), interaction_metadata: undefined };
    const undated = { ...messageOf(first), id: undefined };
    expect(press(messageOf(first))).toMatchObject({ type: InteractionResponseType.UpdateMessage });
    expect(title(press(unowned))).toBe('Not your search');
    expect(title(press(undated))).toBe('This search has expired');
  });
});
