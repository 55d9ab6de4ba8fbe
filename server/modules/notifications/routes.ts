import type { FastifyInstance } from 'fastify';
import { page } from '../../../protocol/api.js';
import { notificationListQuerySchema, notificationSchema, unreadCountSchema } from '../../../protocol/notifications.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { presentNotifications, readAll, readOne } from './service.js';
import { listNotifications, unreadCount } from './store.js';

/** My notifications: the list, the badge, marking read. The emitters are in emit.ts. */
export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['notifications'];
  const count = responses({ 200: unreadCountSchema });

  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest activity first (only about what I may still see); unread=true for unread ones',
        querystring: notificationListQuerySchema,
        response: responses({ 200: page(notificationSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { cursor, limit, unread } = req.query;
      const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
      const rows = await listNotifications(ctx.db, v.person, { unreadOnly: unread === 'true', after, limit });
      const { items, nextCursor } = pageOf(
        rows,
        limit,
        (x) => x,
        (x) => [x.updated_at, x.id],
      );
      return { items: await presentNotifications(ctx.db, items), nextCursor };
    },
  );

  r.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, summary: 'The badge: my unread notifications', response: count } },
    async (req) => {
      const v = requireViewer(req);
      return { unreadCount: await unreadCount(ctx.db, v.person) };
    },
  );

  r.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark one notification read (my other devices hear of it)', params: idParams, response: count } },
    async (req) => readOne(ctx, requireViewer(req).person, req.params.id),
  );

  r.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read (my other devices hear of it)', response: count } },
    async (req) => readAll(ctx, requireViewer(req).person),
  );
}
