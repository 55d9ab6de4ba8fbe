import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { attachmentSchema, type Attachment } from '../../../protocol/files.js';
import { inTx, type AppContext } from '../../context.js';
import type { AttachmentKind, AttachmentsTable, FilesTable, PeopleTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { requireViewer } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { newId } from '../../lib/ids.js';
import { insertUpload, toAttachment } from './attachments-store.js';
import { readOneFile } from './multipart.js';

/** Longest side of a stored photo, and of its thumbnail. */
const IMAGE_MAX_PIXELS = 2048;
const THUMBNAIL_PIXELS = 400;
/** Refuse decompression bombs before decoding them. */
const MAX_INPUT_PIXELS = 50_000_000;
const NAME_MAX_CHARS = 200;

/**
 * Formats we decode and re-encode as photos, by what the bytes are (never by name or declared
 * type). Anything else, SVG and HTML included, is kept as a file: always downloaded, never shown.
 */
const DECODABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);

const notAnImage = () =>
  new AppError(400, 'not_an_image', 'This file looks like a picture but cannot be read; it may be damaged.', { field: 'file' });

/** A name fit for a list and a download: no folders, no control or direction characters, bounded. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '');
  return [...cleaned].slice(0, NAME_MAX_CHARS).join('') || 'file';
}

const withExtension = (name: string, ext: string): string => `${name.replace(/\.[^.]{1,10}$/, '') || 'image'}.${ext}`;

interface Stored {
  kind: AttachmentKind;
  name: string;
  mimeType: string;
  main: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
}

/**
 * Decodes a picture, turns it upright, caps its size and re-encodes it as WebP (which drops every
 * metadata block: location, camera, names); the thumbnail likewise. Only the first frame of an
 * animation is kept.
 */
async function storedImage(raw: Buffer, name: string): Promise<Stored> {
  const encode = (max: number, quality: number) =>
    sharp(raw, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true })
      .webp({ quality })
      .toBuffer({ resolveWithObject: true });
  try {
    const full = await encode(IMAGE_MAX_PIXELS, 82);
    const thumb = await encode(THUMBNAIL_PIXELS, 75);
    return {
      kind: 'image',
      name: withExtension(name, 'webp'),
      mimeType: 'image/webp',
      main: full.data,
      thumbnail: thumb.data,
      width: full.info.width,
      height: full.info.height,
    };
  } catch {
    throw notAnImage();
  }
}

/** Reads what the bytes are; a photo is re-encoded, anything else stored as sent. */
export async function prepareUpload(raw: Buffer, filename: string | undefined): Promise<Stored> {
  const name = cleanFileName(filename);
  const sniffed = await fileTypeFromBuffer(raw).catch(() => undefined);
  if (sniffed && DECODABLE_IMAGES.has(sniffed.mime)) return storedImage(raw, name);
  return {
    kind: 'file',
    name,
    mimeType: sniffed?.mime ?? 'application/octet-stream',
    main: raw,
    thumbnail: null,
    width: null,
    height: null,
  };
}

/** Stores the bytes, then the rows; if the rows cannot be written the bytes are removed again. */
export async function saveUpload(ctx: AppContext, owner: PeopleTable, s: Stored): Promise<Attachment> {
  const now = Date.now();
  const fileRow = (data: Buffer, contentType: string): FilesTable => {
    const id = newId();
    return {
      id,
      org_id: owner.org_id,
      owner_id: owner.id,
      storage_key: `${owner.org_id}/${id}`,
      content_type: contentType,
      byte_size: data.length,
      created_at: now,
      purpose: 'attachment',
    };
  };
  const main = fileRow(s.main, s.mimeType);
  const thumb = s.thumbnail ? fileRow(s.thumbnail, 'image/webp') : null;
  const attachment: AttachmentsTable = {
    id: newId(),
    org_id: owner.org_id,
    owner_id: owner.id,
    kind: s.kind,
    file_id: main.id,
    thumbnail_file_id: thumb?.id ?? null,
    name: s.name,
    mime_type: s.mimeType,
    byte_size: s.main.length,
    width: s.width,
    height: s.height,
    post_id: null,
    message_id: null,
    position: null,
    created_at: now,
  };
  const written: string[] = [];
  try {
    await ctx.blobs.put(main.storage_key, s.main);
    written.push(main.storage_key);
    if (thumb && s.thumbnail) {
      await ctx.blobs.put(thumb.storage_key, s.thumbnail);
      written.push(thumb.storage_key);
    }
    await inTx(ctx, (trx) => insertUpload(trx, thumb ? [main, thumb] : [main], attachment));
  } catch (err) {
    await Promise.all(written.map((key) => ctx.blobs.delete(key).catch(() => undefined)));
    throw err;
  }
  return toAttachment(attachment);
}

export function uploadRoutes(app: FastifyInstance, ctx: AppContext): void {
  zodApp(app).post(
    '/api/v1/uploads',
    {
      schema: {
        tags: ['files'],
        summary:
          'Upload a photo or a file (multipart field "file") to attach to a post; it is mine alone until a post takes it (attachmentIds)',
        consumes: ['multipart/form-data'],
        response: responses({ 201: attachmentSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      const { data, filename } = await readOneFile(req, 'file', 'The file', ctx.config.uploadLimit);
      const stored = await prepareUpload(data, filename);
      return reply.code(201).send(await saveUpload(ctx, v.person, stored));
    },
  );
}
