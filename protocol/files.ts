import { z } from 'zod';
import { idSchema } from './api.js';

/** Uploads and post attachments: shapes of POST /api/v1/uploads and of `attachments` in a post. */

export const MAX_ATTACHMENTS_PER_POST = 10;

export const attachmentKindSchema = z.enum(['image', 'file']);

/**
 * An upload, the same before and after a post takes it. Images are re-encoded WebP (so `mimeType`
 * is image/webp, `size` the stored size) with a thumbnail and their pixel size; files carry the type
 * read from their bytes (application/octet-stream when unknown) and are always downloaded, never shown.
 */
export const attachmentSchema = z.object({
  id: z.string(),
  kind: attachmentKindSchema,
  /** The file's name as the uploader's device gave it, cleaned of paths and control characters. */
  name: z.string(),
  size: z.number(),
  mimeType: z.string(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Uploads of mine that a new post takes, in the order shown. */
export const attachmentIdsSchema = z
  .array(idSchema)
  .max(MAX_ATTACHMENTS_PER_POST, `must hold at most ${MAX_ATTACHMENTS_PER_POST} attachments`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an attachment');
