import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('hardening on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers malformed and over-long addresses with problem+json', async () => {
    expectProblem(await acme.owner.get('/api/v1/people/%E0%A4%A'), 400, 'invalid_url');
    const long = await acme.owner.get(`/api/v1/people/${'a'.repeat(400)}`);
    expect(long.status).toBe(414);
    expect(long.body).toMatchObject({ code: 'uri_too_long' });
    expect((await acme.owner.get('/api/v1/me')).status).toBe(200);
  });

  it('counts characters as people do and refuses disguising control characters', async () => {
    // 100 emoji are 200 UTF-16 units, but 100 characters: accepted.
    const hundred = '😀'.repeat(100);
    expect((await acme.owner.patch('/api/v1/me', { displayName: hundred })).body.displayName).toBe(hundred);
    expectProblem(await acme.owner.patch('/api/v1/me', { displayName: '😀'.repeat(101) }), 400, 'invalid_input', 'displayName');
    expectProblem(await acme.owner.patch('/api/v1/me', { displayName: 'Ann\u202Enimda' }), 400, 'invalid_input', 'displayName');
    expectProblem(await acme.owner.patch('/api/v1/me', { displayName: 'C1\u0085control' }), 400, 'invalid_input', 'displayName');
    const rtl = await acme.owner.patch('/api/v1/me', { displayName: 'مريم الحسن' });
    expect(rtl.body.displayName).toBe('مريم الحسن');
  });

  it('refuses state changes from an opaque ("null") origin', async () => {
    const res = await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: 'x@y.test', password: 'whatever' }, { origin: 'null' });
    expectProblem(res, 403, 'bad_origin');
  });

  it('throttles password-reset mail per account', async () => {
    const c = t.client(acme.slug);
    const email = `owner@${acme.slug}.test`;
    for (let i = 0; i < 5; i++) expect((await c.post('/api/v1/auth/password-reset', { email })).status).toBe(202);
    const sixth = await c.post('/api/v1/auth/password-reset', { email });
    expectProblem(sixth, 429, 'too_many_attempts');
    expect(sixth.body.detail).toMatch(/^Too many password reset requests\. Try again in \d+ s\.$/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
  });
});
