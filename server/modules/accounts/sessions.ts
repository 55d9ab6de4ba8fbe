import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '../../../protocol/api.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { forgetSessions, sessionCookieName } from '../../http/request-context.js';
import { hashToken, newId, newToken } from '../../lib/ids.js';
import { publishToPeople } from '../../realtime/publish.js';
import { toPerson } from '../people/present.js';
import { toOrg } from '../orgs/present.js';
import { currentSeq } from '../../realtime/seqs.js';

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
}

export async function createSession(
  ctx: AppContext,
  db: Executor,
  person: PeopleTable,
  req: Pick<FastifyRequest, 'ip' | 'headers'>,
): Promise<NewSession> {
  // The last word on it, whatever the path: an integration's bot calls the API with its tokens only.
  if (person.is_bot === 1) throw new AppError(401, 'invalid_credentials', 'Bots do not sign in; they use their integration’s tokens.');
  const now = Date.now();
  const token = newToken();
  const session = { id: newId(), token, csrfToken: newToken(24) };
  const ua = req.headers['user-agent'];
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      org_id: person.org_id,
      person_id: person.id,
      token_hash: hashToken(token),
      csrf_token: session.csrfToken,
      user_agent: typeof ua === 'string' ? ua.slice(0, 300) : null,
      ip: req.ip,
      created_at: now,
      last_seen_at: now,
      expires_at: now + ctx.config.sessionTtlMs,
      revoked_at: null,
    })
    .execute();
  return session;
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicScheme === 'https',
    maxAge: Math.floor(ctx.config.sessionTtlMs / 1000),
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(ctx), { path: '/', secure: ctx.config.publicScheme === 'https' });
}

export async function sessionInfo(
  ctx: AppContext,
  org: OrgsTable,
  person: PeopleTable,
  csrfToken: string,
  sessionId: string,
): Promise<SessionInfo> {
  // Read fresh: a client starts its live connection from this number.
  const eventSeq = await currentSeq(ctx.db, person.id);
  return { org: toOrg(ctx, org), person: toPerson(person), csrfToken, sessionId, eventSeq };
}

/** Hands a new session to the browser (cookie) and describes it (body), after any sign-in. */
export function signedIn(
  ctx: AppContext,
  reply: FastifyReply,
  org: OrgsTable,
  person: PeopleTable,
  session: NewSession,
): Promise<SessionInfo> {
  setSessionCookie(ctx, reply, session.token);
  return sessionInfo(ctx, org, person, session.csrfToken, session.id);
}

/**
 * Revokes sessions (all of a person's, or some) and, once committed, drops them from every
 * process's cache and closes their websockets, so access ends within a second everywhere.
 */
export async function revokeSessions(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  orgId: string,
  target: { personId: string; sessionIds?: string[]; exceptSessionId?: string },
): Promise<string[]> {
  // The person's row first, as every change of a person locks it first (its event sequence is bumped
  // below): taking the sessions first would wait in the opposite order to a concurrent deactivation.
  if (ctx.dialect === 'postgres') {
    await trx.selectFrom('people').select('id').where('org_id', '=', orgId).where('id', '=', target.personId).forUpdate().execute();
  }
  let q = trx
    .updateTable('sessions')
    .set({ revoked_at: Date.now() })
    .where('org_id', '=', orgId)
    .where('person_id', '=', target.personId)
    .where('revoked_at', 'is', null);
  if (target.sessionIds) q = q.where('id', 'in', target.sessionIds.length ? target.sessionIds : ['']);
  if (target.exceptSessionId) q = q.where('id', '!=', target.exceptSessionId);
  const revoked = (await q.returning('id').execute()).map((r) => r.id);
  if (revoked.length === 0) return revoked;
  for (const sessionId of revoked) {
    await publishToPeople(trx, afterCommit, ctx.bus, orgId, [target.personId], 'session.revoked', { sessionId });
  }
  afterCommit(async () => {
    forgetSessions(ctx, { sessionIds: revoked });
    await ctx.bus.publish({ kind: 'disconnect', orgId, sessionIds: revoked, reason: 'signed out' });
  });
  return revoked;
}

export const signOutSession = (ctx: AppContext, orgId: string, personId: string, sessionId: string) =>
  inTx(ctx, (trx, after) => revokeSessions(ctx, trx, after, orgId, { personId, sessionIds: [sessionId] }));
