import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { page } from '../../../protocol/api.js';
import {
  deliveriesQuerySchema,
  webhookDeliverySchema,
  webhookDetailSchema,
  webhookInputSchema,
  webhookPatchSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from '../../../protocol/webhooks.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { findIntegration } from '../integrations/service.js';
import { changeWebhook, createWebhook, loadWebhook, redeliver, removeWebhook, rollSecret } from './service.js';
import { deliveryStats, listDeliveries, listWebhooks, toDelivery, toWebhook } from './store.js';

const hookParams = z.object({ id: z.uuid('must be an id'), webhookId: z.uuid('must be an id') }).strict();
const deliveryParams = hookParams.extend({ deliveryId: z.uuid('must be an id') }).strict();

/** Outgoing webhooks of an integration, in the admin area (owners and admins; not for tokens). */
export function webhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin', 'integrations'];
  const base = '/api/v1/admin/integrations/:id/webhooks';
  const admin = (req: FastifyRequest) => {
    const v = requireAdmin(req);
    return { org: v.org, person: v.person, ip: req.ip };
  };

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a webhook (its address must answer the signed check first; the secret is shown this once)',
        params: idParams,
        body: webhookInputSchema,
        response: responses({ 201: webhookWithSecretSchema }),
      },
    },
    async (req, reply) => {
      const { webhook, secret } = await createWebhook(ctx, admin(req), req.params.id, req.body);
      return reply.code(201).send({ ...toWebhook(webhook), secret });
    },
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: "The integration's webhooks",
        params: idParams,
        response: responses({ 200: z.object({ items: z.array(webhookSchema) }) }),
      },
    },
    async (req) => {
      const a = admin(req);
      const integration = await findIntegration(ctx.db, a.org.id, req.params.id);
      return { items: (await listWebhooks(ctx.db, a.org.id, integration.id)).map(toWebhook) };
    },
  );

  r.get(
    `${base}/:webhookId`,
    {
      schema: {
        tags,
        summary: 'One webhook, with counts of its deliveries',
        params: hookParams,
        response: responses({ 200: webhookDetailSchema }),
      },
    },
    async (req) => {
      const w = await loadWebhook(ctx.db, admin(req).org.id, req.params.id, req.params.webhookId);
      return { ...toWebhook(w), stats: await deliveryStats(ctx.db, w.id) };
    },
  );

  r.patch(
    `${base}/:webhookId`,
    {
      schema: {
        tags,
        summary: 'Change the address (checked again), the events, or turn it on (failures reset) or off',
        params: hookParams,
        body: webhookPatchSchema,
        response: responses({ 200: webhookSchema }),
      },
    },
    async (req) => toWebhook(await changeWebhook(ctx, admin(req), req.params.id, req.params.webhookId, req.body)),
  );

  r.delete(
    `${base}/:webhookId`,
    { schema: { tags, summary: 'Remove a webhook and its delivery log', params: hookParams, response: responses({ 204: noContent }) } },
    async (req, reply) => {
      await removeWebhook(ctx, admin(req), req.params.id, req.params.webhookId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/:webhookId/secret`,
    {
      schema: {
        tags,
        summary: 'A new signing secret, in use at once (shown this once)',
        params: hookParams,
        response: responses({ 200: webhookWithSecretSchema }),
      },
    },
    async (req) => {
      const { webhook, secret } = await rollSecret(ctx, admin(req), req.params.id, req.params.webhookId);
      return { ...toWebhook(webhook), secret };
    },
  );

  r.get(
    `${base}/:webhookId/deliveries`,
    {
      schema: {
        tags,
        summary: 'The delivery log, newest first',
        params: hookParams,
        querystring: deliveriesQuerySchema,
        response: responses({ 200: page(webhookDeliverySchema) }),
      },
    },
    async (req) => {
      const w = await loadWebhook(ctx.db, admin(req).org.id, req.params.id, req.params.webhookId);
      const before = decodeCursor<[string]>(req.query.cursor, ['string']);
      const rows = await listDeliveries(ctx.db, w.id, { before: before?.[0] ?? null, status: req.query.status, limit: req.query.limit });
      return pageOf(rows, req.query.limit, toDelivery, (d) => [d.id]);
    },
  );

  r.post(
    `${base}/:webhookId/deliveries/:deliveryId/redeliver`,
    {
      schema: {
        tags,
        summary: 'Send a delivery again (a new delivery of the same event, after the others of its lane)',
        params: deliveryParams,
        response: responses({ 202: webhookDeliverySchema }),
      },
    },
    async (req, reply) => {
      const copy = await redeliver(ctx, admin(req), req.params.id, req.params.webhookId, req.params.deliveryId);
      return reply.code(202).send(toDelivery(copy));
    },
  );
}
