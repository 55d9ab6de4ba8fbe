import { PostgresAdapter, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/index.js';
import type { Database, PostsTable } from '../../db/schema.js';
import type { GroupViewer } from '../../policies/groups.js';
import { selectVisiblePosts, type PostRow } from '../posts/store.js';

/**
 * The home feed's SQL. A feed is the merge of its sources (each group I am in, each person I
 * follow, myself); each source is read with an index seek that stops after a few rows
 * (posts_group_recent, posts_author_recent), never a filter over every post of the company.
 */

/** Where a person's feed comes from. */
export interface FeedSources {
  groupIds: string[];
  followeeIds: string[];
}

/** A post considered for a page: enough to order, score and explain it before loading it. */
export type Candidate = Pick<PostsTable, 'id' | 'created_at' | 'author_id' | 'group_id' | 'important'>;

export interface CandidateWindow {
  /** Rows read per source: one page (+1) for Recent, a fixed budget for Top. */
  perSource: number;
  /** Strictly older than this (created_at, id): the Recent cursor. */
  before?: [number, string] | null;
  /** Created in [since, upTo]: the Top window and its snapshot time. */
  since?: number;
  upTo?: number;
}

export async function feedSources(db: Executor, v: GroupViewer): Promise<FeedSources> {
  const [groups, follows] = await Promise.all([
    db.selectFrom('group_members').select('group_id').where('person_id', '=', v.id).where('org_id', '=', v.org_id).execute(),
    db.selectFrom('follows').select('followee_id').where('follower_id', '=', v.id).where('org_id', '=', v.org_id).execute(),
  ]);
  return { groupIds: groups.map((g) => g.group_id), followeeIds: follows.map((f) => f.followee_id) };
}

const isPostgres = (db: Executor): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
const CANDIDATE_COLUMNS = ['posts.id', 'posts.created_at', 'posts.author_id', 'posts.group_id', 'posts.important'] as const;

/**
 * For each source id (the `s.value` of the outer query), its newest published posts in the window
 * that the viewer may see: an index range read that stops after `perSource` rows.
 * A person's posts go through `reachableByFollow` here (many are in groups the viewer may not see). A
 * group source is one the viewer is a member of, and members see every published post of their
 * group, so that read only asks for the company, published and not deleted: the policy's
 * membership test would be the same answer at the cost, on PostgreSQL, of hashing every open group
 * of the company per query. The page's rows are then loaded through `visiblePosts` all the same
 * (loadFeedRows), so a membership ended meanwhile still hides them.
 */
function perSource(db: Executor, v: GroupViewer, kind: 'group' | 'author', w: CandidateWindow) {
  const source = sql.ref<string>('s.value');
  let q = db
    .selectFrom('posts')
    .where('posts.org_id', '=', v.org_id)
    .where('posts.status', '=', 'published')
    .where('posts.deleted_at', 'is', null);
  q =
    kind === 'group'
      ? q.where('posts.group_id', '=', source)
      : q.where('posts.author_id', '=', source).where((eb) => reachableByFollow(eb, v));
  const { before, since, upTo } = w;
  // A row-value comparison, so that both databases seek to the cursor instead of filtering up to it.
  if (before) q = q.where((eb) => eb(eb.refTuple('posts.created_at', 'posts.id'), '<', eb.tuple(before[0], before[1])));
  if (since !== undefined) q = q.where('posts.created_at', '>=', since);
  if (upTo !== undefined) q = q.where('posts.created_at', '<=', upTo);
  return q.orderBy('posts.created_at', 'desc').orderBy('posts.id', 'desc').limit(w.perSource);
}

/**
 * What a followed person's posts add to the group sources: `visiblePosts` minus what a membership
 * shows (posts in my own groups come from their group source anyway, and the two are merged by id).
 * For a guest that is nothing (guests see only their groups' posts); for anyone else, profile posts
 * and posts in open groups — one lookup per row instead of the policy's three, which matters when a
 * followed person wrote mostly in groups the viewer is not in.
 */
function reachableByFollow(eb: ExpressionBuilder<Database, 'posts'>, v: GroupViewer): Expression<SqlBool> {
  if (v.role === 'guest' || v.status !== 'active') return sql<SqlBool>`1 = 0`;
  const openGroup = eb.exists(
    eb.selectFrom('groups as fg').select('fg.id').whereRef('fg.id', '=', 'posts.group_id').where('fg.visibility', '=', 'open'),
  );
  return eb.or([eb('posts.group_id', 'is', null), openGroup]);
}

/**
 * One statement per kind of source, whatever their number: PostgreSQL joins LATERAL over
 * unnest(ids); SQLite (no LATERAL) joins json_each(ids) to posts through a correlated
 * `id IN (… LIMIT n)`, which it runs once per source.
 */
async function candidatesOf(db: Executor, v: GroupViewer, kind: 'group' | 'author', ids: string[], w: CandidateWindow) {
  if (ids.length === 0) return [];
  const inner = perSource(db, v, kind, w);
  const query = isPostgres(db)
    ? sql<Candidate>`select c.* from unnest(${ids}::text[]) as s(value) cross join lateral (${inner.select(CANDIDATE_COLUMNS)}) as c`
    : sql<Candidate>`select p.id, p.created_at, p.author_id, p.group_id, p.important
        from json_each(${JSON.stringify(ids)}) as s join posts as p on p.id in (${inner.select('posts.id')})`;
  // Numbers as numbers on both databases (bigint columns come back through the driver's parser).
  return (await query.execute(db)).rows.map((r) => ({ ...r, created_at: Number(r.created_at), important: Number(r.important) }));
}

/**
 * The newest posts of every source within the window, each source cut at `perSource`, merged,
 * without duplicates (a followed person's post in one of my groups comes from two sources), newest first.
 *
 * With `need` (Recent: one page + 1), sources are first read PROBE rows deep, which is all most of
 * them contribute to a page; only a source cut at PROBE rows whose oldest row read is not older
 * than the need-th post of that merge is read again, `perSource` deep. Its unread rows are older
 * than that post, and the final need-th post can only be newer, so nothing of the page is missed.
 */
export async function feedCandidates(
  db: Executor,
  v: GroupViewer,
  sources: FeedSources,
  w: CandidateWindow,
  need?: number,
): Promise<Candidate[]> {
  const authors = [v.id, ...sources.followeeIds.filter((id) => id !== v.id)];
  const read = (groupIds: string[], authorIds: string[], perSource: number) =>
    Promise.all([
      candidatesOf(db, v, 'group', groupIds, { ...w, perSource }),
      candidatesOf(db, v, 'author', authorIds, { ...w, perSource }),
    ]);
  if (need === undefined || w.perSource <= PROBE) return merged(await read(sources.groupIds, authors, w.perSource));

  const [groupRows, authorRows] = await read(sources.groupIds, authors, PROBE);
  const probe = merged([groupRows, authorRows]);
  const boundary = probe.length >= need ? probe[need - 1]! : null;
  const unfinished = (rows: Candidate[], sourceOf: (c: Candidate) => string) => {
    // Per source: how many rows were read, and the oldest of them (rows come in no set order).
    const bySource = new Map<string, { n: number; oldest: Candidate }>();
    for (const r of rows) {
      const seen = bySource.get(sourceOf(r));
      if (!seen) bySource.set(sourceOf(r), { n: 1, oldest: r });
      else bySource.set(sourceOf(r), { n: seen.n + 1, oldest: newestFirst(r, seen.oldest) > 0 ? r : seen.oldest });
    }
    return [...bySource].filter(([, s]) => s.n >= PROBE && (boundary === null || newestFirst(s.oldest, boundary) <= 0)).map(([id]) => id);
  };
  const again = await read(
    unfinished(groupRows, (c) => c.group_id ?? ''),
    unfinished(authorRows, (c) => c.author_id),
    w.perSource,
  );
  return merged([groupRows, authorRows, ...again]);
}

/** Rows read per source in the first pass of a page. */
const PROBE = 5;

function merged(results: Candidate[][]): Candidate[] {
  const byId = new Map<string, Candidate>();
  for (const rows of results) for (const r of rows) byId.set(r.id, r);
  return [...byId.values()].sort(newestFirst);
}

export function newestFirst(a: Pick<Candidate, 'created_at' | 'id'>, b: Pick<Candidate, 'created_at' | 'id'>): number {
  if (a.created_at !== b.created_at) return b.created_at - a.created_at;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The full rows of a page, through the same visibility filter as every list; in the order of `ids`. */
export async function loadFeedRows(db: Executor, v: GroupViewer, ids: string[]): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectVisiblePosts(db, v).where('posts.id', 'in', ids).where('posts.status', '=', 'published').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** My reactions and comments between `from` and `to`, counted per author and group of the post they were on. */
export async function interactionCounts(
  db: Executor,
  v: GroupViewer,
  from: number,
  to: number,
): Promise<Array<{ author_id: string; group_id: string | null; n: number }>> {
  const [reactions, comments] = await Promise.all([
    db
      .selectFrom('reactions as r')
      .innerJoin('posts as p', 'p.id', 'r.post_id')
      .select((eb) => ['p.author_id', 'p.group_id', eb.fn.countAll<number>().as('n')])
      .where('r.person_id', '=', v.id)
      .where('r.created_at', '>=', from)
      .where('r.created_at', '<=', to)
      .groupBy(['p.author_id', 'p.group_id'])
      .execute(),
    db
      .selectFrom('comments as c')
      .innerJoin('posts as p', 'p.id', 'c.post_id')
      .select((eb) => ['p.author_id', 'p.group_id', eb.fn.countAll<number>().as('n')])
      .where('c.author_id', '=', v.id)
      .where('c.created_at', '>=', from)
      .where('c.created_at', '<=', to)
      .where((eb) => eb.or([eb('c.deleted_at', 'is', null), eb('c.deleted_at', '>', to)]))
      .groupBy(['p.author_id', 'p.group_id'])
      .execute(),
  ]);
  return [...reactions, ...comments].map((r) => ({ ...r, n: Number(r.n) }));
}

/** Reactions on each post and its comments (replies included), as they stood at `at`. */
export async function engagementAt(
  db: Executor,
  postIds: string[],
  at: number,
): Promise<{ reactions: Map<string, number>; comments: Map<string, number> }> {
  if (postIds.length === 0) return { reactions: new Map(), comments: new Map() };
  const [reactions, comments] = await Promise.all([
    db
      .selectFrom('reactions')
      .select((eb) => ['target_id', eb.fn.countAll<number>().as('n')])
      .where('target_id', 'in', postIds)
      .where('created_at', '<=', at)
      .groupBy('target_id')
      .execute(),
    db
      .selectFrom('comments')
      .select((eb) => ['post_id', eb.fn.countAll<number>().as('n')])
      .where('post_id', 'in', postIds)
      .where('created_at', '<=', at)
      .where((eb) => eb.or([eb('deleted_at', 'is', null), eb('deleted_at', '>', at)]))
      .groupBy('post_id')
      .execute(),
  ]);
  return {
    reactions: new Map(reactions.map((r) => [r.target_id, Number(r.n)])),
    comments: new Map(comments.map((r) => [r.post_id, Number(r.n)])),
  };
}

/** Announcements among `postIds` that I had marked seen by `at`. */
export async function seenAnnouncements(db: Executor, v: GroupViewer, postIds: string[], at: number): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('announcement_seen')
    .select('post_id')
    .where('person_id', '=', v.id)
    .where('post_id', 'in', postIds)
    .where('seen_at', '<=', at)
    .execute();
  return new Set(rows.map((r) => r.post_id));
}
