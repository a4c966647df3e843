// /stat answers only what was asked: the cases members found on real fact sheets, on two small documents
// written like them (tests/fixtures/stat/) and on the bundled seed.
import { readFileSync } from 'node:fs';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { CLOSEST_AFTER, MAY_NOT_ANSWER, stat } from '../../commands/stat.js';
import { parseDocument } from '../../src/document/parse.js';
import { createLibrary } from '../../src/library/library.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { ROOT } from '../support/documents.js';
import { context, pressContext, hugeDocument, libraryOf, seedLibrary, nearSameLibrary } from '../support/library.js';
import { snowflakeAt } from '../support/pressed.js';

const fixture = (name: string) =>
  parseDocument(readFileSync(`${ROOT}tests/fixtures/stat/${name}`, 'utf8'), { file: name });
const library = createLibrary([fixture('qatar-boeing.md'), fixture('tariffs.md')]);
const seed = seedLibrary();

const ask = (query: string, on = library) => stat.run(on, { query }, context());
const description = (query: string, on = library) => ask(query, on).embeds![0]!.description ?? '';
const bolded = (query: string, on = library) => [...description(query, on).matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]);
const isNotFound = (query: string, on = library) => ask(query, on).embeds![0]!.title === 'No figure found';

describe('/stat answers only what was asked', () => {
  it('ignores question words: "how many aircraft" finds the aircraft, not "many of our trading partners"', () => {
    expect(bolded('how many aircraft')).toEqual(['up to 210']);
    expect(description('how many aircraft')).not.toContain('tariff');
  });

  it('says "No figure found" when no sentence holds anything of the query, privately', () => {
    const reply = ask('egg omelette');
    expect(reply.embeds![0]!.title).toBe('No figure found');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: reply });
  });

  it('offers the closest figures, saying they may not answer, when a sentence holds only part of the query', () => {
    // "egg prices" is not answered by gasoline prices, but that is the closest figure, and it is said so.
    const reply = ask('egg prices');
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('Closest figures to “egg prices”');
    expect(embed.description!.split('\n\n')[0]).toBe(MAY_NOT_ANSWER);
    expect(bolded('egg prices')).toEqual(['$3.10', '$35', '$499']);
    expectValidResponse({ type: InteractionResponseType.ChannelMessageWithSource, data: reply });
  });

  it('answers confidently when a sentence holds what was asked, with no doubt said', () => {
    const embed = ask('gasoline prices').embeds![0]!;
    expect(embed.title).toBe('Figures for “gasoline prices”');
    expect(embed.description).not.toContain(MAY_NOT_ANSWER);
  });

  it("fills a confident answer's first page with the closest figures after it, still Figures for", () => {
    // The ranking may be wrong about which sentence answers: the one holding part of the words is on the page too.
    const docks = libraryOf({
      'docks.md': [
        "---\ntitle: 'Fact Sheet: Port Works'\ndate: '2025-06-01'\n---\n",
        'Dock repairs will cost $12 million.\n',
        'The new dock adds 40 berths.\n',
      ].join('\n'),
    });
    const embed = ask('dock repairs', docks).embeds![0]!;
    expect(embed.title).toBe('Figures for “dock repairs”');
    expect(bolded('dock repairs', docks)).toEqual(['1.', '$12 million', '2.', '40']);
    // Said where the closest figures begin, after the answer.
    expect(embed.description!.split('\n\n')).toEqual([
      '**1.**\n> Dock repairs will cost **$12 million**.\n— *Overview* · docks.md, line 6',
      CLOSEST_AFTER,
      '**2.**\n> The new dock adds **40** berths.\n— *Overview* · docks.md, line 8',
    ]);
  });

  describe('a confident answer holds the year and the place asked, or doubt is said', () => {
    const sheet = libraryOf({
      'fraud.md': [
        "---\ntitle: 'Fact Sheet: Fraud and Trade'\ndate: '2025-03-01'\n---\n",
        'In 2024, American consumers reported losing more than $12.5 billion to cyber-enabled fraud.\n',
        'Last year, roughly half of U.S. LNG exports went to Europe.\n',
        'Buyers in Asia signed new contracts, and Indonesian students joined exchange programs.\n',
        'USAID invested more than $1.1 billion to help Indonesia strengthen its health systems.\n',
      ].join('\n'),
    });
    const title = (query: string) => ask(query, sheet).embeds![0]!.title;

    it('doubts a figure for another year: "in 2023" is not answered by "In 2024"', () => {
      expect(title('how much did americans lose to cyber fraud in 2023')).toBe(
        'Closest figures to “how much did americans lose to cyber fraud in 2023”',
      );
      expect(title('how much did americans lose to cyber fraud in 2024')).toBe(
        'Figures for “how much did americans lose to cyber fraud in 2024”',
      );
    });

    it('doubts a figure for another place: "exports to Asia" is not answered by "went to Europe"', () => {
      expect(title('how much LNG did the US export to asia last year')).toBe(
        'Closest figures to “how much LNG did the US export to asia last year”',
      );
      expect(title('how much LNG did the US export to europe last year')).toBe(
        'Figures for “how much LNG did the US export to europe last year”',
      );
    });

    it('doubts a figure where the question names a place no sheet writes ("to Japan")', () => {
      expect(title('how much LNG did the US export to Japan last year')).toBe(
        'Closest figures to “how much LNG did the US export to Japan last year”',
      );
      // In lower case, a word no sheet writes may be the member's own wording for what the sheet says.
      expect(title('how much LNG did the US export to japan last year')).toBe(
        'Figures for “how much LNG did the US export to japan last year”',
      );
    });

    it('reads a name and the word it begins as one ("Indonesian", "Indonesia")', () => {
      expect(title('how much did USAID invest in indonesian health systems')).toBe(
        'Figures for “how much did USAID invest in indonesian health systems”',
      );
    });

    it('asks no sentence for the documents\' setting: a name most of them give ("American")', () => {
      expect(title('american LNG exports to europe')).toBe('Figures for “american LNG exports to europe”');
    });
  });

  describe('a confident first is the place and the thing asked, or it is shown as the closest figures', () => {
    const sheet = (title: string, lines: string[]) =>
      [`---\ntitle: '${title}'\ndate: '2022-07-14'\n---\n`, ...lines.map((line) => `${line}\n`)].join('\n');
    const neighbours = libraryOf({
      'palestinians.md': sheet('Fact Sheet: Support for Palestinians', [
        'Israel committed to faster mobile networks for Palestinians in the West Bank and Gaza. Israel agreed to ' +
          'increase the number of permits for Palestinians in Gaza to 15,500.',
      ]),
      'fiona.md': sheet('Fact Sheet: Hurricane Fiona', [
        'There are over 1,000 Federal response workers in Puerto Rico supporting power restoration.',
      ]),
      'heat.md': sheet('Fact Sheet: Extreme Heat', ['OSHA conducted over 500 heat inspections.']),
      'grid.md': sheet('Fact Sheet: Grid', ['The program allocates $3.7 million to the grid.']),
    });
    // Sheets on other things, so that the words of a question are not in every document.
    const others = {
      'fiona.md': sheet('Fact Sheet: Hurricane Fiona', ['There are over 1,000 workers in Puerto Rico.']),
      'heat.md': sheet('Fact Sheet: Extreme Heat', ['OSHA conducted over 500 heat inspections.']),
      'grid.md': sheet('Fact Sheet: Grid', ['The program allocates $3.7 million to the grid.']),
    };
    const title = (query: string) => ask(query, neighbours).embeds![0]!.title;
    const first = (query: string) => bolded(query, neighbours)[0];

    it('doubts a sentence naming another place where the question names one, though its statement names both', () => {
      // The sentence before names the West Bank; the figure is for Gaza.
      const query = 'how many permits for palestinians in the west bank';
      expect(title(query)).toBe(`Closest figures to “${query}”`);
      expect(first(query)).toBe('15,500');
      expect(title('how many permits for palestinians in gaza')).toBe(
        'Figures for “how many permits for palestinians in gaza”',
      );
    });

    it('asks the next first, once one is doubted, to be of the kind asked: money does not answer "how many"', () => {
      const withMoney = libraryOf({
        'permits.md': sheet('Fact Sheet: Support for Palestinians', [
          'Israel committed to faster mobile networks for Palestinians in the West Bank and Gaza. Israel agreed to ' +
            'increase the number of permits for Palestinians in Gaza to 15,500.',
          'Separately, the travel offices serving Palestinians in the West Bank, which issue permits, passports ' +
            'and other documents to residents, will receive $20 million.',
        ]),
        ...others,
      });
      const query = 'how many permits for palestinians in the west bank';
      const embed = ask(query, withMoney).embeds![0]!;
      expect(embed.title).toBe(`Closest figures to “${query}”`);
      expect(bolded(query, withMoney)).toEqual(['1.', '15,500', '2.', '$20 million']);
    });

    it('doubts a sentence naming a rival in the slot of a word asked: "southwest border" for "northern border"', () => {
      // Another sheet writes "northern border": "northern" and "southwest" fill the same slot before "border".
      const borders = libraryOf({
        'machines.md': sheet('Fact Sheet: Border Agreement', [
          'The agreement would fund 100 inspection machines to detect fentanyl at our Southwest Border ports of entry.',
        ]),
        'seizures.md': sheet('Fact Sheet: Fentanyl', [
          'Officers seized 500 pounds of fentanyl at the northern border.',
        ]),
        ...others,
      });
      const query = 'fentanyl inspection machines at northern border ports';
      expect(ask(query, borders).embeds![0]!.title).toBe(`Closest figures to “${query}”`);
      expect(bolded(query, borders).slice(0, 2)).toEqual(['1.', '100']);
      const asked = 'fentanyl inspection machines at southwest border ports';
      expect(ask(asked, borders).embeds![0]!.title).toBe(`Figures for “${asked}”`);
      // No sheet writes "eastern border": nothing says "eastern" and "southwest" are two of a kind.
      const unwritten = 'fentanyl inspection machines at eastern border ports';
      expect(ask(unwritten, borders).embeds![0]!.title).toBe(`Figures for “${unwritten}”`);
    });

    it('doubts a sentence whose paragraph goes on to name the rival of a word asked', () => {
      // The first sentence names no side of the border; the next one, in the same paragraph, the southwest border.
      const borders = libraryOf({
        'machines.md': sheet('Fact Sheet: Border Agreement', [
          'Officers have seized record fentanyl, and 40 new inspection machines stand at border ports of entry. ' +
            'The agreement would fund 100 more at our Southwest Border ports.',
        ]),
        'seizures.md': sheet('Fact Sheet: Fentanyl', [
          'Officers seized 500 pounds of fentanyl at the northern border.',
        ]),
        ...others,
      });
      const query = 'fentanyl inspection machines at northern border ports';
      expect(ask(query, borders).embeds![0]!.title).toBe(`Closest figures to “${query}”`);
      const asked = 'fentanyl inspection machines at southwest border ports';
      expect(ask(asked, borders).embeds![0]!.title).toBe(`Figures for “${asked}”`);
    });

    it('doubts a sentence that writes the year asked only as the start of a count: "since 2010"', () => {
      const removals = libraryOf({
        'removals.md': sheet('Fact Sheet: Enforcement', [
          'Over the past year, the agency removed more than 750,000 people, more than in every fiscal year since 2010.',
        ]),
        ...others,
      });
      const query = 'how many people did the agency remove in fiscal year 2010';
      expect(ask(query, removals).embeds![0]!.title).toBe(`Closest figures to “${query}”`);
      const since = 'how many people has the agency removed since 2010';
      expect(ask(since, removals).embeds![0]!.title).toBe(`Figures for “${since}”`);
    });

    it('doubts a sentence writing the year asked whose figure its own time frame gives for another year', () => {
      // The sheet is of 2022: "this year" is 2022, and the sentence gives no figure for 2021.
      const fires = libraryOf({
        'fires.md': sheet('Fact Sheet: Wildfires', [
          'There are more than 460 million acres at high risk from wildfire this year, and the number of acres ' +
            'burned in 2021 is the highest on record.',
        ]),
        ...others,
      });
      const query = 'how many acres burned in 2021';
      expect(ask(query, fires).embeds![0]!.title).toBe(`Closest figures to “${query}”`);
      const burned = libraryOf({
        'fires.md': sheet('Fact Sheet: Wildfires', ['In 2021, fires burned more than 7 million acres.']),
        ...others,
      });
      expect(ask(query, burned).embeds![0]!.title).toBe(`Figures for “${query}”`);
    });

    it('reads no rival in the words of a figure or across a word with no stem of its own', () => {
      // Another sheet writes "budget cuts" and "each year"; "trillion" belongs to the figure, "this" has no stem.
      const plans = libraryOf({
        'plan.md': sheet('Fact Sheet: The Plan', [
          'The plan makes $1.5 trillion cuts to Social Security.',
          'Efficient appliances will save families $100 on bills this year.',
        ]),
        'other.md': sheet('Fact Sheet: Spending', [
          'The budget cuts total $2 billion.',
          'Heat pumps save $50 each year.',
        ]),
        ...others,
      });
      for (const query of ['plan budget cut to social security', 'how much will efficient appliances save each year'])
        expect(ask(query, plans).embeds![0]!.title).toBe(`Figures for “${query}”`);
    });

    it('doubts a count of another thing than the one "how many" asks: workers do not answer "customers"', () => {
      const query = 'power restored to how many customers in puerto rico';
      expect(title(query)).toBe(`Closest figures to “${query}”`);
      expect(first(query)).toBe('over 1,000');
      expect(title('how many workers in puerto rico')).toBe('Figures for “how many workers in puerto rico”');
    });
  });

  it('reads a word joining letters and digits as the parts the documents write apart: "h1b" finds "H-1B"', () => {
    const visas = libraryOf({
      'visas.md': [
        "---\ntitle: 'Fact Sheet: Skilled Workers'\ndate: '2025-09-19'\n---\n",
        'The agency approved 85,000 H-1B petitions.\n',
        'Wait times fell by 30 days.\n',
      ].join('\n'),
    });
    expect(ask('h1b petitions', visas).embeds![0]!.title).toBe('Figures for “h1b petitions”');
    expect(bolded('h1b petitions', visas)).toEqual(['85,000']);
  });

  it('leaves the closest figures out of autocomplete: a choice is an answer', () => {
    const choices = (value: string) => stat.autocomplete(library, { name: 'query', value }, {}).choices!;
    const title = 'Fact Sheet: Qatar Airways Orders American Aircraft';
    expect(choices('gasoline pri').map((c) => c.name)).toEqual([
      `$3.10 — per gallon · ${title}`,
      `$35 · ${title}`,
      `$499 · ${title}`,
    ]);
    expect(choices('egg pri')).toEqual([]);
  });

  it('finds a list item by the subject its lead-in names, the quote staying the item', () => {
    const harbor = libraryOf({
      'harbor.md': [
        "---\ntitle: 'Fact Sheet: Harbor Renewal Plan'\ndate: '2025-06-01'\n---\n",
        'The plan rebuilds the waterfront.\n',
        'The Riverside Bridge program will:\n',
        '-   Cost $40 million over five years.\n-   Open two new lanes.\n',
        'Road repairs elsewhere will cost $12 million.\n',
      ].join('\n'),
    });
    const embed = ask('riverside bridge cost', harbor).embeds![0]!;
    expect(embed.title).toBe('Closest figures to “riverside bridge cost”');
    const answers = (query: string) => bolded(query, harbor).filter((bold) => !/^\d+\.$/.test(bold!));
    // "over five years" after an amount is the time it is spread over: the figure is "five" (years), unhedged.
    expect(answers('riverside bridge cost')).toEqual(['$40 million', 'five', 'two']);
    // The road repairs hold "cost" too, but only the bridge's cost sits under "Riverside".
    expect(answers('riverside cost')[0]).toBe('$40 million');
  });

  it('gives the kind of figure the question asks for first, an exact one before a vague one', () => {
    const plant = libraryOf({
      'plant.md': [
        "---\ntitle: 'Fact Sheet: Battery Plant'\ndate: '2025-06-01'\n---\n",
        'Jobs at the plant grew 12% last year.\n',
        'Thousands of jobs came with the new plant.\n',
        'The new plant employs 4,000 workers in jobs paying $30 an hour, and hiring took 18 months.\n',
      ].join('\n'),
    });
    const first = (query: string) => bolded(query, plant).filter((bold) => !/^\d+\.$/.test(bold!))[0];
    expect(first('how many jobs at the plant')).toBe('4,000');
    expect(first('how much do plant jobs pay')).toBe('$30');
    expect(first('what percent did plant jobs grow')).toBe('12%');
    expect(first('how long did hiring for plant jobs take')).toBe('18'); // unit: months
  });

  it('points to /search when it would find statements with the words', () => {
    // Only the statement without figures says "far above": the figure sentences under it hold too little.
    const reply = ask('far above egg omelette souffle');
    expect(reply.embeds![0]!.title).toBe('No figure found');
    expect(reply.embeds![0]!.description).toMatch(
      /\/search query:far above egg omelette souffle finds 1 statement with these words/,
    );
  });

  it('matches a number only by equal value, in any written form', () => {
    expect(bolded('145%')).toEqual(['145%']);
    expect(bolded('145 percent')).toEqual(['145%']);
    expect(bolded('$1.4 billion')).toEqual(['$1.4 billion']);
    expect(bolded('$1,400 million')).toEqual(['$1.4 billion']);
    expect(bolded('154000')).toEqual(['154,000']);
    expect(isNotFound('$2.7 billion')).toBe(true);
  });

  it('finds by words a figure asked with a mistyped scale, after any equal amount and never confidently', () => {
    const oil = libraryOf({
      'oil.md': [
        'The Department will release 240 million barrels of oil from the reserve.',
        '',
        'The reserve holds 240 tanks of crude oil in Texas.',
        '',
      ].join('\n'),
    });
    // "240 milion" is no amount the sheet states as 240 barrels: its words still find the release.
    const reply = ask('240 milion barrels', oil);
    expect(reply.embeds![0]!.title).toBe('Closest figures to “240 milion barrels”');
    expect(bolded('240 milion barrels', oil)).toEqual(['240 million']);
    // An equal amount comes first and stays confident; the words fill the page after it.
    expect(ask('240 tanks release', oil).embeds![0]!.title).toBe('Figures for “240 tanks release”');
    expect(bolded('240 tanks release', oil)).toEqual(['1.', '240', '2.', '240 million']);
  });

  it('doubts a sentence stating only some of the amounts asked: "a 60-year old" does not answer "40 year old"', () => {
    const premiums = libraryOf({
      'premiums.md': [
        'In most states, annual premiums for a 60-year old making $60,000 would more than double to over $10,000.',
        '',
      ].join('\n'),
    });
    const asked = 'annual premiums for a 40 year old making 60k';
    expect(ask(asked, premiums).embeds![0]!.title).toBe(`Closest figures to “${asked}”`);
    expect(bolded(asked, premiums)).toEqual(['$60,000']);
    // Both amounts stated: the answer, confident.
    const both = 'annual premiums for a 60 year old making 60k';
    expect(ask(both, premiums).embeds![0]!.title).toBe(`Figures for “${both}”`);
  });

  it('ranks the sentences stating an amount asked by how much of the words they hold, as by words', () => {
    // "avg" is written by no sheet: it counts as the rare word it is, found by the "average" it stands for, however
    // many sheets write "average".
    const bills = Array.from({ length: 20 }, (_, i) => `Families in region ${i + 1} save an average of $${i + 50}.`);
    const caps = libraryOf({
      'caps.md': [
        'The plan raises costs for seniors by repealing the $2,000 drug cap.',
        'The $2,000 drug cap saves an average of over $1,300 per year.',
        'The region has 3,000 seniors.',
        ...bills,
      ].join('\n\n'),
    });
    const [first] = description('avg savings for seniors from the 2k drug cap', caps).split('\n\n');
    expect(first).toContain('saves an average');
  });

  it('lifts an amount above a count for "how much": the kind asked outweighs a closer wording', () => {
    const file = '2022-07-18-fact-sheet-us-government-women-peace-and-securityreport-to-congress.md';
    const report = createLibrary([
      parseDocument(readFileSync(`${ROOT}tests/fixtures/gold/docs/${file}`, 'utf8'), { file }),
    ]);
    const query = 'how much did the state department invest in women peace and security programs';
    expect(bolded(query, report).filter((text) => !/^\d+\.$/.test(text!))).toEqual([
      'approximately $110 million',
      'over $243 million',
      'four',
      '$5.5 million',
      '$3 million',
    ]);
  });

  it('doubts a first answer not of the kind asked: a count does not answer "how much"', () => {
    const port = libraryOf({ 'port.md': 'The port handled 40 ships last year.\n\nPort fees rose last year.\n' });
    const reply = ask('how much did the port handle last year', port);
    expect(reply.embeds![0]!.title).toBe('Closest figures to “how much did the port handle last year”');
    expect(bolded('how much did the port handle last year', port)).toEqual(['40']);
    expect(ask('how many ships did the port handle last year', port).embeds![0]!.title).toBe(
      'Figures for “how many ships did the port handle last year”',
    );
  });

  it('doubts a time for "how much … cost": money is asked, and "three weeks" is how long', () => {
    const file =
      '2022-03-15-fact-sheet-consequences-of-lack-of-funding-for-efforts-to-combat-covid-19-if-congress-does-not-act.md';
    const sheet = createLibrary([
      parseDocument(readFileSync(`${ROOT}tests/fixtures/gold/docs/${file}`, 'utf8'), { file }),
    ]);
    const cost = 'how much does the uninsured program cost';
    expect(ask(cost, sheet).embeds![0]!.title).toBe(`Closest figures to “${cost}”`);
    expect(bolded(cost, sheet).filter((text) => !/^\d+\.$/.test(text!))[0]).toBe('Three');
    const funding = 'how much emergency funding is needed';
    expect(ask(funding, sheet).embeds![0]!.title).toBe(`Figures for “${funding}”`);
    expect(bolded(funding, sheet).filter((text) => !/^\d+\.$/.test(text!))[0]).toBe('$22.5 billion');
  });

  it('reads "how many years" as a length of time asked: the years first, not a count of leaders', () => {
    const ties = libraryOf({
      'ties.md': [
        'The two leaders marked 75 years of diplomatic relations between the two countries.\n',
        'The two leaders opened 3 new consulates for diplomatic relations.\n',
      ].join('\n'),
    });
    const query = 'how many years of diplomatic relations between the leaders';
    expect(ask(query, ties).embeds![0]!.title).toBe(`Figures for “${query}”`);
    expect(bolded(query, ties).filter((text) => !/^\d+\.$/.test(text!))).toEqual(['75', 'two']);
  });

  it('answers "how long" and "what share of" without the sheet writing "long" or "share"', () => {
    const permits = libraryOf({
      'permits.md': [
        'Reviews of new permits for the solar projects take 14 months on average.\n',
        'About 40% of solar projects on public lands are in Nevada.\n',
        'The bureau hired 120 permit reviewers for solar projects.\n',
      ].join('\n'),
    });
    const long = 'how long did solar permit reviews take';
    expect(ask(long, permits).embeds![0]!.title).toBe(`Figures for “${long}”`);
    const figures = (query: string) => bolded(query, permits).filter((text) => !/^\d+\.$/.test(text!));
    expect(figures(long)).toEqual(['14', '120', 'About 40%']);
    const share = 'what share of solar projects on public lands are in nevada';
    expect(ask(share, permits).embeds![0]!.title).toBe(`Figures for “${share}”`);
    expect(figures(share)).toEqual(['About 40%']);
  });

  it('reads "amount" as money or a measure asked, and "number of" as a count, not as words the sheet must write', () => {
    const visas = libraryOf({
      'visas.md': [
        'Employers filed 85,000 visa petitions last year.\n',
        'Each visa petition now requires a $100,000 fee from the employer.\n',
        'Visa fees rose at 3 consulates.\n',
      ].join('\n'),
    });
    const figures = (query: string) => bolded(query, visas).filter((text) => !/^\d+\.$/.test(text!));
    expect(ask('visa fee amount', visas).embeds![0]!.title).toBe('Figures for “visa fee amount”');
    expect(figures('visa fee amount')[0]).toBe('$100,000');
    expect(ask('number of visa petitions', visas).embeds![0]!.title).toBe('Figures for “number of visa petitions”');
    expect(figures('number of visa petitions')[0]).toBe('85,000');
  });

  it('reads "how many miles" as a measure in miles asked: the miles of wall answer it confidently', () => {
    const query = 'how many miles of wall';
    expect(ask(query, seed).embeds![0]!.title).toBe(`Figures for “${query}”`);
    expect(bolded(query, seed)).toEqual(['more than 100']);
  });

  it('finds figures by unit word: "percent", "%", "dollars"', () => {
    expect(bolded('percent', seed)).toEqual(['75%']);
    expect(bolded('%', seed)).toEqual(['75%']);
    expect(bolded('dollars').length).toBeGreaterThan(3);
  });

  it('lists a sentence once, with every answering figure in bold', () => {
    const text = description('ethanol tariff');
    expect(text.match(/ethanol/g)).toHaveLength(1);
    // The confident answer first, then the closest figure filling the page.
    expect(bolded('ethanol tariff')).toEqual(['1.', '18%', '30%', '2.5%', '2.', '145%']);
  });

  it('shows a figure inside a link as plain text', () => {
    const text = description('Americans trade abroad');
    expect(text).toContain('Nearly **1 in 4** Americans');
    // The quote itself; the line under it links to the source on purpose.
    const quoted = text.split('\n').filter((line) => line.startsWith('> '));
    expect(quoted.join('\n')).not.toContain('](');
  });

  it('keeps the seed’s answers, and shows both apprehension figures', () => {
    expect(bolded('homicides', seed)[0]).toBe('nearly 2,000');
    expect(bolded('apprehensions', seed)).toEqual(expect.arrayContaining(['75%', '8']));
    expect(bolded('crimes', seed)).toEqual(expect.arrayContaining(['nearly 2,000', 'more than 5,000']));
    expect(description('assaults', seed).match(/sexual assaults/g)).toHaveLength(1);
  });

  it('names the document and its date when several are served', () => {
    expect(description('aircraft')).toContain('Fact Sheet: Qatar Airways Orders American Aircraft · 2025-05-14');
  });

  it('autocompletes without repeating a label, naming the document', () => {
    const names = stat.autocomplete(library, { name: 'query', value: 'tar' }, {}).choices!.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.includes(' · Fact Sheet'))).toBe(true);
  });

  it('pages with Previous and Next; only the asker may press them', () => {
    const huge = libraryOf({ 'huge.txt': hugeDocument() });
    const reply = ask('homicides', huge);
    const [row] = reply.components as Array<{ components: Array<{ label: string; custom_id: string }> }>;
    const customId = row!.components.find((b) => b.label === 'Next')!.custom_id;
    expect(customId.length).toBeLessThanOrEqual(100);
    const page = stat.component!(huge, customId, pressContext());
    expect(page.type).toBe(InteractionResponseType.UpdateMessage);
    expect(JSON.stringify(page)).toContain('Page 2 of');
    const other = stat.component!(huge, customId, pressContext({ userId: 'someone' }));
    expect(JSON.stringify(other)).toContain('Not your lookup');
    // Expiry comes from the message's id: made longer ago than the timeout, the press is refused privately.
    const now = Date.now();
    const madeAgo = (ms: number) => pressContext({ now: () => now, message: { id: snowflakeAt(now - ms) } });
    expect(stat.component!(huge, customId, madeAgo(4 * 60_000)).type).toBe(InteractionResponseType.UpdateMessage);
    expect(stat.component!(huge, customId, madeAgo(6 * 60_000))).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This lookup has expired' }] },
    });
  });
});

describe('/stat quotes never lose their figure', () => {
  it('shows a long sentence as a verbatim window around the figure asked for, "…" where cut', () => {
    const clauses = Array.from({ length: 40 }, (_, i) => `the ${i + 1}th clause of the compact covers harbour dues`);
    const sentence = `Under the compact, ${clauses.join(', ')}, and the new shipyard will employ 4,321 welders.`;
    const long = libraryOf({ 'compact.md': `# The compact\n\n## Shipyard\n\n${sentence}\n` });
    const quote = description('how many welders at the shipyard', long).split('\n')[0]!;
    expect(quote.startsWith('> …')).toBe(true);
    expect(quote.endsWith('and the new shipyard will employ **4,321** welders.')).toBe(true);
    expect(sentence.length).toBeGreaterThan(1_500);
  });

  it('shows a window cut inside a link as the words of the link, with no stray bracket', () => {
    const words = Array.from({ length: 60 }, (_, i) => `harbour${i + 1}`).join(' ');
    const shown = (linkText: string) => {
      const sentence = `Under the compact, the new shipyard has [${linkText}](https://example.gov/shipyard) to work.`;
      const long = libraryOf({ 'compact.md': `# The compact\n\n## Shipyard\n\n${sentence}\n` });
      return description('how many welders at the shipyard', long).split('\n')[0]!;
    };
    const cutAfter = shown(`put 4,321 welders and ${words}`);
    expect(cutAfter).toMatch(/^> Under the compact, the new shipyard has put \*\*4,321\*\* welders and harbour1 .*…$/);
    const cutBefore = shown(`${words} and 4,321 welders`);
    expect(cutBefore).toMatch(/^> …harbour\d+ .* and \*\*4,321\*\* welders to work\.$/);
    expect(cutAfter + cutBefore).not.toMatch(/[[\]()]/);
  });

  it('shows near-identical sentences (same figures, nearly the same words) as one hit, "also in" the other', () => {
    const near = nearSameLibrary();
    const text = description('how many economists back the plan', near);
    expect(text.split('\n').filter((line) => line.startsWith('> '))).toEqual([
      '> The plan is backed by **12** leading economists across the country.',
      '> The plan is backed by **17** leading economists across the country.',
    ]);
    expect(text).toContain('also in 1 more document (2025-03-03 to 2025-04-03)');
  });
});
