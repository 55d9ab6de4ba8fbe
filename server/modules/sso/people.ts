import { inTx, type AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { OrgsTable, PeopleTable, SsoConnectionsTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit, personTarget, systemActor } from '../audit/record.js';
import { attributeProblem, createPerson, findLinkedPerson, linkPerson, type PersonAttributes } from '../identity/provisioning.js';
import { findPersonByEmail, lockPeopleOfOrg, normalizeUsername } from '../people/store.js';
import { SsoFailure, type SsoIdentity } from './failure.js';

/**
 * Who a provider's answer is in the company: the person linked to that provider's subject; else
 * the person with that e-mail (unless the provider says it did not verify it), else that username,
 * who is then linked; else, with just-in-time creation on, a new person. One transaction under
 * the company's people lock, so two first sign-ins of one person cannot create two.
 */

/** person_links key: the provider and its id of the person (OpenID Connect `iss` + `sub`, SAML entity id + NameID). */
export const linkKey = (identity: Pick<SsoIdentity, 'issuer' | 'subject'>): string => `${identity.issuer} ${identity.subject}`;

export const ssoActor = (method: SsoIdentity['method']) =>
  systemActor('system', method === 'oidc' ? 'Single sign-on (OpenID Connect)' : 'Single sign-on (SAML)');

async function findByUsername(trx: Trx, orgId: string, username: string): Promise<PeopleTable | undefined> {
  return trx
    .selectFrom('people')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('username', '=', normalizeUsername(username))
    .where('is_bot', '=', 0)
    .executeTakeFirst();
}

/** The attributes a new person gets: those that pass the checks every channel uses; others are left out. */
async function newPersonAttributes(trx: Trx, orgId: string, id: SsoIdentity): Promise<PersonAttributes & { displayName: string }> {
  const keep = <K extends keyof PersonAttributes>(key: K, value: PersonAttributes[K] | null) =>
    value && !attributeProblem({ [key]: value }) ? value : null;
  const email = id.emailVerified === false ? null : keep('email', id.email);
  const username = keep('username', id.username);
  let employeeId = keep('employeeId', id.employeeId);
  // Another person's employee id is the directory's mistake to fix; it must not block this sign-in.
  if (employeeId) {
    const taken = await trx
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', orgId)
      .where('employee_id', '=', employeeId.trim())
      .executeTakeFirst();
    if (taken) employeeId = null;
  }
  const fallback = email ?? username ?? id.subject;
  const displayName = (id.name ?? fallback).slice(0, 200).trim() || fallback.slice(0, 200);
  return { displayName, email, username, employeeId };
}

export interface Resolved {
  person: PeopleTable;
  created: boolean;
}

export async function resolvePerson(
  ctx: AppContext,
  org: OrgsTable,
  connection: SsoConnectionsTable,
  id: SsoIdentity,
  ip: string,
): Promise<Resolved> {
  const login = id.email ?? id.username ?? id.subject;
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, org.id);
    const key = linkKey(id);
    const linked = await findLinkedPerson(trx, org.id, id.method, key);
    if (linked && linked.is_bot !== 1) return { person: linked, created: false };
    let found: PeopleTable | undefined;
    let matchedBy: 'email' | 'username' | null = null;
    if (id.email && id.emailVerified !== false) {
      // Never an integration's bot: bots sign in nowhere.
      found = await findPersonByEmail(trx, org.id, id.email);
      if (found?.is_bot === 1) found = undefined;
      if (found) matchedBy = 'email';
    }
    if (!found && id.username) {
      found = await findByUsername(trx, org.id, id.username);
      if (found) matchedBy = 'username';
    }
    if (found) {
      // A deactivated person stays unlinked: reactivating them is an admin's decision.
      if (found.status !== 'active') return { person: found, created: false };
      await linkPerson(trx, org.id, id.method, key, found.id);
      await recordAudit(trx, {
        orgId: org.id,
        actor: ssoActor(id.method),
        action: 'sso.person_linked',
        target: personTarget(found),
        ip,
        details: { method: id.method, issuer: id.issuer, subject: id.subject, matchedBy },
      });
      return { person: found, created: false };
    }
    if (connection.jit !== 1) throw new SsoFailure('sso_unknown_person', 'unknown_person', 'Nobody in the company matches.', login);
    let person: PeopleTable;
    try {
      person = await createPerson(ctx, trx, afterCommit, org.id, await newPersonAttributes(trx, org.id, id), {
        actor: ssoActor(id.method),
        ip,
        via: 'sso',
      });
    } catch (err) {
      if (err instanceof AppError) throw new SsoFailure('sso_failed', `jit_refused:${err.code}`, err.message, login);
      throw err;
    }
    await linkPerson(trx, org.id, id.method, key, person.id);
    return { person, created: true };
  });
}
