// npm run bench:shards: how @discordjs/ws's sharding strategies compare for this bot, against the local Discord
// stand-in: every shard in the main thread (SimpleShardingStrategy, what the bot runs) or in worker threads
// (WorkerShardingStrategy, a thread a shard or one for all). Each start runs bench/shard-strategy.js with plain
// node; start to ready is spawn -> the stand-in's last READY; then 200 interactions, spread over the shards,
// dispatch -> callback; RSS is the whole process (worker threads included) after them. Medians over RUNS starts,
// the strategies alternating. Numbers are reported, never asserted.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { guildOnShard, startStandIn, type DiscordStandIn } from '../tests/support/discord-stand-in.js';
import { TEST_TOKEN } from '../tests/support/bot-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STRATEGIES = ['simple', 'worker', 'worker-all'] as const;
const SHARD_COUNTS = (process.env.BENCH_SHARDS ?? '2,4').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INTERACTIONS = 200;
const WARM_UP = 20;

interface Sample {
  readyMs: number;
  latencyMs: number;
  rssMb: number;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Interactions from servers on each shard in turn; the median latency after a warm-up. */
async function latency(standIn: DiscordStandIn, shards: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < INTERACTIONS + WARM_UP; i++) {
    const guild = guildOnShard(i % shards, shards);
    const id = standIn.dispatchInteraction(
      'stat',
      [{ name: 'query', type: 3, value: 'homicides' }],
      2,
      undefined,
      'guild',
      guild,
    );
    const { latency: ms } = await standIn.waitForCallback(id);
    if (i >= WARM_UP) times.push(ms);
  }
  return median(times);
}

/** One start of one strategy with `shards` shards. */
async function sample(strategy: string, shards: number): Promise<Sample> {
  // max_concurrency as large as the shard count: every shard identifies at once, so Discord's 5-second
  // identify spacing (which is the same for every strategy) does not hide the strategies' own cost.
  const standIn = await startStandIn({ token: TEST_TOKEN, shards, maxConcurrency: shards, heartbeatInterval: 41_250 });
  const started = performance.now();
  const child = spawn(process.execPath, ['bench/shard-strategy.js', strategy, String(shards)], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: standIn.apiUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await standIn.waitForReady(30_000);
    const readyMs = performance.now() - started;
    const latencyMs = await latency(standIn, shards);
    if (standIn.violations.length) throw new Error(standIn.violations.join('\n'));
    return { readyMs, latencyMs, rssMb: rssMb(child.pid!) };
  } finally {
    await stop(child);
    await standIn.stop();
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `shard strategies · ${new Date().toISOString().slice(0, 10)} · ${cpu} ×${os.cpus().length} · Node ${process.version}`,
  );
  console.log(`medians of ${RUNS} starts; ${INTERACTIONS} interactions a start\n`);
  console.log('| strategy | shards | start to ready | latency median | RSS |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const shards of SHARD_COUNTS) {
    const samples = new Map<string, Sample[]>(STRATEGIES.map((s) => [s, []]));
    for (let run = 0; run < RUNS; run++)
      for (const strategy of STRATEGIES) samples.get(strategy)!.push(await sample(strategy, shards));
    for (const [strategy, list] of samples) {
      const ready = median(list.map((s) => s.readyMs)).toFixed(0);
      const latencyMs = median(list.map((s) => s.latencyMs)).toFixed(3);
      const rss = median(list.map((s) => s.rssMb)).toFixed(0);
      console.log(`| ${strategy} | ${shards} | ${ready} ms | ${latencyMs} ms | ${rss} MB |`);
    }
  }
}

await main();
