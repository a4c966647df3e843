// Serves all of ../shared/corpus at once when it is there (skips, saying so, when it is not).
import { InteractionResponseType } from 'discord-api-types/v10';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documents } from '../../commands/documents.js';
import { search } from '../../commands/search.js';
import { section } from '../../commands/section.js';
import { stat } from '../../commands/stat.js';
import { loadLibrary } from '../../src/library/reload.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { ROOT } from '../support/documents.js';
import { context } from '../support/library.js';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
if (!present) console.log(`corpus library test skipped: ${CORPUS} is not here`);

describe.skipIf(!present)('the whole real corpus as one library', () => {
  it('loads every fact sheet, with distinct ids, and answers across them', async () => {
    const started = performance.now();
    const { library, errors, warnings } = await loadLibrary(CORPUS);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `corpus library: ${library.documents.length} documents, ${library.parts().sections.length} sections, ${library.parts().figures.length} figures, ${library.parts().statements.length} statements, loaded and indexed in ${seconds.toFixed(1)} s`,
    );
    expect(errors).toEqual([]);
    // 1,598 files, 10 of which hold a document another file holds too: served once, with a warning each.
    expect(warnings.filter((w) => w.includes('not served: the same document'))).toHaveLength(10);
    expect(library.documents.length).toBe(1588);
    expect(new Set(library.documents.map((d) => d.id)).size).toBe(1588);
    const figures = stat.run(library, { query: 'semiconductor' }, context());
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: figures });
    const found = search.run(library, { query: '"critical minerals"' }, context());
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: found });
    expect(found.embeds![0]!.footer!.text).toMatch(/\d+ statements?/);
    const toc = section.run(library, {}, context());
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: toc });
    expect(toc.embeds).toHaveLength(10);
    // Dated, linked and findable across 1,588 documents.
    const rate = stat.run(library, { query: 'unemployment rate' }, context());
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: rate });
    const hits = rate.embeds![0]!.description!.split('\n\n').filter((b) => b.includes('\n> '));
    for (const hit of hits) expect(hit).toMatch(/ · \d{4}-\d{2}-\d{2}\]\(https:\/\/\S+#:~:text=/);
    const common = search.run(library, { query: 'american' }, context());
    expect(common.embeds![0]!.footer!.text).toMatch(/^Page 1 of \d+ · more than 500 statements · /);
    const overview = section.run(library, { name: 'Overview' }, context());
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: overview });
    expect(overview.embeds![0]!.title).toMatch(/^1,2\d\d sections answer to “Overview”$/);
    const listed = documents.run(library, {}, context());
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: listed });
    expect(listed.embeds![0]!.footer!.text).toMatch(/^Page 1 of 199 · 1,588 documents · 2021-\d\d-\d\d to 2026-/);
    const one = library.documents[100]!;
    const within = section.run(library, { document: one.id }, context());
    expect(within.embeds![0]!.title).toBe(one.title.length > 256 ? within.embeds![0]!.title : one.title);
  });
});
