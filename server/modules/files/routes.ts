import type { FastifyInstance } from 'fastify';
import { personSchema } from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { canSeeFile } from '../../policies/files.js';
import { toPerson } from '../people/present.js';
import { setPhoto } from '../people/service.js';
import { downloadNameOf } from './attachments-store.js';
import { storeSingleImage } from './single-image.js';

const PHOTO_PIXELS = 512;
/** Types shown in the page: the WebP we encode (and raster types only, never SVG, which can run script). */
const INLINE_TYPES = new Set(['image/webp', 'image/png', 'image/jpeg', 'image/gif']);

/** `attachment` with the name as ASCII (old clients) and as UTF-8 (RFC 6266, RFC 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Profile photos (a square, see storeSingleImage) and every download, each asked of its container. */
export function fileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['files'];

  r.put(
    '/api/v1/me/photo',
    {
      schema: {
        tags,
        summary: 'Upload my profile photo (multipart field "photo")',
        consumes: ['multipart/form-data'],
        response: responses({ 200: personSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const id = await storeSingleImage(ctx, req, v.org.id, v.person.id, {
        field: 'photo',
        label: 'The photo',
        purpose: 'photo',
        width: PHOTO_PIXELS,
        height: PHOTO_PIXELS,
        notAnImageStatus: 415,
      });
      return toPerson(await setPhoto(ctx, v.person, id));
    },
  );

  r.delete(
    '/api/v1/me/photo',
    { schema: { tags, summary: 'Remove my profile photo', response: responses({ 200: personSchema }) } },
    async (req) => {
      const v = requireViewer(req);
      return toPerson(await setPhoto(ctx, v.person, null));
    },
  );

  r.get('/api/v1/files/:id', { schema: { tags, summary: 'Download a file I may see', params: idParams } }, async (req, reply) => {
    const v = requireViewer(req);
    const file = await ctx.db
      .selectFrom('files')
      .selectAll()
      .where('org_id', '=', v.org.id)
      .where('id', '=', req.params.id)
      .executeTakeFirst();
    if (!file || !(await canSeeFile(ctx.db, v.person, file))) throw notFound('No such file.');
    // Only pictures we made ourselves are shown; anything else is a download that cannot run here.
    const inline = INLINE_TYPES.has(file.content_type);
    const name = inline ? null : await downloadNameOf(ctx.db, v.org.id, file.id);
    reply
      .header('content-type', file.content_type)
      .header('content-length', String(file.byte_size))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
      .header('cache-control', 'private, max-age=86400, immutable')
      .header('content-disposition', inline ? 'inline' : contentDisposition(name ?? 'file'));
    return reply.send(await ctx.blobs.get(file.storage_key));
  });
}
