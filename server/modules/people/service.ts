import type { z } from 'zod';
import type { profileUpdateSchema } from '../../../protocol/api.js';
import { inTx, type AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { PeopleTable, Role } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { forgetSessions } from '../../http/request-context.js';
import { assertCanChangeRole, assertCanSetStatus, canSeePerson, isAdmin } from '../../policies/people.js';
import { publishToPeople } from '../../realtime/publish.js';
import { revokeSessions } from '../accounts/sessions.js';
import { personActor, personTarget, recordAudit } from '../audit/record.js';
import { toPerson } from './present.js';
import { countOwners, findPerson, lockPeopleOfOrg, skillsJson, updatePerson, type PersonChanges } from './store.js';

/** Loads a person the viewer may see, or answers "not found" exactly as for an unknown id. */
export async function getVisiblePerson(ctx: AppContext, viewer: PeopleTable, id: string): Promise<PeopleTable> {
  const person = await findPerson(ctx.db, viewer.org_id, id);
  if (!person || !canSeePerson(viewer, person)) throw notFound('No such person.');
  return person;
}

/** Writes the change and tells the person's devices and the company's admins, after commit. */
export async function applyChange(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  current: PeopleTable,
  changes: PersonChanges,
  opts: { tellAdmins?: boolean } = {},
): Promise<PeopleTable> {
  const next = await updatePerson(trx, current, changes);
  await publishToPeople(trx, afterCommit, ctx.bus, next.org_id, [next.id], 'person.updated', { person: toPerson(next) });
  // Here at once, before the answer; other processes drop theirs when the event reaches them (gateway).
  afterCommit(() => forgetSessions(ctx, { personId: next.id }));
  // Bulk changes (an import) tell the admins once at the end instead.
  if (opts.tellAdmins !== false) await tellAdminsPersonChanged(ctx, trx, afterCommit, next.org_id, next.id);
  return next;
}

/**
 * Admins' people lists refresh live when someone joins or changes. The caller holds the company's
 * people lock (lockPeopleOfOrg), so concurrent changes never take person rows in opposite orders.
 */
export async function tellAdminsPersonChanged(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  orgId: string,
  personId: string,
): Promise<void> {
  const admins = await trx
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', 'in', ['owner', 'admin'])
    .where('status', '=', 'active')
    .where('id', '!=', personId)
    .limit(1000)
    .execute();
  await publishToPeople(
    trx,
    afterCommit,
    ctx.bus,
    orgId,
    admins.map((a) => a.id),
    'people.changed',
    { personId },
  );
}

export function updateMyProfile(ctx: AppContext, me: PeopleTable, input: z.infer<typeof profileUpdateSchema>): Promise<PeopleTable> {
  const changes: PersonChanges = {};
  if (input.displayName !== undefined) changes.display_name = input.displayName;
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.title !== undefined) changes.title = input.title || null;
  if (input.department !== undefined) changes.department = input.department || null;
  if (input.location !== undefined) changes.location = input.location || null;
  if (input.phone !== undefined) changes.phone = input.phone || null;
  if (input.about !== undefined) changes.about = input.about || null;
  if (input.skills !== undefined) changes.skills = skillsJson(input.skills);
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, me.org_id);
    const current = await findPerson(trx, me.org_id, me.id);
    if (!current) throw notFound();
    return applyChange(ctx, trx, afterCommit, current, changes);
  });
}

export function setPhoto(ctx: AppContext, me: PeopleTable, fileId: string | null): Promise<PeopleTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, me.org_id);
    const current = await findPerson(trx, me.org_id, me.id);
    if (!current) throw notFound();
    const previous = current.photo_file_id;
    const next = await applyChange(ctx, trx, afterCommit, current, { photo_file_id: fileId });
    // A replaced or removed photo is not kept: its row goes with this change, its bytes once committed.
    if (previous && previous !== fileId) {
      const old = await trx
        .deleteFrom('files')
        .where('org_id', '=', me.org_id)
        .where('id', '=', previous)
        .returning('storage_key')
        .executeTakeFirst();
      if (old) afterCommit(() => ctx.blobs.delete(old.storage_key));
    }
    return next;
  });
}

export function changeRole(
  ctx: AppContext,
  actor: PeopleTable,
  targetId: string,
  role: Role,
  ip: string | null = null,
): Promise<PeopleTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, actor.org_id);
    const target = await findPerson(trx, actor.org_id, targetId);
    if (!target || !isAdmin(actor)) throw notFound('No such person.');
    assertCanChangeRole(actor, target, role);
    if (target.role === role) return target;
    await recordAudit(trx, {
      orgId: actor.org_id,
      actor: personActor(actor),
      action: 'person.role_changed',
      target: personTarget(target),
      ip,
      details: { from: target.role, to: role },
    });
    // Demoting a deactivated owner takes no active owner away.
    if (target.role === 'owner' && target.status === 'active' && (await countOwners(trx, actor.org_id)) <= 1) {
      throw new AppError(409, 'last_owner', 'A company needs at least one owner. Make someone else owner first.', { field: 'role' });
    }
    return applyChange(ctx, trx, afterCommit, target, { role });
  });
}

/** Deactivation ends every session and closes every socket of that person, on every process. */
export function setStatus(
  ctx: AppContext,
  actor: PeopleTable,
  targetId: string,
  status: 'active' | 'deactivated',
  ip: string | null = null,
): Promise<PeopleTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, actor.org_id);
    const target = await findPerson(trx, actor.org_id, targetId);
    if (!target || !isAdmin(actor)) throw notFound('No such person.');
    assertCanSetStatus(actor, target);
    if (target.status === status) return target;
    if (status === 'deactivated' && target.role === 'owner' && (await countOwners(trx, actor.org_id)) <= 1) {
      throw new AppError(409, 'last_owner', 'The last owner cannot be deactivated.');
    }
    const next = await applyChange(ctx, trx, afterCommit, target, { status });
    await recordAudit(trx, {
      orgId: actor.org_id,
      actor: personActor(actor),
      action: status === 'deactivated' ? 'person.deactivated' : 'person.reactivated',
      target: personTarget(target),
      ip,
      details: { via: 'admin' },
    });
    if (status === 'deactivated') {
      await revokeSessions(ctx, trx, afterCommit, actor.org_id, { personId: target.id });
      afterCommit(() => ctx.bus.publish({ kind: 'disconnect', orgId: actor.org_id, personId: target.id, reason: 'deactivated' }));
    }
    return next;
  });
}
