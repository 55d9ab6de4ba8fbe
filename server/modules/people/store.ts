import { sql } from 'kysely';
import type { Dialect, Executor } from '../../db/index.js';
import type { PeopleTable, Role } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { escapeLike, foldForSearch } from '../../lib/text.js';
import { parseSkills } from './present.js';

/** The only code that reads or writes the people table. Every function takes the company. */

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function findPerson(db: Executor, orgId: string, id: string): Promise<PeopleTable | undefined> {
  return db.selectFrom('people').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function findPersonByEmail(db: Executor, orgId: string, email: string): Promise<PeopleTable | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email_normalized', '=', normalizeEmail(email))
    .executeTakeFirst();
}

export interface NewPerson {
  orgId: string;
  displayName: string;
  email: string | null;
  role: Role;
  locale?: string | null;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  phone?: string | null;
  employeeId?: string | null;
  /** Lower-cased by the caller (normalizeUsername). */
  username?: string | null;
  frontline?: boolean;
  managerId?: string | null;
  /** An integration's bot (integrations/service.ts): no e-mail, username or credentials. */
  isBot?: boolean;
}

/** Usernames are matched without regard to case or surrounding spaces. */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

/** How a skill is matched by the directory's filter: folded, and never containing the `|` separator. */
export const skillKey = (skill: string): string => foldForSearch(skill).replace(/\|/g, ' ');

/** Skills as stored: trimmed, empty ones dropped, duplicates (ignoring case and accents) dropped, first kept. */
export function skillsJson(skills: string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of skills) {
    const skill = raw.trim();
    const key = skillKey(skill);
    if (!skill || seen.has(key)) continue;
    seen.add(key);
    kept.push(skill);
  }
  return JSON.stringify(kept);
}

/**
 * The derived columns of a person: the folded keys the directory sorts and filters on, and the
 * search text (name, e-mail, title, department, location, skills and the manager's name).
 */
export function derivedColumns(
  p: Pick<PeopleTable, 'display_name' | 'email' | 'title' | 'department' | 'location' | 'skills'>,
  managerName: string | null,
): Pick<PeopleTable, 'search_text' | 'name_key' | 'title_key' | 'department_key' | 'location_key' | 'skills_key'> {
  const skills = parseSkills(p.skills);
  const key = (s: string | null) => (s ? foldForSearch(s) || null : null);
  return {
    search_text: foldForSearch(p.display_name, p.email, p.title, p.department, p.location, ...skills, managerName),
    name_key: foldForSearch(p.display_name),
    title_key: key(p.title),
    department_key: key(p.department),
    location_key: key(p.location),
    skills_key: `|${skills.map(skillKey).join('|')}|`.replace(/^\|\|$/, '|'),
  };
}

export async function insertPerson(db: Executor, p: NewPerson): Promise<PeopleTable> {
  const now = Date.now();
  const row: PeopleTable = {
    id: newId(),
    org_id: p.orgId,
    display_name: p.displayName,
    email: p.email,
    email_normalized: p.email ? normalizeEmail(p.email) : null,
    role: p.role,
    status: 'active',
    title: p.title ?? null,
    department: p.department ?? null,
    locale: p.locale ?? null,
    photo_file_id: null,
    search_text: '',
    created_at: now,
    updated_at: now,
    location: p.location ?? null,
    phone: p.phone ?? null,
    about: null,
    skills: '[]',
    manager_id: p.managerId ?? null,
    employee_id: p.employeeId ?? null,
    name_key: '',
    title_key: null,
    department_key: null,
    location_key: null,
    skills_key: '|',
    last_active_at: null,
    username: p.username ?? null,
    frontline: p.frontline ? 1 : 0,
    terms_accepted_at: null,
    is_bot: p.isBot ? 1 : 0,
  };
  const manager = row.manager_id ? await findPerson(db, row.org_id, row.manager_id) : undefined;
  Object.assign(row, derivedColumns(row, manager?.display_name ?? null));
  await db.insertInto('people').values(row).execute();
  return row;
}

export type PersonChanges = Partial<
  Pick<
    PeopleTable,
    | 'display_name'
    | 'locale'
    | 'title'
    | 'department'
    | 'role'
    | 'status'
    | 'photo_file_id'
    | 'location'
    | 'phone'
    | 'about'
    | 'skills'
    | 'manager_id'
    | 'employee_id'
    | 'email'
    | 'username'
    | 'frontline'
    | 'terms_accepted_at'
  >
>;

/**
 * Writes the changes and the derived columns. The manager's name is part of the search text, so a
 * rename also rewrites the search text of the person's direct reports (same transaction).
 */
export async function updatePerson(db: Executor, current: PeopleTable, changes: PersonChanges): Promise<PeopleTable> {
  const next: PeopleTable = { ...current, ...changes, updated_at: Date.now() };
  if (changes.email !== undefined) next.email_normalized = next.email ? normalizeEmail(next.email) : null;
  const manager = next.manager_id ? await findPerson(db, next.org_id, next.manager_id) : undefined;
  Object.assign(next, derivedColumns(next, manager?.display_name ?? null));
  const { id, org_id, created_at, ...columns } = next;
  void created_at;
  await db.updateTable('people').set(columns).where('org_id', '=', org_id).where('id', '=', id).execute();
  if (next.display_name !== current.display_name) await refreshReportsSearchText(db, next);
  return next;
}

async function refreshReportsSearchText(db: Executor, manager: PeopleTable): Promise<void> {
  let after = '';
  for (;;) {
    const reports = await db
      .selectFrom('people')
      .select(['id', 'display_name', 'email', 'title', 'department', 'location', 'skills'])
      .where('org_id', '=', manager.org_id)
      .where('manager_id', '=', manager.id)
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    for (const r of reports) {
      const { search_text } = derivedColumns(r, manager.display_name);
      await db.updateTable('people').set({ search_text }).where('org_id', '=', manager.org_id).where('id', '=', r.id).execute();
    }
    const last = reports[reports.length - 1];
    if (!last || reports.length < 500) return;
    after = last.id;
  }
}

export interface PeopleFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'deactivated' | undefined;
  after?: [string, string] | null;
  limit: number;
}

/** People by name (then id), filtered by accent-blind text, role and status. */
export function listPeople(db: Executor, orgId: string, f: PeopleFilter): Promise<PeopleTable[]> {
  const words = f.q ? foldForSearch(f.q).split(/\s+/).filter(Boolean).slice(0, 8) : [];
  let q = db.selectFrom('people').selectAll().where('org_id', '=', orgId);
  for (const w of words) q = q.where(sql<boolean>`search_text like ${`%${escapeLike(w)}%`} escape '\\'`);
  if (f.role) q = q.where('role', '=', f.role);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb.or([eb('display_name', '>', name), eb.and([eb('display_name', '=', name), eb('id', '>', id)])]));
  }
  return q
    .orderBy('display_name')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

/**
 * Call first in a transaction that changes people: such a change also bumps the event sequence of
 * the company's admins, so two of them at once would lock the same rows in opposite orders
 * (deadlock), and two owners demoting each other could both pass the "another owner remains"
 * check. On PostgreSQL the company's row serialises them; SQLite already runs one writer at a time.
 */
export async function lockPeopleOfOrg(db: Executor, dialect: Dialect, orgId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.selectFrom('orgs').select('id').where('id', '=', orgId).forNoKeyUpdate().execute();
}

export async function countOwners(db: Executor, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
