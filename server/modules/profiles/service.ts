import type { z } from 'zod';
import type {
  PersonSummary,
  Profile,
  ProfileField,
  adminProfileUpdateSchema,
  profileFieldCreateSchema,
  profileFieldUpdateSchema,
} from '../../../protocol/profiles.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/index.js';
import type { PeopleTable, ProfileFieldsTable } from '../../db/schema.js';
import { badInput, conflict, notFound, type AppError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import {
  assertCanEditProfile,
  canFollow,
  canSeePerson,
  canSeeProfileField,
  isAdmin,
  managerProblem,
  visiblePeopleScope,
} from '../../policies/people.js';
import { publishToPeople } from '../../realtime/publish.js';
import { toPerson } from '../people/present.js';
import { applyChange, getVisiblePerson } from '../people/service.js';
import { findPerson, lockPeopleOfOrg, skillsJson, type PersonChanges } from '../people/store.js';
import {
  countFollows,
  countReports,
  deleteFollow,
  deleteProfileField,
  employeeIdTaken,
  fieldValuesOf,
  findProfileField,
  insertFollow,
  insertProfileField,
  isFollowing,
  listProfileFields,
  CHAIN_LIMIT_FOR_CYCLES,
  managerChain,
  MAX_PROFILE_FIELDS,
  updateProfileField,
  writeFieldValues,
} from './store.js';

/** The org chart shows at most this many managers above a person. */
export const CHAIN_LIMIT = 50;

export function toSummary(p: PeopleTable): PersonSummary {
  const { id, displayName, title, department, photoUrl, status, isBot } = toPerson(p);
  return { id, displayName, title, department, photoUrl, status, isBot };
}

/** An admin edits anyone's profile, including the manager (no cycles) and the employee id (unique). */
export function adminUpdateProfile(
  ctx: AppContext,
  actor: PeopleTable,
  targetId: string,
  input: z.infer<typeof adminProfileUpdateSchema>,
): Promise<PeopleTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, actor.org_id);
    const target = await findPerson(trx, actor.org_id, targetId);
    if (!target || !isAdmin(actor)) throw notFound('No such person.');
    assertCanEditProfile(actor, target);
    if (target.is_bot === 1) {
      // A bot's name is its integration's, and a bot has no sign-in name (policies/people.ts).
      if (input.displayName !== undefined && input.displayName !== target.display_name)
        throw badInput('displayName', 'is the integration’s name: rename the integration');
      if (input.employeeId) throw badInput('employeeId', 'cannot be given to a bot');
    }
    const changes: PersonChanges = {};
    if (input.displayName !== undefined) changes.display_name = input.displayName;
    if (input.locale !== undefined) changes.locale = input.locale;
    for (const key of ['title', 'department', 'location', 'phone', 'about'] as const) {
      const value = input[key];
      if (value !== undefined) changes[key] = value || null;
    }
    if (input.skills !== undefined) changes.skills = skillsJson(input.skills);
    if (input.managerId !== undefined && input.managerId !== target.manager_id) {
      if (input.managerId !== null) {
        const manager = await findPerson(trx, actor.org_id, input.managerId);
        const problem = managerProblem(target, manager);
        if (problem) throw badInput('managerId', problem);
        // The company's lock is held, so no other change to the chain can slip in between.
        const above = await managerChain(trx, actor.org_id, input.managerId, CHAIN_LIMIT_FOR_CYCLES);
        if (above.some((p) => p.id === target.id)) {
          throw conflict('manager_cycle', `${target.display_name} is above this manager in the org chart.`, 'managerId');
        }
      }
      changes.manager_id = input.managerId;
    }
    if (input.employeeId !== undefined) {
      const employeeId = input.employeeId || null;
      if (employeeId && (await employeeIdTaken(trx, actor.org_id, employeeId, target.id))) throw employeeIdConflict();
      changes.employee_id = employeeId;
    }
    try {
      return await applyChange(ctx, trx, afterCommit, target, changes);
    } catch (err) {
      if (isUniqueViolation(err)) throw employeeIdConflict();
      throw err;
    }
  });
}

const employeeIdConflict = (): AppError =>
  conflict('employee_id_taken', 'Someone in the company already has this employee id.', 'employeeId');

/** The whole profile page: the person, their manager, counts, whether the viewer follows them, fields. */
export async function getProfile(ctx: AppContext, viewer: PeopleTable, id: string): Promise<Profile> {
  const person = await getVisiblePerson(ctx, viewer, id);
  const scope = visiblePeopleScope(viewer);
  const manager = person.manager_id ? await findPerson(ctx.db, viewer.org_id, person.manager_id) : undefined;
  const [directReports, followers, following, viewerFollows, fields] = await Promise.all([
    countReports(ctx.db, scope, person.id),
    countFollows(ctx.db, scope, person.id, 'followers'),
    countFollows(ctx.db, scope, person.id, 'following'),
    isFollowing(ctx.db, viewer.org_id, viewer.id, person.id),
    visibleFieldValues(ctx, viewer, person),
  ]);
  return {
    person: toPerson(person),
    manager: manager && canSeePerson(viewer, manager) ? toSummary(manager) : null,
    directReports,
    followers,
    following,
    viewerFollows,
    fields,
  };
}

async function visibleFieldValues(ctx: AppContext, viewer: PeopleTable, person: PeopleTable): Promise<Profile['fields']> {
  const [fields, values] = await Promise.all([listProfileFields(ctx.db, viewer.org_id), fieldValuesOf(ctx.db, viewer.org_id, person.id)]);
  return fields.flatMap((f) => {
    const value = values.get(f.id);
    return value !== undefined && canSeeProfileField(viewer, f) ? [{ ...toProfileField(f), value }] : [];
  });
}

/** The chain above a person (those the viewer may see), nearest first, at most CHAIN_LIMIT. */
export async function visibleChain(ctx: AppContext, viewer: PeopleTable, person: PeopleTable): Promise<PeopleTable[]> {
  const chain = await managerChain(ctx.db, viewer.org_id, person.id, CHAIN_LIMIT);
  return chain.filter((p) => canSeePerson(viewer, p));
}

// Follows

/** Follows `id` (idempotent); the followee hears of a new follow, once. Answers the follow state. */
export async function follow(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
): Promise<{ personId: string; following: boolean; followers: number }> {
  if (id === viewer.id) throw badInput('id', 'you cannot follow yourself');
  const person = await getVisiblePerson(ctx, viewer, id);
  if (!canFollow(viewer, person)) throw conflict('person_deactivated', 'A deactivated person cannot be followed.');
  // No company lock: the only person row written is the followee's event counter, and nothing
  // else is locked after it, so concurrent follows cannot deadlock with other changes.
  await inTx(ctx, async (trx, afterCommit) => {
    if (await insertFollow(trx, viewer.org_id, viewer.id, person.id)) {
      await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, [person.id], 'person.followed', {
        followerId: viewer.id,
        followeeId: person.id,
      });
    }
  });
  return followState(ctx, viewer, person.id, true);
}

export async function unfollow(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
): Promise<{ personId: string; following: boolean; followers: number }> {
  if (id === viewer.id) throw badInput('id', 'you cannot follow yourself');
  const person = await getVisiblePerson(ctx, viewer, id);
  await deleteFollow(ctx.db, viewer.org_id, viewer.id, person.id);
  return followState(ctx, viewer, person.id, false);
}

async function followState(ctx: AppContext, viewer: PeopleTable, personId: string, following: boolean) {
  return { personId, following, followers: await countFollows(ctx.db, visiblePeopleScope(viewer), personId, 'followers') };
}

// Company-defined profile fields

export function toProfileField(f: ProfileFieldsTable): ProfileField {
  return { id: f.id, label: f.label, kind: f.kind, order: f.position, visibleTo: f.visibility };
}

export async function createProfileField(
  ctx: AppContext,
  actor: PeopleTable,
  input: z.infer<typeof profileFieldCreateSchema>,
): Promise<ProfileFieldsTable> {
  return inTx(ctx, async (trx) => {
    await lockPeopleOfOrg(trx, ctx.dialect, actor.org_id);
    const existing = await listProfileFields(trx, actor.org_id);
    if (existing.length >= MAX_PROFILE_FIELDS) {
      throw conflict('too_many_fields', `A company can define at most ${MAX_PROFILE_FIELDS} profile fields.`);
    }
    const now = Date.now();
    const row: ProfileFieldsTable = {
      id: newId(),
      org_id: actor.org_id,
      label: input.label,
      kind: input.kind,
      // New fields go last unless placed.
      position: input.order ?? Math.max(-1, ...existing.map((f) => f.position)) + 1,
      visibility: input.visibleTo,
      created_at: now,
      updated_at: now,
    };
    await insertProfileField(trx, row);
    return row;
  });
}

export async function changeProfileField(
  ctx: AppContext,
  actor: PeopleTable,
  id: string,
  input: z.infer<typeof profileFieldUpdateSchema>,
): Promise<ProfileFieldsTable> {
  const field = await findProfileField(ctx.db, actor.org_id, id);
  if (!field) throw notFound('No such profile field.');
  return updateProfileField(ctx.db, field, {
    ...(input.label !== undefined ? { label: input.label } : {}),
    ...(input.order !== undefined ? { position: input.order } : {}),
    ...(input.visibleTo !== undefined ? { visibility: input.visibleTo } : {}),
  });
}

export async function removeProfileField(ctx: AppContext, actor: PeopleTable, id: string): Promise<void> {
  const field = await findProfileField(ctx.db, actor.org_id, id);
  if (!field) throw notFound('No such profile field.');
  await inTx(ctx, (trx) => deleteProfileField(trx, actor.org_id, id));
}

/**
 * Sets a person's values of company-defined fields. A field the actor may not see (admin-only
 * fields, for non-admins) is unknown to them, exactly like a field that does not exist.
 */
export async function setFieldValues(
  ctx: AppContext,
  actor: PeopleTable,
  targetId: string,
  values: Record<string, string | null>,
): Promise<Profile['fields']> {
  const target = await getVisiblePerson(ctx, actor, targetId);
  assertCanEditProfile(actor, target);
  const fields = new Map((await listProfileFields(ctx.db, actor.org_id)).map((f) => [f.id, f]));
  const checked = new Map<string, string | null>();
  for (const [fieldId, raw] of Object.entries(values)) {
    const field = fields.get(fieldId);
    if (!field || !canSeeProfileField(actor, field)) throw badInput(`values.${fieldId}`, 'is not a profile field of this company');
    const value = raw === null ? null : raw.trim();
    if (!value) {
      checked.set(fieldId, null);
      continue;
    }
    const problem = fieldValueProblem(field.kind, value);
    if (problem) throw badInput(`values.${fieldId}`, problem);
    checked.set(fieldId, value);
  }
  await inTx(ctx, (trx) => writeFieldValues(trx, actor.org_id, target.id, checked));
  return visibleFieldValues(ctx, actor, target);
}

/** Why a value does not fit its field's kind, or null when it does. */
export function fieldValueProblem(kind: ProfileFieldsTable['kind'], value: string): string | null {
  switch (kind) {
    case 'text':
      if ([...value].length > 500) return 'must be at most 500 characters';
      if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)) return 'must not contain control characters';
      return null;
    case 'url': {
      if (value.length > 2000) return 'must be at most 2000 characters';
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return 'must be a web address (https://…)';
      }
      return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must be a web address (https://…)';
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return 'must be a date (YYYY-MM-DD)';
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.toISOString().slice(0, 10) === value ? null : 'must be a date that exists';
    }
  }
}
