import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { blockActionInputSchema } from '../../../protocol/blocks.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { actOnMessage, actOnPost } from './actions.js';

const accepted = responses({ 202: z.object({ interactionId: z.string() }) });

/** People acting on bots' interactive messages and posts (buttons, selects, forms). */
export function blockActionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  r.post(
    '/api/v1/messages/:id/actions',
    {
      schema: {
        tags: ['chat'],
        summary:
          'Act on a bot’s interactive message: the bot receives an `interaction` webhook (202) and answers by editing it or writing to you',
        params: idParams,
        body: blockActionInputSchema,
        response: accepted,
      },
    },
    async (req, reply) => reply.code(202).send(await actOnMessage(ctx, requireViewer(req).person, req.params.id, req.body)),
  );
  r.post(
    '/api/v1/posts/:id/actions',
    {
      schema: {
        tags: ['posts'],
        summary:
          'Act on a bot’s interactive post: the bot receives an `interaction` webhook (202) and answers by editing it or writing to you',
        params: idParams,
        body: blockActionInputSchema,
        response: accepted,
      },
    },
    async (req, reply) => reply.code(202).send(await actOnPost(ctx, requireViewer(req).person, req.params.id, req.body)),
  );
}
