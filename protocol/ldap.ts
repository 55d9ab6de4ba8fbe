import { z } from 'zod';
import { LDAP_PRESETS } from './ldap-presets.js';

/**
 * LDAP / Active Directory sync: a company's directory configuration, its attribute mapping and the
 * runs of the sync (server/modules/ldap). Shared with the web app, which offers the presets below.
 */

const attributeName = z
  .string()
  .trim()
  .regex(/^([A-Za-z][A-Za-z0-9-]{0,63}|\d+(\.\d+)+)$/, 'must be an LDAP attribute name such as mail or sAMAccountName');
/** Attributes tried in order: the first one the entry has gives the value. Empty: not synced. */
const attributeList = z.array(attributeName).max(5, 'lists at most 5 attributes');

/**
 * When a directory entry counts as disabled (its person is deactivated):
 * - `userAccountControl`: Active Directory's flag ACCOUNTDISABLE (bit 2) is set;
 * - `attribute`: the entry has `attribute` — with `value` (compared ignoring case), or any value when null
 *   (OpenLDAP's password policy lock `pwdAccountLockedTime`, or e.g. `employeeType=disabled`);
 * - `none`: only entries gone from the directory are leavers.
 */
export const disabledRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('userAccountControl') }).strict(),
  z.object({ kind: z.literal('attribute'), attribute: attributeName, value: z.string().trim().min(1).max(200).nullable() }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type DisabledRule = z.infer<typeof disabledRuleSchema>;

export const ldapMappingSchema = z
  .object({
    /** The entry's stable id (objectGUID, entryUUID): people stay linked through renames and moves. */
    key: attributeName,
    username: attributeList,
    email: attributeList,
    displayName: attributeList.min(1, 'needs at least one attribute'),
    title: attributeList,
    department: attributeList,
    phone: attributeList,
    employeeId: attributeList,
    location: attributeList,
    /** An attribute holding the manager's DN; null: managers are not synced. */
    manager: attributeName.nullable(),
    disabled: disabledRuleSchema,
  })
  .strict();
export type LdapMapping = z.infer<typeof ldapMappingSchema>;

export { LDAP_PRESETS, PRESET_FILTERS, PRESET_MAPPINGS, type LdapPreset } from './ldap-presets.js';

const dn = (what: string) => z.string().trim().min(1, 'is required').max(1000, `is longer than 1000 characters (${what})`);

export const ldapConfigInputSchema = z
  .object({
    /** ldap://host[:port] or ldaps://host[:port]; nothing after the port. */
    url: z
      .string()
      .trim()
      .max(500)
      .regex(/^ldaps?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/i, 'must be ldap://host[:port] or ldaps://host[:port]'),
    startTls: z.boolean().default(false),
    /** A CA certificate (PEM) to trust for this server, besides the system's; null: the system's only. */
    caCertificate: z.string().max(20_000).nullable().default(null),
    bindDn: dn('bindDn'),
    /** Write-only. Omitted: keep the stored one (required the first time). */
    bindPassword: z.string().min(1, 'is required').max(500).optional(),
    baseDn: dn('baseDn'),
    preset: z.enum(LDAP_PRESETS),
    /** Omitted: the preset's filter. */
    userFilter: z.string().trim().min(3).max(2000).optional(),
    /** Omitted: the preset's mapping (required for `custom`). */
    mapping: ldapMappingSchema.optional(),
    /** Sync every N minutes; 0: only on demand. */
    scheduleMinutes: z.number().int().min(0).max(10_080).default(0),
    /** People linked to the directory may sign in with their directory password. */
    signInWithBind: z.boolean().default(false),
    /** A run that would deactivate more than this share of the linked people stops unless forced. */
    maxDeactivatePercent: z.number().int().min(0).max(100).default(20),
  })
  .strict()
  .refine((c) => c.scheduleMinutes === 0 || c.scheduleMinutes >= 5, {
    message: 'must be 0 (off) or at least 5 minutes',
    path: ['scheduleMinutes'],
  })
  .refine((c) => !(c.startTls && /^ldaps:/i.test(c.url)), { message: 'cannot be used with ldaps://', path: ['startTls'] })
  .refine((c) => c.preset !== 'custom' || c.mapping !== undefined, { message: 'is required with the custom preset', path: ['mapping'] })
  .refine((c) => c.preset !== 'custom' || c.userFilter !== undefined, {
    message: 'is required with the custom preset',
    path: ['userFilter'],
  });
export type LdapConfigInput = z.input<typeof ldapConfigInputSchema>;

export const ldapConfigSchema = z.object({
  url: z.string(),
  startTls: z.boolean(),
  caCertificate: z.string().nullable(),
  bindDn: z.string(),
  /** The password itself is never returned. */
  bindPasswordSet: z.boolean(),
  baseDn: z.string(),
  preset: z.enum(LDAP_PRESETS),
  userFilter: z.string(),
  mapping: ldapMappingSchema,
  scheduleMinutes: z.number(),
  signInWithBind: z.boolean(),
  maxDeactivatePercent: z.number(),
  /** A real sync needs a dry run of this very configuration first. */
  dryRunDone: z.boolean(),
  nextSyncAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type LdapConfig = z.infer<typeof ldapConfigSchema>;

/** Test a configuration before saving it: the fields given replace the stored ones for this test. */
export const ldapTestInputSchema = z
  .object({
    url: z.string().optional(),
    startTls: z.boolean().optional(),
    caCertificate: z.string().max(20_000).nullable().optional(),
    bindDn: z.string().max(1000).optional(),
    bindPassword: z.string().min(1, 'is required').max(500).optional(),
    baseDn: z.string().max(1000).optional(),
    preset: z.enum(LDAP_PRESETS).optional(),
    userFilter: z.string().max(2000).optional(),
    mapping: ldapMappingSchema.optional(),
  })
  .strict();

export const ldapTestResultSchema = z.object({
  ok: z.boolean(),
  /** The step that failed, or `search` when all went through. */
  step: z.enum(['config', 'connect', 'starttls', 'bind', 'search']),
  message: z.string(),
  durationMs: z.number(),
  /** Up to 5 entries as they would be read. */
  sample: z.array(
    z.object({
      dn: z.string(),
      key: z.string().nullable(),
      displayName: z.string().nullable(),
      username: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
export type LdapTestResult = z.infer<typeof ldapTestResultSchema>;

export const ldapSyncInputSchema = z
  .object({
    dryRun: z.boolean(),
    /** Go past the deactivation limit (maxDeactivatePercent). */
    force: z.boolean().optional(),
  })
  .strict();

export const ldapRunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

export const ldapRunProblemSchema = z.object({
  dn: z.string(),
  key: z.string().nullable(),
  /** The person's field at fault (displayName, email, manager, …), or null for the whole entry. */
  field: z.string().nullable(),
  /** What is wrong (`no_name`, `taken`, `manager_loop`, … or the refusal's error code), with its facts. */
  code: z.string(),
  params: z.record(z.string(), z.string()),
  /** The same in English. */
  message: z.string(),
});
export type LdapRunProblem = z.infer<typeof ldapRunProblemSchema>;

export const ldapRunChangeSchema = z.object({
  action: z.enum(['create', 'link', 'update', 'reactivate', 'deactivate']),
  dn: z.string().nullable(),
  key: z.string(),
  name: z.string(),
  personId: z.string().nullable(),
  /** What changes (update) or why (deactivate: `gone` or `disabled`). */
  fields: z.array(z.string()),
});
export type LdapRunChange = z.infer<typeof ldapRunChangeSchema>;

export const ldapRunSchema = z.object({
  id: z.string(),
  status: ldapRunStatusSchema,
  dryRun: z.boolean(),
  forced: z.boolean(),
  trigger: z.enum(['manual', 'schedule']),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  counts: z.object({
    entries: z.number(),
    created: z.number(),
    updated: z.number(),
    reactivated: z.number(),
    deactivated: z.number(),
    unchanged: z.number(),
    skipped: z.number(),
    errors: z.number(),
  }),
  progress: z.object({ processed: z.number(), total: z.number() }),
  safetyValve: z.object({ limitPercent: z.number(), linked: z.number(), deactivations: z.number(), tripped: z.boolean() }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type LdapRun = z.infer<typeof ldapRunSchema>;

/** The run with what happened (or would) to each entry; each list holds its first 500. */
export const ldapRunDetailSchema = ldapRunSchema.extend({
  problems: z.array(ldapRunProblemSchema),
  changes: z.array(ldapRunChangeSchema),
});
export type LdapRunDetail = z.infer<typeof ldapRunDetailSchema>;

export const ldapSyncStartedSchema = z.object({ runId: z.string() });
