import type { FastifyInstance } from 'fastify';
import { adminPeopleQuerySchema, page, personSchema, profileUpdateSchema, roleChangeSchema } from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireAdmin, requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { toPerson } from './present.js';
import { changeRole, getVisiblePerson, setStatus, updateMyProfile } from './service.js';
import { listPeople } from './store.js';

export function peopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['people'];

  r.get(
    '/api/v1/me',
    { config: { scope: 'any' }, schema: { tags, summary: 'My profile', response: responses({ 200: personSchema }) } },
    async (req) => toPerson(requireViewer(req).person),
  );

  r.patch(
    '/api/v1/me',
    { schema: { tags, summary: 'Update my profile', body: profileUpdateSchema, response: responses({ 200: personSchema }) } },
    async (req) => {
      const v = requireViewer(req);
      return toPerson(await updateMyProfile(ctx, v.person, req.body));
    },
  );

  r.get(
    '/api/v1/people/:id',
    {
      config: { scope: 'people:read' },
      schema: { tags, summary: 'A person I may see', params: idParams, response: responses({ 200: personSchema }) },
    },
    async (req) => {
      const v = requireViewer(req);
      return toPerson(await getVisiblePerson(ctx, v.person, req.params.id));
    },
  );

  const admin = ['admin'];
  r.get(
    '/api/v1/admin/people',
    {
      config: { scope: 'people:write' },
      schema: {
        tags: admin,
        summary: 'Everyone in the company, for admins (search, filters)',
        querystring: adminPeopleQuerySchema,
        response: responses({ 200: page(personSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const { q, role, status, cursor, limit } = req.query;
      const rows = await listPeople(ctx.db, v.org.id, {
        q,
        role,
        status,
        limit,
        after: decodeCursor<[string, string]>(cursor, ['string', 'string']),
      });
      return pageOf(rows, limit, toPerson, (p) => [p.display_name, p.id]);
    },
  );

  r.patch(
    '/api/v1/admin/people/:id',
    {
      config: { scope: 'people:write' },
      schema: {
        tags: admin,
        summary: "Change a person's role",
        params: idParams,
        body: roleChangeSchema,
        response: responses({ 200: personSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return toPerson(await changeRole(ctx, v.person, req.params.id, req.body.role, req.ip));
    },
  );

  r.post(
    '/api/v1/admin/people/:id/deactivate',
    {
      config: { scope: 'people:write' },
      schema: {
        tags: admin,
        summary: 'Deactivate: ends sessions and live connections at once',
        params: idParams,
        response: responses({ 200: personSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return toPerson(await setStatus(ctx, v.person, req.params.id, 'deactivated', req.ip));
    },
  );

  r.post(
    '/api/v1/admin/people/:id/reactivate',
    {
      config: { scope: 'people:write' },
      schema: { tags: admin, summary: 'Reactivate a deactivated person', params: idParams, response: responses({ 200: personSchema }) },
    },
    async (req) => {
      const v = requireAdmin(req);
      return toPerson(await setStatus(ctx, v.person, req.params.id, 'active', req.ip));
    },
  );
}
