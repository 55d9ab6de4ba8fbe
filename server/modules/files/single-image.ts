import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { inTx, type AppContext } from '../../context.js';
import type { FilePurpose } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { readOneFile } from './multipart.js';

export interface SingleImage {
  /** The multipart field, named by every error. */
  field: string;
  /** Starts the 413 message ("The photo is larger than 10 MB."). */
  label: string;
  purpose: FilePurpose;
  width: number;
  height: number;
  /** The status of "not an image we can read" (the profile photo answered 415 before covers existed). */
  notAnImageStatus: 400 | 415;
}

/**
 * One picture from a multipart body (a profile photo, a group cover): decoded by sharp, so a
 * non-image is refused whatever its name says, turned upright, cropped to `width`×`height`,
 * re-encoded as WebP (which drops every metadata block: location, camera), stored in the blob
 * store and as a `files` row of `purpose` owned by `ownerId`. Returns the new file's id.
 */
export async function storeSingleImage(
  ctx: AppContext,
  req: FastifyRequest,
  orgId: string,
  ownerId: string,
  o: SingleImage,
): Promise<string> {
  const { data } = await readOneFile(req, o.field, o.label, ctx.config.uploadLimit);
  let image: Buffer;
  try {
    image = await sharp(data, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(o.width, o.height, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError(o.notAnImageStatus, 'not_an_image', 'This file is not an image we can read (use JPEG, PNG, WebP or GIF).', {
      field: o.field,
    });
  }
  const id = newId();
  const key = `${orgId}/${id}`;
  await ctx.blobs.put(key, image);
  await inTx(ctx, (trx) =>
    trx
      .insertInto('files')
      .values({
        id,
        org_id: orgId,
        owner_id: ownerId,
        storage_key: key,
        content_type: 'image/webp',
        byte_size: image.length,
        created_at: Date.now(),
        purpose: o.purpose,
      })
      .execute(),
  );
  return id;
}
