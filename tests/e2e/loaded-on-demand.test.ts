// What a started replica has loaded (issue 21: RSS against a bare discord.js bot): the chart renderer (vega,
// vega-lite, resvg: about 18 MB) only once a /trend draws a chart, the PostgreSQL driver only when DATABASE_URL
// names one, and the feed readers only when a feed is polled. The real bot against the stand-in, every import
// seen by a resolve hook (tests/support/preload-loaded-packages.ts); counts packages, never times.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { SEIZURE_SHEETS, sheetsFolder } from '../support/dated-sheets.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';

const STRING = 3;
const CHART_RENDERER = ['@resvg/resvg-js', 'vega', 'vega-lite'];
const FEED_READERS = ['@mozilla/readability', 'fast-xml-parser', 'linkedom', 'turndown'];
let standIn: DiscordStandIn;
let bot: BotProcess;

/** The packages the bot has loaded so far, as the preload reports them on SIGUSR2. */
async function loadedPackages(asked: number): Promise<string[]> {
  bot.child.kill('SIGUSR2');
  const line = await bot.waitForLog((l) => l.asked === asked);
  return line.loadedPackages as string[];
}

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  const env = { DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: sheetsFolder(SEIZURE_SHEETS) };
  bot = startBot(env, { preload: './tests/support/preload-loaded-packages.ts' });
  await standIn.waitForReady(30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('what a started replica has loaded', () => {
  it('has not loaded the chart renderer, the PostgreSQL driver nor the feed readers when ready', async () => {
    const loaded = await loadedPackages(1);
    // What it needs (the SQLite driver: no DATABASE_URL) is seen, so the hook is seeing the bot's imports.
    expect(loaded).toEqual(expect.arrayContaining(['@discordjs/ws', 'pino', 'kysely', 'better-sqlite3']));
    expect(loaded.filter((name) => [...CHART_RENDERER, 'pg', ...FEED_READERS].includes(name))).toEqual([]);
  });

  it('loads the chart renderer on the first /trend, and the chart is drawn', async () => {
    const callback = await standIn.waitForCallback(
      standIn.dispatchInteraction('trend', [{ name: 'query', type: STRING, value: 'pounds of fentanyl' }]),
    );
    expect(standIn.violations).toEqual([]);
    expect(callback.files.map((f) => [f.field, f.name, f.contentType])).toEqual([
      ['files[0]', 'trend.png', 'image/png'],
    ]);
    const png = PNG.sync.read(callback.files[0]!.data);
    expect([png.width, png.height]).toEqual([800, 450]);
    expect(await loadedPackages(2)).toEqual(expect.arrayContaining(CHART_RENDERER));
  });
});
