import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/index.js';
import type { PeopleTable, ProfileFieldsTable } from '../../db/schema.js';
import { escapeLike, foldForSearch } from '../../lib/text.js';
import type { PeopleScope } from '../../policies/people.js';
import { skillKey } from '../people/store.js';

/**
 * Queries of profiles: the directory, the org chart, follows and company-defined fields. Every
 * list of people takes a `PeopleScope` from server/policies/people.ts, so what a viewer may not
 * see is never selected.
 */

/** The policy's scope as a condition on the people table (or its alias). */
function inScope(scope: PeopleScope, alias: string): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts = [sql`${col('org_id')} = ${scope.orgId}`];
  if (scope.onlyId) parts.push(sql`${col('id')} = ${scope.onlyId}`);
  if (!scope.includeDeactivated) parts.push(sql`${col('status')} = 'active'`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** After the last item of the previous page, in (name_key, id) order. */
function afterName(alias: string, after: [string, string] | null): RawBuilder<SqlBool> {
  if (!after) return sql<SqlBool>`1 = 1`;
  const [name, id] = after;
  const n = sql.ref(`${alias}.name_key`);
  const i = sql.ref(`${alias}.id`);
  return sql<SqlBool>`(${n} > ${name} or (${n} = ${name} and ${i} > ${id}))`;
}

export interface DirectoryFilter {
  q?: string | undefined;
  department?: string | undefined;
  location?: string | undefined;
  title?: string | undefined;
  skill?: string | undefined;
  status: 'active' | 'deactivated' | 'all';
  after: [string, string] | null;
  limit: number;
}

export function listDirectory(db: Executor, scope: PeopleScope, f: DirectoryFilter): Promise<PeopleTable[]> {
  const words = f.q ? foldForSearch(f.q).split(/\s+/).filter(Boolean).slice(0, 8) : [];
  let q = db.selectFrom('people as p').selectAll('p').where(inScope(scope, 'p'));
  for (const w of words) q = q.where(sql<SqlBool>`p.search_text like ${`%${escapeLike(w)}%`} escape '\\'`);
  if (f.department) q = q.where('p.department_key', '=', foldForSearch(f.department));
  if (f.location) q = q.where('p.location_key', '=', foldForSearch(f.location));
  if (f.title) q = q.where('p.title_key', '=', foldForSearch(f.title));
  if (f.skill) q = q.where('p.skills_key', 'like', `%|${escapeLike(skillKey(f.skill))}|%`);
  if (f.status !== 'all') q = q.where('p.status', '=', f.status);
  return q
    .where(afterName('p', f.after))
    .orderBy('p.name_key')
    .orderBy('p.id')
    .limit(f.limit + 1)
    .execute();
}

export interface Facet {
  value: string;
  count: number;
}

/** Distinct departments and locations among the active people in scope, with how many have each. */
export async function directoryFacets(db: Executor, scope: PeopleScope): Promise<{ departments: Facet[]; locations: Facet[] }> {
  const facet = async (key: 'department_key' | 'location_key', label: 'department' | 'location'): Promise<Facet[]> => {
    const rows = await db
      .selectFrom('people as p')
      .select((eb) => [eb.fn.min(`p.${label}`).as('value'), eb.fn.countAll<number>().as('n')])
      .where(inScope(scope, 'p'))
      .where('p.status', '=', 'active')
      .where(`p.${key}`, 'is not', null)
      .groupBy(`p.${key}`)
      .orderBy(`p.${key}`)
      .limit(500)
      .execute();
    return rows.map((r) => ({ value: String(r.value), count: Number(r.n) }));
  };
  return { departments: await facet('department_key', 'department'), locations: await facet('location_key', 'location') };
}

/**
 * The people above `personId`, nearest first, in one recursive query that walks the
 * (org_id, manager_id) index: `depth` 1 is the manager. Stops after `maxDepth` steps, so even
 * damaged data could not make it loop.
 */
/** Cycle checks walk the whole chain; this only bounds the walk should data ever be damaged. */
export const CHAIN_LIMIT_FOR_CYCLES = 100_000;

export async function managerChain(db: Executor, orgId: string, personId: string, maxDepth: number): Promise<PeopleTable[]> {
  const rows = await db
    .withRecursive('chain(id, manager_id, depth)', (qb) =>
      qb
        .selectFrom('people')
        .select(['people.id', 'people.manager_id', sql<number>`0`.as('depth')])
        .where('people.org_id', '=', orgId)
        .where('people.id', '=', personId)
        .unionAll((u) =>
          u
            .selectFrom('people as up')
            .innerJoin('chain', 'chain.manager_id', 'up.id')
            .select(['up.id', 'up.manager_id', sql<number>`chain.depth + 1`.as('depth')])
            .where('up.org_id', '=', orgId)
            .where('chain.depth', '<', maxDepth),
        ),
    )
    .selectFrom('chain')
    .innerJoin('people', 'people.id', 'chain.id')
    .selectAll('people')
    .select('chain.depth')
    .where('chain.depth', '>', 0)
    .orderBy('chain.depth')
    .execute();
  return rows.map(({ depth, ...person }) => (void depth, person));
}

export function listReports(
  db: Executor,
  scope: PeopleScope,
  managerId: string,
  after: [string, string] | null,
  limit: number,
): Promise<PeopleTable[]> {
  return db
    .selectFrom('people as p')
    .selectAll('p')
    .where(inScope(scope, 'p'))
    .where('p.manager_id', '=', managerId)
    .where(afterName('p', after))
    .orderBy('p.name_key')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
}

export async function countReports(db: Executor, scope: PeopleScope, managerId: string): Promise<number> {
  const r = await db
    .selectFrom('people as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inScope(scope, 'p'))
    .where('p.manager_id', '=', managerId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function employeeIdTaken(db: Executor, orgId: string, employeeId: string, exceptId: string): Promise<boolean> {
  const r = await db
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', orgId)
    .where('employee_id', '=', employeeId)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return !!r;
}

// Follows

/** True when a new follow was made; following twice (even at once) leaves one row. */
export async function insertFollow(db: Executor, orgId: string, followerId: string, followeeId: string): Promise<boolean> {
  const r = await db
    .insertInto('follows')
    .values({ org_id: orgId, follower_id: followerId, followee_id: followeeId, created_at: Date.now() })
    .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteFollow(db: Executor, orgId: string, followerId: string, followeeId: string): Promise<void> {
  await db
    .deleteFrom('follows')
    .where('org_id', '=', orgId)
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .execute();
}

export async function isFollowing(db: Executor, orgId: string, followerId: string, followeeId: string): Promise<boolean> {
  const r = await db
    .selectFrom('follows')
    .select('created_at')
    .where('org_id', '=', orgId)
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .executeTakeFirst();
  return !!r;
}

type Side = 'followers' | 'following';
/** `followers` of a person are the follower_id side of rows whose followee is the person; `following` the reverse. */
const sides = (side: Side) =>
  side === 'followers'
    ? ({ listed: 'f.follower_id', anchor: 'f.followee_id' } as const)
    : ({ listed: 'f.followee_id', anchor: 'f.follower_id' } as const);

export function listFollows(
  db: Executor,
  scope: PeopleScope,
  personId: string,
  side: Side,
  after: [string, string] | null,
  limit: number,
): Promise<PeopleTable[]> {
  const { listed, anchor } = sides(side);
  return db
    .selectFrom('follows as f')
    .innerJoin('people as p', 'p.id', listed)
    .selectAll('p')
    .where('f.org_id', '=', scope.orgId)
    .where(anchor, '=', personId)
    .where(inScope(scope, 'p'))
    .where(afterName('p', after))
    .orderBy('p.name_key')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
}

export async function countFollows(db: Executor, scope: PeopleScope, personId: string, side: Side): Promise<number> {
  const { listed, anchor } = sides(side);
  const r = await db
    .selectFrom('follows as f')
    .innerJoin('people as p', 'p.id', listed)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('f.org_id', '=', scope.orgId)
    .where(anchor, '=', personId)
    .where(inScope(scope, 'p'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// Company-defined profile fields

export const MAX_PROFILE_FIELDS = 50;

export function listProfileFields(db: Executor, orgId: string): Promise<ProfileFieldsTable[]> {
  return db.selectFrom('profile_fields').selectAll().where('org_id', '=', orgId).orderBy('position').orderBy('id').execute();
}

export function findProfileField(db: Executor, orgId: string, id: string): Promise<ProfileFieldsTable | undefined> {
  return db.selectFrom('profile_fields').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertProfileField(db: Executor, row: ProfileFieldsTable): Promise<void> {
  await db.insertInto('profile_fields').values(row).execute();
}

export async function updateProfileField(
  db: Executor,
  current: ProfileFieldsTable,
  changes: Partial<Pick<ProfileFieldsTable, 'label' | 'position' | 'visibility'>>,
): Promise<ProfileFieldsTable> {
  const next = { ...current, ...changes, updated_at: Date.now() };
  await db
    .updateTable('profile_fields')
    .set({ label: next.label, position: next.position, visibility: next.visibility, updated_at: next.updated_at })
    .where('org_id', '=', current.org_id)
    .where('id', '=', current.id)
    .execute();
  return next;
}

/** Removes the field and everyone's value of it. */
export async function deleteProfileField(db: Executor, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('person_field_values').where('org_id', '=', orgId).where('field_id', '=', id).execute();
  await db.deleteFrom('profile_fields').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function fieldValuesOf(db: Executor, orgId: string, personId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('person_field_values')
    .select(['field_id', 'value'])
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
  return new Map(rows.map((r) => [r.field_id, r.value]));
}

/** Sets (or, with null, removes) one person's values of the given fields. */
export async function writeFieldValues(db: Executor, orgId: string, personId: string, values: Map<string, string | null>): Promise<void> {
  const now = Date.now();
  for (const [fieldId, value] of values) {
    if (value === null) {
      await db
        .deleteFrom('person_field_values')
        .where('org_id', '=', orgId)
        .where('person_id', '=', personId)
        .where('field_id', '=', fieldId)
        .execute();
    } else {
      await db
        .insertInto('person_field_values')
        .values({ org_id: orgId, person_id: personId, field_id: fieldId, value, updated_at: now })
        .onConflict((oc) => oc.columns(['person_id', 'field_id']).doUpdateSet({ value, updated_at: now }))
        .execute();
    }
  }
}
