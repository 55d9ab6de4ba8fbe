import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page, pageQuerySchema, personSchema } from '../../../protocol/api.js';
import {
  adminProfileUpdateSchema,
  directoryFacetsSchema,
  directoryQuerySchema,
  fieldValuesInputSchema,
  followStateSchema,
  orgChartSchema,
  peoplePage,
  profileFieldCreateSchema,
  profileFieldSchema,
  profileFieldUpdateSchema,
  profileFieldValueSchema,
  profileSchema,
} from '../../../protocol/profiles.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireAdmin, requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { visiblePeopleScope } from '../../policies/people.js';
import { toPerson } from '../people/present.js';
import { getVisiblePerson } from '../people/service.js';
import {
  adminUpdateProfile,
  changeProfileField,
  createProfileField,
  follow,
  getProfile,
  removeProfileField,
  setFieldValues,
  toProfileField,
  toSummary,
  unfollow,
  visibleChain,
} from './service.js';
import { directoryFacets, fieldValuesOf, listDirectory, listFollows, listProfileFields, listReports } from './store.js';

const nameCursor = (cursor: string | undefined) => decodeCursor<[string, string]>(cursor, ['string', 'string']);
const nameKey = (p: { name_key: string; id: string }) => [p.name_key, p.id];
const fieldList = z.object({ items: z.array(profileFieldSchema) });
const fieldValues = z.object({ fields: z.array(profileFieldValueSchema) });

export function profileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['people'];

  r.get(
    '/api/v1/people',
    {
      config: { scope: 'people:read' },
      schema: {
        tags,
        summary: 'The directory: people I may see, by name; search and filters ignore case and accents',
        querystring: directoryQuerySchema,
        response: responses({ 200: page(personSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { cursor, limit, ...filter } = req.query;
      const rows = await listDirectory(ctx.db, visiblePeopleScope(v.person), { ...filter, limit, after: nameCursor(cursor) });
      return pageOf(rows, limit, toPerson, nameKey);
    },
  );

  r.get(
    '/api/v1/people/facets',
    {
      config: { scope: 'people:read' },
      schema: {
        tags,
        summary: 'Departments and locations in the directory, with counts',
        querystring: z.object({}).strict(),
        response: responses({ 200: directoryFacetsSchema }),
      },
    },
    async (req) => directoryFacets(ctx.db, visiblePeopleScope(requireViewer(req).person)),
  );

  r.get(
    '/api/v1/people/:id/profile',
    {
      config: { scope: 'people:read' },
      schema: { tags, summary: 'A full profile', params: idParams, response: responses({ 200: profileSchema }) },
    },
    async (req) => getProfile(ctx, requireViewer(req).person, req.params.id),
  );

  r.get(
    '/api/v1/people/:id/org-chart',
    {
      config: { scope: 'people:read' },
      schema: {
        tags,
        summary: 'Managers up to the top, and the first page of direct reports',
        params: idParams,
        response: responses({ 200: orgChartSchema }),
      },
    },
    async (req) => {
      const viewer = requireViewer(req).person;
      const person = await getVisiblePerson(ctx, viewer, req.params.id);
      const limit = 50;
      const [chain, reports] = await Promise.all([
        visibleChain(ctx, viewer, person),
        listReports(ctx.db, visiblePeopleScope(viewer), person.id, null, limit),
      ]);
      return { chain: chain.map(toSummary), person: toSummary(person), reports: pageOf(reports, limit, toSummary, nameKey) };
    },
  );

  r.get(
    '/api/v1/people/:id/reports',
    {
      config: { scope: 'people:read' },
      schema: {
        tags,
        summary: 'Direct reports, by name',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: peoplePage }),
      },
    },
    async (req) => {
      const viewer = requireViewer(req).person;
      const person = await getVisiblePerson(ctx, viewer, req.params.id);
      const { cursor, limit } = req.query;
      const rows = await listReports(ctx.db, visiblePeopleScope(viewer), person.id, nameCursor(cursor), limit);
      return pageOf(rows, limit, toSummary, nameKey);
    },
  );

  for (const side of ['followers', 'following'] as const) {
    r.get(
      `/api/v1/people/:id/${side}`,
      {
        config: { scope: 'people:read' },
        schema: {
          tags,
          summary: side === 'followers' ? 'Who follows this person' : 'Whom this person follows',
          params: idParams,
          querystring: pageQuerySchema,
          response: responses({ 200: peoplePage }),
        },
      },
      async (req) => {
        const viewer = requireViewer(req).person;
        const person = await getVisiblePerson(ctx, viewer, req.params.id);
        const { cursor, limit } = req.query;
        const rows = await listFollows(ctx.db, visiblePeopleScope(viewer), person.id, side, nameCursor(cursor), limit);
        return pageOf(rows, limit, toSummary, nameKey);
      },
    );
  }

  r.post(
    '/api/v1/people/:id/follow',
    { schema: { tags, summary: 'Follow a colleague (idempotent)', params: idParams, response: responses({ 200: followStateSchema }) } },
    async (req) => follow(ctx, requireViewer(req).person, req.params.id),
  );

  r.delete(
    '/api/v1/people/:id/follow',
    { schema: { tags, summary: 'Stop following (idempotent)', params: idParams, response: responses({ 200: followStateSchema }) } },
    async (req) => unfollow(ctx, requireViewer(req).person, req.params.id),
  );

  r.get(
    '/api/v1/me/fields',
    {
      schema: {
        tags,
        summary: 'Every company profile field I may fill, with my value or null',
        response: responses({ 200: z.object({ items: z.array(profileFieldSchema.extend({ value: z.string().nullable() })) }) }),
      },
    },
    async (req) => {
      const me = requireViewer(req).person;
      // Admin-only fields are kept by admins about people, not filled in by the people themselves.
      const fields = (await listProfileFields(ctx.db, me.org_id)).filter((f) => f.visibility === 'everyone');
      const values = await fieldValuesOf(ctx.db, me.org_id, me.id);
      return { items: fields.map((f) => ({ ...toProfileField(f), value: values.get(f.id) ?? null })) };
    },
  );

  r.put(
    '/api/v1/me/fields',
    {
      schema: {
        tags,
        summary: 'Set my values of the company’s profile fields',
        body: fieldValuesInputSchema,
        response: responses({ 200: fieldValues }),
      },
    },
    async (req) => {
      const me = requireViewer(req).person;
      return { fields: await setFieldValues(ctx, me, me.id, req.body.values) };
    },
  );

  const admin = ['admin'];
  r.patch(
    '/api/v1/admin/people/:id/profile',
    {
      config: { scope: 'people:write' },
      schema: {
        tags: admin,
        summary: "Edit a person's profile, including manager and employee id",
        params: idParams,
        body: adminProfileUpdateSchema,
        response: responses({ 200: personSchema }),
      },
    },
    async (req) => toPerson(await adminUpdateProfile(ctx, requireAdmin(req).person, req.params.id, req.body)),
  );

  r.put(
    '/api/v1/admin/people/:id/fields',
    {
      config: { scope: 'people:write' },
      schema: {
        tags: admin,
        summary: "Set a person's values of the company's profile fields",
        params: idParams,
        body: fieldValuesInputSchema,
        response: responses({ 200: fieldValues }),
      },
    },
    async (req) => ({ fields: await setFieldValues(ctx, requireAdmin(req).person, req.params.id, req.body.values) }),
  );

  r.get(
    '/api/v1/admin/profile-fields',
    { schema: { tags: admin, summary: 'The company’s profile fields, in order', response: responses({ 200: fieldList }) } },
    async (req) => ({ items: (await listProfileFields(ctx.db, requireAdmin(req).org.id)).map(toProfileField) }),
  );

  r.post(
    '/api/v1/admin/profile-fields',
    {
      schema: {
        tags: admin,
        summary: 'Define a profile field',
        body: profileFieldCreateSchema,
        response: responses({ 201: profileFieldSchema }),
      },
    },
    async (req, reply) => {
      const field = await createProfileField(ctx, requireAdmin(req).person, req.body);
      return reply.code(201).send(toProfileField(field));
    },
  );

  r.patch(
    '/api/v1/admin/profile-fields/:id',
    {
      schema: {
        tags: admin,
        summary: 'Rename, reorder or change who sees a profile field',
        params: idParams,
        body: profileFieldUpdateSchema,
        response: responses({ 200: profileFieldSchema }),
      },
    },
    async (req) => toProfileField(await changeProfileField(ctx, requireAdmin(req).person, req.params.id, req.body)),
  );

  r.delete(
    '/api/v1/admin/profile-fields/:id',
    {
      schema: {
        tags: admin,
        summary: 'Remove a profile field and every value of it',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      await removeProfileField(ctx, requireAdmin(req).person, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
