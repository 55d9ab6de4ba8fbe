import type { FastifyInstance } from 'fastify';
import { idParams, noContent, responses, zodApp } from '../../http/route-kit.js';
import { recoveryCodesSchema, totpCodeInputSchema, totpEnrollmentSchema, twoFactorStatusSchema } from '../../../protocol/identity.js';
import { inTx, type AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { requireAdmin, requireViewer } from '../../http/request-context.js';
import { isAdmin } from '../../policies/people.js';
import { personActor, personTarget, recordAudit } from '../audit/record.js';
import { findPerson } from '../people/store.js';
import { readIdentitySettings } from './settings.js';
import { twoFactorRequired } from './sign-in-flow.js';
import { hasConfirmedTotp, newRecoveryCodes, recoveryCodesLeft, removeTotp, startTotpEnrollment, verifyTotp } from './totp.js';

/** My second factor (Security page), and an admin's reset for someone who lost theirs. */
export function twoFactorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['accounts'];
  const wrongCode = () =>
    new AppError(400, 'code_invalid', 'That code is not right, or was already used. Try the newest code.', { field: 'code' });

  r.get(
    '/api/v1/me/two-factor',
    { schema: { tags, summary: 'Whether my second factor is on', response: responses({ 200: twoFactorStatusSchema }) } },
    async (req) => {
      const v = requireViewer(req);
      const settings = await readIdentitySettings(ctx.db, v.org.id);
      const devices = await ctx.db
        .selectFrom('trusted_devices')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', v.person.id)
        .where('expires_at', '>', Date.now())
        .executeTakeFirstOrThrow();
      return {
        enabled: await hasConfirmedTotp(ctx.db, v.person.id),
        required: twoFactorRequired(settings, v.person),
        recoveryCodesLeft: await recoveryCodesLeft(ctx.db, v.person.id),
        rememberedDevices: Number(devices.n),
      };
    },
  );

  r.post(
    '/api/v1/me/two-factor/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app (a new secret and its QR code)',
        response: responses({ 200: totpEnrollmentSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      if (await hasConfirmedTotp(ctx.db, v.person.id))
        throw new AppError(409, 'totp_already_set_up', 'An authenticator is already set up. Turn it off first.');
      return startTotpEnrollment(ctx, ctx.db, v.org, v.person);
    },
  );

  r.post(
    '/api/v1/me/two-factor/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator with a first code; returns recovery codes once',
        body: totpCodeInputSchema,
        response: responses({ 200: recoveryCodesSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const keys = [`totp:${v.person.id}`];
      await ctx.signInLimits.assertGuessesLeft(keys);
      if (!(await verifyTotp(ctx, ctx.db, v.org, v.person, req.body.code, { enrolling: true }))) {
        await ctx.signInLimits.countWrongGuess(keys);
        throw wrongCode();
      }
      return inTx(ctx, async (trx) => {
        const recoveryCodes = await newRecoveryCodes(trx, v.person);
        await recordAudit(trx, { orgId: v.org.id, actor: personActor(v.person), action: 'two_factor.enabled', ip: req.ip });
        return { recoveryCodes };
      });
    },
  );

  r.post(
    '/api/v1/me/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working); needs a current code',
        body: totpCodeInputSchema,
        response: responses({ 200: recoveryCodesSchema }),
      },
    },
    async (req) => {
      const v = requireViewer(req);
      const keys = [`totp:${v.person.id}`];
      await ctx.signInLimits.assertGuessesLeft(keys);
      if (!(await verifyTotp(ctx, ctx.db, v.org, v.person, req.body.code, { enrolling: false }))) {
        await ctx.signInLimits.countWrongGuess(keys);
        throw wrongCode();
      }
      return inTx(ctx, async (trx) => {
        const recoveryCodes = await newRecoveryCodes(trx, v.person);
        await recordAudit(trx, { orgId: v.org.id, actor: personActor(v.person), action: 'two_factor.recovery_codes_renewed', ip: req.ip });
        return { recoveryCodes };
      });
    },
  );

  r.post(
    '/api/v1/me/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn my authenticator off (not where the company requires one); needs a current code',
        body: totpCodeInputSchema,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireViewer(req);
      const settings = await readIdentitySettings(ctx.db, v.org.id);
      if (twoFactorRequired(settings, v.person))
        throw new AppError(409, 'two_factor_required', 'Your company requires a second factor for your account.');
      const keys = [`totp:${v.person.id}`];
      await ctx.signInLimits.assertGuessesLeft(keys);
      if (!(await verifyTotp(ctx, ctx.db, v.org, v.person, req.body.code, { enrolling: false }))) {
        await ctx.signInLimits.countWrongGuess(keys);
        throw wrongCode();
      }
      await inTx(ctx, async (trx) => {
        await removeTotp(trx, v.person.id);
        await recordAudit(trx, { orgId: v.org.id, actor: personActor(v.person), action: 'two_factor.disabled', ip: req.ip });
      });
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/api/v1/me/remembered-devices',
    { schema: { tags, summary: 'Forget every device where I skipped the second factor', response: responses({ 204: noContent }) } },
    async (req, reply) => {
      const v = requireViewer(req);
      await ctx.db.deleteFrom('trusted_devices').where('person_id', '=', v.person.id).execute();
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/people/:id/two-factor/reset',
    {
      schema: {
        tags: ['admin'],
        summary: "Remove a person's authenticator (they set one up again at the next sign-in if required)",
        params: idParams,
        response: responses({ 204: noContent }),
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      await inTx(ctx, async (trx) => {
        const target = await findPerson(trx, v.org.id, req.params.id);
        if (!target || !isAdmin(v.person)) throw notFound('No such person.');
        if (target.role === 'owner' && v.person.role !== 'owner')
          throw new AppError(403, 'forbidden', "Only an owner can reset an owner's second factor.");
        if (!(await removeTotp(trx, target.id)))
          throw new AppError(409, 'two_factor_not_set_up', 'This person has no authenticator set up.');
        await recordAudit(trx, {
          orgId: v.org.id,
          actor: personActor(v.person),
          action: 'two_factor.reset',
          target: personTarget(target),
          ip: req.ip,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
