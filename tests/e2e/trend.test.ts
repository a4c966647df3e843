// /trend end to end on the gateway: the real bot sends its chart as Discord takes files, a multipart callback
// with payload_json and files[0], which the stand-in reads and checks (attachment ids, names, sizes).
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { SEIZURE_SHEETS, sheetsFolder } from '../support/dated-sheets.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';

const STRING = 3;
let standIn: DiscordStandIn;
let bot: BotProcess;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: sheetsFolder(SEIZURE_SHEETS) });
  await standIn.waitForReady(30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('/trend against the stand-in (gateway)', () => {
  it('answers with the chart attached as files[0], named by attachment 0', async () => {
    const callback = await standIn.waitForCallback(
      standIn.dispatchInteraction('trend', [{ name: 'query', type: STRING, value: 'pounds of fentanyl' }]),
    );
    expect(standIn.violations).toEqual([]);
    expect(callback.files.map((f) => [f.field, f.name, f.contentType])).toEqual([
      ['files[0]', 'trend.png', 'image/png'],
    ]);
    const png = PNG.sync.read(callback.files[0]!.data);
    expect([png.width, png.height]).toEqual([800, 450]);
    const data = callback.body.data as { attachments: unknown[]; embeds: Array<{ image: { url: string } }> };
    expect(data.attachments).toEqual([
      { id: '0', filename: 'trend.png', description: 'Chart of pounds of fentanyl (pounds) by document date' },
    ]);
    expect(data.embeds[0]!.image.url).toBe('attachment://trend.png');
    expect(JSON.stringify(callback.body)).not.toContain('"files"');
  });

  it('answers without a file when there is nothing to draw', async () => {
    const callback = await standIn.waitForCallback(
      standIn.dispatchInteraction('trend', [{ name: 'query', type: STRING, value: 'tariffs' }]),
    );
    expect(standIn.violations).toEqual([]);
    expect(callback.files).toEqual([]);
    expect((callback.body.data as { embeds: Array<{ title: string }> }).embeds[0]!.title).toBe('No figures to chart');
  });
});
