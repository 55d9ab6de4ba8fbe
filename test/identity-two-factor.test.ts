import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

/** What an authenticator app shows for `secret`, `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

describe.each(DIALECTS)('two-step verification on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000', SIGNIN_LIMIT_PER_ACCOUNT: '5' } });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Sets up an authenticator for `c` through the Security page's API; returns its secret and recovery codes. */
  const enroll = async (c: Client) => {
    const setup = await c.post('/api/v1/me/two-factor/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qrSvg).toContain('<svg');
    expectProblem(await c.post('/api/v1/me/two-factor/confirm', { code: '000000' }), 400, 'code_invalid', 'code');
    const confirm = await c.post('/api/v1/me/two-factor/confirm', { code: codeAt(setup.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    return { secret: setup.body.secret as string, recovery: confirm.body.recoveryCodes as string[] };
  };
  const startSignIn = async (email: string, c = t.client(acme.slug)) => {
    const res = await c.post('/api/v1/auth/sign-in', { login: email, password: PASSWORD });
    return { c, res };
  };

  it('/me/two-factor: 401 without a session; setup, confirm, status', async () => {
    expectProblem(await t.client(acme.slug).get('/api/v1/me/two-factor'), 401, 'unauthenticated');
    expectProblem(await t.client(acme.slug).post('/api/v1/me/two-factor/setup'), 401, 'unauthenticated');
    const pat = await addPerson(t, acme, { name: 'Pat' });
    expect((await pat.get('/api/v1/me/two-factor')).body).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
      rememberedDevices: 0,
    });
    expectProblem(await pat.post('/api/v1/me/two-factor/confirm', { code: '12' }), 400, 'code_invalid', 'code');
    await enroll(pat);
    expect((await pat.get('/api/v1/me/two-factor')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expectProblem(await pat.post('/api/v1/me/two-factor/setup'), 409, 'totp_already_set_up');
  });

  it('sign-in asks for the code; a wrong one is refused, a right one once only, a recovery code once only', async () => {
    const pat = await addPerson(t, acme, { name: 'Pat Two' });
    const { secret, recovery } = await enroll(pat);

    const { c, res } = await startSignIn(pat.email);
    expect(res.status).toBe(202);
    expect(res.body.step).toBe('totp');
    expect(c.cookie).toBeNull();
    expectProblem(
      await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge, code: '000000' }),
      400,
      'code_invalid',
      'code',
    );
    expectProblem(
      await c.post('/api/v1/auth/sign-in/totp', { challenge: 'nope-nope-nope', code: '000000' }),
      400,
      'challenge_invalid',
      'challenge',
    );
    expectProblem(await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge }), 400, 'invalid_input', 'code');
    // The code of the next time step (the confirm above spent this one).
    const code = codeAt(secret, 1);
    const ok = await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge, code });
    expect(ok.status).toBe(200);
    expect(ok.body.person.id).toBe(pat.personId);
    expect((await c.get('/api/v1/me')).status).toBe(200);

    // The same code, seen over a shoulder, does not work a second time.
    const again = await startSignIn(pat.email);
    expectProblem(await again.c.post('/api/v1/auth/sign-in/totp', { challenge: again.res.body.challenge, code }), 400, 'code_invalid');
    const viaRecovery = await again.c.post('/api/v1/auth/sign-in/totp', {
      challenge: again.res.body.challenge,
      recoveryCode: recovery[0]?.toUpperCase(),
    });
    expect(viaRecovery.status).toBe(200);
    const third = await startSignIn(pat.email);
    expectProblem(
      await third.c.post('/api/v1/auth/sign-in/totp', { challenge: third.res.body.challenge, recoveryCode: recovery[0] }),
      400,
      'code_invalid',
      'recoveryCode',
    );
    expect((await pat.get('/api/v1/me/two-factor')).body.recoveryCodesLeft).toBe(9);
  });

  it('a remembered device skips the code until the devices are forgotten', async () => {
    const pat = await addPerson(t, acme, { name: 'Pat Three' });
    const { secret } = await enroll(pat);
    const { c, res } = await startSignIn(pat.email);
    const ok = await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge, code: codeAt(secret, 1), rememberDevice: true });
    expect(ok.status).toBe(200);
    expect(c.cookie).toContain('cp_device=');
    await c.post('/api/v1/auth/sign-out');
    expect(c.cookie).toContain('cp_device=');
    const skipped = await startSignIn(pat.email, c);
    expect(skipped.res.status).toBe(200);
    // Another browser still needs the code.
    expect((await startSignIn(pat.email)).res.status).toBe(202);
    expect((await c.delete('/api/v1/me/remembered-devices')).status).toBe(204);
    await c.post('/api/v1/auth/sign-out');
    expect((await startSignIn(pat.email, c)).res.status).toBe(202);
  });

  it('guessing codes is rate limited (429), per person', async () => {
    const pat = await addPerson(t, acme, { name: 'Pat Four' });
    const { secret } = await enroll(pat);
    const { c, res } = await startSignIn(pat.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge, code: String(100000 + i) })).status);
    }
    // Five wrong codes in all: one while setting up (enroll), four here.
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    // Even the right code waits now.
    expectProblem(
      await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge, code: codeAt(secret, 1) }),
      429,
      'too_many_attempts',
    );
  });

  it('required for everyone: a person without an authenticator sets one up while signing in', async () => {
    const sam = await addPerson(t, acme, { name: 'Sam Setup' });
    const policy = await acme.owner.patch('/api/v1/admin/identity-settings', { twoFactor: 'everyone' });
    expect(policy.status).toBe(200);
    try {
      const { c, res } = await startSignIn(sam.email);
      expect(res.status).toBe(202);
      expect(res.body.step).toBe('totp_setup');
      const setup = await c.post('/api/v1/auth/sign-in/totp-setup', { challenge: res.body.challenge });
      expect(setup.status).toBe(200);
      const done = await c.post('/api/v1/auth/sign-in/totp', { challenge: res.body.challenge, code: codeAt(setup.body.secret) });
      expect(done.status).toBe(200);
      expect(done.body.recoveryCodes).toHaveLength(10);
      expect(done.body.person.id).toBe(sam.personId);
      // Required: it cannot be turned off by its owner.
      expectProblem(await c.post('/api/v1/me/two-factor/disable', { code: codeAt(setup.body.secret, 1) }), 409, 'two_factor_required');
      // An admin can reset it for someone who lost their phone; they set it up again next time.
      expectProblem(await sam.post(`/api/v1/admin/people/${sam.personId}/two-factor/reset`), 403, 'forbidden');
      expectProblem(await acme.owner.post(`/api/v1/admin/people/${NEVER_USED_ID}/two-factor/reset`), 404, 'not_found');
      expect((await acme.owner.post(`/api/v1/admin/people/${sam.personId}/two-factor/reset`)).status).toBe(204);
      expectProblem(await acme.owner.post(`/api/v1/admin/people/${sam.personId}/two-factor/reset`), 409, 'two_factor_not_set_up');
      expect((await startSignIn(sam.email)).res.body.step).toBe('totp_setup');
      const audit = await acme.owner.get(`/api/v1/admin/audit-log?action=two_factor&actorId=${acme.owner.session?.person.id}`);
      expect(audit.body.items[0]).toMatchObject({ action: 'two_factor.reset', target: { id: sam.personId } });
    } finally {
      await acme.owner.patch('/api/v1/admin/identity-settings', { twoFactor: 'optional' });
    }
  });

  it('a password reset link does not skip the second factor', async () => {
    const pat = await addPerson(t, acme, { name: 'Pat Reset' });
    await enroll(pat);
    const browser = t.client(acme.slug);
    expect((await browser.post('/api/v1/auth/password-reset', { email: pat.email })).status).toBe(202);
    const mail = await t.waitForMail((m) => m.to === pat.email && m.subject.includes('Reset'));
    const token = new URL(mail.actionUrl ?? '').searchParams.get('token');
    const done = await browser.post('/api/v1/auth/password-reset/complete', { token, password: 'a brand new password' });
    expect(done.status).toBe(202);
    expect(done.body.step).toBe('totp');
    expect(browser.cookie).toBeNull();
    // The old sessions ended all the same.
    expectProblem(await pat.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('turning it off needs a current code', async () => {
    const pat = await addPerson(t, acme, { name: 'Pat Five' });
    const { secret } = await enroll(pat);
    expectProblem(await pat.post('/api/v1/me/two-factor/disable', { code: '000000' }), 400, 'code_invalid', 'code');
    expect((await pat.post('/api/v1/me/two-factor/disable', { code: codeAt(secret, 1) })).status).toBe(204);
    expect((await startSignIn(pat.email)).res.status).toBe(200);
  });
});
