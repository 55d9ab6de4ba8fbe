import type { Executor } from '../../db/index.js';
import type { SsoConnectionsTable, SsoProtocol, SsoRequestsTable } from '../../db/schema.js';

/** The tables of single sign-on: the company's connection, sign-ins under way, consumed assertions. */

export function readConnection(db: Executor, orgId: string): Promise<SsoConnectionsTable | undefined> {
  return db.selectFrom('sso_connections').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** Whether the company has a single sign-on connection that is switched on. */
export async function ssoEnabled(db: Executor, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sso_connections')
    .select('org_id')
    .where('org_id', '=', orgId)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return !!row;
}

export async function writeConnection(db: Executor, row: SsoConnectionsTable, exists: boolean): Promise<void> {
  if (exists) {
    const { org_id: orgId, created_at: _created, ...changes } = row;
    await db.updateTable('sso_connections').set(changes).where('org_id', '=', orgId).execute();
  } else {
    await db.insertInto('sso_connections').values(row).execute();
  }
}

export async function deleteConnectionRow(db: Executor, orgId: string): Promise<void> {
  await db.deleteFrom('sso_requests').where('org_id', '=', orgId).execute();
  await db.deleteFrom('sso_connections').where('org_id', '=', orgId).execute();
}

export async function insertRequest(db: Executor, row: SsoRequestsTable): Promise<void> {
  await db.insertInto('sso_requests').values(row).execute();
}

/** The newest unexpired OpenID Connect sign-in this browser started (its cookie's hash). */
export function findBrowserRequest(db: Executor, orgId: string, browserHash: string, now: number): Promise<SsoRequestsTable | undefined> {
  return db
    .selectFrom('sso_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('browser_hash', '=', browserHash)
    .where('protocol', '=', 'oidc')
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The unexpired SAML request with this AuthnRequest ID (spent or not: replays are told apart later). */
export function findSamlRequest(db: Executor, orgId: string, requestId: string, now: number): Promise<SsoRequestsTable | undefined> {
  return db
    .selectFrom('sso_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .where('protocol', '=', 'saml')
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Spends a request; false when it was already spent (two answers racing, or a replay). */
export async function spendRequest(db: Executor, id: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('sso_requests')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records an assertion as consumed; false when it already was (a replay). */
export async function consumeAssertion(db: Executor, orgId: string, assertionId: string, expiresAt: number): Promise<boolean> {
  const res = await db
    .insertInto('sso_assertions')
    .values({ org_id: orgId, assertion_id: assertionId, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['org_id', 'assertion_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Drops sign-ins and assertions past their time (an hour of grace, so late answers still read as spent). */
export async function pruneExpired(db: Executor, now: number): Promise<void> {
  await db
    .deleteFrom('sso_requests')
    .where('expires_at', '<', now - 3_600_000)
    .execute();
  await db.deleteFrom('sso_assertions').where('expires_at', '<', now).execute();
}

export type { SsoProtocol };
