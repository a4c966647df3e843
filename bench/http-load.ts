// The HTTP interactions endpoint under load (npm run bench:http, and the last part of npm run bench): the bot
// as deployed (node dist/src/main.js, INTERACTIONS=http, the seed), one replica and then two, each with a floor
// route on its own server (./floor-route.js: the same signature check, then a fixed reply). autocannon sends
// signed interactions at fixed rates and then as fast as they are answered, to /floor, /stat with a query and
// the autocomplete of /stat's query. With two replicas, the connections take them in turn, as a round-robin
// load balancer would: a proxy in between would take CPU from the replicas on the same cores, and a real load
// balancer runs on machines of its own. Numbers are printed, never asserted.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Request } from 'autocannon';
import { ApplicationCommandOptionType, InteractionType } from 'discord-api-types/v10';
import { startStandIn, type DiscordStandIn } from '../tests/support/discord-stand-in.js';
import { freePort } from '../tests/support/free-port.js';
import { signatureHeaders, signingKey, type SigningKey } from '../tests/support/signed.js';
import { build } from './end-to-end.js';

// autocannon is CommonJS: required, so that NODE_PATH can also point at a copy outside node_modules.
const autocannon = createRequire(import.meta.url)('autocannon') as typeof import('autocannon').default;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const listed = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').filter(Boolean);
/** Requests a second asked for; 0: as fast as the replicas answer. */
const RATES = listed('BENCH_HTTP_RATES', '500,1000,2000,0').map(Number);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 20);
const REPLICAS = listed('BENCH_HTTP_REPLICAS', '1,2').map(Number);
const DOCUMENTS = process.env.BENCH_HTTP_DOCUMENTS ?? 'seeds';
const NODE_ARGS = listed('BENCH_HTTP_NODE_ARGS', '').flatMap((flags) => flags.split(' ').filter(Boolean));
/** Questions the seed answers with figures. */
const QUERIES = ['homicides', 'apprehensions', 'burglaries', 'sexual assaults', 'border security', 'arrests'];
/** What a user types into /stat's query, a letter at a time: h, ho, hom, ... */
const TYPED = QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));

export type Endpoint = 'floor' | '/stat' | '/search' | 'autocomplete';
const ENDPOINTS = listed('BENCH_HTTP_ENDPOINTS', 'floor,/stat,autocomplete') as Endpoint[];

export interface LoadRow {
  replicas: number;
  endpoint: Endpoint;
  /** Requests a second asked for; 0: as fast as answered. */
  rate: number;
  /** Answered with 2xx, a second. */
  served: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, errors and timeouts. */
  failed: number;
  /** CPU time the replicas spent a request answered, µs (all replicas together). */
  botCpuUs: number;
  /** CPU time this process (autocannon) spent a request answered, µs. */
  loaderCpuUs: number;
}

export interface HttpLoad {
  seconds: number;
  rows: LoadRow[];
  /** RSS of each replica, MB, once ready and after its load: one replica, then each of the two. */
  rssMb: Array<{ ready: number; loaded: number }>;
  /** The machine's 1-minute load average before and after: other work on the same cores shows here. */
  loadAverage: [number, number];
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const TICKS_PER_S = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** User and system CPU time a process has spent, in µs (from /proc, in clock ticks). */
function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_S) * 1e6;
}

let nextUser = 0;

/**
 * The nth question, its letters' case set by the bits of n / QUERIES.length: over 700 ways of asking before
 * one repeats, more than the bot's reply cache keeps, so every /stat is answered afresh, and answered.
 */
function asked(n: number): string {
  const query = QUERIES[n % QUERIES.length]!;
  const mask = Math.floor(n / QUERIES.length);
  let letter = 0;
  return query.replace(/[a-z]/g, (c) => ((mask >> letter++) & 1 ? c.toUpperCase() : c));
}

/**
 * The nth interaction for an endpoint as Discord would send it: a fresh id, token and user each (so no user
 * comes near RATE_LIMIT_PER_MINUTE, as with many users).
 */
function payload(standIn: DiscordStandIn, endpoint: Endpoint, n: number): unknown {
  const user = String(800000000000000000n + BigInt(nextUser++));
  const String_ = ApplicationCommandOptionType.String;
  if (endpoint === 'autocomplete') {
    const value = TYPED[n % TYPED.length]!;
    const data = {
      id: '940000000000000000',
      name: 'stat',
      type: 1,
      options: [{ name: 'query', type: String_, value, focused: true }],
    };
    return standIn.interactionPayload(InteractionType.ApplicationCommandAutocomplete, data, user);
  }
  const value = asked(n);
  const name = endpoint.slice(1);
  const data = { id: '940000000000000000', name, type: 1, options: [{ name: 'query', type: String_, value }] };
  return standIn.interactionPayload(InteractionType.ApplicationCommand, data, user);
}

/**
 * One request that is made and signed as it is sent, as Discord creates, dates and signs each interaction just
 * before it sends it: the bot reads an interaction's age from its id, and one signed seconds before it is sent
 * looks late (a late command is deferred and a late autocomplete dropped). `count` cycles the questions asked.
 * The signing is this process's work and shows in its CPU column.
 */
function signedRequests(standIn: DiscordStandIn, key: SigningKey, endpoint: Endpoint, count: number): Request {
  const path = endpoint === 'floor' ? '/floor' : '/interactions';
  let next = 0;
  return {
    method: 'POST',
    path,
    setupRequest: (request) => {
      const body = JSON.stringify(payload(standIn, endpoint, next++ % count));
      return { ...request, body, headers: { 'content-type': 'application/json', ...signatureHeaders(key, body) } };
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** One autocannon instance; latency from each 2xx answer's own time (autocannon's histogram counts whole ms). */
async function cannon(url: string | string[], connections: number, request: Request, rate: number, seconds: number) {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [request],
    ...(rate ? { overallRate: rate } : {}),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  const failed = result.non2xx + result.errors + result.timeouts;
  return { times, answered: result['2xx'], served: result['2xx'] / result.duration, failed };
}

/**
 * One run at `rate` a second (0: as fast as answered) over the replicas' URLs. autocannon's rate is a budget
 * a second that each connection spends at once, so one instance at 1,000 a second sends a burst each second
 * and measures the burst. Here each connection is an instance of its own, started 1/CONNECTIONS of a second
 * after the one before, so each second's requests are spread over it; the instances take the replicas in turn.
 */
async function load(urls: string[], request: Request, rate: number, seconds: number) {
  const runs = rate
    ? Array.from({ length: CONNECTIONS }, async (_, k) => {
        await new Promise((resolve) => setTimeout(resolve, (k * 1000) / CONNECTIONS));
        return cannon(urls[k % urls.length]!, 1, request, rate / CONNECTIONS, seconds);
      })
    : [cannon(urls, CONNECTIONS, request, 0, seconds)];
  const done = await Promise.all(runs);
  const times = done.flatMap((d) => d.times).sort((a, b) => a - b);
  return {
    answered: done.reduce((sum, d) => sum + d.answered, 0),
    served: done.reduce((sum, d) => sum + d.served, 0),
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    failed: done.reduce((sum, d) => sum + d.failed, 0),
  };
}

/** Starts one replica with the floor route; resolves once /readyz says ready. */
async function startReplica(key: SigningKey, standIn: DiscordStandIn): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_ARGS, '--import', './bench/floor-route.js', 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DOTENV_CONFIG_PATH: '/nonexistent',
      INTERACTIONS: 'http',
      DISCORD_PUBLIC_KEY: key.publicKeyHex,
      DISCORD_API_URL: standIn.apiUrl,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEEDS_DIR: DOCUMENTS,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 300_000; waited += 50) {
    if (child.exitCode !== null) throw new Error(`a replica exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('a replica was not ready within 300 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Asks each endpoint once and checks the answer is what it should be, so the load measures real answers. */
async function checkAnswers(url: string, key: SigningKey, standIn: DiscordStandIn): Promise<void> {
  for (const endpoint of ENDPOINTS) {
    const body = JSON.stringify(payload(standIn, endpoint, 0));
    const path = endpoint === 'floor' ? '/floor' : '/interactions';
    const response = await fetch(url + path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signatureHeaders(key, body) },
    });
    const text = await response.text();
    const expected = {
      floor: 'Fixed answer',
      '/stat': 'Figures for',
      '/search': 'Search:',
      autocomplete: '"choices":[{',
    }[endpoint];
    if (!response.ok || !text.includes(expected))
      throw new Error(`${endpoint} answered ${response.status}: ${text.slice(0, 200)}`);
  }
}

/** A run of `run`, with the CPU time the replicas and this process spent on each request answered. */
async function measuredLoad(replicas: Array<{ child: ChildProcess }>, run: () => ReturnType<typeof load>) {
  const pids = replicas.map((r) => r.child.pid!);
  const bot = pids.reduce((sum, pid) => sum - cpuUs(pid), 0);
  const loader = process.cpuUsage();
  const { answered, ...measured } = await run();
  const loaderUsed = process.cpuUsage(loader);
  return {
    ...measured,
    botCpuUs: pids.reduce((sum, pid) => sum + cpuUs(pid), bot) / answered,
    loaderCpuUs: (loaderUsed.user + loaderUsed.system) / answered,
  };
}

/** Every rate and endpoint against `replicas` fresh replicas; their RSS afterwards. */
async function against(replicas: number, seconds: number, key: SigningKey, standIn: DiscordStandIn) {
  const started = await Promise.all(Array.from({ length: replicas }, () => startReplica(key, standIn)));
  const urls = started.map((s) => s.url);
  const ready = started.map((s) => rssMb(s.child.pid!));
  const rows: LoadRow[] = [];
  try {
    for (const url of urls) await checkAnswers(url, key, standIn);
    // Warm up (compiled code, caches of the library) before anything is measured.
    for (const endpoint of ENDPOINTS) await load(urls, signedRequests(standIn, key, endpoint, 2000), 1000, 1);
    for (const rate of RATES) {
      for (const endpoint of ENDPOINTS) {
        const count = Math.min(rate ? Math.ceil(rate * seconds * 1.2) : 30_000, 30_000);
        const request = signedRequests(standIn, key, endpoint, count);
        const from = process.hrtime.bigint() / 1000n;
        const measured = await measuredLoad(started, () => load(urls, request, rate, seconds));
        rows.push({ replicas, endpoint, rate, ...measured });
        console.error(`profile clock ${from}-${process.hrtime.bigint() / 1000n} µs: ${endpoint} at ${rate || 'max'}`);
        console.error(`measured ${replicas} replica(s), ${endpoint}, ${rate || 'max'}`);
      }
    }
    return { rows, rssMb: started.map((s, i) => ({ ready: ready[i]!, loaded: rssMb(s.child.pid!) })) };
  } finally {
    await Promise.all(started.map((s) => stop(s.child)));
  }
}

/** The whole HTTP part; `seconds` for each measured run. dist/ must be built. */
export async function httpLoad(seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 3)): Promise<HttpLoad> {
  const standIn = await startStandIn({ token: 'unused' });
  const key = signingKey();
  const before = loadavg()[0]!;
  try {
    const runs = [];
    for (const replicas of REPLICAS) runs.push(await against(replicas, seconds, key, standIn));
    const rssMb = runs.flatMap((run) => run.rssMb);
    return { seconds, rows: runs.flatMap((run) => run.rows), rssMb, loadAverage: [before, loadavg()[0]!] };
  } finally {
    await standIn.stop();
  }
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function find(load: HttpLoad, replicas: number, endpoint: Endpoint, rate: number): LoadRow | undefined {
  return load.rows.find((r) => r.replicas === replicas && r.endpoint === endpoint && r.rate === rate);
}

/** The table, then each target with what was measured against it. */
export function printHttpLoad(load: HttpLoad): void {
  console.log(
    `\nThe HTTP endpoint under load (node dist/src/main.js, INTERACTIONS=http, ${DOCUMENTS}; autocannon, ${CONNECTIONS} connections, ${load.seconds} s a run; latency in ms; load average ${fmt(load.loadAverage[0])} before, ${fmt(load.loadAverage[1])} after):\n`,
  );
  console.log(
    '| replicas | endpoint | rate asked | served /s | p50 | p99 | failed | bot CPU µs/req | autocannon CPU µs/req |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of load.rows) {
    console.log(
      `| ${r.replicas} | ${r.endpoint} | ${r.rate || 'max'} | ${fmt(r.served, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.failed} | ${fmt(r.botCpuUs, 0)} | ${fmt(r.loaderCpuUs, 0)} |`,
    );
  }
  console.log(
    `\nRSS of each replica, ready -> after its load: ${load.rssMb.map((m) => `${fmt(m.ready, 0)} -> ${fmt(m.loaded, 0)} MB`).join('; ')} (the first alone, then the two)\n`,
  );
  console.log('| target | endpoint | measured |');
  console.log('|---|---|---|');
  const served = (n: number, endpoint: Endpoint, rate: number) => find(load, n, endpoint, rate)?.served ?? NaN;
  const ofFloor = (n: number, endpoint: Endpoint, rate: number) => served(n, endpoint, rate) / served(n, 'floor', rate);
  const replicas = (n: number) => (n === 1 ? '1 replica' : `${n} replicas`);
  const commands = ENDPOINTS.filter((endpoint) => endpoint !== 'floor');
  for (const endpoint of commands) {
    const fixed = REPLICAS.map(
      (n) => `${fmt(Math.min(...RATES.filter(Boolean).map((rate) => ofFloor(n, endpoint, rate))))} (${replicas(n)})`,
    );
    const max = REPLICAS.map((n) => `${fmt(ofFloor(n, endpoint, 0))} (${replicas(n)})`);
    console.log(`| throughput ≥ 0.8 of the floor's, lowest at a fixed rate | ${endpoint} | ${fixed.join(', ')} |`);
    console.log(`| throughput ≥ 0.8 of the floor's, as fast as answered | ${endpoint} | ${max.join(', ')} |`);
  }
  for (const endpoint of commands) {
    const row = find(load, 1, endpoint, 1000);
    console.log(
      `| p99 ≤ 10 ms at 1,000 a second, one replica | ${endpoint} | ${fmt(row?.p99 ?? NaN)} ms (served ${fmt(row?.served ?? NaN, 0)} /s) |`,
    );
  }
  for (const endpoint of ENDPOINTS) {
    const ratio = served(2, endpoint, 0) / served(1, endpoint, 0);
    console.log(`| two replicas serve ≥ 1.6x one, as fast as answered | ${endpoint} | ${fmt(ratio)}x |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(
    `factsheet-bot HTTP load benchmark · ${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`,
  );
  if (process.env.BENCH_HTTP_BUILD !== '0') build();
  printHttpLoad(await httpLoad());
}
