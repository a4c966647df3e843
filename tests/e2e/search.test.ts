// /search end to end with three documents: paging with buttons, only the asker pages, preview and post,
// and buttons disabled by editing the original message once their time is up.
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type Callback, type DiscordStandIn } from '../support/discord-stand-in.js';

const STRING = 3;
let standIn: DiscordStandIn;
let bot: BotProcess;

type Button = { custom_id: string; label: string; disabled?: boolean };
const buttonsOf = (callback: Callback) =>
  ((callback.body.data?.components ?? []) as Array<{ components: Button[] }>).flatMap((r) => r.components);
const footer = (callback: Callback) =>
  (callback.body.data as { embeds: Array<{ footer: { text: string } }> }).embeds[0]!.footer.text;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: 'tests/fixtures/corpus', BUTTON_TIMEOUT_SECONDS: '3' });
  await standIn.waitForReady(30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('/search against the stand-in', () => {
  it('pages with Next and Previous; only the asker can page', async () => {
    const first = await standIn.waitForCallback(
      standIn.dispatchInteraction('search', [{ name: 'query', type: STRING, value: 'American' }]),
    );
    expect(first.body.type).toBe(4);
    // The count, then the dates the hits span (the seed is undated).
    expect(footer(first)).toMatch(/^Page 1 of \d+ · \d+ statements · \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$/);
    const next = buttonsOf(first).find((b) => b.label === 'Next')!;
    const paged = await standIn.waitForCallback(standIn.dispatchButton(next.custom_id));
    expect(paged.body.type).toBe(7);
    expect(footer(paged)).toMatch(/^Page 2 of/);
    const stranger = await standIn.waitForCallback(standIn.dispatchButton(next.custom_id, '930000000000000999'));
    expect(stranger.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Not your search' }] },
    });
    expect(standIn.violations).toEqual([]);
  });

  it('previews privately, and "Post to channel" shares the result', async () => {
    const preview = await standIn.waitForCallback(
      standIn.dispatchInteraction('search', [
        { name: 'query', type: STRING, value: '"data centers"' },
        { name: 'preview', type: ApplicationCommandOptionType.Boolean, value: true },
      ]),
    );
    expect(preview.body.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    const post = buttonsOf(preview).find((b) => b.label === 'Post to channel')!;
    const posted = await standIn.waitForCallback(standIn.dispatchButton(post.custom_id));
    expect(posted.body.type).toBe(4);
    expect(posted.body.data!.flags).toBeUndefined();
    expect(JSON.stringify(posted.body)).toContain('**data** **centers**');
    expect(standIn.violations).toEqual([]);
  });

  it('disables the buttons once their time is up, by editing the original message', async () => {
    const id = standIn.dispatchInteraction('search', [{ name: 'query', type: STRING, value: 'energy' }]);
    const reply = await standIn.waitForCallback(id);
    expect(buttonsOf(reply).some((b) => !b.disabled)).toBe(true);
    const token = standIn.tokenOf(id);
    const deadline = Date.now() + 10_000;
    while (standIn.edits(token).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [edit] = standIn.edits(token);
    const rows = (edit!.body as { components: Array<{ components: Button[] }> }).components;
    // Every button expires but Cite, which names its quote itself and keeps working.
    const buttons = rows.flatMap((r) => r.components) as Array<{ disabled?: boolean; custom_id?: string }>;
    expect(buttons.every((b) => b.disabled || b.custom_id?.split(':')[1] === 'cite')).toBe(true);
    expect(buttons.some((b) => b.disabled)).toBe(true);
    // And a press after the timeout is refused politely.
    const late = await standIn.waitForCallback(
      standIn.dispatchButton(buttonsOf(reply).find((b) => b.label === 'Next')!.custom_id),
    );
    expect(late.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'This search has expired' }] },
    });
    expect(standIn.violations).toEqual([]);
  }, 20_000);

  it('names the document of each hit, and keeps to one with document:', async () => {
    const all = await standIn.waitForCallback(
      standIn.dispatchInteraction('search', [{ name: 'query', type: STRING, value: 'families' }]),
    );
    expect(JSON.stringify(all.body)).toMatch(/ · Fact Sheet: President Donald J\. Trump/);
    const one = await standIn.waitForCallback(
      standIn.dispatchInteraction('search', [
        { name: 'document', type: STRING, value: 'border-security-and-immigration' },
        { name: 'query', type: STRING, value: 'families' },
      ]),
    );
    expect(JSON.stringify(one.body)).not.toContain('Fact Sheet: President');
  });
});
