// Hostile input through the real bot: every catalogue entry through every command option and autocomplete,
// plus option values of the wrong type. Each gets a schema-valid reply, mentions nobody, and the bot keeps running.
import { isSlashDefinition } from '../../src/command.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { HOSTILE_INPUTS } from '../support/hostile.js';
import { definitions } from '../../commands/index.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';

const STRING = 3;
let standIn: DiscordStandIn;
let bot: BotProcess;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info' });
  await standIn.waitForReady(30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

// Every string option of every registered command: a command added to the registry is fuzzed the day it lands.
const TARGETS: Array<[command: string, option: string]> = definitions
  .filter(isSlashDefinition)
  .flatMap((definition) =>
    (definition.options ?? [])
      .filter((option) => option.type === ApplicationCommandOptionType.String)
      .map((option): [string, string] => [definition.name, option.name]),
  );

describe('hostile input against the running bot', () => {
  it(`answers all ${HOSTILE_INPUTS.length} catalogue entries on every option and autocomplete, validly, pinging nobody`, async () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(40);
    for (const input of HOSTILE_INPUTS) {
      for (const [command, option] of TARGETS) {
        for (const type of [2, 4] as const) {
          const id = standIn.dispatchInteraction(
            command,
            [{ name: option, type: STRING, value: input, ...(type === 4 ? { focused: true } : {}) }],
            type,
          );
          const callback = await standIn.waitForCallback(id);
          expect(callback.body.type).toBe(type === 2 ? 4 : 8);
          // A search reply's buttons are pressed too, by the asker.
          for (const row of (callback.body.data?.components ?? []) as Array<{
            components: Array<{ custom_id: string; disabled?: boolean }>;
          }>) {
            for (const button of row.components.filter((b) => !b.disabled))
              expect(
                (await standIn.waitForCallback(standIn.dispatchButton(button.custom_id))).body.type,
              ).toBeGreaterThan(0);
          }
          if (type === 2)
            expect((callback.body.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
        }
      }
    }
    expect(standIn.violations).toEqual([]);
  }, 120_000);

  it('answers option values of the wrong type', async () => {
    const wrong: Array<[string, Array<{ name: string; type: number; value: unknown }>]> = [
      ['stat', [{ name: 'query', type: 4, value: 12 }]],
      ['stat', [{ name: 'query', type: 10, value: 1.5 }]],
      ['section', [{ name: 'name', type: ApplicationCommandOptionType.Boolean, value: true }]],
      ['quote', [{ name: 'private', type: ApplicationCommandOptionType.String, value: 'yes' }]],
      ['quote', [{ name: 'private', type: 4, value: 1 }]],
      ['stat', [{ name: 'unknown-option', type: ApplicationCommandOptionType.String, value: 'homicides' }]],
      [
        'section',
        [
          { name: 'name', type: ApplicationCommandOptionType.String, value: 'border' },
          { name: 'name', type: ApplicationCommandOptionType.String, value: 'lives' },
        ],
      ],
      ['nonexistent', [{ name: 'x', type: ApplicationCommandOptionType.String, value: 'y' }]],
      ['search', []],
      ['search', [{ name: 'preview', type: ApplicationCommandOptionType.String, value: 'true' }]],
      ['check', []],
      ['check', [{ name: 'claim', type: 4, value: 120000 }]],
      ['check', [{ name: 'private', type: ApplicationCommandOptionType.String, value: 'false' }]],
      ['Check against documents', [{ name: 'claim', type: ApplicationCommandOptionType.String, value: 'x' }]],
    ];
    for (const customId of [
      '',
      'check:',
      'check:zzz',
      'Check against documents:zzz',
      'search',
      'search:',
      'search:zzz:-5',
      'search:zzz:NaN:post',
      // Made-up ids in today's shape: a query check no message shows, a document not served, no query, bad dates.
      'search:p:1:::#zzzz',
      'search:v:-1:0.zzzz::=wall',
      'search:s:999:::=',
      'search:p:1::~:=wall',
      'search:p:1:::#@everyone <@123456789012345678>',
      'nope:1',
      'x'.repeat(100),
      '@everyone',
    ]) {
      const callback = await standIn.waitForCallback(standIn.dispatchButton(customId));
      expect(callback.body.type).toBe(4);
    }
    for (const [command, options] of wrong) {
      const callback = await standIn.waitForCallback(standIn.dispatchInteraction(command, options));
      expect(callback.body.type).toBe(4);
    }
    // The message command on hostile messages: each a message's text and its embeds' text.
    for (const input of HOSTILE_INPUTS) {
      const embeds = [{ type: 'rich', title: input.slice(0, 256) || 'x', description: input.slice(0, 4096) || 'x' }];
      const callback = await standIn.waitForCallback(
        standIn.dispatchMessageCommand('Check against documents', { content: input.slice(0, 4000), embeds }),
      );
      expect(callback.body.type).toBe(4);
    }
    expect(standIn.violations).toEqual([]);
  });

  it('is still running and answering afterwards', async () => {
    const callback = await standIn.waitForCallback(
      standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: 'homicides' }]),
    );
    expect(JSON.stringify(callback.body)).toContain('**nearly 2,000**');
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output()).not.toContain('"level":50');
  });
});
