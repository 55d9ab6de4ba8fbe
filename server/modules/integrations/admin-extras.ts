import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { personActor, recordAudit } from '../audit/record.js';
import { tellMembership } from '../groups/service.js';
import { addMember, removeMember } from '../groups/store.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { findIntegration, findLiveIntegration } from './service.js';

/**
 * Sets the groups an integration's bot is a member of (any visibility: the admin decides). The bot
 * and the groups' admins and moderators are told, as for any membership change; what the bot may
 * read and where it may post follow from these memberships alone.
 */
export async function setBotGroups(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  integrationId: string,
  groupIds: string[],
  ip: string,
): Promise<string[]> {
  return inTx(ctx, async (trx, afterCommit) => {
    // The company's lock first (ARCHITECTURE.md, "Locks"): membership events number people's rows.
    await lockPeopleOfOrg(trx, ctx.dialect, org.id);
    const integration = await findLiveIntegration(trx, org.id, integrationId);
    const wanted = [...new Set(groupIds)];
    const current = (
      await trx
        .selectFrom('group_members')
        .select('group_id')
        .where('org_id', '=', org.id)
        .where('person_id', '=', integration.bot_person_id)
        .execute()
    ).map((m) => m.group_id);
    const found =
      wanted.length === 0
        ? []
        : await trx
            .selectFrom('groups')
            .select(['id', 'archived_at'])
            .where('org_id', '=', org.id)
            .where('id', 'in', wanted)
            .execute();
    // An archived group the bot is already in may stay listed (it keeps its place there); it
    // cannot be joined anew.
    const known = new Set(found.filter((g) => g.archived_at === null || current.includes(g.id)).map((g) => g.id));
    const unknown = groupIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw badInput(`groupIds.${unknown}`, 'is not a group of this company (or it is archived)');
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !known.has(id));
    for (const groupId of added) {
      if (await addMember(trx, org.id, groupId, integration.bot_person_id, 'member'))
        await tellMembership(ctx, trx, afterCommit, org.id, groupId, integration.bot_person_id, 'joined', 'member');
    }
    for (const groupId of removed) {
      if (await removeMember(trx, org.id, groupId, integration.bot_person_id))
        await tellMembership(ctx, trx, afterCommit, org.id, groupId, integration.bot_person_id, 'removed');
    }
    if (added.length || removed.length) {
      await recordAudit(trx, {
        orgId: org.id,
        actor: personActor(admin),
        action: 'integration.groups_changed',
        target: { kind: 'integration', id: integration.id, label: integration.name },
        ip,
        details: { added, removed },
      });
    }
    return wanted;
  });
}

/** The groups the integration's bot is a member of, oldest membership first. */
export async function readBotGroups(db: Executor, orgId: string, integrationId: string): Promise<string[]> {
  const integration = await findIntegration(db, orgId, integrationId);
  const rows = await db
    .selectFrom('group_members')
    .select('group_id')
    .where('org_id', '=', orgId)
    .where('person_id', '=', integration.bot_person_id)
    .orderBy('joined_at')
    .orderBy('group_id')
    .execute();
  return rows.map((r) => r.group_id);
}

/** Hosts (lower-cased) webhooks may reach although they resolve to loopback or private addresses. */
export async function readAllowedHosts(db: Executor, orgId: string): Promise<string[]> {
  const row = await db.selectFrom('integration_settings').select('allowed_hosts').where('org_id', '=', orgId).executeTakeFirst();
  return row ? (JSON.parse(row.allowed_hosts) as string[]) : [];
}

export async function readIntegrationSettings(db: Executor, orgId: string): Promise<{ allowedHosts: string[] }> {
  return { allowedHosts: await readAllowedHosts(db, orgId) };
}

export async function writeIntegrationSettings(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  hosts: string[],
  ip: string,
): Promise<{ allowedHosts: string[] }> {
  const allowedHosts = [...new Set(hosts.map((h) => h.trim().toLowerCase()))];
  const json = JSON.stringify(allowedHosts);
  const now = Date.now();
  await inTx(ctx, async (trx) => {
    await trx
      .insertInto('integration_settings')
      .values({ org_id: org.id, allowed_hosts: json, updated_at: now })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ allowed_hosts: json, updated_at: now }))
      .execute();
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(admin),
      action: 'integration.settings_changed',
      target: null,
      ip,
      details: { allowedHosts },
    });
  });
  return { allowedHosts };
}
