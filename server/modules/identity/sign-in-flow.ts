import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '../../../protocol/api.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { createSession, signedIn } from '../accounts/sessions.js';
import { personActor, recordAudit } from '../audit/record.js';
import { findPerson } from '../people/store.js';
import { readIdentitySettings, termsDue, withinWorkingHours, type StoredIdentitySettings } from './settings.js';
import { hasConfirmedTotp } from './totp.js';

/**
 * Every way in (password, access code, LDAP bind, OpenID Connect, SAML) ends here once the person
 * has proved who they are. The company's policy decides what still stands between them and a
 * session: working hours (frontline staff), a second factor (a code, or setting one up when the
 * company requires it), and the usage terms. What remains is a *step*: the answer carries a
 * short-lived challenge token and the client posts the step's answer with it
 * (sign-in-routes.ts), which comes back here with the step passed.
 */
export type SignInMethod = 'password' | 'access_code' | 'ldap' | 'oidc' | 'saml';
export type SignInStep = 'totp' | 'totp_setup' | 'terms';
export type SignInOutcome = { signedIn: true; info: SessionInfo } | { signedIn: false; step: SignInStep; challenge: string };

interface ChallengeData {
  method: SignInMethod;
  passed: SignInStep[];
  /** The step this challenge asks for. */
  step: SignInStep;
}

const CHALLENGE_TTL_MS = 10 * 60_000;

/** Methods where the company's identity provider is in charge of the second factor. */
const PROVIDER_METHODS: ReadonlySet<SignInMethod> = new Set(['oidc', 'saml']);

export const deviceCookieName = (ctx: AppContext): string => (ctx.config.publicScheme === 'https' ? '__Host-cp_device' : 'cp_device');

export function twoFactorRequired(settings: StoredIdentitySettings, person: Pick<PeopleTable, 'role'>): boolean {
  if (settings.twoFactor === 'everyone') return true;
  return settings.twoFactor === 'admins' && (person.role === 'owner' || person.role === 'admin');
}

export function outsideHoursError(settings: StoredIdentitySettings): AppError {
  const h = settings.workingHours;
  return new AppError(
    403,
    'outside_working_hours',
    `Your company opens Commonplace to your team during working hours only (${h.start}–${h.end}, ${h.timeZone}). Come back then.`,
  );
}

/** Whether this browser carries a remembered-device cookie of this person that has not run out. */
async function deviceRemembered(ctx: AppContext, req: FastifyRequest, person: PeopleTable): Promise<boolean> {
  const token = req.cookies[deviceCookieName(ctx)];
  if (!token) return false;
  const row = await ctx.db
    .selectFrom('trusted_devices')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('person_id', '=', person.id)
    .where('expires_at', '>', Date.now())
    .executeTakeFirst();
  return !!row;
}

/** Remembers this browser for the company's number of days (the cookie is the only copy of the token). */
export async function rememberDevice(
  ctx: AppContext,
  db: Executor,
  req: FastifyRequest,
  reply: FastifyReply,
  person: PeopleTable,
  days: number,
) {
  if (days <= 0) return;
  const token = newToken();
  const now = Date.now();
  const ua = req.headers['user-agent'];
  await db
    .insertInto('trusted_devices')
    .values({
      id: newId(),
      org_id: person.org_id,
      person_id: person.id,
      token_hash: hashToken(token),
      user_agent: typeof ua === 'string' ? ua.slice(0, 300) : null,
      created_at: now,
      expires_at: now + days * 86_400_000,
    })
    .execute();
  reply.setCookie(deviceCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicScheme === 'https',
    maxAge: days * 86_400,
  });
}

async function issueChallenge(ctx: AppContext, person: PeopleTable, data: ChallengeData, previousId: string | null): Promise<string> {
  const token = newToken();
  const now = Date.now();
  // A new token for every step, the previous one spent: a challenge seen once cannot be replayed.
  if (previousId) await ctx.db.updateTable('one_time_tokens').set({ used_at: now }).where('id', '=', previousId).execute();
  await ctx.db
    .insertInto('one_time_tokens')
    .values({
      id: newId(),
      org_id: person.org_id,
      person_id: person.id,
      purpose: 'sign_in_challenge',
      token_hash: hashToken(token),
      expires_at: now + CHALLENGE_TTL_MS,
      used_at: null,
      created_at: now,
      data: JSON.stringify(data),
    })
    .execute();
  return token;
}

export interface OpenChallenge {
  id: string;
  person: PeopleTable;
  data: ChallengeData;
}

/** The unspent, unexpired challenge of this company with this token, or 400 naming `challenge`. */
export async function readChallenge(ctx: AppContext, org: OrgsTable, token: string): Promise<OpenChallenge> {
  const row = await ctx.db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', 'sign_in_challenge')
    .where('used_at', 'is', null)
    .where('expires_at', '>', Date.now())
    .executeTakeFirst();
  const person = row ? await findPerson(ctx.db, org.id, row.person_id) : undefined;
  if (!row || !person) {
    throw new AppError(400, 'challenge_invalid', 'This sign-in has expired. Start again.', { field: 'challenge' });
  }
  return { id: row.id, person, data: JSON.parse(row.data ?? '{}') as ChallengeData };
}

/**
 * Applies the policy after the person proved who they are. Throws 403 for a deactivated person or
 * outside working hours; returns the next step, or signs in (cookie on `reply`) and returns the session.
 */
export async function continueSignIn(
  ctx: AppContext,
  org: OrgsTable,
  person: PeopleTable,
  method: SignInMethod,
  req: FastifyRequest,
  reply: FastifyReply,
  from: { challengeId: string; passed: SignInStep[] } | null = null,
): Promise<SignInOutcome> {
  if (person.is_bot === 1) throw new AppError(401, 'invalid_credentials', 'Bots do not sign in; they use their integration’s tokens.');
  if (person.status !== 'active')
    throw new AppError(403, 'account_deactivated', 'This account has been deactivated. Ask an admin of your company.');
  const settings = await readIdentitySettings(ctx.db, org.id);
  if (person.frontline === 1 && !withinWorkingHours(settings.workingHours)) throw outsideHoursError(settings);
  const passed = from?.passed ?? [];
  const step = await nextStep(ctx, req, settings, person, method, passed);
  if (step) {
    const challenge = await issueChallenge(ctx, person, { method, passed, step }, from?.challengeId ?? null);
    return { signedIn: false, step, challenge };
  }
  if (from) await ctx.db.updateTable('one_time_tokens').set({ used_at: Date.now() }).where('id', '=', from.challengeId).execute();
  const session = await createSession(ctx, ctx.db, person, req);
  await recordAudit(ctx.db, {
    orgId: org.id,
    actor: personActor(person),
    action: 'auth.sign_in',
    target: null,
    ip: req.ip,
    details: { method, ...(passed.length ? { steps: passed } : {}) },
  });
  return { signedIn: true, info: await signedIn(ctx, reply, org, person, session) };
}

async function nextStep(
  ctx: AppContext,
  req: FastifyRequest,
  settings: StoredIdentitySettings,
  person: PeopleTable,
  method: SignInMethod,
  passed: SignInStep[],
): Promise<SignInStep | null> {
  if (!PROVIDER_METHODS.has(method) && !passed.includes('totp') && !passed.includes('totp_setup')) {
    const enrolled = await hasConfirmedTotp(ctx.db, person.id);
    if (enrolled || twoFactorRequired(settings, person)) {
      if (!(await deviceRemembered(ctx, req, person))) return enrolled ? 'totp' : 'totp_setup';
    }
  }
  if (!passed.includes('terms') && termsDue(settings, person)) return 'terms';
  return null;
}
