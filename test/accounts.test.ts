import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, problemFields, signIn } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

/** The parts of a problem that must not differ between two answers (request ids always do). */
const comparable = (res: Res) => {
  const { requestId, ...rest } = res.body as Record<string, unknown>;
  void requestId;
  return { status: res.status, ...rest };
};

describe.each(DIALECTS)('sign-in, sign-out and CSRF on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ownerEmail: string;

  beforeAll(async () => {
    // Every test here signs in from 127.0.0.1; the address budget is tested on its own server below.
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    ownerEmail = `owner@${acme.slug}.test`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /auth/session: 401 without a session, 404 off a company host, then the person, company and CSRF token', async () => {
    expectProblem(await t.client(acme.slug).get('/api/v1/auth/session'), 401, 'unauthenticated');
    expectProblem(await t.root().get('/api/v1/auth/session'), 404, 'not_found');
    expectProblem(await t.client('no-such-company-here').get('/api/v1/auth/session'), 404, 'not_found');
    const res = await acme.owner.get('/api/v1/auth/session');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      org: { id: acme.orgId, slug: acme.slug },
      person: { email: ownerEmail, role: 'owner', status: 'active' },
    });
    expect(res.body.csrfToken).toBe(acme.owner.csrf);
    expect(typeof res.body.eventSeq).toBe('number');
  });

  it('POST /auth/sign-in: names bad and unknown fields', async () => {
    const c = t.client(acme.slug);
    const missing = await c.post('/api/v1/auth/sign-in', {});
    expectProblem(missing, 400, 'invalid_input');
    expect(problemFields(missing)).toEqual(['login', 'password']);
    // A sign-in name need not be an e-mail (usernames, employee ids): an unknown one is just wrong.
    expectProblem(await c.post('/api/v1/auth/sign-in', { login: 'not-an-address', password: PASSWORD }), 401, 'invalid_credentials');
    expectProblem(await c.post('/api/v1/auth/sign-in', { email: ownerEmail, password: '' }), 400, 'invalid_input', 'password');
    expectProblem(
      await c.post('/api/v1/auth/sign-in', { email: ownerEmail, password: PASSWORD, remember: true }),
      400,
      'invalid_input',
      'remember',
    );
    expect(c.cookie).toBeNull();
  });

  it('POST /auth/sign-in: 404 for a company that does not exist', async () => {
    expectProblem(
      await t.client('nobody-works-here').post('/api/v1/auth/sign-in', { email: ownerEmail, password: PASSWORD }),
      404,
      'not_found',
    );
  });

  it('refuses a wrong password and an unknown address with the same answer', async () => {
    const wrong = await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: ownerEmail, password: 'not the password' });
    expectProblem(wrong, 401, 'invalid_credentials', 'password');
    const unknown = await t
      .client(acme.slug)
      .post('/api/v1/auth/sign-in', { email: `nobody@${acme.slug}.test`, password: 'not the password' });
    expectProblem(unknown, 401, 'invalid_credentials', 'password');
    expect(comparable(unknown)).toEqual(comparable(wrong));
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('signs in with a differently written address and sets an HttpOnly, SameSite session cookie', async () => {
    const c = t.client(acme.slug);
    const res = await c.post('/api/v1/auth/sign-in', { email: `  ${ownerEmail.toUpperCase()} `, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ org: { slug: acme.slug }, person: { email: ownerEmail, role: 'owner' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^cp_session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect((await c.get('/api/v1/me')).body).toMatchObject({ email: ownerEmail, role: 'owner' });
  });

  it('POST /auth/sign-out: 401 without a session; ends this session only, and its cookie is dead afterwards', async () => {
    expectProblem(await t.client(acme.slug).post('/api/v1/auth/sign-out'), 401, 'unauthenticated');
    const first = await signIn(t, acme.slug, ownerEmail);
    const second = await signIn(t, acme.slug, ownerEmail);
    const stolen = first.fresh();
    stolen.cookie = first.cookie;
    const out = await first.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^cp_session=;/);
    expect(first.cookie).toBeNull();
    expectProblem(await first.get('/api/v1/me'), 401, 'unauthenticated');
    // A copy of the cookie kept from before sign-out opens nothing.
    expectProblem(await stolen.get('/api/v1/me'), 401, 'unauthenticated');
    expect((await second.get('/api/v1/me')).status).toBe(200);
  });

  it('tells a deactivated person who knows the password that the account is deactivated, and nobody else', async () => {
    const pat = await addPerson(t, acme, { name: 'Pat Leaver' });
    expect((await acme.owner.post(`/api/v1/admin/people/${pat.personId}/deactivate`)).status).toBe(200);
    const right = await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: pat.email, password: PASSWORD });
    expectProblem(right, 403, 'account_deactivated');
    expect(right.headers['set-cookie']).toBeUndefined();
    expectProblem(
      await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: pat.email, password: 'a wrong password' }),
      401,
      'invalid_credentials',
      'password',
    );
  });

  describe('company endpoints on the bare domain', () => {
    it('GET /orgs/slug-check: 400 naming the field; free, taken and reserved addresses', async () => {
      expectProblem(await t.root().get('/api/v1/orgs/slug-check'), 400, 'invalid_input', 'slug');
      expectProblem(await t.root().get('/api/v1/orgs/slug-check?slug=-bad-'), 400, 'invalid_input', 'slug');
      expectProblem(await t.root().get('/api/v1/orgs/slug-check?slug=ab'), 400, 'invalid_input', 'slug');
      expect((await t.root().get(`/api/v1/orgs/slug-check?slug=${acme.slug}`)).body).toEqual({
        slug: acme.slug,
        available: false,
        reason: 'taken',
      });
      expect((await t.root().get('/api/v1/orgs/slug-check?slug=admin')).body).toEqual({
        slug: 'admin',
        available: false,
        reason: 'reserved',
      });
      expect((await t.root().get('/api/v1/orgs/slug-check?slug=Free-Space-42')).body).toEqual({
        slug: 'free-space-42',
        available: true,
        reason: null,
      });
    });

    it('POST /orgs: a company cannot be signed up from inside another company', async () => {
      const res = await acme.owner.post('/api/v1/orgs', {
        companyName: 'Nested',
        slug: `nested-${acme.slug}`.slice(0, 40),
        ownerName: 'N',
        email: 'n@n.test',
        password: PASSWORD,
      });
      expectProblem(res, 400, 'wrong_host');
      expect((await t.root().get(`/api/v1/orgs/slug-check?slug=${`nested-${acme.slug}`.slice(0, 40)}`)).body.available).toBe(true);
    });

    it('POST /find-company: 400 naming the field; 202 always; mails the active companies of a known address only', async () => {
      expectProblem(await t.root().post('/api/v1/find-company', {}), 400, 'invalid_input', 'email');
      expectProblem(await t.root().post('/api/v1/find-company', { email: 'nope' }), 400, 'invalid_input', 'email');
      const email = `finder-${acme.slug}@both.test`;
      await addPerson(t, acme, { email });
      const second = await signUpCompany(t, { email, name: 'Zeta Works' });
      const third = await signUpCompany(t, { email, name: 'Gamma Corp' });
      // Not listed: there the address belongs to a deactivated person.
      const fourth = await signUpCompany(t, { name: 'Left Ltd' });
      const gone = await addPerson(t, fourth, { email });
      expect((await fourth.owner.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);

      const unknown = await t.root().post('/api/v1/find-company', { email: `nobody-${email}` });
      const known = await t.root().post('/api/v1/find-company', { email: email.toUpperCase() });
      expect([unknown.status, known.status]).toEqual([202, 202]);
      expect(unknown.body).toEqual(known.body);
      const mail = await t.waitForMail((m) => m.subject === 'Your companies on Commonplace' && m.to.toLowerCase() === email);
      const listed = mail.text.split('\n').filter((l) => l.startsWith('- '));
      expect(listed).toEqual([
        `- Company ${acme.slug}: http://${acme.slug}.localhost:${t.port}/`,
        `- Gamma Corp: http://${third.slug}.localhost:${t.port}/`,
        `- Zeta Works: http://${second.slug}.localhost:${t.port}/`,
      ]);
      expect((await t.mails()).filter((m) => m.to === `nobody-${email}`)).toEqual([]);
    });
  });

  describe('CSRF and content types', () => {
    it('refuses a state change with the session cookie but without the CSRF header, and changes nothing', async () => {
      const c = await signIn(t, acme.slug, ownerEmail);
      const noToken = c.fresh();
      noToken.cookie = c.cookie;
      expectProblem(await noToken.patch('/api/v1/me', { displayName: 'Hijacked' }), 403, 'csrf_failed');
      expectProblem(await noToken.post('/api/v1/auth/sign-out'), 403, 'csrf_failed');
      expectProblem(await noToken.post('/api/v1/me/sessions/revoke-others'), 403, 'csrf_failed');
      const wrongToken = c.fresh();
      wrongToken.cookie = c.cookie;
      wrongToken.csrf = 'x'.repeat(c.csrf?.length ?? 32);
      expectProblem(await wrongToken.patch('/api/v1/me', { displayName: 'Hijacked' }), 403, 'csrf_failed');
      const me = await c.get('/api/v1/me');
      expect(me.body.displayName).toBe('Olivia Owner');
      // The session was not signed out by the refused calls.
      expect(me.status).toBe(200);
    });

    it('refuses a request from a foreign Origin even with the right token; accepts its own origin', async () => {
      const c = await signIn(t, acme.slug, ownerEmail);
      const evil = { origin: 'https://evil.example' };
      expectProblem(await c.call('PATCH', '/api/v1/me', { title: 'Pwned' }, evil), 403, 'bad_origin');
      expectProblem(await c.call('PATCH', '/api/v1/me', { title: 'Pwned' }, { origin: 'not a url' }), 403, 'bad_origin');
      // Another company on the same installation is another site, too.
      expectProblem(
        await c.call('PATCH', '/api/v1/me', { title: 'Pwned' }, { origin: `http://other-co.localhost:${t.port}` }),
        403,
        'bad_origin',
      );
      // Sign-in has no session to protect yet; the Origin check still stands in front of it.
      expectProblem(
        await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: ownerEmail, password: PASSWORD }, evil),
        403,
        'bad_origin',
      );
      const own = await c.call('PATCH', '/api/v1/me', { title: 'Founder' }, { origin: `http://${acme.slug}.localhost:${t.port}` });
      expect(own.status).toBe(200);
      expect(own.body.title).toBe('Founder');
    });

    it('accepts only JSON: text/plain and form bodies get 415', async () => {
      const c = t.client(acme.slug);
      const body = JSON.stringify({ email: ownerEmail, password: PASSWORD });
      expectProblem(await c.call('POST', '/api/v1/auth/sign-in', body, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
      expectProblem(
        await c.call('POST', '/api/v1/auth/sign-in', `email=${encodeURIComponent(ownerEmail)}&password=${encodeURIComponent(PASSWORD)}`, {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        415,
        'unsupported_media_type',
      );
      expect(c.cookie).toBeNull();
      const signedIn = await signIn(t, acme.slug, ownerEmail);
      expectProblem(
        await signedIn.call('PATCH', '/api/v1/me', JSON.stringify({ title: 'Plain' }), { 'content-type': 'text/plain;charset=UTF-8' }),
        415,
        'unsupported_media_type',
      );
      expect((await signedIn.get('/api/v1/me')).body.title).not.toBe('Plain');
    });
  });
});

describe.each(DIALECTS)('sign-in rate limits on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ip = 0;
  /** A new client address each call (the server trusts x-forwarded-for here). */
  const fromNewAddress = () => ({ 'x-forwarded-for': `10.${dialect === 'sqlite' ? 1 : 2}.${(++ip >> 8) & 255}.${ip & 255}` });
  const attempt = (email: string, password: string, headers: Record<string, string>) =>
    t.client(acme.slug).post('/api/v1/auth/sign-in', { email, password }, headers);

  const expectThrottled = (res: Res) => {
    expectProblem(res, 429, 'too_many_attempts');
    const seconds = res.body.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThanOrEqual(890);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(res.headers['retry-after']).toBe(String(seconds));
    expect(res.body.detail).toBe(`Too many sign-in attempts. Try again in ${seconds} s.`);
    expect(res.headers['set-cookie']).toBeUndefined();
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_ACCOUNT: '3', SIGNIN_LIMIT_PER_IP: '5', TRUST_PROXY: 'true' } });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stops guessing one account from many addresses, even with the right password, and leaves other accounts alone', async () => {
    const target = await addPerson(t, acme, { name: 'Guessed At' });
    for (let i = 0; i < 3; i++)
      expectProblem(await attempt(target.email, `wrong guess ${i}`, fromNewAddress()), 401, 'invalid_credentials');
    expectThrottled(await attempt(target.email, PASSWORD, fromNewAddress()));
    expectThrottled(await attempt(`  ${target.email.toUpperCase()}`, PASSWORD, fromNewAddress()));
    expect((await attempt(`owner@${acme.slug}.test`, PASSWORD, fromNewAddress())).status).toBe(200);
  });

  it('counts per company: the same address in another company is not throttled', async () => {
    const email = `shared-${acme.slug}@both.test`;
    const here = await addPerson(t, acme, { email });
    const other = await signUpCompany(t, { email });
    for (let i = 0; i < 3; i++) expectProblem(await attempt(here.email, `wrong ${i}`, fromNewAddress()), 401, 'invalid_credentials');
    expectThrottled(await attempt(here.email, PASSWORD, fromNewAddress()));
    const there = await t.client(other.slug).post('/api/v1/auth/sign-in', { email, password: PASSWORD }, fromNewAddress());
    expect(there.status).toBe(200);
  });

  it('stops one address trying many accounts; another address still gets in', async () => {
    const headers = fromNewAddress();
    for (let i = 0; i < 5; i++)
      expectProblem(await attempt(`guess${i}@${acme.slug}.test`, 'password123', headers), 401, 'invalid_credentials');
    const owner = `owner@${acme.slug}.test`;
    expectThrottled(await attempt(owner, PASSWORD, headers));
    expect((await attempt(owner, PASSWORD, fromNewAddress())).status).toBe(200);
  });

  it("forgives an account's failures after a successful sign-in", async () => {
    const p = await addPerson(t, acme, { name: 'Forgetful' });
    for (let round = 0; round < 2; round++) {
      expectProblem(await attempt(p.email, 'wrong 1', fromNewAddress()), 401, 'invalid_credentials');
      expectProblem(await attempt(p.email, 'wrong 2', fromNewAddress()), 401, 'invalid_credentials');
      expect((await attempt(p.email, PASSWORD, fromNewAddress())).status).toBe(200);
    }
  });
});
