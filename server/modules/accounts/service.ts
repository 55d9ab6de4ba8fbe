import type { FastifyReply, FastifyRequest } from 'fastify';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import { queueMail } from '../../jobs/mail.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { findPersonByEmail, normalizeEmail, normalizeUsername } from '../people/store.js';
import { personActor, recordAudit, systemActor } from '../audit/record.js';
import { continueSignIn, type SignInMethod, type SignInOutcome } from '../identity/sign-in-flow.js';
import { ldapSignIn } from '../ldap/bind.js';
import { readIdentitySettings } from '../identity/settings.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeSessions } from './sessions.js';

const RESET_TTL_MS = 60 * 60_000;

export async function setPassword(db: Executor, person: PeopleTable, password: string): Promise<void> {
  const now = Date.now();
  const secret = await hashPassword(password);
  const existing = await db
    .selectFrom('credentials')
    .select('id')
    .where('person_id', '=', person.id)
    .where('kind', '=', 'password')
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('credentials').set({ secret_hash: secret, updated_at: now }).where('id', '=', existing.id).execute();
  } else {
    await db
      .insertInto('credentials')
      .values({
        id: newId(),
        org_id: person.org_id,
        person_id: person.id,
        kind: 'password',
        secret_hash: secret,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

/**
 * The person a sign-in name points at: an e-mail, else a username, else an employee id. Never an
 * integration's bot (it has no sign-in name anyway; bots call the API with tokens).
 */
export async function findPersonByLogin(db: Executor, orgId: string, login: string): Promise<PeopleTable | undefined> {
  const trimmed = login.trim();
  if (trimmed.includes('@')) {
    const byEmail = await findPersonByEmail(db, orgId, trimmed);
    if (byEmail && byEmail.is_bot !== 1) return byEmail;
  }
  const byUsername = await db
    .selectFrom('people')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('username', '=', normalizeUsername(trimmed))
    .where('is_bot', '=', 0)
    .executeTakeFirst();
  if (byUsername) return byUsername;
  return db
    .selectFrom('people')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('employee_id', '=', trimmed)
    .where('is_bot', '=', 0)
    .executeTakeFirst();
}

/** Records a refused sign-in: the login tried (not the password), from where and why. */
export async function auditFailedSignIn(ctx: AppContext, orgId: string, login: string, ip: string, reason: string, method: string) {
  await recordAudit(ctx.db, {
    orgId,
    actor: systemActor('anonymous', login.slice(0, 120)),
    action: 'auth.sign_in_failed',
    ip,
    details: { method, reason },
  });
}

/**
 * Password sign-in by e-mail, username or employee id. The company's policy (SSO enforced,
 * working hours, second factor, terms) is applied by continueSignIn; when SSO is enforced,
 * passwords only work for the break-glass owner.
 */
export async function signIn(
  ctx: AppContext,
  org: OrgsTable,
  input: { login?: string | undefined; email?: string | undefined; password?: string | undefined },
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SignInOutcome> {
  const login = (input.login ?? input.email ?? '').trim();
  const accountKey = `${org.id}:${login.toLowerCase()}`;
  await ctx.signInLimits.consume(req.ip, accountKey);
  const found = await findPersonByLogin(ctx.db, org.id, login);
  const credential = found
    ? await ctx.db
        .selectFrom('credentials')
        .select('secret_hash')
        .where('person_id', '=', found.id)
        .where('kind', '=', 'password')
        .executeTakeFirst()
    : undefined;
  const ok = await verifyPassword(credential?.secret_hash, input.password ?? '');
  let method: SignInMethod = 'password';
  let signedIn = found && ok ? found : undefined;
  if (!signedIn) {
    // The company's directory may accept the password instead (when "sign in with LDAP" is on).
    // A directory that cannot be reached answers 503, so an outage never reads as a wrong password.
    const viaDirectory = await ldapSignIn(ctx, org, login, input.password ?? '');
    if (viaDirectory) {
      signedIn = viaDirectory;
      method = 'ldap';
    }
  }
  if (!signedIn) {
    await auditFailedSignIn(ctx, org.id, login, req.ip, 'invalid_credentials', 'password');
    throw new AppError(401, 'invalid_credentials', 'That sign-in name and password do not match.', { field: 'password' });
  }
  const person = signedIn;
  // Told only to someone who knows the password, so it reveals nothing to a guesser.
  if (person.status !== 'active') {
    await auditFailedSignIn(ctx, org.id, login, req.ip, 'account_deactivated', 'password');
    throw new AppError(403, 'account_deactivated', 'This account has been deactivated. Ask an admin of your company.');
  }
  const settings = await readIdentitySettings(ctx.db, org.id);
  if (settings.enforceSso && person.id !== settings.breakGlassOwnerId) {
    await auditFailedSignIn(ctx, org.id, login, req.ip, 'sso_required', 'password');
    throw new AppError(403, 'sso_required', 'Your company signs in through its single sign-on. Use "Sign in with SSO".', {
      field: 'login',
    });
  }
  await ctx.signInLimits.reset(accountKey);
  return continueSignIn(ctx, org, person, method, req, reply);
}

/** Always succeeds from the caller's view, so it cannot be used to find out who has an account. */
export async function requestPasswordReset(ctx: AppContext, org: OrgsTable, email: string, ip: string): Promise<void> {
  await ctx.signInLimits.consumeReset(ip, `${org.id}:${normalizeEmail(email)}`);
  const person = await findPersonByEmail(ctx.db, org.id, email);
  if (!person || person.status !== 'active' || !person.email || person.is_bot === 1) return;
  const token = newToken();
  const now = Date.now();
  await inTx(ctx, async (trx) => {
    await trx
      .insertInto('one_time_tokens')
      .values({
        id: newId(),
        org_id: org.id,
        person_id: person.id,
        purpose: 'password_reset',
        token_hash: hashToken(token),
        expires_at: now + RESET_TTL_MS,
        used_at: null,
        created_at: now,
      })
      .execute();
    const url = ctx.urls.org(org.slug, `/reset-password?token=${token}`);
    await queueMail(trx, org.id, {
      to: person.email ?? '',
      subject: `Reset your ${org.name} password`,
      text: `Hello ${person.display_name},\n\nSomeone asked to reset the password of your ${org.name} account on Commonplace.\nChoose a new password here (the link works for one hour, once):\n\n${url}\n\nIf it was not you, ignore this mail; your password stays as it is.\n`,
      actionUrl: url,
    });
  });
}

/**
 * Sets the new password and ends every session of that person; the browser then signs in through
 * the company's policy (second factor, terms), so a reset link alone never bypasses them.
 */
export async function completePasswordReset(
  ctx: AppContext,
  org: OrgsTable,
  input: { token: string; password: string },
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SignInOutcome> {
  const person = await inTx(ctx, async (trx, afterCommit) => {
    const now = Date.now();
    const claimed = await trx
      .updateTable('one_time_tokens')
      .set({ used_at: now })
      .where('org_id', '=', org.id)
      .where('token_hash', '=', hashToken(input.token))
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('person_id')
      .executeTakeFirst();
    if (!claimed)
      throw new AppError(400, 'reset_link_invalid', 'This reset link has expired or was already used. Ask for a new one.', {
        field: 'token',
      });
    const found = await trx.selectFrom('people').selectAll().where('id', '=', claimed.person_id).executeTakeFirstOrThrow();
    if (found.is_bot === 1) throw new AppError(400, 'reset_link_invalid', 'This reset link is not valid.', { field: 'token' });
    if (found.status !== 'active') throw new AppError(403, 'account_deactivated', 'This account has been deactivated.');
    await setPassword(trx, found, input.password);
    await revokeSessions(ctx, trx, afterCommit, org.id, { personId: found.id });
    await recordAudit(trx, { orgId: org.id, actor: personActor(found), action: 'auth.password_reset', ip: req.ip });
    return found;
  });
  return continueSignIn(ctx, org, person, 'password', req, reply);
}

export async function changePassword(
  ctx: AppContext,
  person: PeopleTable,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const cred = await ctx.db
    .selectFrom('credentials')
    .select('secret_hash')
    .where('person_id', '=', person.id)
    .where('kind', '=', 'password')
    .executeTakeFirst();
  if (!(await verifyPassword(cred?.secret_hash, input.currentPassword))) {
    throw badInput('currentPassword', 'is not your current password');
  }
  await inTx(ctx, async (trx, afterCommit) => {
    await setPassword(trx, person, input.newPassword);
    await recordAudit(trx, { orgId: person.org_id, actor: personActor(person), action: 'auth.password_changed' });
    // A changed password ends the other sessions: whoever knew the old one is out.
    await revokeSessions(ctx, trx, afterCommit, person.org_id, { personId: person.id, exceptSessionId: currentSessionId });
  });
}
