import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/index.js';
import { invalidValue } from './errors.js';
import { compileFilter, TRUE, textCompare, type FieldSpec, type SqlResolver } from './filter-sql.js';
import type { AttrPath, Filter } from './filter.js';
import { CORE_GROUP } from './urns.js';

/** The SQL of SCIM Groups: the groups SCIM made (scim_groups), with their members. */

export interface GroupRow {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
  external_id: string | null;
  scim_updated_at: number;
}

export interface MemberRow {
  group_id: string;
  person_id: string;
  display_name: string;
}

export const groupVersion = (r: Pick<GroupRow, 'updated_at' | 'scim_updated_at'>): number =>
  Math.max(Number(r.updated_at), Number(r.scim_updated_at));

const lastModified = (dialect: Dialect) =>
  dialect === 'postgres' ? sql`greatest(g.updated_at, sg.updated_at)` : sql`max(g.updated_at, sg.updated_at)`;

function baseQuery(db: Executor, orgId: string) {
  return db.selectFrom('scim_groups as sg').innerJoin('groups as g', 'g.id', 'sg.group_id').where('sg.org_id', '=', orgId);
}

const COLUMNS = ['g.id', 'g.name', 'g.created_at', 'g.updated_at', 'sg.external_id', 'sg.updated_at as scim_updated_at'] as const;

export function findGroupRow(db: Executor, orgId: string, id: string): Promise<GroupRow | undefined> {
  return baseQuery(db, orgId).select(COLUMNS).where('g.id', '=', id).executeTakeFirst();
}

/**
 * Members that are SCIM Users (people a SCIM DELETE removed are left out), oldest first.
 * Integrations' bots are no Users either, so a members "replace" from the provider leaves them in.
 */
export function membersOf(db: Executor, orgId: string, groupIds: string[]): Promise<MemberRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('scim_users as su', 'su.person_id', 'm.person_id')
    .select(['m.group_id', 'm.person_id', 'p.display_name'])
    .where('m.org_id', '=', orgId)
    .where('m.group_id', 'in', groupIds)
    .where('p.is_bot', '=', 0)
    .where('su.deleted_at', 'is', null)
    .orderBy('m.joined_at')
    .orderBy('m.person_id')
    .execute();
}

/** Of these ids, those that are SCIM Users of the company. */
export async function existingUsers(db: Executor, orgId: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('people as p')
      .leftJoin('scim_users as su', 'su.person_id', 'p.id')
      .select('p.id')
      .where('p.org_id', '=', orgId)
      .where('p.id', 'in', ids.slice(i, i + 500))
      .where('p.is_bot', '=', 0)
      .where('su.deleted_at', 'is', null)
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

function groupResolver(orgId: string, dialect: Dialect): SqlResolver {
  const column = (expr: RawBuilder<unknown>, caseExact = false): FieldSpec => ({ kind: 'column', expr, type: 'string', caseExact });
  const memberExists = (cond: RawBuilder<unknown>) =>
    sql<SqlBool>`exists (select 1 from group_members m join people mp on mp.id = m.person_id
      where m.org_id = ${orgId} and m.group_id = g.id and mp.is_bot = 0 and ${cond})`;
  const memberValue: FieldSpec = {
    kind: 'custom',
    type: 'string',
    compare: (op, v) =>
      v === null ? sql<SqlBool>`not ${memberExists(TRUE)}` : memberExists(textCompare(sql`m.person_id`, true, op, String(v), dialect)),
    present: () => memberExists(TRUE),
  };
  const fields: Record<string, FieldSpec> = {
    id: column(sql`g.id`, true),
    displayname: column(sql`g.name`),
    externalid: column(sql`sg.external_id`, true),
    members: memberValue,
    'members.value': memberValue,
    'members.display': {
      kind: 'custom',
      type: 'string',
      compare: (op, v) => memberExists(textCompare(sql`mp.display_name`, false, op, String(v ?? ''), dialect)),
      present: () => memberExists(TRUE),
    },
    'meta.created': { kind: 'column', expr: sql`sg.created_at`, type: 'date', caseExact: true },
    'meta.lastmodified': { kind: 'column', expr: lastModified(dialect), type: 'date', caseExact: true },
  };
  const keyOf = (p: AttrPath) =>
    p.uri && p.uri.toLowerCase() !== CORE_GROUP.toLowerCase() ? null : `${p.attr.toLowerCase()}${p.sub ? `.${p.sub.toLowerCase()}` : ''}`;
  return {
    field: (p) => {
      const key = keyOf(p);
      return key ? (fields[key] ?? null) : null;
    },
    valuePath: (p, inner, compile) => {
      if (keyOf({ ...p, sub: null }) !== 'members') return null;
      const item: SqlResolver = {
        field: (q) => {
          if (q.uri || q.sub) return null;
          const name = q.attr.toLowerCase();
          if (name === 'value') return column(sql`m.person_id`, true);
          if (name === 'display') return column(sql`mp.display_name`);
          if (name === 'type') return { kind: 'const', value: 'User' };
          return null;
        },
        valuePath: () => null,
      };
      return memberExists(compile(inner, item));
    },
  };
}

const SORTS: Record<string, (d: Dialect) => RawBuilder<unknown>> = {
  id: () => sql`g.id`,
  displayname: () => sql`lower(g.name)`,
  externalid: () => sql`sg.external_id`,
  'meta.created': () => sql`sg.created_at`,
  'meta.lastmodified': lastModified,
};

export interface GroupListQuery {
  filter: Filter | null;
  startIndex: number;
  count: number;
  sortBy: string | null;
  descending: boolean;
}

export async function listGroupRows(
  db: Executor,
  dialect: Dialect,
  orgId: string,
  q: GroupListQuery,
): Promise<{ total: number; rows: GroupRow[] }> {
  const where = q.filter ? compileFilter(q.filter, groupResolver(orgId, dialect), dialect) : TRUE;
  let sortKey: RawBuilder<unknown> = sql`sg.created_at`;
  if (q.sortBy) {
    const sort = SORTS[q.sortBy.replace(new RegExp(`^${CORE_GROUP}:`, 'i'), '').toLowerCase()];
    if (!sort) throw invalidValue(`sortBy: ${q.sortBy} is not an attribute Groups can be sorted by.`);
    sortKey = sort(dialect);
  }
  const counted = await baseQuery(db, orgId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (q.count === 0 || q.startIndex > total) return { total, rows: [] };
  const rows = await baseQuery(db, orgId)
    .select(COLUMNS)
    .where(where)
    .orderBy(sql`${sortKey} ${sql.raw(q.descending ? 'desc' : 'asc')}`)
    .orderBy('g.id')
    .limit(q.count)
    .offset(q.startIndex - 1)
    .execute();
  return { total, rows };
}
