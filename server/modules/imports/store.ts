import type { Import, ImportColumns, ImportMapping, ImportRow } from '../../../protocol/imports.js';
import type { Executor } from '../../db/index.js';
import type { ImportRowsTable, ImportsTable } from '../../db/schema.js';
import { iso } from '../people/present.js';

/** The only code that reads or writes imports and import_rows. Every function takes the company. */

export function findImport(db: Executor, orgId: string, id: string): Promise<ImportsTable | undefined> {
  return db.selectFrom('imports').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function listImports(db: Executor, orgId: string, before: [number, string] | null, limit: number): Promise<ImportsTable[]> {
  let q = db.selectFrom('imports').selectAll().where('org_id', '=', orgId);
  if (before)
    q = q.where((eb) => eb.or([eb('created_at', '<', before[0]), eb.and([eb('created_at', '=', before[0]), eb('id', '<', before[1])])]));
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function updateImport(db: Executor, orgId: string, id: string, changes: Partial<ImportsTable>): Promise<void> {
  await db
    .updateTable('imports')
    .set({ ...changes, updated_at: Date.now() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Many rows per statement, within both engines' limits on bound values. */
export async function insertRows(db: Executor, rows: ImportRowsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('import_rows')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function deleteRows(db: Executor, orgId: string, importId: string): Promise<void> {
  await db.deleteFrom('import_rows').where('org_id', '=', orgId).where('import_id', '=', importId).execute();
}

export function listRows(
  db: Executor,
  orgId: string,
  importId: string,
  filter: { status?: ImportRowsTable['status'] | undefined; after: number | null; limit: number },
): Promise<ImportRowsTable[]> {
  let q = db.selectFrom('import_rows').selectAll().where('org_id', '=', orgId).where('import_id', '=', importId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.after !== null) q = q.where('row_no', '>', filter.after);
  return q
    .orderBy('row_no')
    .limit(filter.limit + 1)
    .execute();
}

export async function countAccess(db: Executor, orgId: string, importId: string): Promise<{ toIssue: number; issued: number }> {
  const rows = await db
    .selectFrom('import_rows')
    .select(['access_done', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('import_id', '=', importId)
    .where('access', '=', 'code')
    .groupBy('access_done')
    .execute();
  const n = (done: number) => Number(rows.find((r) => Number(r.access_done) === done)?.n ?? 0);
  return { toIssue: n(0), issued: n(1) };
}

export const parseMapping = (imp: Pick<ImportsTable, 'mapping'>): ImportMapping | null =>
  imp.mapping ? (JSON.parse(imp.mapping) as ImportMapping) : null;

export async function presentImport(db: Executor, imp: ImportsTable): Promise<Import> {
  const creator = await db.selectFrom('people').select(['id', 'display_name']).where('id', '=', imp.created_by).executeTakeFirst();
  const codes = await countAccess(db, imp.org_id, imp.id);
  const phase = imp.phase;
  return {
    id: imp.id,
    status: imp.status,
    fileName: imp.file_name,
    byteSize: Number(imp.byte_size),
    format: imp.format,
    encoding: imp.encoding,
    delimiter: imp.delimiter,
    headers: JSON.parse(imp.headers) as string[],
    sample: JSON.parse(imp.sample) as string[][],
    totalRows: imp.total_rows,
    suggested: JSON.parse(imp.suggested) as Record<string, string>,
    mapping: parseMapping(imp),
    dryRun: imp.status !== 'running' && imp.status !== 'finished' && !(imp.status === 'failed' && phase !== null),
    phase,
    progress: { done: imp.done, total: imp.total_rows },
    counts: { create: imp.created, update: imp.updated, unchanged: imp.unchanged, error: imp.errors, deactivate: imp.deactivated },
    access: { invitationsSent: imp.invitations_sent, codesToIssue: codes.toIssue, codesIssued: codes.issued },
    error: imp.error,
    createdBy: { id: imp.created_by, displayName: creator?.display_name ?? '' },
    createdAt: iso(Number(imp.created_at)),
    updatedAt: iso(Number(imp.updated_at)),
    finishedAt: imp.finished_at === null ? null : iso(Number(imp.finished_at)),
  };
}

/** The column a row's field came from ("First name + Last name" for a composed name). */
export function columnOf(columns: ImportColumns | undefined, field: string | null): string | null {
  if (!columns || !field) return null;
  if (field === 'name' && !columns.name) return [columns.firstName, columns.lastName].filter(Boolean).join(' + ') || null;
  return columns[field as keyof ImportColumns] ?? null;
}

export const presentRow = (r: ImportRowsTable, columns: ImportColumns | undefined): ImportRow => ({
  row: r.row_no,
  status: r.status,
  field: r.field,
  column: columnOf(columns, r.field),
  message: r.message,
  personId: r.person_id,
  name: r.name,
  key: r.match_key,
});
