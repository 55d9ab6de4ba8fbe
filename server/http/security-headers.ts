import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers and the content-security-policy, computed once by helmet at start-up and then
 * copied onto every response (running helmet per request re-parses the policy each time).
 */
export function installSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  const documentHeaders = computeHeaders(opts.https);
  // JSON is never rendered as a page: a policy that allows nothing is enough, and far shorter
  // (header bytes are a real share of the cost of a small API answer).
  const apiHeaders: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    ...(opts.https ? { 'strict-transport-security': documentHeaders['strict-transport-security'] ?? 'max-age=31536000' } : {}),
  };
  // Callback style: this runs on every request, and a sync hook avoids a promise per call.
  app.addHook('onRequest', (req, reply, done) => {
    const isApi = req.url.startsWith('/api/v1/') && !req.url.startsWith('/api/v1/files/');
    reply.headers(isApi ? apiHeaders : documentHeaders);
    // Every answer names its request, so a person's report can be matched to the log line.
    reply.header('x-request-id', req.id);
    done();
  });
}

export function computeHeaders(https: boolean): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https,
  });
  const headers: Record<string, string> = {};
  const capture = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  // helmet is connect-style middleware; with a recording response it just lists its headers.
  middleware({} as never, capture as never, () => {});
  // Calls use the camera, microphone and screen of our own pages only; nothing embedded may ask.
  headers['permissions-policy'] = 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()';
  return headers;
}
