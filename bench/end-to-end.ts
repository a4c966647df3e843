// End to end against the local Discord stand-in: our bot against a bare discord.js bot that answers a fixed
// embed, in the same run, alternating, the same number of interactions each. Latency is dispatch -> callback.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStandIn, type DiscordStandIn } from '../tests/support/discord-stand-in.js';
import { TEST_TOKEN } from '../tests/support/bot-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

async function launch(script: string, standIn: DiscordStandIn): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
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
  return child;
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
  const ours = await launch('src/main.ts', oursStandIn);
  const bare = await launch('bench/bare-bot.ts', bareStandIn);
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
    ours.kill('SIGTERM');
    bare.kill('SIGTERM');
    await oursStandIn.stop();
    await bareStandIn.stop();
  }
}
