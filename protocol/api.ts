import { z } from 'zod';

/**
 * Shapes of the REST API (/api/v1), shared by the server, the web app and SDKs.
 * Inputs are .strict(): unknown fields are rejected with a 400 naming them.
 */

export const ROLES = ['owner', 'admin', 'member', 'guest'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const LOCALES = ['en', 'fr'] as const;
export const localeSchema = z.enum(LOCALES);

/** Length as people count it: an emoji or accented letter is one character, not two UTF-16 units. */
const charCount = (s: string): number => [...s].length;

export const trimmed = (min: number, max: number) =>
  z
    .string()
    .trim()
    // A cheap bound first, so a huge string is refused before it is split into characters.
    .max(max * 4, `must be at most ${max} characters`)
    .refine((s) => charCount(s) >= min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .refine((s) => charCount(s) <= max, `must be at most ${max} characters`)
    // Control characters break display and logs, and bidirectional overrides can disguise a name
    // ("Ann\u202Enimda"); ordinary right-to-left text and emoji are fine.
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), 'must not contain control characters');

export const displayNameSchema = trimmed(1, 100);
export const emailSchema = z.string().trim().max(254, 'must be at most 254 characters').pipe(z.email('must be a valid e-mail address'));
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'use lower-case letters, digits and dashes (not at the ends)');
export const idSchema = z.uuid('must be an id');

/** One convention for every list: `?cursor=…&limit=…` → `{ items, nextCursor }`. */
export const pageQuerySchema = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const orgSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), url: z.string() });
export type Org = z.infer<typeof orgSchema>;

export const personSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  status: z.enum(['active', 'deactivated']),
  title: z.string().nullable(),
  department: z.string().nullable(),
  locale: localeSchema.nullable(),
  photoUrl: z.string().nullable(),
  createdAt: z.string(),
  location: z.string().nullable(),
  phone: z.string().nullable(),
  about: z.string().nullable(),
  skills: z.array(z.string()),
  managerId: z.string().nullable(),
  employeeId: z.string().nullable(),
  /** An integration's bot (shown with a "Bot" badge; nobody signs in as it). */
  isBot: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const sessionInfoSchema = z.object({
  org: orgSchema,
  person: personSchema,
  csrfToken: z.string(),
  /** This browser's session, as listed by GET /api/v1/me/sessions. */
  sessionId: z.string(),
  /** The last realtime sequence number of this person, to start a live connection from. */
  eventSeq: z.number(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const signUpInputSchema = z
  .object({
    companyName: trimmed(1, 100),
    slug: slugSchema,
    ownerName: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
    locale: localeSchema.optional(),
  })
  .strict();
export const signUpResultSchema = z.object({ org: orgSchema, continueUrl: z.string() });

export const slugCheckSchema = z.object({ slug: z.string(), available: z.boolean(), reason: z.string().nullable() });

/** `login` is an e-mail, a username or an employee id; `email` is its older name, still accepted. */
export const signInInputSchema = z
  .object({
    login: z.string().trim().min(1, 'is required').max(254, 'must be at most 254 characters').optional(),
    email: z.string().trim().min(1, 'is required').max(254, 'must be at most 254 characters').optional(),
    // Optional here only so that a body missing both names both (a failed object skips the check below).
    password: z.string().min(1, 'is required').max(256).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.login === undefined && v.email === undefined) ctx.addIssue({ code: 'custom', message: 'is required', path: ['login'] });
    if (v.password === undefined) ctx.addIssue({ code: 'custom', message: 'is required', path: ['password'] });
  });
/** A sign-in that needs one more step: post the step's answer with `challenge` (10 minutes, once). */
export const signInStepSchema = z.object({
  step: z.enum(['totp', 'totp_setup', 'terms']),
  challenge: z.string(),
});
export const findCompanyInputSchema = z.object({ email: emailSchema }).strict();
export const resetRequestInputSchema = z.object({ email: emailSchema }).strict();
export const resetCompleteInputSchema = z.object({ token: z.string().min(10).max(200), password: passwordSchema }).strict();
export const changePasswordInputSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }).strict();

/** Free text on one line: where someone works, how to call them. Empty clears it. */
export const locationSchema = trimmed(0, 100);
export const phoneSchema = trimmed(0, 40);
/** Plain text over several lines: line breaks and tabs are kept, other control characters refused. */
export const aboutSchema = z
  .string()
  .trim()
  .max(2000 * 4, 'must be at most 2000 characters')
  .refine((s) => charCount(s) <= 2000, 'must be at most 2000 characters')
  .refine(
    (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
    'must not contain control characters',
  );
/** At most 30 skills of at most 40 characters; duplicates (ignoring case and accents) are dropped by the server. */
export const skillsSchema = z.array(trimmed(1, 40)).max(30, 'at most 30 skills');

export const profileUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    locale: localeSchema.nullable().optional(),
    title: trimmed(0, 100).nullable().optional(),
    department: trimmed(0, 100).nullable().optional(),
    location: locationSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    about: aboutSchema.nullable().optional(),
    skills: skillsSchema.optional(),
  })
  .strict();

export const sessionItemSchema = z.object({
  id: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});

export const adminPeopleQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .strict();
export const roleChangeSchema = z.object({ role: roleSchema }).strict();

export const emailInvitesInputSchema = z
  .object({
    emails: z.array(emailSchema).min(1, 'must list at least one address').max(100, 'at most 100 at once'),
    role: z.enum(['admin', 'member', 'guest']).default('member'),
  })
  .strict();
export const inviteSchema = z.object({
  id: z.string(),
  kind: z.enum(['email', 'link']),
  email: z.string().nullable(),
  role: roleSchema,
  maxUses: z.number(),
  uses: z.number(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(['active', 'used', 'expired', 'revoked']),
});
export const inviteLinkInputSchema = z
  .object({
    role: z.enum(['member', 'guest']).default('member'),
    maxUses: z.number().int().min(1).max(10_000).default(50),
    expiresInDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();
export const inviteLinkCreatedSchema = z.object({ invite: inviteSchema, url: z.string() });
export const invitePreviewSchema = z.object({
  org: orgSchema,
  email: z.string().nullable(),
  role: roleSchema,
  invitedBy: z.string(),
});
export const acceptInviteInputSchema = z
  .object({
    displayName: displayNameSchema,
    email: emailSchema.optional(),
    password: passwordSchema,
    locale: localeSchema.optional(),
  })
  .strict();

/** RFC 9457 problem details, as every error is returned. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string().describe('stable machine-readable error code'),
    detail: z.string(),
    instance: z.string().optional(),
    field: z.string().optional().describe('the input field at fault'),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
    scope: z.string().optional().describe('the token scope the route needs (missing_scope)'),
    callId: z.string().optional().describe('the call already going on in the conversation (call_in_progress)'),
    requestId: z.string().optional(),
  })
  .loose();
