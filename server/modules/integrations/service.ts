import { TOKEN_PREFIX, type Integration, type Scope } from '../../../protocol/integrations.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { IntegrationTokensTable, IntegrationsTable, OrgsTable, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { conflict, notFound } from '../../errors.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { personActor, recordAudit } from '../audit/record.js';
import { applyChange, tellAdminsPersonChanged } from '../people/service.js';
import { findPerson, insertPerson, lockPeopleOfOrg, type PersonChanges } from '../people/store.js';

/**
 * Integrations: made by admins, each acting as a bot person of the company (people.is_bot), so
 * every visibility rule applies to it as to anyone. Tokens are shown once and kept as sha256.
 */
const iso = (ms: number): string => new Date(Number(ms)).toISOString();
const target = (i: Pick<IntegrationsTable, 'id' | 'name'>) => ({ kind: 'integration', id: i.id, label: i.name });
const DAY_MS = 86_400_000;

export function parseScopes(json: string): Scope[] {
  return JSON.parse(json) as Scope[];
}

export async function toIntegration(db: Executor, i: IntegrationsTable): Promise<Integration> {
  const now = Date.now();
  // One statement: the bot's photo and the count of its live tokens.
  const row = await db
    .selectFrom('people as b')
    .select('b.photo_file_id')
    .select((eb) =>
      eb
        .selectFrom('integration_tokens as k')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('k.integration_id', '=', i.id)
        .where('k.revoked_at', 'is', null)
        .where((w) => w.or([w('k.expires_at', 'is', null), w('k.expires_at', '>', now)]))
        .as('tokens'),
    )
    .where('b.id', '=', i.bot_person_id)
    .executeTakeFirst();
  return {
    id: i.id,
    name: i.name,
    description: i.description,
    scopes: parseScopes(i.scopes),
    botPersonId: i.bot_person_id,
    photoUrl: row?.photo_file_id ? `/api/v1/files/${row.photo_file_id}` : null,
    disabled: i.disabled_at !== null,
    removed: i.removed_at !== null,
    activeTokens: Number(row?.tokens ?? 0),
    createdAt: iso(i.created_at),
    updatedAt: iso(i.updated_at),
  };
}

export async function findIntegration(db: Executor, orgId: string, id: string): Promise<IntegrationsTable> {
  const row = await db.selectFrom('integrations').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such integration.');
  return row;
}

/** The integration, unless it was removed (then only kept for the record: 409). */
export async function findLiveIntegration(db: Executor, orgId: string, id: string): Promise<IntegrationsTable> {
  const row = await findIntegration(db, orgId, id);
  if (row.removed_at !== null) throw conflict('integration_removed', `${row.name} was removed; make a new integration instead.`);
  return row;
}

export async function createIntegration(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  input: { name: string; description?: string | undefined; scopes: Scope[] },
  ip: string,
): Promise<IntegrationsTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, org.id);
    // The bot is a member-role person with no e-mail, username or credentials: nobody signs in as it.
    // It does not join the company-wide group (where everyone's posts are): admins choose the groups
    // it is in (PUT …/groups), so what it reads is never more than they meant.
    const bot = await insertPerson(trx, { orgId: org.id, displayName: input.name, email: null, role: 'member', isBot: true });
    await tellAdminsPersonChanged(ctx, trx, afterCommit, org.id, bot.id);
    const now = Date.now();
    const row: IntegrationsTable = {
      id: newId(),
      org_id: org.id,
      bot_person_id: bot.id,
      name: input.name,
      description: input.description?.trim() || null,
      scopes: JSON.stringify([...new Set(input.scopes)]),
      created_by: admin.id,
      created_at: now,
      updated_at: now,
      disabled_at: null,
      removed_at: null,
    };
    await trx.insertInto('integrations').values(row).execute();
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(admin),
      action: 'integration.created',
      target: target(row),
      ip,
      details: { scopes: parseScopes(row.scopes) },
    });
    return row;
  });
}

export async function updateIntegration(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  id: string,
  patch: {
    name?: string | undefined;
    description?: string | null | undefined;
    scopes?: Scope[] | undefined;
    disabled?: boolean | undefined;
  },
  ip: string,
): Promise<IntegrationsTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, org.id);
    const cur = await findLiveIntegration(trx, org.id, id);
    const now = Date.now();
    const next: Partial<IntegrationsTable> = { updated_at: now };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.description !== undefined) next.description = patch.description?.trim() || null;
    if (patch.scopes !== undefined) next.scopes = JSON.stringify([...new Set(patch.scopes)]);
    if (patch.disabled !== undefined && patch.disabled !== (cur.disabled_at !== null)) next.disabled_at = patch.disabled ? now : null;
    await trx.updateTable('integrations').set(next).where('id', '=', cur.id).execute();
    const bot: PersonChanges = {};
    if (next.name !== undefined) bot.display_name = next.name;
    if (next.disabled_at !== undefined) bot.status = next.disabled_at === null ? 'active' : 'deactivated';
    await changeBot(ctx, trx, afterCommit, org.id, cur.bot_person_id, bot);
    const changed = Object.keys(next).filter((k) => k !== 'updated_at');
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(admin),
      action: next.disabled_at === undefined ? 'integration.updated' : next.disabled_at ? 'integration.disabled' : 'integration.enabled',
      target: target({ id: cur.id, name: next.name ?? cur.name }),
      ip,
      details: { changed, ...(next.scopes ? { scopes: parseScopes(next.scopes) } : {}) },
    });
    return { ...cur, ...next };
  });
}

/** The bot person follows its integration (name, active or not), told like any change of a person. */
async function changeBot(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, orgId: string, personId: string, changes: PersonChanges) {
  const person = await findPerson(trx, orgId, personId);
  const differs = Object.entries(changes).some(([k, v]) => person?.[k as keyof PersonChanges] !== v);
  if (person && differs) await applyChange(ctx, trx, afterCommit, person, changes);
}

/** Removed for good: disabled, every token revoked, never on again; the rows stay for the record. */
export async function deleteIntegration(ctx: AppContext, org: OrgsTable, admin: PeopleTable, id: string, ip: string): Promise<void> {
  await inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, org.id);
    const cur = await findIntegration(trx, org.id, id);
    if (cur.removed_at !== null) return;
    const now = Date.now();
    await trx
      .updateTable('integrations')
      .set({ disabled_at: cur.disabled_at ?? now, removed_at: now, updated_at: now })
      .where('id', '=', cur.id)
      .execute();
    await trx
      .updateTable('integration_tokens')
      .set({ revoked_at: now, revoked_by: admin.id })
      .where('integration_id', '=', cur.id)
      .where('revoked_at', 'is', null)
      .execute();
    await changeBot(ctx, trx, afterCommit, org.id, cur.bot_person_id, { status: 'deactivated' });
    await recordAudit(trx, { orgId: org.id, actor: personActor(admin), action: 'integration.deleted', target: target(cur), ip });
  });
}

export function toToken(t: IntegrationTokensTable) {
  return {
    id: t.id,
    prefix: t.prefix,
    createdAt: iso(t.created_at),
    lastUsedAt: t.last_used_at === null ? null : iso(t.last_used_at),
    expiresAt: t.expires_at === null ? null : iso(t.expires_at),
    revokedAt: t.revoked_at === null ? null : iso(t.revoked_at),
  };
}

export async function createIntegrationToken(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  integrationId: string,
  expiresInDays: number | undefined,
  ip: string,
  replacing: string | null = null,
): Promise<{ row: IntegrationTokensTable; token: string }> {
  const token = `${TOKEN_PREFIX}${newToken(32)}`;
  return inTx(ctx, async (trx) => {
    const integration = await findLiveIntegration(trx, org.id, integrationId);
    const now = Date.now();
    if (replacing) {
      const old = await trx
        .updateTable('integration_tokens')
        .set({ revoked_at: now, revoked_by: admin.id })
        .where('integration_id', '=', integration.id)
        .where('id', '=', replacing)
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!old) throw notFound('No such token.');
    }
    const row: IntegrationTokensTable = {
      id: newId(),
      org_id: org.id,
      integration_id: integration.id,
      token_hash: hashToken(token),
      prefix: token.slice(0, 12),
      created_by: admin.id,
      created_at: now,
      last_used_at: null,
      expires_at: expiresInDays ? now + expiresInDays * DAY_MS : null,
      revoked_at: null,
      revoked_by: null,
    };
    await trx.insertInto('integration_tokens').values(row).execute();
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(admin),
      action: replacing ? 'integration.token_rotated' : 'integration.token_created',
      target: target(integration),
      ip,
      details: { tokenId: row.id, prefix: row.prefix, ...(replacing ? { replaced: replacing } : {}) },
    });
    return { row, token };
  });
}

export async function revokeIntegrationToken(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  integrationId: string,
  tokenId: string,
  ip: string,
): Promise<void> {
  await inTx(ctx, async (trx) => {
    const integration = await findIntegration(trx, org.id, integrationId);
    const row = await trx
      .updateTable('integration_tokens')
      .set({ revoked_at: Date.now(), revoked_by: admin.id })
      .where('integration_id', '=', integration.id)
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .returning('prefix')
      .executeTakeFirst();
    if (!row) throw notFound('No such token.');
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(admin),
      action: 'integration.token_revoked',
      target: target(integration),
      ip,
      details: { tokenId, prefix: row.prefix },
    });
  });
}
