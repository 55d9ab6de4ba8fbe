import type { FastifyInstance } from 'fastify';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import { commentSchema, createCommentSchema, updateCommentSchema } from '../../../protocol/posts.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { listReplies, listTopLevel } from './comments-store.js';
import { createComment, deleteComment, editComment, loadThread, presentComments } from './comments.js';
import { loadVisiblePost } from './service.js';

export function commentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['comments'];
  const list = responses({ 200: page(commentSchema) });

  r.get(
    '/api/v1/posts/:id/comments',
    {
      config: { scope: 'groups:read' },
      schema: {
        tags,
        summary: 'Top-level comments of a post, oldest first, with their reply counts',
        params: idParams,
        querystring: pageQuerySchema,
        response: list,
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const post = await loadVisiblePost(ctx.db, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listTopLevel(ctx.db, v.org.id, post.id, after, req.query.limit);
      const { items, nextCursor } = pageOf(
        rows,
        req.query.limit,
        (x) => x,
        (x) => [x.created_at, x.id],
      );
      return { items: await presentComments(ctx.db, v.person, items), nextCursor };
    },
  );

  r.post(
    '/api/v1/posts/:id/comments',
    {
      config: { scope: 'groups:write' },
      schema: {
        tags,
        summary: 'Comment on a post, or reply to a comment (parentId); a reply to a reply joins the same thread',
        params: idParams,
        body: createCommentSchema,
        response: responses({ 201: commentSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      return reply.code(201).send(await createComment(ctx, v.person, req.params.id, req.body));
    },
  );

  r.get(
    '/api/v1/comments/:id/replies',
    {
      config: { scope: 'groups:read' },
      schema: { tags, summary: 'Replies to a comment, oldest first', params: idParams, querystring: pageQuerySchema, response: list },
    },
    async (req) => {
      const v = requireViewer(req);
      const comment = await loadThread(ctx.db, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listReplies(ctx.db, v.org.id, comment.id, after, req.query.limit);
      const { items, nextCursor } = pageOf(
        rows,
        req.query.limit,
        (x) => x,
        (x) => [x.created_at, x.id],
      );
      return { items: await presentComments(ctx.db, v.person, items), nextCursor };
    },
  );

  r.patch(
    '/api/v1/comments/:id',
    {
      config: { scope: 'groups:write' },
      schema: {
        tags,
        summary: 'Edit my comment',
        params: idParams,
        body: updateCommentSchema,
        response: responses({ 200: commentSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      return editComment(ctx, v.person, req.params.id, req.body.body);
    },
  );

  r.delete(
    '/api/v1/comments/:id',
    {
      config: { scope: 'groups:write' },
      schema: {
        tags,
        summary: 'Delete a comment (its author, the post’s author, group admins and moderators, company admins); replies stay',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      await deleteComment(ctx, v.person, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
