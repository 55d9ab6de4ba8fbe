import type { Executor } from '../../db/index.js';
import type { CommentsTable, PeopleTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { indexDocument, reindexText, unindexDocument } from '../search/index-store.js';

/** The only code that reads or writes comments and comment_mentions. The caller has checked the post's visibility. */

export type CommentRow = CommentsTable & {
  author_name: string;
  author_photo: string | null;
  author_status: PeopleTable['status'];
  author_is_bot: number;
};

function selectComments(db: Executor, orgId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('people as ca', 'ca.id', 'comments.author_id')
    .selectAll('comments')
    .select([
      'ca.display_name as author_name',
      'ca.photo_file_id as author_photo',
      'ca.status as author_status',
      'ca.is_bot as author_is_bot',
    ])
    .where('comments.org_id', '=', orgId);
}

/** A comment that is not deleted. */
export function findComment(db: Executor, orgId: string, id: string): Promise<CommentRow | undefined> {
  return selectComments(db, orgId).where('comments.id', '=', id).where('comments.deleted_at', 'is', null).executeTakeFirst();
}

export function findCommentAnyState(db: Executor, orgId: string, id: string): Promise<CommentRow | undefined> {
  return selectComments(db, orgId).where('comments.id', '=', id).executeTakeFirst();
}

/** Top-level comments, oldest first; a deleted one stays (as a tombstone) while it has replies. */
export function listTopLevel(
  db: Executor,
  orgId: string,
  postId: string,
  after: [number, string] | null,
  limit: number,
): Promise<CommentRow[]> {
  let q = selectComments(db, orgId)
    .where('comments.post_id', '=', postId)
    .where('comments.parent_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('comments.deleted_at', 'is', null),
        eb.exists(
          eb
            .selectFrom('comments as live')
            .select('live.id')
            .whereRef('live.parent_id', '=', 'comments.id')
            .where('live.deleted_at', 'is', null),
        ),
      ]),
    );
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb.or([eb('comments.created_at', '>', at), eb.and([eb('comments.created_at', '=', at), eb('comments.id', '>', id)])]),
    );
  }
  return q
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .limit(limit + 1)
    .execute();
}

/** Replies to one top-level comment, oldest first (deleted replies are gone). */
export function listReplies(
  db: Executor,
  orgId: string,
  parentId: string,
  after: [number, string] | null,
  limit: number,
): Promise<CommentRow[]> {
  let q = selectComments(db, orgId).where('comments.parent_id', '=', parentId).where('comments.deleted_at', 'is', null);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb.or([eb('comments.created_at', '>', at), eb.and([eb('comments.created_at', '=', at), eb('comments.id', '>', id)])]),
    );
  }
  return q
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .limit(limit + 1)
    .execute();
}

export async function replyCounts(db: Executor, parentIds: string[]): Promise<Map<string, number>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select((eb) => ['parent_id', eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', parentIds)
    .where('deleted_at', 'is', null)
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id ?? '', Number(r.n)]));
}

export async function insertComment(
  db: Executor,
  c: Pick<CommentsTable, 'org_id' | 'post_id' | 'parent_id' | 'author_id' | 'body_markdown' | 'body_html'>,
): Promise<CommentsTable> {
  const row: CommentsTable = { id: newId(), ...c, created_at: Date.now(), edited_at: null, deleted_at: null };
  await db.insertInto('comments').values(row).execute();
  await indexDocument(db, {
    kind: 'comment',
    refId: row.id,
    orgId: row.org_id,
    postId: row.post_id,
    authorId: row.author_id,
    createdAt: row.created_at,
    body: row.body_markdown,
  });
  return row;
}

export async function updateCommentBody(db: Executor, orgId: string, id: string, markdown: string, html: string): Promise<boolean> {
  const res = await db
    .updateTable('comments')
    .set({ body_markdown: markdown, body_html: html, edited_at: Date.now() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const changed = Number(res.numUpdatedRows) > 0;
  if (changed) await reindexText(db, 'comment', id, markdown);
  return changed;
}

export async function softDeleteComment(db: Executor, orgId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('comments')
    .set({ deleted_at: Date.now() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  await unindexDocument(db, 'comment', id);
  return Number(res.numUpdatedRows) > 0;
}

export async function replaceCommentMentions(db: Executor, orgId: string, commentId: string, personIds: string[]): Promise<void> {
  await db.deleteFrom('comment_mentions').where('org_id', '=', orgId).where('comment_id', '=', commentId).execute();
  if (personIds.length === 0) return;
  const now = Date.now();
  await db
    .insertInto('comment_mentions')
    .values(personIds.map((person_id) => ({ org_id: orgId, comment_id: commentId, person_id, created_at: now })))
    .execute();
}
