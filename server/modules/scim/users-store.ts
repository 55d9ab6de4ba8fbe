import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { invalidValue } from './errors.js';
import { compileFilter, FALSE, TRUE, textCompare, type Cond, type FieldSpec, type SqlResolver } from './filter-sql.js';
import type { AttrPath, Filter } from './filter.js';
import { CORE_USER, ENTERPRISE_USER } from './urns.js';
import type { UserFacts } from './user-map.js';
import { isObject, type JsonObject } from './values.js';

/**
 * The SQL of SCIM Users: every person of the company is a User, except those a SCIM DELETE
 * removed (scim_users.deleted_at). Filters on userName, e-mail and externalId use indexes
 * (people (org_id, username), (org_id, email_normalized), person_links' key), since identity
 * providers look a person up that way before every create.
 */

export type UserRow = PeopleTable & { scim_attributes: string | null; scim_updated_at: number | null };

const userName = sql`coalesce(p.username, p.email, p.employee_id, p.id)`;
const lastModified = (dialect: Dialect) =>
  dialect === 'postgres' ? sql`greatest(p.updated_at, coalesce(su.updated_at, 0))` : sql`max(p.updated_at, coalesce(su.updated_at, 0))`;

/** The version (ETag) of a User: moves on every change of the person or of what SCIM keeps. */
export const userVersion = (r: Pick<UserRow, 'updated_at' | 'scim_updated_at'>): number =>
  Math.max(Number(r.updated_at), Number(r.scim_updated_at ?? 0));

/** Integrations' bots are no Users either: the identity provider neither sees nor changes them. */
function baseQuery(db: Executor, orgId: string) {
  return db
    .selectFrom('people as p')
    .leftJoin('scim_users as su', 'su.person_id', 'p.id')
    .where('p.org_id', '=', orgId)
    .where('p.is_bot', '=', 0)
    .where('su.deleted_at', 'is', null);
}

export async function findUserRow(db: Executor, orgId: string, id: string): Promise<UserRow | undefined> {
  return baseQuery(db, orgId)
    .selectAll('p')
    .select(['su.attributes as scim_attributes', 'su.updated_at as scim_updated_at'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** externalIds, manager names and kept attributes of a page of people, in two queries. */
export async function factsOf(db: Executor, orgId: string, rows: UserRow[]): Promise<UserFacts[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const managerIds = [...new Set(rows.map((r) => r.manager_id).filter((m): m is string => m !== null))];
  const [links, managers] = await Promise.all([
    db
      .selectFrom('person_links')
      .select(['person_id', 'external_key'])
      .where('org_id', '=', orgId)
      .where('source', '=', 'scim')
      .where('person_id', 'in', ids)
      .execute(),
    managerIds.length
      ? db.selectFrom('people').select(['id', 'display_name']).where('org_id', '=', orgId).where('id', 'in', managerIds).execute()
      : Promise.resolve([]),
  ]);
  const externalIds = new Map(links.map((l) => [l.person_id, l.external_key]));
  const names = new Map(managers.map((m) => [m.id, m.display_name]));
  return rows.map((r) => {
    const { scim_attributes, scim_updated_at, ...person } = r;
    void scim_updated_at;
    let extras: JsonObject = {};
    try {
      const parsed: unknown = JSON.parse(scim_attributes ?? '{}');
      if (isObject(parsed)) extras = parsed;
    } catch {
      /* a broken row shows no extras rather than failing the list */
    }
    return {
      person,
      externalId: externalIds.get(r.id) ?? null,
      extras,
      managerName: r.manager_id ? (names.get(r.manager_id) ?? null) : null,
    };
  });
}

const lower = (s: string | null) => (s ?? '').toLowerCase();

/** Conditions for each attribute path a User filter may use. */
function userResolver(orgId: string, dialect: Dialect): SqlResolver {
  const column = (expr: RawBuilder<unknown>, caseExact = false): FieldSpec => ({ kind: 'column', expr, type: 'string', caseExact });
  const oneValue = (col: RawBuilder<unknown>, type: string): Record<string, FieldSpec> => {
    const whenSet = (holds: boolean) => (holds ? sql<SqlBool>`${col} is not null` : FALSE);
    return {
      '': column(col),
      value: column(col),
      type: {
        kind: 'custom',
        type: 'string',
        compare: (op, v) =>
          whenSet(v !== null && (op === 'eq' ? lower(String(v)) === type : op === 'ne' ? lower(String(v)) !== type : false)),
        present: () => whenSet(true),
      },
      primary: {
        kind: 'custom',
        type: 'boolean',
        compare: (op, v) => whenSet((op === 'eq') === (v === true)),
        present: () => whenSet(true),
      },
      display: { kind: 'const', value: undefined },
    };
  };
  const emails = oneValue(sql`p.email_normalized`, 'work');
  emails[''] = emails.value = {
    kind: 'custom',
    type: 'string',
    compare: (op, v) =>
      op === 'eq' && typeof v === 'string'
        ? sql<SqlBool>`p.email_normalized = ${v.trim().toLowerCase()}`
        : v === null
          ? op === 'eq'
            ? sql<SqlBool>`p.email is null`
            : sql<SqlBool>`p.email is not null`
          : textCompare(sql`p.email_normalized`, false, op, String(v), dialect),
    present: () => sql<SqlBool>`p.email is not null`,
  };
  const phones = oneValue(sql`p.phone`, 'work');
  const linkOf = (cond: RawBuilder<unknown>): Cond =>
    sql<SqlBool>`exists (select 1 from person_links l where l.org_id = ${orgId} and l.source = 'scim' and l.person_id = p.id and ${cond})`;

  const fields: Record<string, FieldSpec> = {
    id: column(sql`p.id`, true),
    username: {
      kind: 'custom',
      type: 'string',
      compare: (op, v) => {
        if (op === 'eq' && typeof v === 'string') {
          const x = v.trim().toLowerCase();
          const raw = v.trim();
          // Identity providers ask this before every create: the person is found by a scalar
          // subquery, one unique-index lookup per branch, and the outer query takes them by id. An OR
          // of the branches would have the engines scan the whole company (SQLite keeps to the
          // outer org_id index). Should a username equal another person's shown employee id, the
          // username's holder is the one found.
          return sql<SqlBool>`p.id = (
            select q.id from people q where q.org_id = ${orgId} and q.username = ${x}
            union all select q.id from people q where q.org_id = ${orgId} and q.email_normalized = ${x} and q.username is null
            union all select q.id from people q where q.org_id = ${orgId} and q.employee_id = ${raw} and q.username is null and q.email is null
            union all select q.id from people q where q.org_id = ${orgId} and q.id = ${raw} and q.username is null and q.email is null and q.employee_id is null
            limit 1)`;
        }
        if (v === null) return op === 'ne' ? TRUE : FALSE;
        return textCompare(userName, false, op, String(v), dialect);
      },
      present: () => TRUE,
    },
    externalid: {
      kind: 'custom',
      type: 'string',
      compare: (op, v) => {
        if (op === 'eq' && typeof v === 'string') {
          // One person at most has it: taken by id (an IN would have SQLite scan the company).
          return sql<SqlBool>`p.id = (select l.person_id from person_links l where l.org_id = ${orgId} and l.source = 'scim' and l.external_key = ${v})`;
        }
        if (v === null) return op === 'eq' ? sql<SqlBool>`not ${linkOf(TRUE)}` : linkOf(TRUE);
        return op === 'ne'
          ? sql<SqlBool>`not ${linkOf(sql`l.external_key = ${String(v)}`)}`
          : linkOf(textCompare(sql`l.external_key`, true, op, String(v), dialect));
      },
      present: () => linkOf(TRUE),
    },
    displayname: column(sql`p.display_name`),
    'name.formatted': column(sql`p.display_name`),
    title: column(sql`p.title`),
    active: {
      kind: 'custom',
      type: 'boolean',
      compare: (op, v) => ((op === 'eq') === (v === true) ? sql<SqlBool>`p.status = 'active'` : sql<SqlBool>`p.status <> 'active'`),
      present: () => TRUE,
    },
    'meta.created': { kind: 'column', expr: sql`p.created_at`, type: 'date', caseExact: true },
    'meta.lastmodified': { kind: 'column', expr: lastModified(dialect), type: 'date', caseExact: true },
    'ext:employeenumber': {
      kind: 'custom',
      type: 'string',
      compare: (op, v) =>
        op === 'eq' && typeof v === 'string'
          ? sql<SqlBool>`p.employee_id = ${v.trim()}`
          : v === null
            ? op === 'eq'
              ? sql<SqlBool>`p.employee_id is null`
              : sql<SqlBool>`p.employee_id is not null`
            : textCompare(sql`p.employee_id`, false, op, String(v), dialect),
      present: () => sql<SqlBool>`p.employee_id is not null`,
    },
    'ext:department': column(sql`p.department`),
    'ext:manager': column(sql`p.manager_id`, true),
    'ext:manager.value': column(sql`p.manager_id`, true),
  };
  for (const [k, spec] of Object.entries(emails)) fields[k ? `emails.${k}` : 'emails'] = spec;
  for (const [k, spec] of Object.entries(phones)) fields[k ? `phonenumbers.${k}` : 'phonenumbers'] = spec;

  const keyOf = (p: AttrPath): string | null => {
    const uri = p.uri?.toLowerCase() ?? null;
    const prefix = uri === null || uri === CORE_USER.toLowerCase() ? '' : uri === ENTERPRISE_USER.toLowerCase() ? 'ext:' : null;
    return prefix === null ? null : `${prefix}${p.attr.toLowerCase()}${p.sub ? `.${p.sub.toLowerCase()}` : ''}`;
  };
  return {
    field: (p) => {
      const key = keyOf(p);
      return key ? (fields[key] ?? null) : null;
    },
    valuePath: (p, inner, compile) => {
      const key = keyOf({ ...p, sub: null });
      const items = key === 'emails' ? emails : key === 'phonenumbers' ? phones : null;
      if (!items) return null;
      const itemResolver: SqlResolver = {
        field: (q) => (q.uri || q.sub ? null : (items[q.attr.toLowerCase()] ?? null)),
        valuePath: () => null,
      };
      return sql<SqlBool>`(${presentOfItems(items)} and ${compile(inner, itemResolver)})`;
    },
  };
}

const presentOfItems = (items: Record<string, FieldSpec>): Cond => {
  const spec = items.type;
  return spec?.kind === 'custom' ? spec.present() : TRUE;
};

const SORTS: Record<string, (d: Dialect) => RawBuilder<unknown>> = {
  id: () => sql`p.id`,
  username: () => sql`lower(${userName})`,
  displayname: () => sql`lower(p.display_name)`,
  'name.formatted': () => sql`lower(p.display_name)`,
  emails: () => sql`p.email_normalized`,
  'emails.value': () => sql`p.email_normalized`,
  title: () => sql`lower(p.title)`,
  'meta.created': () => sql`p.created_at`,
  'meta.lastmodified': lastModified,
};

export interface UserListQuery {
  filter: Filter | null;
  startIndex: number;
  count: number;
  sortBy: string | null;
  descending: boolean;
}

export async function listUserRows(
  db: Executor,
  dialect: Dialect,
  orgId: string,
  q: UserListQuery,
): Promise<{ total: number; rows: UserRow[] }> {
  const where = q.filter ? compileFilter(q.filter, userResolver(orgId, dialect), dialect) : TRUE;
  let sortKey: RawBuilder<unknown> = sql`p.created_at`;
  if (q.sortBy) {
    const key = q.sortBy.replace(new RegExp(`^${CORE_USER}:`, 'i'), '').toLowerCase();
    const sort = SORTS[key];
    if (!sort) throw invalidValue(`sortBy: ${q.sortBy} is not an attribute Users can be sorted by.`);
    sortKey = sort(dialect);
  }
  const counted = await baseQuery(db, orgId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (q.count === 0 || q.startIndex > total) return { total, rows: [] };
  const direction = sql.raw(q.descending ? 'desc' : 'asc');
  const rows = await baseQuery(db, orgId)
    .selectAll('p')
    .select(['su.attributes as scim_attributes', 'su.updated_at as scim_updated_at'])
    .where(where)
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('p.id')
    .limit(q.count)
    .offset(q.startIndex - 1)
    .execute();
  return { total, rows };
}
