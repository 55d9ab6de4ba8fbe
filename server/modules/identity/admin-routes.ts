import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page, personSchema } from '../../../protocol/api.js';
import {
  accessCodeItemSchema,
  accessCodeSheetSchema,
  accessCodesQuerySchema,
  createPersonSchema,
  identitySettingsPatchSchema,
  identitySettingsViewSchema,
  issueAccessCodesSchema,
  issuedAccessCodeSchema,
} from '../../../protocol/identity.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/index.js';
import { conflict } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { personActor } from '../audit/record.js';
import { iso, toPerson } from '../people/present.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { accessCodeStatus, issueAccessCodes, revokeAccessCode, verifyCodesForSheet } from './access-codes.js';
import { claimUrl, codesCsv, codesPdf } from './access-code-sheet.js';
import { createPerson } from './provisioning.js';
import { readIdentitySettings, updateIdentitySettings, type StoredIdentitySettings } from './settings.js';

const view = (s: StoredIdentitySettings) => ({ ...s, termsUpdatedAt: s.termsUpdatedAt === null ? null : iso(s.termsUpdatedAt) });

export function identityAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin'];

  r.get(
    '/api/v1/admin/identity-settings',
    {
      schema: {
        tags,
        summary: 'Sign-in policy: second factor, SSO enforcement, working hours, terms',
        response: responses({ 200: identitySettingsViewSchema }),
      },
    },
    async (req) => view(await readIdentitySettings(ctx.db, requireAdmin(req).org.id)),
  );

  r.patch(
    '/api/v1/admin/identity-settings',
    {
      schema: {
        tags,
        summary: 'Change the sign-in policy (only the fields sent)',
        body: identitySettingsPatchSchema,
        response: responses({ 200: identitySettingsViewSchema }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      return view(await updateIdentitySettings(ctx, v.person, req.body, req.ip));
    },
  );

  r.post(
    '/api/v1/admin/people',
    {
      config: { scope: 'people:write' },
      schema: {
        tags,
        summary: 'Add a person directly (no e-mail needed: a username or employee id)',
        body: createPersonSchema,
        response: responses({ 201: personSchema }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const b = req.body;
      try {
        const person = await inTx(ctx, async (trx, afterCommit) => {
          await lockPeopleOfOrg(trx, ctx.dialect, v.org.id);
          return createPerson(
            ctx,
            trx,
            afterCommit,
            v.org.id,
            { ...b, frontline: b.frontline ?? !b.email },
            { actor: personActor(v.person), ip: req.ip, via: 'admin' },
          );
        });
        return reply.code(201).send(toPerson(person));
      } catch (err) {
        // Two admins adding the same username at once: the unique index decides.
        if (isUniqueViolation(err))
          throw conflict('person_taken', 'Someone in the company already has this username, e-mail or employee id.', 'username');
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/admin/access-codes',
    {
      schema: {
        tags,
        summary: 'Issue access codes (each shown only in this answer; earlier unused codes of those people stop working)',
        body: issueAccessCodesSchema,
        response: responses({ 201: z.object({ items: z.array(issuedAccessCodeSchema) }) }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const ids = [...new Set(req.body.personIds)];
      const issued = await inTx(ctx, (trx) => issueAccessCodes(ctx, trx, v.org.id, ids, personActor(v.person), req.ip));
      const orgUrl = (path: string) => ctx.urls.org(v.org.slug, path);
      return reply.code(201).send({
        items: issued.map((c) => ({
          personId: c.person.id,
          displayName: c.person.display_name,
          login: c.person.username ?? c.person.employee_id ?? c.person.email ?? '',
          code: c.code,
          expiresAt: iso(c.expiresAt),
          claimUrl: claimUrl(orgUrl, c.code),
        })),
      });
    },
  );

  r.get(
    '/api/v1/admin/access-codes',
    {
      schema: {
        tags,
        summary: 'Access codes issued, newest first (never the codes themselves)',
        querystring: accessCodesQuerySchema,
        response: responses({ 200: page(accessCodeItemSchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const before = decodeCursor<[number, string]>(req.query.cursor, ['number', 'string']);
      let q = ctx.db
        .selectFrom('access_codes as c')
        .innerJoin('people as p', 'p.id', 'c.person_id')
        .selectAll('c')
        .select(['p.display_name', 'p.username', 'p.employee_id', 'p.email'])
        .where('c.org_id', '=', v.org.id);
      if (req.query.personId) q = q.where('c.person_id', '=', req.query.personId);
      if (before)
        q = q.where((eb) =>
          eb.or([eb('c.created_at', '<', before[0]), eb.and([eb('c.created_at', '=', before[0]), eb('c.id', '<', before[1])])]),
        );
      const rows = await q
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(req.query.limit + 1)
        .execute();
      const more = rows.length > req.query.limit;
      const items = rows.slice(0, req.query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((c) => ({
          id: c.id,
          person: { id: c.person_id, displayName: c.display_name, login: c.username ?? c.employee_id ?? c.email ?? '' },
          status: accessCodeStatus(c),
          createdAt: iso(Number(c.created_at)),
          expiresAt: iso(Number(c.expires_at)),
          usedAt: c.used_at === null ? null : iso(Number(c.used_at)),
        })),
        nextCursor: more && last ? encodeCursor([Number(last.created_at), last.id]) : null,
      };
    },
  );

  r.delete(
    '/api/v1/admin/access-codes/:id',
    { schema: { tags, summary: 'Revoke an unused access code', params: idParams, response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireAdmin(req);
      await revokeAccessCode(ctx, v.person, req.params.id, req.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/access-codes/sheet',
    {
      schema: {
        tags,
        summary: 'A printable sheet (PDF) or CSV of codes just issued; each must be an active code of that person',
        body: accessCodeSheetSchema,
        // No 200 schema: the answer is a file (PDF or CSV), not JSON.
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const codes = await verifyCodesForSheet(ctx, v.org.id, req.body.codes);
      const orgUrl = (path: string) => ctx.urls.org(v.org.slug, path);
      const name = `access-codes-${v.org.slug}-${new Date().toISOString().slice(0, 10)}`;
      reply.header('cache-control', 'no-store');
      if (req.body.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(codesCsv(v.org, orgUrl, codes));
      }
      const pdf = await codesPdf(v.org, orgUrl, codes);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
    },
  );
}
