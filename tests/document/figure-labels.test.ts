// What a figure counts, on the shapes the gold documents showed its label getting wrong (issue 18): what money
// pays for, a price per thing, a verb taken into the label, a measure with a word about it. Made-up statements,
// one shape each.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/document/figures.js';

const counts = (sentence: string) => findFigures(sentence, 0, sentence.length).map((f) => f.counts);

describe('what a figure counts', () => {
  it('labels money with what it pays for, after "in the", "towards", "or less" and "funding to"', () => {
    expect(counts('The plan puts $3 billion in the clean water program.')).toEqual(['clean water program']);
    expect(counts('The credit gives up to $8,000 towards child care expenses.')).toEqual(['child care expenses']);
    expect(counts('Borrowers who took out $12,000 or less in student loans can reach forgiveness sooner.')).toEqual([
      'student loans',
    ]);
    expect(counts('The law includes more than $7 billion in funding to expand battery factories.')).toEqual([
      'battery factories',
    ]);
    expect(counts('The bank is issuing letters for more than $2 billion in financing.')).toEqual(['financing']);
    // A named source after "in the" stays unlabelled, as before.
    expect(counts('It includes $3 billion in the Inflation Reduction Act to support ports.')).toEqual([null]);
  });

  it('labels money with two modifiers joined by "and" before a plural as one phrase', () => {
    expect(counts('Companies announced $640 billion in clean energy and manufacturing investments.')).toEqual([
      'clean energy and manufacturing investments',
    ]);
  });

  it('labels a count with modifiers joined by "and" or "or" over a longer phrase, up to "of", "in" or a name', () => {
    expect(counts('The world has faced two regional or global outbreaks of mpox.')).toEqual([
      'regional or global outbreaks',
    ]);
    expect(counts('It signed eight wind and solar power purchase agreements.')).toEqual([
      'wind and solar power purchase agreements',
    ]);
    expect(counts('The program reached 500,000 women and girls in ten African countries.')).toEqual([
      'women and girls',
      'African countries',
    ]);
    // Another amount, or a verb after a plural noun, is no part of the phrase.
    expect(counts('The storm killed 40 people and wounded dozens of residents.')).toEqual(['people', 'residents']);
    expect(counts('It will help one million people and create good-paying jobs.')).toEqual(['people']);
  });

  it('finds a count whose two joined modifiers stand before its plural', () => {
    expect(counts('The law funds 300 new and existing health centers.')).toEqual(['new and existing health centers']);
    // "988 Suicide and Crisis Lifeline" names a line: "crisis" is no plural.
    expect(counts('Calls to the 988 suicide and crisis lifeline rose.')).toEqual([]);
  });

  it('reads a line in Title Case past its capitalized verbs, keeping its names', () => {
    expect(counts('Invest $4.4 Billion to Surge Public Health Staffing for COVID-19 Response')).toEqual([
      'Public Health',
    ]);
    expect(counts('Invest $3 Billion to Prepare for Future Pandemics')).toEqual(['Future Pandemics']);
    expect(counts('Purchase 200 Million Doses This Summer, Double the Nation’s Vaccine Supply')).toEqual([
      'Doses',
      'Vaccine Supply',
    ]);
    expect(counts('Provide $1 Billion to the Green Climate Fund')).toEqual(['Green Climate Fund']);
  });

  it('reads past a name’s short form in parentheses when the phrase goes on after it', () => {
    expect(counts('It extends the 15% Supplemental Nutrition Assistance Program (SNAP) benefit increase.')).toEqual([
      'Supplemental Nutrition Assistance Program benefit increase',
    ]);
    expect(counts('The state used $31 billion in Paycheck Protection Program (PPP) loans.')).toEqual([
      'Paycheck Protection Program loans',
    ]);
  });

  it('labels money spent "on" something with that thing, not "on average" or "on top of"', () => {
    expect(counts('Medicaid in total spent $19 billion on rural hospitals in 2024.')).toEqual(['rural hospitals']);
    expect(counts('Families save $800 on health insurance premiums per year.')).toEqual(['health insurance premiums']);
    expect(counts('Seniors saved $400 on average.')).toEqual(['Seniors']);
  });

  it('labels money to be spent "for" or "against" something with that thing', () => {
    expect(counts('The plan calls for $30 billion to prevent and prepare for future pandemics.')).toEqual([
      'future pandemics',
    ]);
  });

  it('labels money given to a named recipient with the recipient, or with what it is to do', () => {
    expect(counts('The United States gave $150 million to the Global Food Fund.')).toEqual(['Global Food Fund']);
    expect(counts('Canada paid $1 billion to the U.S. Navy to expand the shipyard workforce.')).toEqual([
      'shipyard workforce',
    ]);
    expect(counts('The agency spent $1 billion to help Kenya strengthen its power grid.')).toEqual(['power grid']);
  });

  it('labels a change "from" one figure "to" another with what changed', () => {
    expect(counts('The order raises the tariff on steel from 25% to 35%.')).toEqual(['tariff on steel']);
    expect(counts('The federal cost share will be increased from 75% to 100%.')).toEqual(['federal cost share']);
    expect(counts('Since May, the fee rose from $10 to $20.')).toEqual(['fee']);
    // The thing changed may be a programme's name.
    expect(counts('The agenda extends the increase to the Earned-Income Tax Credit from $543 to $1,502.')).toEqual([
      'Earned-Income Tax Credit',
    ]);
    expect(counts('The law raised the Child Tax Credit from $2,000 to $3,000.')).toEqual(['Child Tax Credit']);
    // A range not after "from" is read as other figures are: here, by the plural that opens the sentence.
    expect(counts('Prices ranged between $10 and $20.')).toEqual(['Prices']);
  });

  it('labels money after a participle, an aside or "totaling" with what it is for', () => {
    expect(counts('Cities face billions of dollars required for water infrastructure.')).toEqual([
      'water infrastructure',
    ]);
    expect(counts('It invests $65 billion, including through rural programs, to expand high-speed internet.')).toEqual([
      'high-speed internet',
    ]);
    expect(counts('HUD released a package of grants totaling $486 million.')).toEqual(['grants']);
  });

  it('reads a participle inside a compound, adjectives listed with a comma and "worth of" as one phrase', () => {
    expect(counts('It invested billions of dollars in long needed infrastructure projects.')).toEqual([
      'long needed infrastructure projects',
    ]);
    expect(counts('The plant will create tens of thousands of new, high-paying jobs.')).toEqual([
      'new, high-paying jobs',
    ]);
    expect(counts('The CEO sold more than $3 million worth of shares.')).toEqual(['shares']);
    // A participle after a plural, or before a preposition, still ends the phrase.
    expect(counts('It funded 40 projects awarded last year.')).toEqual(['projects']);
  });

  it('leaves whose a thing is out of what is counted', () => {
    expect(counts('It gave $5 million to the Navy’s shipyard programs.')).toEqual(['shipyard programs']);
    expect(counts('It sent $2 million for America’s farmers.')).toEqual(['farmers']);
    expect(counts('It leverages $13 million in FEMP’s Assisting Federal Facilities grants.')).toEqual([null]);
  });

  it('labels a share "for" a group with the group', () => {
    expect(counts('Wages rose 2.4% for construction workers and 2.0% for workers without a degree.')).toEqual([
      'construction workers',
      'workers',
    ]);
  });

  it('labels a price with the thing it is per, and a flow with its unit per day; not money per year', () => {
    expect(counts('At the start of the year, gas was about $3.30 a gallon.')).toEqual(['per gallon']);
    expect(counts('The store sells hearing aids for $799 per pair.')).toEqual(['per pair']);
    expect(counts('Drivers save 10 cents per gallon of gas.')).toEqual(['per gallon']);
    expect(counts('The reserve can release 500,000 barrels per day.')).toEqual(['barrels per day']);
    expect(counts('Most plans cost less than $10 a month.')).toEqual([null]);
  });

  it('ends a label before a verb that takes an object', () => {
    expect(counts('The $5 million grant funds the new clinic.')).toEqual(['grant']);
    expect(counts('The framework agreement provides American farmers $15 billion.')).toEqual(['framework agreement']);
  });

  it('gives no label that is only a measure and a word about it, a comparison or a participle', () => {
    expect(counts('Since then, arrests have declined for 8 consecutive months.')).toEqual(['arrests']);
    expect(counts('Arrests have declined for 8 consecutive months.')).toEqual(['Arrests']);
    expect(counts('It has grown for 8 consecutive months.')).toEqual([null]);
    expect(counts('More than 20 years ago, the agency approved the drug.')).toEqual([null]);
    expect(counts('The sanctuary covers 5,000 square miles.')).toEqual([null]);
    expect(counts('Gas is nearly 70 cents below where it was.')).toEqual([null]);
    expect(counts('It funded 40 projects, up from only 12 reported in FY 2020.')).toEqual(['projects', null]);
    // A measure before the plural it qualifies is kept: "GHz bands".
    expect(counts('It studies the 3.1-3.45 GHz and 7.125-7.4 GHz bands.')).toEqual(['bands', 'GHz bands']);
    // So is a singular noun after a measure ("70 cents below" above is a comparing word, not what is measured).
    expect(counts('Planning covers the 7.125-7.4 GHz band.')).toEqual(['GHz band']);
  });

  it('labels a figure a thing is brought, raised or cut "to" with that thing', () => {
    expect(counts('The grant brings the total aid committed to Kenya to $1 billion this year.')).toEqual([
      'total aid committed to Kenya',
    ]);
    expect(counts('The funds will increase investments in the United States to $1.44 trillion by 2035.')).toEqual([
      'investments in the United States',
    ]);
    expect(counts('The tool cut permitting times for rooftop solar to less than one day.')).toEqual([
      'permitting times for rooftop solar',
    ]);
    expect(counts('The bill would raise the minimum wage to $15 an hour.')).toEqual(['minimum wage']);
    // "to" after a thing given, not changed, is where it goes.
    expect(counts('The state gave $2 million to the Harbor Fund.')).toEqual(['Harbor Fund']);
  });

  it('gives a duration no label from a deadline’s event or from a subject whose change it does not measure', () => {
    expect(counts('Travelers must test within one day of departure.')).toEqual([null]);
    expect(counts('Travelers must show a negative test taken within three days of travel.')).toEqual([null]);
    expect(counts('Eligible families get payments if they filed taxes in the last two years.')).toEqual([null]);
    expect(counts('The credit has been around for more than twenty years.')).toEqual([null]);
    expect(counts('The wage rules have not been updated in more than 40 years.')).toEqual([null]);
    // A duration after the change it measures keeps the subject; a time given for a plan keeps the plan.
    expect(counts('Border crossings have fallen for six straight weeks.')).toEqual(['Border crossings']);
    expect(counts('Agencies have 12 months to submit relocation plans.')).toEqual(['relocation plans']);
  });

  it('takes a two-letter acronym as what is counted', () => {
    expect(counts('Operating under a six-month CR erodes the military advantage.')).toEqual(['CR']);
  });

  it('labels money given "to" someone after "dollars", or given "approved in", "together in" something', () => {
    expect(counts('The country has contributed two billion dollars to COVAX, more than any other.')).toEqual(['COVAX']);
    // "seven loan and equity investments" is a count of its own.
    expect(counts('It has $831 million approved in seven loan and equity investments.')).toEqual([
      'loan and equity investments',
      'loan and equity investments',
    ]);
    expect(counts('Both governments will invest $3 billion together in critical mineral projects.')).toEqual([
      'critical mineral projects',
    ]);
    expect(counts('The city spent $10 million annually in grants.')).toEqual(['grants']);
  });

  it('labels a share that opens its clause with the group its verb names after it', () => {
    expect(counts('58% are women')).toEqual(['women']);
    expect(counts('18% identify as Latino or Hispanic')).toEqual(['Latino']);
    expect(counts('Of the new hires, 1 in 3 are former teachers.')).toEqual(['former teachers']);
    expect(counts('32% are naturalized citizens or the children of immigrants')).toEqual(['naturalized citizens']);
    // A verb after "is" names no group; a share inside a clause is read as before.
    expect(counts('About 40% is paid by states.')).toEqual([null]);
    expect(counts('Prices rose 5% and wages were flat.')).toEqual(['Prices']);
  });

  it('labels a figure after "by" and a participle of change with what changed', () => {
    expect(counts('The typical owner would see their taxes increased by almost $1,200.')).toEqual(['taxes']);
  });

  it('labels money "valued at" or "worth" with the thing before it, and reads past a year it is given by', () => {
    expect(counts('The airline signed a deal for 40 new jets valued at $36 billion.')).toEqual([
      'new jets',
      'new jets',
    ]);
    expect(counts('The mine holds copper reserves worth $53 billion.')).toEqual(['copper reserves']);
    expect(counts('The firm pledged to invest $3 billion by 2030 in power-grid infrastructure.')).toEqual([
      'power-grid infrastructure',
    ]);
    expect(counts('The company will invest $5 billion through 2031 to build cloud infrastructure.')).toEqual([
      'cloud infrastructure',
    ]);
  });

  it('labels a figure "down by" with what fell, and after a verb "by" with the verb’s subject', () => {
    expect(counts('The herd shrank, with beef cow inventory down by 8.6% since 2020.')).toEqual(['beef cow inventory']);
    expect(counts('Even so, real wages are on track to grow by $1,100 this year.')).toEqual(['real wages']);
  });

  it('labels a figure in parentheses with the name before it, not a currency word inside them', () => {
    expect(
      counts(
        'Donors pledged more, including Norway ($1.08 billion), the Nordic Council (€715 million), Spain (nearly €1.6 billion) and Peru ($1.21 billion Canadian).',
      ),
    ).toEqual(['Norway', 'Nordic Council', 'Spain', 'Peru']);
    expect(counts('Chile raised its commitment (to $100 million).')).toEqual(['commitment']);
    // The level a change "by" a figure reached is left unlabelled, not labelled with that figure.
    expect(counts('Peru grew its pledge by one-third (to $10 million).')).toEqual(['pledge', null]);
  });

  it('labels a share of a named programme, and money "of funding for" something, with what it is of or for', () => {
    expect(counts('The rule allows 33% of Special Financial Assistance to be invested in bonds.')).toEqual([
      'Special Financial Assistance',
    ]);
    expect(counts('The law provides $2 billion of funding for clean school buses.')).toEqual(['clean school buses']);
  });

  it('reads a subject past "the number of", whose it is, an aside between dashes and a joined clause', () => {
    expect(counts('Since 2019, the number of people experiencing homelessness increased 6%.')).toEqual([
      'people experiencing homelessness',
    ]);
    expect(
      counts(
        'Overall, the number of people experiencing unsheltered homelessness—including people in cars, tents and parks—rose by 3%.',
      ),
    ).toEqual(['people']);
    expect(counts('For this round, the Fund’s private sector partners committed a total of $1.23 billion.')).toEqual([
      'private sector partners',
    ]);
    expect(counts('Wages were flat and the number of arrests fell 20%.')).toEqual(['arrests']);
  });

  it('labels a figure right after a verb of change and its object with the object', () => {
    expect(counts('The plan aims to reduce homelessness 25 percent by 2025.')).toEqual(['homelessness']);
    expect(counts('The rule will cut methane emissions 30% by 2030.')).toEqual(['methane emissions']);
  });

  it('reads a label through emphasis marks: bold around a figure in parentheses, italics inside a phrase', () => {
    const bold = 'It pays for cleanup efforts (**$15 million**) and state grants (**$50 million**).';
    expect(findFigures(bold, 0, bold.length).map((f) => f.counts)).toEqual(['cleanup efforts', 'state grants']);
    expect(counts('Officers inspect over 4 million *de minimis* shipments each day.')).toEqual([
      'de minimis shipments',
    ]);
  });

  it('gives no label that is a measure and its dimension, or a verb after a share', () => {
    expect(counts('The current reviews are roughly five years old.')).toEqual([null]);
    expect(counts('Some prices are five times different.')).toEqual([null]);
    expect(counts('3% identify as disabled or having a disability')).toEqual([null]);
    // What a measure is of is still read, and a group after "identify as" still labels the share.
    expect(counts('The tunnel runs 30 miles of road.')).toEqual(['miles of road']);
    expect(counts('18% identify as Latino or Hispanic')).toEqual(['Latino']);
  });

  it('leaves a month or fiscal year out of a label, and gives no label that is a place’s initials alone', () => {
    expect(counts('The economy added 331,000 jobs in April.')).toEqual(['jobs']);
    expect(counts('It awarded over $650 billion in contracts in fiscal year 2024.')).toEqual(['contracts']);
    expect(counts('It will invest $6 billion to spur U.S. advanced battery processing.')).toEqual([null]);
    // A place after "in" is still part of what is counted.
    expect(counts('It hired 40 workers in Ohio.')).toEqual(['workers in Ohio']);
  });

  it('labels a duration said of a subject by "is" or "was" with that subject', () => {
    expect(counts('The average lifespan of a magnolia is 100 years.')).toEqual(['average lifespan']);
    expect(counts('The typical loan term was 30 years.')).toEqual(['typical loan term']);
  });

  it('labels billions "in" something with that thing, as money; thousands "in" a place stay unlabelled', () => {
    expect(counts('The office has already identified billions in waste, fraud, and abuse.')).toEqual(['waste']);
    expect(counts('The order secured trillions in new investments, the report said.')).toEqual(['new investments']);
    expect(counts('Thousands in the region lost power.')).toEqual([null]);
  });

  it('reads initials joined to a word ("U.S.-based") as one word of a label', () => {
    expect(counts('The plan secured trillions of dollars in U.S.-based technology investments.')).toEqual([
      'U.S.-based technology investments',
    ]);
  });
});
