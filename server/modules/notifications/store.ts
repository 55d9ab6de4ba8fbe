import { sql } from 'kysely';
import type { Executor } from '../../db/index.js';
import type {
  GroupRequestsTable,
  GroupRole,
  GroupsTable,
  NotificationKind,
  NotificationsTable,
  NotifyLevel,
  PeopleTable,
  PostsTable,
} from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { GroupViewer } from '../../policies/groups.js';
import { visibleNotifications } from '../../policies/notifications.js';

/** The only code that reads or writes notifications, notification_actors and post_follows. Every function takes the company. */

/** A possible recipient, with what the policies need: their membership of the group and a pending invitation or request. */
export type Candidate = Pick<PeopleTable, 'id' | 'org_id' | 'role' | 'status'> & {
  member_role: GroupRole | null;
  pending_kind: GroupRequestsTable['kind'] | null;
};

export function candidates(db: Executor, orgId: string, ids: string[], groupId: string | null): Promise<Candidate[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .leftJoin('group_members as cm', (j) => j.onRef('cm.person_id', '=', 'people.id').on('cm.group_id', '=', groupId ?? ''))
    .leftJoin('group_requests as cr', (j) =>
      j
        .onRef('cr.person_id', '=', 'people.id')
        .on('cr.group_id', '=', groupId ?? '')
        .on('cr.status', '=', 'pending'),
    )
    .select(['people.id', 'people.org_id', 'people.role', 'people.status', 'cm.role as member_role', 'cr.kind as pending_kind'])
    .where('people.org_id', '=', orgId)
    .where('people.id', 'in', ids)
    .execute();
}

/** A post with what the policies need of its group, whoever looks (the recipients' rights are checked by the caller). */
export type PostTarget = PostsTable & {
  group_visibility: GroupsTable['visibility'] | null;
  group_archived_at: number | null;
  group_post_permission: GroupsTable['post_permission'] | null;
  group_is_company_wide: number | null;
};

export function findPostTarget(db: Executor, orgId: string, postId: string): Promise<PostTarget | undefined> {
  return db
    .selectFrom('posts')
    .leftJoin('groups as tg', 'tg.id', 'posts.group_id')
    .selectAll('posts')
    .select([
      'tg.visibility as group_visibility',
      'tg.archived_at as group_archived_at',
      'tg.post_permission as group_post_permission',
      'tg.is_company_wide as group_is_company_wide',
    ])
    .where('posts.org_id', '=', orgId)
    .where('posts.id', '=', postId)
    .executeTakeFirst();
}

/** A comment with its post's group (for the line's group name). */
export function findCommentTarget(db: Executor, orgId: string, commentId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('posts as cp', 'cp.id', 'comments.post_id')
    .select(['comments.id', 'comments.post_id', 'comments.parent_id', 'comments.author_id', 'cp.group_id'])
    .where('comments.org_id', '=', orgId)
    .where('comments.id', '=', commentId)
    .executeTakeFirst();
}

export function findGroupTarget(db: Executor, orgId: string, groupId: string): Promise<GroupsTable | undefined> {
  return db.selectFrom('groups').selectAll().where('org_id', '=', orgId).where('id', '=', groupId).executeTakeFirst();
}

/** Members whose notification level for the group is one of `levels`. */
export async function membersAtLevel(db: Executor, orgId: string, groupId: string, levels: NotifyLevel[]): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('notify', 'in', levels)
    .execute();
  return rows.map((r) => r.person_id);
}

export async function moderatorIds(db: Executor, orgId: string, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('role', 'in', ['admin', 'moderator'])
    .execute();
  return rows.map((r) => r.person_id);
}

export async function followPost(db: Executor, orgId: string, postId: string, personId: string): Promise<void> {
  await db
    .insertInto('post_follows')
    .values({ org_id: orgId, post_id: postId, person_id: personId, created_at: Date.now() })
    .onConflict((oc) => oc.columns(['post_id', 'person_id']).doNothing())
    .execute();
}

export async function postFollowers(db: Executor, orgId: string, postId: string): Promise<string[]> {
  const rows = await db.selectFrom('post_follows').select('person_id').where('org_id', '=', orgId).where('post_id', '=', postId).execute();
  return rows.map((r) => r.person_id);
}

/**
 * Of `recipientIds`, those who ever had a notification of this kind about this post and comment, or
 * about this chat message (read or not).
 */
export async function alreadyTold(
  db: Executor,
  orgId: string,
  recipientIds: string[],
  about: { kind: NotificationKind; postId: string; commentId: string | null } | { kind: NotificationKind; messageId: string },
): Promise<Set<string>> {
  if (recipientIds.length === 0) return new Set();
  let q = db
    .selectFrom('notifications')
    .select('recipient_id')
    .where('org_id', '=', orgId)
    .where('recipient_id', 'in', recipientIds)
    .where('kind', '=', about.kind);
  if ('messageId' in about) q = q.where('message_id', '=', about.messageId);
  else {
    const commentId = about.commentId;
    q = q
      .where('post_id', '=', about.postId)
      .where((eb) => (commentId === null ? eb('comment_id', 'is', null) : eb('comment_id', '=', commentId)));
  }
  const rows = await q.execute();
  return new Set(rows.map((r) => r.recipient_id));
}

export interface NewNotification {
  orgId: string;
  recipientId: string;
  kind: NotificationKind;
  groupKey: string | null;
  actorId: string;
  postId: string | null;
  commentId: string | null;
  groupId: string | null;
  conversationId?: string | null;
  messageId?: string | null;
}

/**
 * Adds the actor to the recipient's unread row with the same key (moved to the top of the list), or
 * starts a new row. Callers hold the company's lock, so two writers never both start a row; the
 * partial unique index is the backstop.
 */
export async function addOrAggregate(db: Executor, n: NewNotification): Promise<{ id: string; created: boolean }> {
  const now = Date.now();
  const open = n.groupKey
    ? await db
        .selectFrom('notifications')
        .select('id')
        .where('org_id', '=', n.orgId)
        .where('recipient_id', '=', n.recipientId)
        .where('group_key', '=', n.groupKey)
        .where('read_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (open) {
    await db
      .insertInto('notification_actors')
      .values({ notification_id: open.id, actor_id: n.actorId, acted_at: now })
      .onConflict((oc) => oc.columns(['notification_id', 'actor_id']).doUpdateSet({ acted_at: now }))
      .execute();
    const count = await db
      .selectFrom('notification_actors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('notification_id', '=', open.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('notifications')
      // The line quotes the newest comment or message of the aggregate.
      .set({ actor_count: Number(count.n), updated_at: now, comment_id: n.commentId, message_id: n.messageId ?? null })
      .where('id', '=', open.id)
      .execute();
    return { id: open.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('notifications')
    .values({
      id,
      org_id: n.orgId,
      recipient_id: n.recipientId,
      kind: n.kind,
      group_key: n.groupKey,
      actor_count: 1,
      post_id: n.postId,
      comment_id: n.commentId,
      group_id: n.groupId,
      conversation_id: n.conversationId ?? null,
      message_id: n.messageId ?? null,
      created_at: now,
      updated_at: now,
      read_at: null,
    })
    .execute();
  await db.insertInto('notification_actors').values({ notification_id: id, actor_id: n.actorId, acted_at: now }).execute();
  return { id, created: true };
}

/** A notification with what its line shows. */
export type NotificationRow = NotificationsTable & {
  post_html: string | null;
  comment_html: string | null;
  group_name: string | null;
  message_html: string | null;
  message_deleted_at: number | null;
};

function selectVisible(db: Executor, v: GroupViewer) {
  return db
    .selectFrom('notifications')
    .leftJoin('posts as np', 'np.id', 'notifications.post_id')
    .leftJoin('comments as ncm', 'ncm.id', 'notifications.comment_id')
    .leftJoin('groups as ng', 'ng.id', 'notifications.group_id')
    .leftJoin('chat_messages as nmsg', 'nmsg.id', 'notifications.message_id')
    .selectAll('notifications')
    .select([
      'np.body_html as post_html',
      'ncm.body_html as comment_html',
      'ng.name as group_name',
      'nmsg.body_html as message_html',
      'nmsg.deleted_at as message_deleted_at',
    ])
    .where((eb) => visibleNotifications(eb, v));
}

/** Newest activity first; the cursor is (updated_at, id). */
export function listNotifications(
  db: Executor,
  v: GroupViewer,
  opts: { unreadOnly: boolean; after: [number, string] | null; limit: number },
): Promise<NotificationRow[]> {
  let q = selectVisible(db, v);
  if (opts.unreadOnly) q = q.where('notifications.read_at', 'is', null);
  if (opts.after) {
    const [at, id] = opts.after;
    q = q.where((eb) =>
      eb.or([eb('notifications.updated_at', '<', at), eb.and([eb('notifications.updated_at', '=', at), eb('notifications.id', '<', id)])]),
    );
  }
  return q
    .orderBy('notifications.updated_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export function findVisibleNotification(db: Executor, v: GroupViewer, id: string): Promise<NotificationRow | undefined> {
  return selectVisible(db, v).where('notifications.id', '=', id).executeTakeFirst();
}

/** The badge: unread notifications the person may still see. */
export async function unreadCount(db: Executor, v: GroupViewer): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.read_at', 'is', null)
    .where((eb) => visibleNotifications(eb, v))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ActorRow {
  notification_id: string;
  id: string;
  display_name: string;
  photo_file_id: string | null;
}

/** The three newest actors of each notification, newest first, in one query. */
export async function newestActors(db: Executor, notificationIds: string[]): Promise<Map<string, ActorRow[]>> {
  const out = new Map<string, ActorRow[]>();
  if (notificationIds.length === 0) return out;
  const ranked = db
    .selectFrom('notification_actors as na')
    .innerJoin('people as ap', 'ap.id', 'na.actor_id')
    .select([
      'na.notification_id',
      'ap.id',
      'ap.display_name',
      'ap.photo_file_id',
      'na.acted_at',
      sql<number>`row_number() over (partition by na.notification_id order by na.acted_at desc, na.actor_id desc)`.as('rn'),
    ])
    .where('na.notification_id', 'in', notificationIds)
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .select(['notification_id', 'id', 'display_name', 'photo_file_id'])
    .where('rn', '<=', 3)
    .orderBy('notification_id')
    .orderBy('acted_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) out.set(r.notification_id, [...(out.get(r.notification_id) ?? []), r]);
  return out;
}

/** Marks one of the person's notifications read; says whether it was unread. */
export async function markRead(db: Executor, orgId: string, recipientId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: Date.now() })
    .where('org_id', '=', orgId)
    .where('recipient_id', '=', recipientId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function markAllRead(db: Executor, orgId: string, recipientId: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: Date.now() })
    .where('org_id', '=', orgId)
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Of `recipientIds`, those whose unread row of this key already names the actor: their row is brought
 * to the top and quotes the new message, in three queries for all of them (no new actor, so no new
 * badge number). Returns who they were; the others take the ordinary path. Keeps a burst of chat
 * messages to a big conversation from costing a round of writes per recipient per message.
 */
export async function touchOpenAggregates(
  db: Executor,
  n: { orgId: string; groupKey: string; actorId: string; recipientIds: string[]; messageId: string | null },
): Promise<Set<string>> {
  if (n.recipientIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notifications')
    .innerJoin('notification_actors as na', 'na.notification_id', 'notifications.id')
    .select(['notifications.id', 'notifications.recipient_id'])
    .where('notifications.org_id', '=', n.orgId)
    .where('notifications.group_key', '=', n.groupKey)
    .where('notifications.read_at', 'is', null)
    .where('notifications.recipient_id', 'in', n.recipientIds)
    .where('na.actor_id', '=', n.actorId)
    .execute();
  if (rows.length === 0) return new Set();
  const now = Date.now();
  const ids = rows.map((r) => r.id);
  await db.updateTable('notifications').set({ updated_at: now, message_id: n.messageId }).where('id', 'in', ids).execute();
  await db
    .updateTable('notification_actors')
    .set({ acted_at: now })
    .where('notification_id', 'in', ids)
    .where('actor_id', '=', n.actorId)
    .execute();
  return new Set(rows.map((r) => r.recipient_id));
}
