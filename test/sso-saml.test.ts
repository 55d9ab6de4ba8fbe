import { X509Certificate } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAML_ATTRIBUTES } from '../protocol/sso.js';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { readPostedForm, startSamlIdp, type PostedForm, type SamlCase, type TestSamlIdp } from './support/saml-idp.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Single sign-on with SAML 2.0 against a real identity provider (samlify in the IdP role) on
 * 127.0.0.1: our metadata, the configuration and its test, sign-in with just-in-time creation,
 * and the refusals: another key, a changed assertion, no signature, another audience, an expired
 * assertion, a replayed response, an unknown or deactivated person.
 */

const location = (res: Res): string => String(res.headers.location ?? '');

describe.each(DIALECTS)('SAML sign-in on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let idp: TestSamlIdp;
  const email = (who: string) => `${who}@${acme.slug}.test`;
  const companyUrl = () => `http://${acme.slug}.localhost:${t.port}`;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    idp = await startSamlIdp();
    idp.accounts.set('alice', {
      nameId: 'alice-0001',
      email: email('alice'),
      firstName: 'Alice',
      lastName: 'Assertion',
      username: 'alice',
    });
    idp.accounts.set('nobody', { nameId: 'nobody-0001', email: email('nobody'), displayName: 'Nobody Known' });
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  const configure = (patch: Record<string, unknown> = {}) =>
    acme.owner.put('/api/v1/admin/sso', {
      protocol: 'saml',
      displayName: 'Okta',
      entryPoint: idp.ssoUrl,
      idpCertificates: idp.certificate,
      idpEntityId: idp.entityId,
      attributes: SAML_ATTRIBUTES.okta,
      enabled: true,
      jit: true,
      ...patch,
    });

  /** Our start, the provider's page, and the form it makes the browser post (as a browser would, without our cookies). */
  async function providerAnswer(browser: Client, login: string, which: SamlCase = 'normal', returnTo = '/groups'): Promise<PostedForm> {
    const start = await browser.get(`/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(303);
    const at = new URL(location(start));
    expect(`${at.origin}${at.pathname}`).toBe(idp.ssoUrl);
    at.searchParams.set('login', login);
    at.searchParams.set('case', which);
    const page = await request(at.href);
    const html = await page.body.text();
    expect(page.statusCode, html).toBe(200);
    return readPostedForm(html);
  }

  /** The cross-site POST to the ACS: a SameSite=Lax cookie of ours does not come with it. */
  async function post(form: PostedForm): Promise<{ res: Res; browser: Client }> {
    const browser = t.client(acme.slug);
    const body = new URLSearchParams({ SAMLResponse: form.SAMLResponse, RelayState: form.RelayState }).toString();
    const res = await browser.call('POST', new URL(form.action).pathname, body, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(idp.ssoUrl).origin,
    });
    return { res, browser };
  }

  const signInAs = async (login: string, which: SamlCase = 'normal', returnTo = '/groups') =>
    post(await providerAnswer(t.client(acme.slug), login, which, returnTo));

  const lastFailure = async () =>
    (await acme.owner.get('/api/v1/admin/audit-log?action=auth.sign_in_failed&limit=1')).body.items[0] as {
      actor: { kind: string; label: string };
      details: { method: string; reason: string; code: string; detail: string };
    };

  it('publishes our metadata, reads the provider metadata, and checks the configuration', async () => {
    const meta = await t.client(acme.slug).get('/auth/sso/saml/metadata');
    expect(meta.status).toBe(200);
    expect(String(meta.headers['content-type'])).toContain('application/samlmetadata+xml');
    expect(meta.body).toContain(`entityID="${companyUrl()}/auth/sso/saml/metadata"`);
    expect(meta.body).toContain(`Location="${companyUrl()}/auth/sso/saml/acs"`);
    expect(meta.body).toContain('WantAssertionsSigned="true"');

    const providerMetadata = await (await request(idp.metadataUrl)).body.text();
    const read = await acme.owner.post('/api/v1/admin/sso/test', { idpMetadataXml: providerMetadata });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ ok: true, protocol: 'saml', idpEntityId: idp.entityId, entryPoint: idp.ssoUrl });
    expect(read.body.certificates).toHaveLength(1);
    expect(read.body.certificates[0]).toMatchObject({ fingerprint: new X509Certificate(idp.certificate).fingerprint256, expired: false });
    expectProblem(
      await acme.owner.post('/api/v1/admin/sso/test', { idpMetadataXml: '<not-metadata/>' }),
      400,
      'invalid_input',
      'idpMetadataXml',
    );
    expectProblem(await acme.owner.post('/api/v1/admin/sso/test', { idpMetadataXml: '<<<' }), 400, 'invalid_input', 'idpMetadataXml');

    expectProblem(await configure({ idpCertificates: 'hello' }), 400, 'invalid_input', 'idpCertificates');
    expectProblem(
      await configure({ idpCertificates: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }),
      400,
      'invalid_input',
      'idpCertificates',
    );
    expectProblem(await configure({ entryPoint: 'not a url' }), 400, 'invalid_input', 'entryPoint');
    expectProblem(await configure({ nameIdFormat: 'kerberos' }), 400, 'invalid_input', 'nameIdFormat');
    expectProblem(await configure({ attributes: { ...SAML_ATTRIBUTES.okta, zzz: 'x' } }), 400, 'invalid_input', 'attributes.zzz');

    const saved = await configure();
    expect(saved.status).toBe(200);
    expect(saved.body.connection).toMatchObject({ protocol: 'saml', idpEntityId: idp.entityId, spEntityId: null, enabled: true });
    expect(saved.body.connection.certificates[0].subject).toContain('Test SAML IdP');
    expect((await acme.owner.post('/api/v1/admin/sso/test', {})).body).toMatchObject({ ok: true, protocol: 'saml' });
    expect((await t.client(acme.slug).get('/api/v1/auth/sso')).body).toMatchObject({
      enabled: true,
      protocol: 'saml',
      displayName: 'Okta',
    });
    // The provider's admin registers us from our metadata.
    idp.trust((await t.client(acme.slug).get('/auth/sso/saml/metadata')).body as string);
  });

  it('signs in with a signed assertion, creating the person just in time, and finds them again', async () => {
    const { res, browser } = await signInAs('alice', 'normal', '/groups');
    expect({ status: res.status, to: location(res) }).toEqual({ status: 303, to: '/groups' });
    const me = (await browser.get('/api/v1/auth/session')).body.person;
    expect(me).toMatchObject({ displayName: 'Alice Assertion', email: email('alice') });

    const again = await signInAs('alice', 'normal', '/');
    expect(location(again.res)).toBe('/');
    expect((await again.browser.get('/api/v1/auth/session')).body.person.id).toBe(me.id);
    const signIns = await acme.owner.get(`/api/v1/admin/audit-log?action=auth.sign_in&actorId=${me.id}`);
    expect(signIns.body.items.map((e: { details: { method: string } }) => e.details.method)).toEqual(['saml', 'saml']);
  });

  it('refuses an assertion signed with another key, changed after signing, or not signed', async () => {
    for (const which of ['other_key', 'tampered', 'unsigned'] as const) {
      const { res, browser } = await signInAs('alice', which, '/');
      expect({ which, to: location(res) }).toEqual({ which, to: '/sign-in?sso_error=sso_signature' });
      expect((await browser.get('/api/v1/auth/session')).status).toBe(401);
      expect((await lastFailure()).details).toMatchObject({ method: 'saml', code: 'sso_signature' });
    }
  });

  it('refuses an assertion for another audience', async () => {
    const { res } = await signInAs('alice', 'wrong_audience', '/');
    expect(location(res)).toBe('/sign-in?sso_error=sso_audience');
    expect((await lastFailure()).details.detail).toContain('someone-else.example');
  });

  it('refuses an expired assertion', async () => {
    const { res } = await signInAs('alice', 'expired', '/');
    expect(location(res)).toBe('/sign-in?sso_error=sso_expired');
    expect((await lastFailure()).details).toMatchObject({ reason: 'expired' });
  });

  it('refuses the same response posted twice', async () => {
    const form = await providerAnswer(t.client(acme.slug), 'alice', 'normal', '/groups');
    const first = await post(form);
    expect(location(first.res)).toBe('/groups');
    const second = await post(form);
    expect(location(second.res)).toBe('/sign-in?sso_error=sso_replay&next=%2Fgroups');
    expect((await second.browser.get('/api/v1/auth/session')).status).toBe(401);
    expect((await lastFailure()).details).toMatchObject({ reason: 'assertion_replayed', code: 'sso_replay' });
  });

  it('refuses a response to a request we never sent, one taken to another company, and a post without a response', async () => {
    const form = await providerAnswer(t.client(acme.slug), 'alice', 'normal', '/');
    // The response's InResponseTo (outside the signed assertion) names a request nobody sent.
    const xml = Buffer.from(form.SAMLResponse, 'base64').toString('utf8');
    const unsolicited = xml.replace(/(<samlp:Response[^>]*?InResponseTo=")[^"]+"/, '$1_never-sent-0000"');
    expect(unsolicited).not.toBe(xml);
    const forged = await post({ ...form, SAMLResponse: Buffer.from(unsolicited).toString('base64') });
    expect(location(forged.res)).toBe('/sign-in?sso_error=sso_state');
    expect((await lastFailure()).details).toMatchObject({ reason: 'in_response_to' });
    const other = await signUpCompany(t);
    // The same answer taken to another company (which has no such request, nor SAML).
    const elsewhere = await t
      .client(other.slug)
      .call('POST', '/auth/sso/saml/acs', new URLSearchParams({ SAMLResponse: form.SAMLResponse }).toString(), {
        'content-type': 'application/x-www-form-urlencoded',
      });
    expect(location(elsewhere)).toBe('/sign-in?sso_error=sso_failed');
    const empty = await t.client(acme.slug).call('POST', '/auth/sso/saml/acs', 'RelayState=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(location(empty)).toBe('/sign-in?sso_error=sso_failed');
    const garbage = await t.client(acme.slug).call('POST', '/auth/sso/saml/acs', 'SAMLResponse=bm90IHhtbA%3D%3D', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(location(garbage)).toBe('/sign-in?sso_error=sso_failed');
  });

  it('without just-in-time creation an unknown person is refused; a deactivated person too', async () => {
    expect((await configure({ jit: false })).status).toBe(200);
    const unknown = await signInAs('nobody', 'normal', '/');
    expect(location(unknown.res)).toBe('/sign-in?sso_error=sso_unknown_person');
    expect(await lastFailure()).toMatchObject({
      actor: { kind: 'anonymous', label: email('nobody') },
      details: { reason: 'unknown_person' },
    });

    const erin = await addPerson(t, acme, { name: 'Erin Existing', email: email('erin') });
    idp.accounts.set('erin', { nameId: 'erin-0001', email: email('erin') });
    const linked = await signInAs('erin', 'normal', '/');
    expect((await linked.browser.get('/api/v1/auth/session')).body.person.id).toBe(erin.personId);
    expect((await acme.owner.post(`/api/v1/admin/people/${erin.personId}/deactivate`)).status).toBe(200);
    const refused = await signInAs('erin', 'normal', '/');
    expect(location(refused.res)).toBe('/sign-in?sso_error=sso_deactivated');
    expect((await refused.browser.get('/api/v1/auth/session')).status).toBe(401);
  });
});
