// Several documents served at once: results name their document; lookups search all unless one is chosen.
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { quote } from '../../commands/quote.js';
import { section } from '../../commands/section.js';
import { stat } from '../../commands/stat.js';
import { parseDocument } from '../../src/document/parse.js';
import { createLibrary } from '../../src/library/library.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { CORPUS_FIXTURES, multiDocumentLibrary } from '../support/corpus-fixtures.js';
import { context, libraryOf, seededRandom } from '../support/library.js';
import { search } from '../../commands/search.js';

const library = multiDocumentLibrary();
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });

describe('several documents', () => {
  it('lists every document’s sections, or one document’s', () => {
    const all = section.run(library, {}, context());
    expectValidResponse(asResponse(all));
    expect(all.embeds!.map((e) => e.title)).toEqual([
      'Border Security and Immigration',
      'Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit',
      'Fact Sheet: President Donald J. Trump Advances Energy Affordability with the Ratepayer Protection Pledge',
    ]);
    const one = section.run(library, { document: 'mortgage-credit' }, context());
    expect(one.embeds!.map((e) => e.title)).toEqual([
      'Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit',
    ]);
  });

  it('finds figures across documents, naming each one’s document; document: keeps to one', () => {
    const all = stat.run(library, { query: 'billion' }, context());
    expectValidResponse(asResponse(all));
    expect(all.embeds![0]!.description).toContain('Promotes Access to Mortgage Credit');
    const none = stat.run(library, { query: 'homicides', document: 'mortgage-credit' }, context());
    expect(none.embeds![0]!.title).toBe('No figure found');
    const seedOnly = stat.run(library, { query: 'homicides', document: 'Border Security and Immigration' }, context());
    expect(seedOnly.embeds![0]!.description).toContain('**nearly 2,000**');
  });

  it('autocompletes documents by title, and sections within the chosen document', () => {
    expect(section.autocomplete(library, { name: 'document', value: 'mortg' }, {}).choices).toEqual([
      { name: 'Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit', value: 'mortgage-credit' },
    ]);
    const within = section.autocomplete(
      library,
      { name: 'name', value: '' },
      { document: 'ratepayer-protection' },
    ).choices!;
    expect(within.map((c) => c.name)).toEqual([
      'Ensuring Tech Companies Build, Bring, or Buy Power for Data Centers',
      'Delivering Lower Energy Prices and More Jobs to American Communities',
      'Leading on Energy Affordability and Innovation',
    ]);
    const everywhere = section.autocomplete(library, { name: 'name', value: 'american' }, {}).choices!;
    expect(everywhere.every((c) => c.name.includes(' — '))).toBe(true);
    expect(stat.autocomplete(library, { name: 'document', value: '' }, {}).choices).toHaveLength(3);
  });

  it('quotes from the chosen document only', () => {
    for (let i = 0; i < 20; i++) {
      const reply = quote.run(library, { document: 'ratepayer-protection' }, context('c', seededRandom(i)));
      expect(reply.embeds![0]!.footer!.text).toContain('Ratepayer Protection Pledge');
    }
  });

  it('answers an unknown document privately, listing the documents served', () => {
    const reply = stat.run(library, { document: 'zzzz-unknown', query: 'jobs' }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds![0]!.description).toContain('• Border Security and Immigration');
  });

  it('keeps section and figure ids stable: the same files give the same ids in any load order', () => {
    const first = multiDocumentLibrary();
    const texts = CORPUS_FIXTURES.map((file) => first.documents.find((d) => d.file === file)!);
    const reversed = createLibrary([...texts].reverse().map((d) => parseDocument(d.text, { file: d.file })));
    const ids = (l: typeof library) =>
      new Set([
        ...l.parts().sections.map((r) => `${r.document.id}/${r.section.id}`),
        ...l.parts().figures.map((r) => `${r.document.id}/${r.figure.id}`),
      ]);
    expect(ids(reversed)).toEqual(ids(first));
  });

  it('finds a common word in a document far down a large library', () => {
    // 400 documents of 10 statements each that all say "jobs": more matches than one query scores at once.
    const files: Record<string, string> = {};
    for (let d = 0; d < 400; d++) {
      files[`town-${String(d).padStart(3, '0')}.txt`] =
        `JOBS IN TOWN ${d}: The town added ${d + 10} jobs.\n\n${Array.from({ length: 10 }, (_, i) => `Employers posted ${i + 2} new jobs in district ${i}.`).join('\n')}\n`;
    }
    const large = libraryOf(files);
    const last = large.documents[399]!;
    const reply = stat.run(large, { query: 'jobs', document: last.id }, context());
    expect(reply.embeds![0]!.title).toBe('Figures for “jobs”');
    expect(reply.embeds![0]!.footer!.text).toBe(last.title);
    const found = search.run(large, { query: 'jobs district', document: last.id }, context());
    expect(found.embeds![0]!.footer!.text).toMatch(/^Page 1 of 2 · 10 statements$/);
  });
});
