import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../db/index.js';

/**
 * What a bot may hear of through its webhooks: events of the groups it is a member of and the
 * conversations it takes part in (chat.ts: a linked conversation's people are its group's
 * members). Stricter than what it may read (an open group's posts are readable by everyone):
 * admins choose a bot's groups, and events follow that choice. For a post, its group decides; a
 * profile post, a deleted or unpublished one is heard of by no bot. Asked when an event is
 * written and again just before each delivery attempt, so a bot removed meanwhile gets nothing.
 */
export type WebhookScope = { kind: 'group' | 'conversation' | 'post'; id: string } | null;

/** Of these (active) bots, those who may hear of events in the scope now. One or two queries. */
export async function botsHearing(db: Executor, orgId: string, scope: WebhookScope, botIds: string[]): Promise<Set<string>> {
  if (botIds.length === 0) return new Set();
  if (!scope) return new Set(botIds);
  let groupId: string | null = null;
  if (scope.kind === 'group') groupId = scope.id;
  else if (scope.kind === 'post') {
    const post = await db
      .selectFrom('posts')
      .select(['group_id', 'status', 'deleted_at'])
      .where('org_id', '=', orgId)
      .where('id', '=', scope.id)
      .executeTakeFirst();
    if (!post || post.deleted_at !== null || post.status !== 'published') return new Set();
    groupId = post.group_id;
  } else {
    const conv = await db
      .selectFrom('conversations')
      .select(['kind', 'group_id'])
      .where('org_id', '=', orgId)
      .where('id', '=', scope.id)
      .executeTakeFirst();
    if (!conv) return new Set();
    if (conv.kind !== 'linked') {
      const rows = await db
        .selectFrom('conversation_members')
        .select('person_id')
        .where('conversation_id', '=', scope.id)
        .where('person_id', 'in', botIds)
        .execute();
      return new Set(rows.map((r) => r.person_id));
    }
    groupId = conv.group_id;
  }
  if (!groupId) return new Set();
  const rows = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('person_id', 'in', botIds)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/**
 * The same rule as botsHearing, as SQL over columns of the caller's query (a delivery's scope
 * and its webhook's bot), for the delivery worker to read with the deliveries themselves.
 */
export function botHearsSql(refs: { orgId: string; botId: string; scopeKind: string; scopeId: string }): RawBuilder<SqlBool> {
  const kind = sql.ref(refs.scopeKind);
  const id = sql.ref(refs.scopeId);
  const bot = sql.ref(refs.botId);
  const org = sql.ref(refs.orgId);
  const memberOf = (group: RawBuilder<unknown>) =>
    sql`exists (select 1 from group_members gm where gm.org_id = ${org} and gm.group_id = ${group} and gm.person_id = ${bot})`;
  return sql<SqlBool>`(
    ${kind} is null
    or (${kind} = 'group' and ${memberOf(sql`${id}`)})
    or (${kind} = 'post' and exists (
      select 1 from posts p
      where p.org_id = ${org} and p.id = ${id} and p.status = 'published' and p.deleted_at is null and p.group_id is not null
        and ${memberOf(sql`p.group_id`)}))
    or (${kind} = 'conversation' and exists (
      select 1 from conversations c
      where c.org_id = ${org} and c.id = ${id} and (
        (c.kind <> 'linked' and exists (
          select 1 from conversation_members cm where cm.conversation_id = c.id and cm.person_id = ${bot}))
        or (c.kind = 'linked' and ${memberOf(sql`c.group_id`)}))))
  )`;
}
