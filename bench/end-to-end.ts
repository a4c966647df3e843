// End to end against the local Discord stand-in: the bot as it is deployed (`node dist/src/main.js`, what
// `npm start` and the container run) against a bare discord.js bot that answers a fixed embed, run with plain
// `node` too, in the same run, alternating. Latency is dispatch -> callback; start to ready is spawn -> the
// stand-in's READY; the console one-shot is a whole process, start to exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStandIn, type DiscordStandIn } from '../tests/support/discord-stand-in.js';
import { TEST_TOKEN } from '../tests/support/bot-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OURS = 'dist/src/main.js';
const BARE = 'bench/bare-bot.js';

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Compiles dist/ from the current source, so the benchmark never measures an older build. */
export function build(): void {
  const built = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** Starts a bot with plain node; resolves once the stand-in has sent it READY, with how long that took. */
async function launch(script: string, standIn: DiscordStandIn): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      ...process.env,
      DOTENV_CONFIG_PATH: '/nonexistent',
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      LOG_LEVEL: 'warn',
      SEEDS_DIR: 'seeds',
    },
    stdio: 'ignore',
  });
  await standIn.waitForReady(30_000);
  return { child, readyMs: performance.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Start to ready, each bot started `runs` times, alternating; medians in ms. */
export async function startToReady(runs = 7): Promise<{ ours: number; bare: number }> {
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let i = 0; i < runs * 2; i++) {
    const which = i % 2 === 0 ? 'ours' : 'bare';
    const standIn = await startStandIn({ token: TEST_TOKEN, heartbeatInterval: 41_250 });
    const { child, readyMs } = await launch(which === 'ours' ? OURS : BARE, standIn);
    times[which].push(readyMs);
    await stop(child);
    await standIn.stop();
  }
  return { ours: median(times.ours), bare: median(times.bare) };
}

/** A one-shot console answer on the seed, the whole process from start to exit; median of `runs`, in ms. */
export function consoleOneShot(runs = 11): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const ran = spawnSync(process.execPath, ['dist/src/console.js', '/stat query:homicides'], {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_PATH: '/nonexistent', SEEDS_DIR: 'seeds' },
      encoding: 'utf8',
    });
    times.push(performance.now() - started);
    if (ran.status !== 0 || !ran.stdout.includes('nearly 2,000')) throw new Error(`console failed: ${ran.stderr}`);
  }
  return median(times);
}

const QUERIES = ['homicides', 'wall', 'troops', 'arrests', 'border', 'apprehensions'];

export interface EndToEnd {
  interactions: number;
  ours: { median: number; p99: number; rssMb: number };
  bare: { median: number; p99: number; rssMb: number };
}

/**
 * `distinct`: every question differs ("homicides 17"), so no reply can come from the bot's reply cache; otherwise
 * six questions repeat, as popular ones do.
 */
export async function endToEnd(perBot = 500, distinct = false): Promise<EndToEnd> {
  const oursStandIn = await startStandIn({ token: TEST_TOKEN, heartbeatInterval: 41_250 });
  const bareStandIn = await startStandIn({ token: TEST_TOKEN, heartbeatInterval: 41_250 });
  const { child: ours } = await launch(OURS, oursStandIn);
  const { child: bare } = await launch(BARE, bareStandIn);
  const latencies = { ours: [] as number[], bare: [] as number[] };
  try {
    for (let i = 0; i < perBot * 2 + 40; i++) {
      const which = i % 2 === 0 ? 'ours' : 'bare';
      const standIn = which === 'ours' ? oursStandIn : bareStandIn;
      const question = distinct ? `${QUERIES[i % QUERIES.length]!} ${i}` : QUERIES[i % QUERIES.length]!;
      const id = standIn.dispatchInteraction(i % 6 === 0 ? 'section' : 'stat', [
        { name: i % 6 === 0 ? 'name' : 'query', type: 3, value: question },
      ]);
      const { latency } = await standIn.waitForCallback(id);
      if (i >= 40) latencies[which].push(latency); // the first 20 each warm up
    }
    const summary = (list: number[], child: ChildProcess) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        median: sorted[Math.floor(sorted.length / 2)]!,
        p99: sorted[Math.floor(sorted.length * 0.99)]!,
        rssMb: rssMb(child.pid!),
      };
    };
    return { interactions: perBot, ours: summary(latencies.ours, ours), bare: summary(latencies.bare, bare) };
  } finally {
    await stop(ours);
    await stop(bare);
    await oursStandIn.stop();
    await bareStandIn.stop();
  }
}

/**
 * `endToEnd` in `rounds` fresh pairs of processes; each measure is the median over the rounds, since one
 * process's RSS moves by several MB with when its garbage collections happened to run.
 */
export async function endToEndRounds(
  perBot: number,
  distinct: boolean,
  rounds = 5,
): Promise<EndToEnd & { rssRatios: number[] }> {
  const runs: EndToEnd[] = [];
  for (let round = 0; round < rounds; round++) runs.push(await endToEnd(perBot, distinct));
  const middle = (pick: (run: EndToEnd) => number) => median(runs.map(pick));
  return {
    interactions: perBot,
    ours: { median: middle((r) => r.ours.median), p99: middle((r) => r.ours.p99), rssMb: middle((r) => r.ours.rssMb) },
    bare: { median: middle((r) => r.bare.median), p99: middle((r) => r.bare.p99), rssMb: middle((r) => r.bare.rssMb) },
    rssRatios: runs.map((r) => r.ours.rssMb / r.bare.rssMb),
  };
}
