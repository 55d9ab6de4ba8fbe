import { sql, type SelectQueryBuilder } from 'kysely';
import { isUniqueViolation, type Trx } from '../../db/index.js';
import type { Database, PeopleTable } from '../../db/schema.js';
import { transaction, type AfterCommit } from '../../db/tx.js';
import { personTarget, recordAudit } from '../audit/record.js';
import { createPerson, setPersonStatus, takenError, updatePersonAttributes } from '../identity/provisioning.js';
import { findPerson, lockPeopleOfOrg, normalizeEmail, normalizeUsername } from '../people/store.js';
import { auditOf, checkIfMatch, etagOf, iso, nextVersion, type ScimCaller } from './caller.js';
import { invalidValue, scimNotFound, uniqueness } from './errors.js';
import { applyPatch, readPatchBody } from './patch.js';
import { readBody } from './resource.js';
import { CORE_USER, ENTERPRISE_USER } from './urns.js';
import { desiredPerson, USER_RESOURCE, userDocument, type Desired, type UserFacts } from './user-map.js';
import { factsOf, findUserRow, listUserRows, userVersion, type UserListQuery, type UserRow } from './users-store.js';
import type { JsonObject } from './values.js';

/**
 * SCIM Users: each write is one transaction under the company's people lock, through the one
 * provisioning path (identity/provisioning.ts), so the same rules hold as for every other channel
 * and a refused request leaves nothing behind. Admins are told through AdminRefresh, not per person.
 *
 * DELETE deactivates the person (sessions and sockets end), drops their externalId and marks them
 * deleted for SCIM: their posts and messages stay, GET answers 404, and a later POST with the same
 * userName or e-mail takes the person back (a rehire) instead of failing on uniqueness.
 */
const MAX_EXTRAS = 64 * 1024;

export interface UserResult {
  resource: JsonObject;
  version: number;
}

export function userResource(f: UserFacts, version: number, base: string): JsonObject {
  const doc = userDocument(f);
  const location = `${base}/Users/${f.person.id}`;
  return {
    schemas: doc[ENTERPRISE_USER] ? [CORE_USER, ENTERPRISE_USER] : [CORE_USER],
    id: f.person.id,
    ...doc,
    meta: { resourceType: 'User', created: iso(f.person.created_at), lastModified: iso(version), location, version: etagOf(version) },
  };
}

async function present(c: ScimCaller, db: Trx | ScimCaller['ctx']['db'], id: string): Promise<UserResult> {
  const row = await findUserRow(db, c.org.id, id);
  if (!row) throw scimNotFound('No such User.');
  const [facts] = await factsOf(db, c.org.id, [row]);
  return { resource: userResource(facts!, userVersion(row), c.base), version: userVersion(row) };
}

export const getUser = (c: ScimCaller, id: string): Promise<UserResult> => present(c, c.ctx.db, id);

export async function listUsers(c: ScimCaller, q: UserListQuery): Promise<{ total: number; resources: JsonObject[] }> {
  const { total, rows } = await listUserRows(c.ctx.db, c.ctx.dialect, c.org.id, q);
  const facts = await factsOf(c.ctx.db, c.org.id, rows);
  return { total, resources: facts.map((f, i) => userResource(f, userVersion(rows[i]!), c.base)) };
}

/**
 * Runs a write; a unique index hit by a concurrent write is the same 409 as the rule's own check.
 * `lock: false` is for creating a new person only (see createUser). SCIM writes queue no jobs,
 * so unlike `inTx` this does not wake the job worker after each commit (during a provisioning
 * run that was one more query per person).
 */
async function write<T>(c: ScimCaller, fn: (trx: Trx, afterCommit: AfterCommit) => Promise<T>, lock = true): Promise<T> {
  try {
    return await transaction(
      c.ctx.db,
      async (trx, afterCommit) => {
        if (lock) await lockPeopleOfOrg(trx, c.ctx.dialect, c.org.id);
        return fn(trx, afterCommit);
      },
      (err) => c.ctx.log.error({ err }, 'after-commit callback failed'),
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw uniqueness('Someone in the company already has this userName, e-mail, employee number or externalId.');
    throw err;
  }
}

async function linkExternalId(c: ScimCaller, trx: Trx, personId: string, externalId: string | null): Promise<void> {
  if (externalId !== null) {
    const holder = await trx
      .selectFrom('person_links')
      .select('person_id')
      .where('org_id', '=', c.org.id)
      .where('source', '=', 'scim')
      .where('external_key', '=', externalId)
      .executeTakeFirst();
    if (holder && holder.person_id !== personId) throw uniqueness(`externalId: another User already has ${JSON.stringify(externalId)}.`);
    if (holder) return;
  }
  await trx
    .deleteFrom('person_links')
    .where('org_id', '=', c.org.id)
    .where('source', '=', 'scim')
    .where('person_id', '=', personId)
    .execute();
  if (externalId !== null) {
    await trx
      .insertInto('person_links')
      .values({ org_id: c.org.id, source: 'scim', external_key: externalId, person_id: personId, created_at: Date.now() })
      .execute();
  }
}

function keptAttributes(extras: JsonObject): string {
  const attributes = JSON.stringify(extras);
  if (attributes.length > MAX_EXTRAS) throw invalidValue(`The attributes kept as sent take more than ${MAX_EXTRAS} bytes.`);
  return attributes;
}

async function saveExtras(c: ScimCaller, trx: Trx, personId: string, extras: JsonObject, version: number, deletedAt: number | null = null) {
  const attributes = keptAttributes(extras);
  await trx
    .insertInto('scim_users')
    .values({ person_id: personId, org_id: c.org.id, attributes, deleted_at: deletedAt, created_at: Date.now(), updated_at: version })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ attributes, deleted_at: deletedAt, updated_at: version }))
    .execute();
}

/**
 * A new User's externalId and kept attributes. On PostgreSQL in one statement (a data-modifying
 * WITH): identity providers create people by the ten thousand, and each round trip counts.
 */
async function saveNewUser(c: ScimCaller, trx: Trx, personId: string, externalId: string | null, extras: JsonObject, version: number) {
  if (externalId === null) return saveExtras(c, trx, personId, extras, version);
  const link = { org_id: c.org.id, source: 'scim' as const, external_key: externalId, person_id: personId, created_at: Date.now() };
  if (c.ctx.dialect !== 'postgres') {
    await trx.insertInto('person_links').values(link).execute();
    return saveExtras(c, trx, personId, extras, version);
  }
  const attributes = keptAttributes(extras);
  await trx
    .with('link', (db) => db.insertInto('person_links').values(link).returning('person_id'))
    .insertInto('scim_users')
    .values({ person_id: personId, org_id: c.org.id, attributes, deleted_at: null, created_at: Date.now(), updated_at: version })
    .execute();
}

/** Applies a desired state to an existing person; returns whether anything changed. */
async function applyDesired(
  c: ScimCaller,
  trx: Trx,
  afterCommit: AfterCommit,
  person: PeopleTable,
  before: { externalId: string | null; extras: JsonObject; version: number },
  d: Desired,
): Promise<boolean> {
  const audit = auditOf(c);
  const opts = { tellAdmins: false };
  let next = await updatePersonAttributes(c.ctx, trx, afterCommit, person, d.attrs, audit, opts);
  let recorded = next !== person;
  if (d.active !== undefined && (next.status === 'active') !== d.active) {
    next = await setPersonStatus(c.ctx, trx, afterCommit, next, d.active ? 'active' : 'deactivated', audit, opts);
    recorded = true;
  }
  const fields: string[] = [];
  if (d.externalId !== before.externalId) {
    await linkExternalId(c, trx, person.id, d.externalId);
    fields.push('externalId');
  }
  if (JSON.stringify(d.extras) !== JSON.stringify(before.extras))
    fields.push(
      ...Object.keys({ ...before.extras, ...d.extras }).filter((k) => JSON.stringify(before.extras[k]) !== JSON.stringify(d.extras[k])),
    );
  const changed = recorded || fields.length > 0;
  if (changed) await saveExtras(c, trx, person.id, d.extras, nextVersion(before.version));
  // Every SCIM write is in the audit log: here when the people rules above recorded nothing.
  if (!recorded) {
    await recordAudit(trx, {
      orgId: c.org.id,
      actor: audit.actor,
      action: 'scim.user_updated',
      target: personTarget(next),
      ip: c.ip,
      details: { fields },
    });
  }
  if (changed) afterCommit(() => c.refresh.changed(c.org.id, person.id));
  return changed;
}

/**
 * Before a create, in one query: a SCIM-deleted person with this username or e-mail (whom the
 * create takes back), whether the externalId is someone's already, and who else holds the
 * e-mail, username or employee id (createPerson's own check, so it is skipped there).
 */
async function createConflicts(
  trx: Trx,
  orgId: string,
  d: Desired,
): Promise<{ deletedId: string | null; externalIdTaken: boolean; taken: TakenField | null }> {
  const username = d.attrs.username ? normalizeUsername(d.attrs.username) : null;
  const email = d.attrs.email ? normalizeEmail(d.attrs.email) : null;
  const employeeId = d.attrs.employeeId?.trim() || null;
  const deleted = trx
    .selectFrom('people as p')
    .innerJoin('scim_users as su', 'su.person_id', 'p.id')
    .select([sql<string>`'deleted'`.as('kind'), 'p.id as id'])
    // The company in each branch: one index lookup per branch, not a scan of the company's people.
    .where((eb) =>
      eb.or([
        eb.and([eb('p.org_id', '=', orgId), eb('p.username', '=', username)]),
        eb.and([eb('p.org_id', '=', orgId), eb('p.email_normalized', '=', email)]),
      ]),
    )
    .where('su.deleted_at', 'is not', null);
  const linked = trx
    .selectFrom('person_links')
    .select([sql<string>`'linked'`.as('kind'), 'person_id as id'])
    .where('org_id', '=', orgId)
    .where('source', '=', 'scim')
    .where('external_key', '=', d.externalId ?? '');
  // Who holds the sign-in names already (createPerson's own check, done here in the same query).
  const holder = (kind: TakenField, column: 'username' | 'email_normalized' | 'employee_id', value: string) =>
    trx
      .selectFrom('people')
      .select([sql<string>`${sql.lit(kind)}`.as('kind'), 'id'])
      .where('org_id', '=', orgId)
      .where(column, '=', value) as unknown as Part;
  const parts: Part[] = [];
  if (username || email) parts.push(deleted as unknown as Part);
  if (d.externalId !== null || parts.length === 0) parts.push(linked as unknown as Part);
  if (username) parts.push(holder('username', 'username', username));
  if (email) parts.push(holder('email', 'email_normalized', email));
  if (employeeId) parts.push(holder('employeeId', 'employee_id', employeeId));
  const [first, ...rest] = parts;
  const rows = await rest.reduce((q, part) => q.unionAll(part), first!).execute();
  const taken = (['email', 'username', 'employeeId'] as const).find((k) => rows.some((r) => r.kind === k)) ?? null;
  return {
    deletedId: rows.find((r) => r.kind === 'deleted')?.id ?? null,
    externalIdTaken: d.externalId !== null && rows.some((r) => r.kind === 'linked'),
    taken,
  };
}

type TakenField = 'email' | 'username' | 'employeeId';
type Part = SelectQueryBuilder<Database, 'people', { kind: string; id: string }>;

/**
 * A new User. Making a new person takes no company lock on PostgreSQL: it writes no event (admins
 * are told through AdminRefresh), and the unique indexes on e-mail, username, employee id and
 * externalId decide between concurrent creates (the loser is a 409). So identity providers that
 * create with several connections at once are not lined up one by one. Taking a deleted person
 * back changes an existing person, so it takes the lock like every other change.
 */
export async function createUser(c: ScimCaller, body: unknown): Promise<UserResult> {
  const doc = readBody(USER_RESOURCE, body, null);
  const d = desiredPerson(doc, null, null);
  const made = await write(
    c,
    async (trx, afterCommit) => {
      const conflicts = await createConflicts(trx, c.org.id, d);
      const back = conflicts.deletedId ? await findPerson(trx, c.org.id, conflicts.deletedId) : undefined;
      if (back) {
        // Reads only so far: taking the company's lock now keeps the usual order of locks.
        await lockPeopleOfOrg(trx, c.ctx.dialect, c.org.id);
        await recordAudit(trx, {
          orgId: c.org.id,
          actor: auditOf(c).actor,
          action: 'scim.user_restored',
          target: personTarget(back),
          ip: c.ip,
        });
        const version = Date.now();
        await applyDesired(c, trx, afterCommit, back, { externalId: null, extras: {}, version }, { ...d, active: d.active ?? true });
        return back.id;
      }
      if (conflicts.externalIdTaken) throw uniqueness(`externalId: another User already has ${JSON.stringify(d.externalId)}.`);
      if (conflicts.taken) {
        const value = conflicts.taken === 'email' ? d.attrs.email : conflicts.taken === 'username' ? d.attrs.username : d.attrs.employeeId;
        throw takenError(conflicts.taken, value ?? '');
      }
      let person = await createPerson(c.ctx, trx, afterCommit, c.org.id, d.attrs, auditOf(c), { tellAdmins: false, uniqueChecked: true });
      if (d.active === false) {
        await lockPeopleOfOrg(trx, c.ctx.dialect, c.org.id);
        person = await setPersonStatus(c.ctx, trx, afterCommit, person, 'deactivated', auditOf(c), { tellAdmins: false });
      }
      const version = nextVersion(person.updated_at);
      await saveNewUser(c, trx, person.id, d.externalId, d.extras, version);
      const managerName = person.manager_id
        ? ((await trx.selectFrom('people').select('display_name').where('id', '=', person.manager_id).executeTakeFirst())?.display_name ??
          null)
        : null;
      afterCommit(() => c.refresh.changed(c.org.id, person.id));
      // Answered from what was written: no second read.
      return { resource: userResource({ person, externalId: d.externalId, extras: d.extras, managerName }, version, c.base), version };
    },
    false,
  );
  return typeof made === 'string' ? present(c, c.ctx.db, made) : made;
}

/** Loads the User for a change, checks If-Match, and gives the change its starting point. */
async function forChange(c: ScimCaller, trx: Trx, id: string, ifMatch: string | undefined) {
  const row: UserRow | undefined = await findUserRow(trx, c.org.id, id);
  if (!row) throw scimNotFound('No such User.');
  const version = userVersion(row);
  checkIfMatch(ifMatch, version);
  const [facts] = await factsOf(trx, c.org.id, [row]);
  const { scim_attributes, scim_updated_at, ...person } = row;
  void scim_attributes;
  void scim_updated_at;
  return { person: person as PeopleTable, facts: facts!, version, doc: userDocument(facts!) };
}

export async function replaceUser(c: ScimCaller, id: string, body: unknown, ifMatch: string | undefined): Promise<UserResult> {
  const doc = readBody(USER_RESOURCE, body, id);
  await write(c, async (trx, afterCommit) => {
    const cur = await forChange(c, trx, id, ifMatch);
    const d = desiredPerson(doc, cur.doc, cur.person);
    await applyDesired(c, trx, afterCommit, cur.person, { ...cur.facts, version: cur.version }, d);
  });
  return present(c, c.ctx.db, id);
}

export async function patchUser(c: ScimCaller, id: string, body: unknown, ifMatch: string | undefined): Promise<UserResult> {
  const ops = readPatchBody(body);
  await write(c, async (trx, afterCommit) => {
    const cur = await forChange(c, trx, id, ifMatch);
    const doc = applyPatch(USER_RESOURCE, cur.doc, ops, id);
    const d = desiredPerson(doc, cur.doc, cur.person);
    await applyDesired(c, trx, afterCommit, cur.person, { ...cur.facts, version: cur.version }, d);
  });
  return present(c, c.ctx.db, id);
}

export async function deleteUser(c: ScimCaller, id: string, ifMatch: string | undefined): Promise<void> {
  await write(c, async (trx, afterCommit) => {
    const cur = await forChange(c, trx, id, ifMatch);
    const audit = auditOf(c);
    await setPersonStatus(c.ctx, trx, afterCommit, cur.person, 'deactivated', audit, { tellAdmins: false });
    await linkExternalId(c, trx, id, null);
    await saveExtras(c, trx, id, cur.facts.extras, nextVersion(cur.version), Date.now());
    await recordAudit(trx, {
      orgId: c.org.id,
      actor: audit.actor,
      action: 'scim.user_deleted',
      target: personTarget(cur.person),
      ip: c.ip,
    });
    afterCommit(() => c.refresh.changed(c.org.id, id));
  });
}
