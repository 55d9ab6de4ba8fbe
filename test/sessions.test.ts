import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, problemFields, signIn, tokenOf } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEW_PASSWORD = 'a brand new passphrase';
const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('sessions and passwords on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const signInAs = (email: string, password = PASSWORD, agent = 'test-browser') =>
    signIn(t, acme.slug, email, password, { 'user-agent': agent });
  const signInStatus = async (email: string, password: string) =>
    (await t.client(acme.slug).post('/api/v1/auth/sign-in', { email, password })).status;

  describe('my sessions', () => {
    it('GET /me/sessions: 401 without a session; 400 on bad paging; lists mine newest first with the current one flagged', async () => {
      expectProblem(await t.client(acme.slug).get('/api/v1/me/sessions'), 401, 'unauthenticated');
      const p = await addPerson(t, acme);
      const phone = await signInAs(p.email, PASSWORD, 'Phone/1.0');
      const laptop = await signInAs(p.email, PASSWORD, 'Laptop/2.0');
      expectProblem(await laptop.get('/api/v1/me/sessions?limit=0'), 400, 'invalid_input', 'limit');
      expectProblem(await laptop.get('/api/v1/me/sessions?limit=abc'), 400, 'invalid_input', 'limit');
      expectProblem(await laptop.get('/api/v1/me/sessions?cursor=garbage'), 400, 'invalid_input', 'cursor');
      expectProblem(await laptop.get('/api/v1/me/sessions?all=1'), 400, 'invalid_input', 'all');
      const list = await laptop.get('/api/v1/me/sessions');
      expect(list.status).toBe(200);
      // The invite acceptance signed p in too: three sessions, the owner's are not listed.
      expect(list.body.items.map((s: { userAgent: string | null }) => s.userAgent)).toEqual(['Laptop/2.0', 'Phone/1.0', null]);
      expect(list.body.items.map((s: { current: boolean }) => s.current)).toEqual([true, false, false]);
      expect(list.body.items[0]).toMatchObject({ ip: '127.0.0.1' });
      expect(list.body.nextCursor).toBeNull();
      const fromPhone = await phone.get('/api/v1/me/sessions');
      expect(fromPhone.body.items.map((s: { current: boolean }) => s.current)).toEqual([false, true, false]);
      // Pages of one walk all three exactly once.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const pageRes: Res = await laptop.get(`/api/v1/me/sessions?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(pageRes.status).toBe(200);
        seen.push(...pageRes.body.items.map((s: { id: string }) => s.id));
        cursor = pageRes.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(list.body.items.map((s: { id: string }) => s.id));
    });

    it('DELETE /me/sessions/:id: 401, 400, 404 for unknown or someone else’s session; signs out one device at once', async () => {
      const p = await addPerson(t, acme);
      const phone = await signInAs(p.email, PASSWORD, 'Phone');
      const laptop = await signInAs(p.email, PASSWORD, 'Laptop');
      const sessions = (await laptop.get('/api/v1/me/sessions')).body.items as Array<{ id: string; userAgent: string; current: boolean }>;
      const phoneSession = sessions.find((s) => s.userAgent === 'Phone');
      expect(phoneSession).toBeDefined();
      const path = `/api/v1/me/sessions/${phoneSession?.id}`;
      expectProblem(await t.client(acme.slug).delete(path), 401, 'unauthenticated');
      expectProblem(await laptop.delete('/api/v1/me/sessions/not-an-id'), 400, 'invalid_input', 'id');
      expectProblem(await laptop.delete(`/api/v1/me/sessions/${NEVER_USED_ID}`), 404, 'not_found');
      // Someone else, even the owner, cannot end p's session through this endpoint.
      expectProblem(await acme.owner.delete(path), 404, 'not_found');
      expect((await phone.get('/api/v1/me')).status).toBe(200);

      expect((await laptop.delete(path)).status).toBe(204);
      expectProblem(await phone.get('/api/v1/me'), 401, 'unauthenticated');
      expect((await laptop.get('/api/v1/me')).status).toBe(200);
      // Already gone: a second delete finds nothing.
      expectProblem(await laptop.delete(path), 404, 'not_found');
      const after = (await laptop.get('/api/v1/me/sessions')).body.items as Array<{ id: string }>;
      expect(after.map((s) => s.id)).not.toContain(phoneSession?.id);
    });

    it('deleting the current session signs this browser out', async () => {
      const p = await addPerson(t, acme);
      const current = (await p.get('/api/v1/me/sessions')).body.items.find((s: { current: boolean }) => s.current) as { id: string };
      const res = await p.delete(`/api/v1/me/sessions/${current.id}`);
      expect(res.status).toBe(204);
      expect(p.cookie).toBeNull();
      expectProblem(await p.get('/api/v1/me'), 401, 'unauthenticated');
    });

    it('POST /me/sessions/revoke-others: 401 without a session; ends every other session at once', async () => {
      expectProblem(await t.client(acme.slug).post('/api/v1/me/sessions/revoke-others'), 401, 'unauthenticated');
      const p = await addPerson(t, acme);
      const others = [p, await signInAs(p.email), await signInAs(p.email)];
      const keeper = await signInAs(p.email);
      const bystander = await addPerson(t, acme);
      // Warm the others' sessions so a cache could not excuse a late revocation.
      for (const o of others) expect((await o.get('/api/v1/me')).status).toBe(200);
      const res = await keeper.post('/api/v1/me/sessions/revoke-others');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ revoked: 3 });
      for (const o of others) expectProblem(await o.get('/api/v1/me'), 401, 'unauthenticated');
      expect((await keeper.get('/api/v1/me')).status).toBe(200);
      expect((await bystander.get('/api/v1/me')).status).toBe(200);
      expect((await keeper.get('/api/v1/me/sessions')).body.items).toHaveLength(1);
      expect((await keeper.post('/api/v1/me/sessions/revoke-others')).body).toEqual({ revoked: 0 });
    });
  });

  describe('changing my password', () => {
    it('PUT /me/password: 401, 400 naming the field, wrong current password; then ends the other sessions', async () => {
      expectProblem(
        await t.client(acme.slug).put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        401,
        'unauthenticated',
      );
      const p = await addPerson(t, acme);
      const other = await signInAs(p.email);
      expect((await other.get('/api/v1/me')).status).toBe(200);
      const empty = await p.put('/api/v1/me/password', {});
      expectProblem(empty, 400, 'invalid_input');
      expect(problemFields(empty)).toEqual(['currentPassword', 'newPassword']);
      expectProblem(
        await p.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' }),
        400,
        'invalid_input',
        'newPassword',
      );
      expectProblem(
        await p.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'x'.repeat(257) }),
        400,
        'invalid_input',
        'newPassword',
      );
      expectProblem(
        await p.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, force: true }),
        400,
        'invalid_input',
        'force',
      );
      expectProblem(
        await p.put('/api/v1/me/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD }),
        400,
        'invalid_input',
        'currentPassword',
      );
      expect(await signInStatus(p.email, PASSWORD)).toBe(200);

      expect((await p.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
      expect((await p.get('/api/v1/me')).status).toBe(200);
      expectProblem(await other.get('/api/v1/me'), 401, 'unauthenticated');
      expect(await signInStatus(p.email, PASSWORD)).toBe(401);
      expect(await signInStatus(p.email, NEW_PASSWORD)).toBe(200);
    });
  });

  describe('password reset by e-mail', () => {
    const request = (email: string) => t.client(acme.slug).post('/api/v1/auth/password-reset', { email });
    const complete = (token: string, password = NEW_PASSWORD) =>
      t.client(acme.slug).post('/api/v1/auth/password-reset/complete', { token, password });

    it('POST /auth/password-reset: 400 naming the field; 404 off a company; 202 for known and unknown addresses, mail only to the known one', async () => {
      expectProblem(await t.client(acme.slug).post('/api/v1/auth/password-reset', {}), 400, 'invalid_input', 'email');
      expectProblem(await request('nope'), 400, 'invalid_input', 'email');
      expectProblem(
        await t.client(acme.slug).post('/api/v1/auth/password-reset', { email: 'a@b.test', extra: 1 }),
        400,
        'invalid_input',
        'extra',
      );
      expectProblem(await t.client('no-company-by-that-name').post('/api/v1/auth/password-reset', { email: 'a@b.test' }), 404, 'not_found');
      const p = await addPerson(t, acme);
      const unknown = await request(`ghost-${p.email}`);
      expect(unknown.status).toBe(202);
      const known = await request(p.email);
      expect(known.status).toBe(202);
      // Nothing in the answer tells the two apart.
      expect(unknown.body).toEqual(known.body);
      expect(unknown.headers['content-type']).toEqual(known.headers['content-type']);
      const mail = await t.waitForMail((m) => m.to === p.email);
      expect(mail.subject).toBe(`Reset your Company ${acme.slug} password`);
      expect(mail.actionUrl).toMatch(new RegExp(`^http://${acme.slug}\\.localhost:${t.port}/reset-password\\?token=[\\w-]{40,}$`));
      expect(mail.text).toContain(mail.actionUrl);
      // The unknown address was asked first; had it produced a mail, the worker would have written it already.
      expect((await t.mails()).filter((m) => m.to === `ghost-${p.email}`)).toEqual([]);
    });

    it('completes the reset with the mailed token: signed in, old password dead, other sessions ended, token single-use', async () => {
      const p = await addPerson(t, acme);
      const elsewhere = await signInAs(p.email);
      expect((await request(p.email)).status).toBe(202);
      const mail = await t.waitForMail((m) => m.to === p.email && m.subject.startsWith('Reset'));
      const token = tokenOf(mail.actionUrl ?? '');

      expectProblem(await complete(token, 'short'), 400, 'invalid_input', 'password');
      expectProblem(await t.client(acme.slug).post('/api/v1/auth/password-reset/complete', { token }), 400, 'invalid_input', 'password');
      expectProblem(await complete('x'), 400, 'invalid_input', 'token');
      expectProblem(await complete('this-token-was-never-issued-by-anyone'), 400, 'reset_link_invalid', 'token');

      const browser = t.client(acme.slug);
      const done = await browser.post('/api/v1/auth/password-reset/complete', { token, password: NEW_PASSWORD });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ person: { id: p.personId, email: p.email }, org: { slug: acme.slug } });
      expect((await browser.get('/api/v1/me')).body.id).toBe(p.personId);
      expectProblem(await elsewhere.get('/api/v1/me'), 401, 'unauthenticated');
      expectProblem(await p.get('/api/v1/me'), 401, 'unauthenticated');
      expect(await signInStatus(p.email, PASSWORD)).toBe(401);
      expect(await signInStatus(p.email, NEW_PASSWORD)).toBe(200);

      const again = await complete(token, 'yet another passphrase');
      expectProblem(again, 400, 'reset_link_invalid', 'token');
      expect(await signInStatus(p.email, 'yet another passphrase')).toBe(401);
    });

    it('a token used twice at the same instant sets one password', async () => {
      const p = await addPerson(t, acme);
      expect((await request(p.email)).status).toBe(202);
      const mail = await t.waitForMail((m) => m.to === p.email && m.subject.startsWith('Reset'));
      const token = tokenOf(mail.actionUrl ?? '');
      const results = await Promise.all(['first racing passphrase', 'second racing passphrase'].map((pw) => complete(token, pw)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      const winner = results[0]?.status === 200 ? 'first racing passphrase' : 'second racing passphrase';
      const loser = winner.startsWith('first') ? 'second racing passphrase' : 'first racing passphrase';
      expect(await signInStatus(p.email, winner)).toBe(200);
      expect(await signInStatus(p.email, loser)).toBe(401);
    });

    it('refuses an expired reset token', async () => {
      const p = await addPerson(t, acme);
      expect((await request(p.email)).status).toBe(202);
      const mail = await t.waitForMail((m) => m.to === p.email && m.subject.startsWith('Reset'));
      // Set-up only: move the link's expiry into the past instead of waiting an hour.
      await t.server.ctx.db
        .updateTable('one_time_tokens')
        .set({ expires_at: Date.now() - 1000 })
        .where('person_id', '=', p.personId)
        .where('purpose', '=', 'password_reset')
        .execute();
      expectProblem(await complete(tokenOf(mail.actionUrl ?? '')), 400, 'reset_link_invalid', 'token');
      expect(await signInStatus(p.email, NEW_PASSWORD)).toBe(401);
      expect(await signInStatus(p.email, PASSWORD)).toBe(200);
    });

    it('sends nothing to a deactivated person, and a link mailed before deactivation no longer works', async () => {
      const p = await addPerson(t, acme);
      expect((await request(p.email)).status).toBe(202);
      const mail = await t.waitForMail((m) => m.to === p.email && m.subject.startsWith('Reset'));
      expect((await acme.owner.post(`/api/v1/admin/people/${p.personId}/deactivate`)).status).toBe(200);
      const res = await complete(tokenOf(mail.actionUrl ?? ''));
      expectProblem(res, 403, 'account_deactivated');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect((await request(p.email)).status).toBe(202);
      // A later request for someone active is written; none for the deactivated person appears.
      const q = await addPerson(t, acme);
      expect((await request(q.email)).status).toBe(202);
      await t.waitForMail((m) => m.to === q.email);
      expect((await t.mails()).filter((m) => m.to === p.email)).toHaveLength(1);
    });
  });
});
