// Ready means ready (src/main.ts): the HTTP endpoint takes no interaction, and /readyz says "not ready", until
// /check's every-sentence matcher is built. The matcher's build is held by a preload until the test lets it go,
// so the test waits on events only: the hold, then the signal, then the endpoint ready.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../support/bot-process.js';
import { freePort } from '../support/free-port.js';
import { SEED_PATH } from '../support/documents.js';
import { signingKey } from '../support/signed.js';

const preload = fileURLToPath(new URL('../support/preload-hold-matcher.ts', import.meta.url));
let bot: BotProcess;
let port: number;

async function readyz() {
  const response = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: response.status, body: await response.text() };
}

/**
 * Copies of the seed, each told apart by a line of its own: enough sentences that the matcher is built in more
 * than one slice of 10 ms even on a fast, idle machine (40 copies were built in one there, never letting the
 * event loop in, so the hold never came).
 */
function manyDocuments(copies = 400): string {
  const dir = mkdtempSync(join(tmpdir(), 'ready-'));
  const seed = readFileSync(SEED_PATH, 'utf8');
  for (let i = 0; i < copies; i++)
    writeFileSync(join(dir, `copy-${i}.txt`), `${seed}\nCOPY ${i}: Agents counted ${i * 7 + 3} trucks at gate ${i}.\n`);
  return dir;
}

beforeAll(async () => {
  port = await freePort();
  const env = {
    INTERACTIONS: 'http',
    DISCORD_PUBLIC_KEY: signingKey().publicKeyHex,
    HTTP_PORT: String(port),
    SEEDS_DIR: manyDocuments(),
  };
  bot = startBot({ ...env, HTTP_HOST: '127.0.0.1', DISCORD_API_URL: 'http://127.0.0.1:9' }, { preload });
  await bot.waitForLog((l) => l.msg === 'test: the matcher is held', 30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
});

describe("the bot's start", () => {
  it('is not ready while /check’s matcher is being built, and ready once it is', async () => {
    expect(await readyz()).toEqual({ status: 503, body: 'not ready: endpoint not started\n' });
    expect(bot.logLines().some((l) => l.msg === 'serving interactions on POST /interactions')).toBe(false);
    bot.child.kill('SIGUSR2');
    await bot.waitForLog((l) => l.msg === 'serving interactions on POST /interactions', 30_000);
    expect(await readyz()).toEqual({ status: 200, body: 'ready\n' });
  });
});
