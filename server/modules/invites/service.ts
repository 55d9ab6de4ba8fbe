import type { FastifyRequest } from 'fastify';
import { personActor, personTarget, recordAudit } from '../audit/record.js';
import type { z } from 'zod';
import type { acceptInviteInputSchema, inviteLinkInputSchema } from '../../../protocol/api.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation, type Executor } from '../../db/index.js';
import type { InvitesTable, OrgsTable, PeopleTable, Role } from '../../db/schema.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../errors.js';
import { queueMail } from '../../jobs/mail.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { isAdmin } from '../../policies/people.js';
import { setPassword } from '../accounts/service.js';
import { joinCompanyWideGroup } from '../groups/store.js';
import { tellAdminsPersonChanged } from '../people/service.js';
import { findPersonByEmail, insertPerson, lockPeopleOfOrg, normalizeEmail } from '../people/store.js';

const EMAIL_INVITE_TTL_MS = 14 * 86_400_000;

export const inviteStatus = (i: InvitesTable, now = Date.now()): 'active' | 'used' | 'expired' | 'revoked' =>
  i.revoked_at ? 'revoked' : i.uses >= i.max_uses ? 'used' : i.expires_at <= now ? 'expired' : 'active';

function newInvite(
  org: OrgsTable,
  by: PeopleTable,
  fields: Pick<InvitesTable, 'kind' | 'email' | 'role' | 'max_uses' | 'expires_at'>,
  token: string,
): InvitesTable {
  return {
    id: newId(),
    org_id: org.id,
    token_hash: hashToken(token),
    created_by: by.id,
    uses: 0,
    revoked_at: null,
    created_at: Date.now(),
    ...fields,
  };
}

/** Invites addresses by e-mail; people already in the company are skipped, not invited twice. */
export async function inviteByEmail(
  ctx: AppContext,
  org: OrgsTable,
  by: PeopleTable,
  emails: string[],
  role: Role,
): Promise<InvitesTable[]> {
  if (!isAdmin(by)) throw forbidden();
  const unique = [...new Map(emails.map((e) => [normalizeEmail(e), e.trim()])).values()];
  return inTx(ctx, async (trx) => {
    const created: InvitesTable[] = [];
    for (const email of unique) {
      if (await findPersonByEmail(trx, org.id, email)) continue;
      const token = newToken();
      const invite = newInvite(org, by, { kind: 'email', email, role, max_uses: 1, expires_at: Date.now() + EMAIL_INVITE_TTL_MS }, token);
      await trx.insertInto('invites').values(invite).execute();
      const url = ctx.urls.org(org.slug, `/join/${token}`);
      await queueMail(trx, org.id, {
        to: email,
        subject: `${by.display_name} invited you to ${org.name} on Commonplace`,
        text: `Hello,\n\n${by.display_name} invited you to join ${org.name} on Commonplace.\nAccept the invitation here (it works for 14 days):\n\n${url}\n`,
        actionUrl: url,
      });
      created.push(invite);
    }
    return created;
  });
}

export async function createInviteLink(
  ctx: AppContext,
  org: OrgsTable,
  by: PeopleTable,
  input: z.infer<typeof inviteLinkInputSchema>,
): Promise<{ invite: InvitesTable; url: string }> {
  if (!isAdmin(by)) throw forbidden();
  const token = newToken();
  const invite = newInvite(
    org,
    by,
    { kind: 'link', email: null, role: input.role, max_uses: input.maxUses, expires_at: Date.now() + input.expiresInDays * 86_400_000 },
    token,
  );
  await ctx.db.insertInto('invites').values(invite).execute();
  return { invite, url: ctx.urls.org(org.slug, `/join/${token}`) };
}

export async function revokeInvite(ctx: AppContext, org: OrgsTable, by: PeopleTable, id: string): Promise<void> {
  if (!isAdmin(by)) throw forbidden();
  const res = await ctx.db
    .updateTable('invites')
    .set({ revoked_at: Date.now() })
    .where('org_id', '=', org.id)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('No such invitation.');
}

/** An invitation that can still be used, or the same "invalid" answer for every other case. */
export async function findUsableInvite(db: Executor, org: OrgsTable, token: string): Promise<InvitesTable> {
  const invite = await db
    .selectFrom('invites')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!invite || inviteStatus(invite) !== 'active') {
    throw new AppError(404, 'invite_invalid', 'This invitation has expired, was revoked or was already used. Ask for a new one.');
  }
  return invite;
}

/**
 * Joins the company with an invitation. The use is counted with a conditional update, so a link
 * with one use left admits one person even when two accept at the same instant.
 */
export async function acceptInvite(
  ctx: AppContext,
  org: OrgsTable,
  token: string,
  input: z.infer<typeof acceptInviteInputSchema>,
  req: FastifyRequest,
): Promise<PeopleTable> {
  try {
    return await inTx(ctx, async (trx, afterCommit) => {
      await lockPeopleOfOrg(trx, ctx.dialect, org.id);
      const invite = await findUsableInvite(trx, org, token);
      const email = invite.kind === 'email' ? invite.email : input.email;
      if (!email) throw badInput('email', 'is required to join with this link');
      const counted = await trx
        .updateTable('invites')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', invite.id)
        .where('uses', '<', invite.max_uses)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(counted.numUpdatedRows) === 0)
        throw new AppError(404, 'invite_invalid', 'This invitation was just used up. Ask for a new one.');
      if (await findPersonByEmail(trx, org.id, email)) {
        throw conflict('email_taken', 'Someone in this company already uses this e-mail. Sign in instead.', 'email');
      }
      const person = await insertPerson(trx, {
        orgId: org.id,
        displayName: input.displayName,
        email,
        role: invite.role,
        locale: input.locale ?? null,
      });
      await setPassword(trx, person, input.password);
      await joinCompanyWideGroup(trx, org.id, person.id);
      await recordAudit(trx, {
        orgId: org.id,
        actor: personActor(person),
        action: 'person.joined',
        target: personTarget(person),
        ip: req.ip,
        details: { via: invite.kind === 'email' ? 'email_invitation' : 'invite_link', role: invite.role },
      });
      await tellAdminsPersonChanged(ctx, trx, afterCommit, org.id, person.id);
      return person;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('email_taken', 'Someone in this company already uses this e-mail. Sign in instead.', 'email');
    throw err;
  }
}
