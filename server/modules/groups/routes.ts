import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import {
  adminGroupListQuerySchema,
  adminGroupSchema,
  createGroupSchema,
  groupListQuerySchema,
  groupMemberParams,
  groupMemberSchema,
  groupRequestItemSchema,
  groupRequestParams,
  groupRequestSchema,
  groupViewSchema,
  invitePeopleSchema,
  joinResultSchema,
  memberRoleChangeSchema,
  notificationsSchema,
  updateGroupSchema,
} from '../../../protocol/groups.js';
import type { AppContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireAdmin, requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { canGovernGroups } from '../../policies/groups.js';
import { iso, toPerson } from '../people/present.js';
import { getVisiblePerson } from '../people/service.js';
import { toAdminGroup, toGroupRequest, toGroupView } from './present.js';
import {
  answerInvitation,
  changeMemberRole,
  createGroup,
  decideJoinRequest,
  invitePeople,
  joinGroup,
  leaveGroup,
  loadFindable,
  loadMembersOf,
  loadRequestsOf,
  removeFromGroup,
  setArchived,
  setNotifications,
  updateSettings,
} from './service.js';
import { listAllGroups, listGroupViews, listMembers, listPendingRequests } from './views.js';

export function groupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['groups'];
  const view = responses({ 200: groupViewSchema });

  r.post(
    '/api/v1/groups',
    {
      schema: {
        tags,
        summary: 'Create a group; I become its admin',
        body: createGroupSchema,
        response: responses({ 201: groupViewSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      return reply.code(201).send(toGroupView(v.person, await createGroup(ctx, v.person, req.body)));
    },
  );

  r.get(
    '/api/v1/groups',
    {
      config: { scope: 'groups:read' },
      schema: {
        tags,
        summary: 'Groups I may find: mine, to discover, or all; searched by name and purpose',
        querystring: groupListQuerySchema,
        response: responses({ 200: page(groupViewSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { filter, q, cursor, limit } = req.query;
      const after = decodeCursor<[string, string]>(cursor, ['string', 'string']);
      const rows = await listGroupViews(ctx.db, v.person, { filter, q, after, limit });
      return pageOf(
        rows,
        limit,
        (g) => toGroupView(v.person, g),
        (g) => [g.name_folded, g.id],
      );
    },
  );

  r.get(
    '/api/v1/people/:id/groups',
    {
      config: { scope: 'people:read' },
      schema: {
        tags,
        summary: 'The groups a person belongs to, among those I may find (their profile’s list)',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: page(groupViewSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const person = await getVisiblePerson(ctx, v.person, req.params.id);
      const { cursor, limit } = req.query;
      const after = decodeCursor<[string, string]>(cursor, ['string', 'string']);
      const rows = await listGroupViews(ctx.db, v.person, { memberId: person.id, after, limit });
      return pageOf(
        rows,
        limit,
        (g) => toGroupView(v.person, g),
        (g) => [g.name_folded, g.id],
      );
    },
  );

  r.get(
    '/api/v1/groups/:id',
    { config: { scope: 'groups:read' }, schema: { tags, summary: 'A group I may find', params: idParams, response: view } },
    async (req) => {
      const v = requireViewer(req);
      return toGroupView(v.person, await loadFindable(ctx.db, v.person, req.params.id));
    },
  );

  r.patch(
    '/api/v1/groups/:id',
    { schema: { tags, summary: 'Change the group’s settings (group admins)', params: idParams, body: updateGroupSchema, response: view } },
    async (req) => {
      const v = requireViewer(req);
      return toGroupView(v.person, await updateSettings(ctx, v.person, req.params.id, req.body));
    },
  );

  for (const [action, archive] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    r.post(
      `/api/v1/groups/:id/${action}`,
      {
        schema: {
          tags,
          summary: archive ? 'Archive the group: read-only (group admins)' : 'Unarchive the group (group admins)',
          params: idParams,
          response: view,
        },
      },
      async (req) => {
        const v = requireViewer(req);
        return toGroupView(v.person, await setArchived(ctx, v.person, req.params.id, archive));
      },
    );
  }

  r.get(
    '/api/v1/groups/:id/members',
    {
      config: { scope: 'groups:read' },
      schema: {
        tags,
        summary: 'Members of a group, by name',
        params: idParams,
        querystring: z
          .object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) })
          .strict(),
        response: responses({ 200: page(groupMemberSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const g = await loadMembersOf(ctx, v.person, req.params.id);
      const after = decodeCursor<[string, string]>(req.query.cursor, ['string', 'string']);
      const rows = await listMembers(ctx.db, v.org.id, g.id, after, req.query.limit);
      return pageOf(
        rows,
        req.query.limit,
        (m) => ({ person: toPerson(m.person), role: m.role, joinedAt: iso(m.joined_at) }),
        (m) => [m.person.display_name, m.person.id],
      );
    },
  );

  r.post(
    '/api/v1/groups/:id/join',
    {
      schema: {
        tags,
        summary: 'Join an open group (200), ask to join a closed one (202), or accept a pending invitation (200)',
        params: idParams,
        response: responses({ 200: joinResultSchema, 202: joinResultSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      const res = await joinGroup(ctx, v.person, req.params.id);
      return reply.code(res.status === 'joined' ? 200 : 202).send({
        status: res.status,
        group: toGroupView(v.person, res.group),
        request: res.request && toGroupRequest(res.request),
      });
    },
  );

  r.post(
    '/api/v1/groups/:id/leave',
    {
      schema: {
        tags,
        summary: 'Leave the group (or withdraw my join request); access ends at once',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      await leaveGroup(ctx, v.person, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/groups/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite colleagues (group admins and moderators); members and people already invited are skipped',
        params: idParams,
        body: invitePeopleSchema,
        response: responses({ 201: z.object({ items: z.array(groupRequestSchema) }) }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      const created = await invitePeople(ctx, v.person, req.params.id, req.body.personIds);
      return reply.code(201).send({ items: created.map(toGroupRequest) });
    },
  );

  r.post(
    '/api/v1/groups/:id/invitations/accept',
    { schema: { tags, summary: 'Accept my invitation to the group', params: idParams, response: view } },
    async (req) => {
      const v = requireViewer(req);
      const g = await answerInvitation(ctx, v.person, req.params.id, true);
      if (!g) throw forbidden();
      return toGroupView(v.person, g);
    },
  );

  r.post(
    '/api/v1/groups/:id/invitations/decline',
    { schema: { tags, summary: 'Decline my invitation to the group', params: idParams, response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireViewer(req);
      await answerInvitation(ctx, v.person, req.params.id, false);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/groups/:id/requests',
    {
      schema: {
        tags,
        summary: 'Pending join requests, oldest first (group admins and moderators)',
        params: idParams,
        querystring: z
          .object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) })
          .strict(),
        response: responses({ 200: page(groupRequestItemSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const g = await loadRequestsOf(ctx, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listPendingRequests(ctx.db, v.org.id, g.id, after, req.query.limit);
      return pageOf(
        rows,
        req.query.limit,
        (x) => ({ ...toGroupRequest(x), person: toPerson(x.person) }),
        (x) => [x.created_at, x.id],
      );
    },
  );

  for (const [action, approve] of [
    ['approve', true],
    ['decline', false],
  ] as const) {
    r.post(
      `/api/v1/groups/:id/requests/:requestId/${action}`,
      {
        schema: {
          tags,
          summary: approve
            ? 'Approve a join request (group admins and moderators)'
            : 'Decline a join request (group admins and moderators)',
          params: groupRequestParams,
          response: responses({ 200: groupRequestSchema }),
        },
      },
      async (req) => {
        const v = requireViewer(req);
        return toGroupRequest(await decideJoinRequest(ctx, v.person, req.params.id, req.params.requestId, approve));
      },
    );
  }

  r.delete(
    '/api/v1/groups/:id/members/:personId',
    {
      schema: {
        tags,
        summary: 'Remove a member (group admins); their access ends at once',
        params: groupMemberParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      await removeFromGroup(ctx, v.person, req.params.id, req.params.personId);
      return reply.code(204).send(null);
    },
  );

  r.patch(
    '/api/v1/groups/:id/members/:personId',
    {
      schema: {
        tags,
        summary: 'Change a member’s role in the group (group admins)',
        params: groupMemberParams,
        body: memberRoleChangeSchema,
        response: responses({ 200: groupMemberSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const m = await changeMemberRole(ctx, v.person, req.params.id, req.params.personId, req.body.role);
      return { person: toPerson(m.person), role: m.role, joinedAt: iso(m.joinedAt) };
    },
  );

  r.put(
    '/api/v1/groups/:id/notifications',
    {
      schema: { tags, summary: 'My notification level for the group', params: idParams, body: notificationsSchema, response: view },
    },
    async (req) => {
      const v = requireViewer(req);
      return toGroupView(v.person, await setNotifications(ctx, v.person, req.params.id, req.body.level));
    },
  );

  r.get(
    '/api/v1/admin/groups',
    {
      schema: {
        tags: ['admin', 'groups'],
        summary: 'Every group of the company, secret ones included: name, visibility, members (no content)',
        querystring: adminGroupListQuerySchema,
        response: responses({ 200: page(adminGroupSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      if (!canGovernGroups(v.person)) throw forbidden('Only company admins can do this.');
      const { q, cursor, limit } = req.query;
      const after = decodeCursor<[string, string]>(cursor, ['string', 'string']);
      const rows = await listAllGroups(ctx.db, v.org.id, { q, after, limit });
      return pageOf(rows, limit, toAdminGroup, (g) => [g.name_folded, g.id]);
    },
  );
}
