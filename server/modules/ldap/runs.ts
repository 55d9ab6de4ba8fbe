import type { LdapRun, LdapRunChange, LdapRunDetail, LdapRunProblem } from '../../../protocol/ldap.js';
import type { Executor } from '../../db/index.js';
import type { LdapSyncRunsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../people/present.js';
import type { Counts, SafetyValve } from './plan.js';

/** The runs of the sync (ldap_sync_runs): what was asked, how far it got, what it did or would do. */
export const LIST_LIMIT = 500;

const ZERO = { entries: 0, created: 0, updated: 0, reactivated: 0, deactivated: 0, unchanged: 0, skipped: 0, errors: 0 };

export async function insertRun(
  db: Executor,
  r: { orgId: string; dryRun: boolean; forced: boolean; trigger: 'manual' | 'schedule'; requestedBy: string | null; fingerprint: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('ldap_sync_runs')
    .values({
      id,
      org_id: r.orgId,
      status: 'queued',
      dry_run: r.dryRun ? 1 : 0,
      forced: r.forced ? 1 : 0,
      trigger: r.trigger,
      requested_by: r.requestedBy,
      fingerprint: r.fingerprint,
      ...ZERO,
      processed: 0,
      total: 0,
      safety_valve: null,
      problems: '[]',
      changes: '[]',
      error_code: null,
      error_message: null,
      created_at: Date.now(),
      started_at: null,
      finished_at: null,
    })
    .execute();
  return id;
}

export function activeRun(db: Executor, orgId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('ldap_sync_runs')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
}

export function findRun(db: Executor, orgId: string, id: string): Promise<LdapSyncRunsTable | undefined> {
  return db.selectFrom('ldap_sync_runs').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Newest first; ids are time-ordered, so the id is the cursor. */
export function listRuns(db: Executor, orgId: string, beforeId: string | null, limit: number): Promise<LdapSyncRunsTable[]> {
  let q = db.selectFrom('ldap_sync_runs').selectAll().where('org_id', '=', orgId);
  if (beforeId) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function saveProgress(db: Executor, id: string, processed: number, total: number): Promise<void> {
  await db.updateTable('ldap_sync_runs').set({ processed, total }).where('id', '=', id).execute();
}

export interface RunOutcome {
  status: 'succeeded' | 'failed';
  counts?: Counts | undefined;
  safetyValve?: SafetyValve | null | undefined;
  problems?: LdapRunProblem[] | undefined;
  changes?: LdapRunChange[] | undefined;
  error?: { code: string; message: string } | null | undefined;
  fingerprint?: string | undefined;
}

export async function finishRun(db: Executor, id: string, o: RunOutcome): Promise<void> {
  await db
    .updateTable('ldap_sync_runs')
    .set({
      status: o.status,
      finished_at: Date.now(),
      ...(o.counts ?? {}),
      ...(o.fingerprint ? { fingerprint: o.fingerprint } : {}),
      ...(o.safetyValve ? { safety_valve: JSON.stringify(o.safetyValve) } : {}),
      ...(o.problems ? { problems: JSON.stringify(o.problems.slice(0, LIST_LIMIT)) } : {}),
      ...(o.changes ? { changes: JSON.stringify(o.changes.slice(0, LIST_LIMIT)) } : {}),
      error_code: o.error?.code ?? null,
      error_message: o.error?.message ?? null,
    })
    .where('id', '=', id)
    .execute();
}

export function toRunView(r: LdapSyncRunsTable, requester: { id: string; display_name: string } | undefined): LdapRun {
  return {
    id: r.id,
    status: r.status,
    dryRun: r.dry_run === 1,
    forced: r.forced === 1,
    trigger: r.trigger,
    requestedBy: requester ? { id: requester.id, name: requester.display_name } : null,
    counts: {
      entries: r.entries,
      created: r.created,
      updated: r.updated,
      reactivated: r.reactivated,
      deactivated: r.deactivated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      errors: r.errors,
    },
    progress: { processed: r.processed, total: r.total },
    safetyValve: r.safety_valve ? (JSON.parse(r.safety_valve) as SafetyValve) : null,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    createdAt: iso(r.created_at),
    startedAt: r.started_at === null ? null : iso(r.started_at),
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
  };
}

export function toRunDetail(r: LdapSyncRunsTable, requester: { id: string; display_name: string } | undefined): LdapRunDetail {
  return {
    ...toRunView(r, requester),
    problems: JSON.parse(r.problems) as LdapRunProblem[],
    changes: JSON.parse(r.changes) as LdapRunChange[],
  };
}

/** The names of the people who asked for these runs. */
export async function requesters(db: Executor, orgId: string, runs: LdapSyncRunsTable[]) {
  const ids = [...new Set(runs.flatMap((r) => (r.requested_by ? [r.requested_by] : [])))];
  if (ids.length === 0) return new Map<string, { id: string; display_name: string }>();
  const rows = await db.selectFrom('people').select(['id', 'display_name']).where('org_id', '=', orgId).where('id', 'in', ids).execute();
  return new Map(rows.map((p) => [p.id, p]));
}
