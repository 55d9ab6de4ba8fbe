import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { presenceQuerySchema, presenceSchema } from '../../../protocol/chat.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { isUuid } from '../../lib/ids.js';
import { visiblePresence } from '../../realtime/presence.js';

/** Presence on demand (the socket's `watch` frame keeps it current afterwards). */
export function presenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  zodApp(app).get(
    '/api/v1/presence',
    {
      schema: {
        tags: ['presence'],
        summary: 'Online / away / offline and last active of these people (?ids=a,b,c); people I may not see are left out',
        querystring: presenceQuerySchema,
        response: responses({ 200: z.object({ items: z.array(presenceSchema) }) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      // Anything that is not an id cannot be a person: left out like someone invisible.
      const ids = [...new Set(req.query.ids.split(','))].filter(isUuid);
      return { items: ids.length === 0 ? [] : await visiblePresence(ctx.db, v.person, ids) };
    },
  );
}
