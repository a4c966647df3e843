// The documents folder replaced under the real bot: swapped atomically through a symlink, or renamed away and a
// new folder moved in. The bot must keep answering from the last good documents meanwhile, say loudly when the
// folder is gone, and go on watching the new folder, so a document added to it afterwards is served. Its
// periodic rescan runs only once a minute: being served within the deadline here is the watcher's doing.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { SEED_PATH } from '../support/documents.js';
import { eventually } from '../support/folder.js';

const ERROR = 50;
let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
});
afterAll(async () => standIn?.stop());

async function stat(query: string): Promise<string> {
  const id = standIn.dispatchInteraction('stat', [
    { name: 'query', type: ApplicationCommandOptionType.String, value: query },
  ]);
  return JSON.stringify((await standIn.waitForCallback(id)).body);
}

/** Asks /stat until the reply holds `expected`; fails after the deadline showing the last reply. */
async function eventuallyAnswers(query: string, expected: string): Promise<void> {
  let last = '';
  await eventually(
    `/stat ${query} answers with ${expected}`,
    async () => (last = await stat(query)).includes(expected),
    15_000,
    200,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; the last reply was ${last}`);
  });
}

/** A folder holding the seed and roads.txt, the document that shows the new folder is the one served. */
function newFolder(path: string): string {
  mkdirSync(path);
  copyFileSync(SEED_PATH, join(path, 'border-security-and-immigration.txt'));
  writeFileSync(join(path, 'roads.txt'), 'ROADS: Crews fixed 40 bridges.\n');
  return path;
}

async function startedOn(seedsDir: string): Promise<BotProcess> {
  const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: seedsDir });
  await standIn.waitForReady(30_000);
  expect(await stat('homicides')).toContain('**nearly 2,000** homicides');
  return bot;
}

describe('the documents folder replaced while the bot runs', () => {
  it('swapped atomically (a new symlink renamed over SEEDS_DIR): a document added afterwards is served', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'swap-'));
    mkdirSync(join(parent, 'v1'));
    copyFileSync(SEED_PATH, join(parent, 'v1', 'border-security-and-immigration.txt'));
    symlinkSync('v1', join(parent, 'seeds'));
    const bot = await startedOn(join(parent, 'seeds'));
    try {
      newFolder(join(parent, 'v2'));
      symlinkSync('v2', join(parent, 'seeds.next'));
      renameSync(join(parent, 'seeds.next'), join(parent, 'seeds'));
      await eventuallyAnswers('bridges', '**40** bridges');
      writeFileSync(join(parent, 'seeds', 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
      await eventuallyAnswers('parks', '**12** parks');
      expect(await stat('homicides')).toContain('**nearly 2,000** homicides');
      expect(standIn.violations).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 60_000);

  it('renamed away (an error, the documents still served) and a new folder moved in: a new document is served', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'swap-'));
    const seeds = join(parent, 'seeds');
    mkdirSync(seeds);
    copyFileSync(SEED_PATH, join(seeds, 'border-security-and-immigration.txt'));
    const bot = await startedOn(seeds);
    try {
      renameSync(seeds, `${seeds}.old`);
      await bot.waitForLog((l) => l.level === ERROR && String(l.msg).includes('cannot be listed (ENOENT)'));
      expect(await stat('homicides')).toContain('**nearly 2,000** homicides');
      renameSync(newFolder(`${seeds}.new`), seeds);
      await eventuallyAnswers('bridges', '**40** bridges');
      writeFileSync(join(seeds, 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
      await eventuallyAnswers('parks', '**12** parks');
      expect(standIn.violations).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 60_000);
});
