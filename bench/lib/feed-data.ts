import SQLite from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../../server/lib/ids.js';
import { makeVocabulary, VOCABULARY_SEED, VOCABULARY_SIZE, wordsFrom, zipf, ZIPF_EXPONENT } from './vocabulary.js';

/**
 * A company for the feed benchmark, written straight into the tables in large batches (the
 * services would take hours for a million posts): people, groups of Zipf-like sizes with mixed
 * visibility, memberships, follows, posts over the last half year, comments and reactions.
 * Deterministic for a given size (seeded random numbers).
 */
export interface FeedDataSize {
  people: number;
  groups: number;
  posts: number;
}

export interface FeedData {
  orgId: string;
  personIds: string[];
  groupIds: string[];
  counts: Record<string, number>;
}

type PgType = 'text' | 'bigint' | 'integer';
type Columns = Array<[string, PgType]>;

/** Where batches go: prepared statements in one transaction per batch (SQLite), or unnest() batches (PostgreSQL). */
interface Sink {
  insert(table: string, columns: Columns, rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

function sqliteSink(file: string): Sink {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // A large page cache: the posts indexes take random inserts (by group, by author) and outgrow the default 2 MB.
  db.pragma('cache_size = -524288');
  db.pragma('temp_store = memory');
  const statements = new Map<string, SQLite.Statement>();
  return {
    async insert(table, columns, rows) {
      let stmt = statements.get(table);
      if (!stmt) {
        stmt = db.prepare(`insert into ${table} (${columns.map((c) => c[0]).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(table, stmt);
      }
      const s = stmt;
      db.transaction(() => {
        for (const r of rows) s.run(...r);
      })();
    },
    async close() {
      db.pragma('synchronous = NORMAL');
      db.exec('analyze');
      db.close();
    },
  };
}

async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async insert(table, columns, rows) {
      const arrays = columns.map((_, i) => rows.map((r) => r[i]));
      const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
      await client.query(`insert into ${table} (${columns.map((c) => c[0]).join(', ')}) select * from unnest(${unnest})`, arrays);
    },
    async close() {
      // Also sets the visibility map, so the feed's covering indexes answer without reading the table.
      await client.query('vacuum analyze');
      await client.end();
    },
  };
}

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BATCH = 5000;
const DAY = 86_400_000;
const SPAN_DAYS = 180;

export async function generateFeedData(
  target: { sqliteFile: string } | { databaseUrl: string },
  size: FeedDataSize,
  log: (line: string) => void,
): Promise<FeedData> {
  const sink = 'sqliteFile' in target ? sqliteSink(target.sqliteFile) : await postgresSink(target.databaseUrl);
  const rnd = seeded(20261123);
  const now = Date.now();
  const counts: Record<string, number> = {};
  const buffers = new Map<string, { columns: Columns; rows: unknown[][] }>();
  const add = async (table: string, columns: Columns, row: unknown[]) => {
    let b = buffers.get(table);
    if (!b) buffers.set(table, (b = { columns, rows: [] }));
    b.rows.push(row);
    counts[table] = (counts[table] ?? 0) + 1;
    // All tables at once, in the order they were first written: a reaction's post is in before it.
    if (b.rows.length >= BATCH) await flushAll();
  };
  const flush = async (table: string) => {
    const b = buffers.get(table);
    if (b && b.rows.length > 0) await sink.insert(table, b.columns, b.rows.splice(0));
  };
  const flushAll = async () => {
    for (const t of buffers.keys()) await flush(t);
  };

  const orgId = newId();
  await sink.insert(
    'orgs',
    [
      ['id', 'text'],
      ['slug', 'text'],
      ['name', 'text'],
      ['created_at', 'bigint'],
    ],
    [[orgId, `feed-bench-${now.toString(36)}`, 'Feed Bench', now]],
  );

  const personIds = Array.from({ length: size.people }, () => newId());
  const guest = personIds.map(() => rnd() < 0.02);
  const personCols: Columns = [
    ['id', 'text'],
    ['org_id', 'text'],
    ['display_name', 'text'],
    ['email', 'text'],
    ['email_normalized', 'text'],
    ['role', 'text'],
    ['status', 'text'],
    ['search_text', 'text'],
    ['created_at', 'bigint'],
    ['updated_at', 'bigint'],
    ['name_key', 'text'],
    ['skills_key', 'text'],
  ];
  for (const [i, id] of personIds.entries()) {
    const name = `Person ${i}`;
    const email = `person${i}@feed-bench.test`;
    const role = i === 0 ? 'owner' : guest[i] ? 'guest' : 'member';
    await add('people', personCols, [id, orgId, name, email, email, role, 'active', name.toLowerCase(), now, now, name.toLowerCase(), '|']);
  }
  await flushAll();

  // Group 0 is the company-wide group (everyone); the others are open, closed or secret.
  const groupIds = Array.from({ length: size.groups }, () => newId());
  const groupCols: Columns = [
    ['id', 'text'],
    ['org_id', 'text'],
    ['name', 'text'],
    ['description', 'text'],
    ['visibility', 'text'],
    ['post_permission', 'text'],
    ['post_approval', 'integer'],
    ['is_company_wide', 'integer'],
    ['created_by', 'text'],
    ['name_folded', 'text'],
    ['search_text', 'text'],
    ['created_at', 'bigint'],
    ['updated_at', 'bigint'],
  ];
  for (const [i, id] of groupIds.entries()) {
    const r = rnd();
    const visibility = i === 0 || r < 0.6 ? 'open' : r < 0.9 ? 'closed' : 'secret';
    const name = i === 0 ? 'Everyone' : `Group ${i}`;
    await add('groups', groupCols, [
      id,
      orgId,
      name,
      '',
      visibility,
      'everyone',
      0,
      i === 0 ? 1 : 0,
      personIds[0],
      name.toLowerCase(),
      name.toLowerCase(),
      now,
      now,
    ]);
  }
  await flushAll();

  // Most people in 5–50 groups, drawn by Zipf weight: a few groups hold most of the company.
  const pickGroup = zipf(size.groups, 1, rnd);
  const members: string[][] = groupIds.map(() => []);
  const memberCols: Columns = [
    ['org_id', 'text'],
    ['group_id', 'text'],
    ['person_id', 'text'],
    ['role', 'text'],
    ['notify', 'text'],
    ['joined_at', 'bigint'],
  ];
  for (const [p, personId] of personIds.entries()) {
    const want = guest[p] ? 2 + Math.floor(rnd() * 4) : 5 + Math.floor(45 * rnd() ** 2);
    const mine = new Set<number>(guest[p] ? [] : [0]);
    for (let tries = 0; mine.size < want && tries < want * 20; tries++) mine.add(pickGroup());
    for (const g of mine) {
      members[g]!.push(personId);
      await add('group_members', memberCols, [
        orgId,
        groupIds[g],
        personId,
        members[g]!.length === 1 ? 'admin' : 'member',
        'all',
        now - SPAN_DAYS * DAY,
      ]);
    }
  }
  await flushAll();

  // About 50 follows each, popular people followed more.
  const pickPerson = zipf(size.people, 0.8, rnd);
  const followCols: Columns = [
    ['org_id', 'text'],
    ['follower_id', 'text'],
    ['followee_id', 'text'],
    ['created_at', 'bigint'],
  ];
  for (const [p, personId] of personIds.entries()) {
    const want = Math.floor(25 + rnd() * 50);
    const mine = new Set<number>();
    for (let tries = 0; mine.size < want && tries < want * 5; tries++) {
      const q = pickPerson();
      if (q !== p) mine.add(q);
    }
    for (const q of mine) await add('follows', followCols, [orgId, personId, personIds[q], now - SPAN_DAYS * DAY]);
  }
  await flushAll();

  const postCols: Columns = [
    ['id', 'text'],
    ['org_id', 'text'],
    ['author_id', 'text'],
    ['group_id', 'text'],
    ['body_markdown', 'text'],
    ['body_html', 'text'],
    ['pinned', 'integer'],
    ['comments_enabled', 'integer'],
    ['created_at', 'bigint'],
    ['important', 'integer'],
  ];
  const commentCols: Columns = [
    ['id', 'text'],
    ['org_id', 'text'],
    ['post_id', 'text'],
    ['author_id', 'text'],
    ['body_markdown', 'text'],
    ['body_html', 'text'],
    ['created_at', 'bigint'],
  ];
  const reactionCols: Columns = [
    ['org_id', 'text'],
    ['target_type', 'text'],
    ['target_id', 'text'],
    ['post_id', 'text'],
    ['person_id', 'text'],
    ['kind', 'text'],
    ['created_at', 'bigint'],
  ];
  const kinds = ['like', 'like', 'like', 'love', 'haha', 'wow', 'sad', 'angry'];
  // Text: a vocabulary of its own seed, so that the search benchmark can draw the same words.
  const vocabulary = makeVocabulary(VOCABULARY_SIZE, seeded(VOCABULARY_SEED));
  const drawWord = zipf(vocabulary.length, ZIPF_EXPONENT, rnd);
  const started = Date.now();
  for (let i = 0; i < size.posts; i++) {
    const id = newId();
    const at = now - Math.floor(rnd() * SPAN_DAYS * DAY);
    let groupIndex = rnd() < 0.85 ? pickGroup() : -1;
    if (groupIndex >= 0 && members[groupIndex]!.length === 0) groupIndex = -1;
    const audience = groupIndex >= 0 ? members[groupIndex]! : null;
    const profileAuthor = pickPerson();
    // Guests do not write on profiles.
    const author = audience ? audience[Math.floor(rnd() * audience.length)]! : personIds[guest[profileAuthor] ? 0 : profileAuthor]!;
    const body = wordsFrom(vocabulary, drawWord, 8 + Math.floor(rnd() * 25), rnd);
    const important = audience && rnd() < 0.005 ? 1 : 0;
    await add('posts', postCols, [
      id,
      orgId,
      author,
      audience ? groupIds[groupIndex] : null,
      body,
      `<p>${body}</p>\n`,
      0,
      1,
      at,
      important,
    ]);
    // Exponential counts: most posts have a few reactions and comments, some have many.
    const crowd = audience ?? personIds;
    const reactors = new Set<string>();
    const nReactions = Math.min(crowd.length, Math.floor(-Math.log(1 - rnd()) * 1.5));
    for (let tries = 0; reactors.size < nReactions && tries < nReactions * 3; tries++)
      reactors.add(crowd[Math.floor(rnd() * crowd.length)]!);
    for (const who of reactors) {
      await add('reactions', reactionCols, [
        orgId,
        'post',
        id,
        id,
        who,
        kinds[Math.floor(rnd() * kinds.length)],
        at + Math.floor(rnd() * DAY),
      ]);
    }
    const nComments = Math.floor(-Math.log(1 - rnd()) * 0.5);
    for (let c = 0; c < nComments; c++) {
      const text = wordsFrom(vocabulary, drawWord, 3 + Math.floor(rnd() * 12), rnd);
      await add('comments', commentCols, [
        newId(),
        orgId,
        id,
        crowd[Math.floor(rnd() * crowd.length)],
        text,
        `<p>${text}</p>\n`,
        at + Math.floor(rnd() * DAY),
      ]);
    }
    if ((i + 1) % 100_000 === 0) log(`  ${i + 1} posts (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await flushAll();
  await sink.close();
  return { orgId, personIds, groupIds, counts };
}
