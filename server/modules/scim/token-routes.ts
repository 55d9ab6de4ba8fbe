import type { FastifyInstance } from 'fastify';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import { scimTokenCreatedSchema, scimTokenInputSchema, scimTokenSchema } from '../../../protocol/scim.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { createToken, listTokens, revokeToken, toTokenView } from './tokens.js';

/** The SCIM endpoint's bearer tokens in the admin area: made (shown once), listed, revoked. */
export function scimTokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin'];

  r.post(
    '/api/v1/admin/scim-tokens',
    {
      schema: {
        tags,
        summary: 'Make a SCIM token (the answer is the only time the token is shown)',
        body: scimTokenInputSchema,
        response: responses({ 201: scimTokenCreatedSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const { row, token } = await createToken(ctx, v.org, v.person, req.body.name, req.ip);
      return reply.code(201).send({ ...toTokenView(row, v.person), token });
    },
  );

  r.get(
    '/api/v1/admin/scim-tokens',
    {
      schema: {
        tags,
        summary: 'SCIM tokens in use, newest first (never the tokens themselves)',
        querystring: pageQuerySchema,
        response: responses({ 200: page(scimTokenSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const before = decodeCursor<[string]>(req.query.cursor, ['string']);
      const rows = await listTokens(ctx.db, v.org.id, before?.[0] ?? null, req.query.limit + 1);
      const items = rows.slice(0, req.query.limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > req.query.limit && last ? encodeCursor([last.id]) : null };
    },
  );

  r.delete(
    '/api/v1/admin/scim-tokens/:id',
    {
      schema: { tags, summary: 'Revoke a SCIM token: it stops working at once', params: idParams, response: responses({ 204: noContent }) },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      await revokeToken(ctx, v.org, v.person, req.params.id, req.ip);
      return reply.code(204).send(null);
    },
  );
}
