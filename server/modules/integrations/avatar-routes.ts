import type { FastifyInstance } from 'fastify';
import { integrationSchema } from '../../../protocol/integrations.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { requireAdmin } from '../../http/request-context.js';
import type { IntegrationsTable } from '../../db/schema.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { personActor, recordAudit } from '../audit/record.js';
import { storeSingleImage } from '../files/single-image.js';
import { setPhoto } from '../people/service.js';
import { findPerson } from '../people/store.js';
import { findLiveIntegration, toIntegration } from './service.js';

const AVATAR_PIXELS = 512;
type Admin = ReturnType<typeof requireAdmin>;

/**
 * An integration's avatar is its bot person's photo, shown beside everything the bot writes. Set
 * by admins (a bot has no session to upload its own); the image goes through the same checks and
 * re-encoding as everyone's profile photo.
 */
export function integrationAvatarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin', 'integrations'];
  const one = responses({ 200: integrationSchema });

  /** Recorded after the photo is written (setPhoto is its own transaction); the integration as it is now. */
  async function answer(v: Admin, integration: IntegrationsTable, action: string, ip: string) {
    await recordAudit(ctx.db, {
      orgId: v.org.id,
      actor: personActor(v.person),
      action,
      target: { kind: 'integration', id: integration.id, label: integration.name },
      ip,
    });
    return toIntegration(ctx.db, integration);
  }

  async function botOf(orgId: string, id: string) {
    const integration = await findLiveIntegration(ctx.db, orgId, id);
    const bot = await findPerson(ctx.db, orgId, integration.bot_person_id);
    if (!bot) throw notFound('No such integration.');
    return { integration, bot };
  }

  r.put(
    '/api/v1/admin/integrations/:id/avatar',
    {
      schema: {
        tags,
        summary: 'Set the integration’s avatar (multipart field "photo"; PNG, JPEG, GIF or WebP, made square)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: one,
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const { integration, bot } = await botOf(v.org.id, req.params.id);
      const fileId = await storeSingleImage(ctx, req, v.org.id, bot.id, {
        field: 'photo',
        label: 'The avatar',
        purpose: 'photo',
        width: AVATAR_PIXELS,
        height: AVATAR_PIXELS,
        notAnImageStatus: 415,
      });
      await setPhoto(ctx, bot, fileId);
      return answer(v, integration, 'integration.avatar_changed', req.ip);
    },
  );

  r.delete(
    '/api/v1/admin/integrations/:id/avatar',
    { schema: { tags, summary: 'Remove the integration’s avatar', params: idParams, response: one } },
    async (req) => {
      const v = requireAdmin(req);
      const { integration, bot } = await botOf(v.org.id, req.params.id);
      await setPhoto(ctx, bot, null);
      return answer(v, integration, 'integration.avatar_removed', req.ip);
    },
  );
}
