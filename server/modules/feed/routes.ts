import type { FastifyInstance } from 'fastify';
import { page } from '../../../protocol/api.js';
import { feedItemSchema, feedQuerySchema } from '../../../protocol/feed.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { homeFeed } from './service.js';

/** The home feed. */
export function feedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  r.get(
    '/api/v1/feed',
    {
      config: { scope: 'groups:read' },
      schema: {
        tags: ['feed'],
        summary: 'My home feed: posts from my groups, people I follow and myself, each with why it is there',
        description: [
          '`order=recent` (default): newest first. The cursor is the last post’s time and id: posts written while',
          'you read never shift later pages.',
          '',
          '`order=top`: posts of the last 7 days (at most 20 per group or person, 300 in all) ordered by',
          '`score = recency + author + group + engagement + announcement`, with',
          '`recency = 100 × 0.5^(age hours / 24)`, `author = min(50, 10 × my reactions and comments on the author’s posts',
          'in the last 30 days)`, `group = min(25, 5 × the same in the post’s group)`,',
          '`engagement = 15 × log2(1 + reactions + 2 × comments)` and `announcement = 1000` for an announcement I have',
          'not marked seen. Every page is computed as of the first page’s time (kept in the cursor), so pages',
          'neither repeat nor skip posts. `why.terms` gives each term, `why.reasons` says them in words.',
        ].join('\n'),
        querystring: feedQuerySchema,
        response: responses({ 200: page(feedItemSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      return homeFeed(ctx.db, v.person, req.query);
    },
  );
}
