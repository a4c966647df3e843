import { MessageFlags, InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { stat } from '../../commands/stat.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, hugeDocument, libraryOf, pressContext, seedLibrary } from '../support/library.js';

const library = seedLibrary();
const run = (options: Record<string, string | boolean>) => stat.run(library, options, context());
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
type Buttons = Array<{ components: Array<{ custom_id: string; label: string }> }>;
const buttonsOf = (data: { components?: unknown }) => ((data.components ?? []) as Buttons).flatMap((r) => r.components);

/** A fact sheet of seven sentences, each stating a count of roads: enough for two pages of figures. */
const roadsSheet = (title: string) =>
  `# ${title}\n\n## Roads\n\n${[1, 2, 3, 4, 5, 6, 7].map((n) => `${title} built ${n * 11} roads in year ${n}.`).join('\n\n')}\n`;

const SENTENCE =
  'These criminals were responsible for nearly 2,000 homicides, more than 5,000 sexual assaults, more than 10,000 burglaries, and more than 45,000 assaults.';

describe('/stat', () => {
  it('quotes the figure in bold inside its sentence, with its section', () => {
    const reply = run({ query: 'homicides' });
    expectValidResponse(asResponse(reply));
    const embed = reply.embeds![0]!;
    expect(embed.description!.split('\n\n')[0]).toBe(
      // The seed has no web address: the quote says where it stands, by file and line.
      '> These criminals were responsible for **nearly 2,000** homicides, more than 5,000 sexual assaults, more than 10,000 burglaries, and more than 45,000 assaults.\n— *Saving American Lives* · border-security-and-immigration.txt, line 23',
    );
    expect(embed.description!.replace(/\*\*/g, '')).toContain(SENTENCE);
    expect(embed.footer!.text).toBe('Border Security and Immigration');
  });

  it.each([
    ['homocides', 'nearly 2,000'],
    ['murders', 'nearly 2,000'],
    ['arrests', 'more than 120,000'],
    ['arrested', 'more than 120,000'],
    ['criminal aliens', 'more than 120,000'],
    ['wall', 'more than 100'],
    ['miles', 'more than 100'],
    ['troops', 'thousands'],
    ['border apprehensions', '75%'],
    ['75%', '75%'],
    ['consecutive months', '8'],
    ['burglary', 'more than 10,000'],
    ['sexual assaults', 'more than 5,000'],
  ])('"%s" finds %s first (typos and word forms too)', (query, figure) => {
    const first = run({ query }).embeds![0]!.description!.split('\n\n')[0]!;
    expect(first).toContain(`**${figure}**`);
  });

  it('answers the autocomplete value with exactly that figure', () => {
    const [choice] = stat.autocomplete(library, { name: 'query', value: 'homi' }, {}).choices!;
    expect(choice).toEqual({ name: 'nearly 2,000 — homicides', value: 'saving-american-lives-3-f1' });
    const reply = run({ query: choice!.value as string });
    expect(reply.embeds![0]!.title).toBe('nearly 2,000 — homicides');
    expect(reply.embeds![0]!.description).toContain('**nearly 2,000** homicides');
  });

  it('with no query, lists every figure grouped by section', () => {
    const reply = run({});
    expectValidResponse(asResponse(reply));
    const embed = reply.embeds![0]!;
    expect(embed.fields!.map((f) => f.name)).toEqual(['Securing Our Border', 'Saving American Lives']);
    expect(embed.fields![0]!.value.split('\n')).toEqual([
      '• **thousands** — troops',
      '• **more than 100** — miles of wall',
      '• **75%** — Border apprehensions',
      '• **8** — Apprehensions',
    ]);
    expect(embed.fields![1]!.value.split('\n')).toHaveLength(5);
  });

  it('lists a spectrum sheet’s frequency ranges, deadline and shares with what each counts', () => {
    const sheet = libraryOf({
      'spectrum.md': [
        '**SECURING THE SPECTRUM:** The Memorandum directs planning to relocate systems using the 7.125-7.4 GHz band.',
        '',
        '-   Federal incumbents have 12 months to submit relocation plans.',
        '-   About a third of Americans and nearly one in four U.S. adults use 40 U.S. states’ networks.',
        '',
      ].join('\n'),
    });
    const reply = stat.run(sheet, {}, context());
    expect(reply.embeds![0]!.fields![0]!.value.split('\n')).toEqual([
      '• **7.125-7.4** — GHz band',
      '• **12** — relocation plans',
      '• **About a third** — Americans',
      '• **nearly one in four** — U.S. adults',
      '• **40** — networks',
    ]);
  });

  it('with no match, answers privately with suggestions', () => {
    const reply = run({ query: 'zebra' });
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds![0]!.title).toBe('No figure found');
    expect(reply.embeds![0]!.description).toContain('No figure matches “zebra”.');
    expect(reply.embeds![0]!.description).toContain('Figures count, for example: troops, miles of wall');
  });

  it('autocompletes as "figure — what it counts", at most 25', () => {
    const all = stat.autocomplete(library, { name: 'query', value: '' }, {}).choices!;
    expect(all.map((c) => c.name)).toContain('nearly 2,000 — homicides');
    expect(all).toHaveLength(9);
  });

  it('escapes the query it echoes and pings nobody', () => {
    const reply = run({ query: '@everyone homicides **' });
    expect(reply.embeds![0]!.title).toBe('Figures for “@\u200beveryone homicides \\*\\*”');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it.each(HOSTILE_INPUTS.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'keeps Discord’s rules for hostile query %s',
    (_label, input) => {
      expectValidResponse(asResponse(run({ query: input })));
      expectValidResponse(asResponse(run({ query: input, private: true })));
      expectValidResponse({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: stat.autocomplete(library, { name: 'query', value: input }, {}),
      });
    },
  );

  it('keeps Discord’s limits on a huge document', () => {
    const huge = libraryOf({ 'huge.txt': hugeDocument() });
    for (const query of ['', 'homicides', 'workers', 'things']) {
      expectValidResponse(asResponse(stat.run(huge, { query }, context())));
    }
    expectValidResponse({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: stat.autocomplete(huge, { name: 'query', value: 'hom' }, {}),
    });
  });

  it('answers a document with no figures clearly', () => {
    const none = libraryOf({ 'words.txt': 'PLAN: Words only here.\n' });
    const reply = stat.run(none, {}, context());
    expectValidResponse(asResponse(reply));
    expect(reply.embeds![0]!.description).toContain('The documents served state no figures.');
  });

  it('pages the same document after a reload that puts another document in front of it', () => {
    const sheets = { 'harbor.md': roadsSheet('Harbor City'), 'valley.md': roadsSheet('Valley Town') };
    const before = libraryOf(sheets);
    const first = stat.run(before, { query: 'roads', document: 'valley' }, context());
    expect(first.embeds![0]!.footer!.text).toBe('Valley Town');
    const next = buttonsOf(first).find((b) => b.label === 'Next')!;
    // The reloaded library serves one more document, ahead of the others.
    const after = libraryOf({ 'airport.md': roadsSheet('Airport Road'), ...sheets });
    expect(after.documents.map((d) => d.id)).toEqual(['airport', 'harbor', 'valley']);
    const pressed = stat.component!(after, next.custom_id, pressContext()) as { type: number; data: typeof first };
    expect(pressed.type).toBe(InteractionResponseType.UpdateMessage);
    expect(pressed.data.embeds![0]!.footer!.text).toBe('Valley Town');
    expect(pressed.data.embeds![0]!.description).toContain('Valley Town built');
    expect(pressed.data.embeds![0]!.description).toMatch(/\*\*6\.\*\*/);
  });
});
