import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** /healthz: the process answers. /readyz: it can reach its database (and Redis when configured). */
export function installHealth(app: FastifyInstance, ctx: AppContext, ping: () => Promise<void>, isShuttingDown: () => boolean): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks: Record<string, string> = {};
    let ok = !isShuttingDown();
    if (!ok) checks.process = 'shutting down';
    try {
      await ping();
      checks.database = 'ok';
    } catch (err) {
      ok = false;
      checks.database = `unreachable: ${(err as Error).message}`;
    }
    if (ctx.redis) {
      try {
        await ctx.bus.ping();
        checks.redis = 'ok';
      } catch (err) {
        ok = false;
        checks.redis = `unreachable: ${(err as Error).message}`;
      }
    }
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  });
}
