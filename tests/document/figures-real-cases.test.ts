// The recognizer on the shapes real fact sheets showed it getting wrong: each case as its own sentence.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/document/figures.js';
import { parseDocument } from '../../src/document/parse.js';

function figuresIn(sentence: string) {
  return findFigures(sentence, 0, sentence.length).map((f) => ({
    text: sentence.slice(f.span[0], f.span[1]),
    value: f.value,
    valueMax: f.valueMax,
    unit: f.unit,
    counts: f.counts,
    timeframe: f.timeframe,
  }));
}
const texts = (sentence: string) => figuresIn(sentence).map((f) => f.text);

describe('figures real fact sheets state', () => {
  it('labels a figure after "of" with the noun phrase before it, unless that says only how it is taken', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('It includes 4.5 million borrowers who have a monthly payment of $0.')).toEqual([
      'borrowers',
      'monthly payment',
    ]);
    expect(counts('The war carries a cumulative price tag of nearly $100 billion.')).toEqual(['cumulative price tag']);
    // "a total of" says how it is taken: what is counted is the barrels the unit names.
    expect(counts('They will release a total of 60 million barrels.')).toEqual(['barrels']);
  });

  it('finds amounts in parentheses', () => {
    expect(texts('The program raised $14.5 billion ($10 billion from steel and $8 billion from aluminum).')).toEqual([
      '$14.5 billion',
      '$10 billion',
      '$8 billion',
    ]);
    expect(texts('Brazil (18%) and Indonesia (30%) impose a higher tariff on ethanol.')).toEqual(['18%', '30%']);
  });

  it('finds "up to 210" before a model name, and not the model number', () => {
    expect(
      texts('Qatar Airways will purchase up to 210 American-made Boeing 787 Dreamliner and 777X aircraft.'),
    ).toEqual(['up to 210']);
    expect(texts('It is the largest-ever 787 order in Boeing history.')).toEqual([]);
  });

  it('finds an amount glued to the word before it', () => {
    expect(texts('The plan announced$900 billion in new investment.')).toEqual(['$900 billion']);
  });

  it('counts no legal citation and no escaped list number', () => {
    expect(texts('Section 232 and 301 tariffs stay in place.')).toEqual([]);
    expect(texts('The order covers \\(1\\) steel and \\(2\\) aluminum.')).toEqual([]);
  });

  it('never reads a year as the start of an amount', () => {
    expect(
      figuresIn('The deficit fell from $89 million in 2019 to $19 million 2024.').map((f) => [f.text, f.value]),
    ).toEqual([
      ['$89 million', 89e6],
      ['$19 million', 19e6],
    ]);
  });

  it('keeps a ratio and a range as one figure', () => {
    expect(figuresIn('Nearly 1 in 4 Americans works abroad.')[0]).toMatchObject({
      text: 'Nearly 1 in 4',
      value: 0.25,
      unit: 'ratio',
    });
    expect(figuresIn('Prices rose between 38 and 79 percent.')[0]).toMatchObject({
      text: 'between 38 and 79 percent',
      value: 38,
      valueMax: 79,
      unit: '%',
    });
    expect(figuresIn('Costs fell by nearly 40% to 80% for families.')[0]).toMatchObject({
      text: 'nearly 40% to 80%',
      value: 40,
      valueMax: 80,
    });
  });

  it('takes the whole time frame, from the figure’s own clause', () => {
    expect(figuresIn('Since January 2024, more than 250,000 jobs were created.')[0]!.timeframe).toBe(
      'Since January 2024',
    );
    const [first, second] = figuresIn('In 2023, the rate was 17.4%, down from 28.4% in 2001.');
    expect(first).toMatchObject({ text: '17.4%', timeframe: 'In 2023' });
    expect(second).toMatchObject({ text: '28.4%', timeframe: 'in 2001' });
  });

  it('takes a month "of" a year as a time frame, after "in" or "since"', () => {
    expect(figuresIn('It found $500 billion, up from $38 billion in April of 2021.')[1]!.timeframe).toBe(
      'in April of 2021',
    );
    expect(figuresIn('Since May of 2023, 43 projects have won awards.')[0]!.timeframe).toBe('Since May of 2023');
  });

  it('never labels a figure with a lone letter, a name, or a sentence-opening word', () => {
    const labels = [
      'U.S. farm exports reached 154,000.',
      'President Trump secured more than $243.5 billion.',
      'Starting next year, states will receive $18 billion.',
      'Prior administrations wasted trillions.',
    ].map((s) => figuresIn(s)[0]!.counts);
    for (const label of labels)
      expect(label === null || !/^(?:U|President Trump|Starting|Prior)$/.test(label)).toBe(true);
  });

  it('labels durations, multipliers and halves sensibly', () => {
    expect(figuresIn('China plans to double its high-speed rail by 2035.')[0]).toMatchObject({
      value: 2,
      unit: '×',
      timeframe: 'by 2035',
    });
    expect(figuresIn('More than half of all enrollees pay nothing.')[0]).toMatchObject({
      value: 0.5,
      counts: 'enrollees',
    });
    expect(figuresIn('The Administration funded two dozen teams.')[0]).toMatchObject({ value: 24, counts: 'teams' });
  });

  it('reads no phone number, section number or list item as a figure', () => {
    expect(texts('Call 1-800-621-3362 or (800) 659-2955 for help.')).toEqual([]);
    expect(texts('Update the Response Plan (1.4.1) this year.')).toEqual([]);
    expect(texts('Four lines of effort: 1) Participation; 2) Protection.')).toEqual(['Four']);
  });

  it('reads no section of a law or title of a code as a figure', () => {
    expect(texts('It may use section 212(f) of the Act and 8 U.S.C. 1182 to bar 12 countries.')).toEqual(['12']);
    expect(texts('Exemptions under 19 U.S.C. 1321(a)(2) let travelers bring up to $200.')).toEqual(['up to $200']);
    expect(texts('The rule in 40 CFR 60 covers 300 plants.')).toEqual(['300']);
  });

  it('reads a measure in cents before what it measures as money: "an 18 cent tax" is $0.18 of tax, not 18 taxes', () => {
    const pick = (f: ReturnType<typeof figuresIn>[number]) => [f.text, f.value, f.unit, f.counts];
    expect(figuresIn('The government charges an 18 cent tax per gallon on gasoline.').map(pick)).toEqual([
      ['18 cent', 0.18, '$', 'tax'],
    ]);
    expect(figuresIn('Diesel carries a 24.4-cent tax.').map(pick)).toEqual([['24.4-cent', 0.244, '$', 'tax']]);
    expect(figuresIn('Drivers save 10 cents per gallon.').map(pick)).toEqual([['10 cents', 0.1, '$', 'per gallon']]);
  });

  it('reads no size of an image tag wrapped over several lines as a figure, in the lines of its attributes', () => {
    const page = [
      '<figure>',
      '<img',
      'class="wp-image-15223" loading="lazy"',
      'width="1427" height="1087" />',
      '</figure>',
    ];
    const text = [...page, '', 'The DOT named 119 Interstates.', ''].join('\n');
    expect(parseDocument(text, { file: 'map.md' }).figures.map((f) => f.text)).toEqual(['119']);
  });

  it('reads no volume or page of a Federal Register citation as a figure, in a list of rules or in a sentence', () => {
    const listed = ['1.  “Guidance Document Procedures,” 86 Fed. Reg. 1279 (January 8, 2021).', ''].join('\n');
    expect(parseDocument(listed, { file: 'rules.md' }).figures.map((f) => f.text)).toEqual([]);
    expect(texts('The rule at 85 Fed. Reg 82359 covers 300 plants.')).toEqual(['300']);
    expect(texts('Published at 85 F.R. 69189, it cut 1,200 permits.')).toEqual(['1,200']);
  });

  it('counts the products before a maker’s name, and reads no model number as a figure', () => {
    const pick = (f: ReturnType<typeof figuresIn>[number]) => [f.text, f.value, f.unit, f.counts];
    expect(figuresIn('Qatar Airways ordered 40 Airbus jets and 12 Boeing 787s.').map(pick)).toEqual([
      ['40', 40, null, 'Airbus jets'],
      ['12', 12, null, 'Boeing 787s'],
    ]);
    expect(figuresIn('The airline bought 25 Boeing 737 MAX aircraft.').map(pick)).toEqual([
      ['25', 25, null, 'Boeing 737 MAX aircraft'],
    ]);
    expect(texts('It flies the Airbus A350, the Boeing 787 Dreamliner and the F-35.')).toEqual([]);
  });

  it('counts things named in five or six words after the number', () => {
    expect(texts('They sell at 474 Sam’s Club Hearing Aid Center locations.')).toEqual(['474']);
    expect(texts('It sends three additional CL-415 aerial firefighting aircraft.')).toEqual(['three']);
    expect(texts('It flies the Boeing 787 Dreamliner for the airline’s long routes.')).toEqual([]);
  });

  it('reads a measure after a name, a count before an adverb, and no phone number in letters', () => {
    expect(figuresIn('It is the most since the creation of Amtrak 50 years ago.').map((f) => [f.text, f.unit])).toEqual(
      [['50', 'years']],
    );
    expect(texts('The government sent 135 mainly Native Hawaiian men to the islands.')).toEqual(['135']);
    expect(texts('Call (855) 411-CFPB or visit one of 12 centers.')).toEqual(['12']);
    expect(texts('It fills the largest-ever 787 order and a 12-month plan.')).toEqual(['12']);
  });

  it('reads multiples as figures with the unit ×', () => {
    const sentence =
      'Output rose fourfold, exports tripled, a twofold gain, a tenfold rise, a 3-fold jump, a two-fold cut, quadrupling sales.';
    expect(figuresIn(sentence).map((f) => [f.text, f.value, f.unit])).toEqual([
      ['fourfold', 4, '×'],
      ['tripled', 3, '×'],
      ['twofold', 2, '×'],
      ['tenfold', 10, '×'],
      ['3-fold', 3, '×'],
      ['two-fold', 2, '×'],
      ['quadrupling', 4, '×'],
    ]);
    expect(
      figuresIn('Sales grew three times faster and will double by 2030.').map((f) => [f.text, f.value, f.unit]),
    ).toEqual([
      ['three', 3, '×'],
      ['double', 2, '×'],
    ]);
  });

  it('reads no count of digits as a figure', () => {
    expect(
      texts('Executives got seven-figure packages, a 6-figure salary, double-digit raises and single-digit taxes.'),
    ).toEqual([]);
    expect(texts('Call the new three-digit code.')).toEqual([]);
  });

  it('counts a spelled number across the words that qualify its plural', () => {
    const pick = (f: ReturnType<typeof figuresIn>[number]) => [f.text, f.counts];
    expect(figuresIn('The monument spans three separate historic sites.').map(pick)).toEqual([
      ['three', 'separate historic sites'],
    ]);
    expect(figuresIn('The agency runs three capacity building training sessions.').map(pick)).toEqual([
      ['three', 'capacity building training sessions'],
    ]);
    expect(texts('The leaders formed three High-Level Action Committees.')).toEqual(['three']);
    expect(texts('Three of them met, and two will follow.')).toEqual([]);
  });

  it('labels a figure with what it counts, never with a subject and its verb', () => {
    const labels = [
      'The Budget proposes $2 billion.',
      'The Memorandum instructs agencies to act within 90 days.',
      'The Plan calls on Congress to appropriate $1 billion.',
      'The airline bought 25.',
    ].map((s) => figuresIn(s)[0]!.counts);
    expect(labels).toEqual([null, null, null, null]);
    expect(figuresIn('The Budget proposes $2 billion for broadband.')[0]!.counts).toBe('broadband');
    expect(figuresIn('Border apprehensions are down 75 percent.')[0]!.counts).toBe('Border apprehensions');
    expect(figuresIn('Medicare beneficiaries will save $800 a year.')[0]!.counts).toBe('Medicare beneficiaries');
  });

  it('counts "the two leaders" as the annotation rules do: a spelled count before a plural is a figure', () => {
    expect(figuresIn('The two leaders met with three partners.').map((f) => [f.text, f.counts])).toEqual([
      ['two', 'leaders'],
      ['three', 'partners'],
    ]);
  });

  it('labels money with what it pays for when a purpose follows it', () => {
    const labels = [
      'It also invests $1 billion to modernize and repair natural gas distribution pipelines.',
      'The agency provided $58 million to protect children from lead.',
      'The plan invests $52 billion.',
    ].map((s) => figuresIn(s)[0]!.counts);
    expect(labels).toEqual(['natural gas distribution pipelines', 'children', null]);
    expect(figuresIn('It takes 5 years to complete the project.')[0]!.counts).toBeNull();
  });

  it('reads a frequency range with its unit as one figure, not as a model number', () => {
    expect(figuresIn('Systems using the 7.125-7.4 GHz band of spectrum will move.')).toEqual([
      { text: '7.125-7.4', value: 7.125, valueMax: 7.4, unit: 'GHz', counts: 'GHz band of spectrum', timeframe: null },
    ]);
    expect(texts('Two bands—2.69-2.9 GHz and 4.4-4.94 GHz—are studied, with 2,786 megahertz in all.')).toEqual([
      'Two',
      '2.69-2.9',
      '4.4-4.94',
      '2,786',
    ]);
  });

  it('reads a figure inside underline tags, and still no ordinal with a raised suffix', () => {
    expect(figuresIn('**<u>Tripled EITC for workers</u>** this year.')[0]).toMatchObject({ text: 'Tripled', value: 3 });
    expect(texts('Skills for the 21<sup>st</sup> century workforce.')).toEqual([]);
  });

  it('counts a number before an abbreviation and a plural, and labels it with both', () => {
    expect(figuresIn('40 U.S. states plus the District of Columbia have programs.')).toEqual([
      { text: '40', value: 40, valueMax: null, unit: null, counts: 'U.S. states', timeframe: null },
    ]);
    expect(figuresIn('Pain affects nearly one in four U.S. adults.')[0]!.counts).toBe('U.S. adults');
    expect(figuresIn('It adds $6.9 billion in U.S. government assistance.')[0]!.counts).toBe(
      'U.S. government assistance',
    );
  });

  it('labels time given to someone with what it is for, never with who is given it', () => {
    expect(figuresIn('Federal incumbents have 12 months to submit relocation plans.')[0]!.counts).toBe(
      'relocation plans',
    );
    expect(figuresIn('Actions will take place over the next 100 days to improve the sector.')[0]!.counts).not.toBe(
      'sector',
    );
  });

  it('labels money past an aside that says through whom it flows', () => {
    const [money] = figuresIn('$178 million, through the U.S. Department of Agriculture, for seven projects on trade.');
    expect(money!.counts).toBe('projects');
  });

  it('labels a figure with whole words when the sentence before it is long', () => {
    // The label window, 160 characters before "13", starts inside "increased".
    const sentence = `Plan increased maximum CDCTC by far ${'more '.repeat(24)}then at age 13.`;
    expect(figuresIn(sentence).map((f) => f.counts)).toEqual(['maximum CDCTC']);
  });

  it('labels each figure of a list with the noun the list shares', () => {
    const sentence =
      'These are the 3.1-3.45 GHz, 5.03-5.091 GHz, and 37.0-37.6 GHz bands. They gave 3, 4 and 5 grants.';
    expect(figuresIn(sentence).map((f) => [f.text, f.counts])).toEqual([
      ['3.1-3.45', 'bands'],
      ['5.03-5.091', 'bands'],
      ['37.0-37.6', 'GHz bands'],
      ['3', 'grants'],
      ['4', 'grants'],
      ['5', 'grants'],
    ]);
    // What follows the last figure belongs to it alone when it does not start with a noun.
    expect(
      figuresIn('The uninsured rate has reached a low: 8% and 5.2 million of Americans gained coverage.')[0]!.counts,
    ).toBe('uninsured rate');
  });

  it('labels money from a named law or fund with what it is to do, and money "in" a month with nothing', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(
      counts('It will invest $7.4 billion from the American Rescue Plan to recruit and hire health workers.'),
    ).toEqual(['health workers']);
    expect(counts('CDC will use $3 billion from the American Rescue Plan to create a new grant program.')).toEqual([
      'new grant program',
    ]);
    expect(counts('It moved $2 billion from the Treasury in March.')).toEqual([null]);
    expect(counts('It moved $2 billion in March.')).toEqual([null]);
  });

  it('labels an age after "under" or "over" with the plural before it, and money "for the" act of a thing', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => [f.text, f.counts]);
    expect(counts('Children under 18 are excepted, and so are adults over 65.')).toEqual([
      ['under 18', 'Children'],
      ['over 65', 'adults'],
    ]);
    expect(counts('Australia will give US$77 million for the provision of vaccines.')).toEqual([
      ['$77 million', 'provision of vaccines'],
    ]);
    expect(counts('It gave $5 million for the first time of many.')).toEqual([['$5 million', null]]);
  });

  it('labels a multiple "as many" things with those things, and a count with a hyphened word and another modifier', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => [f.text, f.counts]);
    expect(counts('There are 20,000 testing sites, four times as many at-home tests as this summer.')).toEqual([
      ['20,000', 'testing sites'],
      ['four', 'at-home tests'],
    ]);
    expect(counts('It shared news with more than 50,000 faith-based and community stakeholders on scams.')).toEqual([
      ['more than 50,000', 'faith-based and community stakeholders'],
    ]);
  });

  it('labels a figure after a dash with what the dash explains, and "ten times the levels" with the levels', () => {
    expect(figuresIn('a study of two spectrum bands—2.69-2.9 GHz—as part of it.')[1]!.counts).toBe('spectrum bands');
    // How far back a comparison reaches closes the phrase: what is counted stands before it.
    expect(figuresIn('the best year for new business applications on record—12.6 million—and more.')[0]!.counts).toBe(
      'new business applications',
    );
    expect(figuresIn('the largest investment in our Nation’s history ($50 billion) in roads.')[0]!.counts).toBe(
      'largest investment',
    );
    expect(figuresIn('new funding—ten times the historical funding levels—for homes.')[0]!.counts).toBe(
      'historical funding levels',
    );
  });

  it('labels a hedged figure with the noun just before it, never with a verb or a pronoun', () => {
    const labels = [
      'The nation faced disasters with losses over $1 billion.',
      'Borrowers have a monthly payment less than $100.',
      'The agency withdrew approximately 2.8 million acres.',
      'Today, it’s over $4.20 a gallon.',
      'The plan costs less than $10.',
      'This would save homeowners up to $1500.',
    ].map((s) => figuresIn(s)[0]!.counts);
    // Not the verb "withdrew": the acres the unit names.
    // "$4.20 a gallon" is a price per gallon (tests/document/figure-labels.test.ts), not the pronoun "it".
    expect(labels).toEqual(['losses', 'monthly payment', 'acres', 'per gallon', null, null]);
  });

  it('reads a spaced fraction before "of" as a share, and no "third round" or "third of May"', () => {
    expect(figuresIn('About a third of Americans rent.')[0]).toMatchObject({
      text: 'About a third',
      value: 0.333333,
      unit: 'fraction',
    });
    expect(figuresIn('Two thirds of the states and a quarter of all homes.').map((f) => [f.text, f.value])).toEqual([
      ['Two thirds', 0.666667],
      ['a quarter', 0.25],
    ]);
    expect(texts('A third round of talks began on the third of May.')).toEqual([]);
  });

  it('labels an amount with the programme it is for, and not with a law it may come from', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(
      counts('The bill includes $1 billion for the “Natural Gas Safety and Modernization Grant Program” to help.'),
    ).toEqual(['Natural Gas Safety']);
    expect(counts('This compact includes a $245 million Accelerated Growth Corridors Project.')).toEqual([
      'Accelerated Growth Corridors Project',
    ]);
    expect(counts('The ARP provided $5 billion for 70,000 Emergency Housing Vouchers.')).toEqual([
      'Emergency Housing Vouchers',
      'Emergency Housing Vouchers',
    ]);
    expect(counts('It includes $3 billion in the Inflation Reduction Act to support ports.')).toEqual([null]);
    // A noun the amount is said to be of comes before where it goes.
    expect(counts('The outages caused estimated losses of up to $90 billion for the state.')).toEqual(['losses']);
  });

  it('labels a count with a name that ends in a plural, up to its verb', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('Leaders agreed to establish three High-Level Action Committees.')).toEqual([
      'High-Level Action Committees',
    ]);
    expect(counts('26% of Black Americans and 29% of Hispanic Americans live near a site.')).toEqual([
      'Black Americans',
      'Hispanic Americans',
    ]);
    expect(counts('The bank paid $3 million to Silicon Valley Bank.')).toEqual([null]);
  });

  it('reads "school feeding projects" and "technical and high-level meetings" as one phrase each', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('It adds $220 million for eight new school feeding projects.')).toEqual([
      'new school feeding projects',
      'new school feeding projects',
    ]);
    expect(counts('The committees held nearly a dozen technical and high-level meetings since June.')).toEqual([
      'technical and high-level meetings',
    ]);
    // A plural before "and", or an -ing word after one, ends the phrase.
    expect(counts('It hires 500 nurses and doctors.')).toEqual(['nurses']);
    expect(counts('It counts 4 million Americans receiving benefits.')).toEqual(['Americans']);
  });

  it('labels an amount of a thing with its unit when nothing else names it, and never a time or a share so', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('The agency sold 20 million barrels from the Reserve.')).toEqual(['barrels']);
    expect(counts('Ranchers in the state own more than 13 million acres.')).toEqual(['acres']);
    expect(counts('It sold 125 million barrels of oil.')).toEqual(['barrels of oil']);
    expect(counts('The release lasts six months.')).toEqual([null]);
  });

  it('labels an age with who is that age', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('It helps a family with two children under age 13.')).toEqual(['children', 'children']);
    expect(counts('They include nearly 10 million adults under age 60.')).toEqual(['adults', 'adults']);
    expect(counts('Some 5 million kids ages 5-11 got shots.')).toEqual(['kids', 'kids']);
    expect(counts('The average age 40 is given.')).toEqual([null]);
  });

  it('labels money past the period it is given over, and with what it is spent on', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('It spends $5 billion annually to fund school meals.')).toEqual(['school meals']);
    expect(counts('It adds $2 billion over the next three years for rural hospitals.')).toEqual([
      'rural hospitals',
      null,
    ]);
    expect(counts('Drivers are saving hundreds of millions of dollars on gasoline every day.')).toEqual(['gasoline']);
    expect(counts('They spent billions of dollars on Tuesday.')).toEqual([null]);
  });

  it('reads "one" as an amount before a unit, after a hedge and in "one or more", never in "one-stop-shop"', () => {
    const found = (sentence: string) => figuresIn(sentence).map((f) => [f.text, f.value, f.unit]);
    expect(found('Travelers must test within one day of departure.')).toEqual([['one', 1, 'days']]);
    expect(found('It cuts permitting times to less than one day.')).toEqual([['less than one', 1, 'days']]);
    expect(found('Adults have received at least one shot.')).toEqual([['at least one', 1, null]]);
    expect(found('It is a one-year pilot for one or more states.')).toEqual([
      ['one', 1, 'years'],
      ['one', 1, null],
    ]);
    expect(texts('It launched a one-stop-shop, one of the first, under one roof.')).toEqual([]);
  });

  it('reads "and a half" as part of the number before it', () => {
    const found = (sentence: string) => figuresIn(sentence).map((f) => [f.text, f.value, f.unit]);
    expect(found('Adults got shots in just four and a half months.')).toEqual([['four and a half', 4.5, 'months']]);
    expect(found('It serves 2 and a half million people in one and a half years.')).toEqual([
      ['2 and a half million', 2_500_000, null],
      ['one and a half', 1.5, 'years'],
    ]);
  });

  it('reads an age range "between the ages of 6 and 17" as one figure', () => {
    expect(figuresIn('It gives $3,000 for each child between the ages of 6 and 17.').map((f) => f.text)).toEqual([
      '$3,000',
      '6 and 17',
    ]);
    expect(figuresIn('Children between the ages of 2 and 17 must test.')[0]).toMatchObject({ value: 2, valueMax: 17 });
  });

  it('takes no year written with an apostrophe, opening hours, or part of a year for a figure', () => {
    expect(texts('The Fiscal Year ‘24 Budget proposes $5 billion.')).toEqual(['$5 billion']);
    expect(texts('The center is open from 8 a.m. to 7 p.m. seven days a week for 300 families.')).toEqual(['300']);
    expect(texts('In the three-quarters of 2021, three-quarters of 2,000 firms grew.')).toEqual([
      'three-quarters',
      '2,000',
    ]);
  });

  it('reads a spelled range joined by "to" as one figure, its scale on both ends', () => {
    expect(figuresIn('Americans pay two to three times as much for drugs.')).toMatchObject([
      { text: 'two to three', value: 2, valueMax: 3, unit: '×' },
    ]);
    expect(figuresIn('The plan protects two to three million workers.')).toMatchObject([
      { text: 'two to three million', value: 2e6, valueMax: 3e6, counts: 'workers' },
    ]);
    expect(texts('Twenty-five states joined.')).toEqual(['Twenty-five']);
  });

  it('counts "zero", not in "net zero", "zero-emission", "zero emissions" or a name', () => {
    expect(figuresIn('There were ZERO illegal crossings last month.')).toMatchObject([
      { text: 'ZERO', value: 0, counts: 'illegal crossings' },
    ]);
    expect(texts('The EU will charge American companies zero.')).toEqual(['zero']);
    expect(
      texts('We will reach net zero by 2050 with zero-emission buses, zero emissions and Vision Zero plans.'),
    ).toEqual([]);
  });

  it("labels a figure that is a link's text with the words after the link", () => {
    const sentence =
      'The credits will allow [nine million](https://example.com/track/click?u=0ae7f75ebacfaef55ba39fcdb&id=1) people ' +
      'to save, and [four million](https://example.com/track/click?u=0ae7f75ebacfaef55ba39fcdb&id=2) uninsured ' +
      'people will gain coverage.';
    expect(figuresIn(sentence)).toMatchObject([
      { text: 'nine million', value: 9e6, counts: 'people' },
      { text: 'four million', value: 4e6, counts: 'uninsured people' },
    ]);
  });

  it('labels an amount a thing moves by with that thing, the noun phrase before the verb', () => {
    const counts = (sentence: string) => figuresIn(sentence).map((f) => f.counts);
    expect(counts('The price for some arthritis medicines might fall by more than $2,000 every month.')).toEqual([
      'arthritis medicines',
    ]);
    expect(
      counts('Consumers have seen their premiums drop, on average, [by 40 percent.](https://example.com)'),
    ).toEqual(['premiums']);
    expect(counts('Real wages are on track to grow by $1,100 this year.')).toEqual(['Real wages']);
    // Words after a preposition place the thing; they are not it.
    expect(counts('Apprehensions at the southern border have dropped by 75% since May.')).toEqual(['Apprehensions']);
    expect(counts('Crime has started to fall, with robbery down 46% and violent crime down 22%.')).toEqual([
      'robbery',
      'violent crime',
    ]);
    // "up" after a verb moves nothing; a verb after "to" is not the thing that moved.
    expect(counts('The state will stand up a dozen more mass vaccination sites.')).toEqual(['mass vaccination sites']);
    expect(counts('Young men make up 2% of the population.')).toEqual(['population']);
    expect(counts('The number of days from onset to test has decreased by approximately 35%.')).toEqual([null]);
  });

  it('takes the base of a rate after "per" for no figure of its own', () => {
    expect(texts('The homicide rate exceeded 27 per 100,000 residents in 2024.')).toEqual(['27']);
    expect(texts('The murder rate (27.54 per 100K) is higher than in Bogota (15.1).')).toEqual(['27.54', '15.1']);
    expect(texts('Fees rose to $5 per 1,000 gallons, or 20 percent per year.')).toEqual(['$5', '20 percent']);
  });

  it('reads a scale hyphened to its amount, "$600-billion", as the scale', () => {
    const found = (sentence: string) => figuresIn(sentence).map((f) => [f.text, f.value, f.unit, f.counts]);
    expect(found('The Kingdom made a $600-billion commitment to invest in the United States.')).toEqual([
      ['$600-billion', 600e9, '$', 'commitment'],
    ]);
    expect(found('It opens a $2.5-million fund and a $1-trillion plan for 5-million homes.')).toEqual([
      ['$2.5-million', 2.5e6, '$', 'fund'],
      ['$1-trillion', 1e12, '$', 'plan'],
      ['5-million', 5e6, null, 'homes'],
    ]);
  });

  it('leaves a rate stated after the next figure to that figure: a count of households stays a count', () => {
    const found = (sentence: string) =>
      figuresIn(sentence).map((f) => [f.text, f.value, f.unit, f.counts, f.timeframe]);
    expect(
      found('The program is saving more than 21 million households $30 per month on their internet bill.'),
    ).toEqual([
      ['more than 21 million', 21e6, null, 'households', null],
      ['$30', 30, '$', null, 'per month'],
    ]);
    expect(found('The credit gives 4 million families up to $250 a month for each child.')).toEqual([
      ['4 million', 4e6, null, 'families', null],
      ['up to $250', 250, '$', null, 'a month'],
    ]);
    // Two amounts joined by "and" or "or" alone share the rate after the second.
    expect(found('Prices will fall from $1,000 and $1,350 per month to $350 for patients.').slice(0, 2)).toEqual([
      ['$1,000', 1000, '$', 'Prices', 'per month'],
      ['$1,350', 1350, '$', 'Prices', 'per month'],
    ]);
    // A time frame that dates the clause, not a rate, is still every figure's.
    expect(found('The agency hired 300 nurses and 200 doctors last year.').map((f) => f[4])).toEqual([
      'last year',
      'last year',
    ]);
  });

  it('stops what a count after "of" counts before the verb of the noun before "of"', () => {
    const found = (sentence: string) => figuresIn(sentence).map((f) => [f.text, f.value, f.unit, f.counts]);
    expect(found('The current network of over 100,000 public chargers operates with different plug types.')).toEqual([
      ['over 100,000', 100_000, null, 'public chargers'],
    ]);
    expect(found('A fleet of 40 electric school buses runs on clean power.')).toEqual([
      ['40', 40, null, 'electric school buses'],
    ]);
    // A plural that modifies the noun after it is no verb: "veterans benefits offices" is one phrase.
    expect(found('A network of 500 veterans benefits offices serves the state.')).toEqual([
      ['500', 500, null, 'veterans benefits offices'],
    ]);
    // A word with a noun's ending after a plural heads the phrase: "standards organizations", "ballistics laboratories".
    expect(found('It bears the logos of three international standards organizations to enable designs.')).toEqual([
      ['three', 3, null, 'international standards organizations'],
    ]);
    expect(found('It backed the accreditation of 25 ballistics laboratories in the region.')).toEqual([
      ['25', 25, null, 'ballistics laboratories'],
    ]);
  });
});
