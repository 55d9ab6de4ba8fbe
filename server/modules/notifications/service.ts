import type { Notification } from '../../../protocol/notifications.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { NotificationKind, NotifyLevel, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import type { GroupRow, GroupViewer } from '../../policies/groups.js';
import { participantIds } from '../../policies/chat.js';
import { mayHearOfGroup, mayHearOfPost } from '../../policies/notifications.js';
import type { PostPlace } from '../../policies/posts.js';
import { enqueueJob } from '../../jobs/queue.js';
import { publishToPeople } from '../../realtime/publish.js';
import { toNotification } from './present.js';
import {
  addOrAggregate,
  alreadyTold,
  candidates,
  findGroupTarget,
  findPostTarget,
  findVisibleNotification,
  markAllRead,
  markRead,
  membersAtLevel,
  newestActors,
  unreadCount,
  type Candidate,
  type NotificationRow,
  type PostTarget,
} from './store.js';

/**
 * The one path every notification takes (posts, groups, and later chat; push and e-mail will hang
 * off it too): the rows are written in the caller's transaction, and each recipient's devices hear
 * `notification.created` / `notification.updated` with the new badge number after commit.
 */
export interface NotifyInput {
  orgId: string;
  actorId: string;
  kind: NotificationKind;
  recipients: string[];
  postId?: string;
  commentId?: string;
  groupId?: string;
  /** Rows with the same key aggregate into one unread row per recipient (null: each is its own row). */
  groupKey?: string | null;
  /** Skip whoever was ever told of this kind about this post (and comment): a mention is told once, even after an edit. */
  once?: boolean;
  /** Tell only those still members of `groupId` at one of these levels when told (a new post's notice). */
  groupLevels?: NotifyLevel[];
  /** A chat notification: told only to people who take part in the conversation when told. */
  conversationId?: string;
  messageId?: string;
}

/** Who of the candidates may see what the notification is about (policies/notifications.ts). */
async function allowedRecipients(trx: Trx, n: NotifyInput, ids: string[]): Promise<Candidate[]> {
  if (n.conversationId) {
    const conv = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('org_id', '=', n.orgId)
      .where('id', '=', n.conversationId)
      .executeTakeFirst();
    if (!conv) return [];
    const taking = new Set(await participantIds(trx, conv));
    return (await candidates(trx, n.orgId, ids, null)).filter((c) => c.status === 'active' && taking.has(c.id));
  }
  if (n.postId) {
    const post = await findPostTarget(trx, n.orgId, n.postId);
    if (!post) return [];
    const people = await candidates(trx, n.orgId, ids, post.group_id);
    return people.filter((c) => mayHearOfPost(c, post, placeFor(post, c)));
  }
  if (n.groupId) {
    const group = await findGroupTarget(trx, n.orgId, n.groupId);
    if (!group) return [];
    const people = await candidates(trx, n.orgId, ids, group.id);
    return people.filter((c) => mayHearOfGroup(c, group, membership(c), c.pending_kind));
  }
  return (await candidates(trx, n.orgId, ids, null)).filter((c) => c.status === 'active');
}

const membership = (c: Candidate) => (c.member_role ? { role: c.member_role } : null);

function placeFor(post: PostTarget, c: Candidate): PostPlace {
  if (post.group_id === null || post.group_visibility === null || post.group_post_permission === null) return null;
  const group: GroupRow = {
    org_id: post.org_id,
    visibility: post.group_visibility,
    archived_at: post.group_archived_at,
    post_permission: post.group_post_permission,
    is_company_wide: post.group_is_company_wide ?? 0,
  };
  return { group, membership: membership(c) };
}

/** The background job that tells a large audience (a post in a company-wide group) in batches. */
export const NOTIFY_JOB = 'notifications.fan-out';
const FAN_OUT_BATCH = 500;

/**
 * Writes the notifications (never to the actor, never about what a recipient may not see); returns
 * who was told. More than `notifyInlineLimit` recipients: a durable job, enqueued in the caller's
 * transaction, writes them after commit in batches, so a post to 10,000 people neither holds the
 * write transaction nor is lost on a crash; the ids returned are then those it will consider.
 */
export async function notify(trx: Trx, afterCommit: AfterCommit, ctx: AppContext, n: NotifyInput): Promise<string[]> {
  const ids = [...new Set(n.recipients)].filter((id) => id !== n.actorId);
  if (ids.length === 0) return [];
  if (ids.length > ctx.config.notifyInlineLimit) {
    await enqueueJob(trx, NOTIFY_JOB, { ...n, recipients: ids } satisfies NotifyInput, { orgId: n.orgId, maxAttempts: 10 });
    return ids;
  }
  return notifyNow(trx, afterCommit, ctx, n, ids);
}

/**
 * The job's side: each batch in its own transaction. A retried job skips whoever was already told
 * of this post (`once`), so a crash between batches never tells anyone twice. Policies are checked
 * again now: someone who left the group since the post was written hears nothing.
 */
export async function runNotifyJob(ctx: AppContext, payload: unknown): Promise<void> {
  const n = payload as NotifyInput;
  for (let i = 0; i < n.recipients.length; i += FAN_OUT_BATCH) {
    const batch = n.recipients.slice(i, i + FAN_OUT_BATCH);
    const once = n.once || Boolean(n.postId) || (Boolean(n.messageId) && !n.groupKey);
    await inTx(ctx, (trx, afterCommit) => notifyNow(trx, afterCommit, ctx, { ...n, once }, batch));
  }
}

async function notifyNow(trx: Trx, afterCommit: AfterCommit, ctx: AppContext, n: NotifyInput, requested: string[]): Promise<string[]> {
  let ids = requested;
  if (n.groupLevels && n.groupId) {
    const still = new Set(await membersAtLevel(trx, n.orgId, n.groupId, n.groupLevels));
    ids = ids.filter((id) => still.has(id));
  }
  let recipients = await allowedRecipients(trx, n, ids);
  if (n.once && n.postId) {
    const told = await alreadyTold(
      trx,
      n.orgId,
      recipients.map((r) => r.id),
      { kind: n.kind, postId: n.postId, commentId: n.commentId ?? null },
    );
    recipients = recipients.filter((r) => !told.has(r.id));
  } else if (n.once && n.messageId) {
    const told = await alreadyTold(
      trx,
      n.orgId,
      recipients.map((r) => r.id),
      { kind: n.kind, messageId: n.messageId },
    );
    recipients = recipients.filter((r) => !told.has(r.id));
  }
  for (const recipient of recipients) {
    const { id, created } = await addOrAggregate(trx, {
      orgId: n.orgId,
      recipientId: recipient.id,
      kind: n.kind,
      groupKey: n.groupKey ?? null,
      actorId: n.actorId,
      postId: n.postId ?? null,
      commentId: n.commentId ?? null,
      groupId: n.groupId ?? null,
      conversationId: n.conversationId ?? null,
      messageId: n.messageId ?? null,
    });
    // The badge number as the recipient's own list counts it (their rights, read-time filter).
    const badge = await unreadCount(trx, recipient);
    const type = created ? 'notification.created' : 'notification.updated';
    await publishToPeople(trx, afterCommit, ctx.bus, n.orgId, [recipient.id], type, { notificationId: id, unreadCount: badge });
  }
  return recipients.map((r) => r.id);
}

/**
 * An actor took their action back (a reaction removed): they leave the unread rows of that key, a
 * row left with nobody goes, and each recipient's devices hear the new badge number. Rows already
 * read stay as they were: they are history.
 */
export async function withdraw(trx: Trx, afterCommit: AfterCommit, ctx: AppContext, orgId: string, actorId: string, groupKey: string) {
  const rows = await trx
    .selectFrom('notifications')
    .select(['id', 'recipient_id'])
    .where('org_id', '=', orgId)
    .where('group_key', '=', groupKey)
    .where('read_at', 'is', null)
    .execute();
  for (const r of rows) {
    const gone = await trx
      .deleteFrom('notification_actors')
      .where('notification_id', '=', r.id)
      .where('actor_id', '=', actorId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) continue;
    const left = await trx
      .selectFrom('notification_actors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('notification_id', '=', r.id)
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) await trx.deleteFrom('notifications').where('id', '=', r.id).execute();
    else
      await trx
        .updateTable('notifications')
        .set({ actor_count: Number(left.n) })
        .where('id', '=', r.id)
        .execute();
    const [recipient] = await candidates(trx, orgId, [r.recipient_id], null);
    if (!recipient) continue;
    const payload = { notificationId: r.id, unreadCount: await unreadCount(trx, recipient) };
    await publishToPeople(trx, afterCommit, ctx.bus, orgId, [r.recipient_id], 'notification.updated', payload);
  }
}

/** Notifications with their three newest actors: two queries for a page. */
export async function presentNotifications(db: Executor, rows: NotificationRow[]): Promise<Notification[]> {
  const actors = await newestActors(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toNotification(r, actors.get(r.id) ?? []));
}

const noSuchNotification = () => notFound('No such notification.');

/** Marks one read (idempotent) and tells all the reader's devices. 404 for anything not theirs or no longer visible. */
export function readOne(ctx: AppContext, v: PeopleTable, id: string): Promise<{ unreadCount: number }> {
  return inTx(ctx, async (trx, afterCommit) => {
    if (!(await findVisibleNotification(trx, v, id))) throw noSuchNotification();
    const changed = await markRead(trx, v.org_id, v.id, id);
    const count = await unreadCount(trx, v);
    if (changed)
      await publishToPeople(trx, afterCommit, ctx.bus, v.org_id, [v.id], 'notifications.read', {
        ids: [id],
        all: false,
        unreadCount: count,
      });
    return { unreadCount: count };
  });
}

export function readAll(ctx: AppContext, v: GroupViewer): Promise<{ unreadCount: number }> {
  return inTx(ctx, async (trx, afterCommit) => {
    const changed = await markAllRead(trx, v.org_id, v.id);
    if (changed > 0)
      await publishToPeople(trx, afterCommit, ctx.bus, v.org_id, [v.id], 'notifications.read', { ids: [], all: true, unreadCount: 0 });
    return { unreadCount: 0 };
  });
}
