import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import {
  integrationGroupsSchema,
  integrationInputSchema,
  integrationPatchSchema,
  integrationSchema,
  integrationSettingsSchema,
  integrationTokenCreatedSchema,
  integrationTokenSchema,
  tokenInputSchema,
} from '../../../protocol/integrations.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { readBotGroups, readIntegrationSettings, setBotGroups, writeIntegrationSettings } from './admin-extras.js';
import {
  createIntegration,
  createIntegrationToken,
  deleteIntegration,
  findIntegration,
  revokeIntegrationToken,
  toIntegration,
  toToken,
  updateIntegration,
} from './service.js';

const tokenParams = z.object({ id: z.uuid('must be an id'), tokenId: z.uuid('must be an id') }).strict();

/** Integrations in the admin area: made, changed, turned off; their tokens; the groups their bot is in. */
export function integrationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin', 'integrations'];
  const one = responses({ 200: integrationSchema });

  r.post(
    '/api/v1/admin/integrations',
    {
      schema: {
        tags,
        summary: 'Make an integration and its bot person',
        body: integrationInputSchema,
        response: responses({ 201: integrationSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const row = await createIntegration(ctx, v.org, v.person, req.body, req.ip);
      return reply.code(201).send(await toIntegration(ctx.db, row));
    },
  );

  r.get(
    '/api/v1/admin/integrations',
    {
      schema: {
        tags,
        summary: 'Integrations, newest first',
        querystring: pageQuerySchema,
        response: responses({ 200: page(integrationSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const before = decodeCursor<[string]>(req.query.cursor, ['string']);
      let q = ctx.db.selectFrom('integrations').selectAll().where('org_id', '=', v.org.id);
      if (before) q = q.where('id', '<', before[0]);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute();
      const items = await Promise.all(rows.slice(0, req.query.limit).map((row) => toIntegration(ctx.db, row)));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > req.query.limit && last ? encodeCursor([last.id]) : null };
    },
  );

  r.get(
    '/api/v1/admin/integrations/:id',
    { schema: { tags, summary: 'One integration', params: idParams, response: one } },
    async (req) => {
      const v = requireAdmin(req);
      return toIntegration(ctx.db, await findIntegration(ctx.db, v.org.id, req.params.id));
    },
  );

  r.patch(
    '/api/v1/admin/integrations/:id',
    { schema: { tags, summary: 'Rename, change scopes, turn off or on', params: idParams, body: integrationPatchSchema, response: one } },
    async (req) => {
      const v = requireAdmin(req);
      return toIntegration(ctx.db, await updateIntegration(ctx, v.org, v.person, req.params.id, req.body, req.ip));
    },
  );

  r.delete(
    '/api/v1/admin/integrations/:id',
    {
      schema: {
        tags,
        summary: 'Remove: turned off for good, every token revoked',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      await deleteIntegration(ctx, v.org, v.person, req.params.id, req.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/integrations/:id/tokens',
    {
      schema: {
        tags,
        summary: 'Make a token (the answer is the only time it is shown)',
        params: idParams,
        body: tokenInputSchema,
        response: responses({ 201: integrationTokenCreatedSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const { row, token } = await createIntegrationToken(ctx, v.org, v.person, req.params.id, req.body.expiresInDays, req.ip);
      return reply.code(201).send({ ...toToken(row), token });
    },
  );

  r.get(
    '/api/v1/admin/integrations/:id/tokens',
    {
      schema: {
        tags,
        summary: 'Tokens, newest first (never the tokens themselves)',
        params: idParams,
        response: responses({ 200: z.object({ items: z.array(integrationTokenSchema) }) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const integration = await findIntegration(ctx.db, v.org.id, req.params.id);
      const rows = await ctx.db
        .selectFrom('integration_tokens')
        .selectAll()
        .where('integration_id', '=', integration.id)
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return { items: rows.map(toToken) };
    },
  );

  r.post(
    '/api/v1/admin/integrations/:id/tokens/:tokenId/rotate',
    {
      schema: {
        tags,
        summary: 'A new token in place of this one, which stops at once',
        params: tokenParams,
        body: tokenInputSchema,
        response: responses({ 201: integrationTokenCreatedSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const { row, token } = await createIntegrationToken(
        ctx,
        v.org,
        v.person,
        req.params.id,
        req.body.expiresInDays,
        req.ip,
        req.params.tokenId,
      );
      return reply.code(201).send({ ...toToken(row), token });
    },
  );

  r.delete(
    '/api/v1/admin/integrations/:id/tokens/:tokenId',
    { schema: { tags, summary: 'Revoke a token: it stops at once', params: tokenParams, response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireAdmin(req);
      await revokeIntegrationToken(ctx, v.org, v.person, req.params.id, req.params.tokenId, req.ip);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/v1/admin/integrations/:id/groups',
    {
      schema: {
        tags,
        summary: 'The groups the bot is a member of',
        params: idParams,
        body: integrationGroupsSchema,
        response: responses({ 200: integrationGroupsSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return { groupIds: await setBotGroups(ctx, v.org, v.person, req.params.id, req.body.groupIds, req.ip) };
    },
  );

  r.get(
    '/api/v1/admin/integrations/:id/groups',
    {
      schema: {
        tags,
        summary: 'The groups the bot is a member of',
        params: idParams,
        response: responses({ 200: integrationGroupsSchema }),
      },
    },
    async (req) => ({ groupIds: await readBotGroups(ctx.db, requireAdmin(req).org.id, req.params.id) }),
  );

  r.get(
    '/api/v1/admin/integration-settings',
    { schema: { tags, summary: 'Hosts webhooks may reach on private addresses', response: responses({ 200: integrationSettingsSchema }) } },
    async (req) => readIntegrationSettings(ctx.db, requireAdmin(req).org.id),
  );

  r.put(
    '/api/v1/admin/integration-settings',
    {
      schema: {
        tags,
        summary: 'Set the hosts webhooks may reach on private addresses',
        body: integrationSettingsSchema,
        response: responses({ 200: integrationSettingsSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return writeIntegrationSettings(ctx, v.org, v.person, req.body.allowedHosts, req.ip);
    },
  );
}
