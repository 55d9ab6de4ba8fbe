import type { FastifyInstance } from 'fastify';
import { searchPageSchema, searchQuerySchema } from '../../../protocol/search.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { search } from './service.js';

export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  zodApp(app).get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Posts, comments, chat messages and groups I may see that match q (accents and case never matter; "quoted phrases")',
        querystring: searchQuerySchema,
        response: responses({ 200: searchPageSchema }),
      },
    },
    async (req) => search(ctx, requireViewer(req).person, req.query),
  );
}
