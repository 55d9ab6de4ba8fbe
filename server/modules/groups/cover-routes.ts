import type { FastifyInstance } from 'fastify';
import { groupViewSchema } from '../../../protocol/groups.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { storeSingleImage } from '../files/single-image.js';
import { toGroupView } from './present.js';
import { assertMayManage, setCover } from './service.js';

/** Covers are wide banners: 3 : 1, enough for a 1440 px screen at 1.25× without being heavy. */
const COVER_WIDTH = 1800;
const COVER_HEIGHT = 600;

/**
 * A group's cover picture. Decoded by sharp (a non-image is refused whatever its name), turned
 * upright, cropped to the banner, re-encoded as WebP without metadata. Who may find the group may
 * see it (policies/files.ts); its admins change it.
 */
export function groupCoverRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['groups'];

  r.put(
    '/api/v1/groups/:id/cover',
    {
      schema: {
        tags,
        summary: 'Upload the group’s cover picture (multipart field "cover"); group admins',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: responses({ 200: groupViewSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      // Who may not change it learns so before sending megabytes (and a hidden group stays hidden).
      await assertMayManage(ctx, v.person, req.params.id);
      const id = await storeSingleImage(ctx, req, v.org.id, v.person.id, {
        field: 'cover',
        label: 'The cover picture',
        purpose: 'cover',
        width: COVER_WIDTH,
        height: COVER_HEIGHT,
        notAnImageStatus: 400,
      });
      return toGroupView(v.person, await setCover(ctx, v.person, req.params.id, id));
    },
  );

  r.delete(
    '/api/v1/groups/:id/cover',
    {
      schema: {
        tags,
        summary: 'Remove the group’s cover picture; group admins',
        params: idParams,
        response: responses({ 200: groupViewSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      return toGroupView(v.person, await setCover(ctx, v.person, req.params.id, null));
    },
  );
}
