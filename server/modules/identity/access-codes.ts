import { randomInt } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { inTx, type AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { AccessCodesTable, OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import { hashToken, newId } from '../../lib/ids.js';
import { revokeSessions } from '../accounts/sessions.js';
import { setPassword } from '../accounts/service.js';
import { personActor, personTarget, recordAudit, type AuditActor } from '../audit/record.js';
import { findPerson } from '../people/store.js';
import { readIdentitySettings } from './settings.js';
import { continueSignIn, type SignInOutcome } from './sign-in-flow.js';

/**
 * Access codes: how staff without e-mail get in. An admin issues a code for a person; it is shown
 * once (and printed on a sheet), stored as a hash, good once, until it expires or is revoked. The
 * person types it (or scans the sheet's QR code, which carries it in the address's fragment, never
 * sent to a server log) and chooses a password. Codes are 12 characters of Crockford's base 32
 * (60 bits): unguessable, and typed without confusion (O reads as 0, I and L as 1).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newAccessCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** The code as typed → its canonical form (upper case, no separators, look-alikes mapped). */
export function normalizeAccessCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
}

const hashCode = (code: string) => hashToken(`access-code:${normalizeAccessCode(code)}`);

export type AccessCodeStatus = 'active' | 'used' | 'expired' | 'revoked';
export const accessCodeStatus = (c: AccessCodesTable, now = Date.now()): AccessCodeStatus =>
  c.revoked_at !== null ? 'revoked' : c.used_at !== null ? 'used' : Number(c.expires_at) <= now ? 'expired' : 'active';

export interface IssuedCode {
  person: PeopleTable;
  code: string;
  expiresAt: number;
}

/**
 * Issues one new code per person (active people of the company only), revoking their earlier
 * unused codes. Runs in the caller's transaction; each issue is audited.
 */
export async function issueAccessCodes(
  ctx: AppContext,
  trx: Trx,
  orgId: string,
  personIds: string[],
  actor: AuditActor,
  ip: string | null,
): Promise<IssuedCode[]> {
  const settings = await readIdentitySettings(trx, orgId);
  const now = Date.now();
  const expiresAt = now + settings.accessCodeDays * 86_400_000;
  const issued: IssuedCode[] = [];
  for (const [index, personId] of personIds.entries()) {
    const person = await findPerson(trx, orgId, personId);
    if (!person) throw badInput(`personIds.${index}`, 'is not a person of this company');
    if (person.is_bot === 1) throw badInput(`personIds.${index}`, `${person.display_name} is a bot: bots do not sign in`);
    if (person.status !== 'active') throw badInput(`personIds.${index}`, `${person.display_name} is deactivated`);
    if (!person.username && !person.employee_id && !person.email)
      throw badInput(`personIds.${index}`, `${person.display_name} needs a username, employee id or e-mail to sign in with`);
    await trx
      .updateTable('access_codes')
      .set({ revoked_at: now })
      .where('org_id', '=', orgId)
      .where('person_id', '=', personId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const code = newAccessCode();
    await trx
      .insertInto('access_codes')
      .values({
        id: newId(),
        org_id: orgId,
        person_id: personId,
        code_hash: hashCode(code),
        created_by: actor.id ?? personId,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, { orgId, actor, action: 'access_code.issued', target: personTarget(person), ip, details: { expiresAt } });
    issued.push({ person, code, expiresAt });
  }
  return issued;
}

export async function revokeAccessCode(ctx: AppContext, actor: PeopleTable, id: string, ip: string): Promise<void> {
  await inTx(ctx, async (trx) => {
    const code = await trx
      .selectFrom('access_codes')
      .selectAll()
      .where('org_id', '=', actor.org_id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!code) throw new AppError(404, 'not_found', 'No such access code.');
    if (accessCodeStatus(code) !== 'active')
      throw new AppError(409, 'code_not_active', 'This code was already used, revoked or has expired.');
    await trx.updateTable('access_codes').set({ revoked_at: Date.now() }).where('id', '=', id).execute();
    const person = await findPerson(trx, actor.org_id, code.person_id);
    await recordAudit(trx, {
      orgId: actor.org_id,
      actor: personActor(actor),
      action: 'access_code.revoked',
      target: person ? personTarget(person) : null,
      ip,
    });
  });
}

/** The usable code matching what was typed, or null. Does not spend it. */
async function findUsableCode(db: Executor, orgId: string, code: string): Promise<AccessCodesTable | null> {
  if (normalizeAccessCode(code).length !== 12) return null;
  const row = await db
    .selectFrom('access_codes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code_hash', '=', hashCode(code))
    .executeTakeFirst();
  return row && accessCodeStatus(row) === 'active' ? row : null;
}

const invalidCode = () =>
  new AppError(
    400,
    'code_invalid',
    'This code is not valid: it may be mistyped, used, expired or replaced. Ask your manager for a new one.',
    {
      field: 'code',
    },
  );

/** Throws 429 after too many wrong codes from this address; otherwise checks and counts a miss. */
async function usableOrCount(ctx: AppContext, org: OrgsTable, code: string, ip: string, db: Executor = ctx.db) {
  const keys = [`code-ip:${ip}`];
  await ctx.signInLimits.assertGuessesLeft(keys);
  const row = await findUsableCode(db, org.id, code);
  if (!row) {
    await ctx.signInLimits.countWrongGuess(keys);
    await recordAudit(ctx.db, {
      orgId: org.id,
      actor: { kind: 'anonymous', id: null, label: 'access code' },
      action: 'auth.sign_in_failed',
      ip,
      details: { method: 'access_code', reason: 'code_invalid' },
    });
    throw invalidCode();
  }
  return row;
}

/** Whom a code is for and what comes next, so the page can greet the person by name. */
export async function checkAccessCode(ctx: AppContext, org: OrgsTable, code: string, ip: string) {
  const row = await usableOrCount(ctx, org, code, ip);
  const person = await findPerson(ctx.db, org.id, row.person_id);
  if (!person || person.status !== 'active' || person.is_bot === 1) throw invalidCode();
  const settings = await readIdentitySettings(ctx.db, org.id);
  return {
    displayName: person.display_name,
    login: person.username ?? person.employee_id ?? person.email ?? '',
    next: settings.enforceSso ? ('sso' as const) : ('password' as const),
  };
}

/**
 * Spends the code, sets the chosen password (ending any earlier sessions: a new code is how a lost
 * phone is handled) and continues the sign-in. Under enforced SSO the code is not spent: the person
 * signs in through the company's provider instead.
 */
export async function claimAccessCode(
  ctx: AppContext,
  org: OrgsTable,
  input: { code: string; password: string },
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SignInOutcome> {
  await usableOrCount(ctx, org, input.code, req.ip);
  const settings = await readIdentitySettings(ctx.db, org.id);
  if (settings.enforceSso)
    throw new AppError(403, 'sso_required', 'Your company signs in through its single sign-on. Use "Sign in with SSO".', { field: 'code' });
  const person = await inTx(ctx, async (trx, afterCommit: AfterCommit) => {
    const now = Date.now();
    const spent = await trx
      .updateTable('access_codes')
      .set({ used_at: now })
      .where('org_id', '=', org.id)
      .where('code_hash', '=', hashCode(input.code))
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('person_id')
      .executeTakeFirst();
    // Two claims racing with one code: the second finds it spent.
    if (!spent) throw invalidCode();
    const p = await findPerson(trx, org.id, spent.person_id);
    if (!p || p.status !== 'active' || p.is_bot === 1) throw invalidCode();
    await setPassword(trx, p, input.password);
    await revokeSessions(ctx, trx, afterCommit, org.id, { personId: p.id });
    await recordAudit(trx, { orgId: org.id, actor: personActor(p), action: 'access_code.claimed', target: personTarget(p), ip: req.ip });
    return p;
  });
  return continueSignIn(ctx, org, person, 'access_code', req, reply);
}

/** Checks that each pair is a person's active code (so a sheet prints only real codes). */
export async function verifyCodesForSheet(ctx: AppContext, orgId: string, codes: Array<{ personId: string; code: string }>) {
  const out: Array<{ person: PeopleTable; code: string; expiresAt: number }> = [];
  for (const [index, c] of codes.entries()) {
    const row = await findUsableCode(ctx.db, orgId, c.code);
    const person = row && row.person_id === c.personId ? await findPerson(ctx.db, orgId, c.personId) : undefined;
    if (!row || !person) throw badInput(`codes.${index}.code`, 'is not an active access code of this person');
    out.push({ person, code: c.code, expiresAt: Number(row.expires_at) });
  }
  return out;
}
