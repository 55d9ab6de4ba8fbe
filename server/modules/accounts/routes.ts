import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changePasswordInputSchema,
  page,
  pageQuerySchema,
  resetCompleteInputSchema,
  resetRequestInputSchema,
  sessionInfoSchema,
  sessionItemSchema,
  signInInputSchema,
  signInStepSchema,
} from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import { notFound, unauthenticated } from '../../errors.js';
import { findPerson } from '../people/store.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireOrg, requireViewer } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { iso } from '../people/present.js';
import { changePassword, completePasswordReset, requestPasswordReset, signIn } from './service.js';
import { clearSessionCookie, revokeSessions, sessionInfo, signOutSession } from './sessions.js';
import { inTx } from '../../context.js';
import { personActor, recordAudit } from '../audit/record.js';

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['accounts'];

  r.get(
    '/api/v1/auth/session',
    { schema: { tags, summary: 'The signed-in person, company and CSRF token', response: responses({ 200: sessionInfoSchema }) } },
    async (req) => {
      const v = requireViewer(req);
      // Read fresh: the cached viewer may lag behind (role, name).
      const person = await findPerson(ctx.db, v.org.id, v.person.id);
      if (!person) throw unauthenticated();
      return sessionInfo(ctx, v.org, person, v.csrfToken, v.sessionId);
    },
  );

  r.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with an e-mail, username or employee id and a password; 202 when a step remains (second factor, terms)',
        body: signInInputSchema,
        response: responses({ 200: sessionInfoSchema, 202: signInStepSchema }),
      },
    },
    async (req, reply) => {
      const org = requireOrg(req);
      const outcome = await signIn(ctx, org, req.body, req, reply);
      if (outcome.signedIn) return outcome.info;
      return reply.code(202).send({ step: outcome.step, challenge: outcome.challenge });
    },
  );

  r.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'Sign out this browser', response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireViewer(req);
      await signOutSession(ctx, v.org.id, v.person.id, v.sessionId);
      await recordAudit(ctx.db, { orgId: v.org.id, actor: personActor(v.person), action: 'auth.sign_out', ip: req.ip });
      clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'E-mail a password reset link (always 202)',
        body: resetRequestInputSchema,
        response: responses({ 202: noContent }),
      },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, requireOrg(req), req.body.email, req.ip);
      return reply.code(202).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password-reset/complete',
    {
      schema: {
        tags,
        summary: 'Set a new password with a reset link token; signs in (202 when a step remains)',
        body: resetCompleteInputSchema,
        response: responses({ 200: sessionInfoSchema, 202: signInStepSchema }),
      },
    },
    async (req, reply) => {
      const org = requireOrg(req);
      const outcome = await completePasswordReset(ctx, org, req.body, req, reply);
      if (outcome.signedIn) return outcome.info;
      return reply.code(202).send({ step: outcome.step, challenge: outcome.challenge });
    },
  );

  r.put(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password (other sessions end)',
        body: changePasswordInputSchema,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      await changePassword(ctx, v.person, v.sessionId, req.body);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags,
        summary: 'My signed-in sessions, newest first',
        querystring: pageQuerySchema,
        response: responses({ 200: page(sessionItemSchema) }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      let q = ctx.db
        .selectFrom('sessions')
        .selectAll()
        .where('org_id', '=', v.org.id)
        .where('person_id', '=', v.person.id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', Date.now());
      if (after)
        q = q.where((eb) => eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]));
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute();
      return pageOf(
        rows,
        req.query.limit,
        (s) => ({
          id: s.id,
          userAgent: s.user_agent,
          ip: s.ip,
          createdAt: iso(s.created_at),
          lastSeenAt: iso(s.last_seen_at),
          current: s.id === v.sessionId,
        }),
        (s) => [s.created_at, s.id],
      );
    },
  );

  r.delete(
    '/api/v1/me/sessions/:id',
    { schema: { tags, summary: 'Sign out one of my sessions', params: idParams, response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireViewer(req);
      const revoked = await signOutSession(ctx, v.org.id, v.person.id, req.params.id);
      if (revoked.length === 0) throw notFound('No such session.');
      if (req.params.id === v.sessionId) clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/me/sessions/revoke-others',
    { schema: { tags, summary: 'Sign out everywhere else', response: responses({ 200: z.object({ revoked: z.number() }) }) } },
    async (req) => {
      const v = requireViewer(req);
      const revoked = await inTx(ctx, (trx, after) =>
        revokeSessions(ctx, trx, after, v.org.id, { personId: v.person.id, exceptSessionId: v.sessionId }),
      );
      return { revoked: revoked.length };
    },
  );
}
