// Counted nouns the code writes, each through the one `plural` helper: never "1 mores" or "statement(s)".
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { check } from '../../commands/check.js';
import { parseDocument } from '../../src/document/parse.js';
import { documentReport } from '../../src/document/summary.js';
import { sectionChoiceEmbed } from '../../src/render/document.js';
import { plural } from '../../src/render/text.js';
import { rateLimitedResponse } from '../../src/render/notices.js';
import { context, libraryOf, seedLibrary } from '../support/library.js';

const PARKS = [
  'Parks',
  'Summer',
  'The city opened 15 parks in the north.',
  'Winter',
  'By winter the city had opened 15 parks.',
  'Spring',
  'In spring 15 parks were opened again.',
].join('\n\n');

const CLAIM = 'The city opened 15 parks and 3 million cats';
const embedOf = (reply: unknown) => (reply as { embeds: APIEmbed[] }).embeds[0]!;

describe('counted nouns', () => {
  it('plural: one, many, thousands, and an irregular plural', () => {
    expect([plural(1, 'statement'), plural(0, 'statement'), plural(1230, 'more document')]).toEqual([
      '1 statement',
      '0 statements',
      '1,230 more documents',
    ]);
    expect(plural(2, 'category', 'categories')).toBe('2 categories');
  });

  it('a section choice counts what it leaves out: "…and 1 more.", "…and 1,230 more."', () => {
    const ref = seedLibrary().parts().sections[0]!;
    const lastLine = (count: number) =>
      sectionChoiceEmbed('sav', Array(count).fill(ref), 3).description!.split('\n').at(-1);
    expect(lastLine(4)).toBe('…and 1 more. Press a number, or narrow it down with document: or more of the title.');
    expect(lastLine(1233)).toBe(
      '…and 1,230 more. Press a number, or narrow it down with document: or more of the title.',
    );
  });

  it('a checked figure counts the statements not quoted: "… and 2 more statements"', () => {
    const several = check.run(libraryOf({ 'parks.txt': PARKS }), { claim: CLAIM }, context());
    expect(embedOf(several).fields![0]!.value.split('\n').at(-1)).toBe('*… and 2 more statements*');
    const two = libraryOf({ 'parks.txt': PARKS.replace('In spring 15 parks were opened again.', 'Spring came.') });
    const one = check.run(two, { claim: CLAIM }, context());
    expect(embedOf(one).fields![0]!.value.split('\n').at(-1)).toBe('*… and 1 more statement*');
  });

  it('a claim with more figures than are checked counts them: "1 more figure", "2 more figures"', () => {
    const footer = (figures: number) => {
      const claim = Array.from({ length: figures }, (_, i) => `${(i + 2) * 1000} burglaries`).join(', ');
      return embedOf(check.run(seedLibrary(), { claim }, context())).footer!.text.split(' · ')[0];
    };
    expect(footer(12)).toBe('1 more figure in the claim not checked');
    expect(footer(13)).toBe('2 more figures in the claim not checked');
  });

  it('npm run inspect counts one section, statement and figure in the singular', () => {
    const document = parseDocument('Parks\n\nSummer\n\nThe city opened 15 parks.\n', { file: 'parks.txt' });
    expect(documentReport(document).split('\n')).toContain('1 section, 1 statement, 1 figure');
  });

  it('a rate limit of one says "more than 1 command"', () => {
    expect(JSON.stringify(rateLimitedResponse(1))).toContain('You have run more than 1 command in the last minute.');
  });
});
