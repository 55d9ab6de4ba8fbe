import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema, page, pageQuerySchema } from '../../../protocol/api.js';
import {
  addMembersSchema,
  chatReadMineEventSchema,
  chatUnreadSchema,
  conversationListQuerySchema,
  conversationMemberSchema,
  conversationSchema,
  conversationSettingsSchema,
  createConversationSchema,
  readUpToSchema,
  receiptsSchema,
  renameConversationSchema,
} from '../../../protocol/chat.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { presentConversations } from './conversation-present.js';
import { changeSettings, createConversation, markRead, receiptsOf, renameConversation, viewOf } from './conversation-service.js';
import { listRows, unreadTotals } from './conversation-store.js';
import { addMembers, listMembers, removeMember } from './membership-service.js';

const memberParams = z.object({ id: idSchema, personId: idSchema }).strict();

/** Conversations: making them, my list, one of them, its people, my settings and read position, the badge. */
export function conversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['chat'];
  const one = responses({ 200: conversationSchema });

  r.post(
    '/api/v1/conversations',
    {
      config: { scope: 'chat:write' },
      schema: {
        tags,
        summary: 'Start a conversation: one-to-one (the existing one if any: 200), a group conversation, or the chat of a group I am in',
        body: createConversationSchema,
        response: responses({ 200: conversationSchema, 201: conversationSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      const { conversation, created } = await createConversation(ctx, v.person, req.body);
      return reply.code(created ? 201 : 200).send(conversation);
    },
  );

  r.get(
    '/api/v1/conversations',
    {
      config: { scope: 'chat:read' },
      schema: {
        tags,
        summary: 'My conversations, newest activity first; filter all (not archived), unread or archived; q searches names',
        querystring: conversationListQuerySchema,
        response: responses({ 200: page(conversationSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { cursor, limit, filter, q } = req.query;
      const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
      const rows = await listRows(ctx.db, v.person, { filter, q, after, limit });
      const { items, nextCursor } = pageOf(
        rows,
        limit,
        (x) => x,
        (x) => [x.last_activity_at, x.id],
      );
      return { items: await presentConversations(ctx.db, v.person, items), nextCursor };
    },
  );

  r.get(
    '/api/v1/conversations/:id',
    { config: { scope: 'chat:read' }, schema: { tags, summary: 'A conversation I am in', params: idParams, response: one } },
    // viewOf answers 404 unless I take part (the list's own filter).
    async (req) => viewOf(ctx.db, requireViewer(req).person, req.params.id),
  );

  r.patch(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Rename a group conversation (any of its people; an empty name clears it)',
        params: idParams,
        body: renameConversationSchema,
        response: one,
      },
    },
    async (req) => renameConversation(ctx, requireViewer(req).person, req.params.id, req.body.name),
  );

  r.put(
    '/api/v1/conversations/:id/settings',
    {
      schema: {
        tags,
        summary: 'My settings of a conversation: muted (not in the badge), archived (out of the list until a new message)',
        params: idParams,
        body: conversationSettingsSchema,
        response: one,
      },
    },
    async (req) => changeSettings(ctx, requireViewer(req).person, req.params.id, req.body),
  );

  r.get(
    '/api/v1/conversations/:id/members',
    {
      config: { scope: 'chat:read' },
      schema: {
        tags,
        summary: 'The people in a conversation, by name (a group’s chat: the group’s members)',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: page(conversationMemberSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { cursor, limit } = req.query;
      const after = decodeCursor<[string, string]>(cursor, ['string', 'string']);
      const rows = await listMembers(ctx.db, v.person, req.params.id, after, limit);
      return pageOf(
        rows,
        limit,
        ({ key, ...m }) => (void key, m),
        (m) => m.key,
      );
    },
  );

  r.post(
    '/api/v1/conversations/:id/members',
    {
      config: { scope: 'chat:write' },
      schema: {
        tags,
        summary: 'Add people to a group conversation (any of its people)',
        params: idParams,
        body: addMembersSchema,
        response: one,
      },
    },
    async (req) => addMembers(ctx, requireViewer(req).person, req.params.id, req.body.personIds),
  );

  r.delete(
    '/api/v1/conversations/:id/members/:personId',
    {
      config: { scope: 'chat:write' },
      schema: {
        tags,
        summary: 'Leave a group conversation (my own id), or remove someone from it (its admins)',
        params: memberParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      await removeMember(ctx, requireViewer(req).person, req.params.id, req.params.personId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/conversations/:id/read',
    {
      config: { scope: 'chat:write' },
      schema: {
        tags,
        summary: 'I have read up to this seq: my position moves forward (never back), my other devices and the others are told',
        params: idParams,
        body: readUpToSchema,
        response: responses({ 200: chatReadMineEventSchema }),
      },
    },
    async (req) => markRead(ctx, requireViewer(req).person, req.params.id, req.body.seq),
  );

  r.get(
    '/api/v1/conversations/:id/receipts',
    {
      config: { scope: 'chat:read' },
      schema: {
        tags,
        summary: 'How far each person in the conversation has read ("seen by")',
        params: idParams,
        response: responses({ 200: receiptsSchema }),
      },
    },
    async (req) => ({ items: await receiptsOf(ctx, requireViewer(req).person, req.params.id) }),
  );

  r.get(
    '/api/v1/chat/unread',
    {
      config: { scope: 'chat:read' },
      schema: {
        tags,
        summary: 'My chat badge: unread messages over conversations neither muted nor archived, and how many conversations have some',
        response: responses({ 200: chatUnreadSchema }),
      },
    },
    async (req) => unreadTotals(ctx.db, requireViewer(req).person),
  );
}
