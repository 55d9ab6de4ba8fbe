import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ssoAvailabilitySchema,
  ssoConnectionInputSchema,
  ssoSettingsSchema,
  ssoTestInputSchema,
  ssoTestResultSchema,
} from '../../../protocol/sso.js';
import type { AppContext } from '../../context.js';
import { requireAdmin, requireOrg } from '../../http/request-context.js';
import { noContent, responses, zodApp } from '../../http/route-kit.js';
import { readIdentitySettings } from '../identity/settings.js';
import { deleteConnection, readSettings, saveConnection } from './config.js';
import { SsoFailure } from './failure.js';
import { oidcCallback, refuse, safeReturnTo, samlAcs, startSignIn } from './flow.js';
import { spMetadata } from './saml.js';
import { readConnection } from './store.js';
import { testConnection } from './test-connection.js';

/** Single sign-on: the admin API, what the sign-in page asks, and the browser's paths under /auth/sso. */
export function ssoRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin'];

  r.get(
    '/api/v1/admin/sso',
    {
      schema: {
        tags,
        summary: "The company's single sign-on connection (never its client secret) and our values for the provider",
        response: responses({ 200: ssoSettingsSchema }),
      },
    },
    async (req) => readSettings(ctx, requireAdmin(req).org),
  );

  r.put(
    '/api/v1/admin/sso',
    {
      schema: {
        tags,
        summary: 'Create or replace the single sign-on connection (OpenID Connect or SAML 2.0)',
        body: ssoConnectionInputSchema,
        response: responses({ 200: ssoSettingsSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      await saveConnection(ctx, v.org, v.person, req.body, req.ip);
      return readSettings(ctx, v.org);
    },
  );

  r.delete(
    '/api/v1/admin/sso',
    {
      schema: {
        tags,
        summary: 'Remove the single sign-on connection (people and their links stay)',
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      await deleteConnection(ctx, v.org, v.person, req.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/sso/test',
    {
      schema: {
        tags,
        summary: 'Try the stored connection, or the values given: OpenID Connect discovery, SAML certificates and metadata',
        body: ssoTestInputSchema,
        response: responses({ 200: ssoTestResultSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return testConnection(ctx, v.org, v.person, req.body, req.ip);
    },
  );

  r.get(
    '/api/v1/auth/sso',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Whether the sign-in page offers the company single sign-on, and under which name',
        response: responses({ 200: ssoAvailabilitySchema }),
      },
    },
    async (req) => {
      const org = requireOrg(req);
      const row = await readConnection(ctx.db, org.id);
      const on = row?.enabled === 1;
      return {
        enabled: on,
        protocol: on && row ? row.protocol : null,
        displayName: on && row ? row.display_name : null,
        enforced: on && (await readIdentitySettings(ctx.db, org.id)).enforceSso,
      };
    },
  );

  // Browser navigations; the SAML provider posts a form, so only this scope reads form bodies.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const s = zodApp(scope);
    const hide = { hide: true } as const;

    s.get('/auth/sso/start', { schema: { ...hide, querystring: z.object({ returnTo: z.string().optional() }) } }, async (req, reply) =>
      startSignIn(ctx, req, reply, requireOrg(req), safeReturnTo(req.query.returnTo)),
    );

    s.get('/auth/sso/oidc/callback', { schema: { ...hide, querystring: z.record(z.string(), z.string().max(4000)) } }, async (req, reply) =>
      oidcCallback(ctx, req, reply, requireOrg(req), req.query),
    );

    s.post('/auth/sso/saml/acs', { schema: hide }, async (req, reply) => {
      const org = requireOrg(req);
      const body = z.object({ SAMLResponse: z.string().min(1).max(2_000_000) }).safeParse(req.body);
      if (!body.success)
        return refuse(ctx, req, reply, org, 'saml', new SsoFailure('sso_failed', 'no_response', 'No SAMLResponse was posted.'));
      return samlAcs(ctx, req, reply, org, body.data.SAMLResponse);
    });

    s.get('/auth/sso/saml/metadata', { schema: hide }, async (req, reply) => {
      const org = requireOrg(req);
      const xml = spMetadata(ctx, org, await readConnection(ctx.db, org.id));
      return reply.type('application/samlmetadata+xml; charset=utf-8').send(xml);
    });
  });
}
