import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { hashToken, newId } from '../../lib/ids.js';

/**
 * Authenticator-app codes (RFC 6238: SHA-1, 6 digits, 30 s, the common choice every app reads),
 * recovery codes and remembered devices. The secret is stored sealed (lib/secrets.ts); a code is
 * accepted for one time step at most once (`last_step`), so a code seen over a shoulder is spent.
 */
const PERIOD = 30;

function totpFor(org: Pick<OrgsTable, 'name'>, person: Pick<PeopleTable, 'email' | 'username' | 'display_name'>, base32: string) {
  return new TOTP({
    issuer: `Commonplace ${org.name}`.slice(0, 60),
    label: person.email ?? person.username ?? person.display_name,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  });
}

export async function hasConfirmedTotp(db: Executor, personId: string): Promise<boolean> {
  const row = await db.selectFrom('totp_factors').select('confirmed_at').where('person_id', '=', personId).executeTakeFirst();
  return !!row?.confirmed_at;
}

export interface TotpEnrollment {
  secret: string;
  otpauthUri: string;
  /** The same URI as an SVG QR code, for the authenticator app's camera. */
  qrSvg: string;
}

/** A new, unconfirmed secret (replacing an earlier unconfirmed one); the caller checks none is confirmed. */
export async function startTotpEnrollment(ctx: AppContext, db: Executor, org: OrgsTable, person: PeopleTable): Promise<TotpEnrollment> {
  const secret = new Secret({ size: 20 }).base32;
  const sealed = ctx.secrets.seal(secret);
  const now = Date.now();
  await db.deleteFrom('totp_factors').where('person_id', '=', person.id).where('confirmed_at', 'is', null).execute();
  await db
    .insertInto('totp_factors')
    .values({ person_id: person.id, org_id: person.org_id, secret_enc: sealed, confirmed_at: null, last_step: 0, created_at: now })
    .execute();
  const otpauthUri = totpFor(org, person, secret).toString();
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

/**
 * Checks a 6-digit code against the person's factor (confirmed or, with `enrolling`, not yet),
 * one step of clock drift either way, and spends its time step. Returns false for a wrong or reused code.
 */
export async function verifyTotp(
  ctx: AppContext,
  db: Executor,
  org: OrgsTable,
  person: PeopleTable,
  code: string,
  opts: { enrolling: boolean },
): Promise<boolean> {
  const row = await db.selectFrom('totp_factors').selectAll().where('person_id', '=', person.id).executeTakeFirst();
  if (!row || (row.confirmed_at === null) !== opts.enrolling) return false;
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  const now = Date.now();
  const delta = totpFor(org, person, ctx.secrets.open(row.secret_enc)).validate({ token: digits, timestamp: now, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  // Conditional update: two requests with the same code at once, one wins.
  const spent = await db
    .updateTable('totp_factors')
    .set({ last_step: step, ...(opts.enrolling ? { confirmed_at: now } : {}) })
    .where('person_id', '=', person.id)
    .where('last_step', '<', step)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten new recovery codes (`xxxxx-xxxxx`), replacing the old ones; shown once, stored hashed. */
export async function newRecoveryCodes(db: Executor, person: PeopleTable): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  const now = Date.now();
  await db.deleteFrom('recovery_codes').where('person_id', '=', person.id).execute();
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((c) => ({
        id: newId(),
        org_id: person.org_id,
        person_id: person.id,
        code_hash: hashToken(normalizeRecovery(c)),
        used_at: null,
        created_at: now,
      })),
    )
    .execute();
  return codes;
}

/** Spends a recovery code; false when it is not one of the person's unused codes. */
export async function useRecoveryCode(db: Executor, personId: string, code: string): Promise<boolean> {
  const normalized = normalizeRecovery(code);
  if (normalized.length !== 10) return false;
  const spent = await db
    .updateTable('recovery_codes')
    .set({ used_at: Date.now() })
    .where('person_id', '=', personId)
    .where('code_hash', '=', hashToken(normalized))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: Executor, personId: string): Promise<number> {
  const r = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Removes the factor, its recovery codes and remembered devices. */
export async function removeTotp(db: Executor, personId: string): Promise<boolean> {
  const gone = await db.deleteFrom('totp_factors').where('person_id', '=', personId).executeTakeFirst();
  await db.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
  await db.deleteFrom('trusted_devices').where('person_id', '=', personId).execute();
  return Number(gone.numDeletedRows) > 0;
}
