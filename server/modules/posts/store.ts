import type { Executor } from '../../db/index.js';
import type { GroupRole, GroupsTable, PeopleTable, PostRevisionsTable, PostsTable, ReactionKind } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { GroupViewer } from '../../policies/groups.js';
import { visiblePosts } from '../../policies/posts.js';
import { indexDocument, reindexText } from '../search/index-store.js';

/** The only code that reads or writes posts, post_revisions and post_mentions. Every function takes the company (or the viewer). */

/** A post with its author, its group and the viewer's membership of that group. */
export type PostRow = PostsTable & {
  author_name: string;
  author_photo: string | null;
  author_status: PeopleTable['status'];
  author_is_bot: number;
  group_name: string | null;
  group_visibility: GroupsTable['visibility'] | null;
  group_archived_at: number | null;
  group_post_permission: GroupsTable['post_permission'] | null;
  group_is_company_wide: number | null;
  my_role: GroupRole | null;
};

/** Posts the viewer may see (the policy's filter is part of every query here). */
export function selectVisiblePosts(db: Executor, v: GroupViewer) {
  return db
    .selectFrom('posts')
    .innerJoin('people as au', 'au.id', 'posts.author_id')
    .leftJoin('groups as pg', 'pg.id', 'posts.group_id')
    .leftJoin('group_members as pm', (j) => j.onRef('pm.group_id', '=', 'posts.group_id').on('pm.person_id', '=', v.id))
    .selectAll('posts')
    .select([
      'au.display_name as author_name',
      'au.photo_file_id as author_photo',
      'au.is_bot as author_is_bot',
      'au.status as author_status',
      'pg.name as group_name',
      'pg.visibility as group_visibility',
      'pg.archived_at as group_archived_at',
      'pg.post_permission as group_post_permission',
      'pg.is_company_wide as group_is_company_wide',
      'pm.role as my_role',
    ])
    .where((eb) => visiblePosts(eb, v));
}

export function findVisiblePost(db: Executor, v: GroupViewer, id: string): Promise<PostRow | undefined> {
  return selectVisiblePosts(db, v).where('posts.id', '=', id).executeTakeFirst();
}

/** A group's feed: pinned first, then newest; the cursor is (pinned, created_at, id). */
export function listGroupPosts(
  db: Executor,
  v: GroupViewer,
  groupId: string,
  after: [number, number, string] | null,
  limit: number,
): Promise<PostRow[]> {
  let q = selectVisiblePosts(db, v).where('posts.group_id', '=', groupId);
  if (after) {
    const [pinned, at, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('posts.pinned', '<', pinned),
        eb.and([
          eb('posts.pinned', '=', pinned),
          eb.or([eb('posts.created_at', '<', at), eb.and([eb('posts.created_at', '=', at), eb('posts.id', '<', id)])]),
        ]),
      ]),
    );
  }
  return q
    .orderBy('posts.pinned', 'desc')
    .orderBy('posts.created_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** A person's posts the viewer may see (profile posts and group posts), newest first. */
export function listAuthorPosts(
  db: Executor,
  v: GroupViewer,
  authorId: string,
  after: [number, string] | null,
  limit: number,
): Promise<PostRow[]> {
  let q = selectVisiblePosts(db, v).where('posts.author_id', '=', authorId);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('posts.created_at', '<', at), eb.and([eb('posts.created_at', '=', at), eb('posts.id', '<', id)])]));
  }
  return q
    .orderBy('posts.created_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function insertPost(
  db: Executor,
  p: Pick<PostsTable, 'org_id' | 'author_id' | 'group_id' | 'body_markdown' | 'body_html'> &
    Partial<Pick<PostsTable, 'status' | 'important' | 'blocks'>>,
): Promise<PostsTable> {
  const row: PostsTable = {
    id: newId(),
    status: 'published',
    important: 0,
    reviewed_by: null,
    reviewed_at: null,
    blocks: null,
    ...p,
    pinned: 0,
    pinned_at: null,
    comments_enabled: 1,
    created_at: Date.now(),
    edited_at: null,
    deleted_at: null,
    deleted_by: null,
  };
  await db.insertInto('posts').values(row).execute();
  await indexDocument(db, {
    kind: 'post',
    refId: row.id,
    orgId: row.org_id,
    postId: row.id,
    groupId: row.group_id,
    authorId: row.author_id,
    createdAt: row.created_at,
    body: row.body_markdown,
  });
  return row;
}

export type PostChanges = Partial<
  Pick<PostsTable, 'body_markdown' | 'body_html' | 'edited_at' | 'pinned' | 'pinned_at' | 'comments_enabled' | 'blocks'>
>;

/** Changes a post that is not deleted; says whether it did. */
export async function updatePost(db: Executor, orgId: string, id: string, changes: PostChanges): Promise<boolean> {
  const res = await db
    .updateTable('posts')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const changed = Number(res.numUpdatedRows) > 0;
  if (changed && changes.body_markdown !== undefined) await reindexText(db, 'post', id, changes.body_markdown);
  return changed;
}

export async function softDeletePost(db: Executor, orgId: string, id: string, by: string): Promise<boolean> {
  const res = await db
    .updateTable('posts')
    .set({ deleted_at: Date.now(), deleted_by: by })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  // The post, its comments and its files.
  await db.deleteFrom('search_docs').where('org_id', '=', orgId).where('post_id', '=', id).execute();
  return Number(res.numUpdatedRows) > 0;
}

export async function insertRevision(db: Executor, r: Omit<PostRevisionsTable, 'id'>): Promise<void> {
  await db
    .insertInto('post_revisions')
    .values({ id: newId(), ...r })
    .execute();
}

/** Replaced versions, newest first; the cursor is (replaced_at, id). */
export function listRevisions(
  db: Executor,
  orgId: string,
  postId: string,
  after: [number, string] | null,
  limit: number,
): Promise<PostRevisionsTable[]> {
  let q = db.selectFrom('post_revisions').selectAll().where('org_id', '=', orgId).where('post_id', '=', postId);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('replaced_at', '<', at), eb.and([eb('replaced_at', '=', at), eb('id', '<', id)])]));
  }
  return q
    .orderBy('replaced_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function replacePostMentions(db: Executor, orgId: string, postId: string, personIds: string[]): Promise<void> {
  await db.deleteFrom('post_mentions').where('org_id', '=', orgId).where('post_id', '=', postId).execute();
  if (personIds.length === 0) return;
  const now = Date.now();
  await db
    .insertInto('post_mentions')
    .values(personIds.map((person_id) => ({ org_id: orgId, post_id: postId, person_id, created_at: now })))
    .execute();
}

export async function postMentionIds(db: Executor, orgId: string, postId: string): Promise<string[]> {
  const rows = await db.selectFrom('post_mentions').select('person_id').where('org_id', '=', orgId).where('post_id', '=', postId).execute();
  return rows.map((r) => r.person_id);
}

/** People of the company among `ids`, with their membership of the group (for mention checks), in one query. */
export function mentionCandidates(
  db: Executor,
  orgId: string,
  ids: string[],
  groupId: string | null,
): Promise<Array<Pick<PeopleTable, 'id' | 'org_id' | 'role' | 'status' | 'display_name'> & { member_role: GroupRole | null }>> {
  return db
    .selectFrom('people')
    .leftJoin('group_members as mm', (j) => j.onRef('mm.person_id', '=', 'people.id').on('mm.group_id', '=', groupId ?? ''))
    .select(['people.id', 'people.org_id', 'people.role', 'people.status', 'people.display_name', 'mm.role as member_role'])
    .where('people.org_id', '=', orgId)
    .where('people.id', 'in', ids)
    .execute();
}

/** Non-deleted comments per post (replies included). */
export async function commentCounts(db: Executor, postIds: string[]): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select((eb) => ['post_id', eb.fn.countAll<number>().as('n')])
    .where('post_id', 'in', postIds)
    .where('deleted_at', 'is', null)
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

/** Reactions per target and kind. */
export async function reactionCounts(db: Executor, targetIds: string[]): Promise<Map<string, Map<ReactionKind, number>>> {
  const out = new Map<string, Map<ReactionKind, number>>();
  if (targetIds.length === 0) return out;
  const rows = await db
    .selectFrom('reactions')
    .select((eb) => ['target_id', 'kind', eb.fn.countAll<number>().as('n')])
    .where('target_id', 'in', targetIds)
    .groupBy(['target_id', 'kind'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.target_id) ?? new Map<ReactionKind, number>();
    m.set(r.kind, Number(r.n));
    out.set(r.target_id, m);
  }
  return out;
}

export async function viewerReactions(db: Executor, personId: string, targetIds: string[]): Promise<Map<string, ReactionKind>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reactions')
    .select(['target_id', 'kind'])
    .where('person_id', '=', personId)
    .where('target_id', 'in', targetIds)
    .execute();
  return new Map(rows.map((r) => [r.target_id, r.kind]));
}
