import { MessageFlags, InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { quote } from '../../commands/quote.js';
import { LocalValues } from '../../src/command.js';
import { collapseWhitespace } from '../../src/document/text.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, hugeDocument, libraryOf, seededRandom, seedLibrary } from '../support/library.js';

const library = seedLibrary();
const seed = library.documents[0]!;
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
const quoted = (description: string) =>
  description
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2))
    .join(' ');

describe('/quote', () => {
  it('posts a statement verbatim, attributed to its section and document', () => {
    const reply = quote.run(library, {}, context());
    expectValidResponse(asResponse(reply));
    const embed = reply.embeds![0]!;
    const all = [
      seed.epigraph!.text,
      ...seed.sections.flatMap((s) => [s.lead!, ...s.points].map((p) => collapseWhitespace(p.text))),
    ];
    expect(all).toContain(quoted(embed.description!));
    expect(embed.footer!.text).toMatch(/(Section \d of 3: .+|Epigraph) · Border Security and Immigration$/);
  });

  it('can post the epigraph, with its attribution', () => {
    const epigraphs = Array.from({ length: 60 }, (_, i) =>
      quote.run(library, {}, context(`c${i}`, seededRandom(i))),
    ).filter((r) => r.embeds![0]!.footer!.text.startsWith('Epigraph'));
    expect(epigraphs.length).toBeGreaterThan(0);
    // The seed has no web address: the attribution says where the epigraph stands, by file and line.
    expect(epigraphs[0]!.embeds![0]!.description).toBe(
      `> ${seed.epigraph!.text}\n— *President Donald J. Trump* · border-security-and-immigration.txt, line 2`,
    );
  });

  it('quotes only from the chosen section', () => {
    for (let i = 0; i < 20; i++) {
      const reply = quote.run(
        library,
        { section: 'reforming-our-immigration-system-to-put-america' },
        context('c', seededRandom(i)),
      );
      expect(reply.embeds![0]!.footer!.text).toContain(
        'Section 3 of 3: Reforming Our Immigration System to Put America First',
      );
    }
  });

  it('never posts the same excerpt twice in a row in one channel', () => {
    const shared = new LocalValues();
    const alwaysFirst = () => 0;
    let previous = '';
    for (let i = 0; i < 10; i++) {
      const reply = quote.run(library, { section: 'saving-american-lives' }, context('same', alwaysFirst, { shared }));
      expect(reply.embeds![0]!.description).not.toBe(previous);
      previous = reply.embeds![0]!.description!;
    }
    // Another channel is independent.
    const other = quote.run(library, { section: 'saving-american-lives' }, context('other', alwaysFirst, { shared }));
    expect(other.embeds![0]!.description).toContain('President Trump is committed to stopping');
  });

  it('answers an unknown section privately, listing the sections', () => {
    const reply = quote.run(library, { section: 'qqqqqq' }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds![0]!.description).toContain('• Securing Our Border');
  });

  it('private:true is ephemeral', () => {
    expect(quote.run(library, { private: true }, context()).flags).toBe(MessageFlags.Ephemeral);
  });

  it.each(HOSTILE_INPUTS.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'keeps Discord’s rules for hostile section %s',
    (_label, input) => {
      expectValidResponse(asResponse(quote.run(library, { section: input }, context())));
      expectValidResponse({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: quote.autocomplete(library, { name: 'section', value: input }, {}),
      });
    },
  );

  it('keeps Discord’s limits on a huge document (5,000-character statements)', () => {
    const huge = libraryOf({ 'huge.txt': hugeDocument(5, 30) });
    for (let i = 0; i < 50; i++) expectValidResponse(asResponse(quote.run(huge, {}, context('c', seededRandom(i)))));
  });
});
