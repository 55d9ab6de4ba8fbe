import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SCIM_BASE_PATH } from '../../../protocol/scim.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { AdminRefresh } from './admin-refresh.js';
import { etagOf, type ScimCaller } from './caller.js';
import { invalidValue, ScimError, scimNotFound, sendScimError, toScimError } from './errors.js';
import { parseFilter } from './filter.js';
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup, replaceGroup } from './groups.js';
import { MAX_RESULTS, resourceTypes, schemaDocuments, serviceProviderConfig } from './schemas.js';
import { scimActor, authenticate } from './tokens.js';
import { LIST_RESPONSE } from './urns.js';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from './users.js';
import { project, wantsAttribute } from './project.js';
import type { JsonObject } from './values.js';

declare module 'fastify' {
  interface FastifyRequest {
    scim: ScimCaller | null;
  }
}

type Query = Record<string, string | undefined>;

/** SCIM is its own protocol, described by its discovery documents, not by the API's OpenAPI. */
const hidden = { schema: { hide: true } };

/**
 * The SCIM 2.0 endpoint of each company, `<company address>/scim/v2` (RFC 7644): its own scope,
 * so its bodies (application/scim+json or application/json), its errors (SCIM's shape) and its
 * bearer-token authentication stay out of the rest of the API. Every request is authenticated
 * before its body is read.
 */
export function scimRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(
    async (scope) => {
      const refresh = new AdminRefresh(ctx);
      scope.addHook('onClose', async () => refresh.close());
      scope.addContentTypeParser('application/scim+json', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
      scope.decorateRequest('scim', null);

      scope.addHook('onRequest', async (req) => {
        if (!req.org) throw scimNotFound('No company at this address.');
        const token = await authenticate(ctx, req.org, req.headers.authorization);
        req.scim = { ctx, org: req.org, token, ip: req.ip, base: ctx.urls.org(req.org.slug, SCIM_BASE_PATH), refresh };
      });

      scope.setErrorHandler(async (err, req, reply) => {
        const scimErr = toScimError(err, req);
        if (scimErr.status >= 500) req.log.error({ err }, 'SCIM request failed');
        // Refused writes are in the audit log too (the change itself was rolled back).
        if (req.scim && req.method !== 'GET') {
          await recordAudit(ctx.db, {
            orgId: req.scim.org.id,
            actor: scimActor(req.scim.token),
            action: 'scim.request_failed',
            target: null,
            ip: req.ip,
            details: {
              method: req.method,
              path: req.url.split('?')[0]?.slice(0, 300),
              status: scimErr.status,
              scimType: scimErr.scimType,
              detail: scimErr.message.slice(0, 500),
            },
          }).catch((e: unknown) => req.log.warn({ err: e }, 'could not record a failed SCIM request'));
        }
        return sendScimError(reply, scimErr);
      });
      scope.setNotFoundHandler((req, reply) =>
        sendScimError(reply, scimNotFound(`No SCIM endpoint ${req.method} ${req.url.split('?')[0]}.`)),
      );

      const caller = (req: FastifyRequest): ScimCaller => {
        if (!req.scim) throw new ScimError(401, null, 'Send the SCIM token as "Authorization: Bearer <token>".');
        return req.scim;
      };

      // Discovery (RFC 7644 §4).
      scope.get('/ServiceProviderConfig', hidden, async (req, reply) => send(reply, 200, serviceProviderConfig(caller(req).base)));
      scope.get('/ResourceTypes', hidden, async (req, reply) => send(reply, 200, listOf(resourceTypes(caller(req).base))));
      scope.get<{ Params: { id: string } }>('/ResourceTypes/:id', hidden, async (req, reply) => {
        const found = resourceTypes(caller(req).base).find((r) => r.id === req.params.id);
        if (!found) throw scimNotFound('No such resource type.');
        return send(reply, 200, found);
      });
      scope.get('/Schemas', hidden, async (req, reply) => send(reply, 200, listOf(schemaDocuments(caller(req).base))));
      scope.get<{ Params: { id: string } }>('/Schemas/:id', hidden, async (req, reply) => {
        const found = schemaDocuments(caller(req).base).find((s) => s.id.toLowerCase() === req.params.id.toLowerCase());
        if (!found) throw scimNotFound('No such schema.');
        return send(reply, 200, found);
      });

      // Users.
      scope.get<{ Querystring: Query }>('/Users', hidden, async (req, reply) => {
        const q = listQuery(req.query);
        const { total, resources } = await listUsers(caller(req), q);
        return send(
          reply,
          200,
          listOf(
            resources.map((r) => project(r, req.query)),
            total,
            q.startIndex,
          ),
        );
      });
      scope.get<{ Params: { id: string }; Querystring: Query }>('/Users/:id', hidden, async (req, reply) => {
        const { resource, version } = await getUser(caller(req), req.params.id);
        return sendResource(req, reply, 200, project(resource, req.query), version);
      });
      scope.post('/Users', hidden, async (req, reply) => {
        const { resource, version } = await createUser(caller(req), req.body);
        reply.header('location', (resource.meta as JsonObject).location as string);
        return sendResource(req, reply, 201, resource, version);
      });
      scope.put<{ Params: { id: string } }>('/Users/:id', hidden, async (req, reply) => {
        const { resource, version } = await replaceUser(caller(req), req.params.id, req.body, ifMatch(req));
        return sendResource(req, reply, 200, resource, version);
      });
      scope.patch<{ Params: { id: string } }>('/Users/:id', hidden, async (req, reply) => {
        const { resource, version } = await patchUser(caller(req), req.params.id, req.body, ifMatch(req));
        return sendResource(req, reply, 200, resource, version);
      });
      scope.delete<{ Params: { id: string } }>('/Users/:id', hidden, async (req, reply) => {
        await deleteUser(caller(req), req.params.id, ifMatch(req));
        return reply.code(204).send();
      });

      // Groups.
      scope.get<{ Querystring: Query }>('/Groups', hidden, async (req, reply) => {
        const q = listQuery(req.query);
        const { total, resources } = await listGroups(caller(req), q, wantsAttribute(req.query, 'members'));
        return send(
          reply,
          200,
          listOf(
            resources.map((r) => project(r, req.query)),
            total,
            q.startIndex,
          ),
        );
      });
      scope.get<{ Params: { id: string }; Querystring: Query }>('/Groups/:id', hidden, async (req, reply) => {
        const { resource, version } = await getGroup(caller(req), req.params.id, wantsAttribute(req.query, 'members'));
        return sendResource(req, reply, 200, project(resource, req.query), version);
      });
      scope.post('/Groups', hidden, async (req, reply) => {
        const { resource, version } = await createGroup(caller(req), req.body);
        reply.header('location', (resource.meta as JsonObject).location as string);
        return sendResource(req, reply, 201, resource, version);
      });
      scope.put<{ Params: { id: string } }>('/Groups/:id', hidden, async (req, reply) => {
        const { resource, version } = await replaceGroup(caller(req), req.params.id, req.body, ifMatch(req));
        return sendResource(req, reply, 200, resource, version);
      });
      scope.patch<{ Params: { id: string } }>('/Groups/:id', hidden, async (req, reply) => {
        const { resource, version } = await patchGroup(caller(req), req.params.id, req.body, ifMatch(req));
        return sendResource(req, reply, 200, resource, version);
      });
      scope.delete<{ Params: { id: string } }>('/Groups/:id', hidden, async (req, reply) => {
        await deleteGroup(caller(req), req.params.id, ifMatch(req));
        return reply.code(204).send();
      });
    },
    { prefix: SCIM_BASE_PATH },
  );
}

const ifMatch = (req: FastifyRequest): string | undefined => {
  const h = req.headers['if-match'];
  return Array.isArray(h) ? h.join(',') : h;
};

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/scim+json; charset=utf-8').send(JSON.stringify(body));
}

/** A single resource with its ETag; GET with If-None-Match naming the current version is a 304. */
function sendResource(req: FastifyRequest, reply: FastifyReply, status: number, body: JsonObject, version: number): FastifyReply {
  const etag = etagOf(version);
  reply.header('etag', etag);
  const none = req.headers['if-none-match'];
  if (req.method === 'GET' && typeof none === 'string' && none.split(',').some((t) => t.trim().replace(/^W\//i, '') === `"${version}"`)) {
    return reply.code(304).send();
  }
  return send(reply, status, body);
}

function listOf(resources: unknown[], total = resources.length, startIndex = 1) {
  return { schemas: [LIST_RESPONSE], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** filter, startIndex (1-based), count (capped at MAX_RESULTS), sortBy, sortOrder (RFC 7644 §3.4.2). */
function listQuery(query: Query) {
  const int = (name: string, fallback: number): number => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d{1,9}$/.test(raw.trim())) throw invalidValue(`${name} must be a whole number.`);
    return Number(raw);
  };
  const order = query.sortOrder?.toLowerCase();
  if (order !== undefined && order !== 'ascending' && order !== 'descending')
    throw invalidValue('sortOrder must be ascending or descending.');
  return {
    filter: query.filter !== undefined && query.filter.trim() !== '' ? parseFilter(query.filter) : null,
    // Below 1 means 1, and a negative count means 0 (RFC 7644 §3.4.2.4).
    startIndex: Math.max(1, int('startIndex', 1)),
    count: Math.min(MAX_RESULTS, Math.max(0, int('count', MAX_RESULTS))),
    sortBy: query.sortBy?.trim() || null,
    descending: order === 'descending',
  };
}
