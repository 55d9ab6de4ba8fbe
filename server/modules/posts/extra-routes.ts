import type { FastifyInstance } from 'fastify';
import { page, pageQuerySchema } from '../../../protocol/api.js';
import { rsvpListQuerySchema, rsvpSchema, seenByQuerySchema, votersQuerySchema, voteSchema } from '../../../protocol/post-extras.js';
import { pollVoterSchema, postSchema, rsvpItemSchema, seenByItemSchema } from '../../../protocol/posts.js';
import type { AppContext } from '../../context.js';
import { badInput } from '../../errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { visiblePeopleScope } from '../../policies/people.js';
import { iso } from '../people/present.js';
import { listPendingPosts, loadPendingQueue, reviewPost } from './approval.js';
import { listAudience, listRsvps, listVoters, optionTallies } from './extras-store.js';
import { answerEvent, loadEvent, loadPoll, loadSeenBy, markAnnouncementSeen, vote } from './interactions.js';
import { toAuthor } from './present.js';
import { loadVisiblePost, presentPost, presentPosts } from './service.js';

/** Polls, events, announcements and post approval. */
export function extraRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['posts'];
  const one = responses({ 200: postSchema });
  const person = (x: { person_id: string; display_name: string; photo_file_id: string | null; status: 'active' | 'deactivated'; is_bot: number }) =>
    toAuthor({ id: x.person_id, display_name: x.display_name, photo_file_id: x.photo_file_id, status: x.status, is_bot: x.is_bot });

  r.put(
    '/api/v1/posts/:id/votes',
    {
      schema: {
        tags,
        summary: 'Vote in the post’s poll: my choices replace earlier ones; an empty list takes my vote back',
        params: idParams,
        body: voteSchema,
        response: one,
      },
    },
    async (req) => vote(ctx, requireViewer(req).person, req.params.id, req.body.optionIds),
  );

  r.get(
    '/api/v1/posts/:id/poll/voters',
    {
      schema: {
        tags,
        summary: 'Who voted in the post’s poll, newest first (people I may see), optionally for one option',
        params: idParams,
        querystring: votersQuerySchema,
        response: responses({ 200: page(pollVoterSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { post } = await loadPoll(ctx.db, v.person, req.params.id);
      const { optionId } = req.query;
      if (optionId && !(await optionTallies(ctx.db, [post.id])).some((o) => o.id === optionId)) {
        throw badInput('optionId', 'must be an option of this poll');
      }
      const after = decodeCursor<[number, string, string]>(req.query.cursor, ['number', 'string', 'string']);
      const rows = await listVoters(ctx.db, visiblePeopleScope(v.person), post.id, optionId, after, req.query.limit);
      return pageOf(
        rows,
        req.query.limit,
        (x) => ({ person: person(x), optionId: x.option_id, votedAt: iso(x.created_at) }),
        (x) => [x.created_at, x.person_id, x.option_id],
      );
    },
  );

  r.put(
    '/api/v1/posts/:id/rsvp',
    {
      schema: {
        tags,
        summary: 'Answer the post’s event: going, maybe or declined (can’t go)',
        params: idParams,
        body: rsvpSchema,
        response: one,
      },
    },
    async (req) => answerEvent(ctx, requireViewer(req).person, req.params.id, req.body.answer),
  );

  r.get(
    '/api/v1/posts/:id/rsvps',
    {
      schema: {
        tags,
        summary: 'Who answered the post’s event, newest first (people I may see), optionally with one answer',
        params: idParams,
        querystring: rsvpListQuerySchema,
        response: responses({ 200: page(rsvpItemSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const { post } = await loadEvent(ctx.db, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listRsvps(ctx.db, visiblePeopleScope(v.person), post.id, req.query.answer, after, req.query.limit);
      return pageOf(
        rows,
        req.query.limit,
        (x) => ({ person: person(x), answer: x.answer, answeredAt: iso(x.answered_at) }),
        (x) => [x.answered_at, x.person_id],
      );
    },
  );

  r.put(
    '/api/v1/posts/:id/seen',
    { schema: { tags, summary: 'Mark an announcement seen (again: no change)', params: idParams, response: one } },
    async (req) => markAnnouncementSeen(ctx, requireViewer(req).person, req.params.id),
  );

  r.get(
    '/api/v1/posts/:id/seen-by',
    {
      schema: {
        tags,
        summary:
          'Members who have (seen=true, latest first) or have not (seen=false, by name) seen an announcement; its author and the group’s admins and moderators',
        params: idParams,
        querystring: seenByQuerySchema,
        response: responses({ 200: page(seenByItemSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const post = await loadSeenBy(ctx.db, v.person, req.params.id);
      const seen = req.query.seen === 'true';
      const after = seen
        ? decodeCursor<[number, string]>(req.query.cursor, ['number', 'string'])
        : decodeCursor<[string, string]>(req.query.cursor, ['string', 'string']);
      const rows = await listAudience(ctx.db, visiblePeopleScope(v.person), post, seen, after, req.query.limit);
      return pageOf(
        rows,
        req.query.limit,
        (x) => ({ person: person(x), seenAt: x.seen_at === null ? null : iso(x.seen_at) }),
        (x) => (seen ? [x.seen_at, x.person_id] : [x.name_key, x.person_id]),
      );
    },
  );

  r.post(
    '/api/v1/posts/:id/approve',
    { schema: { tags, summary: 'Approve a pending post (the group’s admins and moderators)', params: idParams, response: one } },
    async (req) => {
      const v = requireViewer(req);
      await reviewPost(ctx, v.person, req.params.id, true);
      return presentPost(ctx.db, v.person, await loadVisiblePost(ctx.db, v.person, req.params.id));
    },
  );

  r.post(
    '/api/v1/posts/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a pending post (the group’s admins and moderators); from then on only its author sees it',
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      await reviewPost(ctx, requireViewer(req).person, req.params.id, false);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/groups/:id/pending-posts',
    {
      schema: {
        tags,
        summary: 'Posts waiting for approval in a group, oldest first (the group’s admins and moderators)',
        params: idParams,
        querystring: pageQuerySchema,
        response: responses({ 200: page(postSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      await loadPendingQueue(ctx, v.person, req.params.id);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      const rows = await listPendingPosts(ctx.db, v.person, req.params.id, after, req.query.limit);
      const { items, nextCursor } = pageOf(
        rows,
        req.query.limit,
        (x) => x,
        (x) => [x.created_at, x.id],
      );
      return { items: await presentPosts(ctx.db, v.person, items), nextCursor };
    },
  );
}
