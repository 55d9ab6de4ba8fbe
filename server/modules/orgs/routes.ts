import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  findCompanyInputSchema,
  orgSchema,
  signUpInputSchema,
  signUpResultSchema,
  slugCheckSchema,
  slugSchema,
} from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireOrg } from '../../http/request-context.js';
import { noContent, responses, zodApp } from '../../http/route-kit.js';
import { createSession, setSessionCookie } from '../accounts/sessions.js';
import { toOrg } from './present.js';
import { checkSlug, findCompanies, redeemHandoff, signUpCompany } from './service.js';

export function orgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['companies'];

  r.get(
    '/api/v1/context',
    {
      schema: {
        tags,
        summary: 'Which company this address belongs to (null on the base domain)',
        response: responses({ 200: z.object({ baseUrl: z.string(), org: orgSchema.nullable() }) }),
      },
    },
    async (req) => ({
      baseUrl: ctx.urls.base(),
      org: req.org ? toOrg(ctx, req.org) : null,
    }),
  );

  r.get(
    '/api/v1/orgs/slug-check',
    {
      schema: {
        tags,
        summary: 'Is a company address free?',
        querystring: z.object({ slug: slugSchema }).strict(),
        response: responses({ 200: slugCheckSchema }),
      },
    },
    async (req) => ({
      slug: req.query.slug,
      ...(await checkSlug(ctx, req.query.slug)),
    }),
  );

  r.post(
    '/api/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Sign up a company and its owner',
        body: signUpInputSchema,
        response: responses({ 201: signUpResultSchema }),
      },
    },
    async (req, reply) => {
      if (req.org) throw new AppError(400, 'wrong_host', 'Sign up a new company from the main address, not from a company.');
      const { org, continueUrl } = await signUpCompany(ctx, req.body);
      return reply.code(201).send({ org: toOrg(ctx, org), continueUrl });
    },
  );

  r.post(
    '/api/v1/find-company',
    {
      schema: {
        tags,
        summary: 'E-mail the companies an address belongs to (always 202)',
        body: findCompanyInputSchema,
        response: responses({ 202: noContent }),
      },
    },
    async (req, reply) => {
      await findCompanies(ctx, req.body.email);
      return reply.code(202).send(null);
    },
  );

  // A browser navigation, not an API call: sets the session cookie on the company host, then goes home.
  r.get(
    '/auth/handoff',
    { schema: { hide: true, querystring: z.object({ token: z.string().min(10).max(200) }).strict() } },
    async (req, reply) => {
      const org = requireOrg(req);
      const person = await redeemHandoff(ctx, org, req.query.token);
      const session = await createSession(ctx, ctx.db, person, req);
      setSessionCookie(ctx, reply, session.token);
      return reply.redirect('/', 303);
    },
  );
}
