import { z } from 'zod';

/** Shapes of bulk import of people from CSV or XLSX (server/modules/imports). */

/** What a column of the file can fill. A name, or a first and last name, is needed. */
export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'username',
  'employeeId',
  'title',
  'department',
  'manager',
  'phone',
  'location',
  'role',
  'frontline',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const column = z.string().min(1, 'is required').max(300);
export const importColumnsSchema = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column.optional()])) as Record<ImportField, z.ZodOptional<typeof column>>)
  .strict();
export type ImportColumns = Partial<Record<ImportField, string>>;

export const importOptionsSchema = z
  .object({
    /** How a row finds the person it is about: a new import of the same file creates nobody twice. */
    match: z.enum(['employeeId', 'email']),
    /**
     * none; invitations: a welcome e-mail with a link to choose a password for new people with an
     * e-mail; access_codes: the same e-mail, and access codes (issued by an admin after the run)
     * for new people without one.
     */
    sendAccess: z.enum(['none', 'invitations', 'access_codes']).default('none'),
    /** Deactivate members and guests who have the matching key but are not in the file. */
    deactivateMissing: z.boolean().default(false),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importMappingSchema = z.object({ columns: importColumnsSchema, options: importOptionsSchema }).strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importStatusSchema = z.enum(['uploaded', 'mapped', 'previewing', 'previewed', 'running', 'finished', 'failed']);
export const importRowStatusSchema = z.enum(['create', 'update', 'unchanged', 'error']);

export const importSchema = z.object({
  id: z.string(),
  status: importStatusSchema,
  fileName: z.string(),
  byteSize: z.number(),
  format: z.enum(['csv', 'xlsx']),
  /** utf-8, utf-16le, utf-16be or windows-1252 (Latin-1); null for XLSX. */
  encoding: z.string().nullable(),
  /** `,` `;` or a tab; null for XLSX. */
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows of the file, as text. */
  sample: z.array(z.array(z.string())),
  totalRows: z.number(),
  /** Columns guessed from the headers' names (English and French). */
  suggested: z.record(z.string(), z.string()),
  mapping: importMappingSchema.nullable(),
  /** Whether the counts are what a run would do (dry run) or what it did. */
  dryRun: z.boolean(),
  phase: z.enum(['people', 'managers', 'access', 'deactivate', 'done']).nullable(),
  progress: z.object({ done: z.number(), total: z.number() }),
  counts: z.object({
    create: z.number(),
    update: z.number(),
    unchanged: z.number(),
    error: z.number(),
    deactivate: z.number(),
  }),
  access: z.object({ invitationsSent: z.number(), codesToIssue: z.number(), codesIssued: z.number() }),
  error: z.string().nullable(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Import = z.infer<typeof importSchema>;

export const importRowSchema = z.object({
  row: z.number(),
  status: importRowStatusSchema,
  field: z.string().nullable(),
  /** The file's column the field came from, when there is one. */
  column: z.string().nullable(),
  message: z.string().nullable(),
  personId: z.string().nullable(),
  name: z.string().nullable(),
  key: z.string().nullable(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importRowsQuerySchema = z
  .object({
    status: importRowStatusSchema.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const importsQuerySchema = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
