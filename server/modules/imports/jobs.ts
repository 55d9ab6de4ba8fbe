import { buffer } from 'node:stream/consumers';
import { inTx, type AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { ImportsTable } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/queue.js';
import { personActor, recordAudit } from '../audit/record.js';
import { readTable } from './parse.js';
import { accessBatch, deactivateBatch, managersBatch, peopleBatch, Superseded, type Run } from './phases.js';
import { loadPeople, makePlan, type Plan } from './plan.js';
import { deleteRows, findImport, insertRows, parseMapping, updateImport } from './store.js';

/**
 * The durable jobs of an import. A dry run is one job; a run is a chain: each job works through
 * batches for up to JOB_BUDGET_MS (well inside the queue's 60 s lease) and hands over to the next
 * job in the transaction that bumps `job_step`, so a job is never taken over while it works, and
 * a job that died resumes (through the queue's retry) from the last committed batch.
 */
export const IMPORT_PREVIEW_JOB = 'imports.preview';
export const IMPORT_RUN_JOB = 'imports.run';
export const IMPORT_JOB_ATTEMPTS = 6;
const JOB_BUDGET_MS = 20_000;
const MAX_BATCHES_PER_JOB = 50;
const PREVIEW_CHUNK = 1000;

export interface ImportJobPayload {
  orgId: string;
  importId: string;
  step: number;
  ip: string | null;
}

/** The file read again and planned against the company as it is now. */
async function planOf(ctx: AppContext, imp: ImportsTable): Promise<Plan> {
  const mapping = parseMapping(imp);
  if (!mapping) throw new Error('the import has no column mapping');
  if (!imp.storage_key) throw new Error("the import's file is gone");
  const table = await readTable(await buffer(await ctx.blobs.get(imp.storage_key)));
  return makePlan(table, mapping, await loadPeople(ctx.db, imp.org_id), imp.created_by);
}

async function actorOf(ctx: AppContext, imp: ImportsTable) {
  const p = await ctx.db.selectFrom('people').select(['id', 'display_name']).where('id', '=', imp.created_by).executeTakeFirstOrThrow();
  return personActor(p);
}

/** After the last attempt, the import says why it stopped (a new run resumes where it was). */
async function markFailed(ctx: AppContext, imp: ImportsTable, step: number, ip: string | null, err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  const actor = await actorOf(ctx, imp);
  await inTx(ctx, async (trx) => {
    const res = await trx
      .updateTable('imports')
      .set({ status: 'failed', error: message.slice(0, 1000), updated_at: Date.now() })
      .where('id', '=', imp.id)
      .where('job_step', '=', step)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return;
    await recordAudit(trx, {
      orgId: imp.org_id,
      actor,
      action: 'import.failed',
      target: { kind: 'import', id: imp.id, label: imp.file_name },
      ip,
      details: { phase: imp.phase, error: message.slice(0, 300) },
    });
  });
}

export async function runPreviewJob(ctx: AppContext, payload: unknown, job: { attempts: number }): Promise<void> {
  const { orgId, importId, step, ip } = payload as ImportJobPayload;
  const imp = await findImport(ctx.db, orgId, importId);
  if (!imp || imp.status !== 'previewing' || imp.job_step !== step) return;
  const guard = async (trx: Trx, fn: () => Promise<void>) => {
    // Discarded, remapped or restarted meanwhile: this job's results are no longer wanted.
    const now = await findImport(trx, orgId, importId);
    if (!now || now.status !== 'previewing' || now.job_step !== step) throw new Superseded();
    await fn();
  };
  try {
    const plan = await planOf(ctx, imp);
    await inTx(ctx, (trx) => guard(trx, () => deleteRows(trx, orgId, importId)));
    const results = plan.rows.map((r) => ({
      org_id: orgId,
      import_id: importId,
      row_no: r.row,
      status: r.status,
      field: r.field,
      message: r.message,
      person_id: r.person?.id ?? null,
      name: r.values.name?.slice(0, 300) ?? null,
      match_key: r.key?.slice(0, 300) ?? null,
      cells: r.status === 'error' ? JSON.stringify(r.cells) : null,
      access: null,
      access_done: 0,
    }));
    for (let i = 0; i < results.length; i += PREVIEW_CHUNK) {
      const chunk = results.slice(i, i + PREVIEW_CHUNK);
      await inTx(ctx, (trx) =>
        guard(trx, async () => {
          await insertRows(trx, chunk);
          await updateImport(trx, orgId, importId, { done: i + chunk.length });
        }),
      );
    }
    const count = (s: string) => plan.rows.filter((r) => r.status === s).length;
    await inTx(ctx, (trx) =>
      guard(trx, () =>
        updateImport(trx, orgId, importId, {
          status: 'previewed',
          done: plan.rows.length,
          created: count('create'),
          updated: count('update'),
          unchanged: count('unchanged'),
          errors: count('error'),
          deactivated: plan.deactivate.length,
        }),
      ),
    );
  } catch (err) {
    if (err instanceof Superseded) return;
    if (job.attempts >= IMPORT_JOB_ATTEMPTS) await markFailed(ctx, imp, step, ip, err);
    throw err;
  }
}

export async function runImportJob(ctx: AppContext, payload: unknown, job: { attempts: number }): Promise<void> {
  const { orgId, importId, step, ip } = payload as ImportJobPayload;
  const imp = await findImport(ctx.db, orgId, importId);
  if (!imp || imp.status !== 'running' || imp.job_step !== step) return;
  const started = Date.now();
  try {
    const org = await ctx.db.selectFrom('orgs').select(['name', 'slug']).where('id', '=', orgId).executeTakeFirstOrThrow();
    const run: Run = {
      ctx,
      imp,
      step,
      mapping: parseMapping(imp)!,
      actor: await actorOf(ctx, imp),
      ip,
      orgName: org.name,
      orgSlug: org.slug,
      batchRows: ctx.config.importBatchRows,
    };
    let plan: Plan | null = null;
    let planned: string | null = null;
    let deactivated = 0;
    for (let batches = 0; run.imp.status === 'running'; batches++) {
      if (batches >= MAX_BATCHES_PER_JOB || Date.now() - started > JOB_BUDGET_MS) return await handOver(ctx, run);
      const phase = run.imp.phase;
      // People made by the first pass are found by the second: plan again when the phase changes.
      if ((phase === 'people' || phase === 'managers' || phase === 'deactivate') && planned !== phase) {
        plan = await planOf(ctx, run.imp);
        planned = phase;
      }
      if (phase === 'people') await peopleBatch(run, plan!);
      else if (phase === 'managers') await managersBatch(run, plan!);
      else if (phase === 'access') await accessBatch(run);
      else if (phase === 'deactivate') {
        const ids = plan!.deactivate.slice(deactivated, deactivated + 100);
        await deactivateBatch(run, ids);
        deactivated += ids.length;
      } else return;
    }
  } catch (err) {
    if (err instanceof Superseded) return;
    if (job.attempts >= IMPORT_JOB_ATTEMPTS) await markFailed(ctx, imp, step, ip, err);
    throw err;
  }
}

/** The next job of the chain, enqueued in the same transaction that makes this one stale. */
async function handOver(ctx: AppContext, run: Run): Promise<void> {
  const { imp } = run;
  await inTx(ctx, async (trx) => {
    const res = await trx
      .updateTable('imports')
      .set({ job_step: run.step + 1, updated_at: Date.now() })
      .where('id', '=', imp.id)
      .where('status', '=', 'running')
      .where('job_step', '=', run.step)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return;
    const next: ImportJobPayload = { orgId: imp.org_id, importId: imp.id, step: run.step + 1, ip: run.ip };
    await enqueueJob(trx, IMPORT_RUN_JOB, next, { orgId: imp.org_id, maxAttempts: IMPORT_JOB_ATTEMPTS });
  });
}
