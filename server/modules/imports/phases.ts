import type { ImportMapping } from '../../../protocol/imports.js';
import { inTx, type AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { ImportPhase, ImportRowsTable, ImportsTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { queueMail } from '../../jobs/mail.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { publishToPeople } from '../../realtime/publish.js';
import { personTarget, recordAudit, recordAudits, type AuditActor } from '../audit/record.js';
import { setPersonStatus, updatePersonAttributes } from '../identity/provisioning.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { createPeople, holdersOf, linkManagers, type ManagerLink } from './bulk.js';
import type { Plan, PlannedRow } from './plan.js';
import { insertRows } from './store.js';

/**
 * One batch of a run, each in its own transaction under the company's people lock. Every batch ends
 * by moving the import's position with a guarded UPDATE (same job step, phase and position as when
 * it started), in the same transaction as its changes: a retried job resumes exactly after the last
 * committed batch, and a stale copy of a job (its lease taken over) is rolled back, never applied twice.
 */
export class Superseded extends Error {}

/** How long a welcome e-mail's link to choose a password works. */
export const WELCOME_LINK_MS = 7 * 86_400_000;

export interface Run {
  ctx: AppContext;
  /** The import as this job last wrote it. */
  imp: ImportsTable;
  step: number;
  mapping: ImportMapping;
  actor: AuditActor;
  ip: string | null;
  orgName: string;
  orgSlug: string;
  batchRows: number;
}

const ATTRIBUTE_FIELDS: Record<string, string> = { displayName: 'name', managerId: 'manager' };

/** The phase after `phase`, skipping those the options leave out. */
function nextPhase(run: Run, phase: ImportPhase): ImportPhase {
  const order: ImportPhase[] = ['people', 'managers', 'access', 'deactivate', 'done'];
  for (const p of order.slice(order.indexOf(phase) + 1)) {
    if (p === 'access' && run.mapping.options.sendAccess === 'none') continue;
    if (p === 'deactivate' && !run.mapping.options.deactivateMissing) continue;
    return p;
  }
  return 'done';
}

async function advance(trx: Trx, afterCommit: AfterCommit, run: Run, set: Partial<ImportsTable>): Promise<void> {
  const { imp } = run;
  const finished = set.phase === 'done';
  const now = Date.now();
  if (finished) Object.assign(set, { status: 'finished', finished_at: now, storage_key: null });
  const res = await trx
    .updateTable('imports')
    .set({ ...set, updated_at: now })
    .where('org_id', '=', imp.org_id)
    .where('id', '=', imp.id)
    .where('status', '=', 'running')
    .where('job_step', '=', run.step)
    .where('phase', '=', imp.phase)
    .where('position', '=', imp.position)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Superseded('another job moved this import on');
  const next = { ...imp, ...set };
  afterCommit(() => void Object.assign(run.imp, next));
  if (!finished) return;
  await recordAudit(trx, {
    orgId: imp.org_id,
    actor: run.actor,
    action: 'import.finished',
    target: { kind: 'import', id: imp.id, label: imp.file_name },
    ip: run.ip,
    details: {
      rows: imp.total_rows,
      created: next.created,
      updated: next.updated,
      unchanged: next.unchanged,
      errors: next.errors,
      deactivated: next.deactivated,
      invitationsSent: next.invitations_sent,
    },
  });
  // The admins' people lists refresh once, not once per person imported.
  const admins = await trx
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', imp.org_id)
    .where('role', 'in', ['owner', 'admin'])
    .where('status', '=', 'active')
    .limit(1000)
    .execute();
  await publishToPeople(
    trx,
    afterCommit,
    run.ctx.bus,
    imp.org_id,
    admins.map((a) => a.id),
    'people.changed',
    { personId: imp.created_by },
  );
  const key = imp.storage_key;
  if (key) afterCommit(() => run.ctx.blobs.delete(key).catch((err: unknown) => run.ctx.log.warn({ err }, 'import file delete failed')));
}

const resultOf = (r: PlannedRow, importId: string, orgId: string): ImportRowsTable => ({
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
});

/** Creates and updates the next batch of rows (managers wait for the second pass). */
export async function peopleBatch(run: Run, plan: Plan): Promise<void> {
  const { ctx, imp } = run;
  const orgId = imp.org_id;
  const start = imp.position;
  const batch = plan.rows.slice(start, start + run.batchRows);
  const audit = { actor: run.actor, ip: run.ip, via: 'import' };
  await inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, orgId);
    const creates = batch.filter((r) => r.status === 'create');
    // The plan is a few seconds old: someone added meanwhile with one of these keys means planning again (the job's retry).
    if (await holdersOf(trx, orgId, creates))
      throw new Error('someone was added with a key of this file during the import; planning again');
    const made = await createPeople(trx, orgId, creates, { actor: run.actor, ip: run.ip, importId: imp.id });
    const updates = batch.filter((r) => r.status === 'update' && Object.keys(r.changes).length > 0);
    const current = updates.length
      ? await trx
          .selectFrom('people')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(
            'id',
            'in',
            updates.map((r) => r.person!.id),
          )
          .execute()
      : [];
    const byId = new Map(current.map((p) => [p.id, p]));
    const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
    const results: ImportRowsTable[] = [];
    for (const r of batch) {
      const result = resultOf(r, imp.id, orgId);
      const person = r.person ? byId.get(r.person.id) : undefined;
      if (r.status === 'create') {
        const p = made.get(r.row)!;
        result.person_id = p.id;
        const mode = run.mapping.options.sendAccess;
        result.access = mode === 'none' ? null : p.email ? 'invitation' : mode === 'access_codes' ? 'code' : null;
      } else if (person) {
        try {
          await updatePersonAttributes(ctx, trx, afterCommit, person, r.changes, audit, { tellAdmins: false });
        } catch (err) {
          // Checks come before any write (provisioning.ts), so a refused row left nothing behind.
          if (!(err instanceof AppError)) throw err;
          Object.assign(result, {
            status: 'error',
            field: ATTRIBUTE_FIELDS[err.extra.field ?? ''] ?? err.extra.field ?? null,
            message: err.message,
            cells: JSON.stringify(r.cells),
          });
        }
      }
      counts[result.status]++;
      results.push(result);
    }
    await insertRows(trx, results);
    const position = start + batch.length;
    const last = position >= plan.rows.length;
    await advance(trx, afterCommit, run, {
      phase: last ? nextPhase(run, 'people') : 'people',
      position: last ? 0 : position,
      done: position,
      created: imp.created + counts.create,
      updated: imp.updated + counts.update,
      unchanged: imp.unchanged + counts.unchanged,
      errors: imp.errors + counts.error,
    });
  });
}

/** Second pass: managers, now that everyone in the file exists. `position` is the last row linked. */
export async function managersBatch(run: Run, plan: Plan): Promise<void> {
  const { ctx, imp } = run;
  const orgId = imp.org_id;
  const todo = plan.rows
    .filter(
      (r) =>
        r.row > imp.position &&
        r.status !== 'error' &&
        r.person &&
        r.managerNode !== undefined &&
        !r.managerNode.startsWith('row:') &&
        r.managerNode !== r.person.manager_id,
    )
    .slice(0, run.batchRows);
  await inTx(ctx, async (trx, afterCommit) => {
    if (todo.length === 0) return advance(trx, afterCommit, run, { phase: nextPhase(run, 'managers'), position: 0 });
    await lockPeopleOfOrg(trx, ctx.dialect, orgId);
    const managers = await trx
      .selectFrom('people')
      .select(['id', 'display_name', 'status', 'role'])
      .where('org_id', '=', orgId)
      .where('id', 'in', [...new Set(todo.map((r) => r.managerNode!))])
      .execute();
    const byId = new Map(managers.map((m) => [m.id, m]));
    const made = await trx
      .selectFrom('import_rows')
      .select('row_no')
      .where('import_id', '=', imp.id)
      .where('status', '=', 'create')
      .where(
        'row_no',
        'in',
        todo.map((r) => r.row),
      )
      .execute();
    const created = new Set(made.map((m) => m.row_no));
    const links: Array<{ row: number; link: ManagerLink }> = [];
    for (const r of todo) {
      const m = byId.get(r.managerNode!);
      if (m && m.status === 'active' && m.role !== 'guest') links.push({ row: r.row, link: { person: r.person!, manager: m } });
      else
        await trx
          .updateTable('import_rows')
          .set({ field: 'manager', message: 'The manager was not set: they were deactivated or made a guest during the import.' })
          .where('import_id', '=', imp.id)
          .where('row_no', '=', r.row)
          .execute();
    }
    await linkManagers(
      trx,
      orgId,
      links.map((l) => l.link),
    );
    // People made by this import were recorded as created; a new manager of someone else is a change.
    await recordAudits(
      trx,
      links
        .filter((l) => !created.has(l.row))
        .map(({ link }) => ({
          orgId,
          actor: run.actor,
          action: 'person.updated',
          target: personTarget(link.person),
          ip: run.ip,
          details: { via: 'import', importId: imp.id, fields: ['manager_id'] },
        })),
    );
    await advance(trx, afterCommit, run, { position: todo[todo.length - 1]!.row });
  });
}

/** Welcome e-mails with a link to choose a password, to the new people with an e-mail. */
export async function accessBatch(run: Run): Promise<void> {
  const { ctx, imp } = run;
  const orgId = imp.org_id;
  await inTx(ctx, async (trx, afterCommit) => {
    const rows = await trx
      .selectFrom('import_rows')
      .select(['row_no', 'person_id'])
      .where('import_id', '=', imp.id)
      .where('access', '=', 'invitation')
      .where('access_done', '=', 0)
      .orderBy('row_no')
      .limit(run.batchRows)
      .execute();
    if (rows.length === 0) return advance(trx, afterCommit, run, { phase: nextPhase(run, 'access') });
    const people = await trx
      .selectFrom('people')
      .select(['id', 'display_name', 'email', 'status'])
      .where('org_id', '=', orgId)
      .where(
        'id',
        'in',
        rows.map((r) => r.person_id!),
      )
      .execute();
    const now = Date.now();
    let sent = 0;
    const tokens = [];
    for (const p of people) {
      if (p.status !== 'active' || !p.email) continue;
      const token = newToken();
      tokens.push({
        id: newId(),
        org_id: orgId,
        person_id: p.id,
        purpose: 'password_reset' as const,
        token_hash: hashToken(token),
        expires_at: now + WELCOME_LINK_MS,
        used_at: null,
        created_at: now,
        data: null,
      });
      const url = ctx.urls.org(run.orgSlug, `/reset-password?token=${token}`);
      await queueMail(trx, orgId, {
        to: p.email,
        subject: `Welcome to ${run.orgName} on Commonplace`,
        text: `Hello ${p.display_name},\n\n${run.actor.label} added you to ${run.orgName} on Commonplace.\nChoose your password here (the link works for 7 days, once):\n\n${url}\n\nAfterwards, sign in with this e-mail address at ${ctx.urls.org(run.orgSlug, '/')}\n`,
        actionUrl: url,
      });
      sent++;
    }
    for (let i = 0; i < tokens.length; i += 500)
      await trx
        .insertInto('one_time_tokens')
        .values(tokens.slice(i, i + 500))
        .execute();
    const marked = await trx
      .updateTable('import_rows')
      .set({ access_done: 1 })
      .where('import_id', '=', imp.id)
      .where('access_done', '=', 0)
      .where(
        'row_no',
        'in',
        rows.map((r) => r.row_no),
      )
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== rows.length) throw new Superseded('another job sent these');
    await advance(trx, afterCommit, run, { invitations_sent: imp.invitations_sent + sent });
  });
}

/** Members and guests with the matching key whom the file does not list (deactivateMissing). */
export async function deactivateBatch(run: Run, ids: string[]): Promise<void> {
  const { ctx, imp } = run;
  const orgId = imp.org_id;
  await inTx(ctx, async (trx, afterCommit) => {
    if (ids.length === 0) return advance(trx, afterCommit, run, { phase: nextPhase(run, 'deactivate') });
    await lockPeopleOfOrg(trx, ctx.dialect, orgId);
    const people = await trx
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .where('status', '=', 'active')
      .where('role', 'in', ['member', 'guest'])
      .where('is_bot', '=', 0)
      .execute();
    for (const p of people) {
      await setPersonStatus(
        ctx,
        trx,
        afterCommit,
        p,
        'deactivated',
        { actor: run.actor, ip: run.ip, via: 'import' },
        { tellAdmins: false },
      );
    }
    await advance(trx, afterCommit, run, { deactivated: imp.deactivated + people.length });
  });
}
