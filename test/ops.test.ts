import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { signUpCompany } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('operations on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers health and readiness', async () => {
    const root = t.root();
    expect((await root.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await root.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toBe('ok');
  });

  it('exposes Prometheus metrics by route pattern and status, sockets and queue depth', async () => {
    const company = await signUpCompany(t);
    const me = await company.owner.get('/api/v1/me');
    await company.owner.get(`/api/v1/people/${me.body.id}`);
    const text = (await t.root().get('/metrics')).body as string;
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} \d+/);
    // Ids are folded into the route pattern, so labels stay bounded.
    expect(text).toContain('route="/api/v1/people/:id"');
    expect(text).not.toContain(me.body.id);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/me"\}/);
    expect(text).toMatch(/realtime_open_sockets \d+/);
    expect(text).toMatch(/jobs_queue_depth \d+/);
  });

  it('describes every API route in the OpenAPI document, with summaries and problem responses', async () => {
    const doc = (await t.root().get('/api/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        expect(op.summary, `${method} ${path} has a summary`).toBeTruthy();
      }
    }
    // OpenAPI has no websocket operations: the realtime socket is described in the document's info.
    const apiRoutes = t.server.routes.filter(
      (r) => r.url.startsWith('/api/v1/') && !r.hidden && r.method !== 'HEAD' && r.url !== '/api/v1/realtime',
    );
    expect(doc.info.description).toContain('/api/v1/realtime');
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const r of apiRoutes) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect(documented, `${r.method} ${r.url} documented`).toContain(`${r.method} ${path}`);
    }
    const signIn = doc.paths['/api/v1/auth/sign-in'].post;
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(['200', '4XX']));
    const docs = await t.root().get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(String(docs.headers['content-type'])).toContain('text/html');
  });

  it('sends security headers, a strict content-security-policy and a request id', async () => {
    // Pages (the web app and anything that is not the JSON API) get the full document policy.
    const page = await t.root().get('/admin/people');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Camera, microphone and screen (calls) for our own pages only.
    expect(page.headers['permissions-policy']).toContain('camera=(self)');
    expect(page.headers['permissions-policy']).toContain('display-capture=(self)');
    // JSON answers allow nothing at all.
    const res = await t.root().get('/api/v1/context');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await t.root().get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not_found', status: 404 });
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
  });
});
