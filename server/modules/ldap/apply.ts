import type { LdapRunChange, LdapRunProblem } from '../../../protocol/ldap.js';
import type { AppContext } from '../../context.js';
import { GroupCommit } from '../../db/group-commit.js';
import type { Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { PeopleTable } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { systemActor } from '../audit/record.js';
import {
  createPerson,
  linkPerson,
  setPersonStatus,
  updatePersonAttributes,
  type PersonAttributes,
  type ProvisioningAudit,
} from '../identity/provisioning.js';
import { tellAdminsPersonChanged } from '../people/service.js';
import { findPerson, lockPeopleOfOrg } from '../people/store.js';
import type { Counts, Plan, PlannedEntry } from './plan.js';

/**
 * Applies a plan, each person's step on its own (a savepoint of a shared transaction: group-commit.ts,
 * so that thousands of people do not pay a commit each), so that a problem with one entry leaves
 * that entry's person as it was and the others go on:
 * 1. creations, take-overs, updates and reactivations (attributes but the manager);
 * 2. managers, once everyone exists; a change refused as a loop is tried again after the others
 *    (an old link may have stood in its way), and reported if it still is;
 * 3. deactivations (disabled entries, then entries gone), which end the person's sessions.
 */
export const ldapActor = systemActor('ldap', 'Directory sync');
const AUDIT: ProvisioningAudit = { actor: ldapActor, via: 'ldap' };

export interface ApplyOutcome {
  counts: Counts;
  problems: LdapRunProblem[];
  changes: LdapRunChange[];
}

type Progress = (processed: number, total: number, force?: boolean) => Promise<void>;

/** Steps handed to the group commit at once; it runs them in order, up to 16 per commit. */
const CHUNK = 64;
async function each<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await Promise.all(items.slice(i, i + CHUNK).map(work));
}

const withoutManager = (a: PersonAttributes): PersonAttributes => {
  const { managerId: _manager, ...rest } = a;
  return rest;
};

export async function applyPlan(ctx: AppContext, orgId: string, plan: Plan, progress: Progress): Promise<ApplyOutcome> {
  const problems = [...plan.problems];
  const failed = new Set(plan.problems.map((p) => p.dn || p.key || ''));
  const changes: LdapRunChange[] = [];
  const counts: Counts = { ...plan.counts, created: 0, updated: 0, reactivated: 0, deactivated: 0 };
  const keyToPerson = new Map<string, string>();
  for (const p of plan.planned) if (p.person) keyToPerson.set(p.entry.key, p.person.id);

  // Refusals (AppError) are the entry's problem; anything else (the database gone) stops the run.
  const fail = (dn: string, key: string | null, err: unknown, field?: string, who?: string) => {
    if (!(err instanceof AppError)) throw err;
    problems.push({
      dn,
      key,
      field: field ?? err.extra.field ?? null,
      code: err.code,
      params: who ? { name: who } : {},
      message: who ? `${who}: ${err.message}` : err.message,
    });
    failed.add(dn || key || '');
  };
  const group = new GroupCommit(ctx.db, (err) => ctx.log.error({ err }, 'after-commit callback failed'));
  const step = <T>(fn: (trx: Trx, afterCommit: AfterCommit) => Promise<T>) =>
    group.run(async (trx, afterCommit) => {
      afterCommit(() => ctx.jobs.wake());
      await lockPeopleOfOrg(trx, ctx.dialect, orgId);
      return fn(trx, afterCommit);
    });
  const current = async (trx: Trx, id: string): Promise<PeopleTable> => {
    const person = await findPerson(trx, orgId, id);
    if (!person) throw notFound('The person was removed during the sync.');
    return person;
  };
  const change = (p: PlannedEntry, action: LdapRunChange['action'], personId: string, fields = p.fields) =>
    changes.push({ action, dn: p.entry.dn, key: p.entry.key, name: p.entry.attrs.displayName ?? p.entry.dn, personId, fields });

  const attributeSteps = [
    ...plan.planned.filter(
      (p) => ['link', 'reactivate'].includes(p.action) || (p.action === 'update' && p.fields.some((f) => f !== 'manager')),
    ),
    ...managersFirst(plan.planned.filter((p) => p.action === 'create')),
  ];
  const managerSteps = plan.planned.filter((p) => p.managerKey !== undefined);
  // People created with their manager already set need no manager step.
  const managerSet = new Set<PlannedEntry>();
  const deactivations = plan.planned.filter((p) => p.action === 'deactivate');
  const total = attributeSteps.length + managerSteps.length + deactivations.length + plan.leavers.length;
  let done = 0;
  const tick = () => progress(++done, total);
  await progress(0, total, true);

  let lastCreated: string | null = null;
  await each(attributeSteps, async (p) => {
    const attrs = withoutManager(p.entry.attrs);
    try {
      const person = await step(async (trx, afterCommit) => {
        if (p.action === 'create') {
          const a = { ...attrs, displayName: attrs.displayName ?? '' };
          // Creations come managers first: most people get theirs at once, saving a step each.
          const managerId = p.managerKey ? keyToPerson.get(p.managerKey) : undefined;
          let created: PeopleTable;
          try {
            created = await createPerson(ctx, trx, afterCommit, orgId, managerId ? { ...a, managerId } : a, AUDIT, { tellAdmins: false });
          } catch (err) {
            // The manager is checked before anything is written: without it, it is for the manager step.
            if (!managerId || !(err instanceof AppError) || err.extra.field !== 'managerId') throw err;
            created = await createPerson(ctx, trx, afterCommit, orgId, a, AUDIT, { tellAdmins: false });
          }
          await linkPerson(trx, orgId, 'ldap', p.entry.key, created.id);
          // Known at once (not after the commit), for the people this one manages, next in line.
          keyToPerson.set(p.entry.key, created.id);
          if (managerId && created.manager_id === managerId) managerSet.add(p);
          return created;
        }
        let person = await current(trx, p.person!.id);
        if (p.action === 'link') {
          // Taken over from an entry no longer in the directory (or never linked): one link, this one.
          await trx
            .deleteFrom('person_links')
            .where('org_id', '=', orgId)
            .where('source', '=', 'ldap')
            .where('person_id', '=', person.id)
            .execute();
          await linkPerson(trx, orgId, 'ldap', p.entry.key, person.id);
        }
        if (person.status !== 'active') person = await setPersonStatus(ctx, trx, afterCommit, person, 'active', AUDIT);
        return updatePersonAttributes(ctx, trx, afterCommit, person, attrs, AUDIT);
      });
      keyToPerson.set(p.entry.key, person.id);
      if (p.action === 'create') {
        counts.created++;
        lastCreated = person.id;
      } else if (p.action === 'reactivate') counts.reactivated++;
      else counts.updated++;
      change(p, p.action as LdapRunChange['action'], person.id);
    } catch (err) {
      keyToPerson.delete(p.entry.key);
      managerSet.delete(p);
      fail(p.entry.dn, p.entry.key, err);
    }
    await tick();
  });

  // Managers: a refusal as a loop may be an old link that a later change removes; try those again.
  let pending = managerSteps.filter((p) => !failed.has(p.entry.dn) && !managerSet.has(p));
  done += managerSteps.length - pending.length;
  while (pending.length > 0) {
    const deferred: PlannedEntry[] = [];
    await each(pending, async (p) => {
      const personId = keyToPerson.get(p.entry.key);
      const managerId = p.managerKey === null ? null : keyToPerson.get(p.managerKey!);
      if (!personId || managerId === undefined) {
        fail(p.entry.dn, p.entry.key, new AppError(409, 'manager_missing', "The manager's entry could not be applied."), 'manager');
        await tick();
        return;
      }
      try {
        await step(async (trx, afterCommit) =>
          updatePersonAttributes(ctx, trx, afterCommit, await current(trx, personId), { managerId }, AUDIT),
        );
        if (p.action === 'update' && !p.fields.some((f) => f !== 'manager')) {
          counts.updated++;
          change(p, 'update', personId);
        }
        await tick();
      } catch (err) {
        if (err instanceof AppError && err.code === 'manager_cycle') deferred.push(p);
        else {
          fail(p.entry.dn, p.entry.key, err, 'manager');
          await tick();
        }
      }
    });
    if (deferred.length === pending.length) {
      for (const p of deferred) {
        fail(p.entry.dn, p.entry.key, new AppError(409, 'manager_cycle', 'This manager would make a loop in the org chart.'), 'manager');
        await tick();
      }
      break;
    }
    pending = deferred;
  }

  const deactivate = async (personId: string, key: string, p: PlannedEntry | null, reason: 'disabled' | 'gone', name: string) => {
    try {
      const person = await step(async (trx, afterCommit) => {
        const person = await current(trx, personId);
        // Still linked to that entry and still active: someone may have changed it meanwhile.
        const link = await trx
          .selectFrom('person_links')
          .select('person_id')
          .where('org_id', '=', orgId)
          .where('source', '=', 'ldap')
          .where('external_key', '=', key)
          .executeTakeFirst();
        if (link?.person_id !== personId || person.status !== 'active') return null;
        return setPersonStatus(ctx, trx, afterCommit, person, 'deactivated', AUDIT);
      });
      if (person) {
        counts.deactivated++;
        changes.push({ action: 'deactivate', dn: p?.entry.dn ?? null, key, name: person.display_name, personId, fields: [reason] });
      }
    } catch (err) {
      fail(p?.entry.dn ?? '', key, err, undefined, p ? undefined : name);
    }
    await tick();
  };
  await each(deactivations, (p) => deactivate(p.person!.id, p.entry.key, p, 'disabled', p.person!.display_name));
  await each(plan.leavers, (l) => deactivate(l.person.id, l.key, null, 'gone', l.person.display_name));

  // Admins' open people lists refresh once for the whole run, not once per person created.
  if (lastCreated) {
    const id = lastCreated;
    await step((trx, afterCommit) => tellAdminsPersonChanged(ctx, trx, afterCommit, orgId, id));
  }
  await progress(total, total, true);
  counts.errors = failed.size;
  return { counts, problems, changes };
}

/** Creations ordered so that each comes after the manager it is created with (the plan has no loops). */
function managersFirst(creations: PlannedEntry[]): PlannedEntry[] {
  const byKey = new Map(creations.map((p) => [p.entry.key, p]));
  const depth = new Map<PlannedEntry, number>();
  const depthOf = (p: PlannedEntry): number => {
    const known = depth.get(p);
    if (known !== undefined) return known;
    // Iterative walk up the chain of managers being created in this run.
    const chain: PlannedEntry[] = [];
    const seen = new Set<PlannedEntry>();
    let cur: PlannedEntry | undefined = p;
    let base = 0;
    while (cur && !seen.has(cur)) {
      const d = depth.get(cur);
      if (d !== undefined) {
        base = d + 1;
        break;
      }
      chain.push(cur);
      seen.add(cur);
      cur = cur.managerKey ? byKey.get(cur.managerKey) : undefined;
    }
    chain.reverse().forEach((q, i) => depth.set(q, base + i));
    return depth.get(p)!;
  };
  return [...creations].sort((a, b) => depthOf(a) - depthOf(b));
}
