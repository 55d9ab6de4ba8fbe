import type { Person, Role } from '../api/types';

// Listed here rather than imported from protocol/ so that the web bundle does not pull in zod.
export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'guest'];

const ROLE_KEYS = {
  owner: 'roles.owner',
  admin: 'roles.admin',
  member: 'roles.member',
  guest: 'roles.guest',
} as const;

// "as a member" / "en tant que membre": in a sentence a role reads differently than as a label.
const ROLE_INLINE_KEYS = {
  owner: 'rolesInline.owner',
  admin: 'rolesInline.admin',
  member: 'rolesInline.member',
  guest: 'rolesInline.guest',
} as const;

const ROLE_PLURAL_KEYS = {
  owner: 'rolesPlural.owner',
  admin: 'rolesPlural.admin',
  member: 'rolesPlural.member',
  guest: 'rolesPlural.guest',
} as const;

const STATUS_KEYS = {
  active: 'status.active',
  deactivated: 'status.deactivated',
} as const;

export const roleLabelKey = (role: Role) => ROLE_KEYS[role];
export const roleInlineKey = (role: Role) => ROLE_INLINE_KEYS[role];
export const rolePluralKey = (role: Role) => ROLE_PLURAL_KEYS[role];
export const statusLabelKey = (status: Person['status']) => STATUS_KEYS[status];
