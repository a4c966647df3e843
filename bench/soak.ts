// The soak benchmark (npm run bench:soak [-- --minutes N] [--rate R] [--documents DIR]): the bot as deployed (node
// dist/src/main.js, INTERACTIONS=http, the seed unless --documents names a folder) answers signed interactions at
// a steady rate for 10 minutes, each from a new user, channel and server with words of its own, a mix of /stat,
// /search, autocomplete, /check, page buttons, /quote and /section (tests/support/distinct-interactions.ts). Each
// minute it prints the bot's RSS and heap (from /metrics) and the p99 latency, then a verdict: "flat" when the
// last minute's RSS is within 20% of the second minute's and its p99 within twice the second's. Button expiries
// (5 minutes) and their webhook edits go to the local Discord stand-in. Numbers are printed, never asserted.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStandIn } from '../tests/support/discord-stand-in.js';
import { distinctInteraction } from '../tests/support/distinct-interactions.js';
import { freePort } from '../tests/support/free-port.js';
import { signatureHeaders, signingKey, type SigningKey } from '../tests/support/signed.js';
import { build } from './end-to-end.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MINUTE_MS = 60_000;
/** The verdict's margins: the last minute against the second (the first holds start-up and warm-up). */
const RSS_MARGIN = 1.2;
const P99_MARGIN = 2;

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    documents: { type: 'string', default: 'seeds' },
  },
});
const minutes = Number(args.minutes);
const rate = Number(args.rate);
if (!(minutes >= 2) || !(rate > 0)) throw new Error('--minutes takes 2 or more, --rate a positive number a second');

interface Minute {
  minute: number;
  sent: number;
  failed: number;
  p50: number;
  p99: number;
  rssMb: number;
  heapMb: number;
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** The bot's heap in use, from the process metrics its status server exports. */
async function heapMb(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text());
  return Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN) / 2 ** 20;
}

/** Starts the compiled bot on the HTTP endpoint; resolves once /readyz says ready. */
async function startBot(key: SigningKey, apiUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DOTENV_CONFIG_PATH: '/nonexistent',
      INTERACTIONS: 'http',
      DISCORD_PUBLIC_KEY: key.publicKeyHex,
      DISCORD_API_URL: apiUrl,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      // Button edits for interactions the stand-in never sent are refused and logged at warn: not shown here.
      LOG_LEVEL: 'error',
      SEEDS_DIR: args.documents,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 120_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bot was not ready within 120 s');
}

/** Signs and posts the nth interaction, dated and signed as it is sent; its latency, or null when not answered. */
async function send(url: string, key: SigningKey, n: number): Promise<number | null> {
  const body = JSON.stringify(distinctInteraction(n).payload);
  const started = performance.now();
  try {
    const response = await fetch(`${url}/interactions`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signatureHeaders(key, body) },
    });
    await response.arrayBuffer();
    return response.ok ? performance.now() - started : null;
  } catch {
    return null;
  }
}

/** One minute at `rate` a second, each request sent on its own schedule (not waiting for the one before). */
async function runMinute(minute: number, url: string, key: SigningKey, pid: number, first: number): Promise<Minute> {
  const count = Math.round((rate * MINUTE_MS) / 1000);
  const start = performance.now();
  const sends: Array<Promise<number | null>> = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(send(url, key, first + i));
  }
  const results = await Promise.all(sends);
  const answered = results.filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  return {
    minute,
    sent: count,
    failed: count - answered.length,
    p50: percentile(answered, 0.5),
    p99: percentile(answered, 0.99),
    rssMb: rssMb(pid),
    heapMb: await heapMb(url),
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function verdict(rows: Minute[]): string {
  const second = rows[1]!;
  const last = rows[rows.length - 1]!;
  const rss = last.rssMb / second.rssMb;
  const p99 = last.p99 / second.p99;
  const flat = rss <= RSS_MARGIN && p99 <= P99_MARGIN;
  return `${flat ? 'flat' : 'NOT flat'}: last minute's RSS ${fmt(rss, 2)}x the second's (at most ${RSS_MARGIN}), p99 ${fmt(p99, 2)}x (at most ${P99_MARGIN})`;
}

console.log(
  `factsheet-bot soak · ${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${minutes} min at ${rate}/s · documents: ${args.documents} · load average ${fmt(loadavg()[0]!, 2)}`,
);
build();
const standIn = await startStandIn({ token: 'unused' });
const key = signingKey();
const bot = await startBot(key, standIn.apiUrl);
console.log(`ready: RSS ${fmt(rssMb(bot.child.pid!))} MB, heap ${fmt(await heapMb(bot.url))} MB\n`);
console.log('| minute | sent | not answered | p50 ms | p99 ms | RSS MB | heap MB |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const rows: Minute[] = [];
try {
  for (let minute = 1; minute <= minutes; minute++) {
    const row = await runMinute(
      minute,
      bot.url,
      key,
      bot.child.pid!,
      rows.reduce((sum, r) => sum + r.sent, 0),
    );
    rows.push(row);
    console.log(
      `| ${row.minute} | ${row.sent} | ${row.failed} | ${fmt(row.p50, 2)} | ${fmt(row.p99, 2)} | ${fmt(row.rssMb)} | ${fmt(row.heapMb)} |`,
    );
  }
  console.log(`\n${verdict(rows)} · load average ${fmt(loadavg()[0]!, 2)}`);
} finally {
  bot.child.kill('SIGTERM');
  await standIn.stop();
}
