import { sql } from 'kysely';
import type { Trx } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { personTarget, recordAudits, type AuditActor } from '../audit/record.js';
import { derivedColumns, normalizeEmail, normalizeUsername } from '../people/store.js';
import type { KnownPerson, PlannedRow } from './plan.js';

/**
 * The write side of a run, for whole batches: what createPerson does for one person (the same
 * columns, the company-wide group, a `person.created` entry via `import`), in a few statements per
 * batch instead of several per person. Rows reach here validated by the plan (plan.ts) with the
 * same rules (`attributeProblem`, unique keys, managers), under the company's people lock.
 */
const INSERT_CHUNK = 200;

/** Whoever in the company already holds one of these keys (someone added while the import ran). */
export async function holdersOf(trx: Trx, orgId: string, rows: PlannedRow[]): Promise<number> {
  const emails = rows.flatMap((r) => (r.values.email ? [normalizeEmail(r.values.email)] : []));
  const usernames = rows.flatMap((r) => (r.values.username ? [normalizeUsername(r.values.username)] : []));
  const employeeIds = rows.flatMap((r) => (r.values.employeeId ? [r.values.employeeId] : []));
  if (!emails.length && !usernames.length && !employeeIds.length) return 0;
  const found = await trx
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        ...(emails.length ? [eb('email_normalized', 'in', emails)] : []),
        ...(usernames.length ? [eb('username', 'in', usernames)] : []),
        ...(employeeIds.length ? [eb('employee_id', 'in', employeeIds)] : []),
      ]),
    )
    .limit(1)
    .execute();
  return found.length;
}

export async function createPeople(
  trx: Trx,
  orgId: string,
  rows: PlannedRow[],
  audit: { actor: AuditActor; ip: string | null; importId: string },
): Promise<Map<number, PeopleTable>> {
  const now = Date.now();
  const made = new Map<number, PeopleTable>();
  const people: PeopleTable[] = rows.map((r) => {
    const v = r.values;
    const email = v.email ?? null;
    const p: PeopleTable = {
      id: newId(),
      org_id: orgId,
      display_name: v.name!,
      email,
      email_normalized: email ? normalizeEmail(email) : null,
      role: v.role ?? 'member',
      status: 'active',
      title: v.title ?? null,
      department: v.department ?? null,
      locale: null,
      photo_file_id: null,
      search_text: '',
      created_at: now,
      updated_at: now,
      location: v.location ?? null,
      phone: v.phone ?? null,
      about: null,
      skills: '[]',
      // Set by the second pass, once every person of the file exists.
      manager_id: null,
      employee_id: v.employeeId ?? null,
      name_key: '',
      title_key: null,
      department_key: null,
      location_key: null,
      skills_key: '|',
      last_active_at: null,
      username: v.username ? normalizeUsername(v.username) : null,
      // Like an admin adding someone: without an e-mail, staff are frontline unless the file says.
      frontline: (v.frontline ?? !email) ? 1 : 0,
      terms_accepted_at: null,
      is_bot: 0,
    };
    Object.assign(p, derivedColumns(p, null));
    made.set(r.row, p);
    return p;
  });
  if (people.length === 0) return made;
  for (let i = 0; i < people.length; i += INSERT_CHUNK)
    await trx
      .insertInto('people')
      .values(people.slice(i, i + INSERT_CHUNK))
      .execute();
  const everyone = await trx
    .selectFrom('groups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('is_company_wide', '=', 1)
    .executeTakeFirst();
  if (everyone) {
    const members = people.map((p) => ({
      org_id: orgId,
      group_id: everyone.id,
      person_id: p.id,
      role: 'member' as const,
      notify: 'highlights' as const,
      joined_at: now,
    }));
    for (let i = 0; i < members.length; i += 500)
      await trx
        .insertInto('group_members')
        .values(members.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
        .execute();
  }
  await recordAudits(
    trx,
    people.map((p) => ({
      orgId,
      actor: audit.actor,
      action: 'person.created',
      target: personTarget(p),
      ip: audit.ip,
      details: { via: 'import', importId: audit.importId },
    })),
  );
  return made;
}

export interface ManagerLink {
  person: KnownPerson;
  manager: Pick<PeopleTable, 'id' | 'display_name'>;
}

/** Sets managers (and the search text, which holds the manager's name) with one statement per batch. */
export async function linkManagers(trx: Trx, orgId: string, links: ManagerLink[]): Promise<void> {
  if (links.length === 0) return;
  const now = Date.now();
  const values = links.map((l) => sql`(${l.person.id}, ${l.manager.id}, ${derivedColumns(l.person, l.manager.display_name).search_text})`);
  // `values` names its columns column1, column2 … on both engines.
  await sql`update people set manager_id = v.column2, search_text = v.column3, updated_at = ${now}
    from (values ${sql.join(values)}) as v
    where people.id = v.column1 and people.org_id = ${orgId}`.execute(trx);
}
