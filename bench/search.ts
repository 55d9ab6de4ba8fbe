import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../server/db/index.js';
import type { PeopleTable } from '../server/db/schema.js';
import { parseQuery, toFts5, toTsquery } from '../server/modules/search/query.js';
import { rebuildSearchIndex } from '../server/modules/search/reindex.js';
import { wholeWalks } from '../server/modules/search/scopes.js';
import { RANKING_WINDOW, searchDocuments, SEARCHABLE_KINDS, visibleMatches } from '../server/modules/search/search-store.js';
import { generateChatData } from './lib/chat-data.js';
import { generateFeedData, seeded } from './lib/feed-data.js';
import { makeVocabulary, VOCABULARY_SEED, VOCABULARY_SIZE, zipf, ZIPF_EXPONENT } from './lib/vocabulary.js';
import { positive } from './lib/env.js';
import { measureFreshness } from './lib/search-freshness.js';

export const description = 'search: permission-filtered full-text search beside unfiltered, at 1M posts and their comments';

/**
 * The feed benchmark's company (SEARCH_BENCH_POSTS posts, 1,000,000 by default, with comments,
 * 10,000 people in 10,000 groups) plus Work Chat (SEARCH_BENCH_MESSAGES messages, 200,000 by
 * default, in 5,000 direct and group conversations); text drawn from a 20,000-word vocabulary by
 * frequency. Indexed with `rebuildSearchIndex` (timed; the index's size is measured). Then, for
 * random people (2% of them guests), random one- to three-word queries drawn from the same
 * vocabulary by the same frequencies:
 * - the search as the API runs it, by relevance: the engine's match and the permission filter in
 *   one query, the newest RANKING_WINDOW visible matches ranked, first page of 20;
 * - the baseline: the same match, window and ranking without the permission filter (same run);
 * - the same search newest first, and (on a quarter of the queries) the engine ranking every match
 *   by itself (bm25 / ts_rank over all matches): what the window saves.
 * SQLite in a temporary folder; PostgreSQL when DATABASE_URL names an empty database.
 */
const here = dirname(fileURLToPath(import.meta.url));
const POSTS = positive(process.env.SEARCH_BENCH_POSTS, 1_000_000);
const PEOPLE = positive(process.env.SEARCH_BENCH_PEOPLE, 10_000);
const GROUPS = positive(process.env.SEARCH_BENCH_GROUPS, 10_000);
const SAMPLES = positive(process.env.SEARCH_BENCH_SAMPLES, 400);
const CONVERSATIONS = positive(process.env.SEARCH_BENCH_CONVERSATIONS, 5_000);
const MESSAGES = positive(process.env.SEARCH_BENCH_MESSAGES, 200_000);
const PAGE = 20;
const TARGET_P95_MS = 50;
const TARGET_RATIO = 2;

function figures(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export async function run(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? '' : await mkdtemp(join(tmpdir(), 'search-bench-'));
  let handle = openDatabase({ databaseUrl, dataDir });
  await migrateToLatest(handle.db);
  const existing = await handle.db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new Error('DATABASE_URL must name an empty database (the benchmark writes its own company)');
  await handle.close();

  console.log(
    `search: generating ${PEOPLE} people, ${GROUPS} groups, ${POSTS} posts on ${databaseUrl ? 'postgres' : 'sqlite'}, ${cpus().length} cores`,
  );
  const genStart = Date.now();
  const target = databaseUrl ? { databaseUrl } : { sqliteFile: join(dataDir, 'commonplace.db') };
  const data = await generateFeedData(target, { people: PEOPLE, groups: GROUPS, posts: POSTS }, (l) => console.log(l));
  console.log(`  generated in ${((Date.now() - genStart) / 1000).toFixed(0)} s: ${JSON.stringify(data.counts)}`);

  handle = openDatabase({ databaseUrl, dataDir });
  const db = handle.db;
  const dialect = handle.dialect;
  const chatStart = Date.now();
  const chat = await generateChatData(db, data, { conversations: CONVERSATIONS, messages: MESSAGES });
  console.log(`  chat: ${JSON.stringify(chat)} in ${((Date.now() - chatStart) / 1000).toFixed(0)} s`);
  const sizeOf = async (): Promise<number> => {
    if (dialect === 'postgres') {
      const { rows } = await sql<{ n: string }>`select pg_total_relation_size('search_docs') as n`.execute(db);
      return Number(rows[0]?.n ?? 0);
    }
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    return statSync(join(dataDir, 'commonplace.db')).size;
  };
  const before = await sizeOf();
  const buildStart = Date.now();
  const counts = await rebuildSearchIndex(db);
  const buildSeconds = (Date.now() - buildStart) / 1000;
  if (dialect === 'postgres') await sql`analyze search_docs`.execute(db);
  const indexBytes = dialect === 'postgres' ? await sizeOf() : (await sizeOf()) - before;
  console.log(`  index built in ${buildSeconds.toFixed(0)} s (${JSON.stringify(counts)}), ${(indexBytes / 2 ** 20).toFixed(0)} MB`);

  const rnd = seeded(99);
  const vocabulary = makeVocabulary(VOCABULARY_SIZE, seeded(VOCABULARY_SEED));
  const drawWord = zipf(vocabulary.length, ZIPF_EXPONENT, rnd);
  const viewers: PeopleTable[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = data.personIds[Math.floor(rnd() * data.personIds.length)]!;
    viewers.push(await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }
  const queries = viewers.map(() => {
    const n = 1 + Math.floor(rnd() * 3);
    return Array.from({ length: n }, () => vocabulary[drawWord()]!).join(' ');
  });

  const relevance = { kinds: SEARCHABLE_KINDS, sort: 'relevance' as const, limit: PAGE };
  const filtered = (v: PeopleTable, q: string) => searchDocuments(db, dialect, v, parseQuery(q)!, relevance);
  const newest = (v: PeopleTable, q: string) => searchDocuments(db, dialect, v, parseQuery(q)!, { ...relevance, sort: 'date' });
  /** The same engine match, window and ranking, without the permission filter and its joins. */
  const unfiltered = async (q: string) => {
    const all = { ceiling: null, inclusive: true };
    const window = await visibleMatches(db, dialect, null, parseQuery(q)!, relevance, all, RANKING_WINDOW, wholeWalks(SEARCHABLE_KINDS));
    return window.sort((a, b) => b.rank - a.rank || b.id - a.id).slice(0, PAGE);
  };
  /** Every match ranked by the engine (no window, no permission filter): what a window saves. */
  const everyMatch = async (q: string) => {
    const parsed = parseQuery(q)!;
    if (dialect === 'sqlite') {
      // The feed's index and chat's (migration 0013), each ranked whole.
      for (const fts of ['search_fts', 'search_chat_fts'].map((t) => sql.raw(t)))
        await sql`select rowid from ${fts} where ${fts} match ${toFts5(parsed)} order by bm25(${fts}, 10.0, 1.0, 0.0) limit ${PAGE}`.execute(
          db,
        );
      return;
    }
    const words = toTsquery(parsed);
    return sql`select id from search_docs where tsv @@ ${words} order by ts_rank(tsv, ${words}) desc limit ${PAGE}`.execute(db);
  };

  const t = { filtered: [] as number[], unfiltered: [] as number[], newest: [] as number[], every: [] as number[] };
  let hits = 0;
  for (let i = 0; i < Math.min(30, viewers.length); i++) {
    await filtered(viewers[i]!, queries[i]!);
    await unfiltered(queries[i]!);
  }
  const time = async (into: number[], f: () => Promise<unknown>) => {
    const start = performance.now();
    await f();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < viewers.length; i++) {
    const v = viewers[i]!;
    const q = queries[i]!;
    // Alternating which goes first, so neither always meets the cache the other warmed.
    const pair = [
      () => time(t.filtered, async () => (hits += (await filtered(v, q)).hits.length)),
      () => time(t.unfiltered, () => unfiltered(q)),
    ];
    if (i % 2 === 1) pair.reverse();
    for (const run of pair) await run();
    await time(t.newest, () => newest(v, q));
    // Ranking every match is slow (what the window is for): a quarter of the queries is enough to show it.
    if (i % 4 === 0) await time(t.every, () => everyMatch(q));
  }
  const f = figures(t.filtered);
  const u = figures(t.unfiltered);
  const ratio = f.p95 / Math.max(0.001, u.p95);
  const line = (label: string, x: { p50: number; p95: number; p99: number }) =>
    console.log(`  ${label.padEnd(44)} ${x.p50.toFixed(2).padStart(8)} ${x.p95.toFixed(2).padStart(8)} ${x.p99.toFixed(2).padStart(8)}`);
  console.log('');
  console.log(`${viewers.length} queries of 1–3 words by random people, first page of ${PAGE}, ranking window ${RANKING_WINDOW}, ms:`);
  console.log(`  ${'measure'.padEnd(44)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`);
  line('search by relevance, permission-filtered', f);
  line('same match and ranking, no filter (baseline)', u);
  line('search newest first, permission-filtered', figures(t.newest));
  line(`every match ranked, no filter (${t.every.length} queries)`, figures(t.every));
  console.log(`  average results on a first page (filtered): ${(hits / viewers.length).toFixed(1)}`);
  console.log(`  p95 ratio filtered / unfiltered: ${ratio.toFixed(1)}×`);
  console.log(
    `target: p95 < ${TARGET_P95_MS} ms  ${f.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}; within ${TARGET_RATIO}×  ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
  );

  // Freshness: a post written, edited and deleted through the stores, then searched at once.
  const author = viewers.find((v) => v.role !== 'guest') ?? viewers[0]!;
  const fresh = await measureFreshness(db, dialect, author, 50);
  console.log('');
  console.log(`freshness, 50 posts by one person: from the start of the write until search reflects it, ms:`);
  line('created', figures(fresh.ms.created));
  line('edited (new word found, old one gone)', figures(fresh.ms.edited));
  line('deleted', figures(fresh.ms.deleted));
  console.log(`  searches that did not reflect the change at once: ${fresh.missed}`);

  const results = join(here, 'results');
  await mkdir(results, { recursive: true });
  await writeFile(
    join(results, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify({ benchmark: 'search', at: new Date().toISOString(), node: process.version, cores: cpus().length, dialect, size: { people: PEOPLE, groups: GROUPS, posts: POSTS, rows: data.counts }, index: { seconds: buildSeconds, bytes: indexBytes, documents: counts }, samples: viewers.length, figures: { filtered: f, unfiltered: u, newest: figures(t.newest), everyMatch: figures(t.every), ratio }, freshness: { created: figures(fresh.ms.created), edited: figures(fresh.ms.edited), deleted: figures(fresh.ms.deleted), missed: fresh.missed } }, null, 2)}\n`,
  );
  await handle.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
