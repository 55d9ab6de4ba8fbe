import type { AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { PeopleTable, PersonLinkSource, Role } from '../../db/schema.js';
import { AppError, badInput, conflict } from '../../errors.js';
import { managerProblem } from '../../policies/people.js';
import { revokeSessions } from '../accounts/sessions.js';
import { recordAudit, personTarget, type AuditActor } from '../audit/record.js';
import { joinCompanyWideGroup } from '../groups/store.js';
import { applyChange, tellAdminsPersonChanged } from '../people/service.js';
import { countOwners, findPerson, insertPerson, normalizeEmail, normalizeUsername, type PersonChanges } from '../people/store.js';
import { CHAIN_LIMIT_FOR_CYCLES, managerChain } from '../profiles/store.js';

/**
 * The one way people are created, changed and deactivated by provisioning (access codes, SCIM,
 * LDAP sync, bulk import) and by admins' identity screens. Each call runs inside the caller's
 * transaction, which must first hold the company's people lock (`lockPeopleOfOrg`); a problem is an
 * AppError naming the field, thrown before anything is written, so the caller's transaction (one
 * person, one row of an import) is applied whole or not at all.
 */
export interface PersonAttributes {
  displayName?: string;
  email?: string | null;
  username?: string | null;
  employeeId?: string | null;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  phone?: string | null;
  managerId?: string | null;
  locale?: string | null;
  frontline?: boolean;
  role?: Exclude<Role, 'owner'>;
}

export interface ProvisioningAudit {
  actor: AuditActor;
  ip?: string | null;
  /** What did it: `admin`, `access_code`, `scim`, `ldap`, `import`, `sso`. */
  via: string;
}

export interface ProvisionOptions {
  /** Tell the admins' open people lists (one event per admin); bulk runs tell them once at the end. */
  tellAdmins?: boolean;
  /**
   * The caller already looked, in this transaction, for someone holding the e-mail, username or
   * employee id (SCIM does it in the same query as its own checks); the unique indexes stay the last word.
   */
  uniqueChecked?: boolean;
}

const UNIQUE_FIELDS = {
  email: 'email_taken',
  username: 'username_taken',
  employeeId: 'employee_id_taken',
} as const;

/** The refusal for a sign-in name someone in the company already has. */
export function takenError(field: keyof typeof UNIQUE_FIELDS, value: string): AppError {
  return conflict(UNIQUE_FIELDS[field], `Someone in the company already has this ${field}: ${value}`, field);
}

// Tabs and line breaks pass (a CSV cell may hold them); NUL, other controls and bidi overrides do not.
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const USERNAME_RE = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks shapes a schema may not have (LDAP, CSV): the same rules for every channel. */
export function attributeProblem(a: PersonAttributes): { field: string; message: string } | null {
  for (const key of ['displayName', 'email', 'username', 'employeeId', 'title', 'department', 'location', 'phone'] as const) {
    const v = a[key];
    // NUL and other control characters: PostgreSQL refuses NUL in text, and none belongs in a name.
    if (typeof v === 'string' && CONTROL_RE.test(v)) return { field: key, message: 'must not contain control characters' };
  }
  if (a.displayName !== undefined && !a.displayName.trim()) return { field: 'displayName', message: 'is required' };
  if (a.displayName && a.displayName.length > 200) return { field: 'displayName', message: 'is longer than 200 characters' };
  if (a.email && (a.email.length > 254 || !EMAIL_RE.test(a.email.trim()))) return { field: 'email', message: 'is not an e-mail address' };
  if (a.username && !USERNAME_RE.test(normalizeUsername(a.username)))
    return { field: 'username', message: 'must be 2 to 64 letters, digits, dots, dashes, underscores or @' };
  if (a.employeeId && a.employeeId.trim().length > 64) return { field: 'employeeId', message: 'is longer than 64 characters' };
  for (const key of ['title', 'department', 'location', 'phone'] as const) {
    const v = a[key];
    if (v && v.length > 200) return { field: key, message: 'is longer than 200 characters' };
  }
  return null;
}

const clean = (v: string | null | undefined): string | null | undefined => (v === undefined ? undefined : v?.trim() || null);

async function assertUnique(db: Executor, orgId: string, a: PersonAttributes, exceptId: string | null): Promise<void> {
  const checks: Array<['email_normalized' | 'username' | 'employee_id', string | null | undefined, keyof typeof UNIQUE_FIELDS]> = [
    ['email_normalized', a.email ? normalizeEmail(a.email) : null, 'email'],
    ['username', a.username ? normalizeUsername(a.username) : null, 'username'],
    ['employee_id', clean(a.employeeId), 'employeeId'],
  ];
  const asked = checks.filter(([, value]) => value);
  if (asked.length === 0) return;
  // One query for the three (bulk provisioning runs this for every person).
  let q = db
    .selectFrom('people')
    .select(['email_normalized', 'username', 'employee_id'])
    // Each branch names the company, so both engines use one unique index per branch (a union of
    // three lookups) rather than scanning the company's people for the OR.
    .where((eb) => eb.or(asked.map(([column, value]) => eb.and([eb('org_id', '=', orgId), eb(column, '=', value!)]))));
  if (exceptId) q = q.where('id', '!=', exceptId);
  const holders = await q.limit(3).execute();
  for (const [column, value, field] of asked) {
    if (holders.some((h) => h[column] === value)) throw takenError(field, value!);
  }
}

async function checkManager(db: Executor, person: Pick<PeopleTable, 'id' | 'org_id' | 'role' | 'status'>, managerId: string) {
  const manager = await findPerson(db, person.org_id, managerId);
  const problem = managerProblem(person, manager);
  if (problem) throw badInput('managerId', problem);
  const above = await managerChain(db, person.org_id, managerId, CHAIN_LIMIT_FOR_CYCLES);
  if (above.some((p) => p.id === person.id))
    throw conflict('manager_cycle', 'This manager would make a loop in the org chart.', 'managerId');
}

export async function createPerson(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  orgId: string,
  a: PersonAttributes & { displayName: string },
  audit: ProvisioningAudit,
  opts: ProvisionOptions = { tellAdmins: true },
): Promise<PeopleTable> {
  const problem = attributeProblem(a);
  if (problem) throw badInput(problem.field, problem.message);
  if (!opts.uniqueChecked) await assertUnique(trx, orgId, a, null);
  if (a.managerId) {
    const manager = await findPerson(trx, orgId, a.managerId);
    const why = managerProblem({ id: '', org_id: orgId, role: a.role ?? 'member', status: 'active' }, manager);
    if (why) throw badInput('managerId', why);
  }
  const person = await insertPerson(trx, {
    orgId,
    displayName: a.displayName.trim(),
    email: clean(a.email) ?? null,
    role: a.role ?? 'member',
    locale: a.locale ?? null,
    title: clean(a.title) ?? null,
    department: clean(a.department) ?? null,
    location: clean(a.location) ?? null,
    phone: clean(a.phone) ?? null,
    employeeId: clean(a.employeeId) ?? null,
    username: a.username ? normalizeUsername(a.username) : null,
    frontline: a.frontline ?? false,
    managerId: a.managerId ?? null,
  });
  await joinCompanyWideGroup(trx, orgId, person.id);
  await recordAudit(trx, {
    orgId,
    actor: audit.actor,
    action: 'person.created',
    target: personTarget(person),
    ip: audit.ip ?? null,
    details: { via: audit.via },
  });
  if (opts.tellAdmins !== false) await tellAdminsPersonChanged(ctx, trx, afterCommit, orgId, person.id);
  return person;
}

/** Applies the attributes that differ; returns the person unchanged (and records nothing) when none do. */
export async function updatePersonAttributes(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  person: PeopleTable,
  a: PersonAttributes,
  audit: ProvisioningAudit,
  opts: ProvisionOptions = { tellAdmins: true },
): Promise<PeopleTable> {
  const problem = attributeProblem(a);
  if (problem) throw badInput(problem.field, problem.message);
  const changes: PersonChanges = {};
  const set = <K extends keyof PersonChanges>(key: K, value: PersonChanges[K] | undefined) => {
    if (value !== undefined && value !== person[key]) changes[key] = value;
  };
  set('display_name', a.displayName?.trim());
  set('email', clean(a.email));
  set('username', a.username === undefined ? undefined : a.username ? normalizeUsername(a.username) : null);
  set('employee_id', clean(a.employeeId));
  set('title', clean(a.title));
  set('department', clean(a.department));
  set('location', clean(a.location));
  set('phone', clean(a.phone));
  set('locale', a.locale);
  set('frontline', a.frontline === undefined ? undefined : a.frontline ? 1 : 0);
  set('manager_id', a.managerId);
  if (a.role !== undefined && person.role !== 'owner') set('role', a.role);
  if (Object.keys(changes).length === 0) return person;
  await assertUnique(trx, person.org_id, { email: changes.email, username: changes.username, employeeId: changes.employee_id }, person.id);
  if (changes.manager_id) await checkManager(trx, person, changes.manager_id);
  const next = await applyChange(ctx, trx, afterCommit, person, changes, opts);
  await recordAudit(trx, {
    orgId: person.org_id,
    actor: audit.actor,
    action: changes.role ? 'person.role_changed' : 'person.updated',
    target: personTarget(next),
    ip: audit.ip ?? null,
    details: { via: audit.via, fields: Object.keys(changes), ...(changes.role ? { from: person.role, to: changes.role } : {}) },
  });
  return next;
}

/**
 * Deactivation ends every session and closes every live connection of the person at once, on every
 * process. The last active owner is never deactivated by provisioning.
 */
export async function setPersonStatus(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  person: PeopleTable,
  status: 'active' | 'deactivated',
  audit: ProvisioningAudit,
  opts: ProvisionOptions = { tellAdmins: true },
): Promise<PeopleTable> {
  if (person.status === status) return person;
  if (status === 'deactivated' && person.role === 'owner' && (await countOwners(trx, person.org_id)) <= 1) {
    throw new AppError(409, 'last_owner', 'The last owner cannot be deactivated.');
  }
  const next = await applyChange(ctx, trx, afterCommit, person, { status }, opts);
  if (status === 'deactivated') {
    await revokeSessions(ctx, trx, afterCommit, person.org_id, { personId: person.id });
    afterCommit(() => ctx.bus.publish({ kind: 'disconnect', orgId: person.org_id, personId: person.id, reason: 'deactivated' }));
  }
  await recordAudit(trx, {
    orgId: person.org_id,
    actor: audit.actor,
    action: status === 'deactivated' ? 'person.deactivated' : 'person.reactivated',
    target: personTarget(next),
    ip: audit.ip ?? null,
    details: { via: audit.via },
  });
  return next;
}

/** The person another system knows by `key` (SCIM externalId, LDAP entry id, SSO subject). */
export async function findLinkedPerson(
  db: Executor,
  orgId: string,
  source: PersonLinkSource,
  key: string,
): Promise<PeopleTable | undefined> {
  const link = await db
    .selectFrom('person_links')
    .select('person_id')
    .where('org_id', '=', orgId)
    .where('source', '=', source)
    .where('external_key', '=', key)
    .executeTakeFirst();
  return link ? findPerson(db, orgId, link.person_id) : undefined;
}

/** Points `key` at the person (replacing an earlier link of that key). */
export async function linkPerson(db: Executor, orgId: string, source: PersonLinkSource, key: string, personId: string): Promise<void> {
  await db.deleteFrom('person_links').where('org_id', '=', orgId).where('source', '=', source).where('external_key', '=', key).execute();
  await db
    .insertInto('person_links')
    .values({ org_id: orgId, source, external_key: key, person_id: personId, created_at: Date.now() })
    .execute();
}
