import type { PeopleTable, Role } from '../db/schema.js';
import { AppError, forbidden } from '../errors.js';

/**
 * Who may see and manage people. Every route and list asks here; nothing re-implements these rules.
 * Later capabilities (groups, guests' reach) extend `visiblePeopleFilter`.
 */
type Actor = Pick<PeopleTable, 'id' | 'role' | 'org_id'>;
type Target = Pick<PeopleTable, 'id' | 'role' | 'status' | 'org_id'> & Partial<Pick<PeopleTable, 'is_bot'>>;

export const isAdmin = (actor: Pick<PeopleTable, 'role'>): boolean => actor.role === 'owner' || actor.role === 'admin';

/** A deactivated person stays visible only to admins; guests see only themselves for now. */
export function canSeePerson(viewer: Actor, person: Target): boolean {
  if (viewer.org_id !== person.org_id) return false;
  if (viewer.id === person.id) return true;
  if (viewer.role === 'guest') return false;
  if (person.status === 'deactivated') return isAdmin(viewer);
  return true;
}

/** Throws unless `actor` may give `target` the role `next`. */
export function assertCanChangeRole(actor: Actor, target: Target, next: Role): void {
  if (!isAdmin(actor)) throw forbidden('Only company admins can change roles.');
  assertNotBot(target);
  if (actor.id === target.id) throw new AppError(403, 'cannot_change_self', 'You cannot change your own role.');
  // Only an owner may make or unmake owners, so admins cannot lock the owners out.
  if ((next === 'owner' || target.role === 'owner') && actor.role !== 'owner') {
    throw forbidden('Only an owner can grant or remove the owner role.');
  }
}

export function assertCanSetStatus(actor: Actor, target: Target): void {
  if (!isAdmin(actor)) throw forbidden('Only company admins can deactivate people.');
  assertNotBot(target);
  if (actor.id === target.id) throw new AppError(403, 'cannot_change_self', 'You cannot deactivate yourself.');
  if (target.role === 'owner' && actor.role !== 'owner') throw forbidden('Only an owner can deactivate an owner.');
}

/**
 * Which people a viewer may see in lists (directory, reports, followers, facets, counts): the SQL
 * form of `canSeePerson`. A store applies it as `org_id = orgId`, `id = onlyId` when set, and
 * `status = 'active'` unless deactivated people are included.
 */
export interface PeopleScope {
  orgId: string;
  onlyId: string | null;
  includeDeactivated: boolean;
}

export function visiblePeopleScope(viewer: Actor): PeopleScope {
  return {
    orgId: viewer.org_id,
    onlyId: viewer.role === 'guest' ? viewer.id : null,
    includeDeactivated: isAdmin(viewer),
  };
}

/** People edit their own profile; admins anyone's (including manager and employee id). */
export function assertCanEditProfile(actor: Actor, target: Target): void {
  if (actor.id !== target.id && !isAdmin(actor)) throw forbidden('Only company admins can edit other people’s profiles.');
}

/**
 * An integration's bot person keeps the member role and its integration decides whether it is
 * active (integrations/service.ts); it never gets a sign-in name, so no sign-in path reaches it.
 */
export function assertNotBot(target: Partial<Pick<PeopleTable, 'is_bot'>>): void {
  if (target.is_bot === 1) throw new AppError(409, 'bot_person', 'This is an integration’s bot: change it under Integrations.');
}

/** A company-defined profile field shown to everyone, or only to admins (not even to the person). */
export function canSeeProfileField(viewer: Pick<PeopleTable, 'role'>, field: { visibility: 'everyone' | 'admins' }): boolean {
  return field.visibility === 'everyone' || isAdmin(viewer);
}

/**
 * A manager is an active colleague of the same company who is not a guest (guests are outsiders);
 * nobody manages themselves. Cycles are checked by the service, which needs the chain above.
 */
export function managerProblem(person: Target, manager: Target | undefined): string | null {
  if (!manager || manager.org_id !== person.org_id) return 'is not a person of this company';
  if (manager.id === person.id) return 'cannot be the person themselves';
  if (manager.status !== 'active') return 'is deactivated';
  if (manager.role === 'guest') return 'is a guest';
  return null;
}

/** Following is for people one may see who are active; nobody follows themselves. */
export function canFollow(viewer: Actor, person: Target): boolean {
  return canSeePerson(viewer, person) && viewer.id !== person.id && person.status === 'active';
}
