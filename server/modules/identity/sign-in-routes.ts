import type { FastifyInstance, FastifyReply } from 'fastify';
import { sessionInfoSchema, signInStepSchema } from '../../../protocol/api.js';
import {
  accessCodeCheckSchema,
  accessCodeClaimSchema,
  accessCodeInputSchema,
  challengeInfoSchema,
  challengeQuerySchema,
  recoveryCodesSchema,
  termsStepInputSchema,
  totpEnrollmentSchema,
  totpStepInputSchema,
} from '../../../protocol/identity.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireOrg } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { personActor, recordAudit } from '../audit/record.js';
import { auditFailedSignIn } from '../accounts/service.js';
import { checkAccessCode, claimAccessCode } from './access-codes.js';
import { readIdentitySettings } from './settings.js';
import { continueSignIn, readChallenge, rememberDevice, type SignInOutcome } from './sign-in-flow.js';
import { hasConfirmedTotp, newRecoveryCodes, startTotpEnrollment, useRecoveryCode, verifyTotp } from './totp.js';

/** The steps after the first proof of identity (sign-in-flow.ts), and claiming an access code. */
export function signInStepRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['accounts'];
  const outcomeResponses = responses({
    200: sessionInfoSchema.extend(recoveryCodesSchema.partial().shape),
    202: signInStepSchema.extend(recoveryCodesSchema.partial().shape),
  });

  const send = (reply: FastifyReply, outcome: SignInOutcome, extra: { recoveryCodes?: string[] } = {}) =>
    outcome.signedIn ? { ...outcome.info, ...extra } : reply.code(202).send({ step: outcome.step, challenge: outcome.challenge, ...extra });

  r.get(
    '/api/v1/auth/sign-in/challenge',
    {
      schema: {
        tags,
        summary: 'What a pending sign-in still needs',
        querystring: challengeQuerySchema,
        response: responses({ 200: challengeInfoSchema }),
      },
    },
    async (req) => {
      const org = requireOrg(req);
      const ch = await readChallenge(ctx, org, req.query.challenge);
      const settings = await readIdentitySettings(ctx.db, org.id);
      return {
        step: ch.data.step,
        displayName: ch.person.display_name,
        terms: settings.terms.required ? settings.terms.text : null,
        rememberDeviceDays: settings.rememberDeviceDays,
      };
    },
  );

  r.post(
    '/api/v1/auth/sign-in/totp-setup',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app during a sign-in that requires one',
        body: challengeQuerySchema,
        response: responses({ 200: totpEnrollmentSchema }),
      },
    },
    async (req) => {
      const org = requireOrg(req);
      const ch = await readChallenge(ctx, org, req.body.challenge);
      if (await hasConfirmedTotp(ctx.db, ch.person.id))
        throw new AppError(409, 'totp_already_set_up', 'An authenticator is already set up: enter its code.', { field: 'challenge' });
      return startTotpEnrollment(ctx, ctx.db, org, ch.person);
    },
  );

  r.post(
    '/api/v1/auth/sign-in/totp',
    {
      schema: {
        tags,
        summary: 'Answer the second-factor step with an authenticator or recovery code (also confirms a new authenticator)',
        body: totpStepInputSchema,
        response: outcomeResponses,
      },
    },
    async (req, reply) => {
      const org = requireOrg(req);
      const ch = await readChallenge(ctx, org, req.body.challenge);
      const person = ch.person;
      // Per person: the challenge already needed their password, so guessing targets one account.
      const keys = [`totp:${person.id}`];
      await ctx.signInLimits.assertGuessesLeft(keys);
      const enrolled = await hasConfirmedTotp(ctx.db, person.id);
      let ok = false;
      let recoveryCodes: string[] | undefined;
      if (req.body.recoveryCode !== undefined) {
        ok = enrolled && (await useRecoveryCode(ctx.db, person.id, req.body.recoveryCode));
      } else {
        ok = await verifyTotp(ctx, ctx.db, org, person, req.body.code ?? '', { enrolling: !enrolled });
        if (ok && !enrolled) {
          recoveryCodes = await newRecoveryCodes(ctx.db, person);
          await recordAudit(ctx.db, { orgId: org.id, actor: personActor(person), action: 'two_factor.enabled', ip: req.ip });
        }
      }
      if (!ok) {
        await ctx.signInLimits.countWrongGuess(keys);
        await auditFailedSignIn(ctx, org.id, person.display_name, req.ip, 'totp_invalid', ch.data.method);
        const field = req.body.recoveryCode !== undefined ? 'recoveryCode' : 'code';
        throw new AppError(400, 'code_invalid', 'That code is not right, or was already used. Try the newest code.', { field });
      }
      if (req.body.recoveryCode !== undefined)
        await recordAudit(ctx.db, { orgId: org.id, actor: personActor(person), action: 'two_factor.recovery_code_used', ip: req.ip });
      const settings = await readIdentitySettings(ctx.db, org.id);
      if (req.body.rememberDevice) await rememberDevice(ctx, ctx.db, req, reply, person, settings.rememberDeviceDays);
      const passed = [...ch.data.passed, enrolled ? ('totp' as const) : ('totp_setup' as const)];
      const outcome = await continueSignIn(ctx, org, person, ch.data.method, req, reply, { challengeId: ch.id, passed });
      return send(reply, outcome, recoveryCodes ? { recoveryCodes } : {});
    },
  );

  r.post(
    '/api/v1/auth/sign-in/terms',
    {
      schema: {
        tags,
        summary: "Accept the company's usage terms to finish signing in",
        body: termsStepInputSchema,
        response: outcomeResponses,
      },
    },
    async (req, reply) => {
      const org = requireOrg(req);
      const ch = await readChallenge(ctx, org, req.body.challenge);
      const now = Date.now();
      await ctx.db.updateTable('people').set({ terms_accepted_at: now }).where('id', '=', ch.person.id).execute();
      await recordAudit(ctx.db, { orgId: org.id, actor: personActor(ch.person), action: 'auth.terms_accepted', ip: req.ip });
      const person = { ...ch.person, terms_accepted_at: now };
      const outcome = await continueSignIn(ctx, org, person, ch.data.method, req, reply, {
        challengeId: ch.id,
        passed: [...ch.data.passed, 'terms'],
      });
      return send(reply, outcome);
    },
  );

  r.post(
    '/api/v1/auth/access-code/check',
    {
      schema: {
        tags,
        summary: 'Whom an access code is for (does not use it)',
        body: accessCodeInputSchema,
        response: responses({ 200: accessCodeCheckSchema }),
      },
    },
    async (req) => checkAccessCode(ctx, requireOrg(req), req.body.code, req.ip),
  );

  r.post(
    '/api/v1/auth/access-code/claim',
    {
      schema: {
        tags,
        summary: 'Use an access code: choose a password and sign in',
        body: accessCodeClaimSchema,
        response: outcomeResponses,
      },
    },
    async (req, reply) => send(reply, await claimAccessCode(ctx, requireOrg(req), req.body, req, reply)),
  );
}
