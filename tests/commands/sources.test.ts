// Every answer dated, linked and findable: dates and date ranges, one hit for a repeated statement, the Cite
// button, and /section by number, title or content, with a list when several documents share a name.
import { MessageFlags, type APIInteractionResponse, InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { quote } from '../../commands/quote.js';
import { search } from '../../commands/search.js';
import { section } from '../../commands/section.js';
import { stat } from '../../commands/stat.js';
import { isoDate } from '../../src/library/dates.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { context, pressContext, libraryOf, seedLibrary } from '../support/library.js';

const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
type Buttons = Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
const buttonsOf = (data: { components?: unknown }) => ((data.components ?? []) as Buttons).flatMap((r) => r.components);
// Tests read what the bot sent as Discord would: any shape, checked by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const press = (response: APIInteractionResponse) => response as { type: number; data: Record<string, any> };

const sheet = (title: string, date: string, body: string, url?: string) =>
  `---\ntitle: '${title}'\ndate: '${date}'\n${url ? `source_url: ${url}\n` : ''}---\n\n${body}\n`;

/** The same jobs report in three years (written with three kinds of date), and one with no date at all. */
function jobsReports() {
  const body = (rate: string) =>
    `**JOBS:** The unemployment rate fell to ${rate} percent.\n\nEmployers added 500,000 jobs in the spring.\n\nWages rose across the country.`;
  return libraryOf({
    'jobs-2021.md': sheet('Jobs Report 2021', '2021-03-04', body('3.9'), 'https://example.gov/jobs/2021'),
    'jobs-2023.txt': `Jobs Report 2023\nJune 1, 2023\n\nJOBS: The unemployment rate fell to 3.6 percent.\n\nEmployers added 500,000 jobs in the spring.\n`,
    'jobs-2025.md': sheet('Jobs Report 2025', '2025-01-10', body('3.4'), 'https://example.gov/jobs/2025'),
    'jobs-undated.txt': 'JOBS: The unemployment rate fell to 4.1 percent.\n',
  });
}

describe('dates', () => {
  it('reads the ways documents write them', () => {
    expect(isoDate('2026-03-13')).toBe('2026-03-13');
    expect(isoDate('September 14, 2022')).toBe('2022-09-14');
    expect(isoDate('Monday, March 3, 2025')).toBe('2025-03-03');
    expect(isoDate('Sept. 3 2025')).toBe('2025-09-03');
    expect(isoDate('3/3/2025')).toBe('2025-03-03');
    expect(isoDate('2024')).toBe('2024');
    expect(isoDate('February 30, 2024')).toBeNull();
    expect(isoDate('soon')).toBeNull();
  });

  it('every hit names its document’s date, and equal answers come newest first', () => {
    const library = jobsReports();
    const reply = stat.run(library, { query: 'unemployment rate' }, context());
    expectValidResponse(asResponse(reply));
    const bolded = [...reply.embeds![0]!.description!.matchAll(/\*\*([\d.]+ percent)\*\*/g)].map((m) => m[1]);
    expect(bolded).toEqual(['3.4 percent', '3.6 percent', '3.9 percent', '4.1 percent']);
    const dates = [...reply.embeds![0]!.description!.matchAll(/ · (\d{4}-\d{2}-\d{2})\]?/g)].map((m) => m[1]);
    expect(dates).toEqual(['2025-01-10', '2023-06-01', '2021-03-04']);
    expect(reply.embeds![0]!.footer!.text).toBe('4 sentences with figures · 2021-03-04 to 2025-01-10');
  });

  it('/stat and /search keep to after and before (a year, a month or a day, both ends included)', () => {
    const library = jobsReports();
    const rates = (args: Record<string, string>) =>
      [
        ...stat
          .run(library, { query: 'unemployment rate', ...args }, context())
          .embeds![0]!.description!.matchAll(/\*\*([\d.]+) percent\*\*/g),
      ].map((m) => m[1]);
    expect(rates({ after: '2023' })).toEqual(['3.4', '3.6']);
    expect(rates({ before: '2023-06' })).toEqual(['3.6', '3.9']);
    expect(rates({ after: '2023-06-02', before: '2025-01-10' })).toEqual(['3.4']);
    const found = search.run(library, { query: 'unemployment', after: '2024' }, context());
    expect(found.embeds![0]!.title).toBe('Search: “unemployment” · dated from 2024-01-01');
    expect(found.embeds![0]!.description).toContain('3.4 percent');
    expect(found.embeds![0]!.description).not.toContain('3.6 percent');
    const none = stat.run(library, { query: 'unemployment rate', after: '2026' }, context());
    expect(none.embeds![0]!.description).toContain('in documents dated from 2026-01-01');
  });

  it('a bad date or an empty range gets a clear private reply', () => {
    const library = jobsReports();
    for (const command of [stat, search]) {
      const run = (args: Record<string, string>, ctx = context()) => command.run(library, args, ctx);
      const bad = run({ query: 'jobs', after: '2024-13' });
      expectValidResponse(asResponse(bad));
      expect(bad.flags).toBe(MessageFlags.Ephemeral);
      expect(bad.embeds![0]!.title).toBe('Not a date');
      expect(bad.embeds![0]!.description).toBe(
        '“after” takes a year, a month or a day, written 2025, 2025-03 or 2025-03-13; “2024-13” is none of these.',
      );
      const empty = run({ query: 'jobs', after: '2025', before: '2024' });
      expect(empty.embeds![0]!.title).toBe('No day is both');
    }
  });
});

describe('no repeats', () => {
  it('/stat shows a sentence stated in several documents once, with where else and the first and last dates', () => {
    const reply = stat.run(jobsReports(), { query: 'employers added jobs' }, context());
    const description = reply.embeds![0]!.description!;
    expect(description.match(/^> Employers added/gm)).toHaveLength(1);
    expect(description).toContain(' · also in 2 more documents (2021-03-04 to 2025-01-10)');
  });

  it('/search shows a repeated statement once, with where else, and counts it once', () => {
    const reply = search.run(jobsReports(), { query: 'employers added' }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.embeds![0]!.description!.match(/^> \*\*Employers/gm)).toHaveLength(1);
    expect(reply.embeds![0]!.description).toContain('also in 2 more documents (2021-03-04 to 2025-01-10)');
    // Newest first: the one shown is the 2025 report's.
    expect(reply.embeds![0]!.description).toContain('Jobs Report 2025 · 2025-01-10');
    expect(reply.embeds![0]!.footer!.text).toBe('Page 1 of 1 · 1 statement');
  });

  it('/search reports the real number of statements, or "more than 500" past what it ranks', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Town ${i} added ${i + 3} jobs.`).join('\n');
    const some = libraryOf({ 'towns.txt': `JOBS IN TOWNS: Every town added jobs.\n\n${lines(120)}\n` });
    expect(search.run(some, { query: 'town jobs' }, context()).embeds![0]!.footer!.text).toMatch(
      /^Page 1 of 25 · 121 statements · /,
    );
    const many = libraryOf({ 'towns.txt': `JOBS IN TOWNS: Every town added jobs.\n\n${lines(700)}\n` });
    expect(search.run(many, { query: 'town jobs' }, context()).embeds![0]!.footer!.text).toMatch(
      /^Page 1 of 100 · more than 500 statements · /,
    );
  });
});

describe('the Cite button', () => {
  it('is under every answer, and gives a citation privately: sentence, title, date, address at the sentence', () => {
    const library = jobsReports();
    const reply = stat.run(library, { query: 'unemployment rate', after: '2025' }, context());
    const [cite] = buttonsOf(reply);
    expect(cite!.label).toBe('Cite');
    expect(cite!.custom_id.length).toBeLessThanOrEqual(100);
    const pressed = stat.component!(library, cite!.custom_id, pressContext({ userId: 'someone-else' }));
    expectValidResponse(pressed);
    expect(press(pressed).data.flags).toBe(MessageFlags.Ephemeral);
    expect(press(pressed).data.content).toBe(
      'Citation, ready to paste:\n```\n“The unemployment rate fell to 3.4 percent.” — Jobs Report 2025, 2025-01-10. https://example.gov/jobs/2025#:~:text=The%20unemployment%20rate%20fell%20to%203%2E4%20percent%2E\n```',
    );
  });

  it('numbers them on a page of hits, and /search, /quote and /section have one too', () => {
    const library = jobsReports();
    const page = stat.run(library, { query: 'unemployment rate' }, context());
    expect(buttonsOf(page).map((b) => b.label)).toEqual(['Cite 1', 'Cite 2', 'Cite 3', 'Cite 4']);
    const seed = seedLibrary();
    const found = search.run(seed, { query: 'wall' }, context());
    const quoted = quote.run(seed, {}, context());
    const shown = section.run(seed, { name: '2' }, context());
    for (const [command, reply] of [
      [search, found],
      [quote, quoted],
      [section, shown],
    ] as const) {
      const cite = buttonsOf(reply).find((b) => b.label === 'Cite')!;
      const pressed = command.component!(seed, cite.custom_id, pressContext());
      expectValidResponse(pressed);
      expect(press(pressed).data.content).toMatch(
        /— Border Security and Immigration, undated\. border-security-and-immigration\.txt, line \d+\n```$/,
      );
    }
  });

  it('says so when the document changed since the answer', () => {
    const before = jobsReports();
    const [cite] = buttonsOf(stat.run(before, { query: 'unemployment rate', after: '2025' }, context()));
    const after = libraryOf({
      'jobs-2025.md': sheet('Jobs Report 2025', '2025-01-10', '**JOBS:** Revised: the rate fell to 3.5 percent.'),
    });
    const pressed = stat.component!(after, cite!.custom_id, pressContext());
    expect(pressed).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This quote has changed' }] },
    });
  });
});

describe('/stat points to /search', () => {
  it('with the exact /search to run, options included, when /search would find statements', () => {
    const reply = stat.run(jobsReports(), { query: 'wages', document: 'jobs-2021', after: '2021' }, context());
    expect(reply.embeds![0]!.title).toBe('No figure found');
    expect(reply.embeds![0]!.description).toContain(
      '/search query:wages document:jobs-2021 after:2021-01-01 finds 1 statement with these words.',
    );
    const search = stat.run(seedLibrary(), { query: 'sanctuary' }, context());
    expect(search.embeds![0]!.description).toContain('/search query:sanctuary finds 3 statements with these words.');
  });
});

/** Three fact sheets that each open with an "OVERVIEW" section, as 1,252 corpus sections do. */
function overviews() {
  const files: Record<string, string> = {};
  for (const [name, date] of [
    ['ports', '2024-10-29'],
    ['roads', '2025-06-02'],
    ['rails', '2023-01-15'],
  ] as const)
    files[`${name}.md`] = sheet(
      `Fact Sheet: ${name}`,
      date,
      `**OVERVIEW:** The plan covers ${name}.\n\n**FUNDING:** It gives ${name} 3 billion dollars.`,
    );
  return libraryOf(files);
}

describe('/section finds your way', () => {
  const seed = seedLibrary();
  const title = (args: Record<string, string>) => section.run(seed, args, context()).embeds![0]!.title;

  it('by number, by title with a transposed letter, and by what the section says', () => {
    expect(title({ name: '2' })).toBe('Saving American Lives');
    expect(title({ name: 'section 3' })).toBe('Reforming Our Immigration System to Put America First');
    expect(title({ name: 'refroming' })).toBe('Reforming Our Immigration System to Put America First');
    expect(title({ name: 'wall' })).toBe('Securing Our Border');
    expect(title({ name: 'sanctuary cities' })).toBe('Saving American Lives');
    expect(section.run(seed, { name: 'wall' }, context()).embeds![0]!.description).toMatch(
      /^\*No section title matches “wall”; this section’s statements do\.\*/,
    );
    expect(title({ name: '7' })).toBe('Section not found');
  });

  it('a name several documents share gives a short list, newest first, with document and date', () => {
    const library = overviews();
    const reply = section.run(library, { name: 'Overview' }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds![0]!.title).toBe('3 sections answer to “Overview”');
    expect(reply.embeds![0]!.description!.split('\n').slice(0, 3)).toEqual([
      '**1.** Overview — *Fact Sheet: roads* · 2025-06-02',
      '**2.** Overview — *Fact Sheet: ports* · 2024-10-29',
      '**3.** Overview — *Fact Sheet: rails* · 2023-01-15',
    ]);
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(['1', '2', '3']);
    // A number pressed posts that section, for the channel.
    const pressed = section.component!(library, buttonsOf(reply)[1]!.custom_id, pressContext());
    expectValidResponse(pressed);
    expect(press(pressed).type).toBe(4);
    expect(press(pressed).data.flags).toBeUndefined();
    expect(press(pressed).data.embeds[0].footer.text).toBe('Section 1 of 2 · Fact Sheet: ports · 2024-10-29');
    // Asked privately, it stays private; a number names each document's section of that number.
    const privately = section.run(library, { name: 'section 2', private: true }, context());
    const shown = section.component!(library, buttonsOf(privately)[0]!.custom_id, pressContext());
    expect(press(shown).data.flags).toBe(MessageFlags.Ephemeral);
    expect(press(shown).data.embeds[0].title).toBe('Funding');
    // One document chosen: no list.
    expect(section.run(library, { name: 'Overview', document: 'rails' }, context()).embeds![0]!.title).toBe('Overview');
  });

  it('pages a section longer than one message with Previous/Next; only the asker pages it', () => {
    const statements = Array.from(
      { length: 60 },
      (_, i) => `Statement ${i} says the city opened ${i + 2} new parks in district ${i}, ${'and more '.repeat(8)}.`,
    );
    const long = libraryOf({ 'parks.txt': `PARKS: The city opened parks.\n\n${statements.join('\n\n')}\n` });
    const first = section.run(long, { name: 'parks' }, context());
    expectValidResponse(asResponse(first));
    expect(first.embeds![0]!.footer!.text).toMatch(/^Section 1 of 1 · Page 1 of (\d+) · Parks$/);
    const [previous, next] = buttonsOf(first);
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    const second = section.component!(long, next!.custom_id, pressContext());
    expectValidResponse(second);
    expect(press(second).type).toBe(7);
    expect(press(second).data.embeds[0].footer.text).toMatch(/^Section 1 of 1 · Page 2 of /);
    // Every statement is on some page, once.
    const pages = Number(/Page 1 of (\d+)/.exec(first.embeds![0]!.footer!.text)![1]);
    let text = '';
    for (let page = 0; page < pages; page++) {
      const id = next!.custom_id.replace(/:1$/, `:${page}`);
      text += press(section.component!(long, id, pressContext())).data.embeds[0].description;
    }
    for (let i = 0; i < 60; i++) expect(text.match(new RegExp(`Statement ${i} says`, 'g'))).toHaveLength(1);
    const stranger = section.component!(
      long,
      next!.custom_id,
      pressContext({ messageOwnerId: 'asker', userId: 'other' }),
    );
    expect(stranger).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Not your section' }] },
    });
  });
});
