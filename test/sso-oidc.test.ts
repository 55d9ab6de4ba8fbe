import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startOidcIdp, type TestOidcIdp } from './support/oidc-idp.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Single sign-on with OpenID Connect against a real provider (oidc-provider) on 127.0.0.1: the
 * admin routes, just-in-time creation, matching and linking, refusals (state, nonce, replay,
 * unknown and deactivated people), the steps after it, and "enforce SSO" for passwords.
 */
const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/v1/admin/sso'],
  ['PUT', '/api/v1/admin/sso', { protocol: 'oidc', issuer: 'https://idp.example.test', clientId: 'c', clientSecret: 's' }],
  ['DELETE', '/api/v1/admin/sso'],
  ['POST', '/api/v1/admin/sso/test', {}],
];

const location = (res: Res): string => String(res.headers.location ?? '');

describe.each(DIALECTS)('OpenID Connect sign-in on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let idp: TestOidcIdp;
  const email = (who: string) => `${who}@${acme.slug}.test`;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    idp = await startOidcIdp({ redirectUris: [`http://${acme.slug}.localhost:${t.port}/auth/sso/oidc/callback`] });
    idp.accounts.set('alice-sub', { email: email('alice'), email_verified: true, name: 'Alice Provider', preferred_username: 'alice' });
    idp.accounts.set('nobody-sub', { email: email('nobody'), email_verified: true, name: 'Nobody Known' });
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  const configure = (patch: Record<string, unknown> = {}) =>
    acme.owner.put('/api/v1/admin/sso', {
      protocol: 'oidc',
      displayName: 'Acme Login',
      issuer: idp.issuer,
      clientId: idp.clientId,
      enabled: true,
      jit: true,
      ...patch,
    });

  /** The browser's whole round trip: our start, the provider's pages, our callback. */
  async function ssoSignIn(browser: Client, login: string, returnTo = '/groups', tamper?: (auth: URL) => void): Promise<Res> {
    const start = await browser.get(`/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(303);
    const auth = new URL(location(start));
    expect(auth.origin).toBe(idp.issuer);
    tamper?.(auth);
    const back = await idp.authorize(auth.href, login);
    return browser.get(back.pathname + back.search);
  }

  const lastFailure = async () =>
    (await acme.owner.get('/api/v1/admin/audit-log?action=auth.sign_in_failed&limit=1')).body.items[0] as {
      actor: { kind: string; label: string };
      details: { method: string; reason: string; code: string };
    };

  it('admin routes: 401, then 400 naming the field, 404 with nothing configured, then success; the secret never comes back', async () => {
    const anonymous = t.client(acme.slug);
    for (const [method, path, body] of ROUTES) expectProblem(await anonymous.call(method, path, body), 401, 'unauthenticated');
    const member = await addPerson(t, acme, { name: 'Mo Member' });
    for (const [method, path, body] of ROUTES) expectProblem(await member.call(method, path, body), 403, 'forbidden');

    const bad = { protocol: 'oidc', issuer: idp.issuer, clientId: idp.clientId, clientSecret: 'x' };
    expectProblem(await acme.owner.put('/api/v1/admin/sso', { ...bad, issuer: 'ftp://idp.test' }), 400, 'invalid_input', 'issuer');
    expectProblem(await acme.owner.put('/api/v1/admin/sso', { ...bad, issuer: 'http://idp.example.test' }), 400, 'invalid_input', 'issuer');
    expectProblem(await acme.owner.put('/api/v1/admin/sso', { ...bad, scopes: ['email'] }), 400, 'invalid_input', 'scopes');
    expectProblem(await acme.owner.put('/api/v1/admin/sso', { ...bad, protocol: 'kerberos' }), 400, 'invalid_input', 'protocol');
    expectProblem(await acme.owner.put('/api/v1/admin/sso', { ...bad, clientSecret: undefined }), 400, 'invalid_input', 'clientSecret');
    expectProblem(
      await acme.owner.post('/api/v1/admin/sso/test', { protocol: 'oidc', issuer: 'http://example.test' }),
      400,
      'invalid_input',
      'issuer',
    );

    expectProblem(await acme.owner.delete('/api/v1/admin/sso'), 404, 'not_found');
    expectProblem(await acme.owner.post('/api/v1/admin/sso/test', {}), 404, 'not_found');
    const before = await acme.owner.get('/api/v1/admin/sso');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      connection: null,
      serviceProvider: {
        redirectUri: `http://${acme.slug}.localhost:${t.port}/auth/sso/oidc/callback`,
        entityId: `http://${acme.slug}.localhost:${t.port}/auth/sso/saml/metadata`,
        acsUrl: `http://${acme.slug}.localhost:${t.port}/auth/sso/saml/acs`,
        metadataUrl: `http://${acme.slug}.localhost:${t.port}/auth/sso/saml/metadata`,
        startUrl: `http://${acme.slug}.localhost:${t.port}/auth/sso/start`,
      },
    });
    expect((await t.client(acme.slug).get('/api/v1/auth/sso')).body).toEqual({
      enabled: false,
      protocol: null,
      displayName: null,
      enforced: false,
    });

    const saved = await configure({ clientSecret: idp.clientSecret, enabled: false });
    expect(saved.status).toBe(200);
    expect(saved.body.connection).toMatchObject({ protocol: 'oidc', issuer: idp.issuer, clientSecretSet: true, enabled: false, jit: true });
    expect(saved.body.connection.scopes).toEqual(['openid', 'email', 'profile']);
    // Saved again without the secret: the stored one stays.
    const again = await configure();
    expect(again.body.connection).toMatchObject({ clientSecretSet: true, enabled: true });
    for (const res of [
      saved,
      again,
      await acme.owner.get('/api/v1/admin/sso'),
      await acme.owner.get('/api/v1/admin/audit-log?action=sso'),
    ]) {
      expect(JSON.stringify(res.body)).not.toContain(idp.clientSecret);
    }
    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=sso');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'sso.enabled',
      'sso.connection_changed',
      'sso.connection_created',
    ]);

    const tested = await acme.owner.post('/api/v1/admin/sso/test', {});
    expect(tested.body).toMatchObject({ ok: true, protocol: 'oidc', issuer: idp.issuer, authorizationEndpoint: `${idp.issuer}/auth` });
    const unreachable = await acme.owner.post('/api/v1/admin/sso/test', { issuer: 'http://127.0.0.1:9/nothing' });
    expect(unreachable.body).toMatchObject({ ok: false, problem: 'discovery' });
    expect((await t.client(acme.slug).get('/api/v1/auth/sso')).body).toEqual({
      enabled: true,
      protocol: 'oidc',
      displayName: 'Acme Login',
      enforced: false,
    });
  });

  it('creates the person just in time on a first sign-in, and finds the same person the next time', async () => {
    const first = t.client(acme.slug);
    const res = await ssoSignIn(first, 'alice-sub', '/groups?tab=mine');
    expect({ status: res.status, to: location(res) }).toEqual({ status: 303, to: '/groups?tab=mine' });
    const session = await first.get('/api/v1/auth/session');
    expect(session.body.person).toMatchObject({ displayName: 'Alice Provider', email: email('alice') });
    const aliceId = session.body.person.id as string;

    const second = t.client(acme.slug);
    expect(location(await ssoSignIn(second, 'alice-sub'))).toBe('/groups');
    expect((await second.get('/api/v1/auth/session')).body.person.id).toBe(aliceId);
    const found = await acme.owner.get(`/api/v1/admin/people?q=${encodeURIComponent(email('alice'))}`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([aliceId]);

    const created = await acme.owner.get(`/api/v1/admin/audit-log?action=person.created&targetId=${aliceId}`);
    expect(created.body.items[0]).toMatchObject({ actor: { kind: 'system' }, details: { via: 'sso' } });
    const signIns = await acme.owner.get(`/api/v1/admin/audit-log?action=auth.sign_in&actorId=${aliceId}`);
    expect(signIns.body.items.map((e: { details: { method: string } }) => e.details.method)).toEqual(['oidc', 'oidc']);
  });

  it('links an existing person by e-mail on the first match and keeps the link when the e-mail changes', async () => {
    const bob = await addPerson(t, acme, { name: 'Bob Existing', email: email('bob') });
    idp.accounts.set('bob-sub', { email: email('bob'), email_verified: true, name: 'Robert at the provider' });
    expect((await configure({ jit: false })).status).toBe(200);
    const browser = t.client(acme.slug);
    expect(location(await ssoSignIn(browser, 'bob-sub'))).toBe('/groups');
    expect((await browser.get('/api/v1/auth/session')).body.person).toMatchObject({ id: bob.personId, displayName: 'Bob Existing' });
    const linked = await acme.owner.get(`/api/v1/admin/audit-log?action=sso.person_linked&targetId=${bob.personId}`);
    expect(linked.body.items[0].details).toMatchObject({ method: 'oidc', subject: 'bob-sub', matchedBy: 'email' });

    idp.accounts.set('bob-sub', { email: 'robert@elsewhere.test', email_verified: true, name: 'Robert' });
    const later = t.client(acme.slug);
    expect(location(await ssoSignIn(later, 'bob-sub'))).toBe('/groups');
    expect((await later.get('/api/v1/auth/session')).body.person.id).toBe(bob.personId);

    // An address the provider does not vouch for matches nobody.
    await addPerson(t, acme, { name: 'Carol', email: email('carol') });
    idp.accounts.set('mallory-sub', { email: email('carol'), email_verified: false, name: 'Mallory' });
    expect(location(await ssoSignIn(t.client(acme.slug), 'mallory-sub'))).toBe('/sign-in?sso_error=sso_unknown_person&next=%2Fgroups');
  });

  it('without just-in-time creation an unknown person is sent back with a clear reason, and it is audited', async () => {
    expect((await configure({ jit: false })).status).toBe(200);
    const res = await ssoSignIn(t.client(acme.slug), 'nobody-sub', '/');
    expect({ status: res.status, to: location(res) }).toEqual({ status: 303, to: '/sign-in?sso_error=sso_unknown_person' });
    expect(await lastFailure()).toMatchObject({
      actor: { kind: 'anonymous', label: email('nobody') },
      details: { method: 'oidc', reason: 'unknown_person', code: 'sso_unknown_person' },
    });
    const people = await acme.owner.get(`/api/v1/admin/people?q=${encodeURIComponent(email('nobody'))}`);
    expect(people.body.items).toEqual([]);
  });

  it('refuses a deactivated person', async () => {
    const dee = await addPerson(t, acme, { name: 'Dee Parted', email: email('dee') });
    idp.accounts.set('dee-sub', { email: email('dee'), email_verified: true, name: 'Dee' });
    expect((await acme.owner.post(`/api/v1/admin/people/${dee.personId}/deactivate`)).status).toBe(200);
    const browser = t.client(acme.slug);
    expect(location(await ssoSignIn(browser, 'dee-sub', '/'))).toBe('/sign-in?sso_error=sso_deactivated');
    expect((await browser.get('/api/v1/auth/session')).status).toBe(401);
    expect((await lastFailure()).details).toMatchObject({ reason: 'account_deactivated', code: 'sso_deactivated' });
  });

  it('refuses an answer with another state, or in a browser that did not start the sign-in', async () => {
    const browser = t.client(acme.slug);
    const start = await browser.get('/auth/sso/start?returnTo=/');
    const back = await idp.authorize(location(start), 'alice-sub');
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    expect(location(await browser.get(forged.pathname + forged.search))).toBe('/sign-in?sso_error=sso_state');
    expect((await lastFailure()).details).toMatchObject({ reason: 'state_mismatch' });

    // The right answer, carried to a browser that never started a sign-in (login CSRF).
    const victim = t.client(acme.slug);
    const other = t.client(acme.slug);
    const theirs = await idp.authorize(location(await other.get('/auth/sso/start')), 'alice-sub');
    expect(location(await victim.get(theirs.pathname + theirs.search))).toBe('/sign-in?sso_error=sso_state');
    expect((await victim.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('refuses an ID token made for another nonce', async () => {
    const a = t.client(acme.slug);
    const b = t.client(acme.slug);
    const nonceOfB = new URL(location(await b.get('/auth/sso/start'))).searchParams.get('nonce') ?? '';
    const res = await ssoSignIn(a, 'alice-sub', '/', (auth) => {
      expect(auth.searchParams.get('nonce')).not.toBe(nonceOfB);
      expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
      auth.searchParams.set('nonce', nonceOfB);
    });
    expect(location(res)).toBe('/sign-in?sso_error=sso_state');
    expect((await lastFailure()).details).toMatchObject({ reason: 'nonce_mismatch' });
    expect((await a.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('an answer is good once', async () => {
    const browser = t.client(acme.slug);
    const start = await browser.get('/auth/sso/start');
    const cookie = browser.cookie;
    const back = await idp.authorize(location(start), 'alice-sub');
    expect(location(await browser.get(back.pathname + back.search))).toBe('/');
    const again = browser.fresh();
    again.cookie = cookie;
    expect(location(await again.get(back.pathname + back.search))).toBe('/sign-in?sso_error=sso_replay');
  });

  it('goes back only to a path of the app', async () => {
    for (const returnTo of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await ssoSignIn(t.client(acme.slug), 'alice-sub', returnTo);
      expect({ returnTo, to: location(res) }).toEqual({ returnTo, to: '/' });
    }
  });

  it('continues with the company policy: terms to accept before the session', async () => {
    expect(
      (await acme.owner.patch('/api/v1/admin/identity-settings', { terms: { required: true, text: 'Be kind.', renewMonths: 12 } })).status,
    ).toBe(200);
    const browser = t.client(acme.slug);
    const res = await ssoSignIn(browser, 'alice-sub', '/groups');
    const next = new URL(location(res), 'http://x');
    expect(next.pathname).toBe('/sign-in/continue');
    expect(Object.fromEntries(next.searchParams)).toMatchObject({ step: 'terms', returnTo: '/groups' });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(401);
    const accepted = await browser.post('/api/v1/auth/sign-in/terms', { challenge: next.searchParams.get('challenge'), accept: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body.person.displayName).toBe('Alice Provider');
    await acme.owner.patch('/api/v1/admin/identity-settings', { terms: { required: false, text: '', renewMonths: 12 } });
  });

  it('enforced SSO needs an enabled connection, turns off passwords but the break-glass owner, and keeps the connection on', async () => {
    const other = await signUpCompany(t);
    const me = (await other.owner.get('/api/v1/auth/session')).body.person.id as string;
    expectProblem(
      await other.owner.patch('/api/v1/admin/identity-settings', { enforceSso: true, breakGlassOwnerId: me }),
      400,
      'invalid_input',
      'enforceSso',
    );

    const member = await addPerson(t, acme, { name: 'Pat Password' });
    const ownerId = (await acme.owner.get('/api/v1/auth/session')).body.person.id as string;
    expect((await configure()).status).toBe(200);
    const enforced = await acme.owner.patch('/api/v1/admin/identity-settings', { enforceSso: true, breakGlassOwnerId: ownerId });
    expect(enforced.status).toBe(200);
    expect((await t.client(acme.slug).get('/api/v1/auth/sso')).body.enforced).toBe(true);

    const refused = await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: member.email, password: PASSWORD });
    expectProblem(refused, 403, 'sso_required');
    const owner = await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: `owner@${acme.slug}.test`, password: PASSWORD });
    expect(owner.status).toBe(200);

    expectProblem(await configure({ enabled: false }), 409, 'sso_enforced', 'enabled');
    expectProblem(await acme.owner.delete('/api/v1/admin/sso'), 409, 'sso_enforced', 'enabled');
    expect((await acme.owner.patch('/api/v1/admin/identity-settings', { enforceSso: false })).status).toBe(200);
    expect((await configure({ enabled: false })).status).toBe(200);
    expect(location(await t.client(acme.slug).get('/auth/sso/start'))).toBe('/sign-in?sso_error=sso_failed');
    expect((await acme.owner.delete('/api/v1/admin/sso')).status).toBe(204);
    expect((await acme.owner.get('/api/v1/admin/sso')).body.connection).toBeNull();
  });
});
