import type { FastifyInstance } from 'fastify';
import { searchPageSchema, searchQuerySchema, typeaheadQuerySchema, typeaheadSchema } from '../../../protocol/search.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { search } from './service.js';
import { typeahead } from './typeahead.js';

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
  zodApp(app).get(
    '/api/v1/search/typeahead',
    {
      schema: {
        tags: ['search'],
        summary: 'People and groups I may find whose names start with what I typed, five of each, for the search box',
        querystring: typeaheadQuerySchema,
        response: responses({ 200: typeaheadSchema }),
      },
    },
    async (req) => typeahead(ctx.db, requireViewer(req).person, req.query.q),
  );
}
