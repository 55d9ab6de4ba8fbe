import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, problemFields } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
const NEW_PASSWORD = 'my shop floor password';

interface Issued {
  personId: string;
  displayName: string;
  login: string;
  code: string;
  expiresAt: string;
  claimUrl: string;
}

describe.each(DIALECTS)('frontline access without e-mail on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let member: Client & { personId: string };

  beforeAll(async () => {
    t = await startTestServer({
      dialect,
      env: { SIGNIN_LIMIT_PER_IP: '10000', SIGNIN_LIMIT_PER_ACCOUNT: '5', TRUST_PROXY: 'true', REALTIME_HEARTBEAT_MS: '1000' },
    });
    acme = await signUpCompany(t);
    member = await addPerson(t, acme, { name: 'Mia Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  let n = 0;
  const addFrontline = async (extra: Record<string, unknown> = {}) => {
    n += 1;
    const res = await acme.owner.post('/api/v1/admin/people', {
      displayName: `Frida Floor ${n}`,
      username: `frida${n}-${dialect}`,
      employeeId: `E-${dialect}-${n}`,
      department: 'Store 12',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; displayName: string; email: string | null; employeeId: string };
  };
  const issue = async (personIds: string[]): Promise<Issued[]> => {
    const res = await acme.owner.post('/api/v1/admin/access-codes', { personIds });
    expect(res.status).toBe(201);
    return res.body.items as Issued[];
  };

  it('POST /admin/people: 401, 403 for members, 400 naming fields, 409 for a taken username, 201 without e-mail', async () => {
    expectProblem(await t.client(acme.slug).post('/api/v1/admin/people', { displayName: 'X', username: 'xx' }), 401, 'unauthenticated');
    expectProblem(await member.post('/api/v1/admin/people', { displayName: 'X', username: 'xx' }), 403, 'forbidden');
    const noHandle = await acme.owner.post('/api/v1/admin/people', { displayName: 'Nobody' });
    expectProblem(noHandle, 400, 'invalid_input');
    expect(problemFields(noHandle)).toEqual(['username']);
    expectProblem(
      await acme.owner.post('/api/v1/admin/people', { displayName: 'X', username: 'has space' }),
      400,
      'invalid_input',
      'username',
    );
    expectProblem(
      await acme.owner.post('/api/v1/admin/people', { displayName: 'X', username: 'ok', extra: 1 }),
      400,
      'invalid_input',
      'extra',
    );
    expectProblem(
      await acme.owner.post('/api/v1/admin/people', { displayName: 'X', username: 'xx', managerId: NEVER_USED_ID }),
      400,
      'invalid_input',
      'managerId',
    );
    const p = await addFrontline();
    expect(p).toMatchObject({ email: null, employeeId: `E-${dialect}-${n}` });
    const again = await acme.owner.post('/api/v1/admin/people', { displayName: 'Twin', username: `FRIDA${n}-${dialect}` });
    expectProblem(again, 409, 'username_taken', 'username');
  });

  it('a person with no e-mail claims a code, chooses a password, then signs in by username or employee id', async () => {
    const p = await addFrontline();
    const [issued] = await issue([p.id]);
    expect(issued?.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(issued?.claimUrl).toContain(`/claim#code=${issued?.code}`);
    expect(issued?.login).toBe(`frida${n}-${dialect}`);

    const phone = t.client(acme.slug);
    // Typed on a phone: lower case, no dashes, O for 0 — the same code.
    const typed = (issued?.code ?? '').toLowerCase().replace(/-/g, '').replace(/0/g, 'o');
    const check = await phone.post('/api/v1/auth/access-code/check', { code: typed });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ displayName: p.displayName, login: `frida${n}-${dialect}`, next: 'password' });

    expectProblem(await phone.post('/api/v1/auth/access-code/claim', { code: typed, password: 'short' }), 400, 'invalid_input', 'password');
    const claim = await phone.post('/api/v1/auth/access-code/claim', { code: typed, password: NEW_PASSWORD });
    expect(claim.status).toBe(200);
    expect(claim.body.person.id).toBe(p.id);
    const me = await phone.get('/api/v1/me');
    expect(me.status).toBe(200);
    const post = await phone.post('/api/v1/posts', { body: 'First post from the shop floor' });
    expect([200, 201]).toContain(post.status);

    // Single use.
    expectProblem(
      await t.client(acme.slug).post('/api/v1/auth/access-code/claim', { code: typed, password: NEW_PASSWORD }),
      400,
      'code_invalid',
      'code',
    );

    for (const login of [`frida${n}-${dialect}`, `  FRIDA${n}-${dialect} `, p.employeeId]) {
      const c = t.client(acme.slug);
      const res = await c.post('/api/v1/auth/sign-in', { login, password: NEW_PASSWORD });
      expect({ login, status: res.status }).toEqual({ login, status: 200 });
    }
  });

  it('refuses expired, revoked, replaced and other companies’ codes; audits issue, claim and failure', async () => {
    const p = await addFrontline();
    const [first] = await issue([p.id]);
    const [second] = await issue([p.id]);
    // Wrong codes count per address: this test's come from an address of its own.
    const claim = (code: string, host = acme.slug) =>
      t.client(host).post('/api/v1/auth/access-code/claim', { code, password: NEW_PASSWORD }, { 'x-forwarded-for': '198.51.100.3' });
    // A new code replaces the unused one.
    expectProblem(await claim(first?.code ?? ''), 400, 'code_invalid', 'code');

    const globex = await signUpCompany(t);
    expectProblem(await claim(second?.code ?? '', globex.slug), 400, 'code_invalid', 'code');

    const list = await acme.owner.get(`/api/v1/admin/access-codes?personId=${p.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { status: string }) => c.status)).toEqual(['active', 'revoked']);
    expect(JSON.stringify(list.body)).not.toContain(second?.code);
    const activeId = list.body.items[0].id as string;
    expectProblem(await globex.owner.delete(`/api/v1/admin/access-codes/${activeId}`), 404, 'not_found');
    expect((await acme.owner.delete(`/api/v1/admin/access-codes/${activeId}`)).status).toBe(204);
    expectProblem(await acme.owner.delete(`/api/v1/admin/access-codes/${activeId}`), 409, 'code_not_active');
    expectProblem(await claim(second?.code ?? ''), 400, 'code_invalid', 'code');

    const [third] = await issue([p.id]);
    // Expiry is checked against the clock: this code's end is moved into the past.
    await t.server.ctx.db
      .updateTable('access_codes')
      .set({ expires_at: Date.now() - 1 })
      .where('person_id', '=', p.id)
      .execute();
    expectProblem(await claim(third?.code ?? ''), 400, 'code_invalid', 'code');

    const audit = await acme.owner.get(`/api/v1/admin/audit-log?targetId=${p.id}&action=access_code`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'access_code.issued',
      'access_code.revoked',
      'access_code.issued',
      'access_code.issued',
    ]);
    const failures = await acme.owner.get('/api/v1/admin/audit-log?action=auth.sign_in_failed&limit=3');
    expect(failures.body.items[0].details).toMatchObject({ method: 'access_code', reason: 'code_invalid' });
  });

  it('two claims of one code at once: one gets in, the other is refused', async () => {
    const p = await addFrontline();
    const [issued] = await issue([p.id]);
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        t
          .client(acme.slug)
          .post('/api/v1/auth/access-code/claim', { code: issued?.code, password: NEW_PASSWORD }, { 'x-forwarded-for': '198.51.100.4' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  it('wrong codes are rate limited per address (429 with Retry-After), right ones from elsewhere still work', async () => {
    const p = await addFrontline();
    const [issued] = await issue([p.id]);
    const guesser = { 'x-forwarded-for': '203.0.113.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t
        .client(acme.slug)
        .post('/api/v1/auth/access-code/check', { code: `ZZZZ-ZZZZ-ZZ${String(i).padStart(2, '0')}` }, guesser);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right code from that address waits: a guesser cannot test a lucky hit.
    expect((await t.client(acme.slug).post('/api/v1/auth/access-code/check', { code: issued?.code }, guesser)).status).toBe(429);
  });

  it('issues codes only for active people of the company with a sign-in name; sheets only for real codes', async () => {
    expectProblem(await acme.owner.post('/api/v1/admin/access-codes', { personIds: [NEVER_USED_ID] }), 400, 'invalid_input', 'personIds.0');
    expectProblem(await acme.owner.post('/api/v1/admin/access-codes', { personIds: [] }), 400, 'invalid_input', 'personIds');
    expectProblem(await member.post('/api/v1/admin/access-codes', { personIds: [member.personId] }), 403, 'forbidden');
    const formula = await addFrontline({ displayName: "=cmd|' /C calc'!A0" });
    const plain = await addFrontline({ displayName: 'Zoë Ñúñez' });
    const codes = await issue([formula.id, plain.id]);

    const csv = await acme.owner.post('/api/v1/admin/access-codes/sheet', {
      format: 'csv',
      codes: codes.map((c) => ({ personId: c.personId, code: c.code })),
    });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.body).toContain("'=cmd|' /C calc'!A0");
    expect(csv.body).not.toMatch(/(^|,)=cmd/m);
    expect(csv.body).toContain('Zoë Ñúñez');
    for (const c of codes) expect(csv.body).toContain(c.code);

    const pdf = await acme.owner.call('POST', '/api/v1/admin/access-codes/sheet', {
      format: 'pdf',
      codes: codes.map((c) => ({ personId: c.personId, code: c.code })),
    });
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);

    const forged = await acme.owner.post('/api/v1/admin/access-codes/sheet', {
      format: 'csv',
      codes: [{ personId: plain.id, code: codes[0]?.code }],
    });
    expectProblem(forged, 400, 'invalid_input', 'codes.0.code');
  });

  it('working hours: frontline staff get a clear 403 outside them, on sign-in and on every call; others are not limited', async () => {
    const p = await addFrontline();
    const [issued] = await issue([p.id]);
    const phone = t.client(acme.slug);
    expect((await phone.post('/api/v1/auth/access-code/claim', { code: issued?.code, password: NEW_PASSWORD })).status).toBe(200);
    const socket = phone.realtime();
    await socket.opened;

    const today = new Date().getUTCDay();
    const otherDays = [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== today && d !== (today + 6) % 7);
    const closed = await acme.owner.patch('/api/v1/admin/identity-settings', {
      workingHours: { enabled: true, timeZone: 'UTC', days: otherDays, start: '00:00', end: '23:59' },
    });
    expect(closed.status).toBe(200);
    const refused = await phone.get('/api/v1/feed');
    expectProblem(refused, 403, 'outside_working_hours');
    expect(refused.body.detail).toContain('UTC');
    expect((await phone.get('/api/v1/auth/session')).status).toBe(200);
    expectProblem(
      await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: p.employeeId, password: NEW_PASSWORD }),
      403,
      'outside_working_hours',
    );
    expect((await member.get('/api/v1/feed')).status).toBe(200);

    const open = await acme.owner.patch('/api/v1/admin/identity-settings', {
      workingHours: { enabled: true, timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' },
    });
    expect(open.status).toBe(200);
    expect((await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: p.employeeId, password: NEW_PASSWORD })).status).toBe(200);
    expect(
      (await acme.owner.patch('/api/v1/admin/identity-settings', { workingHours: { ...open.body.workingHours, enabled: false } })).status,
    ).toBe(200);
  });

  it('identity settings: 401, 403, 400 naming the field, audited changes', async () => {
    expectProblem(await t.client(acme.slug).get('/api/v1/admin/identity-settings'), 401, 'unauthenticated');
    expectProblem(await member.get('/api/v1/admin/identity-settings'), 403, 'forbidden');
    expectProblem(await acme.owner.patch('/api/v1/admin/identity-settings', { twoFactor: 'sometimes' }), 400, 'invalid_input', 'twoFactor');
    const tz = await acme.owner.patch('/api/v1/admin/identity-settings', {
      workingHours: { enabled: true, timeZone: 'Mars/Olympus', days: [1], start: '08:00', end: '17:00' },
    });
    expectProblem(tz, 400, 'invalid_input');
    expect(problemFields(tz)).toEqual(['workingHours.timeZone']);
    expectProblem(await acme.owner.patch('/api/v1/admin/identity-settings', { enforceSso: true }), 400, 'invalid_input');
    expectProblem(
      await acme.owner.patch('/api/v1/admin/identity-settings', { breakGlassOwnerId: member.personId }),
      400,
      'invalid_input',
      'breakGlassOwnerId',
    );
    const ok = await acme.owner.patch('/api/v1/admin/identity-settings', { accessCodeDays: 3 });
    expect(ok.status).toBe(200);
    expect(ok.body.accessCodeDays).toBe(3);
    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=settings.identity_changed&limit=1');
    expect(audit.body.items[0]).toMatchObject({ action: 'settings.identity_changed', details: { accessCodeDays: 3 } });
  });

  it('usage terms: accepted at sign-in, asked again after the set months and when the text changes', async () => {
    const p = await addFrontline();
    const [issued] = await issue([p.id]);
    expect((await t.client(acme.slug).post('/api/v1/auth/access-code/claim', { code: issued?.code, password: NEW_PASSWORD })).status).toBe(
      200,
    );
    const set = await acme.owner.patch('/api/v1/admin/identity-settings', {
      terms: { required: true, text: 'Be kind.\nKeep secrets.', renewMonths: 12 },
    });
    expect(set.status).toBe(200);
    const signInOnce = async () => {
      const c = t.client(acme.slug);
      return { c, res: await c.post('/api/v1/auth/sign-in', { login: p.employeeId, password: NEW_PASSWORD }) };
    };
    const { c, res } = await signInOnce();
    expect(res.status).toBe(202);
    expect(res.body.step).toBe('terms');
    expect(c.cookie).toBeNull();
    const info = await c.get(`/api/v1/auth/sign-in/challenge?challenge=${res.body.challenge}`);
    expect(info.body).toMatchObject({ step: 'terms', terms: 'Be kind.\nKeep secrets.', displayName: p.displayName });
    expectProblem(
      await c.post('/api/v1/auth/sign-in/terms', { challenge: res.body.challenge, accept: false }),
      400,
      'invalid_input',
      'accept',
    );
    const accepted = await c.post('/api/v1/auth/sign-in/terms', { challenge: res.body.challenge, accept: true });
    expect(accepted.status).toBe(200);
    // The challenge is spent.
    expectProblem(
      await c.post('/api/v1/auth/sign-in/terms', { challenge: res.body.challenge, accept: true }),
      400,
      'challenge_invalid',
      'challenge',
    );
    expect((await signInOnce()).res.status).toBe(200);
    // Every 12 months they are asked again: the acceptance is moved 13 months into the past.
    const thirteenMonthsAgo = new Date();
    thirteenMonthsAgo.setUTCMonth(thirteenMonthsAgo.getUTCMonth() - 13);
    await t.server.ctx.db.updateTable('people').set({ terms_accepted_at: thirteenMonthsAgo.getTime() }).where('id', '=', p.id).execute();
    const due = await signInOnce();
    expect(due.res.body.step).toBe('terms');
    expect((await due.c.post('/api/v1/auth/sign-in/terms', { challenge: due.res.body.challenge, accept: true })).status).toBe(200);
    expect((await signInOnce()).res.status).toBe(200);
    await acme.owner.patch('/api/v1/admin/identity-settings', { terms: { required: true, text: 'Be kind. Version 2.', renewMonths: 12 } });
    expect((await signInOnce()).res.body.step).toBe('terms');
    await acme.owner.patch('/api/v1/admin/identity-settings', { terms: { required: false, text: '', renewMonths: 12 } });
  });
});
