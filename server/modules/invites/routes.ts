import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  acceptInviteInputSchema,
  emailInvitesInputSchema,
  inviteLinkCreatedSchema,
  inviteLinkInputSchema,
  invitePreviewSchema,
  inviteSchema,
  page,
  pageQuerySchema,
  sessionInfoSchema,
  signInStepSchema,
} from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import type { InvitesTable } from '../../db/schema.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { requireAdmin, requireOrg } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { continueSignIn } from '../identity/sign-in-flow.js';
import { toOrg } from '../orgs/present.js';
import { iso } from '../people/present.js';
import { acceptInvite, createInviteLink, findUsableInvite, inviteByEmail, inviteStatus, revokeInvite } from './service.js';

const toInvite = (i: InvitesTable) => ({
  id: i.id,
  kind: i.kind,
  email: i.email,
  role: i.role,
  maxUses: i.max_uses,
  uses: i.uses,
  expiresAt: iso(i.expires_at),
  revokedAt: i.revoked_at ? iso(i.revoked_at) : null,
  createdAt: iso(i.created_at),
  status: inviteStatus(i),
});

const tokenParams = z.object({ token: z.string().min(10).max(200) }).strict();

export function inviteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['invitations'];

  r.post(
    '/api/v1/admin/invites',
    {
      schema: {
        tags,
        summary: 'Invite people by e-mail',
        body: emailInvitesInputSchema,
        response: responses({ 201: z.object({ items: z.array(inviteSchema) }) }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const created = await inviteByEmail(ctx, v.org, v.person, req.body.emails, req.body.role);
      return reply.code(201).send({ items: created.map(toInvite) });
    },
  );

  r.get(
    '/api/v1/admin/invites',
    {
      schema: {
        tags,
        summary: 'Invitations, newest first',
        querystring: pageQuerySchema.extend({ kind: z.enum(['email', 'link']).optional() }).strict(),
        response: responses({ 200: page(inviteSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const after = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      let q = ctx.db.selectFrom('invites').selectAll().where('org_id', '=', v.org.id);
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      if (after)
        q = q.where((eb) => eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]));
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute();
      return pageOf(rows, req.query.limit, toInvite, (i) => [i.created_at, i.id]);
    },
  );

  r.delete(
    '/api/v1/admin/invites/:id',
    { schema: { tags, summary: 'Revoke an invitation or invite link', params: idParams, response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireAdmin(req);
      await revokeInvite(ctx, v.org, v.person, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/invite-links',
    {
      schema: {
        tags,
        summary: 'Create a shareable invite link (shown once)',
        body: inviteLinkInputSchema,
        response: responses({ 201: inviteLinkCreatedSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const { invite, url } = await createInviteLink(ctx, v.org, v.person, req.body);
      return reply.code(201).send({ invite: toInvite(invite), url });
    },
  );

  r.get(
    '/api/v1/invites/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation is for, before accepting',
        params: tokenParams,
        response: responses({ 200: invitePreviewSchema }),
      },
    },
    async (req) => {
      const org = requireOrg(req);
      const invite = await findUsableInvite(ctx.db, org, req.params.token);
      const by = await ctx.db.selectFrom('people').select('display_name').where('id', '=', invite.created_by).executeTakeFirst();
      return { org: toOrg(ctx, org), email: invite.email, role: invite.role, invitedBy: by?.display_name ?? '' };
    },
  );

  r.post(
    '/api/v1/invites/:token/accept',
    {
      schema: {
        tags,
        summary: 'Join the company with an invitation; signs in',
        params: tokenParams,
        body: acceptInviteInputSchema,
        response: responses({ 201: sessionInfoSchema, 202: signInStepSchema }),
      },
    },
    async (req, reply) => {
      const org = requireOrg(req);
      const person = await acceptInvite(ctx, org, req.params.token, req.body, req);
      // Through the company's policy like any sign-in: a required second factor or terms come first.
      const outcome = await continueSignIn(ctx, org, person, 'password', req, reply);
      if (outcome.signedIn) return reply.code(201).send(outcome.info);
      return reply.code(202).send({ step: outcome.step, challenge: outcome.challenge });
    },
  );
}
