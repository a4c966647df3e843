// npx tsx bench/rss-per-mb.ts [CORPUS_DIR]: memory per MB of text, the compiled bot as deployed (node
// dist/src/main.js, a gateway replica against the local Discord stand-in). At 1x, 2x and 4x the corpus
// (RSS_MULTIPLES; editions.ts), each replica started twice: built (CACHE_DIR=off: parse, index, build /check's
// matcher, then ready) and read back (CACHE_DIR filled beforehand by npm run build-snapshot: the saved library).
// Read at the stand-in's READY: the process's RSS (/proc/PID/status), its peak RSS, and its CPU time, threads
// included; its RSS again SETTLE_MS later, once the idle parse workers have ended (parse-pool.ts: 1 s); and after
// a full collection (asked for by a signal, as bench/scaling.ts reads its in-process RSS). Then a straight line RSS = base + k * MB of text for each, and the seed against the bare discord.js bot. Numbers
// are reported, never asserted. Needs dist/ (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from '../tests/support/bot-process.js';
import { startStandIn } from '../tests/support/discord-stand-in.js';
import { filesUnder, writeEditions } from './editions.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TICKS_PER_SECOND = 100;

/** What a process holds and has spent when the stand-in sends it READY. */
interface AtReady {
  rssMb: number;
  settledMb: number;
  collectedMb: number;
  peakMb: number;
  cpuS: number;
  wallS: number;
}

const SETTLE_MS = 3_000;
/** Loaded before the bot: a full collection on SIGUSR2, nothing else. */
const COLLECT_ON_SIGNAL = `data:text/javascript,process.on('SIGUSR2', () => globalThis.gc())`;
const statusKb = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

function atReady(pid: number, wallS: number): Omit<AtReady, 'settledMb' | 'collectedMb'> {
  const kb = (field: string) => statusKb(pid, field);
  // Fields 14 and 15 of /proc/PID/stat (after the name in parentheses): user and system ticks, all threads.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024, cpuS: ticks / TICKS_PER_SECOND, wallS };
}

/** Starts `script` with plain node against a fresh stand-in and reads it at READY. */
async function replica(script: string, seedsDir: string, cacheDir: string): Promise<AtReady> {
  const standIn = await startStandIn({ token: TEST_TOKEN, heartbeatInterval: 41_250 });
  const started = performance.now();
  const env = {
    ...process.env,
    DOTENV_CONFIG_PATH: '/nonexistent',
    LOG_LEVEL: 'warn',
    SEEDS_DIR: seedsDir,
    CACHE_DIR: cacheDir,
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: standIn.apiUrl,
  };
  const flags = ['--expose-gc', '--import', COLLECT_ON_SIGNAL];
  const child = spawn(process.execPath, [...flags, script], { cwd: ROOT, env, stdio: 'ignore' });
  try {
    await standIn.waitForReady(1_800_000);
    const ready = atReady(child.pid!, (performance.now() - started) / 1000);
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    const settledMb = statusKb(child.pid!, 'VmRSS') / 1024;
    child.kill('SIGUSR2');
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    return { ...ready, settledMb, collectedMb: statusKb(child.pid!, 'VmRSS') / 1024 };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    await standIn.stop();
  }
}

/** Built (no cache) and read back (a cache folder filled by build-snapshot beforehand). */
async function bothWays(seedsDir: string): Promise<{ built: AtReady; saved: AtReady }> {
  const built = await replica('dist/src/main.js', seedsDir, 'off');
  const cacheDir = mkdtempSync(join(tmpdir(), 'rss-cache-'));
  try {
    const env = { ...process.env, CACHE_DIR: cacheDir, LOG_LEVEL: 'warn' };
    const made = spawnSync(process.execPath, ['scripts/build-snapshot.js', seedsDir], { cwd: ROOT, env });
    if (made.status !== 0) throw new Error(`build-snapshot failed: ${String(made.stderr)}`);
    return { built, saved: await replica('dist/src/main.js', seedsDir, cacheDir) };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Least squares: y = base + k * x. */
function line(points: Array<[number, number]>): { base: number; k: number } {
  const mean = (pick: (p: [number, number]) => number) => points.reduce((s, p) => s + pick(p), 0) / points.length;
  const [mx, my] = [mean(([x]) => x), mean(([, y]) => y)];
  const k = mean(([x, y]) => (x - mx) * (y - my)) / mean(([x]) => (x - mx) ** 2);
  return { base: my - k * mx, k };
}

const textMb = (dir: string) => filesUnder(dir).reduce((n, file) => n + statSync(join(dir, file)).size, 0) / 1e6;
const seedMb = () =>
  readdirSync(join(ROOT, 'seeds')).reduce((n, f) => n + statSync(join(ROOT, 'seeds', f)).size, 0) / 1e6;
const f = (n: number, digits = 0) => n.toFixed(digits);
const row = (name: string, mb: number, r: AtReady) =>
  `| ${name} | ${f(mb, 2)} MB | ${f(r.rssMb)} MB | ${f(r.settledMb)} MB | ${f(r.collectedMb)} MB | ${f(r.peakMb)} MB | ${f(r.cpuS, 1)} s | ${f(r.wallS, 1)} s |`;

async function main(): Promise<void> {
  const corpusDir = resolve(process.argv[2] ?? join(ROOT, '../shared/corpus'));
  // RSS_MULTIPLES= (empty): the seed and the bare bot only.
  const multiples = (process.env.RSS_MULTIPLES ?? '1,2,4').split(',').filter(Boolean).map(Number);
  const seed = await bothWays(join(ROOT, 'seeds'));
  const bare = await replica('bench/bare-bot.js', join(ROOT, 'seeds'), 'off');
  console.log(
    '| replica | text | RSS at ready | 3 s later | collected | peak RSS | CPU to ready | wall to ready |\n|---|---|---|---|---|---|---|---|',
  );
  console.log(row('bare discord.js bot', 0, bare));
  console.log(row('seed, built', seedMb(), seed.built));
  console.log(row('seed, saved library', seedMb(), seed.saved));
  const into = mkdtempSync(join(tmpdir(), 'rss-editions-'));
  try {
    const folders = writeEditions(corpusDir, into, multiples);
    const points = { built: [] as Array<[number, number]>, saved: [] as Array<[number, number]> };
    const collected = { built: [] as Array<[number, number]>, saved: [] as Array<[number, number]> };
    for (const multiple of multiples) {
      const folder = folders.get(multiple)!;
      const mb = textMb(folder);
      const { built, saved } = await bothWays(folder);
      console.log(row(`${multiple}x, built`, mb, built));
      console.log(row(`${multiple}x, saved library`, mb, saved));
      points.built.push([mb, built.settledMb]);
      points.saved.push([mb, saved.settledMb]);
      collected.built.push([mb, built.collectedMb]);
      collected.saved.push([mb, saved.collectedMb]);
    }
    for (const way of multiples.length > 1 ? (['built', 'saved'] as const) : []) {
      const [settled, after] = [line(points[way]), line(collected[way])];
      console.log(
        `\n${way}: RSS 3 s after ready = ${f(settled.base)} MB + ${f(settled.k, 2)} MB per MB of text; ` +
          `after a collection ${f(after.base)} MB + ${f(after.k, 2)} MB per MB`,
      );
    }
    console.log(
      `\nseed / bare bot RSS 3 s after ready: built ${f(seed.built.settledMb / bare.settledMb, 2)}, saved ${f(seed.saved.settledMb / bare.settledMb, 2)}; ` +
        `after a collection: built ${f(seed.built.collectedMb / bare.collectedMb, 2)}, saved ${f(seed.saved.collectedMb / bare.collectedMb, 2)}`,
    );
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}

await main();
