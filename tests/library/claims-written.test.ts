// /check on claims as people write them, against small fact sheets made for each case: equal figures written
// differently (units converted, scales, multiples), rates compared with their period, chat framing, verbs of
// change, the subject named in the sentence before, and what a figure counts decided by whose it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLD } from '../../eval/gold/check.js';
import { loadGold } from '../../eval/gold/load.js';
import { checkClaim, type ClaimCheck } from '../../src/library/claims.js';
import { libraryOf, seedLibrary } from '../support/library.js';

const verdicts = (check: ClaimCheck) => check.figures.map((f) => f.verdict);
const bolded = (check: ClaimCheck, i = 0) =>
  check.figures[i]!.evidence.flatMap((e) => e.bold.map((b) => b.figure.text));

/** A library of one gold document (tests/fixtures/gold/docs). */
const goldDocument = (file: string) => libraryOf({ [file]: readFileSync(join(GOLD, 'docs', file), 'utf8') });

const sheet = (statements: string[]) =>
  libraryOf({ 'sheet.txt': `FACT SHEET: Programs at a Glance\n\nTHE PROGRAMS\n\n${statements.join('\n\n')}\n` });

describe('equal written differently', () => {
  const library = sheet([
    'The agency built more than 100 miles of new bike lanes across the state.',
    'Community clinics charge patients $35 per month for the basic care plan.',
    'The Harbor Authority spends $500,000 annually on dredging the shipping channel.',
    'Solar panel exports from the region are expected to triple by 2030.',
    'Battery storage capacity grew 4 times over the program’s first years.',
    'The cleanup program has run for a decade in the river valley.',
  ]);

  it('converts kilometers and miles, and says so in the verdict', () => {
    const check = checkClaim(library.claims, 'The agency built more than 161 km of new bike lanes');
    expect(verdicts(check)).toEqual(['stated']);
    expect(check.figures[0]!.notes).toEqual(['161 kilometers is about 100 miles']);
    const other = checkClaim(library.claims, 'The agency built more than 100 km of new bike lanes');
    expect(verdicts(other)).toEqual(['different']);
    expect(other.figures[0]!.notes).toEqual(['100 kilometers is about 62.1 miles']);
  });

  it('compares a rate with its period: the same amount per another period is a different figure', () => {
    const week = checkClaim(library.claims, 'Community clinics charge patients $35 a week for the basic care plan');
    expect(verdicts(week)).toEqual(['different']);
    expect(bolded(week)).toEqual(['$35']);
    expect(week.figures[0]!.notes).toEqual(['The claim gives a figure per week; the statement, per month']);
    const month = checkClaim(library.claims, 'Community clinics charge patients $35 a month for the basic care plan');
    expect(verdicts(month)).toEqual(['stated']);
    const monthly = checkClaim(
      library.claims,
      'The Harbor Authority spends $500,000 per month on dredging the channel',
    );
    expect(verdicts(monthly)).toEqual(['different']);
    expect(bolded(monthly)).toEqual(['$500,000']);
    expect(
      verdicts(checkClaim(library.claims, 'The Harbor Authority spends $500,000 a year dredging the channel')),
    ).toEqual(['stated']);
  });

  it('reads a rate’s period written short: "/week", "weekly", "/mo", "per annum", "/yr"', () => {
    for (const claim of [
      'Community clinics charge patients $35/week for the basic care plan',
      'Community clinics charge patients $35 weekly for the basic care plan',
    ]) {
      const check = checkClaim(library.claims, claim);
      expect(verdicts(check), claim).toEqual(['different']);
      expect(check.figures[0]!.notes, claim).toEqual(['The claim gives a figure per week; the statement, per month']);
    }
    for (const claim of [
      'Community clinics charge patients $35/mo for the basic care plan',
      'Community clinics charge patients $35 monthly for the basic care plan',
    ])
      expect(verdicts(checkClaim(library.claims, claim)), claim).toEqual(['stated']);
    const monthly = checkClaim(library.claims, 'The Harbor Authority spends $500,000/month on dredging the channel');
    expect(verdicts(monthly)).toEqual(['different']);
    expect(monthly.figures[0]!.notes).toEqual(['The claim gives a figure per month; the statement, per year']);
    for (const claim of [
      'The Harbor Authority spends $500,000 per annum on dredging the channel',
      'The Harbor Authority spends $500,000/yr on dredging the channel',
    ])
      expect(verdicts(checkClaim(library.claims, claim)), claim).toEqual(['stated']);
  });

  it('never calls a rate stated against a total for a longer span, or for no period at all', () => {
    const seed = seedLibrary();
    const week = checkClaim(seed.claims, 'ICE arrested 120,000 criminals a week');
    expect(verdicts(week)).toEqual(['different']);
    expect(week.figures[0]!.notes).toEqual([
      'The claim gives a figure per week; the statement gives it for “Last year”',
    ]);
    expect(verdicts(checkClaim(seed.claims, 'ICE arrested 120,000 criminal aliens a year'))).toEqual(['stated']);
    const none = checkClaim(library.claims, 'The agency builds 100 miles of new bike lanes every month');
    expect(verdicts(none)).toEqual(['different']);
    expect(none.figures[0]!.notes).toEqual(['The claim gives a figure per month; the statement gives no period']);
  });

  it('reads multiples in any written form: triple, threefold, 3x; fourfold', () => {
    for (const claim of [
      'Solar panel exports from the region will triple by 2030',
      'Solar panel exports from the region are set to grow threefold by 2030',
      'Solar panel exports from the region will grow 3x by 2030',
    ])
      expect(verdicts(checkClaim(library.claims, claim)), claim).toEqual(['stated']);
    expect(verdicts(checkClaim(library.claims, 'Solar panel exports from the region will double by 2030'))).toEqual([
      'different',
    ]);
    expect(verdicts(checkClaim(library.claims, 'Battery storage capacity grew fourfold'))).toEqual(['stated']);
    expect(verdicts(checkClaim(library.claims, 'Battery storage capacity grew 4x'))).toEqual(['stated']);
  });

  it('reads a rounded amount, a fraction in words and a scale glued to its number as the figure they write', () => {
    const written = sheet([
      'The goods trade deficit with Freedonia was $295.4 billion in 2024.',
      'Inflation has fallen by two-thirds over the last year.',
      'The navy agreed to purchase $1.2 billion in unmanned underwater vehicles.',
    ]);
    const check = (claim: string) => verdicts(checkClaim(written.claims, claim));
    expect(check('The goods trade deficit with Freedonia was about $295 billion in 2024')).toEqual(['stated']);
    expect(check('The goods trade deficit with Freedonia was roughly $300 billion in 2024')).toEqual(['stated']);
    expect(check('The goods trade deficit with Freedonia was about $305 billion in 2024')).toEqual(['different']);
    expect(check('The goods trade deficit with Freedonia was $295 billion in 2024')).toEqual(['different']);
    expect(check('Inflation has fallen by two thirds over the last year')).toEqual(['stated']);
    expect(check('Inflation has fallen by three quarters over the last year')).toEqual(['different']);
    expect(check('The navy is buying $1.2bn of unmanned underwater vehicles')).toEqual(['stated']);
    expect(check('The navy is buying $2.1bn of unmanned underwater vehicles')).toEqual(['different']);
  });

  it('takes a decade for 10 years', () => {
    expect(verdicts(checkClaim(library.claims, 'The river valley cleanup program has run for 10 years'))).toEqual([
      'stated',
    ]);
    expect(verdicts(checkClaim(library.claims, 'The river valley cleanup program has run for 120 months'))).toEqual([
      'stated',
    ]);
  });
});

describe('claims as people write them', () => {
  const seed = seedLibrary();

  it('reads a chat message’s claim the same as the plain claim: framing, emoji, mentions and quotes aside', () => {
    for (const claim of [
      'Did you know ICE arrested more than 120,000 criminal aliens last year?',
      'BREAKING: ICE arrested more than 120,000 criminal aliens last year!!',
      'So apparently ICE arrested more than 120,000 criminal aliens last year lol',
      '<@123456789012345678> ICE arrested more than 120,000 criminal aliens last year 😮🔥',
      'My uncle keeps saying "ICE arrested more than 120,000 criminal aliens last year"',
      'Heard that ICE arrested more than 120,000 criminal aliens last year',
      'According to the White House, ICE arrested more than 120,000 criminal aliens last year',
      'Per the White House, ICE arrested more than 120,000 criminal aliens last year',
      'per DHS: ICE arrested more than 120,000 criminal aliens last year',
      'ICE arrested more than 120,000 criminal aliens last year, according to the White House',
      'Someone said ICE arrested more than 120,000 criminal aliens last year??',
      'my cousin says that ICE arrested more than 120,000 criminal aliens last year',
    ]) {
      const check = checkClaim(seed.claims, claim);
      expect(verdicts(check), claim).toEqual(['stated']);
      expect(bolded(check), claim).toEqual(['more than 120,000']);
      expect(check.figures[0]!.text, claim).toBe('more than 120,000');
    }
    for (const claim of [
      'BREAKING: ICE arrested 200,000 criminal aliens last year!!',
      'Someone said ICE arrested 200,000 criminal aliens last year',
    ])
      expect(verdicts(checkClaim(seed.claims, claim)), claim).toEqual(['different']);
    const rural = goldDocument(
      '2021-07-08-fact-sheet-bipartisan-infrastructure-framework-creates-economic-opportunities-for-rural-america.md',
    );
    for (const claim of [
      'So apparently the bipartisan infrastructure framework invests $65 billion in broadband lol',
      'the bipartisan infrastructure framework invests $65 billion in broadband',
    ])
      expect(verdicts(checkClaim(rural.claims, claim)), claim).toEqual(['stated']);
  });

  it('takes an equal figure as the anchor of a claim in other words, and never calls another figure "different" on it', () => {
    const reworded = sheet([
      'Goods transshipped to evade the 35% tariff will be subject, instead, to a transshipment tariff of 40%.',
    ]);
    const check = (claim: string) => checkClaim(reworded.claims, claim).figures[0]!;
    const equal = check('Goods shipped elsewhere to evade it now face a steep 40 percent transshipment tariff');
    expect(equal.verdict).toBe('stated');
    expect(equal.evidence.map((e) => e.bold.map((b) => b.figure.text))).toEqual([['40%']]);
    const other = check('Goods shipped elsewhere to evade it now face a steep 45 percent transshipment tariff');
    expect(other.verdict).toBe('not-found');
  });

  it('reads what a figure counts past "worth of" and past the words of its unit', () => {
    const counted = sheet([
      'The rule covers $200 billion of federally funded construction projects.',
      'The new plant in Western Australia will refine 100 tons of gallium for export.',
    ]);
    const check = (claim: string) => verdicts(checkClaim(counted.claims, claim));
    expect(check('The rule applies to $200 billion worth of federally funded construction projects')).toEqual([
      'stated',
    ]);
    expect(check('The new plant in Western Australia will refine 100 metric tons of gallium')).toEqual(['stated']);
  });

  it('matches verbs of change with their kin, the direction kept', () => {
    // The seed: "Border apprehensions at the southern border have dropped by 75% since May of last year".
    for (const claim of [
      'Border apprehensions declined 75 percent since May of last year',
      'Border apprehensions fell 75% since May of last year',
      'Border apprehensions are down 75% since May of last year',
      'Border apprehensions are down 75 pct since May of last year',
    ])
      expect(verdicts(checkClaim(seed.claims, claim)), claim).toEqual(['stated']);
    expect(verdicts(checkClaim(seed.claims, 'Border apprehensions rose 75% since May of last year'))).toEqual([
      'different',
    ]);
  });

  it('says when the claim’s time frame is not the statement’s', () => {
    const library = sheet(['Shares of the exchange are down 69% from the all-time high.']);
    const check = checkClaim(library.claims, 'Shares of the exchange fell 69% in the first month');
    expect(verdicts(check)).toEqual(['stated']);
    expect(check.figures[0]!.notes).toEqual([
      'The claim says “in the first month”; the statement gives no such time frame',
    ]);
  });
});

describe('the same thing, decided on structure', () => {
  const library = sheet([
    'In 2023, Indonesia’s average tariff on U.S. goods was 8% while the U.S. average applied tariff was 3.3%.',
    'The program will bring billions of dollars to rural towns, including $1.2 billion for rural water systems.',
  ]);

  it('compares the figure of the clause that speaks of the claim’s thing', () => {
    const check = checkClaim(library.claims, 'The U.S. average applied tariff was 3.3%');
    expect(verdicts(check)).toEqual(['stated']);
    expect(bolded(check)).toEqual(['3.3%']);
  });

  it('gives "not found", never "stated", for the same figure the other way round or of another party', () => {
    const reversed = checkClaim(library.claims, 'The U.S. average tariff on Indonesia’s goods was 8%');
    expect(verdicts(reversed)).toEqual(['not-found']);
    const another = checkClaim(library.claims, 'Mexico’s average tariff on U.S. goods was 8%');
    expect(verdicts(another)).toEqual(['not-found']);
    const same = checkClaim(library.claims, 'Indonesia’s average tariff on U.S. goods was 8% in 2023');
    expect(verdicts(same)).toEqual(['stated']);
  });

  it('finds each figure of a statement quoted back whole, though another sentence gives its parties another', () => {
    const tariffs = sheet([
      'In 2023, Indonesia’s average tariff on U.S. goods was 8% while the U.S. average applied tariff was 3.3%.',
      'Under the new agreement, the U.S. average applied tariff on Indonesian goods will rise to 19%.',
    ]);
    const quoted = checkClaim(
      tariffs.claims,
      'In 2023, Indonesia’s average tariff on U.S. goods was 8% while the U.S. average applied tariff was 3.3%',
    );
    expect(verdicts(quoted)).toEqual(['stated', 'stated']);
    expect([bolded(quoted, 0), bolded(quoted, 1)]).toEqual([['8%'], ['3.3%']]);
    expect(quoted.figures.map((f) => f.notes)).toEqual([[], []]);
  });

  it('reads a country and its people as one party, the direction kept: "Canada" and "Canadian"', () => {
    const trade = sheet(['The United States will impose a 25% tariff on steel imports from Canada.']);
    const same = checkClaim(trade.claims, 'The United States will impose a 25% tariff on Canadian steel imports');
    expect(verdicts(same)).toEqual(['stated']);
    for (const claim of [
      'Canada will impose a 25% tariff on steel imports from the United States',
      'Canadian tariffs on American steel imports will be 25%',
      'The United States will impose a 25% tariff on Mexican steel imports',
    ])
      expect(verdicts(checkClaim(trade.claims, claim)), claim).toEqual(['not-found']);
  });

  it('gives "different" only for what the claim’s figure is on: a tariff on dairy is no figure for one on steel', () => {
    const dairy = sheet([
      'Canada’s retaliatory tariffs include a 10% tariff on U.S. dairy products.',
      'Farm exports to Europe grew last year.',
    ]);
    const steel = checkClaim(dairy.claims, 'Canada’s 25% tariff on U.S. steel');
    expect(verdicts(steel)).toEqual(['not-found']);
    const other = checkClaim(dairy.claims, 'Canada’s 25% tariff on U.S. dairy products');
    expect(verdicts(other)).toEqual(['different']);
    expect(bolded(other)).toEqual(['10%']);
  });

  it('gives another programme’s budget "not found", never "different"', () => {
    const budgets = sheet([
      'The Clean Water Program has an annual budget of $3 billion for local utilities.',
      'The Safe Streets Program received $400 million this year for crossing guards.',
    ]);
    for (const claim of [
      'The Rural Broadband Program has an annual budget of $3 billion',
      'The Rural Broadband Program has an annual budget of $5 billion',
    ])
      expect(verdicts(checkClaim(budgets.claims, claim)), claim).toEqual(['not-found']);
    const own = checkClaim(budgets.claims, 'The Clean Water Program has an annual budget of $5 billion');
    expect(verdicts(own)).toEqual(['different']);
    expect(bolded(own)).toEqual(['$3 billion']);
  });

  it('never compares a vague figure when the statement gives an exact one, however the exact one is written', () => {
    const check = checkClaim(library.claims, 'The program brings $1.2 billion for rural water systems');
    expect(verdicts(check)).toEqual(['stated']);
    const short = checkClaim(library.claims, 'The program brings $1.2 bn for rural water systems');
    expect(verdicts(short)).toEqual(['stated']);
    expect(short.figures[0]!.text).toBe('$1.2 bn');
    const other = checkClaim(library.claims, 'The program brings $2 billion to rural towns for rural water systems');
    expect(verdicts(other)).toEqual(['different']);
    expect(bolded(other)).toEqual(['$1.2 billion']);
  });

  it('reaches a subject named in the list’s lead-in, and a party by its acronym, plural too', () => {
    const harbor = libraryOf({
      'harbor.txt': [
        'FACT SHEET: Harbor Works',
        'THE PLAN',
        'The following actions will be carried out under the new Clean Harbor Plan.',
        '- The port authority will hire 40 inspectors for the docks.\n- The port authority will replace 12 cranes.',
        'PARKS',
        'Greenfield County received a state grant last spring.',
        'The state will plant 5,000 trees along the highway.',
        'The Environmental Protection Agency will test water at 30 beaches.',
        'Electric vehicles save drivers $950 a year on fuel.',
      ].join('\n\n'),
    });
    const lead = checkClaim(harbor.claims, 'Under the Clean Harbor Plan, the port authority will hire 40 inspectors');
    expect(verdicts(lead)).toEqual(['stated']);
    expect(verdicts(checkClaim(harbor.claims, 'The EPA will test water at 30 beaches'))).toEqual(['stated']);
    expect(verdicts(checkClaim(harbor.claims, 'EVs save drivers $950 a year on fuel'))).toEqual(['stated']);
  });

  it('asks the statement, not just its document, to name whose figure it is', () => {
    const deals = libraryOf({
      'deals.txt': [
        'FACT SHEET: Trade Deals',
        'THE ZERO HUNGER PLAN',
        'Japan will buy $8 billion of U.S. farm goods.',
        'OTHER PARTNERS',
        'The EU has accepted a 15% tariff on its exports to the United States.',
        'Last year, roughly half of U.S. LNG exports went to Europe.',
        'The U.S. goods trade deficit with China was $295.4 billion in 2024.',
      ].join('\n\n'),
    });
    for (const claim of [
      'Japan has accepted a 15% tariff on its exports to the United States',
      'Roughly half of Europe’s LNG exports went to the United States last year',
    ])
      expect(verdicts(checkClaim(deals.claims, claim)), claim).toEqual(['not-found']);
    for (const claim of [
      'The EU has accepted a 15% tariff on its exports to America',
      'Roughly half of U.S. LNG exports went to Europe last year',
      'America’s goods trade deficit with China was $295.4 billion in 2024',
      'Under the Zero Hunger Plan, Japan will buy $8 billion of U.S. farm goods',
    ])
      expect(verdicts(checkClaim(deals.claims, claim)), claim).toEqual(['stated']);
  });

  it('takes a month or a day for a time, never for a party', () => {
    const dated = sheet([
      'Since February, Australia has contributed $1 billion to the U.S. Government for the submarine base.',
      'On Monday, the agency opened 12 new offices across the state.',
    ]);
    const check = (claim: string) => verdicts(checkClaim(dated.claims, claim));
    expect(check('Australia has paid the US $1 billion for the submarine base since February')).toEqual(['stated']);
    expect(check('The agency opened 12 new offices across the state on Monday')).toEqual(['stated']);
  });

  it('takes "annually" for "per year": the period is compared with the rate, not as what is counted', () => {
    const reworded = sheet(['The program will add around 2 million jobs per year over the decade.']);
    const annually = checkClaim(reworded.claims, 'The program will add around 2 million jobs annually over the decade');
    expect(verdicts(annually)).toEqual(['stated']);
    expect(bolded(annually)).toEqual(['around 2 million']);
  });
});

describe('a subject named in the sentence before', () => {
  // Two sheets, so that "agreement", "support", "jobs" and "served" are common words, as in the corpus.
  const library = libraryOf({
    'partners.txt': [
      'FACT SHEET: President Smith Delivers for American Workers',
      'A STRONGER PARTNERSHIP',
      'Today, the United States and Chile signed the Critical Minerals Supply Agreement in Santiago.',
      'This agreement will support more than 12,000 jobs in mining and refining.',
      'NOMINATIONS',
      'The President nominated Robert Hale to lead the Federal Maritime Commission.',
      'He has served in the Navy for 20 years, most recently as a fleet commander.',
    ].join('\n\n'),
    'investments.txt': [
      'FACT SHEET: New Investments Across the Country',
      'JOBS',
      'The Clean Ports Agreement will support 4,000 jobs in coastal towns.',
      'The Rail Yards Agreement will support 2,500 jobs over the next five years.',
      'She has served in the Army for 12 years.',
      'Maria Lopez has served in the Senate for 8 years.',
    ].join('\n\n'),
  });

  it('reaches "This agreement …" from a claim that names the agreement', () => {
    const same = checkClaim(library.claims, 'The Critical Minerals Supply Agreement will support 12,000 jobs');
    expect(verdicts(same)).toEqual(['stated']);
    expect(bolded(same)).toEqual(['more than 12,000']);
    const other = checkClaim(library.claims, 'The Critical Minerals Supply Agreement will support 30,000 jobs');
    expect(verdicts(other)).toEqual(['different']);
    expect(bolded(other)).toEqual(['more than 12,000']);
  });

  it('finds what a figure counts in the sentence referred to: "… medical debt. That is why we cancelled $7 billion"', () => {
    const relief = libraryOf({
      'relief.txt': [
        'FACT SHEET: Relief for Families',
        'DEBT RELIEF',
        '“Far too many families are struggling with medical debt. That is why we have cancelled nearly $7 billion for almost two million Americans,” said the Secretary.',
        'The program has also cancelled $2 billion for veterans.',
      ].join('\n\n'),
    });
    const same = checkClaim(relief.claims, 'The administration has cancelled nearly $7 billion in medical debt');
    expect(verdicts(same)).toEqual(['stated']);
    expect(bolded(same)).toEqual(['nearly $7 billion']);
    const other = checkClaim(relief.claims, 'The administration has cancelled $9 billion in medical debt');
    expect(verdicts(other)).toEqual(['different']);
    expect(bolded(other)).toEqual(['nearly $7 billion']);
  });

  it('reaches "He has served …" from a claim that names him, and no one else’s years', () => {
    const same = checkClaim(library.claims, 'Robert Hale has served in the Navy for 20 years');
    expect(verdicts(same)).toEqual(['stated']);
    expect(bolded(same)).toEqual(['20']);
    expect(verdicts(checkClaim(library.claims, 'Robert Hale has served in the Navy for two decades'))).toEqual([
      'stated',
    ]);
    expect(verdicts(checkClaim(library.claims, 'Robert Hale has served in the Navy for 30 years'))).toEqual([
      'different',
    ]);
    expect(verdicts(checkClaim(library.claims, 'Robert Hale has served in the Army for 12 years'))).toEqual([
      'not-found',
    ]);
  });
});

describe('what a figure counts, seen from the statement’s side', () => {
  const library = sheet([
    'The new rule sets the prevailing wage at the wage paid to at least 30% of workers in the region.',
    'Three rescue teams with 12 dogs searched the collapsed buildings.',
  ]);
  const check = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('states a figure whose statement counts what the claim names, the claim’s other words aside', () => {
    const earn = checkClaim(
      library.claims,
      'Under the new rule the prevailing wage is what at least 30 percent of workers earn',
    );
    expect(verdicts(earn)).toEqual(['stated']);
    expect(bolded(earn)).toEqual(['at least 30%']);
  });

  it('gives no "different" on that side alone, and nothing for an equal number counting something else', () => {
    expect(check('Under the new rule the prevailing wage is what at least 40 percent of workers earn')).toEqual([
      'not-found',
    ]);
    expect(check('Three rescue teams flew 12 helicopters over the collapsed buildings')).toEqual([
      'stated',
      'not-found',
    ]);
  });
});

describe('another figure only for the thing the claim counts', () => {
  // Two sheets, so that "jobs" is a common word and "child care" makes most of the claim's words.
  const library = libraryOf({
    'care.txt': [
      'FACT SHEET: Child Care Stabilization',
      'RESULTS',
      'The Child Care Stabilization program delivered support to over 225,000 child care programs across the country.',
      'About 30,000 child care programs in rural counties received aid.',
    ].join('\n\n'),
    'jobs.txt': [
      'FACT SHEET: Jobs Report',
      'JOBS',
      'The economy added 250,000 jobs in May.',
      'Factories created 40,000 jobs this spring.',
      'Jobs in clean energy grew by 12% last year.',
    ].join('\n\n'),
  });
  const check = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('gives "not found" when the statement does not name the head of what is counted ("jobs" for "programs")', () => {
    expect(check('The Child Care Stabilization program created 50,000 child care jobs')).toEqual(['not-found']);
    expect(check('The Child Care Stabilization program supported 300,000 child care programs')).toEqual(['different']);
  });
});

describe('a subject named by the title the sheet gives it', () => {
  const library = libraryOf({
    'budget.txt': [
      'FACT SHEET: A Budget for Clean Rivers',
      'President Alvarez and Secretary Okafor released the river plan today.',
      'RIVERS',
      'The President’s Budget extends the river cleanup fund by at least 15 years.',
      'The Secretary’s office will inspect 300 dams.',
    ].join('\n\n'),
    'other.txt': ['FACT SHEET: Other Work', 'WORK', 'The fund will pay for 40 new boats on the lakes.'].join('\n\n'),
  });
  const check = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('reaches "The President’s Budget" from a claim that names the President the sheet names', () => {
    expect(check('Alvarez’s budget extends the river cleanup fund by at least 15 years')).toEqual(['stated']);
    expect(check('Alvarez’s budget extends the river cleanup fund by 30 years')).toEqual(['different']);
    expect(check('Okafor’s office will inspect 300 dams')).toEqual(['stated']);
  });

  it('does not give one person’s statement to another, nor to a name the sheet never writes', () => {
    expect(check('Okafor’s budget extends the river cleanup fund by at least 15 years')).toEqual(['not-found']);
    expect(check('Alvarez’s office will inspect 300 dams')).toEqual(['not-found']);
    expect(check('Moreno’s budget extends the river cleanup fund by at least 15 years')).toEqual(['not-found']);
  });
});

describe('"stated" earned on the statement that speaks of the claim', () => {
  const tariffs = goldDocument(
    '2026-04-02-fact-sheet-president-donald-j-trump-strengthens-tariffs-on-steel-aluminum-and-copper-imports.md',
  );

  it('gives "different" when a statement of the same sheet holds clearly more of the claim and another figure', () => {
    const derivative = checkClaim(
      tariffs.claims,
      'Derivative articles made substantially of steel will pay a flat 50% on their full value',
    );
    expect(verdicts(derivative)).toEqual(['different']);
    expect(bolded(derivative)).toEqual(['25%']);
    const abroad = checkClaim(
      tariffs.claims,
      'Products made abroad entirely with American steel will face a 15% tariff',
    );
    expect(verdicts(abroad)).toEqual(['different']);
    expect(bolded(abroad)).toEqual(['10%']);
    const whole = checkClaim(
      tariffs.claims,
      'Articles made almost entirely of steel will pay a flat 50% on their full value',
    );
    expect(verdicts(whole)).toEqual(['stated']);
  });
});

describe('an equal figure as the anchor', () => {
  // The gold library: "… benefiting up to 10 million American households and 400,000 schools and child care
  // centers" (2021-07-08) is the only statement giving 400,000 beside any care.
  const library = loadGold('gold').library;

  it('never states a claim from an equal figure that counts another thing its sentence names in passing', () => {
    const check = checkClaim(library.claims, 'The EITC expansion will help 400,000 childcare workers');
    // Not "stated" by the schools' 400,000. Its "different" (a 2022 sheet's "more than 5000 universities", beside
    // "low-income workers" and the EITC) is a known miss: requiring the figures to count alike costs far more.
    expect(verdicts(check)).not.toContain('stated');
  });

  it('still states a claim whose equal figure counts what the claim’s does', () => {
    const check = checkClaim(library.claims, 'The plan benefits 400,000 schools and child care centers');
    expect(verdicts(check)).toEqual(['stated']);
  });
});

describe('the claim’s year', () => {
  const library = sheet([
    'In 2021, the maximum child care credit rose to $8,000 for a family with two children.',
    'Clinics served 12,000 patients in 2019 across the county.',
  ]);

  it('never states a figure the statement gives for another year, and says the years differ', () => {
    const credit = checkClaim(library.claims, 'The maximum child care credit was $8,000 in 2020');
    expect(verdicts(credit)).toEqual(['different']);
    expect(credit.figures[0]!.notes).toEqual(['Time frames differ: the claim says “in 2020”, the statement “In 2021”']);
    expect(verdicts(checkClaim(library.claims, 'Clinics served 12,000 patients across the county in 2020'))).toEqual([
      'different',
    ]);
  });

  it('states it for the statement’s year, or when the claim names none', () => {
    for (const claim of [
      'The maximum child care credit was $8,000 in 2021',
      'The maximum child care credit rose to $8,000',
      'Clinics served 12,000 patients across the county in 2019',
    ])
      expect(verdicts(checkClaim(library.claims, claim)), claim).toEqual(['stated']);
  });
});

describe('who does what to whom', () => {
  const tariffs = libraryOf({
    'tariffs.txt': [
      'FACT SHEET: Duties on Canada and Japan\n\nTHE ORDER\n',
      'Today, the President signed an order increasing the tariff on Canada from 25% to 35%.',
      'Goods transshipped to evade the 35% tariff will pay a tariff of 40% instead.',
      'Japan will invest $550 billion in the United States.',
      'The EU has agreed to accept a 15% tariff rate while charging American companies zero.\n',
    ].join('\n\n'),
  });
  const check = (claim: string) => verdicts(checkClaim(tariffs.claims, claim));

  it('gives "not found" for a party doing what the statements have done to it', () => {
    expect(check('Canada is hitting U.S. goods with a 35% tariff')).toEqual(['not-found']);
    expect(check('The U.S. is raising its tariff on Canada to 35%')).toEqual(['stated']);
  });

  it('asks a statement of what another party does to the U.S. to name that party', () => {
    expect(check('Japan is charging American cars a 15% tariff')).toEqual(['not-found']);
    expect(check('The EU will accept a 15% tariff rate')).toEqual(['stated']);
  });

  it('takes a name in a time phrase for a time, never for a party: "since Trump’s first term"', () => {
    const spending = sheet(['Since 2017, NATO allies have spent an additional $1.21 trillion on defense.']);
    const since = (claim: string) => verdicts(checkClaim(spending.claims, claim));
    expect(
      since('NATO allies have spent an additional $1.21 trillion on defense since Trump’s first term began'),
    ).toEqual(['stated']);
    expect(
      since('NATO allies have spent an additional $1.21 billion on defense since Trump’s first term began'),
    ).toEqual(['different']);
  });
});

describe('an aside between dashes', () => {
  it('reads the words between two dashes as the figure’s own: "$2.1 billion for transportation – roads, bridges –"', () => {
    const roads = sheet([
      'Wisconsin received over $2.1 billion for better transportation – roads, bridges, and roadway safety – as well as about $150 million for better access to clean water.',
    ]);
    const check = checkClaim(roads.claims, 'Wisconsin got $2.1 billion for roads and bridges');
    expect(verdicts(check)).toEqual(['stated']);
    expect(bolded(check)).toEqual(['over $2.1 billion']);
    expect(verdicts(checkClaim(roads.claims, 'Wisconsin got $150 million for roads and bridges'))).toEqual([
      'different',
    ]);
  });
});

describe('what money is for', () => {
  const weather = sheet([
    'The National Oceanic and Atmospheric Administration (NOAA) is investing up to $7 million to improve our nation’s weather forecasts.',
    'The agency will also spend $40 million on new weather satellites over five years.',
  ]);
  const check = (claim: string) => verdicts(checkClaim(weather.claims, claim));

  it('gives "not found" for a sum no statement spends on what the claim says: "$7 million on new weather radars"', () => {
    expect(check('NOAA is spending $7 million on new weather radars')).toEqual(['not-found']);
  });

  it('still states the sum for what the statement spends it on, and calls another sum for it different', () => {
    expect(check('NOAA is putting up to $7 million into improving weather forecasts')).toEqual(['stated']);
    expect(check('NOAA is spending $7 million on new weather satellites')).toEqual(['different']);
  });
});

describe('a place written as its people or with its accents', () => {
  const relief = sheet([
    'Two USAID rescue teams of 159 members and 12 rescue dogs deployed to support Turkish search and rescue efforts.',
    'The United States shipped 170,000 pounds of supplies to Türkiye.',
  ]);
  const check = (claim: string) => verdicts(checkClaim(relief.claims, claim));

  it('takes "Turkey" for "Turkish", and a place’s people for no other place', () => {
    expect(check('USAID rescue teams with 159 members went to Turkey')).toEqual(['stated']);
    expect(check('USAID rescue teams deployed to Turkey had 200 members')).toEqual(['different']);
    expect(check('The U.S. shipped 170,000 pounds of supplies to Türkiye')).toEqual(['stated']);
    expect(check('USAID rescue teams with 159 members went to Greece')).toEqual(['not-found']);
  });
});

describe('a name after a preposition is no subject', () => {
  const library = sheet([
    'The report finds that 3.4 million people with Medicare would have saved $234 million in out-of-pocket costs in 2021.',
  ]);

  it('reads "people with Medicare would" and "people on Medicare would" as the same party, neither doing it', () => {
    const check = (claim: string) => verdicts(checkClaim(library.claims, claim));
    expect(check('People on Medicare would have saved $234 million in out-of-pocket costs in 2021')).toEqual([
      'stated',
    ]);
    expect(check('People on Medicare would have saved $243 million in out-of-pocket costs in 2021')).toEqual([
      'different',
    ]);
  });
});

describe('a rate’s period belongs to the figure it follows', () => {
  const library = sheet(['A family buying a home in Austin with a $500,000 mortgage will save $1,500 per year.']);

  it('keeps "a month" to $1,500, not to the mortgage before it', () => {
    const check = checkClaim(library.claims, 'A family in Austin with a $500,000 mortgage will save $1,500 a month');
    expect(verdicts(check)).toEqual(['stated', 'different']);
    expect(check.figures[0]!.notes).toEqual([]);
    expect(check.figures[1]!.notes).toEqual(['The claim gives a figure per month; the statement, per year']);
  });
});

describe('a noun clipped in a claim', () => {
  const library = sheet([
    'The law has delivered health care and benefits to more than 340,000 veterans and survivors.',
    'The agency counted 2,000 veterinarians at the state fair.',
  ]);

  it('takes "vets" for the veterans the equal figure counts, and no other thing for them', () => {
    const check = (claim: string) => verdicts(checkClaim(library.claims, claim));
    expect(check('More than 340,000 vets and survivors have gotten care and benefits under the law')).toEqual([
      'stated',
    ]);
    expect(check('More than 340,000 nurses and survivors have gotten care and benefits under the law')).toEqual([
      'not-found',
    ]);
  });
});

describe("an everyday noun for the sheet's", () => {
  const library = sheet([
    'The shipping line will move 45% more containers out of the harbor during the winter.',
    'About 2.5 million beneficiaries signed up for the new dental plan this year.',
    'The state estimated that 300,000 aliens hold expired work permits.',
    'Nearly 800,000 people with a transit pass rode the new line in its first month.',
  ]);

  it('takes boxes, enrollees, patients, immigrants and folks for what the sheet calls them', () => {
    const check = (claim: string) => verdicts(checkClaim(library.claims, claim));
    expect(check('The shipping line is moving 45% more boxes out of the harbor this winter')).toEqual(['stated']);
    expect(check('About 2.5 million enrollees signed up for the new dental plan')).toEqual(['stated']);
    expect(check('2.5 million patients signed up for the new dental plan this year')).toEqual(['stated']);
    expect(check('The state says 300,000 immigrants hold expired work permits')).toEqual(['stated']);
    expect(check('nearly 800k folks with a transit pass rode the new line in its first month')).toEqual(['stated']);
    expect(check('The shipping line is moving 45% more trucks out of the harbor this winter')).toEqual(['not-found']);
  });

  it('takes "auto" for the automotive thing a change is about', () => {
    const library = sheet(['Employment in automotive parts manufacturing fell by 120,000 jobs or 20% since 2010.']);
    expect(verdicts(checkClaim(library.claims, 'Auto parts jobs have fallen 30% since 2010'))).toEqual(['different']);
  });
});

describe('people, counted as the sheet names them', () => {
  const library = sheet([
    'The new battery plant near the lake will create 250 jobs.',
    'Volunteer rescue teams pulled more than 1,000 survivors from the rubble.',
    'The city trained 600 welders at the port.',
  ]);

  it('takes "people" for the jobs or survivors an equal figure counts, and keeps a word it is qualified by', () => {
    const check = (claim: string) => verdicts(checkClaim(library.claims, claim));
    expect(check('The new battery plant near the lake will hire 250 people')).toEqual(['stated']);
    expect(check('Volunteer rescue teams have pulled over 1,000 people out of the rubble')).toEqual(['stated']);
    expect(check('The city trained 600 young people at the port')).toEqual(['not-found']);
  });
});

describe('two names sharing a long start', () => {
  const library = sheet([
    'The Centers for Medicare and Medicaid Services released the report today.',
    'People with Medicare will save an average of $70 per year on recommended vaccines.',
    'Small business owners filed 130,000 new businesses in Wisconsin over the past two years.',
  ]);
  const check = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('tells Medicaid from Medicare: another programme’s figure is not found, never different', () => {
    expect(check('People with Medicaid will save an average of $70 per year on recommended vaccines')).toEqual([
      'not-found',
    ]);
    expect(check('People with Medicare will save an average of $90 per year on recommended vaccines')).toEqual([
      'different',
    ]);
  });

  it('still takes a place’s people for the place ("Wisconsinites")', () => {
    expect(check('Wisconsinites filed 130,000 new businesses')).toEqual(['stated']);
    expect(check('Wisconsinites filed 103,000 new businesses')).toEqual(['different']);
  });
});

describe('"different" earned: the same thing for the same party, named as specifically', () => {
  const library = libraryOf({
    'salmon.txt':
      'FACT SHEET: Restoring Salmon\n\nFUNDING\n\nThe President’s budget request this year includes $93 million for salmon recovery efforts through the Army Corps of Engineers.\n',
    'storm.txt':
      'FACT SHEET: Storm Response\n\nTHE RESPONSE\n\nMore than 450 members of the Puerto Rico National Guard are on active duty, conducting search and rescue operations.\n\nSUPPLIES\n\nShips of the Coast Guard delivered water to the island.\n',
    'wildfire.txt':
      'FACT SHEET: Wildfire Defense\n\nGRANTS\n\nThe funding comes from the U.S. Department of Agriculture’s Community Wildfire Defense Grant program – a $1 billion new initiative.\n',
    'energy.txt':
      'FACT SHEET: The Clean Energy Economy\n\nJOBS\n\nSince the law passed, companies have announced investments that created 330,000 new clean energy jobs across the country.\n',
  });
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('gives "not found" where the statement does not name each party of the claim, acronyms too', () => {
    expect(verdictOf('NASA’s budget this year is $25 billion')).toEqual(['not-found']);
    expect(verdictOf('The Coast Guard has 40,000 active duty members')).toEqual(['not-found']);
  });

  it('still gives "different" for an acronym the sheet spells out, and for the parties it names', () => {
    expect(verdictOf('USDA’s Community Wildfire Defense Grant program is a $10 billion initiative')).toEqual([
      'different',
    ]);
    expect(verdictOf('The Puerto Rico National Guard has 900 members on active duty')).toEqual(['different']);
  });

  it('gives "not found" for a vague claim against a figure counting something more specific', () => {
    expect(verdictOf('the program created 500 jobs')).toEqual(['not-found']);
    expect(verdictOf('companies created 500 new clean energy jobs')).toEqual(['different']);
  });
});

describe('a vague amount in the documents against an exact one claimed', () => {
  const library = sheet([
    'The Department of Labor has hired thousands of new wage inspectors since the rule took effect.',
    'The Department of Labor has trained 1,200 new mine inspectors since the rule took effect.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('never calls an exact figure "different" from a vague one: "5,000" may well be "thousands"', () => {
    expect(verdictOf('The Department of Labor has hired 5,000 new wage inspectors')).toEqual(['not-found']);
    expect(verdictOf('The Department of Labor has trained 900 new mine inspectors')).toEqual(['different']);
  });
});

describe('spelled figures, read as the documents are', () => {
  const library = sheet([
    'The President signed the Honoring our Promise to Address Comprehensive Toxics (PACT) Act, the most significant expansion of benefits for toxic exposed veterans in more than 30 years.',
  ]);

  it('reads "three decades" as 30 years, and a name in parentheses after a name as no one done to', () => {
    const check = (claim: string) => verdicts(checkClaim(library.claims, claim));
    expect(
      check('The PACT Act is the biggest expansion of benefits for toxic-exposed veterans in more than three decades'),
    ).toEqual(['stated']);
    expect(
      check('The PACT Act is the biggest expansion of benefits for toxic-exposed veterans in more than four decades'),
    ).toEqual(['different']);
  });
});

describe('a capital that only opens the claim', () => {
  // The sheet stating the wage never writes "real"; another sheet of the library writes it as a common word.
  const library = libraryOf({
    'wages.txt':
      'FACT SHEET: Wages\n\nWAGES\n\nSince last year, inflation-adjusted wages are up 2.4% for construction workers.\n\nFHA cut its annual mortgage insurance premium by 0.30 percentage points.\n',
    'costs.txt': 'FACT SHEET: Costs\n\nCOSTS\n\nThe real cost of child care fell for working families.\n',
  });
  const check = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('reads "Real wages …" as no party when the sheets write "real" as a common word', () => {
    expect(check('Real wages for construction workers are up 2.4% since last year')).toEqual(['stated']);
  });

  it('keeps a name the sheets never write as a party: "Fannie Mae" is not FHA', () => {
    expect(check('Fannie Mae cut its annual mortgage insurance premium by 0.30 percentage points')).toEqual([
      'not-found',
    ]);
  });
});

describe('a compound’s last part whose stem drops its e', () => {
  it('takes "wildfires" for the fires the equal figure counts', () => {
    const library = sheet(['In 2022, nearly 70,000 fires burned over 7.5 million acres across the country.']);
    expect(verdicts(checkClaim(library.claims, 'In 2022, almost 70,000 wildfires burned across the country'))).toEqual([
      'stated',
    ]);
  });
});

describe('a fiscal year is a time, not a party', () => {
  const library = sheet([
    'In FY 2023, the Forest Service awarded $444 million, and the Department of the Interior awarded over $1.4 billion of eligible contract dollars to Native-owned businesses.',
  ]);

  it('states a claim that writes the year "FY2023" after the parties the statement names after it', () => {
    for (const claim of [
      'Interior gave over $1.4 billion in contracts to Native-owned businesses in FY2023',
      'Interior gave over $1.4 billion in contracts to Native-owned businesses in Fiscal Year 2023',
    ])
      expect(verdicts(checkClaim(library.claims, claim))).toEqual(['stated']);
  });
});

describe('amounts rounded as chat writes them', () => {
  const library = sheet([
    'A lapse in authorization means an average of about $1.5 billion per month would not be collected by the agency.',
    'The state gave bonuses worth $3,429 per worker to home care aides in every county.',
  ]);

  it('reads "~" before an amount as "about"', () => {
    const check = checkClaim(library.claims, 'the agency cant collect ~$1.5B a month if authorization lapses 😬');
    expect(check.figures.map((f) => [f.text, f.verdict])).toEqual([['~$1.5B', 'stated']]);
    expect(
      verdicts(checkClaim(library.claims, 'the agency cant collect ~$2.5B a month if authorization lapses')),
    ).toEqual(['different']);
  });

  it('takes an amount written with a scale letter as rounded: "$3.4k" for $3,429, not "$3.3k"', () => {
    expect(verdicts(checkClaim(library.claims, 'the state gave home care aides a $3.4k bonus per worker'))).toEqual([
      'stated',
    ]);
    expect(verdicts(checkClaim(library.claims, 'the state gave home care aides a $3.3k bonus per worker'))).not.toEqual(
      ['stated'],
    );
  });
});

describe('a name after "by" in the statement', () => {
  const library = sheet([
    'The FHA’s insurance fund has reserves at a level that is more than five times the required threshold set by Congress.',
    'The 25% tariff on Mexican steel imposed by the United States took effect in March.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('is checked for its role, not for its place: "set by Congress" may stand after the claim’s party', () => {
    expect(verdictOf('FHA’s insurance fund reserves are more than five times what Congress requires')).toEqual([
      'stated',
    ]);
  });

  it('still does what the "by" says to whom: the tariff on Mexico by the U.S. is not Mexico’s on the U.S.', () => {
    expect(verdictOf('The U.S. tariff on Mexican steel is 25%')).toEqual(['stated']);
    expect(verdictOf('Mexico charges a 25% tariff on steel from the U.S.')).not.toEqual(['stated']);
  });
});

describe('a figure inside a link, and an agency named by its short form', () => {
  const library = libraryOf({
    'hatcheries.md': [
      '# FACT SHEET: Restoring Wild Fish',
      '## Funding',
      'Last week the Department of the Interior (DOI) announced $8 million over two years for river restoration.',
      'Today, DOI is also [announcing $3.6 million](https://www.example.gov/news/agenda-invests-10-million-in-tribal-fish-hatcheries) to support the construction of Tribally led fish hatcheries in the basin, part of a $10 million investment through the Fish Hatchery Program.',
      '## Grants',
      'The Department of Commerce awarded $12 million to coastal towns.',
    ].join('\n\n'),
  });
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('reads the words after a linked figure as a reader does, not the link’s address', () => {
    expect(verdictOf('DOI is spending $3.6 million on tribal fish hatcheries')).toEqual(['stated']);
  });

  it('takes "Interior" as named where the statement writes "DOI" and its sheet spells it out', () => {
    expect(verdictOf('Interior is spending $3.6 million on tribal fish hatcheries')).toEqual(['stated']);
    expect(verdictOf('Interior is spending $5 million on tribal fish hatcheries')).toEqual(['different']);
    expect(verdictOf('Energy is spending $3.6 million on tribal fish hatcheries')).toEqual(['not-found']);
  });
});

describe('everyday words for the sheet’s', () => {
  const library = sheet([
    'The stabilization program served as many as 10 million children across the country.',
    'Some Medicare beneficiaries will pay less for the 27 prescription drugs that raised prices faster than inflation.',
    'Today, the President is announcing $16.4 billion for passenger rail projects.',
    'A family buying a home in Detroit with a $200,000 mortgage will save $600 per year.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('takes "kids", "medicines" and "trains" for the children, drugs and rail the sheet counts', () => {
    expect(verdictOf('The stabilization program reached up to 10 million kids')).toEqual(['stated']);
    expect(verdictOf('27 medicines hiked their prices faster than inflation')).toEqual(['stated']);
    expect(verdictOf('The President announced $16.4 billion for passenger trains')).toEqual(['stated']);
  });

  it('takes a "loan" for the mortgage the sheet names', () => {
    expect(verdictOf('Families in Detroit with a $200,000 loan will save $600 a year')).toEqual(['stated', 'stated']);
  });

  it('still tells another number, and leaves another thing not found', () => {
    expect(verdictOf('The stabilization program reached up to 12 million kids')).toEqual(['different']);
    expect(verdictOf('The stabilization program reached up to 10 million teachers')).toEqual(['not-found']);
  });
});

describe('a year and a direction are no topic', () => {
  const library = sheet([
    'Increase funding for hazardous fuels treatment at the Forest Service by 28% above 2023 enacted levels.',
    'The price of school lunches rose 12% in 2023 across the district.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('gives no "different" to a claim sharing only a year and a verb of change with the statements', () => {
    expect(verdictOf('exports rose 40% in 2023')).toEqual(['not-found']);
  });

  it('still gives "different" where the statement speaks of the claim’s topic', () => {
    expect(verdictOf('The price of school lunches rose 20% in 2023')).toEqual(['different']);
  });
});

describe('a period written before what a figure counts', () => {
  const library = sheet([
    'Over 1.1 million seniors with Medicare will benefit from a $35 monthly cap per insulin prescription.',
    'Some super labs in the west can produce 44 to 66 pounds of fentanyl weekly.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('reads "a $35 monthly cap" as $35 a month: the same rate is stated, another period is different', () => {
    expect(verdictOf('Seniors on Medicare get a $35 a month cap on insulin')).toEqual(['stated']);
    expect(verdictOf('Seniors on Medicare get a $35 a week cap on insulin')).toEqual(['different']);
  });

  it('reads a period after what a figure counts too: "pounds of fentanyl weekly"', () => {
    expect(verdictOf('super labs can churn out up to 66 pounds of fentanyl a week')).toEqual(['stated']);
    expect(verdictOf('super labs can churn out up to 66 pounds of fentanyl a month')).not.toEqual(['stated']);
  });
});

describe('a part of a counted whole', () => {
  const library = sheet([
    '86 of the 100 grants announced for communities today are also going to areas considered underserved.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('reads "86 of the 100 grants" as about what the grants are about, on both sides', () => {
    expect(verdictOf('86 of the 100 grants go to underserved areas')).toEqual(['stated', 'stated']);
    expect(verdictOf('only 68 of the 100 grants went to underserved areas')).toEqual(['different', 'stated']);
  });
});

describe('a figure known by the verb before it', () => {
  const library = sheet(['A family buying a home in Denver with a $300,000 mortgage will save $900 per year.']);

  it('reads "will save $900" as $900 saved, not as the $300,000 mortgage before it', () => {
    const check = checkClaim(library.claims, 'A Denver family with a $300,000 mortgage saves $900 annually');
    expect(verdicts(check)).toEqual(['stated', 'stated']);
    expect(bolded(check, 1)).toEqual(['$900']);
  });
});

describe('figures too far apart to be the same thing', () => {
  const library = sheet([
    'Nearly 1.5 million people with Medicare saved nearly $1 billion in out-of-pocket drug costs this year.',
    'The agency awarded $85 million in grants to rural hospitals.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('gives no "different" for a figure a thousandfold away with other digits', () => {
    expect(verdictOf('People with Medicare saved $70 on out-of-pocket drug costs this year')).toEqual(['not-found']);
    expect(verdictOf('People with Medicare saved $2 billion on out-of-pocket drug costs this year')).toEqual([
      'different',
    ]);
  });

  it('still gives "different" for the same digits under another scale word', () => {
    expect(verdictOf('The agency awarded $85 billion in grants to rural hospitals')).toEqual(['different']);
  });
});

describe('the two ends of a change', () => {
  const library = sheet([
    'Acme Pharma will reduce the price of its asthma inhaler, Breezo, from $265 to $89 for patients.',
  ]);

  it('reads "down to $89" after "from $265" as about what $265 is about', () => {
    const check = checkClaim(library.claims, 'Breezo went from $265 down to $89');
    expect(verdicts(check)).toEqual(['stated', 'stated']);
    expect(bolded(check, 1)).toEqual(['$265 to $89']);
  });
});

describe('an equal figure that names nothing it counts', () => {
  const library = sheet([
    'Since day one, the Governor has secured more than $40 million through the recovery plan to help towns cope with floods.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('states a claim in its own words for what the amount is for', () => {
    expect(verdictOf('The Governor secured more than $40 million to help towns prepare for floods')).toEqual([
      'stated',
    ]);
  });

  it('leaves another amount for the same purpose to be compared as before', () => {
    expect(verdictOf('The Governor secured more than $90 million to help towns prepare for floods')).not.toEqual([
      'stated',
    ]);
  });
});

describe('a change that names nothing it counts', () => {
  const library = sheet([
    'From 2020 to 2022, homelessness among veterans in the state fell 11 percent.',
    'The county budget would slash library funding by $4 million next year.',
    'Child care enrollment in the county fell 12 percent last year.',
    'The harbor region makes up 25 percent of the state’s economic output.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('gives "different" only where the statement names what the claim says changed', () => {
    expect(verdictOf('Veteran homelessness fell 10% in the state')).toEqual(['different']);
    expect(verdictOf('The county budget cuts library funding by $3 million')).toEqual(['different']);
  });

  it('finds nothing where another thing changed beside the same words', () => {
    expect(verdictOf('Veteran suicides in the state fell 10%')).toEqual(['not-found']);
    expect(verdictOf('The county budget cuts park funding by $3 million')).toEqual(['not-found']);
  });

  it('asks for the head of what changed, and takes "up" alone for no change', () => {
    expect(verdictOf('Child care enrollment in the county fell 10%')).toEqual(['different']);
    expect(verdictOf('Child care prices in the county fell 10%')).toEqual(['not-found']);
    expect(verdictOf('The harbor region makes up 30 percent of the state’s output')).toEqual(['different']);
  });
});

describe('a figure the claim compares another with', () => {
  const library = sheet([
    'The rule sets the prevailing wage at the wage paid to at least 30% of workers, rather than 50% of workers.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('reads the figure after "instead of" or "from" as about what the one before it is', () => {
    expect(verdictOf('The prevailing wage is what at least 30 percent of workers earn, instead of half')).toEqual([
      'stated',
      'stated',
    ]);
  });

  it('states a figure given as the second end of a change, never "different" on the other end alone', () => {
    const budget = sheet([
      'The budget raises Medicare tax rates on earned and unearned income from 3.8 percent to 5 percent for ' +
        'those with incomes over $400,000.',
      'High-income people are supposed to pay a 3.8 percent Medicare tax on all of their income.',
    ]);
    const claim = 'The budget makes people with high incomes pay a 5% Medicare tax instead of 3.8%';
    expect(verdicts(checkClaim(budget.claims, claim))).toEqual(['stated', 'stated']);
    expect(bolded(checkClaim(budget.claims, claim))).toEqual(['5 percent']);
  });

  it('takes whose figure it is and what changed from the clause before the first one', () => {
    const other = sheet([
      'Mortgage insurance lets families buy a home with a small down payment, and more than 70 percent of ' +
        'first-time buyers use it each year.',
    ]);
    const claim = 'The yearly mortgage insurance premium drops to 0.55% from 0.85%';
    expect(verdicts(checkClaim(other.claims, claim))).toEqual(['not-found', 'not-found']);
  });
});

describe('"American" before a noun', () => {
  const library = sheet([
    'American farmers will benefit from the deal with Japan’s commitment to buy $8 billion of U.S. farm ' +
      'products, including corn and soybeans.',
    'The U.S. bought $295.4 billion of farm goods from China in 2024.',
  ]);
  const verdictOf = (claim: string) => verdicts(checkClaim(library.claims, claim));

  it('says whose a thing is, not who does what: an equal figure states it in any order', () => {
    expect(verdictOf('Japan will buy $8 billion of American farm products')).toEqual(['stated']);
  });

  it('still asks the claim’s order of another figure: what the U.S. buys from China is not what China buys', () => {
    expect(verdictOf('China agreed to buy $200 billion of American farm goods')).toEqual(['not-found']);
  });
});

describe('"daycare" for the sheets’ "child care"', () => {
  const library = sheet([
    'About 30,000 child care programs in rural counties received aid from the stabilization fund.',
  ]);

  it('states a claim that says "daycare" where the sheet says "child care"', () => {
    const check = checkClaim(
      library.claims,
      'Roughly 30,000 rural daycare programs got help from the stabilization fund',
    );
    expect(verdicts(check)).toEqual(['stated']);
  });
});

describe('"straight to" for the sheets’ "directly to"', () => {
  const library = sheet(['In FY 2021, the Education Department sent $500 million of this funding directly to HBCUs.']);

  it('states a claim that sends money "straight" where the sheet sends it "directly"', () => {
    const check = checkClaim(library.claims, 'In FY21 the Education Department sent $500 million straight to HBCUs');
    expect(verdicts(check)).toEqual(['stated']);
  });
});
