import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect } from '../../db/index.js';
import { escapeLike } from '../../lib/text.js';
import { invalidFilter } from './errors.js';
import type { AttrPath, CompareOp, Filter, FilterValue } from './filter.js';

/**
 * A parsed filter as SQL, through a resource's resolver: each attribute path becomes a column,
 * a constant, or a condition of the resource's own making (an EXISTS for externalId or members).
 * Case-insensitive attributes compare lower-cased on both engines (SQLite's LIKE would be, and
 * PostgreSQL's would not).
 */
export type Cond = RawBuilder<SqlBool>;

export type FieldSpec =
  /** A text or number column (dates are epoch ms; the filter gives ISO 8601). */
  | { kind: 'column'; expr: RawBuilder<unknown>; type: 'string' | 'date'; caseExact: boolean }
  /** A value known without the database (e.g. the type of the one e-mail kept); undefined: absent. */
  | { kind: 'const'; value: FilterValue | undefined }
  /** Anything else: the resource builds the condition. */
  | { kind: 'custom'; type: 'string' | 'boolean'; compare: (op: CompareOp, value: FilterValue) => Cond; present: () => Cond };

export interface SqlResolver {
  field(path: AttrPath): FieldSpec | null;
  /** `attr[filter]`: some value of the multi-valued attribute matches; null when attr is not one. */
  valuePath(path: AttrPath, inner: Filter, compile: (f: Filter, r: SqlResolver) => Cond): Cond | null;
}

export const TRUE: Cond = sql<SqlBool>`1 = 1`;
export const FALSE: Cond = sql<SqlBool>`1 = 0`;

const pathText = (p: AttrPath) => `${p.uri ? `${p.uri}:` : ''}${p.attr}${p.sub ? `.${p.sub}` : ''}`;

export function compileFilter(f: Filter, r: SqlResolver, dialect: Dialect): Cond {
  const compile = (g: Filter, res: SqlResolver): Cond => compileFilter(g, res, dialect);
  switch (f.kind) {
    case 'and':
      return sql<SqlBool>`(${compile(f.left, r)} and ${compile(f.right, r)})`;
    case 'or':
      return sql<SqlBool>`(${compile(f.left, r)} or ${compile(f.right, r)})`;
    case 'not':
      return sql<SqlBool>`not (${compile(f.filter, r)})`;
    case 'valuePath': {
      const c = r.valuePath(f.path, f.filter, compile);
      if (!c) throw invalidFilter(`${pathText(f.path)} is not a multi-valued attribute that can be filtered here.`);
      return c;
    }
    case 'present':
    case 'compare': {
      const spec = r.field(f.path);
      if (!spec) throw invalidFilter(`${pathText(f.path)} is not an attribute that can be filtered on.`);
      if (f.kind === 'present') return presentOf(spec);
      return compareOf(spec, f.op, f.value, dialect, pathText(f.path));
    }
  }
}

function presentOf(spec: FieldSpec): Cond {
  if (spec.kind === 'const') return spec.value === undefined || spec.value === null || spec.value === '' ? FALSE : TRUE;
  if (spec.kind === 'custom') return spec.present();
  return spec.type === 'string' ? sql<SqlBool>`(${spec.expr} is not null and ${spec.expr} <> '')` : sql<SqlBool>`${spec.expr} is not null`;
}

function constCompare(actual: FilterValue | undefined, op: CompareOp, value: FilterValue): boolean {
  if (value === null) return op === 'eq' ? actual == null : op === 'ne' ? actual != null : false;
  if (actual === undefined || actual === null) return op === 'ne';
  const a = String(actual).toLowerCase();
  const e = String(value).toLowerCase();
  const results: Record<CompareOp, boolean> = {
    eq: a === e,
    ne: a !== e,
    co: a.includes(e),
    sw: a.startsWith(e),
    ew: a.endsWith(e),
    gt: a > e,
    lt: a < e,
    ge: a >= e,
    le: a <= e,
  };
  return results[op];
}

function compareOf(spec: FieldSpec, op: CompareOp, value: FilterValue, dialect: Dialect, name: string): Cond {
  if (spec.kind === 'const') return constCompare(spec.value, op, value) ? TRUE : FALSE;
  if (spec.kind === 'custom') {
    if (spec.type === 'boolean' && value !== null && typeof value !== 'boolean')
      throw invalidFilter(`${name} compares with true or false.`);
    if (spec.type === 'boolean' && op !== 'eq' && op !== 'ne') throw invalidFilter(`${name} takes eq or ne.`);
    if (spec.type === 'string' && typeof value === 'boolean') throw invalidFilter(`${name} compares with text.`);
    return spec.compare(op, value);
  }
  const e = spec.expr;
  if (value === null) {
    if (op === 'eq') return sql<SqlBool>`${e} is null`;
    if (op === 'ne') return sql<SqlBool>`${e} is not null`;
    throw invalidFilter(`${name}: only eq and ne compare with null.`);
  }
  if (spec.type === 'date') {
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(ms)) throw invalidFilter(`${name} compares with a date and time such as "2024-05-01T00:00:00Z".`);
    const ops: Partial<Record<CompareOp, string>> = { eq: '=', ne: '<>', gt: '>', lt: '<', ge: '>=', le: '<=' };
    const sqlOp = ops[op];
    if (!sqlOp) throw invalidFilter(`${name}: ${op} does not apply to a date.`);
    return sql<SqlBool>`${e} ${sql.raw(sqlOp)} ${sql.lit(ms)}`;
  }
  if (typeof value === 'boolean') throw invalidFilter(`${name} compares with text.`);
  return textCompare(e, spec.caseExact, op, String(value), dialect);
}

/** Text comparison; also used by resolvers for their own expressions. */
export function textCompare(expr: RawBuilder<unknown>, caseExact: boolean, op: CompareOp, value: string, dialect: Dialect): Cond {
  const e = caseExact ? expr : sql`lower(${expr})`;
  const v = caseExact ? value : value.toLowerCase();
  switch (op) {
    case 'eq':
      return sql<SqlBool>`${e} = ${v}`;
    case 'ne':
      return sql<SqlBool>`(${e} is null or ${e} <> ${v})`;
    case 'gt':
      return sql<SqlBool>`${e} > ${v}`;
    case 'lt':
      return sql<SqlBool>`${e} < ${v}`;
    case 'ge':
      return sql<SqlBool>`${e} >= ${v}`;
    case 'le':
      return sql<SqlBool>`${e} <= ${v}`;
  }
  if (!caseExact) {
    const pattern = op === 'co' ? `%${escapeLike(v)}%` : op === 'sw' ? `${escapeLike(v)}%` : `%${escapeLike(v)}`;
    return sql<SqlBool>`${e} like ${pattern} escape '\\'`;
  }
  // Case-exact: SQLite's LIKE ignores case, so compare the characters themselves.
  const position = dialect === 'postgres' ? sql`strpos(${e}, ${v})` : sql`instr(${e}, ${v})`;
  if (op === 'co') return sql<SqlBool>`${position} > 0`;
  const n = sql.lit(v.length);
  if (op === 'sw') return sql<SqlBool>`substr(${e}, 1, ${n}) = ${v}`;
  return sql<SqlBool>`(length(${e}) >= ${n} and substr(${e}, length(${e}) - ${n} + 1) = ${v})`;
}
