// npx tsx bench/scaling.ts [CORPUS_DIR]: what one replica needs as the documents grow (docs/scaling.md). The
// corpus is served 1, 2, 4 and 8 times over (SCALING_MULTIPLES), each copy an edition of every document with
// its title, date and numbers changed, so no copy is served as a duplicate of another. Each size is loaded in
// a fresh process through the bot's own path (loadLibrary: the folder listing, the parse workers, the
// duplicate check, every index, then /check's matcher), and measured there: RSS and heap after load and with
// the matcher, the CPU time of both, and /stat's and /search's median and p99 over the gold set's tune
// questions and the benchmark's short queries. Then a straight line through RSS per MB of text gives 10x and
// 60x. Numbers are reported, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { filesUnder, writeEditions } from './editions.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const MiB = 2 ** 20;

/** What one replica process reports once loaded (see measureReplica). */
interface Replica {
  multiple: number;
  textMb: number;
  documents: number;
  statements: number;
  figures: number;
  figureSentences: number;
  rssLoadedMb: number;
  heapLoadedMb: number;
  rssReadyMb: number;
  heapReadyMb: number;
  loadCpuS: number;
  matcherCpuS: number;
  stat: { median: number; p99: number };
  search: { median: number; p99: number };
}

// ---- One replica, in its own process ----

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const memory = () => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MiB, heap: heapUsed / MiB };
};

/** Median and p99 of each query run `rounds` times (after one warm round), in ms. */
function timed(queries: string[], rounds: number, run: (query: string) => void) {
  for (const query of queries) run(query);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      run(query);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

async function measureReplica(folder: string, multiple: number): Promise<Replica> {
  // Imported here: the parent process never loads the bot.
  const { loadLibrary } = await import('../src/library/reload.js');
  const { commands } = await import('../commands/index.js');
  const { sharedContext } = await import('../src/command.js');
  const { loadGold } = await import('../eval/gold/load.js');
  const { QUERIES } = await import('./in-process.js');
  const queries = [...loadGold('tune').questions.map((q) => q.q), ...QUERIES];
  gc();
  const loadStarted = process.cpuUsage();
  const { library } = await loadLibrary(folder);
  const loadCpuS = cpuSeconds(loadStarted);
  const loaded = memory();
  const matcherStarted = process.cpuUsage();
  library.claims.everySentence();
  const matcherCpuS = cpuSeconds(matcherStarted);
  const ready = memory();
  const context = { ...sharedContext({ random: () => 0.5 }), channelId: 'bench', userId: 'bench' };
  const run = (name: string) => (query: string) => {
    const command = commands.get(name) as import('../src/command.js').SlashCommand;
    command.run(library, { query }, context);
  };
  const rounds = Number(process.env.SCALING_ROUNDS ?? 3);
  return {
    multiple,
    textMb: library.documents.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6,
    documents: library.documents.length,
    statements: library.parts().statements.length,
    figures: library.parts().figures.length,
    figureSentences: library.claims.figureSentences.sentences.length,
    rssLoadedMb: loaded.rss,
    heapLoadedMb: loaded.heap,
    rssReadyMb: ready.rss,
    heapReadyMb: ready.heap,
    loadCpuS,
    matcherCpuS,
    stat: timed(queries, rounds, run('stat')),
    search: timed(queries, rounds, run('search')),
  };
}

// ---- The report ----

/** Least squares: y = intercept + slope * x. */
function line(points: Array<[number, number]>): { intercept: number; slope: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

function runReplica(folder: string, multiple: number): Replica {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', THIS_FILE, '--replica', folder, String(multiple)],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 64 * MiB },
  );
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`replica x${multiple} failed: ${child.stderr}`);
  return JSON.parse(last) as Replica;
}

const f = (n: number, digits = 0) => n.toFixed(digits);

function printMeasured(replicas: Replica[]): void {
  console.log('| corpus | text | documents | statements | figure sentences | RSS loaded | heap loaded |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of replicas) {
    console.log(
      `| ${r.multiple}x | ${f(r.textMb, 1)} MB | ${r.documents} | ${r.statements} | ${r.figureSentences} | ${f(r.rssLoadedMb)} MB | ${f(r.heapLoadedMb)} MB |`,
    );
  }
  console.log(
    '\n| corpus | RSS with /check matcher | heap with it | load CPU | matcher CPU | /stat p50 / p99 | /search p50 / p99 |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of replicas) {
    console.log(
      `| ${r.multiple}x | ${f(r.rssReadyMb)} MB | ${f(r.heapReadyMb)} MB | ${f(r.loadCpuS, 1)} s | ${f(r.matcherCpuS, 1)} s | ${f(r.stat.median, 1)} / ${f(r.stat.p99, 1)} ms | ${f(r.search.median, 1)} / ${f(r.search.p99, 1)} ms |`,
    );
  }
}

function printExtrapolated(replicas: Replica[]): void {
  const per = (pick: (r: Replica) => number) => line(replicas.map((r) => [r.textMb, pick(r)]));
  const fits = {
    rss: per((r) => r.rssReadyMb),
    heap: per((r) => r.heapReadyMb),
    cpu: per((r) => r.loadCpuS + r.matcherCpuS),
    stat: per((r) => r.stat.p99),
    search: per((r) => r.search.p99),
  };
  const limitMb = getHeapStatistics().heap_size_limit / MiB;
  const oneX = replicas.find((r) => r.multiple === 1) ?? replicas[0]!;
  console.log(
    `\nStraight lines through the sizes measured (y = a + b * MB of text): RSS ${f(fits.rss.intercept)} MB + ${f(fits.rss.slope, 1)} MB/MB, heap ${f(fits.heap.intercept)} + ${f(fits.heap.slope, 1)} MB/MB, CPU to ready ${f(fits.cpu.intercept, 1)} + ${f(fits.cpu.slope, 2)} s/MB. This node's default heap limit: ${f(limitMb)} MB (reached at about ${f((limitMb - fits.heap.intercept) / fits.heap.slope / oneX.textMb, 1)}x).\n`,
  );
  console.log('| corpus | text | documents | RSS | heap | CPU to ready | /stat p99 | /search p99 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const multiple of [10, 60]) {
    const mb = oneX.textMb * multiple;
    const at = (fit: { intercept: number; slope: number }) => fit.intercept + fit.slope * mb;
    console.log(
      `| ${multiple}x (extrapolated) | ${f(mb)} MB | ${oneX.documents * multiple} | ${f(at(fits.rss) / 1024, 1)} GB | ${f(at(fits.heap) / 1024, 1)} GB | ${f(at(fits.cpu))} s | ${f(at(fits.stat))} ms | ${f(at(fits.search))} ms |`,
    );
  }
}

function main(): void {
  const corpusDir = process.argv[2] ?? join(ROOT, '../shared/corpus');
  const multiples = (process.env.SCALING_MULTIPLES ?? '1,2,4,8').split(',').map(Number);
  let files: string[];
  try {
    files = filesUnder(corpusDir);
  } catch {
    console.log(`(skipped: ${corpusDir} is not here)`);
    return;
  }
  const into = mkdtempSync(join(tmpdir(), 'factsheet-scaling-'));
  try {
    console.error(`writing ${Math.max(...multiples)} editions of ${files.length} files under ${into}`);
    const folders = writeEditions(corpusDir, into, multiples);
    const replicas: Replica[] = [];
    for (const multiple of multiples) {
      replicas.push(runReplica(folders.get(multiple)!, multiple));
      console.error(`measured ${multiple}x`);
    }
    console.log(`One replica per size, each in a fresh process, ${relative(ROOT, corpusDir) || corpusDir}:\n`);
    printMeasured(replicas);
    printExtrapolated(replicas);
    console.log(`\n${JSON.stringify(replicas)}`);
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--replica') {
  const replica = await measureReplica(process.argv[3]!, Number(process.argv[4]));
  console.log(JSON.stringify(replica));
  process.exit(0);
} else {
  main();
}
