import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { OrgsTable } from '../db/schema.js';
import { AppError, forbidden, notFound, unauthenticated } from '../errors.js';
import { hashToken, safeEqual } from '../lib/ids.js';
import { authenticateToken } from '../modules/integrations/auth.js';
import type { Viewer } from './session-cache.js';

export type { Viewer } from './session-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The company named by the Host header; null on the bare base domain. */
    org: OrgsTable | null;
    viewer: Viewer | null;
  }
}

export const sessionCookieName = (ctx: AppContext): string => (ctx.config.publicScheme === 'https' ? '__Host-cp_session' : 'cp_session');

const ORG_CACHE_MS = 10_000;
const LAST_SEEN_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the company from the Host and the viewer from the session cookie, for every request.
 * Sessions are cached for a few seconds; revocations drop the entry on every process (bus).
 */
export function installRequestContext(app: FastifyInstance, ctx: AppContext): void {
  const orgCache = new Map<string, { org: OrgsTable | null; at: number }>();
  const sessions = ctx.sessionCache;

  app.decorateRequest('org', null);
  app.decorateRequest('viewer', null);

  app.addHook('onRequest', async (req) => {
    const slug = ctx.urls.slugFromHostname(req.hostname);
    if (slug === null || slug === '') return;
    const now = Date.now();
    const hit = orgCache.get(slug);
    if (hit && now - hit.at < ORG_CACHE_MS) {
      req.org = hit.org;
    } else {
      const org = (await ctx.db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
      orgCache.set(slug, { org, at: now });
      req.org = org;
    }
    if (req.org && req.headers.authorization) {
      // An integration's bearer token: the request acts as its bot person (no cookie, no CSRF).
      const bot = await authenticateToken(ctx, req, req.org);
      if (bot) {
        req.viewer = { person: bot, sessionId: '', csrfToken: '' };
        return;
      }
    }
    const token = req.cookies[sessionCookieName(ctx)];
    if (!req.org || !token) return;
    const tokenHash = hashToken(token);
    const cached = sessions.get(tokenHash, req.org.id, now);
    if (cached) {
      req.viewer = cached;
      return;
    }
    const generation = sessions.generation;
    const row = await ctx.db
      .selectFrom('sessions as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .selectAll('p')
      .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
      .where('s.token_hash', '=', tokenHash)
      .where('s.org_id', '=', req.org.id)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      .where('p.status', '=', 'active')
      .executeTakeFirst();
    if (!row) {
      sessions.delete(tokenHash);
      return;
    }
    const { session_id, csrf_token, expires_at, last_seen_at, ...person } = row;
    const viewer: Viewer = {
      person,
      sessionId: session_id,
      csrfToken: csrf_token,
    };
    sessions.set(tokenHash, viewer, expires_at, generation, now);
    req.viewer = viewer;
    if (now - last_seen_at > LAST_SEEN_EVERY_MS) {
      ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: now, ip: req.ip })
        .where('id', '=', session_id)
        .execute()
        .catch((err: unknown) => req.log.warn({ err }, 'could not record session activity'));
    }
  });

  // CSRF: a state change made with the session cookie must carry the session's token in a header,
  // which a cross-site form or image cannot; and a browser's Origin, when sent, must be this host.
  app.addHook('preHandler', (req, _reply, done) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/') || req.integration) return done();
    try {
      checkCsrf(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
}

function checkCsrf(req: FastifyRequest): void {
  const origin = req.headers.origin;
  // "null" comes from sandboxed frames and opaque origins: never from our own pages.
  if (origin) {
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      /* malformed Origin is treated as foreign */
    }
    if (originHost !== req.host) throw new AppError(403, 'bad_origin', 'This request came from another site.');
  }
  if (req.viewer) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, req.viewer.csrfToken)) {
      throw new AppError(403, 'csrf_failed', 'Missing or wrong x-csrf-token header. Reload the page and try again.');
    }
  }
}

/** Drops cached sessions so a revocation takes effect at once (called from the bus on every process). */
export function forgetSessions(ctx: AppContext, match: { personId?: string | undefined; sessionIds?: string[] | undefined }): void {
  ctx.sessionCache.forget(match);
}

export function requireOrg(req: FastifyRequest): OrgsTable {
  if (!req.org) throw notFound('No company at this address.');
  return req.org;
}

export function requireViewer(req: FastifyRequest): Viewer & { org: OrgsTable } {
  const org = requireOrg(req);
  if (!req.viewer) throw unauthenticated();
  return { ...req.viewer, org };
}

export function requireAdmin(req: FastifyRequest): Viewer & { org: OrgsTable } {
  const v = requireViewer(req);
  // A token got here only if the route names a scope its integration has (integrations/auth.ts):
  // its bot then acts as an admin would (never as an owner), whatever its own role.
  if (req.integration) return { ...v, person: { ...v.person, role: 'admin' } };
  if (v.person.role !== 'owner' && v.person.role !== 'admin') throw forbidden('Only company admins can do this.');
  return v;
}

export type Reply = FastifyReply;
