// Issue 22, point 2: a document's title or heading may be any length, and every command that compares or shows
// titles ("did you mean", the list of documents, /section's lookups, autocomplete) reads at most
// MAX_TITLE_LENGTH characters of it. A 1,000-word title made `/stat document:<typo>` take 48 ms, 8,000 words
// 1.5 s, and 150,000 words never answered: growth is measured by ratio (tests/support/growth.ts), never time.
import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { section } from '../../commands/section.js';
import { stat } from '../../commands/stat.js';
import { MAX_TITLE_LENGTH } from '../../src/document/text.js';
import type { Library } from '../../src/library/library.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { growth } from '../support/growth.js';
import { context, libraryOf } from '../support/library.js';

/** A fourfold title may cost at most eightfold: linear with room for noise (bounded is about 1). */
const LIMIT = 8;

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');
const titled = (n: number) =>
  libraryOf({
    'long.md': `# ${words(n)}\n\n## Jobs\n\nWe added 5 jobs.\n`,
    'parks.txt': 'PARKS: We opened 12 parks.\n',
  });
const headed = (n: number) => libraryOf({ 'long.md': `# Plans\n\n## ${words(n)}\n\nWe added 5 jobs.\n` });

const statInTypo = (library: Library) => stat.run(library, { query: 'jobs', document: 'wrod tpyo' }, context());
const sectionTypo = (library: Library) => section.run(library, { name: 'wrod tpyo' }, context());

describe('titles and headings of any length', () => {
  it.each([
    ['/stat document:<typo>, a long title', titled, statInTypo],
    ['/section name:<typo>, a long heading', headed, sectionTypo],
  ])('%s: a fourfold title costs at most eightfold', (_, make, work) => {
    const found = growth(make, work as (library: Library) => unknown, 1_000);
    expect(found.ratio, `${found.ratio.toFixed(1)}x (${found.ms.toFixed(1)} ms at ${found.size} words)`).toBeLessThan(
      LIMIT,
    );
  });

  it('answers with a title and a heading of 150,000 words, each served cut at a word', () => {
    const library = libraryOf({
      'long.md': `# ${'word '.repeat(150_000)}\n\n## ${'jobs '.repeat(150_000)}\n\nWe added 5 jobs.\n`,
    });
    const [document] = library.documents;
    expect(document!.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(document!.title).toMatch(/^word word .*word…$/);
    expect(document!.sections[0]!.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    const reply = statInTypo(library);
    expect(reply.embeds![0]!.title).toBe('Document not found');
    const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
    expectValidResponse(asResponse(reply));
    expectValidResponse(asResponse(sectionTypo(library)));
    expectValidResponse(asResponse(stat.run(library, { query: 'jobs' }, context())));
  });
});
