import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

interface Entry {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; label: string };
  action: string;
  target: { kind: string; id: string | null; label: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
}

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let globex: Company;
  let member: Client & { personId: string; email: string };
  let sneaky: Client & { personId: string; email: string };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    globex = await signUpCompany(t);
    member = await addPerson(t, acme, { name: 'Mia Member' });
    sneaky = await addPerson(t, acme, { name: '=HYPERLINK("http://evil.example","click")' });
    // Things worth recording: a failed and a good sign-in, a role change, a deactivation.
    await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: member.email, password: 'not the password' });
    await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: member.email, password: PASSWORD });
    await acme.owner.patch(`/api/v1/admin/people/${member.personId}`, { role: 'admin' });
    await acme.owner.patch(`/api/v1/admin/people/${member.personId}`, { role: 'member' });
    await acme.owner.post(`/api/v1/admin/people/${sneaky.personId}/deactivate`);
    await globex.owner.patch('/api/v1/admin/identity-settings', { accessCodeDays: 5 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = async (query: string, c: Client = acme.owner): Promise<Entry[]> => {
    const res = await c.get(`/api/v1/admin/audit-log?${query}`);
    expect(res.status).toBe(200);
    return res.body.items as Entry[];
  };

  it('401 without a session, 403 for members, 400 naming the field', async () => {
    expectProblem(await t.client(acme.slug).get('/api/v1/admin/audit-log'), 401, 'unauthenticated');
    expectProblem(await member.get('/api/v1/admin/audit-log'), 403, 'forbidden');
    expectProblem(await member.get('/api/v1/admin/audit-log/export'), 403, 'forbidden');
    expectProblem(await acme.owner.get('/api/v1/admin/audit-log?action=DROP TABLE'), 400, 'invalid_input', 'action');
    expectProblem(await acme.owner.get('/api/v1/admin/audit-log?from=yesterday'), 400, 'invalid_input', 'from');
    expectProblem(await acme.owner.get('/api/v1/admin/audit-log?actorId=42'), 400, 'invalid_input', 'actorId');
    expectProblem(await acme.owner.get('/api/v1/admin/audit-log?cursor=garbage'), 400, 'invalid_input', 'cursor');
    expectProblem(await acme.owner.get('/api/v1/admin/audit-log?limit=1000'), 400, 'invalid_input', 'limit');
  });

  it('records who did what to whom, from where; newest first', async () => {
    const all = await entries('limit=100');
    const actions = all.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.sign_in_failed', 'auth.sign_in', 'person.role_changed', 'person.deactivated', 'person.joined']),
    );
    const failed = all.find((e) => e.action === 'auth.sign_in_failed');
    expect(failed).toMatchObject({
      actor: { kind: 'anonymous', label: member.email },
      ip: '127.0.0.1',
      details: { reason: 'invalid_credentials' },
    });
    expect(JSON.stringify(failed)).not.toContain('not the password');
    const roles = all.filter((e) => e.action === 'person.role_changed');
    expect(roles.map((e) => e.details)).toEqual([
      { from: 'admin', to: 'member' },
      { from: 'member', to: 'admin' },
    ]);
    expect(roles[0]).toMatchObject({ actor: { kind: 'person', id: acme.owner.session?.person.id }, target: { id: member.personId } });
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Another company's changes are not here.
    expect(all.some((e) => e.action === 'settings.identity_changed')).toBe(false);
    expect((await entries('action=settings', globex.owner)).map((e) => e.action)).toEqual(['settings.identity_changed']);
  });

  it('filters by family, action, actor, target, text and time; pages without gaps', async () => {
    expect((await entries('action=auth')).every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect((await entries('action=person.deactivated')).map((e) => e.target?.id)).toEqual([sneaky.personId]);
    expect((await entries(`targetId=${member.personId}&action=person`)).map((e) => e.action)).toEqual([
      'person.role_changed',
      'person.role_changed',
      'person.joined',
    ]);
    expect((await entries('q=mia')).length).toBeGreaterThan(0);
    expect(await entries('from=2999-01-01T00:00:00Z')).toEqual([]);
    expect((await entries('to=2000-01-01T00:00:00Z')).length).toBe(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await acme.owner.get(`/api/v1/admin/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...(res.body.items as Entry[]).map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const whole = (await entries('limit=100')).map((e) => e.id);
    expect(seen).toEqual(whole);
  });

  it('exports CSV with formulas neutralised, and the export itself is recorded', async () => {
    const res = await acme.owner.get('/api/v1/admin/audit-log/export?action=person');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain(`audit-log-${acme.slug}.csv`);
    const text = String(res.body);
    // (The byte-order mark is read away by the client's UTF-8 decoding.)
    expect(text).toMatch(/^\uFEFF?time,actor_kind/);
    expect(text).toContain('person.deactivated');
    // The name starting with "=" is text in every spreadsheet: prefixed with an apostrophe.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect((await entries('action=audit.exported'))[0]).toMatchObject({ details: { entries: expect.any(Number) } });
  });
});
