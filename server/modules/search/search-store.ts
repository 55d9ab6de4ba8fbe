import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { myConversations, type ChatViewer } from '../../policies/chat.js';
import { findableGroups, type GroupViewer } from '../../policies/groups.js';
import { visiblePosts } from '../../policies/posts.js';
import type { SearchKind } from './index-store.js';
import { placesTsquery, toFts5, toTsquery, type ParsedQuery } from './query.js';
import { rankWindow, type RankableDoc } from './rank.js';
import { viewerWalks, type Walk } from './scopes.js';

export type SearchViewer = GroupViewer & ChatViewer;

export interface SearchHit {
  kind: SearchKind;
  refId: string;
  postId: string | null;
  groupId: string | null;
  conversationId: string | null;
  authorId: string | null;
  createdAt: number;
}

export interface SearchFilters {
  kinds: SearchKind[];
  /** Narrowing only: a filter can never widen what the permission filter lets through. */
  authorId?: string | undefined;
  groupId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * Where a page of results starts. Newest first: below a document id. By relevance: within the
 * ranking window whose newest document is `ceiling`, after the `skip` best (see searchDocuments).
 */
export type SearchPosition = { sort: 'date'; before: number } | { sort: 'relevance'; ceiling: number; skip: number };

export interface SearchOptions extends SearchFilters {
  sort: 'relevance' | 'date';
  limit: number;
  after?: SearchPosition | undefined;
  /** How many of the newest matches one relevance ranking covers (RANKING_WINDOW unless a benchmark asks). */
  window?: number | undefined;
}

/**
 * Relevance ranks the newest this-many matches the viewer may see, then the next this-many, and
 * so on. Ranking every match would cost as much as the commonest word is common (a quarter of a
 * million rows at a million documents); a window costs the same for every query, and the newest
 * matches are the ones people look for at work.
 */
export const RANKING_WINDOW = 1000;

/** The kinds this filter knows how to check; any other kind is never returned. */
export const SEARCHABLE_KINDS: SearchKind[] = ['post', 'comment', 'message', 'group', 'file'];

/**
 * Who may see a hit, as SQL over the document joined to where it lives (`posts`, `conversations`,
 * `groups`): the same policy expressions that lists and pages use, so a page of results and its
 * count never include what the viewer may not see. A kind without a rule here is never returned.
 */
function mayFind(v: SearchViewer, kinds: SearchKind[]): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'search_docs' | 'posts' | 'conversations' | 'groups'>();
  const rules: Array<Expression<SqlBool>> = [];
  const postKinds = kinds.filter((k) => k === 'post' || k === 'comment');
  if (postKinds.length > 0)
    rules.push(eb.and([eb('search_docs.kind', 'in', postKinds), visiblePosts(eb as unknown as ExpressionBuilder<Database, 'posts'>, v)]));
  if (kinds.includes('message'))
    rules.push(
      eb.and([eb('search_docs.kind', '=', 'message'), myConversations(eb as unknown as ExpressionBuilder<Database, 'conversations'>, v)]),
    );
  // A file is found where its post or its message is.
  if (kinds.includes('file'))
    rules.push(
      eb.and([
        eb('search_docs.kind', '=', 'file'),
        eb.or([
          eb.and([eb('search_docs.post_id', 'is not', null), visiblePosts(eb as unknown as ExpressionBuilder<Database, 'posts'>, v)]),
          eb.and([
            eb('search_docs.conversation_id', 'is not', null),
            myConversations(eb as unknown as ExpressionBuilder<Database, 'conversations'>, v),
          ]),
        ]),
      ]),
    );
  if (kinds.includes('group'))
    rules.push(eb.and([eb('search_docs.kind', '=', 'group'), findableGroups(eb as unknown as ExpressionBuilder<Database, 'groups'>, v)]));
  return rules.length > 0 ? eb.or(rules) : sql<SqlBool>`1 = 0`;
}

/** The searcher's own filters: author, group (a post's, for its comments and files too), dates. */
function narrowedBy(o: SearchFilters): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'search_docs' | 'posts'>();
  const parts: Array<Expression<SqlBool>> = [];
  if (o.authorId) parts.push(eb('search_docs.author_id', '=', o.authorId));
  if (o.groupId) parts.push(eb.or([eb('search_docs.group_id', '=', o.groupId), eb('posts.group_id', '=', o.groupId)]));
  if (o.from !== undefined) parts.push(eb('search_docs.created_at', '>=', o.from));
  if (o.to !== undefined) parts.push(eb('search_docs.created_at', '<', o.to));
  return parts.length > 0 ? eb.and(parts) : sql<SqlBool>`1 = 1`;
}

/** Documents at or below (or strictly below) the ceiling, by the engine's own id column. */
function idBound(column: RawBuilder<unknown>, below: { ceiling: number | null; inclusive: boolean }): RawBuilder<unknown> {
  if (below.ceiling === null) return sql`1 = 1`;
  return below.inclusive ? sql`${column} <= ${below.ceiling}` : sql`${column} < ${below.ceiling}`;
}

/** PostgreSQL: past this many matches a word is common enough to walk the ids backwards (see newestMatches). */
const COMMON_MATCHES = 5_000;

/** A match and its relevance (higher is better). */
type Candidate = { id: number; rank: number };

/**
 * The newest `take` matches of `q` the viewer may find, at or below `ceiling`, newest first, with
 * their relevance. Both engines walk their match in document-id order and stop once `take` have
 * passed the permission filter, so the cost follows `take`, not how common the words are. One
 * `walk`: the feed or chat, narrowed to the viewer's places when they are few (scopes.ts). With
 * `viewer` null, no permission filter (the benchmark's baseline).
 */
export async function newestMatches(
  db: Executor,
  dialect: Dialect,
  v: SearchViewer | null,
  q: ParsedQuery,
  f: SearchFilters,
  below: { ceiling: number | null; inclusive: boolean },
  take: number,
  walk: Walk,
): Promise<Candidate[]> {
  const kinds = f.kinds.filter((k) => SEARCHABLE_KINDS.includes(k) && walk.kinds.includes(k));
  if (kinds.length === 0) return [];
  const permitted = v === null ? sql`1 = 1` : sql`search_docs.org_id = ${v.org_id} and ${mayFind(v, kinds)} and ${narrowedBy(f)}`;
  const joins =
    v === null
      ? sql``
      : sql`left join posts on posts.id = search_docs.post_id
          left join conversations on conversations.id = search_docs.conversation_id
          left join groups on groups.id = search_docs.ref_id and search_docs.kind = 'group'`;
  if (dialect === 'postgres') {
    // Narrowed: the places as `#` lexemes beside the words (migration 0014), one GIN match. The family
    // is a column test, which its own id index answers when the walk goes backwards by id.
    const family = walk.family === 'chat' ? sql`search_docs.conversation_id is not null` : sql`search_docs.conversation_id is null`;
    const wordsQuery = toTsquery(q);
    const words = walk.scopes ? sql`(${wordsQuery} && ${placesTsquery(walk.scopes)}::tsquery)` : wordsQuery;
    const bound = idBound(sql`search_docs.id`, below);
    const match = sql`search_docs.tsv @@ ${words} and ${family} and ${bound}`;
    // Two ways to get the newest matches, and PostgreSQL cannot tell which is cheap: its estimate
    // for a word it has no statistics on is a thousand rows. Walking the family's ids backwards,
    // testing each row, stops early for a common word but reads the whole family for a rare one
    // (540 ms at a million documents); the GIN match reads every match before it can keep the
    // newest, cheap for a rare word, slow for a common one. So count the matches up to a bound
    // first (the GIN index, and at most that many rows), then ask for the plan that fits.
    const { rows: counted } = await sql<{ n: string }>`
      select count(*) as n from (select 1 from search_docs where ${match} limit ${COMMON_MATCHES}) m`.execute(db);
    const common = Number(counted[0]?.n ?? 0) >= COMMON_MATCHES;
    // `id + 0` hides the order from the id indexes, which keeps the GIN plan.
    const order = common ? sql`search_docs.id desc` : sql`search_docs.id + 0 desc`;
    const { rows } = await sql<{ id: string; rank: number }>`
      select search_docs.id, ts_rank(search_docs.tsv, ${wordsQuery}) as rank from search_docs ${joins}
      where ${match} and ${permitted} order by ${order} limit ${take}`.execute(db);
    return rows.map((r) => ({ id: Number(r.id), rank: Number(r.rank) }));
  }
  // SQLite: the feed and chat have an FTS5 index each (migration 0013), with the places as a column;
  // the cross join keeps FTS5 the outer loop, walking its match by rowid, newest first.
  const fts = sql.raw(walk.family === 'chat' ? 'search_chat_fts' : 'search_fts');
  const bound = idBound(sql`${fts}.rowid`, below);
  // Ranked in rank.ts, from the words it already has to hand (why: see there).
  const { rows } = await sql<RankableDoc>`
    select search_docs.id, search_docs.title, search_docs.body from ${fts} cross join search_docs on search_docs.id = ${fts}.rowid ${joins}
    where ${fts} match ${toFts5(q, walk.scopes ?? undefined)} and ${bound} and ${permitted} order by ${fts}.rowid desc limit ${take}`.execute(
    db,
  );
  return rankWindow(rows, q);
}

/** The newest `take` matches over the walks (feed and chat apart), merged newest first. */
export async function visibleMatches(
  db: Executor,
  dialect: Dialect,
  v: SearchViewer | null,
  q: ParsedQuery,
  f: SearchFilters,
  below: { ceiling: number | null; inclusive: boolean },
  take: number,
  walks: Walk[],
): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const walk of walks) found.push(...(await newestMatches(db, dialect, v, q, f, below, take, walk)));
  return found.sort((a, b) => b.id - a.id).slice(0, take);
}

/**
 * One page of what the viewer may find for `q`, and where the next starts. The engine's match and
 * the permission filter are one query (newestMatches), so a page never holds what the viewer may
 * not see and is never short because something was dropped afterwards.
 *
 * - Newest first: keyset pages by document id (documents enter the index as they are written, and a
 *   rebuild writes them in the order they were made).
 * - By relevance: the newest RANKING_WINDOW visible matches are ranked and paged; past them, the next
 *   window. A window is pinned by its newest id, so new documents do not shift later pages.
 */
export async function searchDocuments(
  db: Executor,
  dialect: Dialect,
  v: SearchViewer,
  q: ParsedQuery,
  opts: SearchOptions,
): Promise<{ hits: SearchHit[]; next: SearchPosition | null }> {
  const walks = await viewerWalks(
    db,
    v,
    opts.kinds.filter((k) => SEARCHABLE_KINDS.includes(k)),
  );
  if (opts.sort === 'date') {
    const before = opts.after?.sort === 'date' ? opts.after.before : null;
    const rows = await visibleMatches(db, dialect, v, q, opts, { ceiling: before, inclusive: false }, opts.limit + 1, walks);
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    return { hits: await hitsOf(db, page), next: rows.length > opts.limit && last ? { sort: 'date', before: last.id } : null };
  }
  const window = opts.window ?? RANKING_WINDOW;
  let at = opts.after?.sort === 'relevance' ? opts.after : null;
  const page: Candidate[] = [];
  let next: SearchPosition | null = null;
  // A page can straddle two windows; each further window is one more bounded query.
  for (let windows = 0; page.length < opts.limit && windows < 3; windows++) {
    const ranked = await visibleMatches(db, dialect, v, q, opts, { ceiling: at?.ceiling ?? null, inclusive: true }, window, walks);
    if (ranked.length === 0) break;
    const ceiling = at?.ceiling ?? ranked[0]!.id;
    const oldest = ranked[ranked.length - 1]!.id;
    ranked.sort((a, b) => b.rank - a.rank || b.id - a.id);
    const skip = at?.skip ?? 0;
    const taken = ranked.slice(skip, skip + opts.limit - page.length);
    page.push(...taken);
    const used = skip + taken.length;
    const full = ranked.length >= window;
    next =
      used < ranked.length ? { sort: 'relevance', ceiling, skip: used } : full ? { sort: 'relevance', ceiling: oldest - 1, skip: 0 } : null;
    if (!next || next.skip > 0) break;
    at = next;
  }
  return { hits: await hitsOf(db, page), next };
}

async function hitsOf(db: Executor, page: Candidate[]): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const rows = await db
    .selectFrom('search_docs')
    .select(['id', 'kind', 'ref_id', 'post_id', 'group_id', 'conversation_id', 'author_id', 'created_at'])
    .where(
      'id',
      'in',
      page.map((c) => c.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return page.flatMap((c) => {
    const r = byId.get(c.id);
    return r
      ? [
          {
            kind: r.kind,
            refId: r.ref_id,
            postId: r.post_id,
            groupId: r.group_id,
            conversationId: r.conversation_id,
            authorId: r.author_id,
            createdAt: Number(r.created_at),
          },
        ]
      : [];
  });
}
