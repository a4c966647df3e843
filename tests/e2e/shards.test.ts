// Sharding, end to end: the real bot opens one gateway connection a shard (SHARDS, or Discord's recommendation
// from GET /gateway/bot), and the stand-in sends each server's interactions to its shard, (guild_id >> 22) % count,
// as Discord does. Interactions on every shard are answered; one shard down leaves the others answering, and
// /readyz is ready only once every shard is connected.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import {
  guildOnShard,
  READER_ID,
  startStandIn,
  type DiscordStandIn,
  type StandInOptions,
} from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';

const FATAL = 60;
const ON_SHARD_0 = guildOnShard(0, 2);
const ON_SHARD_1 = guildOnShard(1, 2);

/** A running bot against its own stand-in; both stopped whatever the test does. */
async function withBot(
  standInOptions: Omit<StandInOptions, 'token'>,
  env: Record<string, string>,
  run: (standIn: DiscordStandIn, bot: BotProcess, port: number) => Promise<void>,
  before?: (standIn: DiscordStandIn) => void,
): Promise<void> {
  const standIn = await startStandIn({ token: TEST_TOKEN, ...standInOptions });
  before?.(standIn);
  const port = await freePort();
  const bot = startBot({ DISCORD_API_URL: standIn.apiUrl, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', ...env });
  try {
    await run(standIn, bot, port);
    expect(standIn.violations).toEqual([]);
    expect(bot.output()).not.toContain(TEST_TOKEN);
  } finally {
    await bot.stop('SIGKILL');
    await standIn.stop();
  }
}

/** Sends /stat homicides from a server, or from a DM with `where` 'dm', and returns the interaction's id. */
function statIn(standIn: DiscordStandIn, where: string): string {
  const options = [{ name: 'query', type: ApplicationCommandOptionType.String, value: 'homicides' }];
  if (where === 'dm') return standIn.dispatchInteraction('stat', options, 2, READER_ID, 'dm');
  return standIn.dispatchInteraction('stat', options, 2, READER_ID, 'guild', where);
}

async function answered(standIn: DiscordStandIn, id: string): Promise<void> {
  const callback = await standIn.waitForCallback(id, 15_000);
  expect(JSON.stringify(callback.body.data)).toContain('**nearly 2,000**');
}

async function readyz(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/readyz`)).text();
}

const shardsOf = (standIn: DiscordStandIn) => standIn.identifies.map((i) => i.shard).sort();

describe('sharding', () => {
  it('SHARDS=2: two IDENTIFYs, each shard logged, /readyz ready only with both, both shards answered', async () => {
    // The stand-in recommends one shard: the setting wins over the recommendation.
    const hold = (standIn: DiscordStandIn) => (standIn.holdShard = 1);
    await withBot(
      { shards: 1, maxConcurrency: 2 },
      { SHARDS: '2' },
      async (standIn, bot, port) => {
        await bot.waitForLog((l) => l.msg === 'connected to Discord' && l.shard === 0, 30_000);
        // Shard 1 is still identifying: not ready, yet shard 0's servers are answered already.
        expect(await readyz(port)).toBe('not ready: gateway not connected\n');
        await answered(standIn, statIn(standIn, ON_SHARD_0));
        standIn.releaseIdentify();
        await standIn.waitForReady(20_000);
        await bot.waitForLog((l) => l.msg === 'connected to Discord' && l.shard === 1);
        expect((await bot.waitForLog((l) => l.msg === 'every shard connected')).shards).toBe(2);
        expect(await readyz(port)).toBe('ready\n');
        expect(shardsOf(standIn)).toEqual([
          [0, 2],
          [1, 2],
        ]);
        for (const where of [ON_SHARD_0, ON_SHARD_1, 'dm']) await answered(standIn, statIn(standIn, where));
      },
      hold,
    );
  }, 60_000);

  it('SHARDS unset: as many as Discord recommends; one shard dropped, the other answers and the dropped one resumes', async () => {
    await withBot({ shards: 2, maxConcurrency: 2 }, {}, async (standIn, bot) => {
      await standIn.waitForReady(30_000);
      expect(shardsOf(standIn)).toEqual([
        [0, 2],
        [1, 2],
      ]);
      await answered(standIn, statIn(standIn, ON_SHARD_0));
      await answered(standIn, statIn(standIn, ON_SHARD_1));
      // Shard 1 loses its connection, and its RESUME is held: it stays down while shard 0 serves.
      standIn.holdShard = 1;
      standIn.terminate(1);
      const missed = statIn(standIn, ON_SHARD_1);
      await answered(standIn, statIn(standIn, ON_SHARD_0));
      expect(standIn.shardConnected(1)).toBe(false);
      await bot.waitForLog((l) => l.msg === 'disconnected; reconnecting' && l.shard === 1);
      standIn.releaseIdentify();
      await standIn.waitForReady(20_000);
      // Shard 1 resumed its session (no new IDENTIFY) and answered what was sent to it while it was down.
      await answered(standIn, missed);
      await bot.waitForLog((l) => l.msg === 'resumed' && l.shard === 1);
      expect(standIn.resumes.map((r) => r.shard)).toEqual([1]);
      expect(standIn.identifies).toHaveLength(2);
      await answered(standIn, statIn(standIn, ON_SHARD_1));
    });
  }, 60_000);

  it('too few shards for Discord (close 4011 at IDENTIFY): a fatal line naming sharding, exit 1', async () => {
    await withBot({ shards: 2, requiredShards: 2 }, { SHARDS: '1' }, async (standIn, bot) => {
      expect(await bot.exited).toBe(1);
      const fatal = await bot.waitForLog((l) => l.level === FATAL);
      expect(fatal.code).toBe(4011);
      expect(String(fatal.msg)).toMatch(/sharding is required/);
      expect(standIn.identifies[0]!.shard).toEqual([0, 1]);
    });
  }, 60_000);
});

describe('the stand-in checks the shard an IDENTIFY names, as Discord does', () => {
  /** The close code a lone IDENTIFY naming `shard` gets (0: none, it was accepted). */
  async function closeFor(standIn: DiscordStandIn, shard: unknown): Promise<number> {
    const ws = new WebSocket(standIn.gatewayUrl);
    const code = new Promise<number>((resolve) => {
      ws.on('close', (c) => resolve(c));
      ws.on('message', (raw: Buffer) => {
        const frame = JSON.parse(raw.toString()) as { op: number; t: string | null };
        if (frame.op === 10) ws.send(JSON.stringify({ op: 2, d: { token: TEST_TOKEN, intents: 1, shard } }));
        if (frame.t === 'READY') resolve(0);
      });
    });
    const result = await code;
    ws.terminate();
    return result;
  }

  it('4010 for an id outside the count, 4011 below the count required, READY otherwise', async () => {
    const standIn = await startStandIn({ token: TEST_TOKEN, shards: 2, requiredShards: 2 });
    try {
      expect(await closeFor(standIn, [2, 2])).toBe(4010);
      expect(await closeFor(standIn, [0, 0])).toBe(4010);
      expect(await closeFor(standIn, [-1, 2])).toBe(4010);
      expect(await closeFor(standIn, [0, 1])).toBe(4011);
      expect(await closeFor(standIn, undefined)).toBe(4011);
      expect(await closeFor(standIn, [1, 2])).toBe(0);
    } finally {
      await standIn.stop();
    }
  });
});
