// Bad documents in SEEDS_DIR, with the real bot: each is reported naming the file, the rest are served;
// with nothing servable, the bot says so and exits non-zero.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badSeedsDir } from '../support/bad-seeds.js';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { SEED_PATH } from '../support/documents.js';

let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
});
afterAll(async () => standIn?.stop());

describe('bad documents', () => {
  it('reports each bad file by name and line, and serves the good ones', async () => {
    const bot: BotProcess = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: badSeedsDir() });
    try {
      await standIn.waitForReady();
      for (const expected of [
        'empty.txt: the file is empty',
        'binary.txt:3: the file is binary',
        'latin1.txt:3: the file is not valid UTF-8',
        'huge.txt: the file is 50.0 MB',
      ]) {
        await bot.waitForLog((l) => l.level === 50 && String(l.msg).includes(expected));
      }
      // Parse warnings are details, at debug level; the start-up summary counts them in one line.
      await bot.waitForLog((l) => l.level === 20 && String(l.msg).startsWith('no-headings.txt:1: no headings found'));
      const summary = await bot.waitForLog((l) => l.msg === 'documents loaded');
      expect(summary).toMatchObject({ level: 30, documents: 4, refused: 4 });
      expect(summary.warnings).toBeGreaterThan(0);
      await bot.waitForLog((l) => l.level === 20 && l.msg === 'document served' && l.file === 'no-headings.txt');
      const toc = await standIn.waitForCallback(standIn.dispatchInteraction('section', []));
      const titles = (toc.body.data as { embeds: Array<{ title: string }> }).embeds.map((e) => e.title);
      expect(titles).toEqual(['Border Security and Immigration', 'Duplicate Headings', 'Long Section', 'No Headings']);
      const long = await standIn.waitForCallback(
        standIn.dispatchInteraction('section', [
          { name: 'name', type: ApplicationCommandOptionType.String, value: 'long-section' },
        ]),
      );
      // Five thousand statements page with Next (they used to end with "… not shown"); page 1 is full.
      const page = (long.body.data as { embeds: Array<{ description: string; footer: { text: string } }> }).embeds[0]!;
      expect(page.footer.text).toMatch(/^Section 1 of 1 · Page 1 of \d+ · Long Section$/);
      expect(page.description.length).toBeGreaterThan(3000);
      expect(JSON.stringify(long.body)).toContain('"label":"Next"');
      const stat = await standIn.waitForCallback(
        standIn.dispatchInteraction('stat', [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'jobs' },
        ]),
      );
      expect(stat.body.type).toBe(4);
      expect(standIn.violations).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 40_000);

  it('with no servable document at all, says so and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nothing-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: dir });
    const code = await bot.exited;
    expect(code).toBe(1);
    expect(bot.output()).toContain('not served: empty.txt: the file is empty');
    expect(bot.output()).toContain('no servable document in');
  }, 20_000);

  it('picks up an added document and a bad edit while running, keeping the last good version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-'));
    copyFileSync(SEED_PATH, join(dir, 'border-security-and-immigration.txt'));
    const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: dir });
    try {
      await standIn.waitForReady();
      writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
      await bot.waitForLog((l) => l.msg === 'documents reloaded' && JSON.stringify(l.added) === '["parks.txt"]');
      const added = await standIn.waitForCallback(
        standIn.dispatchInteraction('stat', [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'parks' },
        ]),
      );
      expect(JSON.stringify(added.body)).toContain('**12** parks');
      writeFileSync(join(dir, 'parks.txt'), Buffer.from([0x50, 0x00, 0x0a]));
      await bot.waitForLog((l) => String(l.msg).startsWith('reload: parks.txt:1: the file is binary'));
      const kept = await standIn.waitForCallback(
        standIn.dispatchInteraction('stat', [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'parks' },
        ]),
      );
      expect(JSON.stringify(kept.body)).toContain('**12** parks');
      expect(standIn.violations).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 40_000);

  it('a token Discord refuses gets one clear error and exit code 1, and is not printed', async () => {
    const wrong = 'OTk5OTk5OTk5OTk5OTk5OTk5.WrOnGg.this-token-is-refused-by-the-stand-in-0000';
    const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, DISCORD_TOKEN: wrong });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('"msg":"could not connect to Discord"');
    expect(bot.output()).not.toContain(wrong);
    expect(bot.output()).not.toContain('this-token-is-refused');
  }, 30_000);
});
