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
