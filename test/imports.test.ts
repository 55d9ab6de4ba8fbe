import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, tokenOf } from './support/http.js';
import { csv, previewed, ran, rowsOf, uploaded, uploadPeople, waitForImport } from './support/imports.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
const HEADER = ['Employee ID', 'Full name', 'E-mail', 'Job title', 'Department', 'Manager', 'Phone', 'Location', 'Role'];
const COLUMNS = {
  employeeId: 'Employee ID',
  name: 'Full name',
  email: 'E-mail',
  title: 'Job title',
  department: 'Department',
  manager: 'Manager',
  phone: 'Phone',
  location: 'Location',
  role: 'Role',
};
const mappingOf = (options: Record<string, unknown> = {}) => ({ columns: COLUMNS, options: { match: 'employeeId', ...options } });

async function everyone(c: Client): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const res: Res = await c.get(`/api/v1/admin/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

describe.each(DIALECTS)('bulk import of people on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client & { personId: string; email: string };

  beforeAll(async () => {
    // Small batches, so that a few hundred rows take many transactions and several jobs.
    t = await startTestServer({ dialect, env: { IMPORT_BATCH_ROWS: '7', SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    member = await addPerson(t, acme, { name: 'Mel Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('each endpoint: 401 without a session, 403 for members, 400 naming the field, 404 for another company', async () => {
    const anon = t.client(acme.slug);
    const file = csv([HEADER, ['E1', 'Ada', '', '', '', '', '', '', '']]);
    expectProblem(await uploadPeople(anon, file), 401, 'unauthenticated');
    expectProblem(await uploadPeople(member, file), 403, 'forbidden');
    expectProblem(await acme.owner.call('POST', '/api/v1/admin/imports', { file: 'x' }), 415, 'unsupported_media_type');
    const theirs = await uploaded(other.owner, file);
    const mine = await uploaded(acme.owner, file);
    const paths = [
      ['GET', ''],
      ['PUT', '/mapping'],
      ['POST', '/preview'],
      ['POST', '/run'],
      ['GET', '/rows?limit=5'],
      ['GET', '/errors.csv'],
      ['POST', '/access-codes'],
      ['DELETE', ''],
    ] as const;
    for (const [method, suffix] of paths) {
      const body = method === 'PUT' ? mappingOf() : undefined;
      expectProblem(await anon.call(method, `/api/v1/admin/imports/${mine.id}${suffix}`, body), 401, 'unauthenticated');
      expectProblem(await member.call(method, `/api/v1/admin/imports/${mine.id}${suffix}`, body), 403, 'forbidden');
      expectProblem(await acme.owner.call(method, `/api/v1/admin/imports/not-an-id${suffix}`, body), 400, 'invalid_input', 'id');
      expectProblem(await acme.owner.call(method, `/api/v1/admin/imports/${theirs.id}${suffix}`, body), 404, 'not_found');
      expectProblem(await acme.owner.call(method, `/api/v1/admin/imports/${NEVER_USED_ID}${suffix}`, body), 404, 'not_found');
    }
    expectProblem(await anon.get('/api/v1/admin/imports'), 401, 'unauthenticated');
    expectProblem(await acme.owner.get('/api/v1/admin/imports?limit=x'), 400, 'invalid_input', 'limit');
    const list = await acme.owner.get('/api/v1/admin/imports?limit=50');
    expect(list.body.items.map((i: any) => i.id)).toContain(mine.id);
    expect(list.body.items.map((i: any) => i.id)).not.toContain(theirs.id);
    // Bodies are checked by name.
    expectProblem(
      await acme.owner.put(`/api/v1/admin/imports/${mine.id}/mapping`, { ...mappingOf(), extra: 1 }),
      400,
      'invalid_input',
      'extra',
    );
    expectProblem(
      await acme.owner.put(`/api/v1/admin/imports/${mine.id}/mapping`, {
        columns: { ...COLUMNS, name: 'Nom' },
        options: { match: 'employeeId' },
      }),
      400,
      'invalid_input',
      'columns.name',
    );
    expectProblem(
      await acme.owner.put(`/api/v1/admin/imports/${mine.id}/mapping`, {
        columns: { ...COLUMNS, shoeSize: 'X' },
        options: { match: 'email' },
      }),
      400,
      'invalid_input',
      'columns.shoeSize',
    );
    expectProblem(
      await acme.owner.put(`/api/v1/admin/imports/${mine.id}/mapping`, {
        columns: { name: 'Full name' },
        options: { match: 'employeeId' },
      }),
      400,
      'invalid_input',
      'columns.employeeId',
    );
    expectProblem(
      await acme.owner.put(`/api/v1/admin/imports/${mine.id}/mapping`, { columns: COLUMNS, options: { match: 'phone' } }),
      400,
      'invalid_input',
      'options.match',
    );
    // Order of things: no run or dry run before the columns are chosen, no access codes before the end.
    expectProblem(await acme.owner.post(`/api/v1/admin/imports/${mine.id}/run`), 409, 'mapping_required', 'mapping');
    expectProblem(await acme.owner.post(`/api/v1/admin/imports/${mine.id}/access-codes`), 409, 'import_not_finished');
    // Success, and discarding.
    expect((await acme.owner.put(`/api/v1/admin/imports/${mine.id}/mapping`, mappingOf())).status).toBe(200);
    expect((await acme.owner.get(`/api/v1/admin/imports/${mine.id}/rows?limit=5`)).body).toEqual({ items: [], nextCursor: null });
    expect((await acme.owner.delete(`/api/v1/admin/imports/${mine.id}`)).status).toBe(204);
    expectProblem(await acme.owner.get(`/api/v1/admin/imports/${mine.id}`), 404, 'not_found');
    expect((await acme.owner.delete(`/api/v1/admin/imports/${theirs.id}`)).status).toBe(404);
  });

  it('suggests columns from English and French headers', async () => {
    const fr = await uploaded(
      acme.owner,
      csv([
        ['Matricule', 'Prénom', 'Nom', 'Courriel', 'Poste', 'Service', 'Responsable', 'Téléphone', 'Site'],
        ['1', 'A', 'B', '', '', '', '', '', ''],
      ]),
    );
    expect(fr.suggested).toEqual({
      employeeId: 'Matricule',
      firstName: 'Prénom',
      lastName: 'Nom',
      email: 'Courriel',
      title: 'Poste',
      department: 'Service',
      manager: 'Responsable',
      phone: 'Téléphone',
      location: 'Site',
    });
    const en = await uploaded(
      acme.owner,
      csv([
        [...HEADER, 'Manager e-mail', 'Frontline'],
        ['1', 'A', '', '', '', '', '', '', '', '', ''],
      ]),
    );
    expect(en.suggested).toMatchObject({ ...COLUMNS, frontline: 'Frontline' });
    expect(en.suggested.email).toBe('E-mail');
  });

  it('dry run, then run: creates, per-row errors, managers in a second pass, audit; running the file again creates nobody', async () => {
    const zed = await acme.owner.post('/api/v1/admin/people', { displayName: 'Zed Held', email: 'zed@acme.test', employeeId: 'Z1' });
    expect(zed.status).toBe(201);
    const file = csv([
      HEADER,
      ['A1', 'Ada Boss', 'ada@acme.test', 'Chief', 'Board', '', '+33 1 23', 'Paris', 'admin'],
      ['A2', 'Bob Lead', 'bob@acme.test', 'Lead', 'Ops', 'A1', '', 'Lyon', ''],
      ['A3', 'Cy Floor', '', 'Picker', 'Ops', 'A2', '', 'Lyon', ''],
      ['A4', 'Di Floor', 'di@acme.test', 'Picker', 'Ops', 'bob@acme.test', '', '', 'member'],
      ['A5', 'Ed Broken', 'not-an-e-mail', '', '', '', '', '', ''],
      ['A6', 'Fay Orphan', '', '', '', 'Z99', '', '', ''],
      ['A7', 'Gil Twin', '', '', '', '', '', '', ''],
      ['A7', 'Gil Other Twin', '', '', '', '', '', '', ''],
      ['A8', 'Hal Loop', '', '', '', 'A9', '', '', ''],
      ['A9', 'Ida Loop', '', '', '', 'A8', '', '', ''],
      ['A10', 'Ivy Taken', 'ZED@acme.test', '', '', '', '', '', ''],
      ['A11', 'Jo Under Broken', '', '', '', 'A5', '', '', ''],
      ['A12', 'Kim Owner', '', '', '', '', '', '', 'owner'],
      // Invited by e-mail before the company had employee ids: found by e-mail, given the id.
      ['A13', 'Mel Member', member.email.toUpperCase(), '', '', '', '', '', ''],
    ]);
    const imp = await uploaded(acme.owner, file);
    expect(imp).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'utf-8', delimiter: ',', totalRows: 14, headers: HEADER });
    expect(imp.sample[0]).toEqual(['A1', 'Ada Boss', 'ada@acme.test', 'Chief', 'Board', '', '+33 1 23', 'Paris', 'admin']);

    const dry = await previewed(acme.owner, imp.id, mappingOf());
    expect(dry).toMatchObject({
      dryRun: true,
      counts: { create: 4, update: 1, unchanged: 0, error: 9 },
      progress: { done: 14, total: 14 },
    });
    expect((await everyone(acme.owner)).map((p) => p.displayName)).not.toContain('Ada Boss');
    const errors = await rowsOf(acme.owner, imp.id, 'error');
    const byRow = Object.fromEntries(errors.map((e) => [e.row, e]));
    expect(byRow[6]).toMatchObject({ field: 'email', column: 'E-mail', message: 'is not an e-mail address', name: 'Ed Broken', key: 'A5' });
    expect(byRow[7]).toMatchObject({
      field: 'manager',
      column: 'Manager',
      message: 'no one in the file or the company has the employee id "Z99"',
    });
    expect(byRow[8]).toMatchObject({ field: 'employeeId', message: '"A7" is also on row 9 of the file' });
    expect(byRow[9]).toMatchObject({ field: 'employeeId', message: '"A7" is also on row 8 of the file' });
    expect(byRow[10]).toMatchObject({ field: 'manager', message: 'would make a loop in the org chart: Hal Loop → Ida Loop → Hal Loop' });
    expect(byRow[11]).toMatchObject({ field: 'manager', message: 'would make a loop in the org chart: Ida Loop → Hal Loop → Ida Loop' });
    expect(byRow[12]).toMatchObject({ field: 'email', message: '"zed@acme.test" already belongs to Zed Held' });
    expect(byRow[13]).toMatchObject({ field: 'manager', message: '"A5" is on row 6, which has an error' });
    expect(byRow[14]).toMatchObject({
      field: 'role',
      column: 'Role',
      message: 'owners are not made by an import: use member, admin or guest',
    });
    const creates = await rowsOf(acme.owner, imp.id, 'create');
    expect(creates.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(await rowsOf(acme.owner, imp.id, 'update')).toMatchObject([{ row: 15, personId: member.personId, message: 'employeeId' }]);

    const done = await ran(acme.owner, imp.id);
    expect(done).toMatchObject({
      status: 'finished',
      dryRun: false,
      phase: 'done',
      counts: { create: 4, update: 1, unchanged: 0, error: 9 },
    });
    const people = await everyone(acme.owner);
    const byEid = Object.fromEntries(people.filter((p) => p.employeeId).map((p) => [p.employeeId, p]));
    expect(Object.keys(byEid).sort()).toEqual(['A1', 'A13', 'A2', 'A3', 'A4', 'Z1']);
    expect(byEid.A13).toMatchObject({ id: member.personId, email: member.email });
    expect(byEid.A1).toMatchObject({
      displayName: 'Ada Boss',
      email: 'ada@acme.test',
      role: 'admin',
      title: 'Chief',
      phone: '+33 1 23',
      location: 'Paris',
      managerId: null,
    });
    expect(byEid.A2.managerId).toBe(byEid.A1.id);
    expect(byEid.A3).toMatchObject({ email: null, managerId: byEid.A2.id });
    expect(byEid.A4.managerId).toBe(byEid.A2.id);
    const profile = await acme.owner.get(`/api/v1/people/${byEid.A3.id}/profile`);
    expect(profile.body.manager.displayName).toBe('Bob Lead');
    // The directory finds people by their manager's name (search text written by the second pass).
    const found = await acme.owner.get('/api/v1/people?q=bob%20lead&limit=10');
    expect(found.body.items.map((p: any) => p.displayName).sort()).toEqual(['Bob Lead', 'Cy Floor', 'Di Floor']);
    // Everyone imported is in the company-wide group, like anyone who joins.
    const groups = await acme.owner.get(`/api/v1/people/${byEid.A3.id}/groups?limit=5`);
    expect(groups.body.items.length).toBe(1);

    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=import&limit=50');
    const actions = audit.body.items.map((e: any) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['import.uploaded', 'import.mapped', 'import.previewed', 'import.started', 'import.finished']),
    );
    const finished = audit.body.items.find((e: any) => e.action === 'import.finished');
    expect(finished).toMatchObject({
      actor: { kind: 'person', label: 'Olivia Owner' },
      details: { created: 4, updated: 1, errors: 9, rows: 14 },
    });
    const created = await acme.owner.get(`/api/v1/admin/audit-log?action=person.created&targetId=${byEid.A3.id}`);
    expect(created.body.items).toMatchObject([{ actor: { kind: 'person', label: 'Olivia Owner' }, details: { via: 'import' } }]);

    // The same file again: matched by employee id, nobody is created twice; a changed title is an update.
    const again = await uploaded(acme.owner, file.replace('Picker,Ops,bob@acme.test', 'Packer,Ops,bob@acme.test'));
    const second = await ran(acme.owner, again.id, mappingOf());
    expect(second.counts).toMatchObject({ create: 0, update: 1, unchanged: 4, error: 9 });
    expect((await rowsOf(acme.owner, again.id, 'update'))[0]).toMatchObject({ row: 5, message: 'title', name: 'Di Floor' });
    const after = await everyone(acme.owner);
    expect(after.length).toBe(people.length);
    expect(after.find((p) => p.employeeId === 'A4').title).toBe('Packer');
  });

  it('a few hundred rows go through many batches and jobs, with live progress and a resumable position', async () => {
    const rows = [['Matricule', 'Nom complet', 'Manager']];
    for (let i = 1; i <= 400; i++) rows.push([`M${i}`, `Person ${i}`, i === 1 ? '' : `M${Math.floor(i / 2)}`]);
    const imp = await uploaded(acme.owner, csv(rows));
    const put = await acme.owner.put(`/api/v1/admin/imports/${imp.id}/mapping`, {
      columns: { employeeId: 'Matricule', name: 'Nom complet', manager: 'Manager' },
      options: { match: 'employeeId' },
    });
    expect(put.status).toBe(200);
    const started = await acme.owner.post(`/api/v1/admin/imports/${imp.id}/run`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', phase: 'people', progress: { done: 0, total: 400 } });
    expectProblem(await acme.owner.post(`/api/v1/admin/imports/${imp.id}/run`), 409, 'import_running');
    expectProblem(await acme.owner.delete(`/api/v1/admin/imports/${imp.id}`), 409, 'import_running');
    const seen = new Set<number>();
    const done = await waitForImport(acme.owner, imp.id, (i) => {
      seen.add(i.progress.done);
      return i.status === 'finished';
    });
    expect(done.counts).toMatchObject({ create: 400, error: 0 });
    // Progress was visible on the way (several values between 0 and 400).
    expect([...seen].filter((n) => n > 0 && n < 400).length).toBeGreaterThan(0);
    const people = await everyone(acme.owner);
    const byEid = new Map(people.filter((p) => /^M\d+$/.test(p.employeeId ?? '')).map((p) => [p.employeeId, p]));
    expect(byEid.size).toBe(400);
    expect(byEid.get('M400').managerId).toBe(byEid.get('M200').id);
    expect(byEid.get('M3').managerId).toBe(byEid.get('M1').id);
    const jobs = await t.server.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'imports.run').execute();
    expect(jobs.length).toBeGreaterThan(1);
    expectProblem(await acme.owner.post(`/api/v1/admin/imports/${imp.id}/run`), 409, 'import_finished');
  });

  it('welcome e-mails with a link to choose a password; access codes for people without e-mail', async () => {
    const file = csv([
      ['Employee ID', 'First name', 'Last name', 'Email'],
      ['W1', 'Wanda', 'Welcome', 'wanda@acme.test'],
      ['W2', 'Xavier', 'Floor', ''],
      ['W3', 'Yann', 'Floor', ''],
    ]);
    const imp = await uploaded(acme.owner, file);
    const done = await ran(acme.owner, imp.id, {
      columns: { employeeId: 'Employee ID', firstName: 'First name', lastName: 'Last name', email: 'Email' },
      options: { match: 'employeeId', sendAccess: 'access_codes' },
    });
    expect(done.access).toEqual({ invitationsSent: 1, codesToIssue: 2, codesIssued: 0 });
    const mail = await t.waitForMail((m) => m.to === 'wanda@acme.test');
    expect(mail.subject).toMatch(/^Welcome to /);
    expect(mail.text).toContain('Olivia Owner added you');
    const browser = t.client(acme.slug);
    const reset = await browser.post('/api/v1/auth/password-reset/complete', {
      token: tokenOf(mail.actionUrl!),
      password: 'wanda chose this password',
    });
    expect(reset.status).toBe(200);
    expect(reset.body.person.displayName).toBe('Wanda Welcome');

    const codes = await acme.owner.post(`/api/v1/admin/imports/${imp.id}/access-codes`);
    expect(codes.status).toBe(201);
    expect(codes.body.remaining).toBe(0);
    expect(codes.body.items.map((c: any) => [c.displayName, c.login])).toEqual([
      ['Xavier Floor', 'W2'],
      ['Yann Floor', 'W3'],
    ]);
    const phone = t.client(acme.slug);
    const claim = await phone.post('/api/v1/auth/access-code/claim', {
      code: codes.body.items[0].code,
      password: 'xavier on the shop floor',
    });
    expect(claim.status).toBe(200);
    expect((await acme.owner.get(`/api/v1/admin/imports/${imp.id}`)).body.access).toEqual({
      invitationsSent: 1,
      codesToIssue: 0,
      codesIssued: 2,
    });
    const again = await acme.owner.post(`/api/v1/admin/imports/${imp.id}/access-codes`);
    expect(again.body).toEqual({ items: [], remaining: 0 });
  });

  it('deactivates members with a key whom the file no longer lists, when asked (counted by the dry run)', async () => {
    const first = await uploaded(
      acme.owner,
      csv([
        ['Employee ID', 'Name'],
        ['D1', 'Dora Stays'],
        ['D2', 'Dan Leaves'],
      ]),
    );
    await ran(acme.owner, first.id, { columns: { employeeId: 'Employee ID', name: 'Name' }, options: { match: 'employeeId' } });
    const keep = (await everyone(acme.owner)).filter((p) => p.employeeId && p.employeeId !== 'D2' && p.status === 'active');
    const rows = [['Employee ID', 'Name'], ...keep.map((p) => [p.employeeId, p.displayName])];
    const second = await uploaded(acme.owner, csv(rows));
    const mapping = { columns: { employeeId: 'Employee ID', name: 'Name' }, options: { match: 'employeeId', deactivateMissing: true } };
    const dry = await previewed(acme.owner, second.id, mapping);
    expect(dry.counts.deactivate).toBe(1);
    const done = await ran(acme.owner, second.id);
    expect(done.counts.deactivate).toBe(1);
    const people = await everyone(acme.owner);
    expect(people.find((p) => p.employeeId === 'D2').status).toBe('deactivated');
    expect(people.find((p) => p.employeeId === 'D1').status).toBe('active');
    // The owner and members without an employee id are never touched.
    expect(people.filter((p) => !p.employeeId).every((p) => p.status === 'active')).toBe(true);
    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=person.deactivated&limit=5');
    expect(audit.body.items[0]).toMatchObject({ target: { label: 'Dan Leaves' }, details: { via: 'import' } });
  });
});
