// Schema-violating INTERACTION_CREATE payloads through the real bot process and the stand-in's gateway. None may
// end the process; each is answered when it names an interaction that can be answered and dropped with a warning
// otherwise; no warning carries an interaction token; and a valid interaction is still answered afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { MALFORMED_INTERACTIONS, type Payload } from '../support/malformed-interactions.js';

const WARN = 40;
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

function validPayload(kind: 2 | 3 | 4): Payload {
  if (kind === 3)
    return standIn.interactionPayload(
      3,
      { custom_id: 'search:zzz:1', component_type: 2 },
      undefined,
      standIn.botMessage(),
    );
  const focused = kind === 4 ? { focused: true } : {};
  return standIn.interactionPayload(kind, {
    id: '940000000000000000',
    name: 'stat',
    type: 1,
    options: [{ name: 'query', type: 3, value: 'wall', ...focused }],
  });
}

const drops = () => bot.logLines().filter((l) => l.level === WARN && String(l.msg).includes('malformed interaction'));

async function until(condition: () => boolean, what: string, timeout = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (bot.child.exitCode !== null)
      throw new Error(`the bot exited (${bot.child.exitCode}) waiting for ${what}:\n${bot.output().slice(-3000)}`);
    if (Date.now() - started > timeout) throw new Error(`no ${what} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('malformed INTERACTION_CREATE payloads', () => {
  const tokens: string[] = [];

  it(`survives all ${MALFORMED_INTERACTIONS.length}, answering or dropping each`, async () => {
    expect(MALFORMED_INTERACTIONS.length).toBeGreaterThanOrEqual(20);
    for (const malformed of MALFORMED_INTERACTIONS) {
      const { label, kind, outcome } = malformed;
      const valid = validPayload(kind);
      tokens.push(String(valid.token));
      const before = drops().length;
      const id = standIn.dispatchRaw(malformed.spoil(valid));
      if (outcome === 'answered') {
        const callback = await standIn.waitForCallback(id, 5000).catch((error: Error) => {
          throw new Error(
            `${label}: ${error.message}; bot ${bot.child.exitCode === null ? 'running' : 'exited'}:\n${bot.output().slice(-2000)}`,
          );
        });
        expect(callback.body.type, label).toBeGreaterThan(0);
      } else {
        await until(() => drops().length > before, `warning for "${label}"`);
      }
      expect(bot.child.exitCode, label).toBeNull();
    }
    expect(standIn.violations).toEqual([]);
  }, 120_000);

  it('still answers a valid interaction afterwards', async () => {
    const id = standIn.dispatchInteraction('stat', [{ name: 'query', type: 3, value: 'homicides' }]);
    expect(JSON.stringify((await standIn.waitForCallback(id)).body)).toContain('**nearly 2,000**');
    expect(bot.child.exitCode).toBeNull();
  });

  it('logs what it dropped at warn, with no interaction token and nothing above warn', () => {
    for (const line of drops()) expect(line).toHaveProperty('problem');
    for (const token of tokens) expect(bot.output()).not.toContain(token);
    expect(bot.logLines().filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
