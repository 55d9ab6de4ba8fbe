import { addExamples } from '../../lib/openapi-examples.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { TOKEN_PREFIX, type Scope } from '../../../protocol/integrations.js';
import type { AppContext } from '../../context.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashToken } from '../../lib/ids.js';
import { recordAudit, systemActor } from '../audit/record.js';
import { parseScopes } from './service.js';

/** What a route needs from a token: a scope, 'any' (e.g. /me), or nothing (not for integrations). */
export type RouteScope = Scope | 'any';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the request came with an integration's token (then `viewer` is its bot person). */
    integration: { id: string; tokenId: string; name: string; scopes: Scope[] } | null;
  }
  interface FastifyContextConfig {
    /** The token scope this route needs; routes without one are closed to integration tokens. */
    scope?: RouteScope;
  }
}

const LAST_USED_EVERY_MS = 60_000;
const limiters = new WeakMap<AppContext, RateLimiterAbstract>();

function limiterOf(ctx: AppContext): RateLimiterAbstract {
  let l = limiters.get(ctx);
  if (!l) {
    const points = ctx.config.integrationRateLimit;
    l = ctx.redis
      ? new RateLimiterRedis({ storeClient: ctx.redis, points, duration: 60, keyPrefix: `${ctx.config.redisPrefix}:integration-calls` })
      : new RateLimiterMemory({ points, duration: 60, keyPrefix: 'integration-calls' });
    limiters.set(ctx, l);
  }
  return l;
}

const invalidToken = () =>
  new AppError(401, 'invalid_token', 'This token is not valid here: wrong, revoked, expired, or its integration is off.');

/**
 * `Authorization: Bearer cpi_…` on the company's address: the request acts as the integration's
 * bot person, limited to the scopes of the token's integration. Called from the request context
 * (server/http/request-context.ts) after the company is known; returns the viewer or null when
 * the request has no bearer token. A bearer token that does not work is a 401, never anonymous.
 */
export async function authenticateToken(ctx: AppContext, req: FastifyRequest, org: OrgsTable): Promise<PeopleTable | null> {
  // Only the API takes integration tokens: SCIM (/scim/v2) reads bearer tokens of its own.
  const header = req.headers.authorization;
  if (!header || !/^bearer\s/i.test(header) || !req.url.startsWith('/api/')) return null;
  const token = header.slice(7).trim();
  // Anything else sent as a bearer token here is a wrong token: a 401, never an anonymous call.
  if (!token.startsWith(TOKEN_PREFIX)) throw invalidToken();
  const now = Date.now();
  const row = await ctx.db
    .selectFrom('integration_tokens as t')
    .innerJoin('integrations as i', 'i.id', 't.integration_id')
    .innerJoin('people as p', 'p.id', 'i.bot_person_id')
    .selectAll('p')
    .select(['t.id as token_id', 't.last_used_at', 't.expires_at', 'i.id as integration_id', 'i.name as integration_name', 'i.scopes'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.org_id', '=', org.id)
    .where('t.revoked_at', 'is', null)
    .where('i.disabled_at', 'is', null)
    .where('p.status', '=', 'active')
    .executeTakeFirst();
  if (!row || (row.expires_at !== null && Number(row.expires_at) <= now)) throw invalidToken();
  const { token_id, last_used_at, expires_at, integration_id, integration_name, scopes, ...person } = row;
  void expires_at;
  req.integration = { id: integration_id, tokenId: token_id, name: integration_name, scopes: parseScopes(scopes) };
  if (last_used_at === null || now - Number(last_used_at) > LAST_USED_EVERY_MS) {
    ctx.db
      .updateTable('integration_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token_id)
      .execute()
      .catch((err: unknown) => req.log.warn({ err }, 'could not record token use'));
  }
  return person;
}

/**
 * One call of a token's budget per minute (Redis when configured, so every process shares it;
 * otherwise in memory), answered with the standard RateLimit-* headers; 429 with Retry-After when spent.
 */
async function spend(ctx: AppContext, tokenId: string, reply: FastifyReply): Promise<void> {
  const limit = ctx.config.integrationRateLimit;
  let res: RateLimiterRes;
  try {
    res = await limiterOf(ctx).consume(tokenId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    reply.header('ratelimit-limit', String(limit)).header('ratelimit-remaining', '0').header('ratelimit-reset', String(seconds));
    throw new AppError(429, 'rate_limited', `Too many requests with this token; try again in ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }
  reply
    .header('ratelimit-limit', String(limit))
    .header('ratelimit-remaining', String(Math.max(0, res.remainingPoints)))
    .header('ratelimit-reset', String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))));
}

/**
 * For token requests, before the input is validated (so a route closed to the token says so rather
 * than judging its input): the token's rate limit, then the route's scope (403 `missing_scope`
 * naming it, or `not_for_integrations`); and an audit entry for every call once answered.
 */
export function installIntegrationGuards(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('integration', null);

  app.addHook('preValidation', async (req, reply) => {
    const integration = req.integration;
    if (!integration) return;
    // Every call counts, refused ones too, so a token cannot probe without limit.
    await spend(ctx, integration.tokenId, reply);
    if (req.is404) return;
    const needed = req.routeOptions.config?.scope;
    if (!needed) throw new AppError(403, 'not_for_integrations', 'Integration tokens cannot use this route.');
    if (needed !== 'any' && !integration.scopes.includes(needed)) {
      throw new AppError(403, 'missing_scope', `This token's integration lacks the scope "${needed}".`, { scope: needed });
    }
  });

  // After the answer is sent, so the log never delays it; a failure is logged, never thrown. Calls
  // refused for the rate limit are left out: a flood must not turn into as many writes.
  app.addHook('onResponse', (req, reply, done) => {
    const integration = req.integration;
    if (integration && req.org && reply.statusCode !== 429) {
      recordAudit(ctx.db, {
        orgId: req.org.id,
        actor: systemActor('integration', integration.name, integration.id),
        action: 'integration.api_call',
        target: null,
        ip: req.ip,
        details: {
          method: req.method,
          route: req.routeOptions.url ?? (req.url.split('?')[0] ?? '').slice(0, 200),
          status: reply.statusCode,
        },
      }).catch((err: unknown) => req.log.warn({ err }, 'could not record an integration call'));
    }
    done();
  });
}

/**
 * The OpenAPI document per route: the zod transform, plus which token scope the route needs (a
 * bearer security requirement and a line in the description), or that tokens cannot use it, and
 * examples made from its schemas.
 */
export const documentScopes: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const scope = (input.route.config as { scope?: RouteScope } | undefined)?.scope;
  if (!input.url.startsWith('/api/v1/')) return out;
  const schema = out.schema as Record<string, unknown>;
  const note = scope ? `Token scope: \`${scope === 'any' ? 'any token' : scope}\`.` : 'Not available to integration tokens.';
  schema.description = [schema.description, note].filter(Boolean).join('\n\n');
  if (scope) schema.security = [{ session: [] }, { bearer: scope === 'any' ? [] : [scope] }];
  addExamples(schema);
  return out;
};
