import type { FastifyInstance } from 'fastify';
import { editMessageSchema, messageListQuerySchema, messagePageSchema, messageSchema, sendMessageSchema } from '../../../protocol/chat.js';
import { reactSchema } from '../../../protocol/posts.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { conversationForViewer } from '../../policies/chat.js';
import { presentMessages } from './message-present.js';
import { deleteMessage, editMessage, noSuchConversation, reactToMessage, sendMessage } from './message-service.js';
import { listMessages } from './message-store.js';

/** Messages of a conversation: send, history, edit, delete, react. */
export function messageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['chat'];
  const one = responses({ 200: messageSchema });

  r.post(
    '/api/v1/conversations/:id/messages',
    {
      config: { scope: 'chat:write' },
      schema: {
        tags,
        summary:
          'Send a message (Markdown with @[Name](person:<id>) mentions of participants). A retry with the same clientKey returns the first message with 200',
        params: idParams,
        body: sendMessageSchema,
        response: responses({ 200: messageSchema, 201: messageSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      const { message, created } = await sendMessage(ctx, v.person, req.params.id, req.body);
      return reply.code(created ? 201 : 200).send(message);
    },
  );

  r.get(
    '/api/v1/conversations/:id/messages',
    {
      config: { scope: 'chat:read' },
      schema: {
        tags,
        summary: 'History, ascending by seq: the newest page, or older than `before` (scrolling up), or newer than `after` (catching up)',
        params: idParams,
        querystring: messageListQuerySchema,
        response: responses({ 200: messagePageSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const conv = await conversationForViewer(ctx.db, v.person, req.params.id);
      if (!conv) throw noSuchConversation();
      const { rows, hasMore } = await listMessages(ctx.db, conv.id, req.query);
      return { items: await presentMessages(ctx.db, rows, v.person), hasMore };
    },
  );

  r.patch(
    '/api/v1/messages/:id',
    {
      config: { scope: 'chat:write' },
      schema: { tags, summary: 'Edit my own message (marked edited)', params: idParams, body: editMessageSchema, response: one },
    },
    async (req) => {
      const v = requireViewer(req);
      return editMessage(ctx, v.person, req.params.id, req.body);
    },
  );

  r.delete(
    '/api/v1/messages/:id',
    {
      config: { scope: 'chat:write' },
      schema: { tags, summary: 'Delete my own message: it stays as a tombstone in its place', params: idParams, response: one },
    },
    async (req) => {
      const v = requireViewer(req);
      return deleteMessage(ctx, v.person, req.params.id);
    },
  );

  r.put(
    '/api/v1/messages/:id/reaction',
    {
      config: { scope: 'chat:write' },
      schema: { tags, summary: 'React to a message (replaces my earlier reaction)', params: idParams, body: reactSchema, response: one },
    },
    async (req) => {
      const v = requireViewer(req);
      return reactToMessage(ctx, v.person, req.params.id, req.body.kind);
    },
  );

  r.delete(
    '/api/v1/messages/:id/reaction',
    { config: { scope: 'chat:write' }, schema: { tags, summary: 'Remove my reaction to a message', params: idParams, response: one } },
    async (req) => {
      const v = requireViewer(req);
      return reactToMessage(ctx, v.person, req.params.id, null);
    },
  );
}
