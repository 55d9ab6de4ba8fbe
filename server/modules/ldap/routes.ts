import type { FastifyInstance } from 'fastify';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import {
  ldapConfigInputSchema,
  ldapConfigSchema,
  ldapRunDetailSchema,
  ldapRunSchema,
  ldapSyncInputSchema,
  ldapSyncStartedSchema,
  ldapTestInputSchema,
  ldapTestResultSchema,
} from '../../../protocol/ldap.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { deleteConfig, requireConfig, saveConfig, toConfigView } from './config.js';
import { findRun, listRuns, requesters, toRunDetail, toRunView } from './runs.js';
import { requestSync } from './sync.js';
import { testConnection } from './test-connection.js';

/** The company's directory (LDAP / Active Directory) in the admin area: configuration, test, sync, runs. */
export function ldapRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin'];

  r.get(
    '/api/v1/admin/ldap',
    {
      schema: {
        tags,
        summary: 'The directory configuration (the bind password is never returned)',
        response: responses({ 200: ldapConfigSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return toConfigView(await requireConfig(ctx.db, v.org.id));
    },
  );

  r.put(
    '/api/v1/admin/ldap',
    {
      schema: {
        tags,
        summary: 'Create or replace the directory configuration',
        body: ldapConfigInputSchema,
        response: responses({ 200: ldapConfigSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return toConfigView(await saveConfig(ctx, v.org, v.person, req.body, req.ip));
    },
  );

  r.delete(
    '/api/v1/admin/ldap',
    { schema: { tags, summary: 'Remove the directory configuration (people stay as they are)', response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireAdmin(req);
      await deleteConfig(ctx, v.org, v.person, req.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/ldap/test',
    {
      schema: {
        tags,
        summary: 'Connect, bind and read a few people, with the stored configuration or the values given',
        body: ldapTestInputSchema,
        response: responses({ 200: ldapTestResultSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return testConnection(ctx, v.org, v.person, req.body, req.ip);
    },
  );

  r.post(
    '/api/v1/admin/ldap/sync',
    {
      schema: {
        tags,
        summary: 'Start a sync or a dry run (a real sync needs a dry run of the configuration first)',
        body: ldapSyncInputSchema,
        response: responses({ 202: ldapSyncStartedSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const runId = await requestSync(ctx, v.org, v.person, req.body, req.ip);
      return reply.code(202).send({ runId });
    },
  );

  r.get(
    '/api/v1/admin/ldap/runs',
    {
      schema: { tags, summary: 'Sync runs, newest first', querystring: pageQuerySchema, response: responses({ 200: page(ldapRunSchema) }) },
    },
    async (req) => {
      const v = requireAdmin(req);
      const before = decodeCursor<[string]>(req.query.cursor, ['string']);
      const rows = await listRuns(ctx.db, v.org.id, before?.[0] ?? null, req.query.limit + 1);
      const items = rows.slice(0, req.query.limit);
      const names = await requesters(ctx.db, v.org.id, items);
      const last = items[items.length - 1];
      return {
        items: items.map((run) => toRunView(run, run.requested_by ? names.get(run.requested_by) : undefined)),
        nextCursor: rows.length > req.query.limit && last ? encodeCursor([last.id]) : null,
      };
    },
  );

  r.get(
    '/api/v1/admin/ldap/runs/:id',
    {
      schema: {
        tags,
        summary: 'A sync run with its per-entry problems and changes (first 500 of each)',
        params: idParams,
        response: responses({ 200: ldapRunDetailSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const run = await findRun(ctx.db, v.org.id, req.params.id);
      if (!run) throw notFound('No such sync run.');
      const names = await requesters(ctx.db, v.org.id, [run]);
      return toRunDetail(run, run.requested_by ? names.get(run.requested_by) : undefined);
    },
  );
}
