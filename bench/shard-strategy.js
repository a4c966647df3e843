// One side of the sharding benchmark (bench/shards.ts): the bot's gateway as src/transport/gateway.ts builds it
// (@discordjs/ws in, @discordjs/rest out, interactions handled on the main thread), answering each with one
// fixed embed, with the shards run by the strategy named in argv: `simple` (every shard in this thread, what the
// bot does), `worker` (a worker thread a shard) or `worker-all` (one worker thread for all of them).
// Plain JavaScript, so it runs with plain `node` as the bot itself does.
import process from 'node:process';
import { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents, WorkerShardingStrategy } from '@discordjs/ws';
import { GatewayDispatchEvents, GatewayIntentBits, Routes } from 'discord-api-types/v10';

const [strategy, shards] = process.argv.slice(2);
const workers = { worker: 1, 'worker-all': 'all' }[strategy];
if (strategy !== 'simple' && !workers) throw new Error(`unknown strategy ${strategy}`);
const rest = new REST({ api: process.env.DISCORD_API_URL }).setToken(process.env.DISCORD_TOKEN);
const manager = new WebSocketManager({
  token: process.env.DISCORD_TOKEN,
  rest,
  intents: GatewayIntentBits.Guilds,
  shardCount: Number(shards),
  ...(workers ? { buildStrategy: (m) => new WorkerShardingStrategy(m, { shardsPerWorker: workers }) } : {}),
});
const body = {
  type: 4,
  data: {
    embeds: [{ title: 'Fixed answer', description: 'The same embed every time.', color: 0x2b6cb0 }],
    allowed_mentions: { parse: [] },
  },
};
manager.on(WebSocketShardEvents.Dispatch, ({ data }) => {
  if (data.t !== GatewayDispatchEvents.InteractionCreate) return;
  void rest.post(Routes.interactionCallback(data.d.id, data.d.token), { body, auth: false }).catch(() => {});
});
await manager.connect();
process.once('SIGTERM', () => void Promise.resolve(manager.destroy()).finally(() => process.exit(0)));
