import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDueSyncs } from '../server/modules/ldap/schedule.js';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { adCompany, adDn, adEntry, containers, pad, type AdPerson } from './support/directory-entries.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';
import { SERVICE_DN, SERVICE_PASSWORD, startSlapd, type Slapd } from './support/slapd.js';

/**
 * The sync against a real slapd loaded with an Active Directory-shaped company of a few thousand
 * people (more than the server's 500-entry size limit, so it is read page by page).
 */
const N = 2500;
const ADOPTED = `User ${pad(N - 2)}`;
const GONE = `User ${pad(N - 1)}`;

const special: AdPerson[] = [
  // A loop of managers: each is reported, the rest of the company is applied.
  { cn: 'Loop Ann', sam: 'loop.ann', mail: 'loop.ann@corp.test', manager: 'Loop Bob' },
  { cn: 'Loop Bob', sam: 'loop.bob', mail: 'loop.bob@corp.test', manager: 'Loop Cid' },
  { cn: 'Loop Cid', sam: 'loop.cid', mail: 'loop.cid@corp.test', manager: 'Loop Ann' },
  // A manager who is not in the directory.
  { cn: 'Far Boss', sam: 'far.boss', mail: 'far.boss@corp.test', managerDn: 'cn=Nobody,ou=elsewhere,dc=test' },
  // Missing or wrong attributes: reported, nothing created.
  { cn: 'No Guid', sam: 'no.guid', mail: 'no.guid@corp.test', guid: false },
  { cn: 'No Login', sam: null, mail: null, upn: null },
  { cn: 'Bad Mail', sam: 'bad.mail', mail: 'not-an-e-mail', upn: null },
  // Disabled before anyone was created: nobody to create.
  { cn: 'Left Long Ago', sam: 'left.long.ago', mail: 'left@corp.test', disabled: true },
];

async function waitForRun(c: Client, runId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await c.get(`/api/v1/admin/ldap/runs/${runId}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(DIALECTS)('LDAP sync of an Active Directory on %s', (dialect) => {
  let slapd: Slapd;
  let t: TestServer;
  let acme: Company;
  let adopted: Client & { personId: string };
  let config: Record<string, unknown>;

  const sync = async (dryRun: boolean, force = false) => {
    const res = await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun, ...(force ? { force } : {}) });
    expect(res.status).toBe(202);
    return waitForRun(acme.owner, res.body.runId);
  };
  const count = async (status: 'active' | 'deactivated') =>
    Number(
      (
        await t.server.ctx.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', acme.orgId)
          .where('status', '=', status)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const personByLogin = async (username: string) => {
    const row = await t.server.ctx.db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', acme.orgId)
      .where('username', '=', username)
      .executeTakeFirst();
    if (!row) return null;
    const profile = (await acme.owner.get(`/api/v1/people/${row.id}/profile`)).body;
    return { ...profile.person, manager: profile.manager };
  };

  beforeAll(async () => {
    const ldif = [containers(), ...[...adCompany(N), ...special].map(adEntry)].join('\n');
    [slapd, t] = await Promise.all([startSlapd(ldif), startTestServer({ dialect })]);
    acme = await signUpCompany(t);
    // Already a member with the e-mail of a directory entry: the sync takes them over.
    adopted = await addPerson(t, acme, { name: 'Someone Before', email: `user${pad(N - 2)}@corp.test` });
    config = {
      url: slapd.url,
      bindDn: SERVICE_DN,
      bindPassword: SERVICE_PASSWORD,
      baseDn: 'ou=ad,dc=test',
      preset: 'ad',
      // slapd stores objectCategory as a DN, so AD's `objectCategory=person` shorthand matches nothing here.
      userFilter: '(objectClass=user)',
    };
    expect((await acme.owner.put('/api/v1/admin/ldap', config)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await slapd?.stop();
  });

  it('refuses a real sync before a dry run of the configuration', async () => {
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: false }), 409, 'dry_run_required', 'dryRun');
  });

  it('a dry run reports what would happen and writes nobody', async () => {
    const before = await count('active');
    const run = await sync(true);
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true, error: null });
    expect(run.counts).toEqual({
      entries: N + special.length,
      created: N - 1 + 4,
      updated: 1,
      reactivated: 0,
      deactivated: 0,
      unchanged: 0,
      skipped: 1,
      errors: 7,
    });
    expect(run.safetyValve).toMatchObject({ tripped: false, deactivations: 0 });
    expect(await count('active')).toBe(before);
    const problems = run.problems.map((p: { dn: string; field: string }) => `${p.dn} ${p.field}`).sort();
    expect(problems).toEqual(
      [
        `${adDn('Bad Mail')} email`,
        `${adDn('Far Boss')} manager`,
        `${adDn('Loop Ann')} manager`,
        `${adDn('Loop Bob')} manager`,
        `${adDn('Loop Cid')} manager`,
        `${adDn('No Guid')} key`,
        `${adDn('No Login')} username`,
      ].sort(),
    );
    expect(run.changes[0]).toMatchObject({ action: 'link', dn: adDn(ADOPTED), personId: adopted.personId });
    expect(run.changes).toHaveLength(500);
    expect((await acme.owner.get('/api/v1/admin/ldap')).body.dryRunDone).toBe(true);
  });

  it('the first real sync creates everyone, with managers, and reports loops per entry', { timeout: 60_000 }, async () => {
    const before = await count('active');
    const run = await sync(false);
    expect(run).toMatchObject({ status: 'succeeded', dryRun: false, error: null });
    expect(run.counts).toMatchObject({ created: N - 1 + 4, updated: 1, deactivated: 0, skipped: 1, errors: 7 });
    expect(run.progress.processed).toBe(run.progress.total);
    expect(await count('active')).toBe(before + N - 1 + 4);

    const u42 = await personByLogin('user00042');
    expect(u42).toMatchObject({ displayName: 'User 00042', title: 'Engineer', department: 'Dept 2', email: 'user00042@corp.test' });
    expect(u42.employeeId).toBe('E00042');
    expect(u42.manager?.displayName).toBe('User 00004');
    expect(await personByLogin(`user${pad(N - 2)}`)).toMatchObject({ id: adopted.personId, displayName: ADOPTED });
    for (const name of ['loop.ann', 'loop.bob', 'loop.cid', 'far.boss']) expect((await personByLogin(name)).manager).toBeNull();
    const loop = run.problems.find((p: { dn: string }) => p.dn === adDn('Loop Ann'));
    expect(loop.message).toMatch(/loop: Loop Ann → Loop Bob → Loop Cid → Loop Ann/);
    expect(await personByLogin('no.guid')).toBeNull();
    expect(await personByLogin('bad.mail')).toBeNull();
    // The people it created were written in the audit log by the sync.
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', acme.orgId)
      .where('action', '=', 'person.created')
      .where('actor_kind', '=', 'ldap')
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBe(N - 1 + 4);
  });

  it('applies changes, deactivates entries gone or disabled, and ends their sessions', { timeout: 60_000 }, async () => {
    expect((await adopted.get('/api/v1/me')).status).toBe(200);
    const admin = await slapd.admin();
    await admin.modify(adDn('User 00005'), [
      new Change({ operation: 'replace', modification: new Attribute({ type: 'title', values: ['Director'] }) }),
    ]);
    await admin.modify(adDn(ADOPTED), [
      new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: ['514'] }) }),
    ]);
    await admin.del(adDn(GONE));
    // The loop is broken: Cid now reports to User 00001.
    await admin.modify(adDn('Loop Cid'), [
      new Change({ operation: 'replace', modification: new Attribute({ type: 'manager', values: [adDn('User 00001')] }) }),
    ]);
    await admin.unbind();

    const run = await sync(false);
    expect(run.counts).toMatchObject({ created: 0, updated: 4, deactivated: 2, errors: 4 });
    expect(
      run.changes
        .filter((c: { action: string }) => c.action === 'deactivate')
        .map((c: { fields: string[] }) => c.fields[0])
        .sort(),
    ).toEqual(['disabled', 'gone']);
    expect((await personByLogin('user00005')).title).toBe('Director');
    expect((await personByLogin('loop.ann')).manager?.displayName).toBe('Loop Bob');
    expect((await personByLogin('loop.cid')).manager?.displayName).toBe('User 00001');
    expect((await acme.owner.get(`/api/v1/people/${adopted.personId}`)).body.status).toBe('deactivated');
    expectProblem(await adopted.get('/api/v1/me'), 401, 'unauthenticated');
    const gone = await t.server.ctx.db
      .selectFrom('people')
      .select('status')
      .where('org_id', '=', acme.orgId)
      .where('username', '=', `user${pad(N - 1)}`)
      .executeTakeFirstOrThrow();
    expect(gone.status).toBe('deactivated');

    // Nothing changed since: a run changes nobody.
    const again = await sync(false);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, deactivated: 0, reactivated: 0 });
  });

  it('a directory that suddenly answers empty deactivates nobody (safety valve)', { timeout: 60_000 }, async () => {
    const active = await count('active');
    const empty = { ...config, userFilter: '(&(objectClass=user)(sAMAccountName=nobody-at-all))' };
    delete (empty as { bindPassword?: string }).bindPassword;
    expect((await acme.owner.put('/api/v1/admin/ldap', empty)).body.dryRunDone).toBe(false);
    expectProblem(await acme.owner.post('/api/v1/admin/ldap/sync', { dryRun: false }), 409, 'dry_run_required', 'dryRun');
    const dry = await sync(true);
    expect(dry.safetyValve).toMatchObject({ tripped: true, limitPercent: 20, deactivations: dry.safetyValve.linked });
    expect(dry.safetyValve.linked).toBeGreaterThan(N - 10);
    const real = await sync(false);
    expect(real).toMatchObject({ status: 'failed', error: { code: 'safety_valve' } });
    expect(real.error.message).toMatch(/Nothing was changed/);
    expect(await count('active')).toBe(active);
  });

  it('the schedule enqueues a due sync once, even when ticked twice', { timeout: 60_000 }, async () => {
    const res = await acme.owner.put('/api/v1/admin/ldap', { ...config, bindPassword: undefined, scheduleMinutes: 60 });
    expect(res.body.nextSyncAt).not.toBeNull();
    // Not due yet: nothing.
    expect(await enqueueDueSyncs(t.server.ctx)).toEqual([]);
    // Due, but this configuration had no dry run: the schedule waits for one (and moves on).
    const later = Date.now() + 61 * 60_000;
    expect(await enqueueDueSyncs(t.server.ctx, later)).toEqual([]);
    await sync(true);
    const due = Date.now() + 3 * 61 * 60_000;
    const [a, b] = await Promise.all([enqueueDueSyncs(t.server.ctx, due), enqueueDueSyncs(t.server.ctx, due)]);
    expect([...a!, ...b!]).toHaveLength(1);
    const run = await waitForRun(acme.owner, [...a!, ...b!][0]!);
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'schedule', requestedBy: null });
    expect(run.counts).toMatchObject({ created: 0, updated: 0, deactivated: 0 });
  });
});
