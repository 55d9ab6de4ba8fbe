import type { FastifyInstance } from 'fastify';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import { createPostSchema, postRevisionSchema, postSchema, updatePostSchema } from '../../../protocol/posts.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { getVisiblePerson } from '../people/service.js';
import { commentRoutes } from './comment-routes.js';
import { toRevision } from './present.js';
import { extraRoutes } from './extra-routes.js';
import { reactionRoutes } from './reaction-routes.js';
import { createPost, deletePost, editPost, loadGroupFeed, loadVisiblePost, presentPost, presentPosts, setPinned } from './service.js';
import { listAuthorPosts, listGroupPosts, listRevisions } from './store.js';

/** Posts, their comments and reactions. */
export function postRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['posts'];
  const one = responses({ 200: postSchema });

  r.post(
    '/api/v1/posts',
    {
      config: { scope: 'groups:write' },
      schema: {
        tags,
        summary: 'Write a post in a group (groupId) or on my own profile; Markdown with @[Name](person:<id>) mentions',
        body: createPostSchema,
        response: responses({ 201: postSchema }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      return reply.code(201).send(await createPost(ctx, v.person, req.body));
    },
  );

  r.get(
    '/api/v1/posts/:id',
    { config: { scope: 'groups:read' }, schema: { tags, summary: 'A post I may see', params: idParams, response: one } },
    async (req) => {
      const v = requireViewer(req);
      return presentPost(ctx.db, v.person, await loadVisiblePost(ctx.db, v.person, req.params.id));
    },
  );

  r.patch(
    '/api/v1/posts/:id',
    {
      config: { scope: 'groups:write' },
      schema: {
        tags,
        summary: 'Edit the body (the author; the old version is kept) or turn comments on or off (the author or group admins)',
        params: idParams,
        body: updatePostSchema,
        response: one,
      },
    },
    async (req) => {
      const v = requireViewer(req);
      return editPost(ctx, v.person, req.params.id, req.body);
    },
  );

  r.delete(
    '/api/v1/posts/:id',
    {
      config: { scope: 'groups:write' },
      schema: {
        tags,
        summary: 'Delete a post (its author, the group’s admins and moderators, company admins)',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      await deletePost(ctx, v.person, req.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const [action, pinned] of [
    ['pin', true],
    ['unpin', false],
  ] as const) {
    r.post(
      `/api/v1/posts/:id/${action}`,
      {
        schema: {
          tags,
          summary: pinned ? 'Pin a post to the top of its group (group admins and moderators)' : 'Unpin a post',
          params: idParams,
          response: one,
        },
      },
      async (req) => {
        const v = requireViewer(req);
        return setPinned(ctx, v.person, req.params.id, pinned);
      },
    );
  }

  r.get(
    '/api/v1/posts/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Earlier versions of a post, newest first',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: page(postRevisionSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const post = await loadVisiblePost(ctx.db, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listRevisions(ctx.db, v.org.id, post.id, after, req.query.limit);
      return pageOf(rows, req.query.limit, toRevision, (x) => [x.replaced_at, x.id]);
    },
  );

  r.get(
    '/api/v1/groups/:id/posts',
    {
      config: { scope: 'groups:read' },
      schema: {
        tags,
        summary: 'A group’s feed: pinned posts first, then newest',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: page(postSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      await loadGroupFeed(ctx, v.person, req.params.id);
      const after = decodeCursor<[number, number, string]>(req.query.cursor, ['number', 'number', 'string']);
      const rows = await listGroupPosts(ctx.db, v.person, req.params.id, after, req.query.limit);
      const { items, nextCursor } = pageOf(
        rows,
        req.query.limit,
        (x) => x,
        (x) => [x.pinned, x.created_at, x.id],
      );
      return { items: await presentPosts(ctx.db, v.person, items), nextCursor };
    },
  );

  r.get(
    '/api/v1/people/:id/posts',
    {
      config: { scope: 'groups:read' },
      schema: {
        tags,
        summary: 'A person’s posts that I may see: on their profile and in groups, newest first',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: page(postSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const person = await getVisiblePerson(ctx, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listAuthorPosts(ctx.db, v.person, person.id, after, req.query.limit);
      const { items, nextCursor } = pageOf(
        rows,
        req.query.limit,
        (x) => x,
        (x) => [x.created_at, x.id],
      );
      return { items: await presentPosts(ctx.db, v.person, items), nextCursor };
    },
  );

  commentRoutes(app, ctx);
  reactionRoutes(app, ctx);
  extraRoutes(app, ctx);
}
