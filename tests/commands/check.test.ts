// /check and the message command "Check against documents": verdict titles and fields, private by default
// with "Post to channel", the document option, quotes that are the documents' own words, neutral wording,
// messages with embeds, empty and long messages, and Discord's limits on every reply.
import {
  type APIEmbed,
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { check } from '../../commands/check.js';
import { commands } from '../../commands/index.js';
import { checkMessage, messageText } from '../../commands/check-message.js';
import { VERDICT_LABELS } from '../../commands/shared/check.js';
import { sharedContext } from '../../src/command.js';
import type { Library } from '../../src/library/library.js';
import { respond } from '../../src/respond.js';
import { plainTextOf } from '../../src/document/formats/index.js';
import { readClaims } from '../../eval/gold/check.js';
import { multiDocumentLibrary } from '../support/corpus-fixtures.js';
import { expectValidResponse, responseProblems } from '../support/discord-contract.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { context, libraryOf, seedLibrary } from '../support/library.js';
import { buttonPress, messageOf } from '../support/pressed.js';

const seed = seedLibrary();
const corpus = multiDocumentLibrary();
const asResponse = (data: unknown) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
type Buttons = Array<{ components: Array<{ custom_id: string; label: string }> }>;
const buttonsOf = (data: { components?: unknown }) => ((data.components ?? []) as Buttons).flatMap((r) => r.components);
const embedOf = (data: { embeds?: APIEmbed[] }) => data.embeds![0]!;
const dataOf = (response: APIInteractionResponse) =>
  (response as { data: { embeds?: APIEmbed[]; flags?: number } }).data;

/** Words that would judge the claim rather than describe the documents. */
const JUDGING = /\b(?:true|truth|false|falsely|wrong|misleading|lies?|lying|liar|correct|incorrect|debunked)\b/i;

/** The bot's own words in a reply: without the quotes (the documents') and the claim shown back (the user's). */
function ownWords(embed: APIEmbed): string {
  const texts = [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? ''];
  for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  return texts
    .join('\n')
    .split('\n')
    .filter((line) => !line.startsWith('>') && !line.startsWith('**Claim:**'))
    .join('\n')
    .replace(/“[^”]*”/g, '“”');
}

/** Every quoted line, as a reader sees it: bold and Discord escapes removed, a cut "…" dropped. */
function quotes(embed: APIEmbed): string[] {
  const texts = [embed.description ?? '', ...(embed.fields ?? []).map((f) => f.value)];
  return texts
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2).replace(/\*\*/g, '').replace(/\\(.)/g, '$1').replace(/…$/, '').trim());
}

function expectQuotesVerbatim(library: Library, embed: APIEmbed) {
  const texts = library.documents.map((d) => plainTextOf(d, d.text));
  for (const quote of quotes(embed))
    expect(
      texts.some((t) => t.includes(quote)),
      quote,
    ).toBe(true);
}

describe('/check', () => {
  it('answers privately by default, the verdict first in the title, the figure quoted with its document', () => {
    const reply = check.run(seed, { claim: 'ICE arrested 200,000 criminal aliens last year' }, context());
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    const embed = embedOf(reply);
    expect(embed.title).toBe(`${VERDICT_LABELS.different}: “200,000”`);
    expect(embed.description).toContain('**Claim:** ICE arrested **200,000** criminal aliens last year');
    expect(embed.description).toContain('**more than 120,000**');
    expect(embed.description).toContain('— *Border Security and Immigration*');
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(['Post to channel', 'Cite']);
  });

  it('says what differs beside the amount: a unit converted, a rate per another period', () => {
    const library = libraryOf({
      'fees.txt':
        'FACT SHEET: Clinic Fees\n\nFEES\n\nCommunity clinics charge patients $35 per month for the basic care plan.\n\nThe agency built more than 100 miles of new bike lanes.\n',
    });
    const weekly = embedOf(check.run(library, { claim: 'Community clinics charge patients $35 a week' }, context()));
    expect(weekly.title).toBe(`${VERDICT_LABELS.different}: “$35”`);
    expect(weekly.description!.split('\n\n').at(-1)).toBe(
      '*The claim gives a figure per week; the statement, per month.*',
    );
    const metric = embedOf(
      check.run(library, { claim: 'The agency built more than 161 km of new bike lanes' }, context()),
    );
    expect(metric.title).toBe(`${VERDICT_LABELS.stated}: “more than 161”`);
    expect(metric.description!.split('\n\n').at(-1)).toBe('*161 kilometers is about 100 miles.*');
  });

  it('says under the quote when the claim’s time frame is not the statement’s', () => {
    const library = libraryOf({
      'markets.txt': 'FACT SHEET: Markets\n\nSHARES\n\nShares of the exchange are down 69% from the all-time high.\n',
    });
    const reply = check.run(library, { claim: 'Shares of the exchange fell 69% in the first month' }, context());
    expect(embedOf(reply).title).toBe(`${VERDICT_LABELS.stated}: “69%”`);
    expect(embedOf(reply).description!.split('\n\n').slice(1)).toEqual([
      '> Shares of the exchange are down **69%** from the all-time high.\n— *FACT SHEET: Markets*',
      '*The claim says “in the first month”; the statement gives no such time frame.*',
    ]);
  });

  it('quotes the sentence around the figure, not a paragraph-long block, and cites the whole of it', () => {
    const lead = 'The plan was written over many months with '.repeat(12);
    const library = libraryOf({
      'long.txt': `FACT SHEET: Long Sentences\n\nPLAN\n\n${lead}input from 4,200 farmers in the river valley counties.\n`,
    });
    const reply = check.run(library, { claim: 'The plan had input from 4,200 farmers in the river valley' }, context());
    const quote = embedOf(reply)
      .description!.split('\n')
      .find((line) => line.startsWith('> '))!;
    expect(quote).toBe(
      `> …many months with ${'The plan was written over many months with '.repeat(3)}input from **4,200** farmers in the river valley counties.`,
    );
    const [post, cite] = buttonsOf(reply);
    expect([post!.label, cite!.label]).toEqual(['Post to channel', 'Cite']);
    const citation = check.component!(library, cite!.custom_id, context());
    expect(JSON.stringify(citation)).toContain(`${lead.trim()} input from 4,200 farmers`);
  });

  it('quotes the sentence that holds the figure, not its 600-character paragraph, and cites that sentence', () => {
    const paragraph = [
      'The Administration has worked with partners across the region to expand access to clean water.',
      'Local utilities, tribal nations and rural cooperatives have all taken part in the planning.',
      'Over the past year the program opened offices in every state and hired staff to help towns apply.',
      'Applications were reviewed by engineers and community leaders, who weighed need and readiness.',
      'Grants were awarded to towns with the oldest pipes first, and to schools and clinics next.',
      'Towns that could not apply alone were paired with neighbors to share costs and expertise.',
      'In all, the program has replaced 4,700 lead service lines in rural towns.',
    ].join(' ');
    expect(paragraph.length).toBeGreaterThan(600);
    const library = libraryOf({ 'water.txt': `FACT SHEET: Clean Water\n\nWATER\n\n${paragraph}\n` });
    const reply = check.run(
      library,
      { claim: 'The program replaced 4,700 lead service lines in rural towns' },
      context(),
    );
    expect(
      embedOf(reply)
        .description!.split('\n')
        .filter((line) => line.startsWith('> ')),
    ).toEqual(['> In all, the program has replaced **4,700** lead service lines in rural towns.']);
    const cite = buttonsOf(reply).find((button) => button.label === 'Cite')!;
    const citation = JSON.stringify(check.component!(library, cite.custom_id, context()));
    expect(citation).toContain(
      '“In all, the program has replaced 4,700 lead service lines in rural towns.” — FACT SHEET',
    );
  });

  it('posts to the channel only when asked: private:false, or the button by the one who asked', () => {
    const open = check.run(seed, { claim: 'ICE arrested 120,000 criminal aliens', private: false }, context());
    expect(open.flags).toBeUndefined();
    expect(buttonsOf(open).map((b) => b.label)).toEqual(['Cite']);
    const privately = check.run(seed, { claim: 'ICE arrested 120,000 criminal aliens' }, context());
    const post = buttonsOf(privately)[0]!.custom_id;
    expect(post).toBe('check:post');
    // Another process (a restart, another replica): the press carries the message, which shows the check.
    const press = (message: Record<string, unknown> | undefined, userId = 'user-1', ctx = sharedContext()) =>
      respond(seed, buttonPress(post, message, userId), ctx, commands)!;
    const posted = press(messageOf(privately));
    expectValidResponse(posted);
    expect(posted.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(dataOf(posted).flags).toBeUndefined();
    expect(dataOf(posted).embeds).toEqual(privately.embeds);
    expect(embedOf(dataOf(press(messageOf(privately), 'someone-else'))).title).toBe('Not your check');
    const now = Date.now();
    const timeout = sharedContext({ now: () => now, buttonTimeoutMs: 60_000 });
    const late = press(messageOf(privately, { madeAt: now - 61_000 }), 'user-1', timeout);
    expect(embedOf(dataOf(late)).title).toBe('This check has expired');
    expect(embedOf(dataOf(press(messageOf(privately, { madeAt: now - 59_000 }), 'user-1', timeout))).title).toBe(
      embedOf(privately).title,
    );
    // No message to date or to name its owner: refused as expired (fail closed).
    expect(embedOf(dataOf(press(undefined))).title).toBe('This check has expired');
    // A message showing no check, or a made-up id: nothing to post, and a note saying so.
    for (const [customId, message] of [
      [post, { ...messageOf(privately), embeds: [{ title: 7 }] }],
      ['check:nope', messageOf(privately)],
    ] as const) {
      const response = respond(seed, buttonPress(customId, message), sharedContext(), commands)!;
      expectValidResponse(response);
      expect(embedOf(dataOf(response)).title).toBe('This check cannot be posted');
    }
  });

  it('gives each figure its field and counts each verdict in the title', () => {
    const reply = check.run(
      seed,
      {
        claim:
          'Criminal aliens were responsible for more than 5,000 sexual assaults, 12,000 burglaries and 3 million cats',
      },
      context(),
    );
    expectValidResponse(asResponse(reply));
    const embed = embedOf(reply);
    expect(embed.title).toBe(
      `${VERDICT_LABELS.stated}: 1 · ${VERDICT_LABELS.different}: 1 · ${VERDICT_LABELS['not-found']}: 1`,
    );
    expect(embed.fields!.map((f) => f.name)).toEqual([
      `“more than 5,000”: ${VERDICT_LABELS.stated}`,
      `“12,000”: ${VERDICT_LABELS.different}`,
      `“3 million”: ${VERDICT_LABELS['not-found']}`,
    ]);
  });

  it('checks a claim without figures by its words', () => {
    const stated = embedOf(check.run(seed, { claim: 'Mexico enhanced its border security efforts' }, context()));
    expect(stated.title).toBe(VERDICT_LABELS.stated);
    expect(stated.description).toContain('> At President Trump');
    const missing = embedOf(check.run(seed, { claim: 'The moon is made of cheese' }, context()));
    expect(missing.title).toBe(VERDICT_LABELS['not-found']);
  });

  it('keeps to one document with document:, and says when there is no such document', () => {
    const claim = 'Fannie Mae and Freddie Mac were directed to purchase $200 billion in mortgage-backed securities';
    expect(embedOf(check.run(corpus, { claim }, context())).title).toMatch(/^Stated in the documents/);
    const elsewhere = embedOf(check.run(corpus, { claim, document: 'ratepayer-protection' }, context()));
    expect(elsewhere.title).toMatch(/^Not found in the documents/);
    expect(embedOf(check.run(corpus, { claim, document: 'zzzz-unknown' }, context())).title).toBe('Document not found');
  });

  it('quotes the documents’ own words, with the document’s link and date', () => {
    const reply = check.run(corpus, { claim: 'Trump saved 47 coal power plants' }, context());
    const embed = embedOf(reply);
    expect(embed.description).toMatch(/\[Fact Sheet: [^\]]+\]\(https:\/\/www\.whitehouse\.gov\/[^)]+\) · 2026-03-04/);
    expectQuotesVerbatim(corpus, embed);
  });

  it('never judges the claim: no reply says true, false, wrong, misleading or lie', () => {
    const claims = [...readClaims().map((c) => c.claim), ...HOSTILE_INPUTS, 'This is false and a lie!'];
    for (const library of [seed, corpus]) {
      for (const claim of claims) {
        const reply = check.run(library, { claim: claim.slice(0, 4000) }, context());
        for (const embed of reply.embeds ?? []) {
          expect(ownWords(embed), claim).not.toMatch(JUDGING);
          expectQuotesVerbatim(library, embed);
        }
        expect(responseProblems(asResponse(reply)), claim).toEqual([]);
      }
    }
    for (const text of [...Object.values(VERDICT_LABELS)]) expect(text).not.toMatch(JUDGING);
  });
});

describe('Check against documents (message command)', () => {
  it('checks the message’s text and the text of its embeds', () => {
    const message = {
      content: 'Look at this:',
      embeds: [{ title: 'Border news', description: 'ICE arrested 200,000 criminal aliens last year' }],
    };
    expect(messageText(message)).toBe('Look at this:\nBorder news\nICE arrested 200,000 criminal aliens last year');
    const reply = checkMessage.run(seed, message, context());
    expectValidResponse(asResponse(reply));
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(embedOf(reply).title).toBe(`${VERDICT_LABELS.different}: “200,000”`);
    expect(buttonsOf(reply)[0]!.custom_id).toMatch(/^Check against documents:/);
  });

  it('answers an empty or unreadable message privately, saying why', () => {
    for (const message of [{ content: '' }, { content: '   ', embeds: [] }, { embeds: [{ image: { url: 'x' } }] }]) {
      const reply = checkMessage.run(seed, message, context());
      expectValidResponse(asResponse(reply));
      expect(reply.flags).toBe(MessageFlags.Ephemeral);
      expect(embedOf(reply).title).toBe('Nothing to check');
    }
    const missing = checkMessage.run(seed, undefined, context());
    expect(embedOf(missing).title).toBe('This message could not be read');
    const odd = { content: 42, embeds: [null, 'x', { fields: [null, { name: 7 }], footer: 'y' }] };
    expect(embedOf(checkMessage.run(seed, odd as never, context())).title).toBe('Nothing to check');
  });

  it('checks a long message on its first 4,000 characters, and says so', () => {
    const content = `ICE arrested 120,000 criminal aliens last year. ${'More words about the border. '.repeat(400)}`;
    const reply = checkMessage.run(seed, { content }, context());
    expectValidResponse(asResponse(reply));
    expect(embedOf(reply).footer!.text).toContain(
      `Checked the first 4,000 of the message’s ${[...content].length.toLocaleString('en-US')} characters`,
    );
    expect(embedOf(reply).title).toMatch(/^Stated in the documents/);
  });

  it('posts to the channel with its button, for the one who asked', () => {
    const reply = checkMessage.run(seed, { content: 'Mexico enhanced its border security efforts' }, context());
    const customId = buttonsOf(reply)[0]!.custom_id;
    const posted = respond(seed, buttonPress(customId, messageOf(reply)), sharedContext(), commands)!;
    expectValidResponse(posted);
    expect(dataOf(posted).flags).toBeUndefined();
    expect(embedOf(dataOf(posted)).title).toBe(VERDICT_LABELS.stated);
  });

  it('keeps Discord’s limits on hostile messages', () => {
    for (const input of HOSTILE_INPUTS) {
      const message = { content: input, embeds: [{ description: input, fields: [{ name: input, value: input }] }] };
      expectValidResponse(asResponse(checkMessage.run(corpus, message, context())));
    }
  });
});
