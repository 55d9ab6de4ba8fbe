import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_MAPPINGS } from '../protocol/ldap.js';
import { ldapSignIn } from '../server/modules/ldap/bind.js';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { containers, olDn, olEntry, type OlPerson } from './support/directory-entries.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';
import { SERVICE_DN, SERVICE_PASSWORD, startSlapd, type Slapd } from './support/slapd.js';

/**
 * The directory configuration in the admin area, the connection test (ldap://, ldaps://, StartTLS
 * with a CA of the company's own), an OpenLDAP directory synced with its preset, the deactivation
 * limit, and sign-in by LDAP bind; against a real slapd with TLS.
 */
const SOME_ID = '01900000-0000-7000-8000-000000000000';
const PEOPLE = 30;
const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/v1/admin/ldap'],
  ['PUT', '/api/v1/admin/ldap', { url: 'ldap://x.test', bindDn: 'cn=a', bindPassword: 'p', baseDn: 'dc=x', preset: 'ad' }],
  ['DELETE', '/api/v1/admin/ldap'],
  ['POST', '/api/v1/admin/ldap/test', {}],
  ['POST', '/api/v1/admin/ldap/sync', { dryRun: true }],
  ['GET', '/api/v1/admin/ldap/runs'],
  ['GET', `/api/v1/admin/ldap/runs/${SOME_ID}`],
];

const people: OlPerson[] = [
  ...Array.from({ length: PEOPLE }, (_, i) => ({
    uid: `ol.${i}`,
    cn: `OL Person ${i}`,
    mail: `ol.${i}@example.test`,
    displayName: `OL Person ${i}`,
    department: `D${i % 3}`,
    title: 'Clerk',
    employeeNumber: `N${i}`,
    manager: i > 0 ? `OL Person ${Math.floor((i - 1) / 5)}` : null,
    password: `secret-${i}`,
  })),
  { uid: 'no.display', cn: 'No Display', mail: 'no.display@example.test' },
  { uid: null, cn: 'No Handle', mail: null, displayName: 'No Handle' },
  { uid: 'was.disabled', cn: 'Was Disabled', displayName: 'Was Disabled', employeeType: 'disabled' },
];

async function waitForRun(c: Client, runId: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await c.get(`/api/v1/admin/ldap/runs/${runId}`);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(DIALECTS)('LDAP administration on %s', (dialect) => {
  let slapd: Slapd;
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client;
  let config: Record<string, unknown>;

  const sync = async (dryRun: boolean, force = false) => {
    const res = await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun, ...(force ? { force } : {}) });
    expect(res.status).toBe(202);
    return waitForRun(acme.owner, res.body.runId);
  };
  const org = async () => t.server.ctx.db.selectFrom('orgs').selectAll().where('id', '=', acme.orgId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    [slapd, t] = await Promise.all([
      startSlapd([containers(), ...people.map(olEntry)].join('\n'), { tls: true }),
      startTestServer({ dialect }),
    ]);
    [acme, other] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    member = await addPerson(t, acme, { name: 'Mel Member' });
    config = {
      url: slapd.url,
      bindDn: SERVICE_DN,
      bindPassword: SERVICE_PASSWORD,
      baseDn: 'ou=ol,dc=test',
      preset: 'openldap',
      // Names only from displayName, and OpenLDAP without the password policy overlay: employeeType marks leavers.
      mapping: {
        ...PRESET_MAPPINGS.openldap,
        displayName: ['displayName'],
        disabled: { kind: 'attribute', attribute: 'employeeType', value: 'disabled' },
      },
    };
  });
  afterAll(async () => {
    await t?.close();
    await slapd?.stop();
  });

  it('every route answers 401 without a session and 403 to members', async () => {
    for (const [method, path, body] of ROUTES) {
      expectProblem(await t.client(acme.slug).call(method, path, body), 401, 'unauthenticated');
      expectProblem(await member.call(method, path, body), 403, 'forbidden');
    }
  });

  it('answers 404 while no directory is configured', async () => {
    expectProblem(await acme.owner.get('/api/v1/admin/ldap'), 404, 'not_found');
    expectProblem(await acme.owner.call('DELETE', '/api/v1/admin/ldap'), 404, 'not_found');
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: true }), 404, 'not_found');
    expectProblem(await acme.owner.get(`/api/v1/admin/ldap/runs/${SOME_ID}`), 404, 'not_found');
    expect((await acme.owner.get('/api/v1/admin/ldap/runs')).body).toEqual({ items: [], nextCursor: null });
    // Nothing stored to fill in from: the test names the first missing field.
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/test', {}), 400, 'invalid_input', 'url');
  });

  it('refuses bad values naming the field', async () => {
    const put = (patch: Record<string, unknown>) => acme.owner.put('/api/v1/admin/ldap', { ...config, ...patch });
    const { bindPassword: _pw, ...withoutPassword } = config;
    expectProblem(await acme.owner.put('/api/v1/admin/ldap', withoutPassword), 400, 'invalid_input', 'bindPassword');
    expectProblem(await put({ url: 'http://ldap.example.test' }), 400, 'invalid_input', 'url');
    expectProblem(await put({ url: 'ldaps://ldap.example.test', startTls: true }), 400, 'invalid_input', 'startTls');
    expectProblem(await put({ userFilter: '(objectClass=person' }), 400, 'invalid_input', 'userFilter');
    expectProblem(
      await put({ caCertificate: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----' }),
      400,
      'invalid_input',
      'caCertificate',
    );
    expectProblem(await put({ preset: 'custom', mapping: undefined }), 400, 'invalid_input', 'mapping');
    expectProblem(await put({ scheduleMinutes: 3 }), 400, 'invalid_input', 'scheduleMinutes');
    expectProblem(await put({ maxDeactivatePercent: 101 }), 400, 'invalid_input', 'maxDeactivatePercent');
    expectProblem(await put({ baseDn: 'not a dn' }), 400, 'invalid_input', 'baseDn');
    expectProblem(await put({ mapping: { ...(config.mapping as object), key: 'entry UUID' } }), 400, 'invalid_input', 'mapping.key');
    expectProblem(await put({ bindDn: 'x'.repeat(1001) }), 400, 'invalid_input', 'bindDn');
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: 'yes' }), 400, 'invalid_input', 'dryRun');
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/test', { url: 'http://x' }), 400, 'invalid_input', 'url');
    expectProblem(await acme.owner.get('/api/v1/admin/ldap/runs?limit=0'), 400, 'invalid_input', 'limit');
    expectProblem(await acme.owner.get('/api/v1/admin/ldap/runs/not-an-id'), 400, 'invalid_input', 'id');
    expectProblem(await acme.owner.get('/api/v1/admin/ldap'), 404, 'not_found');
  });

  it('saves the configuration; the bind password is never returned nor logged', async () => {
    const saved = await acme.owner.put('/api/v1/admin/ldap', config);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      url: slapd.url,
      bindPasswordSet: true,
      preset: 'openldap',
      userFilter: '(objectClass=inetOrgPerson)',
      dryRunDone: false,
    });
    expect(saved.body.mapping.key).toBe('entryUUID');
    const read = await acme.owner.get('/api/v1/admin/ldap');
    expect(read.body).toEqual(saved.body);
    for (const body of [saved.body, read.body]) expect(JSON.stringify(body)).not.toContain(SERVICE_PASSWORD);
    const row = await t.server.ctx.db.selectFrom('ldap_configs').selectAll().where('org_id', '=', acme.orgId).executeTakeFirstOrThrow();
    expect(row.bind_password_enc).not.toContain(SERVICE_PASSWORD);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', '=', acme.orgId)
      .where('action', 'like', 'ldap.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ldap.config_created']);
    expect(audit[0]).toMatchObject({ actor_kind: 'person', actor_label: 'Olivia Owner' });
    expect(audit[0]!.details).not.toContain(SERVICE_PASSWORD);
    // Saved again without a password: the stored one stays.
    const { bindPassword: _pw, ...withoutPassword } = config;
    expect((await acme.owner.put('/api/v1/admin/ldap', { ...withoutPassword, scheduleMinutes: 30 })).body).toMatchObject({
      bindPasswordSet: true,
      scheduleMinutes: 30,
    });
    expect((await acme.owner.post('/api/v1/admin/ldap/test', {})).body.ok).toBe(true);
    // The other company sees none of it.
    expectProblem(await other.owner.get('/api/v1/admin/ldap'), 404, 'not_found');
  });

  it('tests the connection: ldap://, ldaps:// and StartTLS with a CA, and says which step failed', async () => {
    const ok = await acme.owner.post('/api/v1/admin/ldap/test', {});
    expect(ok.body).toMatchObject({ ok: true, step: 'search' });
    expect(ok.body.sample).toHaveLength(5);
    for (const s of ok.body.sample) expect(s.key).toMatch(/^[0-9a-f-]{36}$/);
    const person = ok.body.sample.find((s: { username: string | null }) => s.username?.startsWith('ol.'));
    expect(person).toMatchObject({ displayName: `OL Person ${person.username.slice(3)}`, email: `${person.username}@example.test` });
    expect((await acme.owner.post('/api/v1/admin/ldap/test', { bindPassword: 'wrong' })).body).toMatchObject({ ok: false, step: 'bind' });
    expect((await acme.owner.post('/api/v1/admin/ldap/test', { url: 'ldap://127.0.0.1:1' })).body).toMatchObject({
      ok: false,
      step: 'connect',
    });
    const untrusted = await acme.owner.post('/api/v1/admin/ldap/test', { url: slapd.ldapsUrl });
    expect(untrusted.body).toMatchObject({ ok: false, step: 'connect' });
    expect(untrusted.body.message).toMatch(/certificate/i);
    expect((await acme.owner.post('/api/v1/admin/ldap/test', { url: slapd.ldapsUrl, caCertificate: slapd.caPem })).body).toMatchObject({
      ok: true,
    });
    expect((await acme.owner.post('/api/v1/admin/ldap/test', { startTls: true })).body).toMatchObject({ ok: false, step: 'starttls' });
    expect((await acme.owner.post('/api/v1/admin/ldap/test', { startTls: true, caCertificate: slapd.caPem })).body).toMatchObject({
      ok: true,
    });
    expect((await acme.owner.post('/api/v1/admin/ldap/test', { baseDn: 'ou=missing,dc=test' })).body).toMatchObject({
      ok: false,
      step: 'search',
    });
    const tested = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('org_id', '=', acme.orgId)
      .where('action', '=', 'ldap.connection_tested')
      .execute();
    expect(tested.length).toBeGreaterThanOrEqual(9);
  });

  it('syncs OpenLDAP with its preset: a dry run first, then people; entries with missing attributes are reported', async () => {
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: false }), 409, 'dry_run_required', 'dryRun');
    const dry = await sync(true);
    expect(dry.counts).toEqual({
      entries: PEOPLE + 3,
      created: PEOPLE,
      updated: 0,
      reactivated: 0,
      deactivated: 0,
      unchanged: 0,
      skipped: 1,
      errors: 2,
    });
    expect(dry.problems.map((p: { dn: string; field: string }) => [p.dn, p.field])).toEqual([
      [olDn('No Display'), 'displayName'],
      [olDn('No Handle'), 'username'],
    ]);
    expect(dry.problems[0].message).toBe('has no name (displayName)');
    const real = await sync(false);
    expect(real.counts).toMatchObject({ created: PEOPLE, errors: 2, skipped: 1 });
    const p7 = await t.server.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', acme.orgId)
      .where('username', '=', 'ol.7')
      .executeTakeFirstOrThrow();
    expect(p7).toMatchObject({ display_name: 'OL Person 7', department: 'D1', employee_id: 'N7', email: 'ol.7@example.test' });
    const profile = await acme.owner.get(`/api/v1/people/${p7.id}/profile`);
    expect(profile.body.manager.displayName).toBe('OL Person 1');

    // A leaver by the company's rule (employeeType=disabled).
    const admin = await slapd.admin();
    await admin.modify(olDn('OL Person 29'), [
      new Change({ operation: 'add', modification: new Attribute({ type: 'employeeType', values: ['disabled'] }) }),
    ]);
    await admin.unbind();
    expect((await sync(false)).counts).toMatchObject({ deactivated: 1, created: 0, updated: 0 });
  });

  it('stops a run that would deactivate too many people, unless forced', async () => {
    const admin = await slapd.admin();
    for (let i = 21; i < 28; i++) await admin.del(olDn(`OL Person ${i}`));
    await admin.unbind();
    // 7 of the 29 linked people still active: 24%, over the 20% limit.
    const refused = await sync(false);
    expect(refused).toMatchObject({
      status: 'failed',
      error: { code: 'safety_valve' },
      safetyValve: { linked: 29, deactivations: 7, tripped: true },
    });
    expect(refused.changes.filter((c: { action: string }) => c.action === 'deactivate')).toHaveLength(7);
    const active = await t.server.ctx.db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', acme.orgId)
      .where('status', '=', 'active')
      .execute();
    const forced = await sync(false, true);
    expect(forced).toMatchObject({ status: 'succeeded', forced: true, counts: { deactivated: 7 } });
    const after = await t.server.ctx.db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', acme.orgId)
      .where('status', '=', 'active')
      .execute();
    expect(after.length).toBe(active.length - 7);
  });

  it('brings back people the sync deactivated, never people an admin deactivated', async () => {
    const id = async (username: string) =>
      (
        await t.server.ctx.db
          .selectFrom('people')
          .select('id')
          .where('org_id', '=', acme.orgId)
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    const status = async (username: string) => (await acme.owner.get(`/api/v1/people/${await id(username)}`)).body.status;
    expect((await acme.owner.post(`/api/v1/admin/people/${await id('ol.5')}/deactivate`)).status).toBe(200);
    const admin = await slapd.admin();
    await admin.modify(olDn('OL Person 29'), [new Change({ operation: 'delete', modification: new Attribute({ type: 'employeeType' }) })]);
    // Back in the directory as a new entry (a new entryUUID): the person is taken over again.
    await admin.add(olDn('OL Person 21'), {
      objectClass: 'inetOrgPerson',
      cn: 'OL Person 21',
      sn: '21',
      uid: 'ol.21',
      mail: 'ol.21@example.test',
      displayName: 'OL Person 21',
    });
    await admin.unbind();
    const run = await sync(false);
    expect(run.counts).toMatchObject({ reactivated: 2, deactivated: 0, created: 0 });
    expect(
      run.changes
        .filter((c: { action: string }) => c.action === 'reactivate')
        .map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['OL Person 21', 'OL Person 29']);
    expect(await status('ol.29')).toBe('active');
    expect(await status('ol.21')).toBe('active');
    expect(await status('ol.5')).toBe('deactivated');
    // Reports of OL Person 5 keep their manager, and say why it is not synced.
    expect(run.problems.some((p: { field: string; message: string }) => p.field === 'manager' && /deactivated here/.test(p.message))).toBe(
      true,
    );
  });

  it('one run at a time', async () => {
    await t.server.ctx.jobs.stop();
    try {
      expect((await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: true })).status).toBe(202);
      expectProblem(await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: true }), 409, 'sync_running');
    } finally {
      t.server.ctx.jobs.start();
    }
    const [queued] = (await acme.owner.get('/api/v1/admin/ldap/runs?limit=1')).body.items;
    expect((await waitForRun(acme.owner, queued.id)).status).toBe('succeeded');
  });

  it('signs people in with their directory password when the company allows it', async () => {
    const o = await org();
    expect(await ldapSignIn(t.server.ctx, o, 'ol.3', 'secret-3')).toBeNull();
    await acme.owner.put('/api/v1/admin/ldap', { ...config, bindPassword: undefined, signInWithBind: true });
    const byUsername = await ldapSignIn(t.server.ctx, o, 'ol.3', 'secret-3');
    expect(byUsername).toMatchObject({ username: 'ol.3', display_name: 'OL Person 3', status: 'active' });
    expect((await ldapSignIn(t.server.ctx, o, 'OL.3@example.test', 'secret-3'))?.id).toBe(byUsername!.id);
    expect(await ldapSignIn(t.server.ctx, o, 'ol.3', 'secret-4')).toBeNull();
    expect(await ldapSignIn(t.server.ctx, o, 'ol.3', '')).toBeNull();
    expect(await ldapSignIn(t.server.ctx, o, 'nobody.here', 'secret-3')).toBeNull();
    // Deactivated (by an admin, or by the sync: gone): no sign-in, whatever the directory says.
    expect(await ldapSignIn(t.server.ctx, o, 'ol.5', 'secret-5')).toBeNull();
    expect(await ldapSignIn(t.server.ctx, o, 'ol.22', 'secret-22')).toBeNull();
    expect((await ldapSignIn(t.server.ctx, o, 'ol.29', 'secret-29'))?.status).toBe('active');
    // Not linked to the directory: never through it.
    expect(await ldapSignIn(t.server.ctx, o, `owner@${acme.slug}.test`, SERVICE_PASSWORD)).toBeNull();
    // The same login in another company is another person.
    const theirs = await t.server.ctx.db.selectFrom('orgs').selectAll().where('id', '=', other.orgId).executeTakeFirstOrThrow();
    expect(await ldapSignIn(t.server.ctx, theirs, 'ol.3', 'secret-3')).toBeNull();
  });

  it('takes the directory password at the sign-in page, and says so when the directory is down', async () => {
    await acme.owner.put('/api/v1/admin/ldap', { ...config, bindPassword: undefined, signInWithBind: true });
    const browser = t.client(acme.slug);
    expectProblem(
      await browser.post('/api/v1/auth/sign-in', { login: 'ol.4', password: 'secret-3' }),
      401,
      'invalid_credentials',
      'password',
    );
    const res = await browser.post('/api/v1/auth/sign-in', { login: 'OL.4', password: 'secret-4' });
    expect(res.status).toBe(200);
    expect((await browser.get('/api/v1/me')).body).toMatchObject({ displayName: 'OL Person 4' });
    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=auth.sign_in');
    expect(audit.body.items[0]).toMatchObject({ details: { method: 'ldap' } });
    // A deactivated person stays out, whatever the directory says.
    expectProblem(
      await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: 'ol.5', password: 'secret-5' }),
      401,
      'invalid_credentials',
    );
    // The directory unreachable: 503, not "wrong password".
    await acme.owner.put('/api/v1/admin/ldap', { ...config, url: 'ldap://127.0.0.1:1', bindPassword: undefined, signInWithBind: true });
    expectProblem(
      await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: 'ol.4', password: 'secret-4' }),
      503,
      'directory_unavailable',
    );
    await acme.owner.put('/api/v1/admin/ldap', { ...config, bindPassword: undefined, signInWithBind: false });
  });

  it('lists runs newest first, page by page; another company sees none of them', async () => {
    const first = await acme.owner.get('/api/v1/admin/ldap/runs?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].requestedBy).toMatchObject({ name: 'Olivia Owner' });
    const second = await acme.owner.get(`/api/v1/admin/ldap/runs?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items[0].id < first.body.items[1].id).toBe(true);
    expectProblem(await other.owner.get(`/api/v1/admin/ldap/runs/${first.body.items[0].id}`), 404, 'not_found');
    expect((await other.owner.get('/api/v1/admin/ldap/runs')).body.items).toEqual([]);
  });

  it('removes the configuration; people and runs stay', async () => {
    const res = await acme.owner.call('DELETE', '/api/v1/admin/ldap');
    expect(res.status).toBe(204);
    expectProblem(await acme.owner.get('/api/v1/admin/ldap'), 404, 'not_found');
    expect((await acme.owner.get('/api/v1/admin/ldap/runs')).body.items.length).toBeGreaterThan(3);
    const deleted = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('org_id', '=', acme.orgId)
      .where('action', '=', 'ldap.config_deleted')
      .execute();
    expect(deleted).toHaveLength(1);
  });
});
