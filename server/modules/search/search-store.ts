import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { myConversations, type ChatViewer } from '../../policies/chat.js';
import { findableGroups, type GroupViewer } from '../../policies/groups.js';
import { visiblePosts } from '../../policies/posts.js';
import type { SearchKind } from './index-store.js';
import { toFts5, toTsquery, type ParsedQuery } from './query.js';

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

export interface SearchOptions {
  kinds: SearchKind[];
  /** Narrowing only: a filter can never widen what the permission filter lets through. */
  authorId?: string | undefined;
  groupId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
}

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
function narrowedBy(o: SearchOptions): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'search_docs' | 'posts'>();
  const parts: Array<Expression<SqlBool>> = [];
  if (o.authorId) parts.push(eb('search_docs.author_id', '=', o.authorId));
  if (o.groupId) parts.push(eb.or([eb('search_docs.group_id', '=', o.groupId), eb('posts.group_id', '=', o.groupId)]));
  if (o.from !== undefined) parts.push(eb('search_docs.created_at', '>=', o.from));
  if (o.to !== undefined) parts.push(eb('search_docs.created_at', '<', o.to));
  return parts.length > 0 ? eb.and(parts) : sql<SqlBool>`1 = 1`;
}

/**
 * One page of what the viewer may find for `q`, best first (or newest first). The engine's match
 * and the permission filter are one query; pages are by offset (relevance has no stable key).
 */
export async function searchDocuments(
  db: Executor,
  dialect: Dialect,
  v: SearchViewer,
  q: ParsedQuery,
  opts: SearchOptions,
): Promise<SearchHit[]> {
  const kinds = opts.kinds.filter((k) => SEARCHABLE_KINDS.includes(k));
  if (kinds.length === 0) return [];
  // The rank: lower is better for FTS5's bm25, higher for ts_rank; both put titles first.
  const matched =
    dialect === 'sqlite'
      ? sql`(select rowid as id, bm25(search_fts, 10.0, 1.0) as rank from search_fts where search_fts match ${toFts5(q)})`
      : sql`(select id, -ts_rank(tsv, query) as rank from search_docs, to_tsquery('simple', ${toTsquery(q)}) as query where tsv @@ query)`;
  const order = opts.sort === 'date' ? sql`search_docs.created_at desc, search_docs.id desc` : sql`m.rank, search_docs.id desc`;
  const { rows } = await sql<{
    kind: SearchKind;
    ref_id: string;
    post_id: string | null;
    group_id: string | null;
    conversation_id: string | null;
    author_id: string | null;
    created_at: number;
  }>`
    select search_docs.kind, search_docs.ref_id, search_docs.post_id, search_docs.group_id, search_docs.conversation_id,
      search_docs.author_id, search_docs.created_at
    from ${matched} as m
    join search_docs on search_docs.id = m.id
    left join posts on posts.id = search_docs.post_id
    left join conversations on conversations.id = search_docs.conversation_id
    left join groups on groups.id = search_docs.ref_id and search_docs.kind = 'group'
    where search_docs.org_id = ${v.org_id} and ${mayFind(v, kinds)} and ${narrowedBy(opts)}
    order by ${order}
    limit ${opts.limit} offset ${opts.offset}`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    refId: r.ref_id,
    postId: r.post_id,
    groupId: r.group_id,
    conversationId: r.conversation_id,
    authorId: r.author_id,
    createdAt: Number(r.created_at),
  }));
}
