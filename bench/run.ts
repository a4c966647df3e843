// npm run bench [-- CORPUS_DIR]: the scale benchmark. Prints tables; asserts nothing. BENCH_HTTP=0 leaves out
// the HTTP endpoint under load (./http-load.ts, also npm run bench:http).
// CORPUS_DIR defaults to ../shared/corpus (the 1,598 real fact sheets); it is skipped, saying so, when absent.
import { cpus, totalmem } from 'node:os';
import { build, consoleOneShot, endToEndRounds, startToReady } from './end-to-end.js';
import { folderDataset, generatedDataset, measure, type Dataset, type Measured } from './in-process.js';

const corpusDir = process.argv[2] ?? new URL('../../shared/corpus', import.meta.url).pathname;
const sizes = (process.env.BENCH_SIZES ?? '1,10,50')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const fmt = (n: number, digits = 3) => n.toFixed(digits);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

console.log(
  `factsheet-bot benchmark · ${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}\n`,
);

const results: Measured[] = [];
const datasets: Array<() => Dataset | null> = [
  () => folderDataset('seed', new URL('../seeds', import.meta.url).pathname, 2705),
  () => {
    const corpus = folderDataset('real corpus', corpusDir, 18_000_000);
    if (!corpus) console.log(`(real corpus skipped: ${corpusDir} is not here)`);
    return corpus;
  },
  ...sizes.map((mb) => () => generatedDataset(mb)),
];
for (const make of datasets) {
  const dataset = make();
  if (!dataset) continue;
  const result = await measure(dataset, dataset.bytes > 20_000_000 ? 150 : 300);
  results.push(result);
  console.error(`measured ${result.name}`);
}

console.log('Load and memory (in process; RSS is the whole benchmark process after loading that set):\n');
console.log('| documents | size | count | statements | load + index | heap | RSS |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${(r.bytes / 1e6).toFixed(r.bytes < 1e5 ? 4 : 1)} MB | ${r.documents} | ${r.statements} | ${fmt(r.loadSeconds, 2)} s | ${r.heapMb.toFixed(0)} MB | ${r.rssMb.toFixed(0)} MB |`,
  );
}

console.log('\nCommands and autocomplete, median / p99 in ms:\n');
console.log(`| operation | ${results.map((r) => r.name).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
for (const op of results[0]!.ops.keys()) {
  console.log(
    `| ${op} | ${results.map((r) => `${fmt(r.ops.get(op)!.median)} / ${fmt(r.ops.get(op)!.p99)}`).join(' | ')} |`,
  );
}

if (process.env.BENCH_END_TO_END !== '0') {
  build();
  const ready = await startToReady();
  const oneShot = consoleOneShot();
  console.log('\nThe compiled bot as deployed (node dist/src/main.js) against the bare bot, both with plain node:\n');
  console.log('| measure | factsheet-bot | bare discord.js bot | ratio |');
  console.log('|---|---|---|---|');
  console.log(
    `| start to ready (median of 7, alternating) | ${fmt(ready.ours, 0)} ms | ${fmt(ready.bare, 0)} ms | ${fmt(ready.ours / ready.bare, 2)} |`,
  );
  console.log(`| one-shot console answer, whole process (median of 11) | ${fmt(oneShot, 0)} ms | | |`);
  for (const distinct of [false, true]) {
    const e2e = await endToEndRounds(Number(process.env.BENCH_INTERACTIONS ?? 500), distinct);
    const what = distinct
      ? 'every question different (no reply reused)'
      : 'six questions repeating (replies reused from the cache)';
    console.log(
      `\nEnd to end against the local Discord stand-in, ${e2e.interactions} interactions each, alternating, ${what} (dispatch -> callback); medians of five rounds, each with fresh processes:\n`,
    );
    console.log('| bot | latency median | latency p99 | RSS |');
    console.log('|---|---|---|---|');
    console.log(
      `| factsheet-bot (bundled documents) | ${fmt(e2e.ours.median)} ms | ${fmt(e2e.ours.p99)} ms | ${e2e.ours.rssMb.toFixed(0)} MB |`,
    );
    console.log(
      `| bare discord.js bot, fixed embed | ${fmt(e2e.bare.median)} ms | ${fmt(e2e.bare.p99)} ms | ${e2e.bare.rssMb.toFixed(0)} MB |`,
    );
    console.log(
      `| ratio | ${fmt(e2e.ours.median / e2e.bare.median, 2)} | ${fmt(e2e.ours.p99 / e2e.bare.p99, 2)} | ${fmt(median(e2e.rssRatios), 2)} |`,
    );
    console.log(
      `\nRSS ratio (the median of each round's, in the table) in each round: ${e2e.rssRatios.map((ratio) => fmt(ratio, 2)).join(', ')}`,
    );
  }
}

if (process.env.BENCH_TREND !== '0') {
  // The chart's render time and memory, and a whole /trend on the corpus (bench/trend.ts).
  const { benchTrend } = await import('./trend.js');
  benchTrend(corpusDir);
}

if (process.env.BENCH_HTTP !== '0') {
  // Loaded only here: autocannon is needed for this part alone.
  const { httpLoad, printHttpLoad } = await import('./http-load.js');
  // dist/ was built above unless the end-to-end part was left out.
  if (process.env.BENCH_END_TO_END === '0') build();
  printHttpLoad(await httpLoad());
}

// Following a publisher (a 50-item feed with 50 new pages, on a local server) and the database's cost per
// announcement and per settings read; each prints its own lines when imported. BENCH_FOLLOW=0 leaves them out.
if (process.env.BENCH_FOLLOW !== '0') await import('./feeds.js');
if (process.env.BENCH_FOLLOW !== '0') await import('./db.js');
if (process.env.BENCH_START !== '0') await (await import('./start.js')).startBench(corpusDir);
