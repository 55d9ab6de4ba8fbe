import type { ImportMapping } from '../../../protocol/imports.js';
import { inTx, type AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { ImportsTable, PeopleTable } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { enqueueJob } from '../../jobs/queue.js';
import { personActor, recordAudit } from '../audit/record.js';
import { cleanFileName } from '../files/uploads.js';
import { issueAccessCodes, type IssuedCode } from '../identity/access-codes.js';
import { checkMapping, suggestColumns } from './columns.js';
import { IMPORT_JOB_ATTEMPTS, IMPORT_PREVIEW_JOB, IMPORT_RUN_JOB, type ImportJobPayload } from './jobs.js';
import { readTable, sampleOf } from './parse.js';
import { deleteRows, updateImport } from './store.js';

/** What admins do with an import: upload, choose columns, dry run, run, discard, issue access codes. */

const target = (imp: Pick<ImportsTable, 'id' | 'file_name'>) => ({ kind: 'import', id: imp.id, label: imp.file_name });
const busy = () => new AppError(409, 'import_running', 'This import is running; wait until it has finished.');

/** The import, locked for a change of state (PostgreSQL; SQLite has one writer). */
async function lockedImport(ctx: AppContext, trx: Trx, orgId: string, id: string): Promise<ImportsTable> {
  const imp = await trx
    .selectFrom('imports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!imp) throw notFound('No such import.');
  return imp;
}

export async function uploadImport(
  ctx: AppContext,
  admin: PeopleTable,
  file: { data: Buffer; filename: string },
  ip: string,
): Promise<ImportsTable> {
  const table = await readTable(file.data);
  const now = Date.now();
  const id = newId();
  const imp: ImportsTable = {
    id,
    org_id: admin.org_id,
    created_by: admin.id,
    created_at: now,
    updated_at: now,
    status: 'uploaded',
    file_name: cleanFileName(file.filename),
    byte_size: file.data.length,
    storage_key: `${admin.org_id}/imports/${id}`,
    format: table.shape.format,
    encoding: table.shape.encoding,
    delimiter: table.shape.delimiter,
    headers: JSON.stringify(table.headers),
    sample: JSON.stringify(sampleOf(table)),
    suggested: JSON.stringify(suggestColumns(table.headers)),
    total_rows: table.rows.length,
    mapping: null,
    phase: null,
    position: 0,
    job_step: 0,
    done: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: 0,
    deactivated: 0,
    invitations_sent: 0,
    error: null,
    finished_at: null,
  };
  // The bytes are read again by the jobs; kept until the import finishes or is discarded (pruning.ts).
  await ctx.blobs.put(imp.storage_key!, file.data);
  try {
    await inTx(ctx, async (trx) => {
      await trx.insertInto('imports').values(imp).execute();
      await recordAudit(trx, {
        orgId: admin.org_id,
        actor: personActor(admin),
        action: 'import.uploaded',
        target: target(imp),
        ip,
        details: { rows: imp.total_rows, format: imp.format, bytes: imp.byte_size },
      });
    });
  } catch (err) {
    await ctx.blobs.delete(imp.storage_key!).catch(() => undefined);
    throw err;
  }
  return imp;
}

export function saveMapping(ctx: AppContext, admin: PeopleTable, id: string, mapping: ImportMapping, ip: string): Promise<ImportsTable> {
  return inTx(ctx, async (trx) => {
    const imp = await lockedImport(ctx, trx, admin.org_id, id);
    if (imp.status === 'running') throw busy();
    if (imp.status === 'finished' || imp.phase !== null)
      throw new AppError(409, 'import_started', 'This import has already run; upload the file again to import it with other columns.');
    checkMapping(mapping, JSON.parse(imp.headers) as string[]);
    // A dry run of the earlier columns no longer says anything: its results go (and its job stops).
    await deleteRows(trx, admin.org_id, id);
    const changes: Partial<ImportsTable> = {
      mapping: JSON.stringify(mapping),
      status: 'mapped',
      job_step: imp.job_step + 1,
      done: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: 0,
      deactivated: 0,
      error: null,
    };
    await updateImport(trx, admin.org_id, id, changes);
    await recordAudit(trx, {
      orgId: admin.org_id,
      actor: personActor(admin),
      action: 'import.mapped',
      target: target(imp),
      ip,
      details: { columns: mapping.columns, options: mapping.options },
    });
    return { ...imp, ...changes };
  });
}

async function enqueue(trx: Trx, kind: string, imp: ImportsTable, step: number, ip: string): Promise<void> {
  const payload: ImportJobPayload = { orgId: imp.org_id, importId: imp.id, step, ip };
  await enqueueJob(trx, kind, payload, { orgId: imp.org_id, maxAttempts: IMPORT_JOB_ATTEMPTS });
}

function needsMapping(imp: ImportsTable): void {
  if (!imp.mapping) throw new AppError(409, 'mapping_required', 'Choose the columns first (PUT …/mapping).', { field: 'mapping' });
}

/** The dry run: every row checked against the company as it is, nothing written but the results. */
export function startPreview(ctx: AppContext, admin: PeopleTable, id: string, ip: string): Promise<ImportsTable> {
  return inTx(ctx, async (trx) => {
    const imp = await lockedImport(ctx, trx, admin.org_id, id);
    if (imp.status === 'running') throw busy();
    if (imp.status === 'finished' || imp.phase !== null)
      throw new AppError(409, 'import_started', 'This import has already run; its results are the real ones.');
    needsMapping(imp);
    const changes: Partial<ImportsTable> = { status: 'previewing', job_step: imp.job_step + 1, done: 0, error: null };
    await updateImport(trx, admin.org_id, id, changes);
    await enqueue(trx, IMPORT_PREVIEW_JOB, imp, imp.job_step + 1, ip);
    await recordAudit(trx, { orgId: admin.org_id, actor: personActor(admin), action: 'import.previewed', target: target(imp), ip });
    return { ...imp, ...changes };
  });
}

/** Starts the run, or resumes one that failed from where it stopped. */
export function startRun(ctx: AppContext, admin: PeopleTable, id: string, ip: string): Promise<ImportsTable> {
  return inTx(ctx, async (trx) => {
    const imp = await lockedImport(ctx, trx, admin.org_id, id);
    if (imp.status === 'running') throw busy();
    if (imp.status === 'finished')
      throw new AppError(409, 'import_finished', 'This import has finished; upload the file again to import it again.');
    needsMapping(imp);
    const resume = imp.status === 'failed' && imp.phase !== null;
    const step = imp.job_step + 1;
    const changes: Partial<ImportsTable> = resume
      ? { status: 'running', job_step: step, error: null }
      : {
          status: 'running',
          job_step: step,
          phase: 'people',
          position: 0,
          done: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          errors: 0,
          deactivated: 0,
          invitations_sent: 0,
          error: null,
        };
    // The dry run's results make way for the run's own.
    if (!resume) await deleteRows(trx, admin.org_id, id);
    await updateImport(trx, admin.org_id, id, changes);
    await enqueue(trx, IMPORT_RUN_JOB, imp, step, ip);
    const mapping = JSON.parse(imp.mapping!) as ImportMapping;
    await recordAudit(trx, {
      orgId: admin.org_id,
      actor: personActor(admin),
      action: 'import.started',
      target: target(imp),
      ip,
      details: { rows: imp.total_rows, ...mapping.options, ...(resume ? { resumed: true } : {}) },
    });
    return { ...imp, ...changes };
  });
}

export async function discardImport(ctx: AppContext, admin: PeopleTable, id: string, ip: string): Promise<void> {
  await inTx(ctx, async (trx, afterCommit) => {
    const imp = await lockedImport(ctx, trx, admin.org_id, id);
    if (imp.status === 'running') throw busy();
    await deleteRows(trx, admin.org_id, id);
    await trx.deleteFrom('imports').where('org_id', '=', admin.org_id).where('id', '=', id).execute();
    await recordAudit(trx, { orgId: admin.org_id, actor: personActor(admin), action: 'import.discarded', target: target(imp), ip });
    const key = imp.storage_key;
    if (key) afterCommit(() => ctx.blobs.delete(key).catch((err: unknown) => ctx.log.warn({ err }, 'import file delete failed')));
  });
}

/**
 * Access codes for the next (up to 500) people the import made without an e-mail. Codes are shown
 * once, so they are issued when an admin is there to print them, not by the run.
 */
export function issueImportCodes(
  ctx: AppContext,
  admin: PeopleTable,
  id: string,
  ip: string,
): Promise<{ issued: IssuedCode[]; remaining: number }> {
  return inTx(ctx, async (trx) => {
    const imp = await lockedImport(ctx, trx, admin.org_id, id);
    if (imp.status !== 'finished') throw new AppError(409, 'import_not_finished', 'Access codes are issued once the import has finished.');
    const rows = await trx
      .selectFrom('import_rows as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select(['r.row_no', 'r.person_id', 'p.status'])
      .where('r.import_id', '=', id)
      .where('r.org_id', '=', admin.org_id)
      .where('r.access', '=', 'code')
      .where('r.access_done', '=', 0)
      .orderBy('r.row_no')
      .limit(500)
      .execute();
    const ids = rows.filter((r) => r.status === 'active').map((r) => r.person_id!);
    const issued = ids.length ? await issueAccessCodes(ctx, trx, admin.org_id, ids, personActor(admin), ip) : [];
    if (rows.length)
      await trx
        .updateTable('import_rows')
        .set({ access_done: 1 })
        .where('import_id', '=', id)
        .where(
          'row_no',
          'in',
          rows.map((r) => r.row_no),
        )
        .execute();
    const left = await trx
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', id)
      .where('access', '=', 'code')
      .where('access_done', '=', 0)
      .executeTakeFirstOrThrow();
    return { issued, remaining: Number(left.n) };
  });
}
