import { z } from 'zod';
import { idSchema, pageQuerySchema, personSchema } from './api.js';

/** Groups: shapes of /api/v1/groups and /api/v1/admin/groups. Inputs are .strict(). */

export const GROUP_VISIBILITIES = ['open', 'closed', 'secret'] as const;
export const groupVisibilitySchema = z.enum(GROUP_VISIBILITIES);
export const GROUP_ROLES = ['admin', 'moderator', 'member'] as const;
export const groupRoleSchema = z.enum(GROUP_ROLES);
export const notifyLevelSchema = z.enum(['all', 'highlights', 'off']);
export const postPermissionSchema = z.enum(['everyone', 'admins']);

const charCount = (s: string): number => [...s].length;
/** Trimmed text counted in characters as people count them, without control characters. */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .max(max * 4, `must be at most ${max} characters`)
    .refine((s) => charCount(s) >= min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .refine((s) => charCount(s) <= max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), 'must not contain control characters');

export const groupNameSchema = text(1, 200);
export const groupDescriptionSchema = text(0, 5000);

export const createGroupSchema = z
  .object({
    name: groupNameSchema,
    description: groupDescriptionSchema.default(''),
    visibility: groupVisibilitySchema.default('closed'),
    postPermission: postPermissionSchema.default('everyone'),
    postApproval: z.boolean().default(false),
  })
  .strict();

export const updateGroupSchema = z
  .object({
    name: groupNameSchema.optional(),
    description: groupDescriptionSchema.optional(),
    visibility: groupVisibilitySchema.optional(),
    postPermission: postPermissionSchema.optional(),
    postApproval: z.boolean().optional(),
  })
  .strict();

export const groupListQuerySchema = pageQuerySchema
  .extend({
    /** mine: groups I belong to; discover: groups I may find and join, not archived; none: all I may find. */
    filter: z.enum(['mine', 'discover']).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();

export const adminGroupListQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() }).strict();

export const invitePeopleSchema = z
  .object({ personIds: z.array(idSchema).min(1, 'must list at least one person').max(100, 'at most 100 at once') })
  .strict();
export const memberRoleChangeSchema = z.object({ role: groupRoleSchema }).strict();
export const notificationsSchema = z.object({ level: notifyLevelSchema }).strict();

export const groupRequestParams = z.object({ id: idSchema, requestId: idSchema }).strict();
export const groupMemberParams = z.object({ id: idSchema, personId: idSchema }).strict();

/** What every member and realtime event sees of a group, whoever asks. */
export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  visibility: groupVisibilitySchema,
  postPermission: postPermissionSchema,
  postApproval: z.boolean(),
  isCompanyWide: z.boolean(),
  archivedAt: z.string().nullable(),
  /** The cover picture's URL (GET /api/v1/files/:id), or null. */
  coverUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Group = z.infer<typeof groupSchema>;

/** A group as one viewer sees it: with the member count, their membership and what they may do. */
export const groupViewSchema = groupSchema.extend({
  memberCount: z.number(),
  membership: z.object({ role: groupRoleSchema, notify: notifyLevelSchema, joinedAt: z.string() }).nullable(),
  /** The viewer's pending join request or invitation, if any. */
  pending: z.enum(['request', 'invite']).nullable(),
  can: z.object({
    seeMembers: z.boolean(),
    seePosts: z.boolean(),
    post: z.boolean(),
    manage: z.boolean(),
    moderate: z.boolean(),
    join: z.boolean(),
    requestToJoin: z.boolean(),
  }),
});
export type GroupView = z.infer<typeof groupViewSchema>;

export const groupMemberSchema = z.object({ person: personSchema, role: groupRoleSchema, joinedAt: z.string() });

export const groupRequestSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  personId: z.string(),
  kind: z.enum(['request', 'invite']),
  status: z.enum(['pending', 'approved', 'declined', 'cancelled']),
  createdBy: z.string(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const groupRequestItemSchema = groupRequestSchema.extend({ person: personSchema });

export const joinResultSchema = z.object({
  status: z.enum(['joined', 'requested']),
  group: groupViewSchema,
  request: groupRequestSchema.nullable(),
});

/** For company admins: every group, secret ones included, without their content. */
export const adminGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  visibility: groupVisibilitySchema,
  isCompanyWide: z.boolean(),
  memberCount: z.number(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const MEMBERSHIP_CHANGES = ['joined', 'left', 'removed', 'role_changed', 'requested', 'invited', 'declined'] as const;
export const groupMembershipEventSchema = z.object({
  groupId: z.string(),
  personId: z.string(),
  status: z.enum(MEMBERSHIP_CHANGES),
  role: groupRoleSchema.optional(),
});
