// npx tsx bench/pg-candidates.ts [CORPUS_DIR]: the shared-index prototype of docs/scaling.md. Every figure
// sentence (/stat) and every statement (/search) of the corpus goes into PostgreSQL with its context (section
// heading, the rest of its statement, document title) as a weighted tsvector under a GIN index; a question's
// candidates are the top rows by ts_rank_cd, and the bot re-ranks them with its own code (a SentenceFinder or a
// TextIndex over the candidates alone). Measured against the in-memory library on the same corpus: recall of
// its top 10, and the latency of both. Starts its own PostgreSQL 15 (PG_BIN) as the `postgres` user in a
// temporary folder on a free port, and removes it after. Numbers are reported, never asserted.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadGold } from '../eval/gold/load.js';
import { plainTextOf } from '../src/document/formats/index.js';
import type { Document } from '../src/document/types.js';
import { documentDate, newerFirst } from '../src/library/dates.js';
import { SentenceFinder, leadIn, type IndexedSentence } from '../src/library/figure-search.js';
import { figureSentenceIndexSteps, indexSteps } from '../src/library/indexes.js';
import type { Library, StatementRef } from '../src/library/library.js';
import { collectPartSteps } from '../src/library/refs.js';
import { loadLibrary } from '../src/library/reload.js';
import { terms, TextIndex } from '../src/library/search.js';
import { finish } from '../src/library/steps.js';
import { SYNONYMS } from '../src/library/vocabulary.js';
import { freePort } from '../tests/support/free-port.js';
import { QUERIES } from './in-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** Candidates the bot re-ranks; recall is also shown at the other depths. */
const DEPTH = Number(process.env.PG_DEPTH ?? 200);
const DEPTHS = [50, DEPTH, 1000];
const ROUNDS = Number(process.env.PG_ROUNDS ?? 3);
/** Weights of the tsvector's parts, as ts_rank_cd takes them ({D, C, B, A}): the bot's own (indexes.ts). */
const RANK_WEIGHTS = '{0.3, 0.3, 0.4, 1.0}';

// ---- A PostgreSQL of its own ----

interface Server {
  port: number;
  stop(): Promise<void>;
}

/** As the `postgres` user when run as root: PostgreSQL refuses to run as root. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Settles once the server logs that it accepts connections; fails if it exits first. */
function accepting(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`postgres exited (${code}): ${log}`)));
  });
}

async function startPostgres(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'factsheet-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres']).stdout.toString()), 0);
  const data = join(dir, 'data');
  const init = spawnSync(...asPostgres(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-N']));
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr.toString()}`);
  const port = await freePort();
  const settings = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const [command, args] = asPostgres(join(PG_BIN, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    ...settings,
  ]);
  const server = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  await accepting(server);
  return {
    port,
    stop: async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // SIGINT is a fast shutdown; sent to the server itself, as runuser does not pass it on.
      process.kill(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- The rows: each sentence with its context ----

const readerText = (document: Document, text: string) => plainTextOf(document, text);

/** A row as the ingest job would write it: the sentence, and the bot's own stems of it and of its context. */
interface Row {
  kind: 'figure' | 'statement';
  id: number;
  body: string;
  body_terms: string;
  heading_terms: string;
  around_terms: string;
  title_terms: string;
  /** The document's date (YYYY-MM-DD), or '' without one: newer first at a tie, as the bot orders. */
  date: string;
}

function row(kind: Row['kind'], id: number, document: Document, [body, heading, around]: string[]): Row {
  const stems = (text: string) => terms(text).join(' ');
  const [body_terms, heading_terms, around_terms, title_terms] = [body!, heading!, around!, document.title].map(stems);
  return {
    kind,
    id,
    body: body!,
    body_terms: body_terms!,
    heading_terms: heading_terms!,
    around_terms: around_terms!,
    title_terms: title_terms!,
    date: documentDate(document) ?? '',
  };
}

/** A figure sentence as /stat ranks it: its text, the rest of its statement and its list's lead-in, heading, title. */
function figureRow(sentence: IndexedSentence, id: number): Row {
  const { document, span, figures } = sentence;
  const { section, figure } = figures[0]!;
  const point = [section.lead, ...section.points].find((p) => p?.id === figure.pointId);
  const text = document.text;
  const lead = point && leadIn(section, point);
  const rest = point ? text.slice(point.span[0], span[0]) + ' ' + text.slice(span[1], point.span[1]) : '';
  const around = readerText(document, `${rest} ${lead ? lead.text : ''}`);
  return row('figure', id, document, [readerText(document, text.slice(...span)), section.title, around]);
}

function statementRow(ref: StatementRef, id: number): Row {
  return row('statement', id, ref.document, [readerText(ref.document, ref.point.text), ref.section.title, '']);
}

const SCHEMA = `
  CREATE TABLE sentence (
    kind text NOT NULL, id int NOT NULL, body text NOT NULL, body_terms text NOT NULL, heading_terms text NOT NULL,
    around_terms text NOT NULL, title_terms text NOT NULL, date text NOT NULL,
    -- The bot's stems, not PostgreSQL's: a question's terms (synonyms, typo corrections) match as the bot matches.
    words tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', body_terms), 'A') || setweight(to_tsvector('simple', heading_terms), 'B') ||
      setweight(to_tsvector('simple', around_terms), 'C') || setweight(to_tsvector('simple', title_terms), 'D')) STORED,
    PRIMARY KEY (kind, id))`;

/** Loads the rows in batches and builds the GIN index; what it took and what it weighs. */
async function loadRows(client: pg.Client, rows: Row[]) {
  await client.query(SCHEMA);
  const started = performance.now();
  for (let from = 0; from < rows.length; from += 5000) {
    const batch = rows.slice(from, from + 5000);
    const column = (key: keyof Row) => batch.map((row) => row[key]);
    await client.query(
      `INSERT INTO sentence (kind, id, body, body_terms, heading_terms, around_terms, title_terms, date)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        column('kind'),
        column('id'),
        column('body'),
        column('body_terms'),
        column('heading_terms'),
        column('around_terms'),
        column('title_terms'),
        column('date'),
      ],
    );
  }
  const inserted = performance.now();
  await client.query('CREATE INDEX sentence_words ON sentence USING gin (words)');
  await client.query('VACUUM ANALYZE sentence');
  const indexed = performance.now();
  const size = await client.query<{ table: string; index: string }>(
    "SELECT pg_total_relation_size('sentence') AS table, pg_relation_size('sentence_words') AS index",
  );
  return {
    insertS: (inserted - started) / 1000,
    indexS: (indexed - inserted) / 1000,
    tableMb: Number(size.rows[0]!.table) / 2 ** 20,
    indexMb: Number(size.rows[0]!.index) / 2 ** 20,
  };
}

// ---- Candidates, re-ranking and the reference ----

/** A tsquery matching any of the terms (the bot's stems: letters and digits only). */
function anyOf(terms: Iterable<string>): string {
  const stems = [...new Set(terms)].filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
  return stems.map((t) => `'${t}'`).join(' | ');
}

/** Candidate ids, best first, with their sentence's stems for the re-ranking (the row brings them). */
type Candidates = (kind: Row['kind'], query: string, depth: number) => Promise<Array<{ id: number; terms: string[] }>>;

/**
 * How candidates are ordered: by ts_rank_cd alone; by the rarity of the words they hold first; or that, then
 * ts_rank_cd divided by 1 + the log of the length (BM25 prefers short sentences) and newer documents first.
 */
type Mode = 'rank' | 'rarity' | 'shorter';
const MODE_NAMES: Record<Mode, string> = {
  rank: 'ts_rank_cd',
  rarity: 'rarest words held, then ts_rank_cd',
  shorter: 'rarest words held, then ts_rank_cd by length, newer first',
};

const BY_RANK = `SELECT id, body_terms FROM sentence, to_tsquery('simple', $2) AS q WHERE kind = $1 AND words @@ q
  ORDER BY ts_rank_cd('${RANK_WEIGHTS}', words, q) DESC, id LIMIT $3`;

// ts_rank_cd knows nothing of how rare a word is: here each of the query's words (with its alternatives) counts
// by its rarity among the rows, as /stat's share of the words does, and ts_rank_cd only orders within that.
// MATERIALIZED: inlined, each word's count would run again for every row that matches.
const byRarity = (
  rank: string,
) => `WITH asked AS MATERIALIZED (SELECT to_tsquery('simple', t) AS q FROM unnest($4::text[]) AS t),
  weighed AS MATERIALIZED (SELECT q, ln(1 + $5::float / (1 + (SELECT count(*) FROM sentence s WHERE s.kind = $1 AND s.words @@ asked.q)))
    AS rarity FROM asked)
  SELECT id, body_terms FROM sentence s, to_tsquery('simple', $2) AS q WHERE kind = $1 AND words @@ q
  ORDER BY (SELECT sum(rarity) FROM weighed WHERE s.words @@ weighed.q) DESC, ${rank}, id LIMIT $3`;
const ORDERS: Record<Mode, string> = {
  rank: BY_RANK,
  rarity: byRarity(`ts_rank_cd('${RANK_WEIGHTS}', words, q) DESC`),
  shorter: byRarity(`ts_rank_cd('${RANK_WEIGHTS}', words, q, 1) DESC, date DESC`),
};

function candidatesFrom(client: pg.Client, words: TextIndex, mode: Mode, rows: Map<string, number>): Candidates {
  return async (kind, query, depth) => {
    // Each word with the bot's synonyms and typo corrections, as the bot expands a question.
    const asked = words
      .expandQuery(query)
      .map((group) => anyOf(group.map((a) => a.term)))
      .filter((g) => g.length > 0);
    if (asked.length === 0) return [];
    const any = asked.map((g) => `(${g})`).join(' | ');
    const values = mode === 'rank' ? [kind, any, depth] : [kind, any, depth, asked, rows.get(kind)];
    const found = await client.query<{ id: number; body_terms: string }>(ORDERS[mode], values);
    return found.rows.map((r) => ({ id: r.id, terms: r.body_terms ? r.body_terms.split(' ') : [] }));
  };
}

interface Reranker {
  /** The in-memory library's top 10, as keys. */
  reference(query: string): string[];
  /** The bot's ranking over the candidates alone: its top 10, as keys. */
  rerank(query: string, candidates: Array<{ id: number; terms: string[] }>): string[];
}

/** /stat: a SentenceFinder over the candidates, with the library's statement vocabulary (synonyms, typos). */
function statReranker(library: Library, words: TextIndex): Reranker {
  const sentences = library.claims.figureSentences.sentences;
  return {
    reference: (query) =>
      library.search
        .figureSentences(query)
        .slice(0, 10)
        .map((hit) => hit.sentence.key),
    rerank: (query, candidates) => {
      const chosen = candidates.map(({ id }) => sentences[id]!);
      const finder = new SentenceFinder(chosen, words, undefined, finish(figureSentenceIndexSteps(chosen)));
      return finder
        .find(query)
        .slice(0, 10)
        .map((hit) => hit.sentence.key);
    },
  };
}

/** /search: a TextIndex over the candidate statements, ranked as statementHits ranks (newer first at a tie). */
function searchReranker(library: Library): Reranker {
  const position = new Map(library.parts().statements.map((ref, i) => [ref, i]));
  return {
    reference: (query) =>
      library.search.statementHits(query, undefined, 10).refs.map((ref) => String(position.get(ref))),
    rerank: (query, candidates) => {
      const index = new TextIndex([{ name: 'text', weight: 1 }], SYNONYMS);
      candidates.forEach(({ terms }, i) => index.add(i, { text: terms }));
      const ids = candidates.map(({ id }) => id);
      index.prepare();
      const hits = index.search(query, Number.MAX_SAFE_INTEGER);
      const documentOf = (i: number) => library.parts().statements[ids[i]!]!.document;
      hits.sort((a, b) =>
        Math.abs(a.score - b.score) <= 1e-9 * Math.max(1, a.score)
          ? newerFirst(documentOf(a.id), documentOf(b.id)) || ids[a.id]! - ids[b.id]!
          : b.score - a.score,
      );
      return hits.slice(0, 10).map((hit) => String(ids[hit.id]));
    },
  };
}

// ---- Measuring ----

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${percentile(sorted, 0.5).toFixed(1)} / ${percentile(sorted, 0.99).toFixed(1)}`;
};
/** How many of the wanted keys are found (a sentence repeated in several documents shares one key). */
const share = (found: string[], wanted: string[]) => {
  const keys = new Set(found);
  return new Set(wanted.filter((key) => keys.has(key))).size;
};

interface Recall {
  wanted: number;
  inCandidates: Map<number, number>;
  reranked: number;
}

/** Recall of the reference top 10 among the candidates at each depth, and in the re-ranked top 10. */
async function recall(
  kind: Row['kind'],
  queries: string[],
  candidates: Candidates,
  reranker: Reranker,
  keyOf: (id: number) => string,
) {
  const totals: Recall = { wanted: 0, inCandidates: new Map(DEPTHS.map((d) => [d, 0])), reranked: 0 };
  for (const query of queries) {
    const wanted = reranker.reference(query);
    if (wanted.length === 0) continue;
    const found = await candidates(kind, query, Math.max(...DEPTHS));
    const ids = found.map(({ id }) => id);
    totals.wanted += new Set(wanted).size;
    for (const depth of DEPTHS) {
      const keys = ids.slice(0, depth).map(keyOf);
      totals.inCandidates.set(depth, totals.inCandidates.get(depth)! + share(keys, wanted));
    }
    totals.reranked += share(reranker.rerank(query, found.slice(0, DEPTH)), wanted);
  }
  return totals;
}

/** Each query's time in memory, in PostgreSQL at DEPTH, and re-ranking, over ROUNDS rounds (after a warm one). */
async function latency(kind: Row['kind'], queries: string[], candidates: Candidates, reranker: Reranker) {
  const times = { memory: [] as number[], database: [] as number[], rerank: [] as number[], both: [] as number[] };
  for (let round = 0; round <= ROUNDS; round++) {
    for (const query of queries) {
      let started = performance.now();
      reranker.reference(query);
      const memory = performance.now() - started;
      started = performance.now();
      const found = await candidates(kind, query, DEPTH);
      const database = performance.now() - started;
      started = performance.now();
      reranker.rerank(query, found);
      const rerank = performance.now() - started;
      if (round === 0) continue;
      times.memory.push(memory);
      times.database.push(database);
      times.rerank.push(rerank);
      times.both.push(database + rerank);
    }
  }
  return times;
}

async function main(): Promise<void> {
  const corpusDir = process.argv[2] ?? join(ROOT, '../shared/corpus');
  if (!existsSync(corpusDir) || !existsSync(join(PG_BIN, 'postgres'))) {
    console.log(`(skipped: needs ${corpusDir} and PostgreSQL in ${PG_BIN})`);
    return;
  }
  const { library } = await loadLibrary(corpusDir);
  const words = finish(indexSteps(library.documents, finish(collectPartSteps(library.documents)))).statements;
  const sentences = library.claims.figureSentences.sentences;
  const rows = [...sentences.map(figureRow), ...library.parts().statements.map(statementRow)];
  const questions = loadGold('tune').questions.map((q) => q.q);
  const counts = new Map([
    ['figure', sentences.length],
    ['statement', library.parts().statements.length],
  ]);
  const server = await startPostgres();
  const client = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' });
  try {
    await client.connect();
    const loaded = await loadRows(client, rows);
    console.log(
      `${library.documents.length} documents: ${sentences.length} figure sentences and ${library.parts().statements.length} statements in PostgreSQL; insert ${loaded.insertS.toFixed(1)} s, GIN index and analyse ${loaded.indexS.toFixed(1)} s; table with indexes ${loaded.tableMb.toFixed(0)} MB, of which the GIN index ${loaded.indexMb.toFixed(0)} MB\n`,
    );
    const kinds = [
      {
        kind: 'figure' as const,
        name: '/stat',
        reranker: statReranker(library, words),
        keyOf: (id: number) => sentences[id]!.key,
      },
      { kind: 'statement' as const, name: '/search', reranker: searchReranker(library), keyOf: String },
    ];
    const sets = [
      { name: 'tune questions', queries: questions },
      { name: 'short queries', queries: QUERIES },
    ];
    console.log(
      `| command | queries | candidates ordered by | ${DEPTHS.map((d) => `top 10 in top ${d}`).join(' | ')} | re-ranked top 10 (of ${DEPTH}) |`,
    );
    console.log(`|---|---|---|${DEPTHS.map(() => '---').join('|')}|---|`);
    for (const { kind, name, reranker, keyOf } of kinds) {
      for (const set of sets) {
        for (const mode of ['rank', 'rarity', 'shorter'] as const) {
          const r = await recall(kind, set.queries, candidatesFrom(client, words, mode, counts), reranker, keyOf);
          const of = (n: number) => (r.wanted ? (n / r.wanted).toFixed(3) : '-');
          console.log(
            `| ${name} | ${set.name} (${r.wanted} wanted) | ${MODE_NAMES[mode]} | ${DEPTHS.map((d) => of(r.inCandidates.get(d)!)).join(' | ')} | ${of(r.reranked)} |`,
          );
        }
      }
    }
    console.log(`\nLatency, median / p99 in ms (${ROUNDS} rounds of every query, ${DEPTH} candidates):\n`);
    console.log(
      '| command | candidates ordered by | in memory (whole library) | PostgreSQL candidates | re-rank | PostgreSQL + re-rank |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const { kind, name, reranker } of kinds) {
      for (const mode of ['rank', 'shorter'] as const) {
        const candidates = candidatesFrom(client, words, mode, counts);
        const t = await latency(kind, [...questions, ...QUERIES], candidates, reranker);
        console.log(
          `| ${name} | ${MODE_NAMES[mode]} | ${summary(t.memory)} | ${summary(t.database)} | ${summary(t.rerank)} | ${summary(t.both)} |`,
        );
      }
    }
  } finally {
    await client.end();
    await server.stop();
  }
}

await main();
process.exit(0);
