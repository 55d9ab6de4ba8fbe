import type { FastifyInstance } from 'fastify';
import { page } from '../../../protocol/api.js';
import { commentSchema, postSchema, reactionItemSchema, reactionListQuerySchema, reactSchema } from '../../../protocol/posts.js';
import type { AppContext } from '../../context.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, responses, zodApp } from '../../http/route-kit.js';
import { visiblePeopleScope } from '../../policies/people.js';
import { iso } from '../people/present.js';
import { loadComment } from './comments.js';
import { toAuthor } from './present.js';
import { reactToComment, reactToPost } from './reactions.js';
import { listReactions } from './reactions-store.js';
import { loadVisiblePost } from './service.js';

export function reactionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['reactions'];

  for (const target of ['posts', 'comments'] as const) {
    const shape = target === 'posts' ? postSchema : commentSchema;
    const what = target === 'posts' ? 'post' : 'comment';

    r.put(
      `/api/v1/${target}/:id/reaction`,
      {
        config: { scope: 'groups:write' },
        schema: {
          tags,
          summary: `React to a ${what} (replaces my earlier reaction)`,
          params: idParams,
          body: reactSchema,
          response: responses({ 200: shape }),
        },
      },
      async (req) => {
        const v = requireViewer(req);
        return target === 'posts'
          ? reactToPost(ctx, v.person, req.params.id, req.body.kind)
          : reactToComment(ctx, v.person, req.params.id, req.body.kind);
      },
    );

    r.delete(
      `/api/v1/${target}/:id/reaction`,
      {
        config: { scope: 'groups:write' },
        schema: { tags, summary: `Remove my reaction to a ${what}`, params: idParams, response: responses({ 200: shape }) },
      },
      async (req) => {
        const v = requireViewer(req);
        return target === 'posts' ? reactToPost(ctx, v.person, req.params.id, null) : reactToComment(ctx, v.person, req.params.id, null);
      },
    );

    r.get(
      `/api/v1/${target}/:id/reactions`,
      {
        config: { scope: 'groups:read' },
        schema: {
          tags,
          summary: `Who reacted to a ${what}, newest first (people I may see), optionally of one kind`,
          params: idParams,
          querystring: reactionListQuerySchema,
          response: responses({ 200: page(reactionItemSchema) }),
        },
      },
      async (req) => {
        const v = requireViewer(req);
        const targetId =
          target === 'posts'
            ? (await loadVisiblePost(ctx.db, v.person, req.params.id)).id
            : (await loadComment(ctx.db, v.person, req.params.id)).comment.id;
        const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
        const rows = await listReactions(ctx.db, visiblePeopleScope(v.person), targetId, req.query.kind, after, req.query.limit);
        return pageOf(
          rows,
          req.query.limit,
          (x) => ({
            person: toAuthor({ id: x.person_id, display_name: x.display_name, photo_file_id: x.photo_file_id, status: x.status, is_bot: x.is_bot }),
            kind: x.kind,
            reactedAt: iso(x.created_at),
          }),
          (x) => [x.created_at, x.person_id],
        );
      },
    );
  }
}
