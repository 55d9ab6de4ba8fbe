import type { ScimToken } from '../../../protocol/scim.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { OrgsTable, PeopleTable, ScimTokensTable } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { personActor, recordAudit, systemActor, type AuditActor } from '../audit/record.js';
import { ScimError } from './errors.js';

/**
 * The bearer tokens of a company's SCIM endpoint. A token is shown once when made and stored as
 * its sha256; it works only on its own company's address (the company comes from the Host, and
 * the token is looked up within it); a revoked one stops at once (every request reads the row).
 */
const iso = (ms: number): string => new Date(Number(ms)).toISOString();
const TOKEN_PREFIX = 'cpscim_';
const LAST_USED_EVERY_MS = 60_000;

export const scimActor = (t: Pick<ScimTokensTable, 'id' | 'name'>): AuditActor => systemActor('scim', t.name, t.id);
const tokenTarget = (t: Pick<ScimTokensTable, 'id' | 'name'>) => ({ kind: 'scim_token', id: t.id, label: t.name });

export async function createToken(
  ctx: AppContext,
  org: OrgsTable,
  admin: PeopleTable,
  name: string,
  ip: string,
): Promise<{ row: ScimTokensTable; token: string }> {
  const token = `${TOKEN_PREFIX}${newToken(32)}`;
  const row: ScimTokensTable = {
    id: newId(),
    org_id: org.id,
    name,
    token_hash: hashToken(token),
    created_by: admin.id,
    created_at: Date.now(),
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
  };
  await inTx(ctx, async (trx) => {
    await trx.insertInto('scim_tokens').values(row).execute();
    await recordAudit(trx, { orgId: org.id, actor: personActor(admin), action: 'scim.token_created', target: tokenTarget(row), ip });
  });
  return { row, token };
}

export async function revokeToken(ctx: AppContext, org: OrgsTable, admin: PeopleTable, id: string, ip: string): Promise<void> {
  await inTx(ctx, async (trx) => {
    const row = await trx
      .updateTable('scim_tokens')
      .set({ revoked_at: Date.now(), revoked_by: admin.id })
      .where('org_id', '=', org.id)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('No such SCIM token.');
    await recordAudit(trx, { orgId: org.id, actor: personActor(admin), action: 'scim.token_revoked', target: tokenTarget(row), ip });
  });
}

/** Tokens in use, newest first (`before`: the id of the last one of the previous page). */
export async function listTokens(db: Executor, orgId: string, before: string | null, limit: number): Promise<ScimToken[]> {
  let q = db
    .selectFrom('scim_tokens as t')
    .leftJoin('people as p', 'p.id', 't.created_by')
    .select(['t.id', 't.name', 't.created_at', 't.last_used_at', 't.created_by', 'p.display_name'])
    .where('t.org_id', '=', orgId)
    .where('t.revoked_at', 'is', null);
  if (before) q = q.where('t.id', '<', before);
  const rows = await q.orderBy('t.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: iso(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
    createdBy: r.display_name ? { id: r.created_by, displayName: r.display_name } : null,
  }));
}

export const toTokenView = (row: ScimTokensTable, admin: PeopleTable): ScimToken => ({
  id: row.id,
  name: row.name,
  createdAt: iso(row.created_at),
  lastUsedAt: row.last_used_at === null ? null : iso(row.last_used_at),
  createdBy: { id: admin.id, displayName: admin.display_name },
});

/** The token of `Authorization: Bearer …` for this company, or a SCIM 401. */
export async function authenticate(ctx: AppContext, org: OrgsTable, header: string | undefined): Promise<ScimTokensTable> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new ScimError(401, null, 'Send the SCIM token as "Authorization: Bearer <token>".');
  const row = await ctx.db
    .selectFrom('scim_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(match[1]!))
    .where('org_id', '=', org.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ScimError(401, null, 'This token is not valid for this company, or it was revoked.');
  const now = Date.now();
  if (row.last_used_at === null || now - Number(row.last_used_at) > LAST_USED_EVERY_MS) {
    // Not awaited, and at most once a minute: a busy provisioning run must not queue on this row.
    ctx.db
      .updateTable('scim_tokens')
      .set({ last_used_at: now })
      .where('id', '=', row.id)
      .execute()
      .catch((err: unknown) => ctx.log.warn({ err }, 'could not record SCIM token use'));
    row.last_used_at = now;
  }
  return row;
}
