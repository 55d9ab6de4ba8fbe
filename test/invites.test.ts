import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, problemFields, tokenOf, uniqueEmail } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
const UNKNOWN_TOKEN = 'this-token-was-never-issued-by-anyone';

interface Invite {
  id: string;
  kind: 'email' | 'link';
  email: string | null;
  role: string;
  maxUses: number;
  uses: number;
  status: string;
  revokedAt: string | null;
}

describe.each(DIALECTS)('invitations on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let member: Client;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    member = await addPerson(t, acme, { name: 'Mo Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const accept = (token: string, body: Record<string, unknown>, c = t.client(acme.slug)) => c.post(`/api/v1/invites/${token}/accept`, body);
  const newLink = async (body: Record<string, unknown>) => {
    const res = await acme.owner.post('/api/v1/admin/invite-links', body);
    expect(res.status).toBe(201);
    return { invite: res.body.invite as Invite, token: tokenOf(res.body.url as string) };
  };
  const listed = async (id: string): Promise<Invite | undefined> => {
    const all: Invite[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await acme.owner.get(`/api/v1/admin/invites?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...(res.body.items as Invite[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    return all.find((i) => i.id === id);
  };

  describe('admin endpoints: 401, 403 for members, 400 naming the field, 404', () => {
    it('POST /admin/invites', async () => {
      const body = { emails: [uniqueEmail(acme)] };
      expectProblem(await t.client(acme.slug).post('/api/v1/admin/invites', body), 401, 'unauthenticated');
      expectProblem(await member.post('/api/v1/admin/invites', body), 403, 'forbidden');
      expectProblem(await acme.owner.post('/api/v1/admin/invites', { emails: [] }), 400, 'invalid_input', 'emails');
      expectProblem(await acme.owner.post('/api/v1/admin/invites', { emails: 'a@b.test' }), 400, 'invalid_input', 'emails');
      expectProblem(await acme.owner.post('/api/v1/admin/invites', { emails: ['a@b.test', 'nope'] }), 400, 'invalid_input', 'emails.1');
      expectProblem(await acme.owner.post('/api/v1/admin/invites', { ...body, role: 'owner' }), 400, 'invalid_input', 'role');
      expectProblem(await acme.owner.post('/api/v1/admin/invites', { ...body, message: 'hi' }), 400, 'invalid_input', 'message');
      const tooMany = Array.from({ length: 101 }, (_, i) => `p${i}@${acme.slug}.test`);
      expectProblem(await acme.owner.post('/api/v1/admin/invites', { emails: tooMany }), 400, 'invalid_input', 'emails');
    });

    it('POST /admin/invite-links', async () => {
      expectProblem(await t.client(acme.slug).post('/api/v1/admin/invite-links', {}), 401, 'unauthenticated');
      expectProblem(await member.post('/api/v1/admin/invite-links', {}), 403, 'forbidden');
      expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { role: 'admin' }), 400, 'invalid_input', 'role');
      expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { maxUses: 0 }), 400, 'invalid_input', 'maxUses');
      expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { maxUses: '5' }), 400, 'invalid_input', 'maxUses');
      expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { maxUses: 1.5 }), 400, 'invalid_input', 'maxUses');
      expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { expiresInDays: 91 }), 400, 'invalid_input', 'expiresInDays');
      expectProblem(await acme.owner.post('/api/v1/admin/invite-links', { uses: 3 }), 400, 'invalid_input', 'uses');
      const res = await acme.owner.post('/api/v1/admin/invite-links', {});
      expect(res.status).toBe(201);
      expect(res.body.invite).toMatchObject({
        kind: 'link',
        email: null,
        role: 'member',
        maxUses: 50,
        uses: 0,
        status: 'active',
        revokedAt: null,
      });
      expect(res.body.url).toMatch(new RegExp(`^http://${acme.slug}\\.localhost:${t.port}/join/[\\w-]{40,}$`));
      const days = (Date.parse(res.body.invite.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
    });

    it('GET /admin/invites', async () => {
      expectProblem(await t.client(acme.slug).get('/api/v1/admin/invites'), 401, 'unauthenticated');
      expectProblem(await member.get('/api/v1/admin/invites'), 403, 'forbidden');
      expectProblem(await acme.owner.get('/api/v1/admin/invites?kind=sms'), 400, 'invalid_input', 'kind');
      expectProblem(await acme.owner.get('/api/v1/admin/invites?limit=101'), 400, 'invalid_input', 'limit');
      expectProblem(await acme.owner.get('/api/v1/admin/invites?cursor=WzFd'), 400, 'invalid_input', 'cursor');
      expectProblem(await acme.owner.get('/api/v1/admin/invites?status=active'), 400, 'invalid_input', 'status');
    });

    it('DELETE /admin/invites/:id', async () => {
      const { invite } = await newLink({});
      expectProblem(await t.client(acme.slug).delete(`/api/v1/admin/invites/${invite.id}`), 401, 'unauthenticated');
      expectProblem(await member.delete(`/api/v1/admin/invites/${invite.id}`), 403, 'forbidden');
      expectProblem(await acme.owner.delete('/api/v1/admin/invites/123'), 400, 'invalid_input', 'id');
      expectProblem(await acme.owner.delete(`/api/v1/admin/invites/${NEVER_USED_ID}`), 404, 'not_found');
      expect((await listed(invite.id))?.status).toBe('active');
    });
  });

  it('lists invitations newest first, by kind, and pages through all of them once', async () => {
    const other = await signUpCompany(t);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.unshift((await other.owner.post('/api/v1/admin/invite-links', { maxUses: i + 1 })).body.invite.id);
    const byMail = await other.owner.post('/api/v1/admin/invites', { emails: [`a@${other.slug}.test`, `b@${other.slug}.test`] });
    made.unshift(...(byMail.body.items as Invite[]).map((i) => i.id).reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await other.owner.get(`/api/v1/admin/invites?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as Invite[]).map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    const links = await other.owner.get('/api/v1/admin/invites?kind=link');
    expect((links.body.items as Invite[]).map((i) => i.maxUses)).toEqual([3, 2, 1]);
    const mails = await other.owner.get('/api/v1/admin/invites?kind=email');
    expect((mails.body.items as Invite[]).map((i) => i.email).sort()).toEqual([`a@${other.slug}.test`, `b@${other.slug}.test`]);
  });

  describe('by e-mail', () => {
    it('mails a join link; accepting makes a member with the invited address, once', async () => {
      const email = uniqueEmail(acme, 'new');
      // Written twice, differently: invited once.
      const res = await acme.owner.post('/api/v1/admin/invites', { emails: [email.toUpperCase(), ` ${email} `] });
      expect(res.status).toBe(201);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ kind: 'email', email, role: 'member', maxUses: 1, uses: 0, status: 'active' });
      const mail = await t.waitForMail((m) => m.to === email);
      expect(mail.subject).toBe(`Olivia Owner invited you to Company ${acme.slug} on Commonplace`);
      expect(mail.actionUrl).toMatch(new RegExp(`^http://${acme.slug}\\.localhost:${t.port}/join/[\\w-]{40,}$`));
      expect(mail.text).toContain(mail.actionUrl);
      const token = tokenOf(mail.actionUrl ?? '');

      const preview = await t.client(acme.slug).get(`/api/v1/invites/${token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        org: { id: acme.orgId, slug: acme.slug, name: `Company ${acme.slug}`, url: `http://${acme.slug}.localhost:${t.port}/` },
        email,
        role: 'member',
        invitedBy: 'Olivia Owner',
      });

      const joiner = t.client(acme.slug);
      // The address comes from the invitation; one sent along is ignored.
      const joined = await accept(
        token,
        { displayName: '  Nina New  ', password: PASSWORD, email: `someone-else@${acme.slug}.test`, locale: 'fr' },
        joiner,
      );
      expect(joined.status).toBe(201);
      expect(joined.body.person).toMatchObject({ displayName: 'Nina New', email, role: 'member', status: 'active', locale: 'fr' });
      expect(String(joined.headers['set-cookie'])).toMatch(/^cp_session=/);
      expect((await joiner.get('/api/v1/me')).body.email).toBe(email);
      expect((await t.client(acme.slug).post('/api/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);

      expectProblem(await accept(token, { displayName: 'Second Go', password: PASSWORD }), 404, 'invite_invalid');
      expectProblem(await t.client(acme.slug).get(`/api/v1/invites/${token}`), 404, 'invite_invalid');
      expect(await listed(res.body.items[0].id)).toMatchObject({ uses: 1, status: 'used' });
    });

    it('invites with the role asked for', async () => {
      const email = uniqueEmail(acme, 'adm');
      expect((await acme.owner.post('/api/v1/admin/invites', { emails: [email], role: 'admin' })).status).toBe(201);
      const mail = await t.waitForMail((m) => m.to === email);
      const joined = await accept(tokenOf(mail.actionUrl ?? ''), { displayName: 'Ada Admin', password: PASSWORD });
      expect(joined.body.person.role).toBe('admin');
    });

    it('skips addresses of people already in the company', async () => {
      const fresh = uniqueEmail(acme, 'fresh');
      const res = await acme.owner.post('/api/v1/admin/invites', {
        emails: [`owner@${acme.slug}.test`, fresh, `OWNER@${acme.slug.toUpperCase()}.TEST`],
      });
      expect(res.status).toBe(201);
      expect((res.body.items as Invite[]).map((i) => i.email)).toEqual([fresh]);
      const none = await acme.owner.post('/api/v1/admin/invites', { emails: [`owner@${acme.slug}.test`] });
      expect(none.status).toBe(201);
      expect(none.body.items).toEqual([]);
    });

    it('a revoked invitation answers invite_invalid', async () => {
      const email = uniqueEmail(acme, 'rev');
      const res = await acme.owner.post('/api/v1/admin/invites', { emails: [email] });
      const mail = await t.waitForMail((m) => m.to === email);
      const token = tokenOf(mail.actionUrl ?? '');
      expect((await acme.owner.delete(`/api/v1/admin/invites/${res.body.items[0].id}`)).status).toBe(204);
      expectProblem(await t.client(acme.slug).get(`/api/v1/invites/${token}`), 404, 'invite_invalid');
      expectProblem(await accept(token, { displayName: 'Too Late', password: PASSWORD }), 404, 'invite_invalid');
      expectProblem(await acme.owner.delete(`/api/v1/admin/invites/${res.body.items[0].id}`), 404, 'not_found');
      const row = await listed(res.body.items[0].id);
      expect(row?.status).toBe('revoked');
      expect(row?.revokedAt).not.toBeNull();
    });
  });

  describe('GET /invites/:token and POST /invites/:token/accept', () => {
    it('400 naming the field, 404 for tokens never issued and off a company host', async () => {
      const { token } = await newLink({ maxUses: 1 });
      expectProblem(await t.client(acme.slug).get('/api/v1/invites/short'), 400, 'invalid_input', 'token');
      expectProblem(await t.client(acme.slug).get(`/api/v1/invites/${UNKNOWN_TOKEN}`), 404, 'invite_invalid');
      expectProblem(await t.root().get(`/api/v1/invites/${token}`), 404, 'not_found');
      const empty = await accept(token, {});
      expectProblem(empty, 400, 'invalid_input');
      expect(problemFields(empty)).toEqual(['displayName', 'password']);
      expectProblem(await accept(token, { displayName: 'X', password: 'short', email: 'a@b.test' }), 400, 'invalid_input', 'password');
      expectProblem(
        await accept(token, { displayName: 'X', password: PASSWORD, email: 'a@b.test', role: 'owner' }),
        400,
        'invalid_input',
        'role',
      );
      expectProblem(
        await accept(token, { displayName: 'X', password: PASSWORD, email: 'a@b.test', locale: 'xx' }),
        400,
        'invalid_input',
        'locale',
      );
      expectProblem(await accept(UNKNOWN_TOKEN, { displayName: 'X', password: PASSWORD, email: 'a@b.test' }), 404, 'invite_invalid');
      expectProblem(await accept(token, { displayName: 'X', password: PASSWORD, email: 'a@b.test' }, t.root()), 404, 'not_found');
      // None of the refused attempts spent the link's only use.
      const ok = await accept(token, { displayName: 'Finally', password: PASSWORD, email: uniqueEmail(acme) });
      expect(ok.status).toBe(201);
    });
  });

  describe('invite links', () => {
    it('admits exactly maxUses people when many accept at the same instant', async () => {
      for (const maxUses of [1, 3]) {
        const { invite, token } = await newLink({ maxUses });
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            accept(token, { displayName: `Racer ${i}`, password: PASSWORD, email: uniqueEmail(acme, `race${maxUses}-${i}`) }),
          ),
        );
        expect(results.filter((r) => r.status === 201)).toHaveLength(maxUses);
        for (const r of results.filter((x) => x.status !== 201)) expectProblem(r, 404, 'invite_invalid');
        expect(await listed(invite.id)).toMatchObject({ uses: maxUses, status: 'used' });
        const names = (await acme.owner.get(`/api/v1/admin/people?q=racer&limit=100`)).body.items.map((p: { email: string }) => p.email);
        expect(names.filter((e: string) => e.startsWith(`race${maxUses}-`))).toHaveLength(maxUses);
      }
    });

    it('needs an e-mail; refuses one already in the company without spending a use', async () => {
      const { invite, token } = await newLink({ maxUses: 1 });
      expectProblem(await accept(token, { displayName: 'No Mail', password: PASSWORD }), 400, 'invalid_input', 'email');
      expectProblem(
        await accept(token, { displayName: 'Copycat', password: PASSWORD, email: `OWNER@${acme.slug}.test` }),
        409,
        'email_taken',
        'email',
      );
      expect(await listed(invite.id)).toMatchObject({ uses: 0, status: 'active' });
      const guest = await newLink({ role: 'guest' });
      const joined = await accept(guest.token, { displayName: 'Gus Guest', password: PASSWORD, email: uniqueEmail(acme, 'guest') });
      expect(joined.status).toBe(201);
      expect(joined.body.person.role).toBe('guest');
    });

    it('two people joining at once with the same e-mail: one gets in, the other 409, one use spent', async () => {
      const { invite, token } = await newLink({ maxUses: 5 });
      const email = uniqueEmail(acme, 'twin');
      const results = await Promise.all([1, 2].map((i) => accept(token, { displayName: `Twin ${i}`, password: PASSWORD, email })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(results.find((r) => r.status === 409) ?? results[0]!, 409, 'email_taken', 'email');
      expect(await listed(invite.id)).toMatchObject({ uses: 1, status: 'active' });
    });

    it('an expired link and a revoked link answer invite_invalid', async () => {
      const expired = await newLink({ maxUses: 5 });
      // Set-up only: move the expiry into the past.
      await t.server.ctx.db
        .updateTable('invites')
        .set({ expires_at: Date.now() - 1000 })
        .where('id', '=', expired.invite.id)
        .execute();
      expectProblem(await t.client(acme.slug).get(`/api/v1/invites/${expired.token}`), 404, 'invite_invalid');
      expectProblem(
        await accept(expired.token, { displayName: 'Late', password: PASSWORD, email: uniqueEmail(acme) }),
        404,
        'invite_invalid',
      );
      expect((await listed(expired.invite.id))?.status).toBe('expired');

      const revoked = await newLink({ maxUses: 5 });
      expect((await t.client(acme.slug).get(`/api/v1/invites/${revoked.token}`)).body).toMatchObject({
        email: null,
        role: 'member',
        invitedBy: 'Olivia Owner',
      });
      expect((await acme.owner.delete(`/api/v1/admin/invites/${revoked.invite.id}`)).status).toBe(204);
      expectProblem(await t.client(acme.slug).get(`/api/v1/invites/${revoked.token}`), 404, 'invite_invalid');
      expectProblem(
        await accept(revoked.token, { displayName: 'Late', password: PASSWORD, email: uniqueEmail(acme) }),
        404,
        'invite_invalid',
      );
    });
  });
});
