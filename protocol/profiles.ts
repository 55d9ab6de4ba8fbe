import { z } from 'zod';
import {
  aboutSchema,
  displayNameSchema,
  idSchema,
  locationSchema,
  localeSchema,
  pageQuerySchema,
  page,
  personSchema,
  phoneSchema,
  skillsSchema,
  trimmed,
} from './api.js';

/**
 * Rich profiles, the directory, the org chart, follows and company-defined profile fields.
 * Inputs are .strict(): unknown fields are a 400 naming them.
 */

/** What an admin may change on anyone's profile (PATCH /api/v1/admin/people/:id/profile). */
export const adminProfileUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    locale: localeSchema.nullable().optional(),
    title: trimmed(0, 100).nullable().optional(),
    department: trimmed(0, 100).nullable().optional(),
    location: locationSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    about: aboutSchema.nullable().optional(),
    skills: skillsSchema.optional(),
    managerId: idSchema.nullable().optional(),
    employeeId: trimmed(0, 64).nullable().optional(),
  })
  .strict();

/** A colleague in a few words: for the manager line, the org chart, follower lists. */
export const personSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  photoUrl: z.string().nullable(),
  status: z.enum(['active', 'deactivated']),
  /** An integration's bot (shown with a "Bot" badge). */
  isBot: z.boolean(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const PROFILE_FIELD_KINDS = ['text', 'url', 'date'] as const;
export const PROFILE_FIELD_VISIBILITIES = ['everyone', 'admins'] as const;

export const profileFieldSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(PROFILE_FIELD_KINDS),
  order: z.number(),
  visibleTo: z.enum(PROFILE_FIELD_VISIBILITIES),
});
export type ProfileField = z.infer<typeof profileFieldSchema>;

export const profileFieldCreateSchema = z
  .object({
    label: trimmed(1, 60),
    kind: z.enum(PROFILE_FIELD_KINDS),
    order: z.number().int().min(0).max(10_000).optional(),
    visibleTo: z.enum(PROFILE_FIELD_VISIBILITIES).default('everyone'),
  })
  .strict();
/** The kind of a field is fixed once made: values already stored were checked against it. */
export const profileFieldUpdateSchema = z
  .object({
    label: trimmed(1, 60).optional(),
    order: z.number().int().min(0).max(10_000).optional(),
    visibleTo: z.enum(PROFILE_FIELD_VISIBILITIES).optional(),
  })
  .strict();

/** `{ values: { <fieldId>: "text" | null } }`: null or "" removes a value; fields not named are left as they are. */
export const fieldValuesInputSchema = z
  .object({
    values: z
      .record(z.string().max(100), z.string().max(4000).nullable())
      .refine((v) => Object.keys(v).length <= 100, 'at most 100 fields'),
  })
  .strict();

export const profileFieldValueSchema = profileFieldSchema.extend({ value: z.string() });

/** GET /api/v1/people/:id/profile */
export const profileSchema = z.object({
  person: personSchema,
  manager: personSummarySchema.nullable(),
  directReports: z.number(),
  followers: z.number(),
  following: z.number(),
  /** Whether the viewer follows this person. */
  viewerFollows: z.boolean(),
  /** Company-defined fields that have a value and that the viewer may see, in the company's order. */
  fields: z.array(profileFieldValueSchema),
});
export type Profile = z.infer<typeof profileSchema>;

const filterValue = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/**
 * GET /api/v1/people: the directory. `q` matches words anywhere (name, e-mail, title, department,
 * location, skills, manager's name); the other filters match a whole value, ignoring case and accents.
 * `status` is for admins (deactivated people are never listed to others).
 */
export const directoryQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(100).optional(),
    department: filterValue.optional(),
    location: filterValue.optional(),
    title: filterValue.optional(),
    skill: filterValue.optional(),
    status: z.enum(['active', 'deactivated', 'all']).default('active'),
  })
  .strict();

export const facetSchema = z.object({ value: z.string(), count: z.number() });
export const directoryFacetsSchema = z.object({ departments: z.array(facetSchema), locations: z.array(facetSchema) });

export const orgChartSchema = z.object({
  /** The manager, the manager's manager, … up to the top (at most 50). */
  chain: z.array(personSummarySchema),
  person: personSummarySchema,
  /** The first page of direct reports; more with GET /api/v1/people/:id/reports. */
  reports: page(personSummarySchema),
});

export const followStateSchema = z.object({ personId: z.string(), following: z.boolean(), followers: z.number() });

export const peoplePage = page(personSummarySchema);
