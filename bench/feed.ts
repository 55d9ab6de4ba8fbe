import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../server/db/index.js';
import type { PeopleTable } from '../server/db/schema.js';
import { homeFeed, type FeedPage } from '../server/modules/feed/service.js';
import { presentPosts } from '../server/modules/posts/service.js';
import { listGroupPosts } from '../server/modules/posts/store.js';
import { generateFeedData, seeded } from './lib/feed-data.js';
import { positive } from './lib/env.js';

export const description = 'home feed (recent, top; first and next page) at 1M posts vs. a plain indexed SELECT of a group’s latest posts';

/**
 * Generates a company (FEED_BENCH_PEOPLE people, FEED_BENCH_GROUPS groups, FEED_BENCH_POSTS posts
 * with comments and reactions) in a fresh database, then times, for random people, the home
 * feed's first and next page in both orders, calling the feed service function as the route does
 * (no HTTP: the figures are the feed's own queries and presentation), beside a plain indexed
 * SELECT of one of the person's groups' latest 20 posts and that group's feed page through the
 * posts module. SQLite in a temporary directory by default; PostgreSQL when DATABASE_URL names an
 * empty database.
 */
const here = dirname(fileURLToPath(import.meta.url));
const POSTS = positive(process.env.FEED_BENCH_POSTS, 1_000_000);
const PEOPLE = positive(process.env.FEED_BENCH_PEOPLE, 10_000);
const GROUPS = positive(process.env.FEED_BENCH_GROUPS, 10_000);
const SAMPLES = positive(process.env.FEED_BENCH_SAMPLES, 300);
const PAGE = 20;
const TARGET_P95_MS = 20;
const TARGET_RATIO = 2;

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function figures(ms: number[]): Figures {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const r = (n: number) => Number(n.toFixed(3));
  return { p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

async function timed<T>(ms: number[], fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await fn();
  ms.push(performance.now() - start);
  return out;
}

export async function run(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  // FEED_BENCH_DIR keeps the SQLite data (and a second run measures it again); otherwise a temporary folder.
  const keepDir = process.env.FEED_BENCH_DIR || undefined;
  const dataDir = databaseUrl ? '' : (keepDir ?? (await mkdtemp(join(tmpdir(), 'feed-bench-'))));
  const open = () => openDatabase({ databaseUrl, dataDir });
  let handle: DatabaseHandle | undefined = open();
  try {
    await migrateToLatest(handle.db);
    // A database that already holds the benchmark's company is measured again, not generated twice.
    const earlier = await handle.db.selectFrom('orgs').select('id').where('slug', 'like', 'feed-bench-%').executeTakeFirst();
    const existing = await handle.db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (!earlier && Number(existing.n) > 0)
      throw new Error('DATABASE_URL must name an empty database (the benchmark writes its own company)');
    let generationSeconds: number | null = null;
    let data: { personIds: string[]; counts: Record<string, number> };
    if (earlier) {
      const people = await handle.db.selectFrom('people').select('id').where('org_id', '=', earlier.id).orderBy('id').execute();
      data = { personIds: people.map((p) => p.id), counts: { posts: Number(existing.n) } };
      console.log(`feed: measuring the company generated earlier in this database (${existing.n} posts), ${cpus().length} cores`);
      await handle.close();
    } else {
      await handle.close();
      console.log(
        `feed: generating ${PEOPLE} people, ${GROUPS} groups, ${POSTS} posts on ${databaseUrl ? 'postgres' : 'sqlite'}, ${cpus().length} cores`,
      );
      const genStart = Date.now();
      const target = databaseUrl ? { databaseUrl } : { sqliteFile: join(dataDir, 'commonplace.db') };
      data = await generateFeedData(target, { people: PEOPLE, groups: GROUPS, posts: POSTS }, (l) => console.log(l));
      generationSeconds = (Date.now() - genStart) / 1000;
      console.log(`  generated in ${generationSeconds.toFixed(0)} s: ${JSON.stringify(data.counts)}`);
    }
    handle = undefined;

    handle = open();
    const db = handle.db;
    const rnd = seeded(7);
    const viewers: Array<{ v: PeopleTable; groups: string[] }> = [];
    for (let i = 0; i < Math.min(SAMPLES, data.personIds.length); i++) {
      const id = data.personIds[Math.floor(rnd() * data.personIds.length)]!;
      const v = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const groups = (await db.selectFrom('group_members').select('group_id').where('person_id', '=', id).execute()).map((g) => g.group_id);
      if (groups.length > 0) viewers.push({ v, groups });
    }

    const t = {
      recentFirst: [] as number[],
      recentNext: [] as number[],
      topFirst: [] as number[],
      topNext: [] as number[],
      select: [] as number[],
      groupFeed: [] as number[],
    };
    let items = 0;
    const round = async (v: PeopleTable, groupId: string, into: typeof t) => {
      for (const order of ['recent', 'top'] as const) {
        const first: FeedPage = await timed(order === 'recent' ? into.recentFirst : into.topFirst, () =>
          homeFeed(db, v, { order, limit: PAGE }),
        );
        items += first.items.length;
        const cursor = first.nextCursor ?? undefined;
        await timed(order === 'recent' ? into.recentNext : into.topNext, () => homeFeed(db, v, { order, limit: PAGE, cursor }));
      }
      await timed(into.select, () =>
        db
          .selectFrom('posts')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('deleted_at', 'is', null)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(PAGE)
          .execute(),
      );
      await timed(into.groupFeed, async () => presentPosts(db, v, (await listGroupPosts(db, v, groupId, null, PAGE + 1)).slice(0, PAGE)));
    };

    // Warm-up (JIT, page cache, statement caches), not counted.
    const scratch = { recentFirst: [], recentNext: [], topFirst: [], topNext: [], select: [], groupFeed: [] };
    for (const { v, groups } of viewers.slice(0, 30)) await round(v, groups[0]!, scratch);
    items = 0;
    for (const { v, groups } of viewers) await round(v, groups[Math.floor(rnd() * groups.length)]!, t);

    const f = Object.fromEntries(Object.entries(t).map(([k, ms]) => [k, figures(ms)])) as Record<keyof typeof t, Figures>;
    const sources = viewers.map((x) => x.groups.length).sort((a, b) => a - b);
    console.log('');
    console.log(
      `${viewers.length} people (groups each: median ${sources[sources.length >> 1]}, max ${sources[sources.length - 1]}), page of ${PAGE}, ms:`,
    );
    console.log(`  ${'measure'.padEnd(30)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`);
    const labels: Record<keyof typeof t, string> = {
      recentFirst: 'feed recent, first page',
      recentNext: 'feed recent, next page',
      topFirst: 'feed top, first page',
      topNext: 'feed top, next page',
      select: 'plain SELECT, group latest 20',
      groupFeed: 'group feed page (posts module)',
    };
    for (const k of Object.keys(t) as Array<keyof typeof t>) {
      console.log(
        `  ${labels[k].padEnd(30)} ${f[k].p50.toFixed(2).padStart(8)} ${f[k].p95.toFixed(2).padStart(8)} ${f[k].p99.toFixed(2).padStart(8)}`,
      );
    }
    console.log(`  average items on a first page: ${(items / Math.max(1, viewers.length * 2)).toFixed(1)}`);
    const feedKeys = ['recentFirst', 'recentNext', 'topFirst', 'topNext'] as const;
    const worstP95 = Math.max(...feedKeys.map((k) => f[k].p95));
    const ratios = Object.fromEntries(
      feedKeys.map((k) => [k, { toSelect: f[k].p95 / f.select.p95, toGroupFeed: f[k].p95 / f.groupFeed.p95 }]),
    );
    console.log('');
    for (const k of feedKeys) {
      const r = ratios[k]!;
      console.log(
        `  ${labels[k].padEnd(30)} p95 ÷ plain SELECT ${r.toSelect.toFixed(1)}×   ÷ group feed page ${r.toGroupFeed.toFixed(1)}×`,
      );
    }
    const p95Met = worstP95 < TARGET_P95_MS;
    const ratioMet = feedKeys.every((k) => ratios[k]!.toSelect <= TARGET_RATIO);
    console.log(`target: p95 < ${TARGET_P95_MS} ms  ${p95Met ? 'met' : 'NOT met'} (worst ${worstP95.toFixed(2)} ms)`);
    console.log(`target: within ${TARGET_RATIO}× of the plain SELECT  ${ratioMet ? 'met' : 'NOT met'}`);

    const results = join(here, 'results');
    await mkdir(results, { recursive: true });
    const file = join(results, `feed-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const record = {
      benchmark: 'feed',
      at: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      dialect: handle.dialect,
      size: { people: PEOPLE, groups: GROUPS, posts: POSTS, rows: data.counts },
      generationSeconds,
      samples: viewers.length,
      page: PAGE,
      figures: f,
      ratios,
      targets: { p95Ms: TARGET_P95_MS, ratio: TARGET_RATIO, p95Met, ratioMet },
    };
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`figures written to ${file}`);
  } finally {
    await handle?.close();
    if (dataDir && !keepDir) await rm(dataDir, { recursive: true, force: true });
  }
}
