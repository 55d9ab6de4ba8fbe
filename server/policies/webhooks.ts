import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../protocol/integrations.js';

/**
 * What a bot may hear of through its webhooks: events of the groups it is a member of and the
 * conversations it takes part in (chat.ts: a linked conversation's people are its group's
 * members). Stricter than what it may read (an open group's posts are readable by everyone):
 * admins choose a bot's groups, and events follow that choice. For a post, its group decides; a
 * profile post, a deleted or unpublished one is heard of by no bot. Asked when an event is
 * written and again just before each delivery attempt, so a bot removed meanwhile gets nothing.
 */
export type WebhookScope = { kind: 'group' | 'conversation' | 'post'; id: string } | null;

/**
 * The token scope an integration needs to hear of an event, besides being where it happens: the
 * read scope of that place (groups:read for a group or post, chat:read for a conversation), the
 * same its API calls would need to read it. An interaction needs none: it answers the bot's own
 * message or post, and only that bot hears of it.
 */
export function scopeToHear(type: string, kind: string | null): Scope | null {
  if (type === 'interaction' || kind === null) return null;
  return kind === 'conversation' ? 'chat:read' : 'groups:read';
}

type SqlTerm = RawBuilder<unknown>;
const text = (v: string | null): SqlTerm => sql`cast(${v} as text)`;

/** The arguments of botHearsSql for a known company and scope (values) and a bot column. */
export function scopeValues(orgId: string, scope: WebhookScope, botId: SqlTerm) {
  return { orgId: text(orgId), botId, scopeKind: text(scope?.kind ?? null), scopeId: text(scope?.id ?? null) };
}

/**
 * The rule as SQL over terms of the caller's query (columns or values): true when the bot may
 * hear of events in the scope (a null kind: no scope). Emitting asks it of each candidate bot;
 * the delivery worker reads it with each delivery.
 */
export function botHearsSql(t: { orgId: SqlTerm; botId: SqlTerm; scopeKind: SqlTerm; scopeId: SqlTerm }): RawBuilder<SqlBool> {
  const { orgId: org, botId: bot, scopeKind: kind, scopeId: id } = t;
  const memberOf = (group: SqlTerm) =>
    sql`exists (select 1 from group_members gm where gm.org_id = ${org} and gm.group_id = ${group} and gm.person_id = ${bot})`;
  return sql<SqlBool>`(
    ${kind} is null
    or (${kind} = 'group' and ${memberOf(id)})
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
