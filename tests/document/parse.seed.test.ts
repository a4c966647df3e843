import { describe, expect, it } from 'vitest';
import { expectAllSpansVerbatim, loadSeed } from '../support/documents.js';

const seed = loadSeed();

describe('the seed fact sheet', () => {
  it('takes its title from the file name and has no date or source', () => {
    expect(seed.title).toBe('Border Security and Immigration');
    expect(seed.date).toBeNull();
    expect(seed.source).toBeNull();
    expect(seed.warnings).toEqual([]);
  });

  it('has the epigraph with its attribution', () => {
    expect(seed.epigraph?.text).toBe(
      'To defend American Workers and Families from every walk of life, my Administration has undertaken an unprecedented effort to secure the Southern Border of the United States.',
    );
    expect(seed.epigraph?.attribution).toBe('President Donald J. Trump');
    expect(seed.epigraph?.line).toBe(2);
  });

  it('has exactly three sections, with headings, titles and leads', () => {
    expect(seed.sections.map((s) => [s.number, s.id, s.heading, s.title])).toEqual([
      [1, 'securing-our-border', 'SECURING OUR BORDER', 'Securing Our Border'],
      [2, 'saving-american-lives', 'SAVING AMERICAN LIVES', 'Saving American Lives'],
      [
        3,
        'reforming-our-immigration-system-to-put-america',
        'REFORMING OUR IMMIGRATION SYSTEM TO PUT AMERICA FIRST',
        'Reforming Our Immigration System to Put America First',
      ],
    ]);
    expect(seed.sections.map((s) => s.lead?.text)).toEqual([
      "President Donald J. Trump is continuing to safeguard America's borders from uncontrolled migration, dangerous criminals, and lethal drugs.",
      'President Trump is committed to stopping the flow of criminal aliens and deadly drugs across the border and into our communities.',
      'President Trump wants a merit-based immigration system that protects American workers and serves the national interest.',
    ]);
  });

  it('has every statement, grouped as the blank lines group them', () => {
    const groups = seed.sections.map((s) => s.points.map((p) => [p.group, p.text]));
    expect(groups[0]).toEqual([
      [
        0,
        'President Trump has taken action to end catch and release and stop the surge of migrants flooding to our border.',
      ],
      [
        0,
        'The President secured historic cooperation agreements with the Governments of Mexico, Honduras, El Salvador, and Guatemala to control migration flows.',
      ],
      [
        1,
        "At President Trump's urging, Mexico enhanced its border security efforts and deployed thousands of troops to address this crisis.",
      ],
      [
        2,
        'The border wall is being built as promised—with more than 100 miles of wall constructed and much more to come.',
      ],
      [2, "As a result of President Trump's efforts, illegal immigration has plummeted in recent months."],
      [
        3,
        'Border apprehensions at the southern border have dropped by 75% since May of last year—the height of the border crisis.',
      ],
      [3, 'Apprehensions have declined for 8 consecutive months.'],
    ]);
    expect(groups[1]).toEqual([
      [
        0,
        'President Trump has empowered the brave men and women of immigration law enforcement and given them the tools they need to keep our country safe.',
      ],
      [
        0,
        'Last year, the heroic men and women of Immigration and Customs Enforcement (ICE) arrested more than 120,000 criminal aliens.',
      ],
      [
        0,
        'These criminals were responsible for nearly 2,000 homicides, more than 5,000 sexual assaults, more than 10,000 burglaries, and more than 45,000 assaults.',
      ],
      [
        0,
        'President Trump is standing up to "sanctuary" states and localities who harbor and protect criminal illegal aliens.',
      ],
      [1, 'The United States should be a sanctuary for law-abiding American citizens, not criminal aliens.'],
      [2, 'President Trump is calling on Congress to pass the Justice for Victims of Sanctuary Cities Act.'],
      [
        3,
        'This critical legislation enables victims of open borders to sue the radical and lawless jurisdictions responsible for the harm inflicted.',
      ],
    ]);
    expect(groups[2]).toEqual([
      [
        0,
        'The Administration is working to propose legislation that would replace our randomized system of legal immigration with one based on skill and merit.',
      ],
      [1, 'President Trump is committed to restoring integrity to our immigration system.'],
      [
        2,
        'President Trump is also calling on Congress to finally pass voter I.D. legislation to protect our elections.',
      ],
    ]);
    expect(seed.sections[0]!.points[0]!.line).toBe(5);
  });

  it('has exactly the nine figures, each with its qualifier, what it counts and its time frame', () => {
    expect(
      seed.figures.map((f) => ({
        text: f.text,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        counts: f.counts,
        timeframe: f.timeframe,
        section: f.sectionId,
      })),
    ).toEqual([
      {
        text: 'thousands',
        value: null,
        unit: null,
        qualifier: null,
        counts: 'troops',
        timeframe: null,
        section: 'securing-our-border',
      },
      {
        text: 'more than 100',
        value: 100,
        unit: 'miles',
        qualifier: 'more than',
        counts: 'miles of wall',
        timeframe: null,
        section: 'securing-our-border',
      },
      {
        text: '75%',
        value: 75,
        unit: '%',
        qualifier: null,
        counts: 'Border apprehensions',
        timeframe: 'since May of last year',
        section: 'securing-our-border',
      },
      {
        text: '8',
        value: 8,
        unit: 'months',
        qualifier: null,
        // The months are how long; what declined is what the sentence opens with (as the gold annotates).
        counts: 'Apprehensions',
        timeframe: null,
        section: 'securing-our-border',
      },
      {
        text: 'more than 120,000',
        value: 120000,
        unit: null,
        qualifier: 'more than',
        counts: 'criminal aliens',
        timeframe: 'Last year',
        section: 'saving-american-lives',
      },
      {
        text: 'nearly 2,000',
        value: 2000,
        unit: null,
        qualifier: 'nearly',
        counts: 'homicides',
        timeframe: null,
        section: 'saving-american-lives',
      },
      {
        text: 'more than 5,000',
        value: 5000,
        unit: null,
        qualifier: 'more than',
        counts: 'sexual assaults',
        timeframe: null,
        section: 'saving-american-lives',
      },
      {
        text: 'more than 10,000',
        value: 10000,
        unit: null,
        qualifier: 'more than',
        counts: 'burglaries',
        timeframe: null,
        section: 'saving-american-lives',
      },
      {
        text: 'more than 45,000',
        value: 45000,
        unit: null,
        qualifier: 'more than',
        counts: 'assaults',
        timeframe: null,
        section: 'saving-american-lives',
      },
    ]);
  });

  it('keeps figure sentences: "8" comes from its own sentence, not the statement before', () => {
    const eight = seed.figures.find((f) => f.text === '8')!;
    expect(seed.text.slice(eight.sentenceSpan[0], eight.sentenceSpan[1])).toBe(
      'Apprehensions have declined for 8 consecutive months.',
    );
  });

  it('quotes everything verbatim: every span slices back to its text', () => {
    expectAllSpansVerbatim(seed);
  });

  it('gives stable ids', () => {
    expect(seed.id).toBe('border-security-and-immigration');
    expect(seed.sections[1]!.points[2]!.id).toBe('saving-american-lives-3');
    expect(seed.figures.find((f) => f.text === 'nearly 2,000')!.id).toBe('saving-american-lives-3-f1');
  });
});
