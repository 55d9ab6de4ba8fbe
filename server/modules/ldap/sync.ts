import type { LdapRunChange } from '../../../protocol/ldap.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { LdapConfigsTable, OrgsTable, PeopleTable } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import { personActor, recordAudit } from '../audit/record.js';
import { mappingOf, readConfig, serverOf } from './config.js';
import { connect, DirectoryError, searchPeople, type DirectoryEntry } from './directory.js';
import { applyPlan, ldapActor } from './apply.js';
import { planSync, type CurrentState } from './plan.js';
import { activeRun, finishRun, insertRun, saveProgress } from './runs.js';

/**
 * The sync as a durable job (`ldap.sync`, payload `{runId}`): the run row is written with its job
 * in one transaction; the job reads the directory, plans, and (unless a dry run) applies the plan.
 * A process that dies mid-run leaves the job's lease to expire; another process runs it again from
 * the start, which is safe because every step compares with what is already there.
 */
export const LDAP_SYNC_JOB = 'ldap.sync';
const LEASE_EXTEND_EVERY_MS = 20_000;
const PROGRESS_EVERY_MS = 500;

/** Whether a real sync may run: a dry run of exactly this configuration was completed. */
export const dryRunDone = (c: Pick<LdapConfigsTable, 'fingerprint' | 'dry_run_fingerprint'>) => c.dry_run_fingerprint === c.fingerprint;

/** Locks the company's directory configuration row (PostgreSQL; SQLite runs one writer anyway). */
export async function lockConfig(db: Executor, ctx: AppContext, orgId: string): Promise<LdapConfigsTable | undefined> {
  let q = db.selectFrom('ldap_configs').selectAll().where('org_id', '=', orgId);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function requestSync(
  ctx: AppContext,
  org: OrgsTable,
  actor: PeopleTable,
  input: { dryRun: boolean; force?: boolean | undefined },
  ip: string,
): Promise<string> {
  return inTx(ctx, async (trx) => {
    const config = await lockConfig(trx, ctx, org.id);
    if (!config) throw notFound('No directory is configured for this company.');
    if (!input.dryRun && !dryRunDone(config))
      throw conflict('dry_run_required', 'Run a dry run of this directory configuration before the first real sync.', 'dryRun');
    if (await activeRun(trx, org.id)) throw conflict('sync_running', 'A directory sync is already queued or running.');
    const runId = await insertRun(trx, {
      orgId: org.id,
      dryRun: input.dryRun,
      forced: input.force === true,
      trigger: 'manual',
      requestedBy: actor.id,
      fingerprint: config.fingerprint,
    });
    await enqueueJob(trx, LDAP_SYNC_JOB, { runId }, { orgId: org.id, maxAttempts: 3 });
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(actor),
      action: input.dryRun ? 'ldap.dry_run_requested' : 'ldap.sync_requested',
      target: { kind: 'ldap_run', id: runId, label: null },
      ip,
      details: { dryRun: input.dryRun, force: input.force === true },
    });
    return runId;
  });
}

/** The company's people and their directory links, as the plan needs them. */
async function currentState(db: Executor, orgId: string): Promise<CurrentState> {
  const [people, links] = await Promise.all([
    // Integrations' bots are never matched, changed or deactivated by the directory.
    db.selectFrom('people').selectAll().where('org_id', '=', orgId).where('is_bot', '=', 0).execute(),
    db.selectFrom('person_links').select(['external_key', 'person_id']).where('org_id', '=', orgId).where('source', '=', 'ldap').execute(),
  ]);
  // Who deactivated each linked deactivated person: the audit log's last word on their status.
  const linked = new Set(links.map((l) => l.person_id));
  const deactivated = people.filter((p) => p.status === 'deactivated' && linked.has(p.id)).map((p) => p.id);
  const deactivatedBySync = new Set<string>();
  for (let i = 0; i < deactivated.length; i += 500) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['target_id', 'action', 'actor_kind'])
      .where('org_id', '=', orgId)
      .where('action', 'in', ['person.deactivated', 'person.reactivated'])
      .where('target_id', 'in', deactivated.slice(i, i + 500))
      .orderBy('id')
      .execute();
    const last = new Map(rows.map((r) => [r.target_id, r]));
    for (const [id, r] of last) if (id && r.action === 'person.deactivated' && r.actor_kind === 'ldap') deactivatedBySync.add(id);
  }
  return { people, links, deactivatedBySync };
}

class RunFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function runLdapSyncJob(ctx: AppContext, payload: unknown, job: { id: string }): Promise<void> {
  const runId = (payload as { runId?: string }).runId ?? '';
  const run = await ctx.db.selectFrom('ldap_sync_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run || run.status === 'succeeded' || run.status === 'failed') return;
  const orgId = run.org_id;
  await ctx.db
    .updateTable('ldap_sync_runs')
    .set({ status: 'running', started_at: Date.now(), processed: 0, total: 0 })
    .where('id', '=', runId)
    .execute();
  // The queue's lease is a minute; a large directory takes longer, so the lease is kept alive.
  const lease = setInterval(() => {
    ctx.db
      .updateTable('jobs')
      .set({ locked_until: Date.now() + 60_000 })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .execute()
      .catch((err: unknown) => ctx.log.warn({ err }, 'could not extend the directory sync lease'));
  }, LEASE_EXTEND_EVERY_MS);
  lease.unref();
  let lastProgress = 0;
  const progress = async (processed: number, total: number, force = false) => {
    if (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = Date.now();
    await saveProgress(ctx.db, runId, processed, total);
  };
  const dryRun = run.dry_run === 1;
  try {
    const config = await readConfig(ctx.db, orgId);
    if (!config) throw new RunFailure('not_configured', 'The directory configuration was removed.');
    if (!dryRun && !dryRunDone(config))
      throw new RunFailure('dry_run_required', 'The configuration changed since its dry run: run a dry run again first.');
    const mapping = mappingOf(config);
    const entries: DirectoryEntry[] = [];
    const client = await connect(serverOf(ctx, config));
    try {
      for await (const page of searchPeople(client, { baseDn: config.base_dn, filter: config.user_filter, mapping })) {
        entries.push(...page);
        await progress(entries.length, 0);
      }
    } finally {
      await client.unbind().catch(() => {});
    }
    const plan = planSync(entries, await currentState(ctx.db, orgId), mapping, config.max_deactivate_percent);
    const base = { counts: plan.counts, safetyValve: plan.safetyValve, fingerprint: config.fingerprint };
    if (dryRun) {
      await inTx(ctx, async (trx) => {
        await finishRun(trx, runId, { status: 'succeeded', ...base, problems: plan.problems, changes: plannedChanges(plan) });
        // Only if nobody changed the configuration while the dry run read the directory.
        await trx
          .updateTable('ldap_configs')
          .set({ dry_run_fingerprint: config.fingerprint })
          .where('org_id', '=', orgId)
          .where('fingerprint', '=', config.fingerprint)
          .execute();
        await recordAudit(trx, {
          orgId,
          actor: ldapActor,
          action: 'ldap.dry_run_completed',
          target: runTarget(runId),
          details: { ...plan.counts },
        });
      });
      return;
    }
    if (plan.safetyValve.tripped && run.forced !== 1) {
      const v = plan.safetyValve;
      await inTx(ctx, async (trx) => {
        await finishRun(trx, runId, {
          status: 'failed',
          ...base,
          problems: plan.problems,
          changes: plannedChanges(plan),
          error: {
            code: 'safety_valve',
            message:
              `This sync would deactivate ${v.deactivations} of ${v.linked} people linked to the directory, more than ` +
              `${v.limitPercent}%. Nothing was changed. Check the directory and its configuration, or run it again with force.`,
          },
        });
        await recordAudit(trx, {
          orgId,
          actor: ldapActor,
          action: 'ldap.sync_refused',
          target: runTarget(runId),
          details: { reason: 'safety_valve', ...v },
        });
      });
      return;
    }
    const outcome = await applyPlan(ctx, orgId, plan, progress);
    await inTx(ctx, async (trx) => {
      await finishRun(trx, runId, {
        status: 'succeeded',
        ...base,
        counts: outcome.counts,
        problems: outcome.problems,
        changes: outcome.changes,
      });
      await recordAudit(trx, {
        orgId,
        actor: ldapActor,
        action: 'ldap.sync_completed',
        target: runTarget(runId),
        details: { ...outcome.counts },
      });
    });
  } catch (err) {
    const failure =
      err instanceof RunFailure || err instanceof DirectoryError
        ? { code: err instanceof DirectoryError ? `directory_${err.step}` : err.code, message: err.message }
        : { code: 'internal', message: 'The sync stopped on an unexpected error; it is in the server log.' };
    if (failure.code === 'internal') ctx.log.error({ err, runId }, 'directory sync failed');
    await inTx(ctx, async (trx) => {
      await finishRun(trx, runId, { status: 'failed', error: failure });
      await recordAudit(trx, {
        orgId,
        actor: ldapActor,
        action: 'ldap.sync_failed',
        target: runTarget(runId),
        details: { ...failure, dryRun },
      });
    });
  } finally {
    clearInterval(lease);
  }
}

const runTarget = (id: string) => ({ kind: 'ldap_run', id, label: null });

/** The most consequential first: deactivations, reactivations, take-overs, updates, then creations. */
const ORDER: Record<LdapRunChange['action'], number> = { deactivate: 0, reactivate: 1, link: 2, update: 3, create: 4 };
export const byConsequence = (a: LdapRunChange, b: LdapRunChange) => ORDER[a.action] - ORDER[b.action];

function plannedChanges(plan: ReturnType<typeof planSync>): LdapRunChange[] {
  const out: LdapRunChange[] = plan.leavers.map((l) => ({
    action: 'deactivate',
    dn: null,
    key: l.key,
    name: l.person.display_name,
    personId: l.person.id,
    fields: ['gone'],
  }));
  for (const p of plan.planned) {
    if (p.action === 'unchanged' || p.action === 'skip' || p.action === 'error') continue;
    out.push({
      action: p.action,
      dn: p.entry.dn,
      key: p.entry.key,
      name: p.entry.attrs.displayName ?? p.person?.display_name ?? p.entry.dn,
      personId: p.person?.id ?? null,
      fields: p.fields,
    });
  }
  return out.sort(byConsequence);
}
