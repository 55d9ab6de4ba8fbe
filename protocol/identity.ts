import { z } from 'zod';

/** Shapes of identity and provisioning: company sign-in policy, audit log, access codes. */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const workingHoursSchema = z
  .object({
    enabled: z.boolean(),
    timeZone: z.string().max(64).refine(isTimeZone, 'is not a time zone (e.g. Europe/Paris)'),
    /** 0 = Sunday … 6 = Saturday. */
    days: z.array(z.number().int().min(0).max(6)).max(7),
    start: clock,
    end: clock,
  })
  .strict();

export const termsSchema = z
  .object({
    required: z.boolean(),
    text: z.string().max(20_000),
    /** Accept again after this many months; 0: once, until the text changes. */
    renewMonths: z.number().int().min(0).max(60),
  })
  .strict();

export const identitySettingsSchema = z
  .object({
    /** Who must use a second factor: nobody forced, admins and owners, everyone. */
    twoFactor: z.enum(['optional', 'admins', 'everyone']),
    /** How long "remember this device" skips the second factor; 0 turns the option off. */
    rememberDeviceDays: z.number().int().min(0).max(90),
    /** Passwords off (but for the break-glass owner): sign-in goes through the company's SSO. */
    enforceSso: z.boolean(),
    breakGlassOwnerId: z.uuid('must be an id').nullable(),
    /** How long a new access code stays valid. */
    accessCodeDays: z.number().int().min(1).max(90),
    workingHours: workingHoursSchema,
    terms: termsSchema,
  })
  .strict();
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = {
  twoFactor: 'optional',
  rememberDeviceDays: 30,
  enforceSso: false,
  breakGlassOwnerId: null,
  accessCodeDays: 14,
  workingHours: { enabled: false, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
  terms: { required: false, text: '', renewMonths: 12 },
};

/** What admins see and change; `termsUpdatedAt` moves when the terms' text changes (everyone accepts again). */
export const identitySettingsViewSchema = identitySettingsSchema.extend({ termsUpdatedAt: z.string().nullable() });
export const identitySettingsPatchSchema = identitySettingsSchema.partial().strict();

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.object({ kind: z.string(), id: z.string().nullable(), label: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const isoDate = z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });

export const auditQuerySchema = z
  .object({
    /** An action (`person.deactivated`) or a family of them (`auth`, `scim`). */
    action: z
      .string()
      .max(80)
      .regex(/^[a-z_.]+$/, 'must be an action such as auth.sign_in or a family such as auth')
      .optional(),
    actorId: z.uuid('must be an id').optional(),
    targetId: z.uuid('must be an id').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().max(200).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const auditExportQuerySchema = auditQuerySchema.omit({ cursor: true, limit: true });

// Sign-in steps (server/modules/identity/sign-in-routes.ts).
const challenge = z.string().min(10, 'is not a sign-in challenge').max(200, 'is not a sign-in challenge');
export const challengeQuerySchema = z.object({ challenge }).strict();
export const challengeInfoSchema = z.object({
  step: z.enum(['totp', 'totp_setup', 'terms']),
  displayName: z.string(),
  /** The usage terms to accept, when that is the step. */
  terms: z.string().nullable(),
  rememberDeviceDays: z.number(),
});
export const totpStepInputSchema = z
  .object({
    challenge,
    code: z.string().trim().min(1, 'is required').max(20).optional(),
    recoveryCode: z.string().trim().min(1, 'is required').max(40).optional(),
    rememberDevice: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.code !== undefined || v.recoveryCode !== undefined, { message: 'is required', path: ['code'] });
export const totpEnrollmentSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export const termsStepInputSchema = z.object({ challenge, accept: z.literal(true, 'must be true to continue') }).strict();
/** Shown once, after a second factor is set up. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

// Access codes.
export const accessCodeInputSchema = z.object({ code: z.string().trim().min(1, 'is required').max(40) }).strict();
export const accessCodeClaimSchema = z
  .object({
    code: z.string().trim().min(1, 'is required').max(40),
    password: z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters'),
  })
  .strict();
export const accessCodeCheckSchema = z.object({ displayName: z.string(), login: z.string(), next: z.enum(['password', 'sso']) });
export const issueAccessCodesSchema = z
  .object({ personIds: z.array(z.uuid('must be an id')).min(1, 'needs at least one person').max(500) })
  .strict();
export const issuedAccessCodeSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  login: z.string(),
  code: z.string(),
  expiresAt: z.string(),
  claimUrl: z.string(),
});
export const accessCodeItemSchema = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), displayName: z.string(), login: z.string() }),
  status: z.enum(['active', 'used', 'expired', 'revoked']),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
});
export const accessCodesQuerySchema = z
  .object({
    personId: z.uuid('must be an id').optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const accessCodeSheetSchema = z
  .object({
    format: z.enum(['pdf', 'csv']),
    codes: z
      .array(z.object({ personId: z.uuid('must be an id'), code: z.string().max(40) }).strict())
      .min(1, 'needs at least one code')
      .max(500),
  })
  .strict();

/** An admin adds someone directly, e.g. staff without e-mail who will get an access code. */
export const createPersonSchema = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(200),
    email: z.string().trim().max(254).pipe(z.email('must be a valid e-mail address')).optional(),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'must be 2 to 64 letters, digits, dots, dashes, underscores or @')
      .optional(),
    employeeId: z.string().trim().min(1).max(64).optional(),
    title: z.string().trim().max(200).optional(),
    department: z.string().trim().max(200).optional(),
    location: z.string().trim().max(100).optional(),
    managerId: z.uuid('must be an id').optional(),
    role: z.enum(['member', 'admin', 'guest']).optional(),
    frontline: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.email || v.username || v.employeeId, {
    message: 'needs an e-mail, a username or an employee id to sign in with',
    path: ['username'],
  });

// My second factor (server/modules/identity/two-factor-routes.ts).
export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number(),
  rememberedDevices: z.number(),
});
export const totpCodeInputSchema = z.object({ code: z.string().trim().min(1, 'is required').max(20) }).strict();
