import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, uniqueSlug, type Company } from './support/factories.js';
import { expectProblem, multipart, tokenOf, withCookieOn } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

/** A 404 for another company's id must read exactly like one for an id that never existed. */
function expectSameNotFound(foreign: Res, never: Res): void {
  expectProblem(foreign, 404, never.body.code);
  expect(foreign.body.detail).toBe(never.body.detail);
}

describe.each(DIALECTS)('tenancy on %s', (dialect) => {
  let t: TestServer;
  let a: Company;
  let b: Company;
  let aMember: Client & { personId: string; email: string };
  let bAdmin: Client & { personId: string; email: string };
  let ids: { person: string; session: string; invite: string; file: string; inviteToken: string };

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    [a, b] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    aMember = await addPerson(t, a, { name: 'Alice of A' });
    bAdmin = await addPerson(t, b, { name: 'Bob of B', role: 'admin' });
    const { body, headers } = multipart(
      'photo',
      'a.png',
      'image/png',
      await sharp({ create: { width: 40, height: 40, channels: 3, background: '#00aa00' } })
        .png()
        .toBuffer(),
    );
    const photo = await aMember.call('PUT', '/api/v1/me/photo', body, headers);
    const link = await a.owner.post('/api/v1/admin/invite-links', { maxUses: 3 });
    const sessions = await aMember.get('/api/v1/me/sessions');
    ids = {
      person: aMember.personId,
      session: sessions.body.items[0].id,
      invite: link.body.invite.id,
      file: (photo.body.photoUrl as string).split('/').pop() ?? '',
      inviteToken: tokenOf(link.body.url),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a session of company A sent to company B's host is no session at all", async () => {
    const onB = withCookieOn(a.owner, t.client(b.slug));
    expectProblem(await onB.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await onB.get('/api/v1/auth/session'), 401, 'unauthenticated');
    expectProblem(await onB.get('/api/v1/admin/people'), 401, 'unauthenticated');
    expectProblem(await onB.patch('/api/v1/me', { title: 'Crossed over' }), 401, 'unauthenticated');
    expectProblem(await onB.post('/api/v1/admin/invite-links', {}), 401, 'unauthenticated');
    expectProblem(await onB.post(`/api/v1/admin/people/${bAdmin.personId}/deactivate`), 401, 'unauthenticated');
    expect((await b.owner.get(`/api/v1/people/${bAdmin.personId}`)).body.status).toBe('active');
    // And it still works at home.
    expect((await a.owner.get('/api/v1/me')).body.title).toBeNull();
  });

  it("every admin endpoint answers 404 for A's ids on B, exactly as for ids that never existed", async () => {
    for (const admin of [b.owner, bAdmin]) {
      const cases: Array<[string, string, unknown?]> = [
        ['PATCH', `/api/v1/admin/people/{id}`, { role: 'admin' }],
        ['POST', `/api/v1/admin/people/{id}/deactivate`],
        ['POST', `/api/v1/admin/people/{id}/reactivate`],
        ['GET', `/api/v1/people/{id}`],
      ];
      for (const [method, path, body] of cases) {
        expectSameNotFound(
          await admin.call(method, path.replace('{id}', ids.person), body),
          await admin.call(method, path.replace('{id}', NEVER_USED_ID), body),
        );
      }
      expectSameNotFound(
        await admin.delete(`/api/v1/admin/invites/${ids.invite}`),
        await admin.delete(`/api/v1/admin/invites/${NEVER_USED_ID}`),
      );
      expectSameNotFound(await admin.get(`/api/v1/files/${ids.file}`), await admin.get(`/api/v1/files/${NEVER_USED_ID}`));
      expectSameNotFound(
        await admin.delete(`/api/v1/me/sessions/${ids.session}`),
        await admin.delete(`/api/v1/me/sessions/${NEVER_USED_ID}`),
      );
    }
    // Nothing happened to A's person, session, invite or file.
    expect((await aMember.get('/api/v1/me')).body).toMatchObject({ role: 'member', status: 'active' });
    expect(
      (await a.owner.get('/api/v1/admin/invites?kind=link')).body.items.find((i: { id: string }) => i.id === ids.invite),
    ).toMatchObject({ status: 'active' });
    expect((await a.owner.get(`/api/v1/files/${ids.file}`)).status).toBe(200);
  });

  it("B's lists never include A's people or invitations", async () => {
    const people = await b.owner.get(`/api/v1/admin/people?q=${encodeURIComponent(aMember.email)}`);
    expect(people.body.items).toEqual([]);
    const everyone = await b.owner.get('/api/v1/admin/people?limit=100');
    expect(everyone.body.items.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Bob of B', 'Olivia Owner']);
    const invites = await b.owner.get('/api/v1/admin/invites?limit=100');
    expect(invites.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.invite);
  });

  it("A's invite link, reset link and credentials do nothing on B", async () => {
    expectProblem(await t.client(b.slug).get(`/api/v1/invites/${ids.inviteToken}`), 404, 'invite_invalid');
    expectProblem(
      await t
        .client(b.slug)
        .post(`/api/v1/invites/${ids.inviteToken}/accept`, { displayName: 'Sneaky', email: `sneaky@${b.slug}.test`, password: PASSWORD }),
      404,
      'invite_invalid',
    );
    expect((await t.client(a.slug).get(`/api/v1/invites/${ids.inviteToken}`)).body.org.slug).toBe(a.slug);

    expect((await t.client(a.slug).post('/api/v1/auth/password-reset', { email: aMember.email })).status).toBe(202);
    const mail = await t.waitForMail((m) => m.to === aMember.email);
    const token = tokenOf(mail.actionUrl ?? '');
    expectProblem(
      await t.client(b.slug).post('/api/v1/auth/password-reset/complete', { token, password: 'taken over on B' }),
      400,
      'reset_link_invalid',
      'token',
    );
    // B's attempt did not spend it: it still works on A.
    expect((await t.client(a.slug).post('/api/v1/auth/password-reset/complete', { token, password: PASSWORD })).status).toBe(200);

    expectProblem(
      await t.client(b.slug).post('/api/v1/auth/sign-in', { email: aMember.email, password: PASSWORD }),
      401,
      'invalid_credentials',
      'password',
    );
    // Asking B for a reset of A's address mails nothing (B has no such person).
    expect((await t.client(b.slug).post('/api/v1/auth/password-reset', { email: aMember.email })).status).toBe(202);
    expect((await t.client(b.slug).post('/api/v1/auth/password-reset', { email: bAdmin.email })).status).toBe(202);
    await t.waitForMail((m) => m.to === bAdmin.email);
    expect((await t.mails()).filter((m) => m.to === aMember.email)).toHaveLength(1);
  });

  it("a sign-up's hand-off link signs in only on its own company's host", async () => {
    const slug = uniqueSlug('hop');
    const res = await t
      .root()
      .post('/api/v1/orgs', { companyName: 'Hop Co', slug, ownerName: 'Hopper', email: `h@${slug}.test`, password: PASSWORD });
    const url = new URL(res.body.continueUrl);
    // Nor is it a password reset token.
    expectProblem(
      await t
        .client(slug)
        .post('/api/v1/auth/password-reset/complete', { token: url.searchParams.get('token'), password: 'hijacked password' }),
      400,
      'reset_link_invalid',
      'token',
    );
    const elsewhere = t.client(b.slug);
    expectProblem(await elsewhere.get(`${url.pathname}${url.search}`), 400, 'handoff_invalid');
    expect(elsewhere.cookie).toBeNull();
    const home = t.client(slug);
    expect((await home.get(`${url.pathname}${url.search}`)).status).toBe(303);
    expect((await home.get('/api/v1/me')).body.displayName).toBe('Hopper');
    // Once only.
    expectProblem(await t.client(slug).get(`${url.pathname}${url.search}`), 400, 'handoff_invalid');
  });

  it('who sees whom: role × target matrix for GET /people/:id', async () => {
    const co = await signUpCompany(t);
    const admin = await addPerson(t, co, { name: 'Matrix Admin', role: 'admin' });
    const member = await addPerson(t, co, { name: 'Matrix Member' });
    const guest = await addPerson(t, co, { name: 'Matrix Guest', role: 'guest' });
    const active = await addPerson(t, co, { name: 'Active Target' });
    const gone = await addPerson(t, co, { name: 'Gone Target' });
    expect((await co.owner.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
    const viewers: Array<[string, Client, { active: number; gone: number; self?: [string, number] }]> = [
      ['owner', co.owner, { active: 200, gone: 200 }],
      ['admin', admin, { active: 200, gone: 200 }],
      ['member', member, { active: 200, gone: 404, self: [member.personId, 200] }],
      ['guest', guest, { active: 404, gone: 404, self: [guest.personId, 200] }],
      ['other company', b.owner, { active: 404, gone: 404 }],
      ['deactivated', gone, { active: 401, gone: 401 }],
    ];
    const seen: Record<string, number[]> = {};
    const expected: Record<string, number[]> = {};
    for (const [name, viewer, want] of viewers) {
      const got = [
        (await viewer.get(`/api/v1/people/${active.personId}`)).status,
        (await viewer.get(`/api/v1/people/${gone.personId}`)).status,
      ];
      if (want.self) got.push((await viewer.get(`/api/v1/people/${want.self[0]}`)).status);
      seen[name] = got;
      expected[name] = want.self ? [want.active, want.gone, want.self[1]] : [want.active, want.gone];
    }
    expect(seen).toEqual(expected);
  });
});
