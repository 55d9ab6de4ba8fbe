import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SsoErrorCode } from '../../../protocol/sso.js';
import { inTx, type AppContext } from '../../context.js';
import type { OrgsTable, SsoConnectionsTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashToken, newId, newToken, safeEqual } from '../../lib/ids.js';
import { recordAudit, systemActor } from '../audit/record.js';
import { continueSignIn } from '../identity/sign-in-flow.js';
import { SsoFailure, type SsoIdentity } from './failure.js';
import { finishOidc, startOidc } from './oidc.js';
import { resolvePerson } from './people.js';
import { readSamlResponse, REQUEST_TTL_MS, startSaml } from './saml.js';
import {
  consumeAssertion,
  findBrowserRequest,
  findSamlRequest,
  insertRequest,
  pruneExpired,
  readConnection,
  spendRequest,
} from './store.js';

/**
 * The browser's side of single sign-on: page navigations, not API calls, so every outcome is a
 * redirect — to the provider, back into the app, to the next sign-in step, or to the sign-in page
 * with `?sso_error=<code>` (and an audit entry saying why).
 */

/**
 * Only a path of this app may come after signing in (no open redirect): one leading slash, no
 * second slash or backslash after it (browsers read `/\host` as `//host`), no control characters.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000) return '/';
  if (!/^\/(?![/\\])/.test(value) || /[\\\x00-\x1f\x7f]/.test(value)) return '/';
  return value;
}

/** Ties an OpenID Connect sign-in to the browser that started it; Lax, so the provider's redirect back carries it. */
const browserCookie = (ctx: AppContext): string => (ctx.config.publicScheme === 'https' ? '__Host-cp_sso' : 'cp_sso');

type Method = SsoIdentity['method'];

export async function refuse(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  org: OrgsTable,
  method: Method | null,
  err: unknown,
  returnTo = '/',
): Promise<FastifyReply> {
  let failure: SsoFailure;
  if (err instanceof SsoFailure) failure = err;
  else {
    req.log.error({ err }, 'single sign-on failed unexpectedly');
    failure = new SsoFailure('sso_failed', 'internal', 'Unexpected error');
  }
  await recordAudit(ctx.db, {
    orgId: org.id,
    actor: systemActor('anonymous', (failure.login ?? 'unknown').slice(0, 120)),
    action: 'auth.sign_in_failed',
    ip: req.ip,
    details: { method: method ?? 'sso', reason: failure.reason, code: failure.code, detail: failure.message.slice(0, 500) },
  });
  const query = new URLSearchParams({ sso_error: failure.code satisfies SsoErrorCode });
  if (returnTo !== '/') query.set('next', returnTo);
  return reply.redirect(`/sign-in?${query.toString()}`, 303);
}

export async function startSignIn(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, org: OrgsTable, returnTo: string) {
  const row = await readConnection(ctx.db, org.id);
  if (!row || row.enabled !== 1)
    return refuse(ctx, req, reply, org, null, new SsoFailure('sso_failed', 'not_enabled', 'No single sign-on is on.'));
  const now = Date.now();
  await pruneExpired(ctx.db, now);
  try {
    if (row.protocol === 'saml') return reply.redirect(await startSaml(ctx, org, row, returnTo), 303);
    const start = await startOidc(ctx, org, row);
    const token = newToken();
    await insertRequest(ctx.db, {
      id: newId(),
      org_id: org.id,
      protocol: 'oidc',
      browser_hash: hashToken(token),
      state: start.state,
      nonce: start.nonce,
      code_verifier_enc: ctx.secrets.seal(start.codeVerifier),
      request_id: null,
      return_to: returnTo,
      created_at: now,
      expires_at: now + REQUEST_TTL_MS,
      used_at: null,
    });
    reply.setCookie(browserCookie(ctx), token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.publicScheme === 'https',
      maxAge: REQUEST_TTL_MS / 1000,
    });
    return reply.redirect(start.url.href, 303);
  } catch (err) {
    return refuse(ctx, req, reply, org, row.protocol, err, returnTo);
  }
}

/** The person is who the provider says: the company's policy decides the rest (sign-in-flow.ts). */
async function signInAs(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  org: OrgsTable,
  row: SsoConnectionsTable,
  identity: SsoIdentity,
  returnTo: string,
) {
  const login = identity.email ?? identity.username ?? identity.subject;
  const { person } = await resolvePerson(ctx, org, row, identity, req.ip);
  if (person.status !== 'active') throw new SsoFailure('sso_deactivated', 'account_deactivated', 'The person is deactivated.', login);
  let outcome;
  try {
    outcome = await continueSignIn(ctx, org, person, identity.method, req, reply);
  } catch (err) {
    if (err instanceof AppError && err.code === 'account_deactivated')
      throw new SsoFailure('sso_deactivated', 'account_deactivated', err.message, login);
    if (err instanceof AppError) throw new SsoFailure('sso_failed', err.code, err.message, login);
    throw err;
  }
  if (outcome.signedIn) return reply.redirect(returnTo, 303);
  const next = new URLSearchParams({ challenge: outcome.challenge, step: outcome.step, returnTo });
  return reply.redirect(`/sign-in/continue?${next.toString()}`, 303);
}

function activeConnection(row: SsoConnectionsTable | undefined, protocol: Method): SsoConnectionsTable {
  if (!row || row.enabled !== 1 || row.protocol !== protocol)
    throw new SsoFailure('sso_failed', 'not_enabled', `No ${protocol === 'oidc' ? 'OpenID Connect' : 'SAML'} sign-in is on.`);
  return row;
}

export async function oidcCallback(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  org: OrgsTable,
  query: Record<string, string>,
) {
  const token = req.cookies[browserCookie(ctx)];
  reply.clearCookie(browserCookie(ctx), { path: '/', secure: ctx.config.publicScheme === 'https' });
  let returnTo = '/';
  try {
    const request = token ? await findBrowserRequest(ctx.db, org.id, hashToken(token), Date.now()) : undefined;
    if (!request) throw new SsoFailure('sso_state', 'unknown_request', 'No sign-in was started in this browser, or it expired.');
    returnTo = request.return_to;
    if (!query.state || !request.state || !safeEqual(query.state, request.state))
      throw new SsoFailure('sso_state', 'state_mismatch', 'The answer does not belong to the sign-in this browser started.');
    if (!(await spendRequest(ctx.db, request.id, Date.now())))
      throw new SsoFailure('sso_replay', 'request_spent', 'This sign-in was already used.');
    if (query.error)
      throw new SsoFailure('sso_failed', `provider_error:${query.error.slice(0, 60)}`, query.error_description ?? query.error);
    const row = activeConnection(await readConnection(ctx.db, org.id), 'oidc');
    const identity = await finishOidc(ctx, org, row, request, query);
    return await signInAs(ctx, req, reply, org, row, identity, returnTo);
  } catch (err) {
    return refuse(ctx, req, reply, org, 'oidc', err, returnTo);
  }
}

/**
 * The provider's browser POST (cross-site, so no cookie of ours comes with it): the answer must
 * name a request we sent (InResponseTo), and each request and each assertion is spent once.
 */
export async function samlAcs(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, org: OrgsTable, samlResponse: string) {
  let returnTo = '/';
  try {
    const row = activeConnection(await readConnection(ctx.db, org.id), 'saml');
    const answer = await readSamlResponse(ctx, org, row, samlResponse);
    const login = answer.identity.email ?? answer.identity.subject;
    const request = await findSamlRequest(ctx.db, org.id, answer.requestId, Date.now());
    if (!request) throw new SsoFailure('sso_state', 'in_response_to', 'The sign-in this answers expired.', login);
    returnTo = request.return_to;
    await inTx(ctx, async (trx) => {
      const now = Date.now();
      if (!(await consumeAssertion(trx, org.id, answer.assertionId, answer.keepUntil)))
        throw new SsoFailure('sso_replay', 'assertion_replayed', `Assertion ${answer.assertionId} was already used.`, login);
      if (!(await spendRequest(trx, request.id, now)))
        throw new SsoFailure('sso_replay', 'request_spent', `Request ${answer.requestId} was already answered.`, login);
    });
    return await signInAs(ctx, req, reply, org, row, answer.identity, returnTo);
  } catch (err) {
    return refuse(ctx, req, reply, org, 'saml', err, returnTo);
  }
}
