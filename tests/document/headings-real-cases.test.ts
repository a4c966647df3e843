// Headings and titles as real fact sheets write them: wrapped lines that are not headings, bold headings over
// two lines, acronyms and brand names kept when an ALL-CAPS heading is shown in title case, a title line.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/parse.js';

const md = (text: string) => parseDocument(text, { file: 'sheet.md' });
const titles = (text: string) => md(text).sections.map((s) => s.title);

describe('headings on real fact sheets', () => {
  it('never takes the wrapped end of a sentence for a heading', () => {
    const text = [
      '**HELPING FAMILIES:** The program serves mothers and children through the Special Supplemental Nutrition',
      'Program for Women, Infants, and Children',
      '(WIC).',
      '',
      '-   The order ends a rule that hinders innovation in',
      '    AI.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual(['Helping Families']);
  });

  it('takes a bold (and underlined) heading wrapped over two lines', () => {
    const text = [
      '**<u>Fostering Competitiveness and Creating the Conditions for Equitable',
      'Growth</u>**',
      '',
      'The leaders agreed on new steps.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual(['Fostering Competitiveness and Creating the Conditions for Equitable Growth']);
  });

  it('takes an underlined bold line as a heading, and not a sentence cut at a line break', () => {
    expect(titles('<u>**Lower Costs for Families**</u>\n\nThe plan lowers costs.\n')).toEqual([
      'Lower Costs for Families',
    ]);
    const cut =
      'Intro.\n\nThrough these actions, President Trump is keeping his promise to restore\n\nAmerican greatness.\n';
    expect(titles(cut)).toEqual(['Overview']);
  });

  it('never takes the end of a wrapped bold label for a heading', () => {
    const text = [
      '**ADVANCING PARTNERSHIP:** Hungary and the United States met.',
      '',
      '-   **Procurement of U.S. High Mobility Artillery Rocket Systems',
      '    (HIMARS):** Hungary announced plans to procure $700 million of them.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual(['Advancing Partnership']);
  });

  it('keeps the acronyms and names the document writes its own way', () => {
    const text = [
      'REFORMING THE TVA, MFN PRICING AND TIKTOK: The TVA board met, MFN prices fell, TikTok agreed.',
      '',
      'SCIENCE WITH USAID-NASA: The USAID-NASA partnership grew.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual(['Reforming the TVA, MFN Pricing and TikTok', 'Science with USAID-NASA']);
  });

  it('takes a first line in title case over a paragraph as the title, not a section', () => {
    const document = parseDocument(
      'At USAID, Waste and Abuse Runs Deep\n\nThe agency spent $2 billion.\n\nOVERSIGHT: More than 40 audits.\n',
      { file: 'usaid.txt' },
    );
    expect(document.title).toBe('At USAID, Waste and Abuse Runs Deep');
    expect(document.sections.map((s) => s.title)).toEqual(['Overview', 'Oversight']);
  });

  it('takes no numbered bold label before a dash for a heading: it opens its paragraph', () => {
    const text = [
      'The Strategy builds on five pillars:',
      '',
      '**1. Defend Critical Infrastructure**\u00a0– We will give the American people confidence.',
      '',
      '**2. Disrupt and Dismantle Threat Actors**\u00a0– Using all instruments of national power.',
      '',
      '**3. Shape Market Forces to Drive Security –** We will place responsibility.',
      '',
    ].join('\n');
    const document = md(text);
    expect(document.sections.map((s) => s.heading)).toEqual([null]);
    expect(document.sections[0]!.points.map((p) => p.text.split(/[\s\u00a0]*–/)[0])).toEqual([
      'The Strategy builds on five pillars:',
      '**1. Defend Critical Infrastructure**',
      '**2. Disrupt and Dismantle Threat Actors**',
      '**3. Shape Market Forces to Drive Security',
    ]);
  });

  it('takes every line alone of a sheet that heads its sections with lines alone, the long ones too', () => {
    const section = (heading: string) => [heading, '', 'The plan acts on it this year.', ''];
    const text = [
      'Intro paragraph of the sheet.',
      '',
      ...section('Help for households'),
      ...section('Making child care affordable for working families and their young children'),
      ...section('Lowering the cost of prescription drugs for seniors on Medicare'),
      ...section('Building more homes in every state of the country'),
    ].join('\n');
    expect(titles(text)).toEqual([
      'Overview',
      'Help for households',
      'Making child care affordable for working families and their young children',
      'Lowering the cost of prescription drugs for seniors on Medicare',
      'Building more homes in every state of the country',
    ]);
    // Without a line alone that is a heading on its own, a long line alone stays a sentence cut short.
    const alone = ['Intro.', '', 'Building more homes in every state of the country', '', 'More text.', ''];
    expect(titles(alone.join('\n'))).toEqual(['Overview']);
  });

  it('takes a bold line ending in a colon over a list as its lead-in where the sheet heads sections otherwise', () => {
    const list = ['', '-   Lowering payments to $0 for many.', '-   Ending runaway interest.', ''];
    const text = [
      'Intro paragraph of the sheet.',
      '',
      '**<u>Federal Agency Action</u>**',
      '',
      'Fifteen agencies will promote the plan.',
      '',
      '**<u>The plan helps student loan borrowers by:</u>**',
      ...list,
      '**<u>While the plan helps most borrowers, those who will benefit especially',
      'include:</u>**',
      ...list,
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading)).toEqual([null, '<u>Federal Agency Action</u>']);
  });

  it('keeps bold lines ending in a colon over lists as headings where the sheet heads every section so', () => {
    const list = ['', '-   Solar power for 40 islands.', '-   Loans for 12 utilities.', ''];
    const text = [
      'Intro paragraph of the sheet.',
      '',
      '**<u>Actions to Promote Energy Security</u>: **',
      ...list,
      '**<u>Actions to Promote Access to Finance</u>**:',
      ...list,
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading?.replace(/<\/?u>|:$/g, ''))).toEqual([
      undefined,
      'Actions to Promote Energy Security',
      'Actions to Promote Access to Finance',
    ]);
  });

  it('takes a bold Title Case line closed by a period as a heading when it stands apart', () => {
    const text = [
      'Intro.',
      '',
      '**Expanded Child Tax Credit for Working Families – Helping Deliver',
      'Record Lows in Child Poverty.**',
      '',
      '-   The credit reaches 40 million families.',
      '',
      '**Expanded Earned Income Tax Credit for Workers.**',
      '',
      'Workers get more.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual([
      'Overview',
      'Expanded Child Tax Credit for Working Families – Helping Deliver Record Lows in Child Poverty',
      'Expanded Earned Income Tax Credit for Workers',
    ]);
  });

  it('keeps a bold Title Case lead that runs into its paragraph, and a bold sentence, inside the section', () => {
    const text = [
      '**SECTION ONE**',
      '',
      '**Build and Upgrade Airports, Ports, and Waterways in Rural America.**',
      'While the United States pioneered aviation, rural airports need repair.',
      '',
      '**It passed the Senate.**',
      '',
      'More text.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual(['Section One']);
  });

  it('reads the questions of a Q&A page as statements, not as headings', () => {
    const text = [
      'OMB issued guidance.',
      '',
      '**Q: Is this a freeze on all Federal financial assistance?**',
      '',
      'A: No, the pause does not apply across-the-board.',
      '',
      '**Q: Is this a freeze on benefits to Americans like SNAP or student',
      'loans?**',
      '',
      'A: No.',
      '',
    ].join('\n');
    expect(titles(text)).toEqual(['Overview']);
  });

  it('reads a bold sentence wrapped over two lines before a list as a sentence, in a sheet with no headings', () => {
    const sheet = (first: string, second: string) =>
      ['The plan funds the police.', '', `**<u>${first}`, `${second}</u>**`, '', '-   More than 1,000 towns.', ''].join(
        '\n',
      );
    expect(
      titles(sheet('By contrast, the Governor backs the police and supports programs', 'that reduce crime:')),
    ).toEqual(['Overview']);
    // In Title Case it is a heading, as before, its colon left out as the colon of "**Label:**" is.
    expect(titles(sheet('Programs That Reduce Crime And', 'Violence:'))).toEqual([
      'Overview',
      'Programs That Reduce Crime And Violence',
    ]);
  });

  it('takes bold underlined capitals wrapped over two lines as a heading, closed by a colon or a period', () => {
    const text = [
      'Intro paragraph.',
      '',
      '**<u>GIVE LOWER INCOME NATIONS MORE ACCESS TO HIGHLY EFFECTIVE mRNA',
      'VACCINES:</u>** The plan gives 92 nations access.',
      '',
      '**<u>HARNESS THE POWER OF AMERICAN MANUFACTURING TO HELP SAVE LIVES',
      'AROUND THE WORLD.</u>** Pfizer employs 3,000 workers.',
      '',
      '**<u>BUILD PLANTS.</u>** Three plants.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading?.replace(/<u>|\s+/g, ' ').trim())).toEqual([
      undefined,
      'GIVE LOWER INCOME NATIONS MORE ACCESS TO HIGHLY EFFECTIVE mRNA VACCINES',
      'HARNESS THE POWER OF AMERICAN MANUFACTURING TO HELP SAVE LIVES AROUND THE WORLD',
      'BUILD PLANTS',
    ]);
    expect(md(text).sections.map((s) => s.lead?.text)).toEqual([
      undefined,
      'The plan gives 92 nations access.',
      'Pfizer employs 3,000 workers.',
      'Three plants.',
    ]);
  });

  it('takes a bold heading whose bold closes at the start of the next line, after a hard break', () => {
    const text = [
      'Intro paragraph.',
      '',
      '**Increasing Access to Effective Care  ',
      '**Ensuring access to care reduces risk',
      'for 65,000 veterans.',
      '',
      '**The plan passed.  ',
      '**It helps 10 states.',
      '',
    ].join('\n');
    const sections = md(text).sections;
    expect(sections.map((s) => s.heading)).toEqual([null, 'Increasing Access to Effective Care']);
    expect(sections[1]!.lead?.text).toBe('Ensuring access to care reduces risk\nfor 65,000 veterans.');
  });

  it('takes a bold list item over a list indented under it as a heading, not a bold item among others', () => {
    const text = [
      'The dialogue has four pillars.',
      '',
      '-   **Strengthening Supply Chains**',
      '    -   Coordinate on 3 critical industries.',
      '    -   Explore needs in both countries.',
      '-   **Trade Facilitation and Infrastructure**',
      '',
      '    -   Build on the border initiative.',
      '-   **Bold item among others**',
      '-   Plain item.',
      '-   **A bold sentence over a list.**',
      '    -   Item.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading)).toEqual([
      null,
      'Strengthening Supply Chains',
      'Trade Facilitation and Infrastructure',
    ]);
  });

  it('reads bold italics above everything and over a paragraph as a subtitle, no heading, its figures kept', () => {
    const text = [
      '***Administration to Purchase Additional 200 Million Doses to Be',
      'Delivered This Summer***',
      '',
      'The nation has reached 25 million infections.',
      '',
      '***Reform our Incarceration System***',
      '',
      'The order ends the use of private prisons.',
      '',
    ].join('\n');
    const document = md(text);
    expect(document.sections.map((s) => s.heading)).toEqual([null, 'Reform our Incarceration System']);
    expect(document.figures.map((f) => f.text)).toContain('200 Million');
  });

  it('takes a bold Title Case list item with a period over its sub-list as a heading, its bold closed or not', () => {
    const text = [
      'The actions announced today will:',
      '',
      '-   **Drive New Opportunities to Coal Communities.  ',
      '    **',
      '    -   Treasury is releasing guidance for 11 agencies.',
      '-   **Bolstering Human Rights and Democratic Reformers.**',
      '    -   USAID is surging support.',
      '-   **Shortening hiring timelines.**',
      '    -   Agencies cut the wait by 30 days.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading)).toEqual([
      null,
      'Drive New Opportunities to Coal Communities',
      'Bolstering Human Rights and Democratic Reformers',
    ]);
  });

  it('takes a bold Title Case list item alone over a paragraph as a heading, wrapped or not', () => {
    const text = [
      'The plan includes:',
      '',
      '-   **Reducing Health Care Costs.**\u00a0',
      '',
      'The plan extends the tax credits.',
      '',
      '-   **Building on Existing Progress to Lower the Cost of Prescription',
      '    Drugs.**',
      '',
      'These actions build on earlier steps.',
      '',
      '-   **It passed the Senate.**',
      '',
      'The House votes next.',
      '',
      '-   **Lower Costs for Working Families**',
      '',
      '-   **Better Jobs for Working Families**',
      '',
    ].join('\n');
    expect(titles(text)).toEqual([
      'Overview',
      'Reducing Health Care Costs',
      'Building on Existing Progress to Lower the Cost of Prescription Drugs',
    ]);
  });

  it('takes a long bold heading wrapped over several lines, not a long bold sentence or one over 30 words', () => {
    const text = [
      'The President is calling on Congress to:',
      '',
      '**Expand the authority to claw back compensation – including',
      'gains from stock sales – from executives at failed banks like Silicon',
      'Valley Bank and Signature Bank  ',
      '**  ',
      'The CEO sold more than $3 million of shares.',
      '',
      '**Delivered a historic increase in the Child and Dependent Care Tax',
      'Credit to support millions of working families this tax season**',
      '',
      '-   It raised the credit for 6 million families.',
      '',
      '**Any program not named by the Orders is not',
      'subject to the** **pause.**',
      '',
      '**The review found agencies and their partners in the private and public',
      'sector have made significant, measurable progress towards creating and',
      'improving access to good jobs, which are leading to concrete',
      'improvements in the lives of workers across the whole country**',
      '',
      'Text after it.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading?.replace(/\s+/g, ' '))).toEqual([
      undefined,
      'Expand the authority to claw back compensation – including gains from stock sales – from executives at failed banks like Silicon Valley Bank and Signature Bank',
      'Delivered a historic increase in the Child and Dependent Care Tax Credit to support millions of working families this tax season',
    ]);
  });

  const UNDERLINE = '<span style="text-decoration: underline">';
  /** A heading as a reader sees it: tags, emphasis and line breaks aside. */
  const shown = (heading: string | null | undefined) =>
    heading
      ?.replace(/<[^>]*>|[*_]/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  it('takes lines underlined by an HTML span as headings, as it does "<u>" lines, wrapped or alone', () => {
    const text = [
      'The agencies act today.',
      '',
      `${UNDERLINE}Treasury</span>`,
      '',
      'Treasury will publish guidance.',
      '',
      `${UNDERLINE}Department of Housing and Urban`,
      'Development</span>',
      '',
      'The department will fund repairs.',
      '',
      `**${UNDERLINE}STRENGTHEN THE GRID:</span>** The plan funds 20 lines.`,
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => shown(s.heading))).toEqual([
      undefined,
      'Treasury',
      'Department of Housing and Urban Development',
      'STRENGTHEN THE GRID',
    ]);
  });

  it('takes a heading whose emphasis opens alone on the line before it', () => {
    const text = [
      '**Supporting Free and Independent Media**  ',
      'Partners invest in press freedom.',
      '',
      '**  ',
      'Advancing Technology for Democracy**  ',
      'Partners invest in digital rights.',
      '',
      'The partnership grew.  ',
      `\u00a0${UNDERLINE}  `,
      'Mekong Power Partnership (JUMPP)</span>  ',
      '  ',
      'The Administration will fund JUMPP.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => shown(s.heading))).toEqual([
      'Supporting Free and Independent Media',
      'Advancing Technology for Democracy',
      'Mekong Power Partnership (JUMPP)',
    ]);
  });

  it('reads a bold heading written as two bold runs as one, but not bold words inside a paragraph', () => {
    const text = [
      '**MODERNIZING BANK RULES:** The group met.',
      '',
      '**COMBATING ILLICIT FINANCE** **IN THE DIGITAL AGE:** By modernizing our rules, the country leads.',
      '',
      'The department is joining forces with leading organizations and the**',
      '**Johns Hopkins** **Everyone Graduates Center** **to launch the**',
      'partnership.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => shown(s.heading))).toEqual([
      'MODERNIZING BANK RULES',
      'COMBATING ILLICIT FINANCE IN THE DIGITAL AGE',
    ]);
  });

  it('takes a bold label wrapped over two lines over a list as a heading where one-line labels head lists', () => {
    const list = ['', '-   The agency staged 110,000 gallons of fuel.', ''];
    const text = [
      'The storm is expected to make landfall tonight.',
      '',
      '**Pre-staging equipment and resources across the region in advance of',
      'landfall:**',
      ...list,
      '**Pre-positioning federal responders to support emergency response:**',
      ...list,
      '**Today, the Administration is announcing the following additional',
      'actions:**',
      ...list,
    ].join('\n');
    expect(md(text).sections.map((s) => shown(s.heading))).toEqual([
      undefined,
      'Pre-staging equipment and resources across the region in advance of landfall',
      'Pre-positioning federal responders to support emergency response',
    ]);
  });

  it('takes a short Title Case label over a list as a heading where the sheet heads sections without colons', () => {
    const list = ['', '-   [Alabama](https://example.org/al.pdf)', '-   [Alaska](https://example.org/ak.pdf)', ''];
    const text = [
      'The credits reach every state.',
      '',
      '**Expanded Earned Income Tax Credit for Workers**',
      '',
      'The credit grew for 17 million workers.',
      '',
      '**The plan helps working families by:**',
      ...list,
      '**Factsheets by State/Territory:**',
      ...list,
    ].join('\n');
    expect(md(text).sections.map((s) => shown(s.heading))).toEqual([
      undefined,
      'Expanded Earned Income Tax Credit for Workers',
      'Factsheets by State/Territory',
    ]);
  });

  it('takes a bold capitals label over a list, and a wrapped heading whole, beside a wrapped capitals heading', () => {
    const text = [
      '**CREATING A STRATEGIC RESERVE:**',
      'Today, the President signed an order.',
      '',
      '**ADDRESSING A MANAGEMENT GAP:**',
      '',
      '-   The reserve holds 200,000 coins.',
      '',
      '**DELIVERING ON PLEDGE TO MAKE AMERICA THE CAPITAL OF THE',
      'WORLD:** The President is keeping his promise.',
      '',
      '**<u>Ocean-Based Food Security</u>**\u202f\u00a0  ',
      '\u202f\u00a0  ',
      'The partners met.',
      '',
    ].join('\n');
    expect(md(text).sections.map((s) => shown(s.heading))).toEqual([
      'CREATING A STRATEGIC RESERVE',
      'ADDRESSING A MANAGEMENT GAP',
      'DELIVERING ON PLEDGE TO MAKE AMERICA THE CAPITAL OF THE WORLD',
      'Ocean-Based Food Security',
    ]);
  });

  it('takes a capitals lead opening a list item as a heading, its item the lead; not a mixed-case lead', () => {
    const text = [
      'Hospitals have stopped the procedures:',
      '',
      '-   **NEW YORK: **NYU Langone Health announced it would stop.',
      '-   **VIRGINIA:** VCU Health paused the program.',
      '-   **Oakland Coliseum – Oakland, CA:** The site opened on February 16.',
      '-   **DOT** will also act.',
      '',
    ].join('\n');
    const sections = md(text).sections;
    expect(sections.map((s) => s.heading)).toEqual([null, 'NEW YORK', 'VIRGINIA']);
    expect(sections.map((s) => s.lead?.text ?? null)).toEqual([
      null,
      'NYU Langone Health announced it would stop.',
      'VCU Health paused the program.',
    ]);
    expect(sections[2]!.points.map((p) => p.text)).toEqual([
      '**Oakland Coliseum – Oakland, CA:** The site opened on February 16.',
      '**DOT** will also act.',
    ]);
  });

  it('takes a Title Case label ending in a colon alone over a list as a heading, plain or in italics', () => {
    const list = ['', '-   Dentists', '-   Midwives', ''];
    const text = [
      'The order names new vaccinators.',
      '',
      'Health Professionals (Current and Previously Active):',
      ...list,
      '*Announced Federal Pilot Community Vaccination Centers, opening soon:*',
      ...list,
      'The President will:',
      ...list,
      'Today, the Department announced new grants for students:',
      ...list,
    ].join('\n');
    expect(md(text).sections.map((s) => s.heading)).toEqual([
      null,
      'Health Professionals (Current and Previously Active)',
      'Announced Federal Pilot Community Vaccination Centers, opening soon',
    ]);
  });
});
