import type { z } from 'zod';
import type { signUpInputSchema } from '../../../protocol/api.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/index.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError, conflict } from '../../errors.js';
import { queueMail } from '../../jobs/mail.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { setPassword } from '../accounts/service.js';
import { createCompanyWideGroup } from '../groups/store.js';
import { insertPerson, normalizeEmail } from '../people/store.js';

/** Addresses that would confuse people or collide with infrastructure names. */
const RESERVED = new Set([
  'www',
  'api',
  'app',
  'admin',
  'mail',
  'smtp',
  'static',
  'assets',
  'cdn',
  'help',
  'support',
  'status',
  'docs',
  'auth',
  'login',
  'signup',
  'commonplace',
  'localhost',
  'test',
  'root',
]);

const HANDOFF_TTL_MS = 2 * 60_000;

export async function checkSlug(ctx: AppContext, slug: string): Promise<{ available: boolean; reason: string | null }> {
  if (RESERVED.has(slug)) return { available: false, reason: 'reserved' };
  const taken = await ctx.db.selectFrom('orgs').select('id').where('slug', '=', slug).executeTakeFirst();
  return taken ? { available: false, reason: 'taken' } : { available: true, reason: null };
}

/**
 * Creates the company with its owner in one transaction. Two sign-ups racing for one address meet
 * at the unique index: one commits, the other gets 409 with nothing written.
 * Returns a short-lived hand-off link that signs the owner in on the company's own host.
 */
export async function signUpCompany(
  ctx: AppContext,
  input: z.infer<typeof signUpInputSchema>,
): Promise<{ org: OrgsTable; continueUrl: string }> {
  if (RESERVED.has(input.slug)) throw conflict('slug_taken', 'This address is reserved. Choose another.', 'slug');
  const now = Date.now();
  const org: OrgsTable = { id: newId(), slug: input.slug, name: input.companyName, created_at: now };
  const handoff = newToken();
  try {
    await inTx(ctx, async (trx) => {
      await trx.insertInto('orgs').values(org).execute();
      const owner = await insertPerson(trx, {
        orgId: org.id,
        displayName: input.ownerName,
        email: input.email,
        role: 'owner',
        locale: input.locale ?? null,
      });
      await setPassword(trx, owner, input.password);
      await createCompanyWideGroup(trx, org.id, owner.id);
      await insertHandoff(trx, owner, handoff, now);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('slug_taken', 'This address is already taken. Choose another.', 'slug');
    throw err;
  }
  return { org, continueUrl: ctx.urls.org(org.slug, `/auth/handoff?token=${handoff}`) };
}

async function insertHandoff(trx: Parameters<typeof insertPerson>[0], person: PeopleTable, token: string, now: number): Promise<void> {
  await trx
    .insertInto('one_time_tokens')
    .values({
      id: newId(),
      org_id: person.org_id,
      person_id: person.id,
      purpose: 'sign_in_handoff',
      token_hash: hashToken(token),
      expires_at: now + HANDOFF_TTL_MS,
      used_at: null,
      created_at: now,
    })
    .execute();
}

/** Redeems a hand-off token once; returns the person to sign in on this company's host. */
export async function redeemHandoff(ctx: AppContext, org: OrgsTable, token: string): Promise<PeopleTable> {
  const now = Date.now();
  const claimed = await ctx.db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('org_id', '=', org.id)
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', 'sign_in_handoff')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('person_id')
    .executeTakeFirst();
  const person = claimed && (await ctx.db.selectFrom('people').selectAll().where('id', '=', claimed.person_id).executeTakeFirst());
  if (!person || person.status !== 'active')
    throw new AppError(400, 'handoff_invalid', 'This sign-in link has expired. Sign in with your password.');
  return person;
}

/** Mails the list of companies an address belongs to; says nothing to the caller either way. */
export async function findCompanies(ctx: AppContext, email: string): Promise<void> {
  const rows = await ctx.db
    .selectFrom('people')
    .innerJoin('orgs', 'orgs.id', 'people.org_id')
    .select(['orgs.slug', 'orgs.name'])
    .where('people.email_normalized', '=', normalizeEmail(email))
    .where('people.status', '=', 'active')
    .orderBy('orgs.name')
    .limit(50)
    .execute();
  if (rows.length === 0) return;
  const lines = rows.map((o) => `- ${o.name}: ${ctx.urls.org(o.slug)}`).join('\n');
  await inTx(ctx, (trx) =>
    queueMail(trx, null, {
      to: email,
      subject: 'Your companies on Commonplace',
      text: `Hello,\n\nThis address belongs to people in these companies:\n\n${lines}\n\nOpen one to sign in.\n`,
      actionUrl: ctx.urls.org(rows[0]?.slug ?? ''),
    }),
  );
}
