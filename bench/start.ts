// npm run bench:start [-- CORPUS_DIR] (also at the end of npm run bench): the compiled bot's start to ready (spawn
// -> the stand-in's READY, which now waits for /check's matcher) and a one-shot console answer (a whole process),
// cold (an empty CACHE_DIR: parse, save each document, index) and warm (every document in the cache: index only),
// on the seed and on the corpus (skipped when absent). Medians of a few runs; the ratios warm corpus / warm seed
// are the issue's measure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from '../tests/support/bot-process.js';
import { startStandIn } from '../tests/support/discord-stand-in.js';
import { build } from './end-to-end.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const environment = (seedsDir: string, cacheDir: string) => ({
  ...process.env,
  DOTENV_CONFIG_PATH: '/nonexistent',
  LOG_LEVEL: 'warn',
  SEEDS_DIR: seedsDir,
  CACHE_DIR: cacheDir,
});

/** Spawn to the stand-in's READY, in ms. */
async function startToReady(seedsDir: string, cacheDir: string): Promise<number> {
  const standIn = await startStandIn({ token: TEST_TOKEN, heartbeatInterval: 41_250 });
  const started = performance.now();
  const env = { ...environment(seedsDir, cacheDir), DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: standIn.apiUrl };
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: 'ignore' });
  await standIn.waitForReady(300_000);
  const ms = performance.now() - started;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  await standIn.stop();
  return ms;
}

/** A whole one-shot console process, start to exit, in ms. */
function oneShot(seedsDir: string, cacheDir: string): number {
  const started = performance.now();
  const ran = spawnSync(process.execPath, ['dist/src/console.js', '/stat query:homicides'], {
    cwd: ROOT,
    env: environment(seedsDir, cacheDir),
    encoding: 'utf8',
  });
  if (ran.status !== 0) throw new Error(`console failed: ${ran.stderr}`);
  return performance.now() - started;
}

/** Runs `measure` `runs` times, cold (a fresh, empty cache folder each time) or warm (one saved beforehand). */
async function timed(seedsDir: string, warm: boolean, runs: number, measure: (s: string, c: string) => unknown) {
  const times: number[] = [];
  const warmDir = mkdtempSync(join(tmpdir(), 'bench-cache-'));
  if (warm) oneShot(seedsDir, warmDir);
  for (let i = 0; i < runs; i++) {
    const cacheDir = warm ? warmDir : mkdtempSync(join(tmpdir(), 'bench-cache-'));
    times.push(Number(await measure(seedsDir, cacheDir)));
    if (!warm) rmSync(cacheDir, { recursive: true, force: true });
  }
  rmSync(warmDir, { recursive: true, force: true });
  return median(times);
}

export async function startBench(corpusDir: string, runs = Number(process.env.BENCH_START_RUNS ?? 3)): Promise<void> {
  const sets = [['seed', resolve(ROOT, 'seeds')]];
  if (existsSync(corpusDir)) sets.push(['corpus', resolve(corpusDir)]);
  else console.log(`(start on the corpus skipped: ${corpusDir} is not here)`);
  const rows = new Map<string, number[]>();
  for (const [name, dir] of sets) {
    const row: number[] = [];
    for (const measure of [startToReady, oneShot])
      for (const warm of [false, true]) row.push(await timed(dir!, warm, runs, measure));
    rows.set(name!, row);
    console.error(`measured start on ${name}`);
  }
  console.log(
    `\nStart, the compiled bot, medians of ${runs} runs (cold: no saved library; warm: CACHE_DIR holds one):\n`,
  );
  console.log('| documents | start to ready, cold | warm | one-shot console, cold | warm |');
  console.log('|---|---|---|---|---|');
  for (const [name, row] of rows) console.log(`| ${name} | ${row.map((ms) => `${ms.toFixed(0)} ms`).join(' | ')} |`);
  const [seed, corpus] = [rows.get('seed')!, rows.get('corpus')];
  if (corpus)
    console.log(
      `\nwarm corpus / warm seed: start to ready ${(corpus[1]! / seed[1]!).toFixed(2)}, one-shot ${(corpus[3]! / seed[3]!).toFixed(2)}; ` +
        `warm / cold on the corpus: start ${(corpus[1]! / corpus[0]!).toFixed(2)}, one-shot ${(corpus[3]! / corpus[2]!).toFixed(2)}`,
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  build();
  await startBench(process.argv[2] ?? join(ROOT, '../shared/corpus'));
}
