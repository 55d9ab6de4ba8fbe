import type { ImportColumns, ImportField, ImportMapping } from '../../../protocol/imports.js';
import type { Executor } from '../../db/index.js';
import type { ImportRowStatus, PeopleTable } from '../../db/schema.js';
import { attributeProblem, type PersonAttributes } from '../identity/provisioning.js';
import { normalizeEmail, normalizeUsername } from '../people/store.js';
import { matchValue, rowValues, type RowValues } from './columns.js';
import type { Table } from './parse.js';

/**
 * The plan of an import: what each row would do (create, update, unchanged, or an error naming the
 * field), decided for the whole file at once before anything is written, so a row is applied whole
 * or not at all and the dry run shows exactly what the run will do. Pure but for `loadPeople`.
 */
export type KnownPerson = Pick<
  PeopleTable,
  | 'id'
  | 'display_name'
  | 'email'
  | 'email_normalized'
  | 'username'
  | 'employee_id'
  | 'manager_id'
  | 'role'
  | 'status'
  | 'title'
  | 'department'
  | 'location'
  | 'phone'
  | 'frontline'
  | 'skills'
>;

/**
 * Everyone in the company, in the few columns a plan compares (tens of thousands of rows fit in
 * memory); never integrations' bots, which an import does not match, change or deactivate.
 */
export function loadPeople(db: Executor, orgId: string): Promise<KnownPerson[]> {
  return db
    .selectFrom('people')
    .select([
      'id',
      'display_name',
      'email',
      'email_normalized',
      'username',
      'employee_id',
      'manager_id',
      'role',
      'status',
      'title',
      'department',
      'location',
      'phone',
      'frontline',
      'skills',
    ])
    .where('org_id', '=', orgId)
    .where('is_bot', '=', 0)
    .execute();
}

export interface PlannedRow {
  row: number;
  cells: string[];
  status: ImportRowStatus;
  field: ImportField | null;
  message: string | null;
  values: RowValues;
  /** The value of the matching key. */
  key: string | undefined;
  /** The person the row is about, when they exist already. */
  person: KnownPerson | undefined;
  /** For an update: the attributes that differ (the manager apart). */
  changes: PersonAttributes;
  /** The manager the row asks for: a person's id, `row:<n>` for someone the file creates; undefined leaves it. */
  managerNode: string | undefined;
}

export interface Plan {
  rows: PlannedRow[];
  /** People the run would deactivate (deactivateMissing). */
  deactivate: string[];
}

const ATTRIBUTE_FIELDS: Record<string, ImportField> = {
  displayName: 'name',
  email: 'email',
  username: 'username',
  employeeId: 'employeeId',
  title: 'title',
  department: 'department',
  location: 'location',
  phone: 'phone',
};

const rowList = (rows: number[]): string =>
  rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;

const nodeOf = (r: PlannedRow): string => r.person?.id ?? `row:${r.row}`;

function fail(r: PlannedRow, field: ImportField, message: string): void {
  if (r.status === 'error') return;
  r.status = 'error';
  r.field = field;
  r.message = message;
}

export function makePlan(table: Table, mapping: ImportMapping, people: KnownPerson[], actorId: string): Plan {
  const cols = mapping.columns as ImportColumns;
  const match = mapping.options.match;
  const byId = new Map(people.map((p) => [p.id, p]));
  const byEmail = new Map(people.filter((p) => p.email_normalized).map((p) => [p.email_normalized!, p]));
  const byEmployeeId = new Map(people.filter((p) => p.employee_id).map((p) => [p.employee_id!, p]));
  const byUsername = new Map(people.filter((p) => p.username).map((p) => [p.username!, p]));

  const rows: PlannedRow[] = table.rows.map(({ row, cells }) => {
    const { values, problem } = rowValues(cells, table.headers, cols);
    const key = matchValue(values, match);
    let person = key === undefined ? undefined : match === 'email' ? byEmail.get(key) : byEmployeeId.get(key);
    // Someone invited by e-mail before the company's file had employee ids (or the other way
    // round) is found by the other key, as long as they do not have the matching key yet.
    if (!person && key !== undefined) {
      const other =
        match === 'employeeId'
          ? values.email && byEmail.get(normalizeEmail(values.email))
          : values.employeeId && byEmployeeId.get(values.employeeId.trim());
      if (other && !(match === 'employeeId' ? other.employee_id : other.email_normalized)) person = other;
    }
    const r: PlannedRow = {
      row,
      cells,
      status: 'create',
      field: null,
      message: null,
      values,
      key,
      person,
      changes: {},
      managerNode: undefined,
    };
    if (problem) fail(r, problem.field, problem.message);
    if (key === undefined) fail(r, match, `is empty: people are matched by ${match === 'email' ? 'e-mail' : 'employee id'}`);
    if (!values.name) fail(r, cols.name ? 'name' : cols.firstName ? 'firstName' : 'lastName', 'is required');
    const why = attributeProblem({
      displayName: values.name,
      email: values.email,
      username: values.username,
      employeeId: values.employeeId,
      title: values.title,
      department: values.department,
      location: values.location,
      phone: values.phone,
    });
    if (why) fail(r, ATTRIBUTE_FIELDS[why.field] ?? 'name', why.message);
    if (values.manager && values.manager.length > 254) fail(r, 'manager', 'is not an employee id or an e-mail address');
    return r;
  });

  // The same employee id, e-mail or username on two rows: neither can be right, so both are errors.
  const uniques: Array<[ImportField, (v: RowValues) => string | undefined]> = [
    ['employeeId', (v) => v.employeeId],
    ['email', (v) => (v.email ? normalizeEmail(v.email) : undefined)],
    ['username', (v) => (v.username ? normalizeUsername(v.username) : undefined)],
  ];
  for (const [field, valueOf] of uniques) {
    const holders = new Map<string, number[]>();
    for (const r of rows) {
      const v = valueOf(r.values);
      if (v !== undefined) holders.set(v, [...(holders.get(v) ?? []), r.row]);
    }
    for (const r of rows) {
      const v = valueOf(r.values);
      const on = v === undefined ? [] : (holders.get(v) ?? []);
      if (on.length > 1) fail(r, field, `"${v}" is also on ${rowList(on.filter((n) => n !== r.row))} of the file`);
    }
  }

  // Against the company: a deactivated match, or a value someone else already has.
  for (const r of rows) {
    if (r.status === 'error') continue;
    if (r.person?.status === 'deactivated') {
      fail(r, match, `matches ${r.person.display_name}, who is deactivated: reactivate them first`);
      continue;
    }
    const checks: Array<[ImportField, string | undefined, Map<string, KnownPerson>]> = [
      ['email', r.values.email ? normalizeEmail(r.values.email) : undefined, byEmail],
      ['username', r.values.username ? normalizeUsername(r.values.username) : undefined, byUsername],
      ['employeeId', r.values.employeeId, byEmployeeId],
    ];
    for (const [field, v, index] of checks) {
      const holder = v === undefined ? undefined : index.get(v);
      if (holder && holder.id !== r.person?.id) fail(r, field, `"${v}" already belongs to ${holder.display_name}`);
    }
  }

  resolveManagers(rows, people, byId, byEmail, byEmployeeId);

  for (const r of rows) {
    if (r.status === 'error') continue;
    if (!r.person) continue;
    const changed = diff(r, actorId);
    r.status = changed.length ? 'update' : 'unchanged';
    r.message = changed.length ? changed.join(', ') : null;
  }

  let deactivate: string[] = [];
  if (mapping.options.deactivateMissing) {
    const listed = new Set<string>();
    for (const r of rows) {
      if (r.person) listed.add(r.person.id);
      if (r.managerNode && !r.managerNode.startsWith('row:')) listed.add(r.managerNode);
    }
    deactivate = people
      .filter(
        (p) =>
          p.status === 'active' &&
          (p.role === 'member' || p.role === 'guest') &&
          p.id !== actorId &&
          !listed.has(p.id) &&
          (match === 'email' ? p.email_normalized : p.employee_id),
      )
      .map((p) => p.id);
  }
  return { rows, deactivate };
}

/**
 * Finds each row's manager (in the file first, then in the company), refuses deactivated managers,
 * guests, oneself and loops through the org chart as it would be after the import; repeated until
 * stable, since a manager's row found in error leaves its reports without a manager to point to.
 */
function resolveManagers(
  rows: PlannedRow[],
  people: KnownPerson[],
  byId: Map<string, KnownPerson>,
  byEmail: Map<string, KnownPerson>,
  byEmployeeId: Map<string, KnownPerson>,
): void {
  for (let round = 0; round < 50; round++) {
    let failed = 0;
    const fileByEmail = new Map<string, PlannedRow>();
    const fileByEmployeeId = new Map<string, PlannedRow>();
    const errorRows = new Map<string, number>();
    for (const r of rows) {
      const email = r.values.email ? normalizeEmail(r.values.email) : undefined;
      const eid = r.values.employeeId;
      if (r.status === 'error') {
        if (email && !errorRows.has(email)) errorRows.set(email, r.row);
        if (eid && !errorRows.has(eid)) errorRows.set(eid, r.row);
        continue;
      }
      if (email) fileByEmail.set(email, r);
      if (eid) fileByEmployeeId.set(eid, r);
    }
    for (const r of rows) {
      r.managerNode = undefined;
      const ref = r.values.manager;
      if (r.status === 'error' || !ref) continue;
      const byMail = ref.includes('@');
      const refKey = byMail ? normalizeEmail(ref) : ref;
      const inFile = byMail ? fileByEmail.get(refKey) : fileByEmployeeId.get(refKey);
      const known = inFile ? undefined : byMail ? byEmail.get(refKey) : byEmployeeId.get(refKey);
      let node: string | undefined;
      let role: string | undefined;
      if (inFile) {
        node = nodeOf(inFile);
        role = inFile.values.role ?? inFile.person?.role ?? 'member';
      } else if (known) {
        node = known.id;
        role = known.role;
        if (known.status !== 'active') {
          fail(r, 'manager', `${known.display_name} is deactivated`);
          failed++;
          continue;
        }
      } else {
        const errorRow = errorRows.get(refKey);
        fail(
          r,
          'manager',
          errorRow
            ? `"${ref}" is on row ${errorRow}, which has an error`
            : `no one in the file or the company has the ${byMail ? 'e-mail' : 'employee id'} "${ref}"`,
        );
        failed++;
        continue;
      }
      if (node === nodeOf(r)) {
        fail(r, 'manager', 'cannot be the person themselves');
        failed++;
      } else if (role === 'guest') {
        fail(r, 'manager', `"${ref}" is a guest`);
        failed++;
      } else r.managerNode = node;
    }
    failed += refuseLoops(rows, people, byId);
    if (failed === 0) return;
  }
}

/** Marks the rows whose manager closes a loop in the org chart as it would be; returns how many. */
function refuseLoops(rows: PlannedRow[], people: KnownPerson[], byId: Map<string, KnownPerson>): number {
  const next = new Map<string, string>();
  for (const p of people) if (p.manager_id) next.set(p.id, p.manager_id);
  const fromFile = new Map<string, PlannedRow>();
  for (const r of rows) {
    if (r.status === 'error' || !r.managerNode) continue;
    next.set(nodeOf(r), r.managerNode);
    fromFile.set(nodeOf(r), r);
  }
  const nameOf = (node: string) =>
    fromFile.get(node)?.values.name ?? byId.get(node)?.display_name ?? rows.find((r) => nodeOf(r) === node)?.values.name ?? node;
  const state = new Map<string, 'walking' | 'done'>();
  let failed = 0;
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !state.has(node)) {
      state.set(node, 'walking');
      path.push(node);
      node = next.get(node);
    }
    if (node !== undefined && state.get(node) === 'walking') {
      const loop = path.slice(path.indexOf(node));
      loop.forEach((n, i) => {
        const r = fromFile.get(n);
        if (!r) return;
        // Told from the row's own person: "Ann → Bob → Ann".
        const names = [...loop.slice(i), ...loop.slice(0, i), n].map(nameOf).join(' → ');
        fail(r, 'manager', `would make a loop in the org chart: ${names}`);
        failed++;
      });
    }
    for (const n of path) state.set(n, 'done');
  }
  return failed;
}

/** The fields an update would change (the role is never changed for owners or the admin importing). */
function diff(r: PlannedRow, actorId: string): string[] {
  const p = r.person!;
  const v = r.values;
  const changes: PersonAttributes = {};
  const changed: string[] = [];
  const differs = (field: ImportField, next: string | undefined, current: string | null) => {
    if (next !== undefined && next !== current) changed.push(field);
    return next !== undefined && next !== current;
  };
  if (differs('name', v.name, p.display_name)) changes.displayName = v.name;
  // The same address in other capitals is the same address: not worth a change.
  const email = v.email !== undefined && normalizeEmail(v.email) === p.email_normalized ? (p.email ?? undefined) : v.email;
  if (differs('email', email, p.email)) changes.email = email;
  if (differs('username', v.username ? normalizeUsername(v.username) : undefined, p.username)) changes.username = v.username;
  if (differs('employeeId', v.employeeId, p.employee_id)) changes.employeeId = v.employeeId;
  if (differs('title', v.title, p.title)) changes.title = v.title;
  if (differs('department', v.department, p.department)) changes.department = v.department;
  if (differs('location', v.location, p.location)) changes.location = v.location;
  if (differs('phone', v.phone, p.phone)) changes.phone = v.phone;
  if (v.role !== undefined && v.role !== p.role && p.role !== 'owner' && p.id !== actorId) {
    changes.role = v.role;
    changed.push('role');
  }
  if (v.frontline !== undefined && (v.frontline ? 1 : 0) !== p.frontline) {
    changes.frontline = v.frontline;
    changed.push('frontline');
  }
  if (r.managerNode !== undefined && r.managerNode !== p.manager_id) changed.push('manager');
  r.changes = changes;
  return changed;
}
