import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound, sendProblem } from '../errors.js';

/**
 * Serves the built web app (web/dist) and answers unknown non-API paths with index.html so the
 * client router can take them. API and other machine paths keep problem+json 404s.
 */
export async function installWebApp(app: FastifyInstance, distDir = resolve('web/dist')): Promise<void> {
  const hasBuild = existsSync(join(distDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        // Hashed assets never change; the shell and service worker must be re-checked every time.
        if (path.includes(`${distDir}/assets/`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }
  const machinePath = /^\/(api|auth|metrics|healthz|readyz)(\/|$)/;
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (req.method === 'GET' && !machinePath.test(path) && !/\.[a-z0-9]+$/i.test(path)) {
      if (!hasBuild)
        return reply.code(503).type('text/plain').send('The web app is not built yet: run "npm run build:web" (npm start does it).');
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return sendProblem(req, reply, notFound(`No route ${req.method} ${path}`));
  });
}
