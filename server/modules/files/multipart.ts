import type { FastifyRequest } from 'fastify';
import { AppError, badInput } from '../../errors.js';

/** 10485760 → "10 MB", 1572864 → "1.5 MB", 2048 → "2 KB" (a limit under 1 MB must not read "0 MB"). */
export const readableSize = (bytes: number): string =>
  bytes >= 1_048_576 ? `${Number((bytes / 1_048_576).toFixed(1))} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;

/**
 * Reads the one file part of a multipart body, whole, in memory (bounded by `limit`). A body the
 * parser cannot read (no boundary, cut short) is the client's error, named by `field`, not a 500.
 * `label` starts the 413 message ("The photo is larger than 10 MB.").
 */
export async function readOneFile(
  req: FastifyRequest,
  field: string,
  label: string,
  limit: number,
): Promise<{ data: Buffer; filename: string; declaredType: string }> {
  const malformed = (err: unknown): never => {
    const status = (err as { statusCode?: unknown }).statusCode;
    if (err instanceof AppError || (typeof status === 'number' && status >= 400 && status < 500)) throw err;
    throw badInput(field, 'could not be read: the multipart body is malformed');
  };
  if (!req.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', `Send the file as multipart/form-data in the field "${field}".`);
  }
  const part = await req.file({ limits: { fileSize: limit, files: 1 } }).catch(malformed);
  if (!part || part.fieldname !== field) throw badInput(field, 'is required');
  const data = await part.toBuffer().catch((err: unknown) => {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'file_too_large', `${label} is larger than ${readableSize(limit)}.`, { field });
    }
    return malformed(err);
  });
  if (data.length === 0) throw badInput(field, 'is empty');
  return { data, filename: part.filename, declaredType: part.mimetype };
}
