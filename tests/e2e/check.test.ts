// /check and "Check against documents" end to end: the real bot against the stand-in, with the seed and two
// corpus fact sheets. Every callback is checked by the stand-in against Discord's schema and limits, and
// again here.
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { startStandIn, type Callback, type DiscordStandIn } from '../support/discord-stand-in.js';

const STRING = 3;
const BOOLEAN = 5;
const MESSAGE_COMMAND = 'Check against documents';
let standIn: DiscordStandIn;
let bot: BotProcess;

type Embed = { title: string; description?: string; footer?: { text: string }; fields?: Array<{ name: string }> };
const embedOf = (callback: Callback) => (callback.body.data as { embeds: Embed[] }).embeds[0]!;
const flagsOf = (callback: Callback) => (callback.body.data as { flags?: number }).flags;
const postButton = (callback: Callback) =>
  ((callback.body.data?.components ?? []) as Array<{ components: Array<{ custom_id: string; label: string }> }>)
    .flatMap((row) => row.components)
    .find((button) => button.label === 'Post to channel');

async function answer(id: string): Promise<Callback> {
  const callback = await standIn.waitForCallback(id);
  expectValidResponse(callback.body);
  return callback;
}

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: 'tests/fixtures/corpus' });
  await standIn.waitForReady();
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('/check against the stand-in', () => {
  it('answers privately with the verdict first, and posts to the channel on the button', async () => {
    const reply = await answer(
      standIn.dispatchInteraction('check', [
        { name: 'claim', type: STRING, value: 'ICE arrested 200,000 criminal aliens last year' },
      ]),
    );
    expect(reply.body.type).toBe(4);
    expect(flagsOf(reply)).toBe(MessageFlags.Ephemeral);
    expect(embedOf(reply).title).toBe('The documents give a different figure: “200,000”');
    expect(embedOf(reply).description).toContain('**more than 120,000**');
    const posted = await answer(standIn.dispatchButton(postButton(reply)!.custom_id));
    expect(posted.body.type).toBe(4);
    expect(flagsOf(posted)).toBeUndefined();
    expect(embedOf(posted).title).toBe(embedOf(reply).title);
    expect(standIn.violations).toEqual([]);
  });

  it('counts each verdict for several figures, keeps to one document, and answers openly with private:false', async () => {
    const several = await answer(
      standIn.dispatchInteraction('check', [
        {
          name: 'claim',
          type: STRING,
          value: 'Trump saved 74 coal power plants and Fannie Mae bought $300 billion in securities and 9 moons',
        },
        { name: 'private', type: BOOLEAN, value: false },
      ]),
    );
    expect(flagsOf(several)).toBeUndefined();
    expect(embedOf(several).title).toBe(
      'Stated in the documents: 1 · The documents give a different figure: 1 · Not found in the documents: 1',
    );
    expect(embedOf(several).fields).toHaveLength(3);
    const scoped = await answer(
      standIn.dispatchInteraction('check', [
        { name: 'claim', type: STRING, value: 'Trump saved 74 coal power plants' },
        { name: 'document', type: STRING, value: 'mortgage-credit' },
      ]),
    );
    expect(embedOf(scoped).title).toMatch(/^Not found in the documents/);
    expect(standIn.violations).toEqual([]);
  });
});

describe('“Check against documents” against the stand-in', () => {
  it('reads the target message from the resolved data, its embeds included', async () => {
    const reply = await answer(
      standIn.dispatchMessageCommand(MESSAGE_COMMAND, {
        content: 'Saw this today',
        embeds: [{ type: 'rich', description: 'President Trump took action to save 74 coal power plants' }],
      }),
    );
    expect(flagsOf(reply)).toBe(MessageFlags.Ephemeral);
    expect(embedOf(reply).title).toBe('Stated in the documents: “74”');
    expect(embedOf(reply).description).toMatch(/\[Fact Sheet: [^\]]+\]\(https:\/\/www\.whitehouse\.gov\//);
    const posted = await answer(standIn.dispatchButton(postButton(reply)!.custom_id));
    expect(flagsOf(posted)).toBeUndefined();
    expect(standIn.violations).toEqual([]);
  });

  it('answers an empty message, an unresolved one, and a very long one privately, saying what it did', async () => {
    const empty = await answer(standIn.dispatchMessageCommand(MESSAGE_COMMAND, { content: '', embeds: [] }));
    expect(flagsOf(empty)).toBe(MessageFlags.Ephemeral);
    expect(embedOf(empty).title).toBe('Nothing to check');
    const unresolved = await answer(
      standIn.dispatchMessageCommand(MESSAGE_COMMAND, { content: 'x' }, { resolved: false }),
    );
    expect(embedOf(unresolved).title).toBe('This message could not be read');
    const content = `The ICE arrested 120,000 criminal aliens last year. ${'Words and more words. '.repeat(800)}`.slice(
      0,
      17_000,
    );
    const long = await answer(standIn.dispatchMessageCommand(MESSAGE_COMMAND, { content }));
    expect(embedOf(long).footer!.text).toContain('Checked the first 4,000 of the message’s 17,000 characters');
    expect(embedOf(long).title).toMatch(/^Stated in the documents/);
    expect(standIn.violations).toEqual([]);
  });

  it('is still running, with nothing logged as an error', () => {
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output()).not.toContain('"level":50');
  });
});
